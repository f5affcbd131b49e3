import { getFetchClient } from '@strapi/strapi/admin';

/** One function per endpoint of the workflow's staff API. */

export interface Elapsed {
  hours: number;
  text: string;
  thresholdHours: number | null;
  overdue: boolean;
}

export interface OrderRow {
  number: string;
  processKey: string;
  processName: string;
  title: string | null;
  category: string | null;
  channel: string;
  buildingArea: number | null;
  currentStep: string;
  stepLabel: string;
  elapsed: Elapsed;
  version: number;
  outcome: string | null;
  appliedAt: string;
  assignee: { id: number; name: string } | null;
  /** Staff lists: the actions this person's role allows now. */
  actions?: Array<{ action: string; label: string }>;
}

export interface FormField {
  name: string;
  label: string;
  type: string;
  required?: boolean;
  options?: string[];
  min?: number;
  max?: number;
  role?: string;
}

export interface ActionInfo {
  action: string;
  label: string;
  enabled: boolean;
  reason?: string;
  form: { fields: FormField[] };
  artifacts: Array<{ kind: string; label: string; min: number; types: string[] }>;
}

export interface OrderView extends Omit<OrderRow, 'actions'> {
  formData: Record<string, unknown>;
  form: { fields: FormField[] };
  flags: { paymentDeferred: boolean; changedDuringConstruction: boolean };
  activeSteps: Array<{ key: string; label: string }>;
  history: Array<{
    seq: number;
    at: string;
    actor: { kind: string; name: string };
    action: string;
    actionLabel: string;
    fromStepLabel: string | null;
    toStep: string | null;
    toStepLabel: string | null;
    comment: string | null;
    changes: Record<string, { before: unknown; after: unknown }> | null;
    elapsed?: Elapsed;
    hash: string;
  }>;
  files: Record<string, Array<{ id: number; name: string; version: number; mime: string; size: number; uploadedAt: string; current: boolean }>>;
  actions: ActionInfo[];
  related: {
    contracts: Array<{ contractNo: string; name: string; amount: number; counterpartyOutcome: string; approvals: Array<{ name: string; outcome: string; by: string }> | null; outcome: string | null }>;
    payments: Array<{ amount: number; paid: boolean; paidAt: string; receiptNo: string | null }>;
    surveys: Array<{ latitude: number | null; longitude: number | null; notes: string | null }>;
    reports: Array<{ text: string; stage: string | null; exception: boolean; createdAt: string }>;
    signatures: Array<{ action: string; signedAt: string; sha256: string }>;
  };
}

export type ListParams = Record<string, string | number | boolean | undefined>;

const BASE = '/workflow';

const clean = (params: ListParams) => Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== '' && v !== false));

export const listOrders = async (params: ListParams) =>
  (await getFetchClient().get<{ data: OrderRow[]; meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } } }>(`${BASE}/orders`, { params: clean(params) })).data;

export const countOrders = async () => (await getFetchClient().get<{ data: { mine: number; all: number; overdue: number } }>(`${BASE}/orders/counts`)).data.data;

export const getOrder = async (number: string) => (await getFetchClient().get<{ data: OrderView }>(`${BASE}/orders/${number}`)).data.data;

export const performAction = async (number: string, action: string, version: number, form: Record<string, unknown>) =>
  (await getFetchClient().post(`${BASE}/orders/${number}/actions/${action}`, { version, form })).data;

export const uploadFile = async (number: string, kind: string, name: string, file: File) => {
  const body = new FormData();
  body.append('kind', kind);
  body.append('name', name);
  body.append('file', file);
  return (await getFetchClient().post(`${BASE}/orders/${number}/files`, body)).data;
};

export const assigneeChoices = async (number: string, role: string) =>
  (await getFetchClient().get<{ data: Array<{ id: number; name: string }> }>(`${BASE}/orders/${number}/assignees`, { params: { role } })).data.data;

export const listColleagues = async () => (await getFetchClient().get<{ data: Array<{ id: number; name: string }> }>(`${BASE}/staff`)).data.data;

export const verifyChain = async (number: string) =>
  (await getFetchClient().get<{ data: { valid: boolean; events: number; brokenAt?: number; reason?: string } }>(`${BASE}/orders/${number}/verify`)).data.data;

export const downloadFile = async (number: string, fileId: number) => (await getFetchClient().get(`${BASE}/orders/${number}/files/${fileId}`, { responseType: 'blob' })).data;

export const exportOrders = async (params: ListParams) => (await getFetchClient().get(`${BASE}/orders/export`, { params: clean(params), responseType: 'blob' })).data;

export const listProcesses = async () => (await getFetchClient().get<{ data: Array<{ key: string; name: string; spec: { form: { fields: FormField[] } } }> }>(`${BASE}/definitions`)).data.data;

export const createOrder = async (body: { processKey: string; formData: Record<string, unknown>; applicantMobile?: string; applicantName?: string }) =>
  (await getFetchClient().post<{ data: OrderView }>(`${BASE}/orders`, body)).data.data;

/** The engine's error, as the user should read it: message, per-field problems, missing files. */
export const explain = (error: any): { message: string; fields: Record<string, string>; status?: number; missing?: Array<{ label: string; min: number; have: number }> } => {
  const e = error?.response?.data?.error ?? {};
  const fields: Record<string, string> = {};
  for (const p of e.details?.errors ?? []) fields[(p.path ?? []).slice(-1)[0] ?? ''] = p.message;
  const status = e.status ?? error?.status;
  const message =
    status === 409
      ? '此工单已被他人处理（版本已变化），请刷新页面查看最新状态后再操作。'
      : status === 404
        ? '此工单已被他人处理并转到其他环节，您已不能办理。请返回工单中心。'
        : e.message ?? error?.message ?? '操作失败';
  return { message, fields, status, missing: e.details?.missing };
};
