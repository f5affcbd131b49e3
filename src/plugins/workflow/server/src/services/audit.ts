import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { canonicalJson, sha256 } from '../engine/canonical';
import { badRequest, forbidden } from '../errors';
import { getService } from '../utils';
import type { Actor } from './registry';
import {
  AUDIT_HEAD_KEY,
  auditKinds,
  audited,
  STORE_UID,
  adminName,
  markChangedSecrets,
  populateOf,
  snapshot,
  type AuditKind,
} from '../audit-kinds';
import { ACTION_LABELS, KIND_LABELS, VALUE_LABELS, changesOf } from '../audit-diff';

type Row = Record<string, any>;
type Action = 'create' | 'update' | 'delete';

/** A record as read before or after a change: its raw row, its snapshot and its organization. */
interface Seen {
  raw: Row;
  data: Row;
  organizationRef: number | null;
}

export interface AuditQuery {
  kind?: string;
  person?: number;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** The hashed content of an entry: every recorded field plus the previous entry's hash. */
const content = (e: Row) => ({
  seq: Number(e.seq),
  // Whole seconds: databases differ in how much of a timestamp they keep.
  at: Math.floor(new Date(e.at).getTime() / 1000),
  actorKind: e.actorKind,
  actorId: e.actorId ?? null,
  actorName: e.actorName ?? null,
  actorEmail: e.actorEmail ?? null,
  kind: e.kind,
  action: e.action,
  recordId: e.recordId ?? null,
  recordLabel: e.recordLabel ?? null,
  organizationRef: e.organizationRef ?? null,
  before: e.before ?? null,
  after: e.after ?? null,
  prevHash: e.prevHash ?? null,
});

export const hashAuditEntry = (e: Row) => sha256(canonicalJson(content(e)));

/** The ids a createMany made: MySQL answers the first of a multi-row insert only (the others follow it). */
const createdIds = (result: { count?: number; ids?: unknown[] } | undefined) => {
  const ids = result?.ids ?? [];
  const count = Number(result?.count ?? 0);
  return ids.length === 1 && count > 1 ? Array.from({ length: count }, (_, i) => Number(ids[0]) + i) : ids;
};

const isDuplicate = (error: any) =>
  error?.code === 'ER_DUP_ENTRY' ||
  error?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
  /UNIQUE constraint|Duplicate entry/i.test(String(error?.message));

/**
 * The audit trail of administration: every create, update and delete of organizations, staff, process
 * definitions, rules, settings, knowledge articles, contract templates and admin accounts, roles and
 * permissions, with who did it and the record before and after. One hash chain for all; each entry is
 * written in the transaction of the change it records.
 */
const audit = ({ strapi }: { strapi: Core.Strapi }) => {
  const tables = () => getService('tables');
  const entryTable = () => tables().table(UIDS.auditEntry);

  /** Who is changing something: the signed-in admin (or user) of the request, else the system. */
  const actor = () => {
    const ctx: any = strapi.requestContext.get();
    const user = ctx?.state?.user;
    if (!user) return { actorKind: 'system', actorId: null, actorName: '系统', actorEmail: null };
    const strategy = String(ctx?.state?.auth?.strategy?.name ?? '');
    const admin = strategy === 'admin' || strategy.includes('staff') || 'firstname' in user;
    return {
      actorKind: admin ? 'admin' : 'user',
      actorId: user.id ?? null,
      actorName: adminName(user).slice(0, 200),
      actorEmail: user.email ?? null,
    };
  };

  /** The rows of a model matching `where`, as the trail keeps them. */
  const read = async (uid: string, def: AuditKind, where: Row, limit?: number): Promise<Seen[]> => {
    const rows = await strapi.db
      .query(uid as any)
      .findMany({ where, populate: populateOf(def), ...(limit ? { limit } : {}) });
    const seen: Seen[] = [];
    for (const raw of rows) {
      if (def.skip?.(raw)) continue;
      seen.push({ raw, data: snapshot(def, raw), organizationRef: (await def.organization?.(raw)) ?? null });
    }
    return seen;
  };

  /** The chain head's row in the core store, made at start (the oldest one wins if two instances made one). */
  const headId = async (db: any): Promise<number> => {
    const store = tables().table(STORE_UID).name;
    const found = await db(store).where({ key: AUDIT_HEAD_KEY }).orderBy('id', 'asc').first('id');
    if (found) return Number(found.id);
    await db(store).insert({ key: AUDIT_HEAD_KEY, value: JSON.stringify({ seq: 0, hash: null }), type: 'object' });
    return headId(db);
  };

  /** Links one entry to the chain: holds the head row, reads the last entry, writes the entry and the head. */
  const link = async (trx: any, entry: Row) => {
    const store = tables().table(STORE_UID).name;
    const id = await headId(trx);
    await tables().forUpdate(trx(store).where({ id }).first('id'));
    const table = entryTable();
    const last = await tables().forUpdate(trx(table.name).orderBy('seq', 'desc').first('seq', 'hash'));
    const row = { ...entry, seq: Number(last?.seq ?? 0) + 1, prevHash: last?.hash ?? null };
    const hash = hashAuditEntry(row);
    await tables().insert(trx, UIDS.auditEntry, { ...row, hash });
    await trx(store)
      .where({ id })
      .update({ value: JSON.stringify({ seq: row.seq, hash }) });
    return { seq: row.seq, hash };
  };

  /** Appends one entry, in the current transaction when there is one; a duplicate sequence (a race) retries. */
  const append = async (entry: Row) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await tables().inTransaction((trx) => link(trx, entry));
      } catch (error) {
        if (attempt >= 5 || !isDuplicate(error)) throw error;
      }
    }
  };

  /** Writes the entries of one change: a record per row, before and after (nothing when nothing changed). */
  const record = async (uid: string, action: Action, before: Seen[], after: Seen[]) => {
    const def = audited()[uid];
    const who = actor();
    const ids = [...new Set([...before, ...after].map((s) => Number(s.raw.id)))];
    for (const id of ids) {
      const b = before.find((s) => Number(s.raw.id) === id) ?? null;
      const a = after.find((s) => Number(s.raw.id) === id) ?? null;
      if (!a && !b) continue;
      if (a && b) markChangedSecrets(b.data, a.data, { before: b.raw, after: a.raw });
      if (a && b && canonicalJson(a.data) === canonicalJson(b.data)) continue;
      await append({
        at: new Date(),
        ...who,
        kind: def.kind,
        action,
        recordId: id,
        recordLabel: def.label((a ?? b)!.raw).slice(0, 255),
        organizationRef: a?.organizationRef ?? b?.organizationRef ?? null,
        before: b?.data ?? null,
        after: a?.data ?? null,
      });
    }
  };

  const ids = (seen: Seen[] | undefined) => (seen ?? []).map((s) => s.raw.id);

  return {
    hashAuditEntry,

    /** Watches the audited models (called once, in bootstrap). */
    async start() {
      await headId(strapi.db.connection);
      const rememberOne = async (e: any) => {
        e.state.auditBefore = await read(e.model.uid, audited()[e.model.uid], e.params.where ?? {}, 1);
      };
      const rememberMany = async (e: any) => {
        e.state.auditBefore = await read(e.model.uid, audited()[e.model.uid], e.params.where ?? {});
      };
      const again = (e: any, list: unknown[]) =>
        list.length ? read(e.model.uid, audited()[e.model.uid], { id: { $in: list } }) : [];
      const created = async (e: any, list: unknown[]) =>
        record(e.model.uid, 'create', [], await again(e, list.filter(Boolean)));
      const updated = async (e: any) =>
        record(e.model.uid, 'update', e.state.auditBefore ?? [], await again(e, ids(e.state.auditBefore)));
      const deleted = async (e: any) => record(e.model.uid, 'delete', e.state.auditBefore ?? [], []);
      strapi.db.lifecycles.subscribe({
        models: Object.keys(audited()),
        beforeUpdate: rememberOne,
        beforeUpdateMany: rememberMany,
        beforeDelete: rememberOne,
        beforeDeleteMany: rememberMany,
        afterCreate: (e: any) => created(e, [e.result?.id]),
        afterCreateMany: (e: any) => created(e, createdIds(e.result)),
        afterUpdate: updated,
        afterUpdateMany: updated,
        afterDelete: deleted,
        afterDeleteMany: deleted,
      } as any);
    },

    /**
     * The organizations whose entries the actor sees: all (null) for super administrators, their tree
     * for department administrators; others are refused.
     */
    async organizationsInView(actor: Actor): Promise<number[] | null> {
      const orgs = getService('scope').isAdministrator(actor)
        ? await getService('scope').managedOrganizations(actor)
        : [];
      if (orgs !== null && !orgs.length) throw forbidden('只有管理员可以查看审计日志');
      return orgs;
    },

    async where(actor: Actor, query: Omit<AuditQuery, 'page' | 'pageSize'>) {
      const orgs = await this.organizationsInView(actor);
      if (query.kind && !auditKinds().includes(query.kind)) {
        throw badRequest('筛选条件有误', [
          {
            path: ['kind'],
            message: `类型应为：${auditKinds()
              .map((k) => KIND_LABELS[k])
              .join('、')}`,
          },
        ]);
      }
      const where: Row[] = [];
      if (orgs) where.push({ organizationRef: { $in: orgs } });
      if (query.kind) where.push({ kind: query.kind });
      if (query.person) where.push({ actorId: query.person, actorKind: 'admin' });
      if (query.from) where.push({ at: { $gte: query.from } });
      if (query.to) where.push({ at: { $lt: query.to } });
      return { where: { $and: where }, orgs };
    },

    /** A page of entries, newest first, with the people who appear in what the actor sees (the filter's choices). */
    async list(actor: Actor, query: AuditQuery) {
      const { where, orgs } = await this.where(actor, query);
      const q = strapi.db.query(UIDS.auditEntry);
      const [rows, total] = await Promise.all([
        q.findMany({
          where,
          orderBy: { seq: 'desc' },
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }),
        q.count({ where }),
      ]);
      return {
        data: rows.map(present),
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            total,
            pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
          },
          people: await this.people(orgs),
          kinds: auditKinds().map((k) => ({ value: k, label: KIND_LABELS[k] })),
        },
      };
    },

    /** The admins who made entries in these organizations (all when null). */
    async people(orgs: number[] | null) {
      const t = entryTable();
      const query = strapi.db
        .connection(t.name)
        .distinct(t.column('actorId'), t.column('actorName'))
        .where(t.column('actorKind'), 'admin');
      if (orgs) query.whereIn(t.column('organizationRef'), orgs);
      const rows = await query.orderBy(t.column('actorId'));
      return rows.map((r: Row) => ({ id: Number(r[t.column('actorId')]), name: r[t.column('actorName')] }));
    },

    /** valid, or the first entry where the chain breaks and why; read in one snapshot with the head. */
    async verify(actor: Actor) {
      const orgs = await this.organizationsInView(actor);
      const result = await strapi.db.transaction(async () => walk());
      // The broken entry itself only for those who see every entry.
      return orgs === null || !('entry' in result) ? result : { ...result, entry: undefined };
    },
  };

  /** Walks the whole chain in batches, then compares the last entry with the head. */
  async function walk() {
    const q = strapi.db.query(UIDS.auditEntry);
    let prev: string | null = null;
    let count = 0;
    for (let offset = 0; ; offset += 500) {
      const batch = await q.findMany({ orderBy: { seq: 'asc' }, offset, limit: 500 });
      for (const e of batch) {
        count += 1;
        const at = { brokenAt: Number(e.seq), entry: present(e) };
        if (Number(e.seq) !== count)
          return { valid: false, entries: count, brokenAt: count, reason: `第${count}条记录缺失` };
        if ((e.prevHash ?? null) !== prev)
          return { valid: false, entries: count, ...at, reason: `第${e.seq}条记录与前一条记录的链接不符` };
        if (hashAuditEntry(e) !== e.hash)
          return { valid: false, entries: count, ...at, reason: `第${e.seq}条记录的内容被修改` };
        prev = e.hash;
      }
      if (batch.length < 500) break;
    }
    const store = tables().table(STORE_UID).name;
    const head: any = await tables().current((db) =>
      db(store).where({ key: AUDIT_HEAD_KEY }).orderBy('id', 'asc').first('value'),
    );
    const headHash = head ? (JSON.parse(head.value).hash ?? null) : null;
    if (headHash !== prev)
      return {
        valid: false,
        entries: count,
        brokenAt: count + 1,
        reason: `最新记录之后的记录缺失（应有第${count + 1}条）`,
      };
    return { valid: true, entries: count, lastHash: prev };
  }
};

/** An entry as the API answers it: who, when, what, and the changes field by field in Chinese. */
export const present = (e: Row) => ({
  id: e.id,
  seq: Number(e.seq),
  at: new Date(e.at).toISOString(),
  actor: { kind: e.actorKind, id: e.actorId ?? null, name: e.actorName ?? null, email: e.actorEmail ?? null },
  kind: e.kind,
  kindLabel: KIND_LABELS[e.kind] ?? e.kind,
  action: e.action,
  actionLabel: ACTION_LABELS[e.action] ?? e.action,
  record: { id: e.recordId ?? null, label: e.recordLabel ?? null },
  organizationRef: e.organizationRef ?? null,
  before: e.before ?? null,
  after: e.after ?? null,
  changes: changesOf(e.before ?? null, e.after ?? null, {
    ...VALUE_LABELS,
    jobRoles: getService('registry').roleLabels(),
  }),
  hash: e.hash,
});

export default audit;
