/**
 * The definition format: an XState v5 machine config whose state nodes and transitions carry `meta`
 * (label, roles, thresholds, forms, artifacts, notifications). Helpers here read it; nothing runs it.
 */
import type { FormSchema } from './form';

export interface ArtifactRequirement {
  kind: string;
  label: string;
  min: number;
  /** MIME types (image/png) or extensions (.dwg); empty = any. */
  types?: string[];
}

export type Channel = 'sms' | 'message' | 'wechat' | 'archive';

export interface Notification {
  /**
   * applicant; assignee; handlers (the holder, else who may take the step); managers (department
   * administrators); executives (super administrators and leaders); person (the staff member `person`).
   */
  to: 'applicant' | 'assignee' | 'handlers' | 'managers' | 'executives' | 'person' | string;
  /** The staff profile a `person` notification is for, fixed when it is written. */
  person?: number;
  template: string;
  /** Defaults: sms, message and wechat for the applicant; message for staff. */
  channels?: Channel[];
  level?: number;
}

export interface TransitionMeta {
  label?: string;
  roles?: string[];
  form?: FormSchema;
  artifacts?: ArtifactRequirement[];
  notify?: Notification[];
  assignField?: string;
  guardMessage?: string;
  /** Taking this action raises the step's warning to this level at once (an exception report: 3). */
  warningLevel?: number;
}

export interface StepMeta {
  label: string;
  roles?: string[];
  thresholdHours?: number;
  /** How the threshold counts: natural hours (default) or working hours. */
  thresholdUnit?: 'natural' | 'working';
  assign?: 'least-busy';
  notify?: Notification[];
  secondary?: boolean;
  outcome?: string;
  autoAdvance?: { afterHours: number; event: string };
}

export type GuardRef = string | { type: string; params?: Record<string, unknown> };
export type ActionRef = string | { type: string; params?: Record<string, unknown> };

export interface TransitionConfig {
  target?: string;
  guard?: GuardRef;
  actions?: ActionRef[];
  meta?: TransitionMeta;
}

export interface StateConfig {
  id?: string;
  type?: 'parallel' | 'final';
  initial?: string;
  meta?: StepMeta;
  on?: Record<string, TransitionConfig | TransitionConfig[] | string>;
  always?: TransitionConfig | TransitionConfig[] | string;
  states?: Record<string, StateConfig>;
}

export const APPLICANT_TYPES = { enterprise: '企业', resident: '居民' } as const;
export type ApplicantType = keyof typeof APPLICANT_TYPES;

/** The applicant types that may start a process. */
export const startableBy = (spec: ProcessSpec): ApplicantType[] => spec.applicantTypes ?? [spec.applicantType];

export interface ProcessSpec {
  key: string;
  name: string;
  applicantType: ApplicantType;
  /** Who may start the process; `applicantType` alone when absent. */
  applicantTypes?: ApplicantType[];
  description?: string;
  form: FormSchema;
  entry: {
    titleField: string;
    phoneField: string;
    category: { field: string; suggestedBy?: string } | { fixed: string };
    organization: string | null;
  };
  machine: StateConfig & { id: string; initial: string; states: Record<string, StateConfig> };
  /** Who may correct an order's application data (更正申请信息); by default the window clerk and the department admin. */
  corrections?: { roles: string[] };
  /** Attachment kinds applicants see only once the order has reached a step (a contract draft: from signing on). */
  applicantFilesFrom?: Record<string, string>;
}

/** Kinds hidden from the applicant for now: those whose step the order has not reached yet. */
export const hiddenFromApplicant = (spec: ProcessSpec, reachedSteps: Set<string>) =>
  Object.entries(spec.applicantFilesFrom ?? {})
    .filter(([, step]) => !reachedSteps.has(step))
    .map(([kind]) => kind);

export interface StepNode {
  key: string;
  path: string[];
  config: StateConfig;
  parent: StepNode | null;
}

export const asTransitions = (
  value: TransitionConfig | TransitionConfig[] | string | undefined,
): TransitionConfig[] => {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((t) => (typeof t === 'string' ? { target: t } : t));
};

export const actionType = (a: ActionRef) => (typeof a === 'string' ? a : a.type);

/** Every state node by key. Keys are unique within a definition (the validator checks). */
export const indexNodes = (spec: ProcessSpec): Map<string, StepNode> => {
  const nodes = new Map<string, StepNode>();
  const walk = (states: Record<string, StateConfig>, parent: StepNode | null, path: string[]) => {
    for (const [key, config] of Object.entries(states)) {
      const node: StepNode = { key, path: [...path, key], config, parent };
      nodes.set(key, node);
      if (config.states) walk(config.states, node, node.path);
    }
  };
  walk(spec.machine.states, null, []);
  return nodes;
};

export type StateValue = string | { [key: string]: StateValue };

/** Keys of the active leaf states of a state value, in document order. */
export const activeLeaves = (value: StateValue): string[] => {
  if (typeof value === 'string') return [value];
  return Object.entries(value).flatMap(([key, sub]) =>
    sub && typeof sub === 'object' && Object.keys(sub).length === 0 ? [key] : activeLeaves(sub),
  );
};

/** The step an order is "at": the first active leaf that is not a secondary branch. */
export const primaryStep = (nodes: Map<string, StepNode>, value: StateValue): string => {
  const leaves = activeLeaves(value);
  return leaves.find((k) => !nodes.get(k)?.config.meta?.secondary) ?? leaves[0];
};

/** The meta of a step, inherited from the nearest ancestor that has one (parallel regions carry none). */
export const stepMeta = (nodes: Map<string, StepNode>, key: string): StepMeta | undefined => {
  for (let n = nodes.get(key) ?? null; n; n = n.parent) if (n.config.meta) return n.config.meta;
  return undefined;
};

export interface Candidate {
  event: string;
  /** The node whose `on` holds the event. */
  owner: StepNode;
  transitions: TransitionConfig[];
}

/** Events that the active states handle, deepest node first (XState's precedence). */
export const candidateEvents = (nodes: Map<string, StepNode>, value: StateValue): Candidate[] => {
  const seen = new Map<string, Candidate>();
  for (const leaf of activeLeaves(value)) {
    for (let n = nodes.get(leaf) ?? null; n; n = n.parent) {
      for (const [event, t] of Object.entries(n.config.on ?? {})) {
        if (!seen.has(event)) seen.set(event, { event, owner: n, transitions: asTransitions(t) });
      }
    }
  }
  return [...seen.values()];
};

export const rolesFor = (nodes: Map<string, StepNode>, candidate: Candidate, transition: TransitionConfig): string[] =>
  transition.meta?.roles ?? stepMeta(nodes, candidate.owner.key)?.roles ?? [];

/**
 * How a state value is kept in the order's JSON column. Wrapped, because a bare string ("review") is not
 * a JSON document and MariaDB's JSON check constraint refuses it.
 */
export const storeValue = (value: StateValue) => ({ value });
export const storedValue = (stored: unknown): StateValue => (stored as { value: StateValue }).value;
