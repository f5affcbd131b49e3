import type { Core } from '@strapi/strapi';
import { RETURN_ACTIONS, RETURN_STEPS, UIDS } from '../constants';
import { getService } from '../utils';

/** The relations of an order the engine sets; each is kept in its link table and in a plain `…Ref` column. */
export const ORDER_RELATIONS = ['applicant', 'organization', 'assignee'] as const;
export type OrderRelation = (typeof ORDER_RELATIONS)[number];
const REF: Record<OrderRelation, string> = {
  applicant: 'applicantRef',
  organization: 'organizationRef',
  assignee: 'assigneeRef',
};

/**
 * The order row as the engine reads and writes it. Strapi keeps a manyToOne relation in a link table,
 * which no index on the order can cover; the engine also writes the related id into a column of the
 * order (`assigneeRef`, …) so that the inbox, the scope rules and the warning scan are single-table
 * queries on composite indexes. Only the engine writes these relations (register.ts refuses them
 * through the document service), always through `setRelations`, so the two copies agree.
 */
const orderRows = ({ strapi }: { strapi: Core.Strapi }) => {
  const tables = () => getService('tables');
  const orders = () => tables().table(UIDS.order);

  /** The loaded row with the relations as `{ id }` objects, the shape the scope rules and effects read. */
  const shape = (row: Record<string, any> | undefined) => {
    if (!row) return null;
    const order: Record<string, any> = orders().fromRow(row);
    for (const rel of ORDER_RELATIONS) order[rel] = order[REF[rel]] ? { id: order[REF[rel]] } : null;
    return order;
  };

  return {
    /** One order by number or id; `lock` holds its row until the transaction ends (MySQL). */
    async load(where: { number: string } | { id: number }, { lock = false } = {}) {
      const key = 'number' in where ? orders().column('number') : 'id';
      const value = 'number' in where ? where.number : where.id;
      return tables().current(async (trx) => {
        // SQLite cannot lock a row; a transaction that reads first and writes later is refused when another
        // process writes meanwhile, while one that writes first waits for its turn: write first.
        if (lock && strapi.db.dialect.client === 'sqlite') {
          await trx(orders().name)
            .where(key, value)
            .update({ [orders().column('lockVersion')]: trx.ref(orders().column('lockVersion')) });
        }
        const query = trx(orders().name).where(key, value).first();
        return shape(await (lock ? tables().forUpdate(query) : query));
      });
    },

    /** Inserts a new order with its relations (link rows and `…Ref` columns); answers its id. */
    async create(data: Record<string, unknown>, relations: Partial<Record<OrderRelation, number | null>>) {
      const set = Object.entries(relations).filter(([, v]) => v) as Array<[OrderRelation, number]>;
      const row = orders().toRow(
        { ...data, ...Object.fromEntries(set.map(([rel, target]) => [REF[rel], target])) },
        true,
      );
      return tables().inTransaction(async (trx) => {
        const [id] = await trx(orders().name).insert(row);
        for (const [rel, target] of set) {
          const link = orders().link(rel);
          await trx(link.name).insert({ [link.from]: id, [link.to]: target });
        }
        return Number(id);
      });
    },

    /**
     * Writes attribute values of an order (relations go through setRelations). With `expected`, only while
     * the row still holds those values; answers how many rows it wrote (0 or 1).
     */
    async update(id: number, data: Record<string, unknown>, expected?: Record<string, unknown>): Promise<number> {
      if (Object.keys(data).length === 0) return 0;
      return tables().current(async (trx) => {
        const query = trx(orders().name).where('id', id);
        for (const [attribute, value] of Object.entries(expected ?? {})) {
          if (value === null || value === undefined) query.whereNull(orders().column(attribute));
          else query.where(orders().column(attribute), value);
        }
        return Number(await query.update(orders().toRow({ ...data, updatedAt: new Date() })));
      });
    },

    /** Sets relations: the link row and the `…Ref` column together. */
    async setRelations(id: number, relations: Partial<Record<OrderRelation, number | null>>) {
      const entries = Object.entries(relations).filter(([, v]) => v !== undefined) as Array<
        [OrderRelation, number | null]
      >;
      if (entries.length === 0) return;
      await tables().inTransaction(async (trx) => {
        const current = await trx(orders().name)
          .where('id', id)
          .first(entries.map(([rel]) => orders().column(REF[rel])));
        for (const [rel, target] of entries) {
          const link = orders().link(rel);
          const before = current?.[orders().column(REF[rel])] ?? null;
          if (before === target) continue;
          // Deleting a link that is not there would still lock the index gap (MySQL): only delete what was set.
          if (before !== null) await trx(link.name).where(link.from, id).delete();
          if (target) await trx(link.name).insert({ [link.from]: id, [link.to]: target });
        }
        await trx(orders().name)
          .where('id', id)
          .update(orders().toRow(Object.fromEntries(entries.map(([rel, target]) => [REF[rel], target ?? null]))));
        // History events keep their order's organization (the dashboard reads it there): an order
        // dispatched to an organization takes its events along, the one written with this change too.
        const organization = entries.find(([rel]) => rel === 'organization');
        if (organization && (current?.[orders().column(REF.organization)] ?? null) !== organization[1]) {
          const events = tables().table(UIDS.historyEvent);
          await trx(events.name)
            .where(events.column('orderId'), id)
            .update({ [events.column('organizationRef')]: organization[1] });
        }
      });
    },

    /**
     * Orders stored before the order kept its relations' ids get them from the link tables, once per
     * database (a flag in Strapi's store).
     */
    async backfillRefs() {
      const store = strapi.store({ type: 'plugin', name: 'workflow' });
      if (await store.get({ key: 'order-refs' })) return 0;
      let filled = 0;
      for (const rel of ORDER_RELATIONS) {
        const link = orders().link(rel);
        const ref = orders().column(REF[rel]);
        const linked = strapi.db.connection(link.name).select(link.from);
        filled += Number(
          await strapi.db
            .connection(orders().name)
            .whereNull(ref)
            .whereIn('id', linked)
            .update({
              [ref]: strapi.db
                .connection(link.name)
                .select(link.to)
                .where(link.from, strapi.db.connection.ref(`${orders().name}.id`))
                .limit(1),
            }),
        );
      }
      await store.set({ key: 'order-refs', value: true });
      return filled;
    },

    /** When returned orders stored before `returnedAt` existed were first returned (history); once per database. */
    async backfillReturnedAt() {
      const store = strapi.store({ type: 'plugin', name: 'workflow' });
      if (await store.get({ key: 'order-returned-at' })) return 0;
      const events = tables().table(UIDS.historyEvent);
      const knex = strapi.db.connection;
      const filled = Number(
        await knex(orders().name)
          .where(orders().column('returned'), true)
          .whereNull(orders().column('returnedAt'))
          .update({
            [orders().column('returnedAt')]: knex(events.name)
              .min(events.column('at'))
              .where(events.column('orderId'), knex.ref(`${orders().name}.id`))
              .andWhere((w: any) =>
                w.whereIn(events.column('action'), RETURN_ACTIONS).orWhereIn(events.column('toStep'), RETURN_STEPS),
              ),
          }),
      );
      await store.set({ key: 'order-returned-at', value: true });
      return filled;
    },

    /** Relation values in a patch, split from the plain attributes. */
    splitRelations(patch: Record<string, unknown>) {
      const relations: Partial<Record<OrderRelation, number | null>> = {};
      const rest: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(patch)) {
        if ((ORDER_RELATIONS as readonly string[]).includes(k))
          relations[k as OrderRelation] = v === null ? null : Number((v as any)?.id ?? v);
        else rest[k] = v;
      }
      return { relations, rest };
    },
  };
};

export default orderRows;
