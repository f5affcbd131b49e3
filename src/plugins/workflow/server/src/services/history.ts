import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { canonicalJson, sha256 } from '../engine/canonical';

export interface HistoryInput {
  orderId: number;
  at: Date;
  actorKind: 'applicant' | 'staff' | 'system';
  actorId: number | null;
  actorName: string;
  action: string;
  actionLabel?: string | null;
  fromStep: string | null;
  toStep: string | null;
  comment?: string | null;
  changes?: Record<string, unknown> | null;
  artifacts?: unknown[] | null;
}

/** The hashed content of an event: every recorded field plus the previous event's hash. */
const content = (e: Record<string, any>) => ({
  orderId: Number(e.orderId),
  seq: Number(e.seq),
  // Whole seconds: databases differ in how much of a timestamp they keep.
  at: Math.floor(new Date(e.at).getTime() / 1000),
  actorKind: e.actorKind,
  actorId: e.actorId ?? null,
  actorName: e.actorName ?? null,
  action: e.action,
  actionLabel: e.actionLabel ?? null,
  fromStep: e.fromStep ?? null,
  toStep: e.toStep ?? null,
  comment: e.comment ?? null,
  changes: e.changes ?? null,
  artifacts: e.artifacts ?? null,
  prevHash: e.prevHash ?? null,
});

export const hashEvent = (e: Record<string, any>) => sha256(canonicalJson(content(e)));

/** Append-only history, chained per order ("区块链存证"): each event hashes its content and the previous hash. */
const history = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Call inside the transition's transaction, after the order row is locked by its update. */
  async append(input: HistoryInput) {
    const last = await strapi.db.query(UIDS.historyEvent).findOne({ where: { orderId: input.orderId }, orderBy: { seq: 'desc' }, select: ['seq', 'hash'] });
    const row = { ...input, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? null };
    const hash = hashEvent(row);
    // The order keeps the newest hash, so that cutting events off the end is detected too.
    await strapi.db.query(UIDS.order).updateMany({ where: { id: input.orderId }, data: { historyHead: hash } });
    return strapi.db.query(UIDS.historyEvent).create({ data: { ...row, hash }, select: ['id', 'seq', 'hash'] });
  },

  async list(orderId: number) {
    return strapi.db.query(UIDS.historyEvent).findMany({ where: { orderId }, orderBy: { seq: 'asc' } });
  },

  /** valid, or the first event where the chain breaks and why. */
  async verify(orderId: number) {
    const events = await this.list(orderId);
    let prev: string | null = null;
    for (let i = 0; i < events.length; i += 1) {
      const e = events[i];
      if (Number(e.seq) !== i + 1) return { valid: false, events: events.length, brokenAt: i + 1, reason: `第${i + 1}条记录缺失` };
      if ((e.prevHash ?? null) !== prev) return { valid: false, events: events.length, brokenAt: e.seq, reason: `第${e.seq}条记录与前一条记录的链接不符` };
      if (hashEvent(e) !== e.hash) return { valid: false, events: events.length, brokenAt: e.seq, reason: `第${e.seq}条记录的内容被修改` };
      prev = e.hash;
    }
    const order = await strapi.db.query(UIDS.order).findOne({ where: { id: orderId }, select: ['historyHead'] });
    if ((order?.historyHead ?? null) !== prev) {
      return { valid: false, events: events.length, brokenAt: events.length + 1, reason: `最新记录之后的记录缺失（应有第${events.length + 1}条）` };
    }
    return { valid: true, events: events.length, lastHash: prev };
  },
});

export default history;
