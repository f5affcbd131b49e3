import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { stepMeta } from '../engine/spec';
import type { Actor } from './registry';
import type { WorkflowConfig } from '../config';
import { getService } from '../utils';
import { dayStart } from '../engine/calendar';
import {
  hoursBetween as hoursBetweenSql,
  type AppliedFacts,
  type PeriodPlan,
  type SumsFilter,
  type VisitSum,
  type WarningSum,
} from './rollups';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;

export interface MetricsQuery {
  from: Date;
  to: Date;
  organization?: number;
  process?: string;
  category?: string;
  /** A staff profile: the orders they acted on or hold, and their own actions. */
  person?: number;
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round = (n: number | null, digits = 2) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);
const num = (v: unknown) => Number(v ?? 0);
/** Monday of the China-time week of an instant, as yyyy-MM-dd. */
const weekOf = (at: Date) => {
  const local = new Date(at.getTime() + CHINA);
  const monday = new Date(local.getTime() - ((local.getUTCDay() + 6) % 7) * DAY);
  return monday.toISOString().slice(0, 10);
};

/** Which events belong to the orders of a part of the view, when the events alone can tell. */
interface EventsFilter {
  organizations?: number[];
  definitions?: number[];
}

/** Orders in view that no other part holds: a query of their ids, and how to find their events. */
interface ViewPart {
  query: any;
  events: EventsFilter | null;
}

/** Aggregated step visits: what ended in the period, per process, version, step and who ended it. */
type VisitGroup = Omit<VisitSum, 'definitionId'> & { processKey: string; definitionVersion: number };

/**
 * The dashboard's figures, all from here: what happened to the orders the viewer may see, in a period,
 * narrowed by organization, process, category and person. Everything is summed by the database:
 * orders carry their first response and whether they were ever returned, and every history event that
 * moves an order records the visit it ends (start, hours, on time), so no history is replayed here
 * (docs/performance.md). The figures agree with the order pages, which show the same visits.
 */
