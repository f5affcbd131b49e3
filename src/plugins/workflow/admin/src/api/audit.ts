import { getFetchClient } from '@strapi/strapi/admin';
import { clean } from './orders';

/** One function per endpoint: the audit trail of administration, for administrators. */
const BASE = '/workflow/audit';

export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

export interface AuditEntry {
  id: number;
  seq: number;
  at: string;
  actor: { kind: 'admin' | 'user' | 'system'; id: number | null; name: string | null; email: string | null };
  kind: string;
  kindLabel: string;
  action: 'create' | 'update' | 'delete';
  actionLabel: string;
  record: { id: number | null; label: string | null };
  changes: AuditChange[];
}

export interface AuditParams {
  kind?: string;
  person?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface AuditPage {
  data: AuditEntry[];
  meta: {
    pagination: { page: number; pageCount: number; total: number };
    people: Array<{ id: number; name: string }>;
    kinds: Array<{ value: string; label: string }>;
  };
}

export type AuditVerdict =
  | { valid: true; entries: number }
  | { valid: false; entries: number; brokenAt: number; reason: string; entry?: AuditEntry };

export const listAudit = async (params: AuditParams) =>
  (await getFetchClient().get<AuditPage>(BASE, { params: clean(params) })).data;

export const exportAudit = async (params: AuditParams) =>
  (await getFetchClient().get(`${BASE}/export`, { params: clean(params), responseType: 'blob' })).data;

export const verifyAudit = async () => (await getFetchClient().get<{ data: AuditVerdict }>(`${BASE}/verify`)).data.data;
