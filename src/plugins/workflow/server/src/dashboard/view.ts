import { UIDS } from '../constants';
import type { Actor } from '../services/registry';
import type { SumsFilter } from './rollups';
import { getService } from '../utils';

export interface MetricsQuery {
  from: Date;
  to: Date;
  organization?: number;
  process?: string;
  category?: string;
  /** A staff profile: the orders they acted on or hold, and their own actions. */
  person?: number;
}

/** Which events belong to the orders of a part of the view, when the events alone can tell. */
export interface EventsFilter {
  organizations?: number[];
  definitions?: number[];
}

/** Orders in view that no other part holds: a query of their ids, and how to find their events. */
export interface ViewPart {
  query: any;
  events: EventsFilter | null;
}

/** The orders in view as parts, and those of them beyond what the daily sums answer for. */
export interface Views {
  parts: ViewPart[];
  beyond: ViewPart[];
}

const orderTable = () => getService('tables').table(UIDS.order);
const eventTable = () => getService('tables').table(UIDS.historyEvent);
const knex = () => strapi.db.connection;

/** An order column in the queries of the view (`orders as t0`). */
export const column = (name: string) => `t0.${orderTable().column(name)}`;

/** The organization filter as the organization's tree, the process filter as its definitions' ids. */
export const narrowing = async (q: MetricsQuery) => ({
  chosen: q.organization ? await getService('scope').treeIds(q.organization) : undefined,
  definitions: q.process
    ? (await getService('definitions').allStored()).filter((d) => d.key === q.process).map((d) => d.id)
    : undefined,
});

/** The orders a person acted on or holds. */
const personsOrders = (query: any, person: number, personAdmin: number | null) => {
  const events = eventTable();
  return query.where((w: any) =>
    w
      .whereIn(
        't0.id',
        knex()(events.name)
          .select(events.column('orderId'))
          .where(events.column('actorKind'), 'staff')
          .andWhere(events.column('actorId'), personAdmin ?? -1),
      )
      .orWhere(column('assigneeRef'), person),
  );
};

/** The filters of a query as conditions on orders. */
const conditionsOf = async (q: MetricsQuery, extra: any[], alive: boolean) => {
  const where: any[] = [
    { createdAt: { $lt: q.to } },
    ...(alive ? [{ $or: [{ closedAt: { $null: true } }, { closedAt: { $gte: q.from } }] }] : []),
    ...extra,
  ];
  const { chosen, definitions } = await narrowing(q);
  if (chosen) where.push({ organizationRef: { $in: chosen } });
  if (q.process) where.push({ processKey: q.process });
  if (q.category) where.push({ category: q.category });
  return { where, chosen, definitions };
};

/**
 * The orders in view for a period, as knex queries on `orders as t0` whose results together are
 * those orders and never overlap: the viewer's scope and the filters, orders alive in the period
 * (applied before its end, not closed before its start; `alive: false` leaves the second out, for
 * figures of open orders in a period that runs to now), and for a person, the orders they acted on
 * or hold.
 * A department administrator's scope is two parts: the orders of their organizations, which the
 * indexes on `organization_ref` answer and the daily sums hold, and their own work beyond those
 * (`beyond`, a few orders, one part per branch of scope.workBranches). One query with the scope's
 * OR would read the orders row by row.
 */
export const viewParts = async (
  actor: Actor,
  q: MetricsQuery,
  personAdmin: number | null,
  { extra = [] as any[], alive = true } = {},
): Promise<Views> => {
  const scope = getService('scope');
  const { where, chosen, definitions } = await conditionsOf(q, extra, alive);
  const part = (conditions: any[]) => {
    const query = strapi.db
      .queryBuilder(UIDS.order as any)
      .select('id')
      .where({ $and: [...conditions, ...where].filter((w) => Object.keys(w).length) })
      .getKnexQuery();
    return q.person ? personsOrders(query, q.person, personAdmin) : query;
  };
  const organizations = await scope.organizationsInView(actor);
  // The same orders' events, found by the organization and process version each event keeps, when
  // nothing else narrows them (a category or a person needs the order row).
  const byEvents = (orgs: number[] | undefined): EventsFilter | null =>
    q.category || q.person ? null : { organizations: orgs, definitions };
  if (!organizations?.length) {
    const events = organizations === null ? byEvents(chosen) : null;
    return { parts: [{ query: part([await scope.where(actor)]), events }], beyond: [] };
  }
  const elsewhere = { $or: [{ organizationRef: { $notIn: organizations } }, { organizationRef: { $null: true } }] };
  const beyond = (await scope.workBranches(actor, organizations)).map((branch) => ({
    query: part([branch, elsewhere]),
    events: null,
  }));
  const whole = {
    query: part([{ organizationRef: { $in: organizations } }]),
    events: byEvents(chosen ? organizations.filter((id) => chosen.includes(id)) : organizations),
  };
  return { parts: [whole, ...beyond], beyond };
};

/**
 * How far the daily sums answer a query, or null when they cannot. They know each order's
 * organization, process version and category: they answer for the organizations whose orders the
 * viewer sees whole (all, for super administrators), narrowed by the filters; not for a person's
 * orders. The rest of a department administrator's scope, their own work in other organizations,
 * is read from the events (viewParts' `beyond`).
 */
export const sumsFor = async (actor: Actor, q: MetricsQuery): Promise<{ filter: SumsFilter } | null> => {
  if (q.person) return null;
  const visible = await getService('scope').organizationsInView(actor);
  const { chosen, definitions } = await narrowing(q);
  const organizations = visible && chosen ? chosen.filter((id) => visible.includes(id)) : (chosen ?? visible);
  if (organizations && !organizations.length) return null;
  return { filter: { organizations: organizations ?? undefined, definitions, category: q.category } };
};

/** Runs a query on each part of the orders in view; answers the rows of all. */
export const eachPart = async (parts: ViewPart[], run: (inView: any) => Promise<any[]>) =>
  (await Promise.all(parts.map((p) => run(p.query)))).flat();

/** The events of the orders of a part: by the organization and process version they keep, or a semi-join. */
export const ofPart = (query: any, col: (name: string) => string, view: ViewPart) => {
  if (!view.events) return query.whereIn(col('orderId'), view.query.clone());
  const { organizations, definitions } = view.events;
  if (organizations) query.whereIn(col('organizationRef'), organizations.length ? organizations : [-1]);
  if (definitions) query.whereIn(col('definitionId'), definitions.length ? definitions : [-1]);
  return query;
};
