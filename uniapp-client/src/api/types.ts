/** The shapes the workflow API answers with (see docs/api.md). */

export interface Elapsed {
  hours: number;
  text: string;
  thresholdHours: number | null;
  overdue: boolean;
}

export interface FormField {
  name: string;
  label: string;
  type: string;
  required?: boolean;
  maxLength?: number;
  options?: string[];
  min?: number;
  max?: number;
  role?: string;
}

export interface Process {
  key: string;
  version: number;
  name: string;
  description: string | null;
  applicantType: string | null;
  form: { fields: FormField[] };
}

export interface OrderRow {
  number: string;
  processKey: string;
  processName: string;
  title: string | null;
  currentStep: string;
  stepLabel: string;
  elapsed: Elapsed;
  version: number;
  outcome: string | null;
  appliedAt: string;
}

export interface Artifact {
  kind: string;
  label: string;
  min: number;
  types?: string[];
}

export interface ActionInfo {
  action: string;
  label: string;
  enabled: boolean;
  reason?: string;
  form: { fields: FormField[] };
  artifacts: Artifact[];
}

export interface HistoryEvent {
  seq: number;
  at: string;
  actor: { kind: string; name: string };
  action: string;
  actionLabel: string;
  fromStepLabel: string | null;
  toStep: string | null;
  toStepLabel: string | null;
  comment: string | null;
  elapsed?: Elapsed;
}

export interface OrderFile {
  id: number;
  name: string;
  version: number;
  mime: string;
  size: number;
  uploadedAt: string;
  current: boolean;
}

export interface OrderView extends OrderRow {
  formData: Record<string, unknown>;
  form: { fields: FormField[] };
  activeSteps: Array<{ key: string; label: string }>;
  history: HistoryEvent[];
  files: Record<string, OrderFile[]>;
  actions: ActionInfo[];
}

export interface Page<T> {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } };
}

export interface ActionResult {
  number: string;
  version: number;
  currentStep: string;
  stepLabel: string;
  outcome: string | null;
}

export type ListParams = Record<string, string | number | boolean | undefined>;
