import { UIDS } from './constants';
import { uidOf } from './domain';

type Row = Record<string, any>;

/** The core store's row of the workflow's settings and other keys (strapi.store, type plugin, name workflow). */
export const STORE_UID = 'strapi::core-store';
export const STORE_PREFIX = 'plugin_workflow_';
/** The audit chain's head: what the last entry was (kept beside the settings, never audited itself). */
export const AUDIT_HEAD_KEY = `${STORE_PREFIX}audit-head`;
const SETTINGS_KEY = `${STORE_PREFIX}settings`;

/** How an audited model is recorded: its kind, how a record is named, and the organization it belongs to. */
export interface AuditKind {
  kind: string;
  /** Relations kept in the snapshot, with the fields that name them. */
  populate?: Record<string, string[]>;
  label: (row: Row) => string;
  /** The organization whose department administrators see the entry; null: super administrators only. */
  organization?: (row: Row) => number | null | Promise<number | null>;
  /** Rows of the model that are not audited (the core store's other keys). */
  skip?: (row: Row) => boolean;
}

const nameOf = (row: Row) => String(row.name ?? row.title ?? row.id ?? '');
/** An admin account's name as people read it (系统管理员), else its user name or e-mail. */
export const adminName = (u: Row) => [u.firstname, u.lastname].filter(Boolean).join('') || u.username || u.email || '';

/** The staff profile's organization of an admin account (a department administrator sees their staff's accounts). */
const accountOrganization = async (user: Row) => {
  const profile = await strapi.db.query(UIDS.staff).findOne({
    where: { adminUser: { id: user.id } },
    select: ['id'],
    populate: { organization: { select: ['id'] } },
  });
  return profile?.organization?.id ?? null;
};

const VERBS: Record<string, string> = { create: '新增', read: '查看', update: '修改', delete: '删除', publish: '发布' };
const RESOURCES: Record<string, string> = {
  users: '管理员',
  roles: '角色',
  webhooks: 'Webhook',
  'api-tokens': 'API 令牌',
};

/** A permission as administrators read it: 查看「员工档案」, 修改角色; an action not known here as it is. */
const permissionName = (action: string, subject?: string | null) => {
  const parts = String(action ?? '').split('.');
  const verb = VERBS[parts[parts.length - 1]];
  const type = subject ? (strapi.contentType(subject as any) as any)?.info?.displayName : null;
  if (verb && type) return `${verb}「${type}」`;
  if (verb && action.startsWith('admin::') && RESOURCES[parts[0].slice('admin::'.length)]) {
    return `${verb}${RESOURCES[parts[0].slice('admin::'.length)]}`;
  }
  return action;
};

export const audited = (): Record<string, AuditKind> => ({
  [UIDS.organization]: {
    kind: 'organization',
    populate: { parent: ['id', 'name'] },
    label: nameOf,
    organization: (r) => r.id,
  },
  [UIDS.staff]: {
    kind: 'staff',
    populate: { organization: ['id', 'name'], adminUser: ['id', 'email'] },
    label: nameOf,
    organization: (r) => r.organization?.id ?? null,
  },
  [UIDS.definition]: { kind: 'definition', label: (r) => `${r.name ?? r.key}（${r.key} 第${r.version}版）` },
  [UIDS.rule]: { kind: 'rule', label: nameOf },
  [STORE_UID]: {
    kind: 'settings',
    label: () => '业务设置',
    // The settings administrators keep; the workflow's other keys are markers of its own upkeep.
    skip: (r) => r.key !== SETTINGS_KEY,
  },
  [uidOf('knowledgeArticle')]: { kind: 'knowledge', label: nameOf },
  [uidOf('contractTemplate')]: {
    kind: 'contract-template',
    populate: { file: ['id', 'name'] },
    label: nameOf,
  },
  'admin::user': {
    kind: 'admin-user',
    populate: { roles: ['id', 'name'] },
    label: adminName,
    organization: accountOrganization,
  },
  'admin::role': { kind: 'admin-role', label: nameOf },
  'admin::permission': {
    kind: 'admin-permission',
    populate: { role: ['id', 'name'] },
    label: (r) => `${r.role?.name ?? '角色'}：${permissionName(r.action, r.subject)}`,
  },
});

/** The kinds by key, for filters. */
export const auditKinds = () => Object.values(audited()).map((k) => k.kind);

/** Values never written to the trail: passwords, tokens and the like. */
const SECRET = /password|token|secret|salt|apikey/i;
export const REDACTED = '（已隐藏）';
export const REDACTED_CHANGED = '（已隐藏，已更改）';
/** Columns every row has that tell nothing about the change. */
const NOISE = new Set(['createdAt', 'updatedAt', 'publishedAt', 'documentId', 'locale', 'createdBy', 'updatedBy']);

const slim = (value: any, fields: string[]) => {
  if (Array.isArray(value)) return value.map((v) => slim(v, fields));
  if (!value || typeof value !== 'object') return value ?? null;
  return Object.fromEntries(fields.map((f) => [f, value[f] ?? null]));
};

const parseJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * A record as the trail keeps it: its own fields (secrets hidden, timestamps left out), its related
 * records by id and name, in plain JSON (what the database gives back, so that it hashes the same).
 */
export const snapshot = (def: AuditKind, row: Row): Row => {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (NOISE.has(key)) continue;
    if (def.populate?.[key]) out[key] = slim(value, def.populate[key]);
    else if (SECRET.test(key)) out[key] = value == null ? null : REDACTED;
    else if (key === 'value' && typeof value === 'string' && row.key) out[key] = parseJson(value);
    else out[key] = value;
  }
  return JSON.parse(JSON.stringify(out));
};

/** Secrets that changed are marked so, without their values. */
export const markChangedSecrets = (before: Row, after: Row, raw: { before: Row; after: Row }) => {
  for (const key of Object.keys(after)) {
    if (SECRET.test(key) && raw.before[key] !== raw.after[key] && raw.after[key] != null) after[key] = REDACTED_CHANGED;
  }
  return { before, after };
};

/** Relations to load with a row for its snapshot. */
export const populateOf = (def: AuditKind) =>
  Object.fromEntries(Object.entries(def.populate ?? {}).map(([k, fields]) => [k, { select: fields }]));
