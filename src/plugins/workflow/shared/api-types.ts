/**
 * The shapes the workflow API answers with, for both its clients: the admin panel's pages and the
 * uni-app client. Types only; the server builds these objects in services/orders.ts.
 */

export interface Elapsed {
  /** Natural hours, as every page shows them (text). */
  hours: number;
  text: string;
  thresholdHours: number | null;
  /** How the step's threshold counts, and the elapsed time in that unit. */
  unit: 'natural' | 'working';
  measuredHours: number;
  overdue: boolean;
}

export interface OrderRow {
  number: string;
  processKey: string;
  processName: string;
  title: string | null;
  category: string | null;
  channel: string;
  contactPhone?: string | null;
  contactName?: string | null;
  /** The service address (用水地址, else the applicant's address). */
  address?: string | null;
  buildingArea: number | null;
  currentStep: string;
  stepLabel: string;
  elapsed: Elapsed;
  /** The highest warning of the current step visit: 0 none, 1 at 80 %, 2 at 100 %, 3 at 200 % or an exception. */
  warningLevel: number;
  version: number;
  outcome: string | null;
  appliedAt: string;
  /** An ended order's archive (ZIP) has been made. */
  archived?: boolean;
  assignee: { id: number; name: string } | null;
  /** 催办 in the current step: how often and when last (null when not urged). */
  urged?: { count: number; lastAt: string } | null;
  /** Staff lists: the actions this person's role allows now. */
  actions?: Array<{ action: string; label: string }>;
}

/** A form field as the process definitions declare it, checked by the app's validators. */
export type { FormField } from '../../../validation/form';
import type { FormField } from '../../../validation/form';

/** A file an action needs before it may be taken. */
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
  fromStep: string | null;
  fromStepLabel: string | null;
  toStep: string | null;
  toStepLabel: string | null;
  comment: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  /** On events that entered a step: the time spent in that step. */
  elapsed?: Elapsed;
  hash: string;
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

export interface OrderView extends Omit<OrderRow, 'actions'> {
  formData: Record<string, unknown>;
  form: { fields: FormField[] };
  flags: { paymentDeferred: boolean; changedDuringConstruction: boolean };
  activeSteps: Array<{ key: string; label: string }>;
  history: HistoryEvent[];
  /** By kind, newest version first. */
  files: Record<string, OrderFile[]>;
  actions: ActionInfo[];
  /** Whether the caller may correct the application data (更正申请信息). */
  mayCorrect?: boolean;
  /** Whether the caller may 督办 the order (leaders, super administrators). */
  maySupervise?: boolean;
  /** Whether the caller may reassign the current step (改派). */
  mayReassign?: boolean;
  related: {
    contracts: Array<{
      contractNo: string;
      name: string;
      amount: number;
      counterpartyOutcome: string;
      approvals: Array<{ name: string; outcome: string; by: string }> | null;
      outcome: string | null;
    }>;
    payments: Array<{ amount: number; paid: boolean; paidAt: string; receiptNo: string | null }>;
    surveys: Array<{ latitude: number | null; longitude: number | null; notes: string | null }>;
    reports: Array<{ text: string; stage: string | null; exception: boolean; createdAt: string }>;
    signatures: Array<{ action: string; signedAt: string; sha256: string }>;
  };
}

export type ListParams = Record<string, string | number | boolean | undefined>;

export interface Page<T> {
  data: T[];
  /** `totalAtLeast`: there are more than `total` (large lists are counted a few pages ahead only). */
  meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number; totalAtLeast?: boolean } };
}

/** What an action answers: where the order is now. */
export interface ActionResult {
  number: string;
  version: number;
  currentStep: string;
  stepLabel: string;
  outcome: string | null;
}

/** A process an applicant may start, with its application form. */
export interface Process {
  key: string;
  version: number;
  name: string;
  description: string | null;
  applicantType: string | null;
  form: { fields: FormField[] };
}

/** An in-app message of the signed-in person. */
export interface Message {
  id: number;
  kind: string;
  title: string;
  body: string | null;
  data: Record<string, unknown> | null;
  number: string | null;
  read: boolean;
  createdAt: string;
}

export interface MessagePage extends Page<Message> {
  meta: Page<Message>['meta'] & { unread: number };
}

/** A knowledge article of an order's process (current: tagged with the step the order is in). */
export interface Article {
  id: number;
  title: string;
  body: string | null;
  step: string | null;
  current: boolean;
}
