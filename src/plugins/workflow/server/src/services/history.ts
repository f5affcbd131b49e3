import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { canonicalJson, sha256 } from '../engine/canonical';
import { getService } from '../utils';
import type { OrderWrite } from './order-writes';

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
  /** A warning event's level (1–3), kept beside the event for the dashboard; not part of the hash. */
  warningLevel?: number;
  /**
   * For what may happen once per order and period (e.g. `urge:2026-12-03`): unique per order in the
   * database, so a second one fails to insert. Not part of the hash: only the key, no evidence.
   */
  onceKey?: string;
}

/** The recorded fields of an event, hashed in every scheme. */
const evidence = (e: Record<string, any>) => ({
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

/** The scheme new events are hashed with. */
export const HASH_SCHEME = 2;

/**
 * The hashed content of an event in its scheme. Scheme 1 (events without `hashScheme`) names the order
 * by its row id, which exists only once the order is inserted; scheme 2 names it by its document id,
 * known before anything is written, and says its scheme inside what it hashes.
 */
const content = (e: Record<string, any>, orderDocumentId: string | null) =>
  Number(e.hashScheme ?? 1) >= 2
    ? { scheme: 2, order: orderDocumentId, ...evidence(e) }
    : { orderId: Number(e.orderId), ...evidence(e) };

/** The hash of an event of the order with this document id, in the event's own scheme. */
export const hashEvent = (e: Record<string, any>, orderDocumentId: string | null = null) =>
  sha256(canonicalJson(content(e, orderDocumentId)));

/**
 * What is kept from the history as events are appended (the dashboard: dashboard/projection.ts). It may add
 * to each change before it is written, and is told of each event written, in the same transaction.
 */
export interface HistoryProjection {
  plan?(write: OrderWrite): Promise<{ patch?: Record<string, unknown>; event?: Record<string, unknown> }>;
  appended?(db: any, event: Record<string, unknown> & { at: Date }): Promise<void>;
}

/** Append-only history, chained per order ("区块链存证"): each event hashes its content and the previous hash. */
const history = ({ strapi }: { strapi: Core.Strapi }) => {
  const projections: HistoryProjection[] = [];
  return {
    /** Registers a projection of the history (in the plugin's bootstrap). */
    project(projection: HistoryProjection) {
      projections.push(projection);
    },

    /** A change with what the projections add to it. */
    async projected(write: OrderWrite): Promise<OrderWrite> {
      let result = write;
      for (const projection of projections) {
        const added = projection.plan ? await projection.plan(result) : {};
        result = {
          ...result,
          patch: { ...result.patch, ...added.patch },
          event: { ...result.event, ...added.event },
        };
      }
      return result;
    },

    /**
     * The next link of an order's chain. The order row keeps the newest hash and sequence number, so
     * that cutting events off the end is detected too; the caller holds that row (locked) and writes
     * `head` back to it in the same transaction.
     */
    async next(
      order: { id: number; documentId: string; historyHead?: string | null; historySeq?: number | null },
      input: HistoryInput,
    ) {
      let seq = Number(order.historySeq ?? 0);
      // Orders written before the order kept its sequence number.
      if (!seq && order.historyHead) {
        seq =
          (
            await strapi.db
              .query(UIDS.historyEvent)
              .findOne({ where: { orderId: order.id }, orderBy: { seq: 'desc' }, select: ['seq'] })
          )?.seq ?? 0;
      }
      const row = { ...input, seq: seq + 1, prevHash: order.historyHead ?? null, hashScheme: HASH_SCHEME };
      const hash = hashEvent(row, order.documentId);
      return { row: { ...row, hash }, head: { historyHead: hash, historySeq: row.seq } };
    },

    /** Writes an event made by `next`, and tells the projections; call in the same transaction. */
    async insert(row: Record<string, unknown> & { at: Date }) {
      return getService('tables').current(async (trx) => {
        const id = await getService('tables').insert(trx, UIDS.historyEvent, row);
        for (const projection of projections) await projection.appended?.(trx, row);
        return id;
      });
    },

    /**
     * Appends one event that does not move the order (a warning, an urge, a supervision note), with its
     * notifications: locks the order, links the event to its chain and writes both through the one
     * executor. `patch` works out more of the order's columns from its locked row.
     */
    async append(
      input: HistoryInput,
      notify?: OrderWrite['notify'],
      patch?: (order: Record<string, any>) => Record<string, unknown>,
    ) {
      return strapi.db.transaction(async () => {
        const order = await getService('orderRows').load({ id: input.orderId }, { lock: true });
        if (!order) throw new Error(`order ${input.orderId} not found`);
        const { warningLevel, onceKey, ...recorded } = input;
        const { row, head } = await this.next(order as any, recorded);
        const definition = await getService('definitions').get(order.processKey, order.definitionVersion);
        const event = {
          ...row,
          definitionId: definition.id,
          organizationRef: order.organizationRef ?? null,
          ...(warningLevel ? { warningLevel } : {}),
          ...(onceKey ? { onceKey } : {}),
        };
        const id = await getService('orderWrites').carryOut({
          order: order as any,
          current: order,
          patch: { ...(patch ? patch(order) : {}), ...head },
          event,
          notify,
        });
        return { id: id as number, seq: row.seq, hash: row.hash };
      });
    },

    /**
     * Events written before events kept their order's organization get it, once per database, in
     * batches of ids (later changes of an order's organization update its events: orderRows.setRelations).
     */
    async backfillOrganizations() {
      const store = strapi.store({ type: 'plugin', name: 'workflow' });
      if (await store.get({ key: 'event-organizations' })) return 0;
      const events = getService('tables').table(UIDS.historyEvent);
      const orders = getService('tables').table(UIDS.order);
      const knex = strapi.db.connection;
      const column = events.column('organizationRef');
      const last = Number((await knex(events.name).max({ id: 'id' }).first())?.id ?? 0);
      let filled = 0;
      for (let from = 1; from <= last; from += 50_000) {
        filled += Number(
          await knex(events.name)
            .whereBetween('id', [from, from + 49_999])
            .whereNull(column)
            // Orders without an organization (not dispatched) have nothing to give.
            .whereIn(
              events.column('orderId'),
              knex(orders.name).select('id').whereNotNull(orders.column('organizationRef')),
            )
            .update({
              [column]: knex(orders.name)
                .select(orders.column('organizationRef'))
                .where('id', knex.ref(`${events.name}.${events.column('orderId')}`)),
            }),
        );
      }
      await store.set({ key: 'event-organizations', value: true });
      return filled;
    },

    async list(orderId: number) {
      return strapi.db.query(UIDS.historyEvent).findMany({ where: { orderId }, orderBy: { seq: 'asc' } });
    },

    /** valid, or the first event where the chain breaks and why. */
    async verify(orderId: number) {
      // One snapshot for the events and the order's head: read apart, a transition committing in between
      // would look like a broken chain.
      return strapi.db.transaction(async () => {
        const events = await this.list(orderId);
        const order = await strapi.db
          .query(UIDS.order)
          .findOne({ where: { id: orderId }, select: ['historyHead', 'documentId'] });
        const documentId = order?.documentId ?? null;
        let prev: string | null = null;
        for (let i = 0; i < events.length; i += 1) {
          const e = events[i];
          if (Number(e.seq) !== i + 1)
            return { valid: false, events: events.length, brokenAt: i + 1, reason: `第${i + 1}条记录缺失` };
          if ((e.prevHash ?? null) !== prev)
            return {
              valid: false,
              events: events.length,
              brokenAt: e.seq,
              reason: `第${e.seq}条记录与前一条记录的链接不符`,
            };
          if (hashEvent(e, documentId) !== e.hash)
            return { valid: false, events: events.length, brokenAt: e.seq, reason: `第${e.seq}条记录的内容被修改` };
          prev = e.hash;
        }
        if ((order?.historyHead ?? null) !== prev) {
          return {
            valid: false,
            events: events.length,
            brokenAt: events.length + 1,
            reason: `最新记录之后的记录缺失（应有第${events.length + 1}条）`,
          };
        }
        return { valid: true, events: events.length, lastHash: prev };
      });
    },
  };
};

export default history;