const metrics = ({ strapi }: { strapi: Core.Strapi }) => {
  const orderTable = () => getService('tables').table(UIDS.order);
  const eventTable = () => getService('tables').table(UIDS.historyEvent);
  const knex = () => strapi.db.connection;
  const hoursBetween = (from: string, to: string) => hoursBetweenSql(strapi, from, to);

  /** The organization filter as the organization's tree, the process filter as its definitions' ids. */
  const narrowing = async (q: MetricsQuery) => ({
    chosen: q.organization ? await getService('scope').treeIds(q.organization) : undefined,
    definitions: q.process
      ? (await getService('definitions').allStored()).filter((d) => d.key === q.process).map((d) => d.id)
      : undefined,
  });

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
  const viewParts = async (
    actor: Actor,
    q: MetricsQuery,
    personAdmin: number | null,
    { extra = [] as any[], alive = true } = {},
  ) => {
    const scope = getService('scope');
    const where: any[] = [
      { createdAt: { $lt: q.to } },
      ...(alive ? [{ $or: [{ closedAt: { $null: true } }, { closedAt: { $gte: q.from } }] }] : []),
      ...extra,
    ];
    const { chosen, definitions } = await narrowing(q);
    if (chosen) where.push({ organizationRef: { $in: chosen } });
    if (q.process) where.push({ processKey: q.process });
    if (q.category) where.push({ category: q.category });
    const part = (conditions: any[]) => {
      const query = strapi.db
        .queryBuilder(UIDS.order as any)
        .select('id')
        .where({ $and: [...conditions, ...where].filter((w) => Object.keys(w).length) })
        .getKnexQuery();
      if (q.person) {
        const events = eventTable();
        const o = orderTable();
        query.where((w: any) =>
          w
            .whereIn(
              't0.id',
              knex()(events.name)
                .select(events.column('orderId'))
                .where(events.column('actorKind'), 'staff')
                .andWhere(events.column('actorId'), personAdmin ?? -1),
            )
            .orWhere(`t0.${o.column('assigneeRef')}`, q.person),
        );
      }
      return query;
    };
    const organizations = await scope.organizationsInView(actor);
    // The same orders' events, found by the organization and process version each event keeps, when
    // nothing else narrows them (a category or a person needs the order row).
    const byEvents = (orgs: number[] | undefined): EventsFilter | null =>
      q.category || q.person ? null : { organizations: orgs, definitions };
    if (!organizations?.length) {
      return {
        parts: [{ query: part([await scope.where(actor)]), events: organizations === null ? byEvents(chosen) : null }],
        beyond: [],
      };
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

  /** Runs a query on each part of the orders in view; answers the rows of all. */
  const eachPart = async (parts: ViewPart[], run: (inView: any) => Promise<any[]>) =>
    (await Promise.all(parts.map((p) => run(p.query)))).flat();
  /** Adds up one-row sums. */
  const addRows = (rows: any[]) => {
    const total: Record<string, number> = {};
    for (const r of rows) for (const [k, v] of Object.entries(r ?? {})) total[k] = (total[k] ?? 0) + num(v);
    return total;
  };

  const column = (name: string) => `t0.${orderTable().column(name)}`;
  const between = (col: string, from: Date, to: Date) => (w: any) => w.where(col, '>=', from).andWhere(col, '<', to);

  /**
   * Orders applied in some ranges of time: counts by channel and outcome, returned, first responses, per week.
   * (Categories are counted apart: with them the sum could not be read from one index, see indexes.ts.)
   */
  const applied = async (inView: any, ranges: Array<[Date, Date]>, weeks: Array<[Date, Date]>) => {
    if (!ranges.length) return [];
    const created = column('createdAt');
    const responded = column('firstResponseAt');
    const rows = await inView
      .clone()
      .clearSelect()
      .where(inRanges(created, ranges))
      .select(column('channel') + ' as channel', column('outcome') + ' as outcome', column('returned') + ' as returned')
      .select(knex().raw('COUNT(*) as n'))
      .select(knex().raw(`SUM(CASE WHEN ${responded} IS NOT NULL THEN 1 ELSE 0 END) as responded`))
      .select(
        knex().raw(
          `SUM(CASE WHEN ${responded} IS NOT NULL THEN ${hoursBetween(created, responded)} ELSE 0 END) as response_hours`,
        ),
      )
      .select(
        weeks.map(([f, t], i) =>
          knex().raw(`SUM(CASE WHEN ${created} >= ? AND ${created} < ? THEN 1 ELSE 0 END) as w${i}`, [f, t]),
        ),
      )
      .groupBy(column('channel'), column('outcome'), column('returned'));
    return rows.map((r: any) => ({
      ...r,
      n: num(r.n),
      responded: num(r.responded),
      responseHours: num(r.response_hours),
      returned: r.returned === true || r.returned === 1 || r.returned === '1',
    }));
  };

  /**
   * What became, since a moment, of the orders applied in some ranges of time: first responses, first
   * returns and completions (the daily sums hold what happened before it). Each reads the few orders
   * it names from its own index (orders_responded_idx, orders_returned_idx, orders_closed_idx).
   */
  const lateFacts = async (inView: any, ranges: Array<[Date, Date]>, since: Date): Promise<AppliedFacts> => {
    const created = column('createdAt');
    const responded = column('firstResponseAt');
    const ofApplied = () => inView.clone().clearSelect().where(inRanges(created, ranges));
    const [responses, returns, completions] = await Promise.all([
      ofApplied()
        .where(responded, '>=', since)
        .select(knex().raw(`COUNT(*) as n, SUM(${hoursBetween(created, responded)}) as hours`))
        .first(),
      ofApplied().where(column('returnedAt'), '>=', since).count({ n: '*' }).first(),
      ofApplied()
        .where(column('closedAt'), '>=', since)
        .where(column('outcome'), 'completed')
        .count({ n: '*' })
        .first(),
    ]);
    return {
      responded: num(responses?.n),
      responseHours: num(responses?.hours),
      returned: num(returns?.n),
      completed: num(completions?.n),
    };
  };

  /**
   * The orders applied in a period and what became of them: the daily sums for its whole days, of the
   * organizations they answer for, with what happened to those orders since the sums end; the order rows
   * for the rest of the period and for the orders in view beyond those organizations.
   */
  const appliedFigures = async (
    views: { parts: ViewPart[]; beyond: ViewPart[] },
    plan: PeriodPlan,
    filter: SumsFilter,
    weeks: Array<[Date, Date]>,
  ) => {
    const rollups = getService('rollups');
    const whole = views.parts.filter((p) => !views.beyond.includes(p));
    const [rows, rowsBeyond, days, summedFacts, late] = await Promise.all([
      eachPart(views.parts, (inView) => applied(inView, plan.ranges, weeks)),
      eachPart(views.beyond, (inView) => applied(inView, plan.summed, weeks)),
      rollups.applied(plan.days, filter),
      rollups.facts(plan.days, plan.factsUntil, filter),
      plan.factsUntil ? Promise.all(whole.map((p) => lateFacts(p.query, plan.summed, plan.factsUntil!))) : [],
    ]);
    const total = {
      created: 0,
      ...summedFacts,
      byChannel: [] as Array<{ channel: string | null; n: number }>,
      weekly: weeks.map(() => 0),
    };
    for (const f of late) {
      total.responded += f.responded;
      total.responseHours += f.responseHours;
      total.returned += f.returned;
      total.completed += f.completed;
    }
    for (const r of [...rows, ...rowsBeyond]) {
      total.created += r.n;
      if (r.outcome === 'completed') total.completed += r.n;
      if (r.returned) total.returned += r.n;
      total.responded += r.responded;
      total.responseHours += r.responseHours;
      total.byChannel.push({ channel: r.channel, n: r.n });
      weeks.forEach((_, i) => (total.weekly[i] += num(r[`w${i}`])));
    }
    for (const d of days) {
      total.created += d.n;
      total.byChannel.push({ channel: d.channel, n: d.n });
      // Whole days fall in one week each.
      const week = weeks.findIndex(([f, t]) => dayStart(d.day) >= f && dayStart(d.day) < t);
      if (week >= 0) total.weekly[week] += d.n;
    }
    return total;
  };

  /** Orders applied in some ranges of time, by category. */
  const categories = async (inView: any, ranges: Array<[Date, Date]>) =>
    ranges.length
      ? (
          await inView
            .clone()
            .clearSelect()
            .where(inRanges(column('createdAt'), ranges))
            .select(column('category') + ' as category')
            .count({ n: '*' })
            .groupBy(column('category'))
        ).map((r: any) => ({
          category: r.category,
          n: num(r.n),
        }))
      : [];

  /** Orders completed in some ranges of time: how many, their hours from application, and per week. */
  const completedIn = async (inView: any, ranges: Array<[Date, Date]>, weeks: Array<[Date, Date]>) => {
    if (!ranges.length) return [];
    const closed = column('closedAt');
    return [
      await inView
        .clone()
        .clearSelect()
        .where(column('outcome'), 'completed')
        .where(inRanges(closed, ranges))
        .select(knex().raw(`COUNT(*) as n, SUM(${hoursBetween(column('createdAt'), closed)}) as cycle_hours`))
        .select(
          weeks.map(([f, t], i) =>
            knex().raw(`SUM(CASE WHEN ${closed} >= ? AND ${closed} < ? THEN 1 ELSE 0 END) as w${i}`, [f, t]),
          ),
        )
        .first(),
    ];
  };

  /**
   * Open orders held by each of some staff: only theirs count towards saturation and the staff table.
   * Each staff member's open orders are one range of orders_assignee_idx, already grouped; counting
   * every open order by assignee read all of them (113 k at 1 M orders) through a temporary table.
   */
  const openLoads = async (staffIds: number[], parts: Promise<ViewPart[]> | null) => {
    if (!staffIds.length) return [];
    const held = (query: any, col: (name: string) => string) =>
      query
        .whereIn(col('assigneeRef'), staffIds)
        .whereNull(col('outcome'))
        .select(col('assigneeRef') + ' as assignee')
        .count({ n: '*' })
        .groupBy(col('assigneeRef'));
    if (!parts) return held(knex()(orderTable().name), (name) => orderTable().column(name));
    return eachPart(await parts, (inView) => held(inView.clone().clearSelect(), column));
  };

  const firstResponseOf = (figures: { responded: number; responseHours: number }) =>
    figures.responded ? figures.responseHours / figures.responded : null;

  const inRanges = (col: string, ranges: Array<[Date, Date]>) => (w: any) => {
    for (const [from, to] of ranges) w.orWhere(between(col, from, to));
  };
  const definitionOf = async () => {
    const defs = new Map((await getService('definitions').allStored()).map((d) => [d.id, d]));
    return (id: number) => ({ processKey: defs.get(id)?.key ?? '?', definitionVersion: defs.get(id)?.version ?? 0 });
  };

  /** The events of the orders of a part: by the organization and process version they keep, or a semi-join. */
  const ofPart = (query: any, col: (name: string) => string, view: ViewPart) => {
    if (!view.events) return query.whereIn(col('orderId'), view.query.clone());
    if (view.events.organizations)
      query.whereIn(col('organizationRef'), view.events.organizations.length ? view.events.organizations : [-1]);
    if (view.events.definitions)
      query.whereIn(col('definitionId'), view.events.definitions.length ? view.events.definitions : [-1]);
    return query;
  };

  /** Step visits that ended in some ranges of time, of the orders of a part of the view. */
  const visitRows = async (ranges: Array<[Date, Date]>, view: ViewPart, now: Date): Promise<VisitSum[]> => {
    if (!ranges.length) return [];
    const e = eventTable();
    const col = (name: string) => `e.${e.column(name)}`;
    const query = knex()(`${e.name} as e`)
      .whereNotNull(col('visitHours'))
      .andWhere(inRanges(col('at'), ranges))
      .andWhere(col('at'), '<', now)
      .select(
        col('definitionId') + ' as definition_id',
        col('fromStep') + ' as step',
        col('actorKind') + ' as actor_kind',
        col('actorId') + ' as actor_id',
      )
      .select(
        knex().raw(
          `COUNT(*) as visits, SUM(${col('visitHours')}) as hours, SUM(CASE WHEN ${col('visitOnTime')} IS NULL THEN 0 ELSE 1 END) as measured`,
        ),
      )
      .select(knex().raw(`SUM(CASE WHEN ${col('visitOnTime')} = ? THEN 1 ELSE 0 END) as on_time`, [true]))
      .groupBy(col('definitionId'), col('fromStep'), col('actorKind'), col('actorId'));
    return (await ofPart(query, col, view)).map((r: any) => ({
      definitionId: num(r.definition_id),
      step: r.step,
      endedBy: r.actor_kind === 'staff' ? num(r.actor_id) : null,
      visits: num(r.visits),
      hours: num(r.hours),
      measured: num(r.measured),
      onTime: num(r.on_time),
    }));
  };

  /** Warnings raised in some ranges of time, of the orders of a part of the view. */
  const warningRows = async (ranges: Array<[Date, Date]>, view: ViewPart): Promise<WarningSum[]> => {
    if (!ranges.length) return [];
    const e = eventTable();
    const col = (name: string) => `e.${e.column(name)}`;
    const query = knex()(`${e.name} as e`)
      .where(col('action'), 'warn')
      .andWhere(inRanges(col('at'), ranges))
      .select(
        col('definitionId') + ' as definition_id',
        col('fromStep') + ' as step',
        col('warningLevel') + ' as level',
      )
      .count({ n: '*' })
      .groupBy(col('definitionId'), col('fromStep'), col('warningLevel'));
    return (await ofPart(query, col, view)).map((r: any) => ({
      definitionId: num(r.definition_id),
      step: r.step,
      level: num(r.level),
      n: num(r.n),
    }));
  };

  /**
   * What ended or was raised in the period, per process version, step and who ended it or level: the
   * daily sums for the whole days they hold, of the organizations they may answer for; the events for
   * the rest of the period, and for orders in view beyond those organizations (`beyond`).
   */
  const eventFigures = async (
    views: { parts: ViewPart[]; beyond: ViewPart[] },
    plan: PeriodPlan,
    filter: SumsFilter,
    now: Date,
  ) => {
    const rollups = getService('rollups');
    const inParts = async <T>(
      ranges: Array<[Date, Date]>,
      parts: ViewPart[],
      rows: (ranges: Array<[Date, Date]>, view: ViewPart) => Promise<T[]>,
    ) => (await Promise.all(parts.map((view) => rows(ranges, view)))).flat();
    const [visits, visitsBeyond, visitSums, warnings, warningsBeyond, warningSums, definition] = await Promise.all([
      inParts(plan.ranges, views.parts, (r, v) => visitRows(r, v, now)),
      inParts(plan.summed, views.beyond, (r, v) => visitRows(r, v, now)),
      rollups.visits(plan.days, filter),
      inParts(plan.ranges, views.parts, warningRows),
      inParts(plan.summed, views.beyond, warningRows),
      rollups.warnings(plan.days, filter),
      definitionOf(),
    ]);
    return {
      visits: [...visitSums, ...visits, ...visitsBeyond].map(({ definitionId, ...v }): VisitGroup => ({
        ...definition(definitionId),
        ...v,
      })),
      warnings: [...warningSums, ...warnings, ...warningsBeyond].map(({ definitionId, ...w }) => ({
        ...definition(definitionId),
        ...w,
      })),
    };
  };

  /**
   * How far the daily sums answer a query, or null when they cannot. They know each order's
   * organization, process version and category: they answer for the organizations whose orders the
   * viewer sees whole (all, for super administrators), narrowed by the filters; not for a person's
   * orders. The rest of a department administrator's scope, their own work in other organizations,
   * is read from the events (viewParts' `beyond`).
   */
  const sumsFor = async (actor: Actor, q: MetricsQuery): Promise<{ filter: SumsFilter } | null> => {
    if (q.person) return null;
    const visible = await getService('scope').organizationsInView(actor);
    const { chosen, definitions } = await narrowing(q);
    const organizations = visible && chosen ? chosen.filter((id) => visible.includes(id)) : (chosen ?? visible);
    if (organizations && !organizations.length) return null;
    return { filter: { organizations: organizations ?? undefined, definitions, category: q.category } };
  };

  return {
    async compute(actor: Actor, q: MetricsQuery) {
      const now = getService('clock').now();
      const person = q.person
        ? await strapi.db
            .query(UIDS.staff)
            .findOne({ where: { id: q.person }, populate: { adminUser: { select: ['id'] } } })
        : null;
      const personAdmin: number | null = q.person ? (person?.adminUser?.id ?? -1) : null;
      const unrestricted =
        (actor.kind === 'system' || !!actor.superAdmin) && !q.organization && !q.process && !q.category && !q.person;
      // Every open order is alive in a period that runs to now: the open-order figures need no period test.
      // (The controller read the clock a moment before: a period "to now" ends within the last minute.)
      const toNow = q.to.getTime() >= now.getTime() - 60_000;
      const unrestrictedNow = unrestricted && toNow;
      const { parts, beyond } = await viewParts(actor, q, personAdmin);
      const sums = await sumsFor(actor, q);
      const planOf = async (from: Date, to: Date): Promise<PeriodPlan> =>
        sums ? getService('rollups').plan(from, to) : { days: [], summed: [], ranges: [[from, to]], factsUntil: null };
      const plan = await planOf(q.from, q.to);
      // The daily sums answer for the viewer's organizations; their work beyond those is read from the events.
      const beyondSummed = sums && plan.days.length ? beyond : [];
      // Open orders now: no open order was closed before a period that runs to now.
      const openParts = async (extra: any[] = []) =>
        (await viewParts(actor, q, personAdmin, { extra, alive: !toNow })).parts;
      const defs = new Map((await getService('definitions').allStored()).map((d) => [`${d.key}@${d.version}`, d]));
      const defOf = (processKey: string, version: number) => defs.get(`${processKey}@${version}`);
      const stepLabel = (processKey: string, version: number, step: string) =>
        (defOf(processKey, version) ? stepMeta(defOf(processKey, version)!.nodes, step)?.label : null) ?? step;

      const weekStarts: Array<[string, Date, Date]> = [];
      for (let t = new Date(q.from); t < q.to; t = new Date(t.getTime() + 7 * DAY))
        weekStarts.push([weekOf(t), t, new Date(Math.min(t.getTime() + 7 * DAY, q.to.getTime()))]);
      // Buckets by calendar week (Monday, China time), as the chart labels them.
      const weekKeys = [...new Set(weekStarts.map(([k]) => k))];
      const weekRanges: Array<[Date, Date]> = weekKeys.map((k) => {
        const start = dayStart(k);
        return [
          new Date(Math.max(start.getTime(), q.from.getTime())),
          new Date(Math.min(start.getTime() + 7 * DAY, q.to.getTime())),
        ];
      });

      const previous = { from: new Date(q.from.getTime() - (q.to.getTime() - q.from.getTime())), to: q.from };
      const staffInView = this.staffInScope(actor, q);
      const [
        appliedNow,
        categoryRows,
        prevApplied,
        completedRow,
        { visits, warnings: warnRows },
        open,
        overdueNow,
        evaluations,
        exceptions,
        staff,
        sms,
      ] = await Promise.all([
        appliedFigures({ parts, beyond: beyondSummed }, plan, sums?.filter ?? {}, weekRanges),
        Promise.all([
          eachPart(parts, (inView) => categories(inView, plan.ranges)),
          eachPart(beyondSummed, (inView) => categories(inView, plan.summed)),
          getService('rollups').categories(plan.days, sums?.filter ?? {}),
        ]).then((rows) => rows.flat()),
        Promise.all([viewParts(actor, { ...q, ...previous }, personAdmin), planOf(previous.from, previous.to)]).then(
          ([views, previousPlan]) =>
            appliedFigures(
              { parts: views.parts, beyond: sums && previousPlan.days.length ? views.beyond : [] },
              previousPlan,
              sums?.filter ?? {},
              [],
            ),
        ),
        Promise.all([
          eachPart(parts, (inView) => completedIn(inView, plan.ranges, weekRanges)),
          eachPart(beyondSummed, (inView) => completedIn(inView, plan.summed, weekRanges)),
          // Whole days fall in one week each.
          getService('rollups')
            .completed(plan.days, sums?.filter ?? {})
            .then((days) =>
              days.map((d) => ({
                n: d.n,
                cycle_hours: d.hours,
                ...Object.fromEntries(
                  weekRanges.map(([f, t], i) => [`w${i}`, dayStart(d.day) >= f && dayStart(d.day) < t ? d.n : 0]),
                ),
              })),
            ),
        ]).then((rows) => addRows(rows.flat())),
        eventFigures({ parts, beyond: beyondSummed }, plan, sums?.filter ?? {}, now),
        staffInView.then((staff) =>
          openLoads(
            staff.map((s: any) => s.id),
            unrestrictedNow ? null : openParts(),
          ),
        ),
        getService('orders')
          .overdueWhere(now)
          .then(async (overdue) =>
            unrestrictedNow
              ? strapi.db.query(UIDS.order).count({ where: overdue })
              : eachPart(await openParts([overdue]), async (inView) => [
                  await inView.clearSelect().count({ n: '*' }).first(),
                ]).then((rows) => addRows(rows).n ?? 0),
          ),
        eachPart(parts, (inView) => this.related(inView, 'api::evaluation.evaluation', q, ['score'])),
        eachPart(parts, (inView) =>
          this.related(inView, 'api::progress-report.progress-report', q, [], { exception: true }),
        ),
        staffInView,
        this.smsInPeriod(q),
      ]);

      const { created, completed: completedCreated, returned } = appliedNow;
      const response = firstResponseOf(appliedNow);
      const prevResponse = firstResponseOf(prevApplied);
      const completed = num(completedRow?.n);

      const mine = (v: VisitGroup) => !personAdmin || v.endedBy === personAdmin;
      const ended = visits.filter(mine);
      const handled = ended.filter((v) => v.endedBy !== null);
      const byPerson = new Map<number, { visits: number; hours: number }>();
      for (const v of handled) {
        const p = byPerson.get(v.endedBy!) ?? { visits: 0, hours: 0 };
        byPerson.set(v.endedBy!, { visits: p.visits + v.visits, hours: p.hours + v.hours });
      }
      const measured = ended.reduce((t, v) => t + v.measured, 0);
      const onTime = ended.reduce((t, v) => t + v.onTime, 0);

      // Steps in the order their process lists them.
      const stepOrder = (processKey: string, version: number, step: string) =>
        [...(defOf(processKey, version)?.nodes.keys() ?? [])].indexOf(step);
      const byStep = new Map<
        string,
        {
          order: [string, number];
          label: string;
          visits: number;
          hours: number;
          onTime: number;
          measured: number;
          warnings: [number, number, number];
        }
      >();
      const stepEntry = (processKey: string, version: number, step: string) => {
        const key = `${processKey}:${step}`;
        if (!byStep.has(key))
          byStep.set(key, {
            order: [processKey, stepOrder(processKey, version, step)],
            label: stepLabel(processKey, version, step),
            visits: 0,
            hours: 0,
            onTime: 0,
            measured: 0,
            warnings: [0, 0, 0],
          });
        return byStep.get(key)!;
      };
      for (const v of ended) {
        const s = stepEntry(v.processKey, v.definitionVersion, v.step);
        s.visits += v.visits;
        s.hours += v.hours;
        s.onTime += v.onTime;
        s.measured += v.measured;
      }
      const warnings = { 1: 0, 2: 0, 3: 0 } as Record<1 | 2 | 3, number>;
      for (const w of warnRows) {
        const level = w.level as 1 | 2 | 3;
        if (level < 1 || level > 3) continue;
        warnings[level] += w.n;
        stepEntry(w.processKey, w.definitionVersion, w.step).warnings[level - 1] += w.n;
      }
      const steps = [...byStep.values()].sort(
        (a, b) => a.order[0].localeCompare(b.order[0]) || a.order[1] - b.order[1],
      );

      const openAssigned = new Map<number, number>();
      for (const r of open as any[])
        if (r.assignee !== null) openAssigned.set(num(r.assignee), (openAssigned.get(num(r.assignee)) ?? 0) + num(r.n));
      const capacity = staff.reduce((n: number, s: any) => n + (s.capacity ?? 20), 0);
      const assignedLoad = staff.reduce((n: number, s: any) => n + (openAssigned.get(s.id) ?? 0), 0);
      const count = (rows: any[], key: 'category' | 'channel') => {
        const m = new Map<string, number>();
        for (const r of rows) m.set(r[key] ?? '未分类', (m.get(r[key] ?? '未分类') ?? 0) + r.n);
        // Largest first, as the charts show them.
        return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, value]) => ({ name, value }));
      };
      const scores = evaluations.map((e: any) => num(e.score));
      const overdue = num(overdueNow);

      return {
        period: { from: q.from, to: q.to },
        indicators: {
          created,
          completed,
          completionRate: round(created ? completedCreated / created : null, 4),
          avgCycleHours: round(completed ? num(completedRow?.cycle_hours) / completed : null),
          avgHandlingHours: round(avg([...byPerson.values()].map((p) => p.hours / p.visits))),
          saturation: round(capacity ? assignedLoad / capacity : null, 4),
          firstResponseHours: round(response),
          onTimeRate: round(measured ? onTime / measured : null, 4),
          overdueNow: overdue,
          warnings,
          returnRejectRate: round(created ? returned / created : null, 4),
          satisfaction: { average: round(avg(scores)), count: scores.length },
          exceptions: exceptions.length,
          sms,
        },
        responseComparison: {
          current: round(response),
          previous: round(prevResponse),
          change: response !== null && prevResponse ? round((response - prevResponse) / prevResponse, 4) : null,
          previousPeriod: previous,
        },
        charts: {
          weekly: weekKeys.map((week, i) => ({
            week,
            created: appliedNow.weekly[i],
            completed: num(completedRow?.[`w${i}`]),
          })),
          cycleByStep: steps.filter((s) => s.visits).map((s) => ({ step: s.label, hours: round(s.hours / s.visits) })),
          byCategory: count(categoryRows, 'category'),
          byChannel: count(appliedNow.byChannel, 'channel'),
          slaHeat: steps.map((s) => ({
            step: s.label,
            onTimeRate: s.measured ? round(s.onTime / s.measured, 4) : null,
            warnings: s.warnings,
          })),
        },
        staff: await Promise.all(
          staff.map(async (s: any) => {
            const adminId = s.adminUser?.id;
            const own = handled.filter((v) => v.endedBy === adminId);
            const visitsOwn = own.reduce((t, v) => t + v.visits, 0);
            const measuredOwn = own.reduce((t, v) => t + v.measured, 0);
            const rated = adminId ? evaluations.filter((ev: any) => ev.actors.includes(adminId)) : [];
            const openLoad = openAssigned.get(s.id) ?? 0;
            return {
              id: s.id,
              name: s.name,
              organization: s.organization?.name ?? null,
              handled: visitsOwn,
              avgHandlingHours: round(visitsOwn ? own.reduce((t, v) => t + v.hours, 0) / visitsOwn : null),
              onTimeRate: round(measuredOwn ? own.reduce((t, v) => t + v.onTime, 0) / measuredOwn : null, 4),
              openLoad,
              capacity: s.capacity ?? 20,
              saturation: round(openLoad / (s.capacity ?? 20), 4),
              satisfaction: round(avg(rated.map((ev: any) => num(ev.score)))),
            };
          }),
        ),
      };
    },

    /**
     * Records of an order type (evaluations, progress reports) made in the period for orders in view;
     * each with the staff who acted on its order, for the staff table's satisfaction.
     */
    async related(inView: any, uid: string, q: MetricsQuery, fields: string[], where: Record<string, unknown> = {}) {
      const t = getService('tables').table(uid);
      const link = t.link('order');
      const rows = await knex()(`${t.name} as r`)
        .join(`${link.name} as l`, `l.${link.from}`, 'r.id')
        .whereIn(`l.${link.to}`, inView.clone())
        .andWhere(`r.${t.column('createdAt')}`, '>=', q.from)
        .andWhere(`r.${t.column('createdAt')}`, '<', q.to)
        .where(Object.fromEntries(Object.entries(where).map(([k, v]) => [`r.${t.column(k)}`, v])))
        .select([...fields.map((f) => `r.${t.column(f)} as ${f}`), `l.${link.to} as order_id`]);
      if (!fields.length || !rows.length) return rows;
      const e = eventTable();
      const actors = await knex()(e.name)
        .whereIn(e.column('orderId'), [...new Set(rows.map((r: any) => r.order_id))])
        .andWhere(e.column('actorKind'), 'staff')
        .distinct(e.column('orderId') + ' as order_id', e.column('actorId') + ' as actor_id');
      return rows.map((r: any) => ({
        ...r,
        actors: actors.filter((a: any) => num(a.order_id) === num(r.order_id)).map((a: any) => num(a.actor_id)),
      }));
    },

    /** Staff the viewer may see (administrators: whom they oversee; others: themselves), by organization and person. */
    async staffInScope(actor: Actor, q: MetricsQuery) {
      const scope = getService('scope');
      const where: any = { active: true };
      if (!scope.isAdministrator(actor)) where.id = actor.staffId ?? -1;
      else {
        const managed = await scope.managedOrganizations(actor);
        const chosen = q.organization ? await scope.treeIds(q.organization) : null;
        // A chosen organization narrows what the viewer oversees; it never widens it.
        const orgs = managed && chosen ? chosen.filter((id) => managed.includes(id)) : (chosen ?? managed);
        if (orgs) where.organization = { id: { $in: orgs.length ? orgs : [-1] } };
        if (q.person) where.id = q.person;
      }
      return strapi.db.query(UIDS.staff).findMany({
        where,
        select: ['id', 'name', 'capacity'],
        populate: { adminUser: { select: ['id'] }, organization: { select: ['name'] } },
        orderBy: { id: 'asc' },
      });
    },

    /** SMS sent in the period and the cost of those beyond the package, counting all sent before it. */
    async smsInPeriod(q: MetricsQuery) {
      const { included, price } = (strapi.config.get('plugin::workflow') as WorkflowConfig).sms;
      const sent = (where: Record<string, unknown>) =>
        strapi.db.query(UIDS.outbox).count({ where: { channel: 'sms', status: 'sent', ...where } });
      const [before, during] = await Promise.all([
        sent({ sentAt: { $lt: q.from } }),
        sent({ sentAt: { $gte: q.from, $lt: q.to } }),
      ]);
      const overage = Math.max(0, before + during - included) - Math.max(0, before - included);
      return { sent: during, overage, cost: Math.round(overage * price * 100) / 100 };
    },
  };
};

export default metrics;
