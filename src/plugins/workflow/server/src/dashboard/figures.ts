import { UIDS } from '../constants';
import type { WorkflowConfig } from '../config';
import type { Actor } from '../services/registry';
import { getService } from '../utils';
import { dayStart } from '../engine/calendar';
import {
  aliased,
  applications,
  completions,
  endedVisits,
  hoursBetween,
  inRanges,
  raisedWarnings,
  type Ranges,
} from './aggregates';
import type { AppliedFacts, PeriodPlan, SumsFilter, VisitSum, WarningSum } from './rollups';
import { column, eachPart, ofPart, type MetricsQuery, type ViewPart, type Views } from './view';

/**
 * The dashboard's readers: each reads one kind of figure for the orders in view, from the daily sums
 * for the whole days they hold and from the orders and events for the rest (aggregates.ts defines
 * each aggregate once for both).
 */

export const num = (v: unknown) => Number(v ?? 0);
const knex = () => strapi.db.connection;
const eventTable = () => getService('tables').table(UIDS.historyEvent);
const rollups = () => getService('rollups');

/** One period's reading: the orders in view, what the daily sums answer, and the weeks of its chart. */
export interface Period {
  views: Views;
  plan: PeriodPlan;
  filter: SumsFilter;
  weeks: Ranges;
}

/** Counts per week of a date column, as `w0`, `w1`, … */
const weekly = (col: string, weeks: Ranges) =>
  weeks.map(([f, t], i) => knex().raw(`SUM(CASE WHEN ${col} >= ? AND ${col} < ? THEN 1 ELSE 0 END) as w${i}`, [f, t]));
/** Which of the weeks a summed day falls in (whole days fall in one week each). */
const weekOfDay = (day: string, weeks: Ranges) => weeks.findIndex(([f, t]) => dayStart(day) >= f && dayStart(day) < t);

/** Adds up one-row sums. */
export const addRows = (rows: any[]) => {
  const total: Record<string, number> = {};
  for (const r of rows) for (const [k, v] of Object.entries(r ?? {})) total[k] = (total[k] ?? 0) + num(v);
  return total;
};

/**
 * Orders applied in some ranges of time: counts by channel and outcome, returned, first responses, per week.
 * (Categories are counted apart: with them the sum could not be read from one index, see indexes.ts.)
 */
const applied = async (inView: any, ranges: Ranges, weeks: Ranges) => {
  if (!ranges.length) return [];
  const created = column('createdAt');
  const responded = column('firstResponseAt');
  const responseHours = `CASE WHEN ${responded} IS NOT NULL THEN ${hoursBetween(strapi, created, responded)} ELSE 0 END`;
  const rows = await applications(knex(), inView.clone().clearSelect(), column, ranges)
    .select(column('channel') + ' as channel', column('outcome') + ' as outcome', column('returned') + ' as returned')
    .select(knex().raw(`SUM(CASE WHEN ${responded} IS NOT NULL THEN 1 ELSE 0 END) as responded`))
    .select(knex().raw(`SUM(${responseHours}) as response_hours`))
    .select(weekly(created, weeks))
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
const lateFacts = async (inView: any, ranges: Ranges, since: Date): Promise<AppliedFacts> => {
  const created = column('createdAt');
  const responded = column('firstResponseAt');
  const ofApplied = () => inView.clone().clearSelect().where(inRanges(created, ranges));
  const [responses, returns, completed] = await Promise.all([
    ofApplied()
      .where(responded, '>=', since)
      .select(knex().raw(`COUNT(*) as n, SUM(${hoursBetween(strapi, created, responded)}) as hours`))
      .first(),
    ofApplied().where(column('returnedAt'), '>=', since).count({ n: '*' }).first(),
    ofApplied().where(column('closedAt'), '>=', since).where(column('outcome'), 'completed').count({ n: '*' }).first(),
  ]);
  return {
    responded: num(responses?.n),
    responseHours: num(responses?.hours),
    returned: num(returns?.n),
    completed: num(completed?.n),
  };
};

export interface AppliedFigures extends AppliedFacts {
  created: number;
  byChannel: Array<{ channel: string | null; n: number }>;
  weekly: number[];
}

/**
 * The orders applied in a period and what became of them: the daily sums for its whole days, of the
 * organizations they answer for, with what happened to those orders since the sums end; the order rows
 * for the rest of the period and for the orders in view beyond those organizations.
 */
export const appliedFigures = async ({ views, plan, filter, weeks }: Period): Promise<AppliedFigures> => {
  const whole = views.parts.filter((p) => !views.beyond.includes(p));
  const [rows, rowsBeyond, days, summedFacts, late] = await Promise.all([
    eachPart(views.parts, (inView) => applied(inView, plan.ranges, weeks)),
    eachPart(views.beyond, (inView) => applied(inView, plan.summed, weeks)),
    rollups().applied(plan.days, filter),
    rollups().facts(plan.days, plan.factsUntil, filter),
    plan.factsUntil ? Promise.all(whole.map((p) => lateFacts(p.query, plan.summed, plan.factsUntil!))) : [],
  ]);
  const total: AppliedFigures = { created: 0, ...summedFacts, byChannel: [], weekly: weeks.map(() => 0) };
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
    const week = weekOfDay(d.day, weeks);
    if (week >= 0) total.weekly[week] += d.n;
  }
  return total;
};

/** Orders applied in some ranges of time, by category. */
const categoriesIn = async (inView: any, ranges: Ranges) => {
  if (!ranges.length) return [];
  const rows = await applications(knex(), inView.clone().clearSelect(), column, ranges)
    .select(column('category') + ' as category')
    .groupBy(column('category'));
  return rows.map((r: any) => ({ category: r.category as string | null, n: num(r.n) }));
};

/** Orders applied in the period, by category. */
export const categoryFigures = async ({ views, plan, filter }: Period) =>
  (
    await Promise.all([
      eachPart(views.parts, (inView) => categoriesIn(inView, plan.ranges)),
      eachPart(views.beyond, (inView) => categoriesIn(inView, plan.summed)),
      rollups().categories(plan.days, filter),
    ])
  ).flat();

/** Orders completed in some ranges of time: how many, their hours from application, and per week. */
const completedIn = async (inView: any, ranges: Ranges, weeks: Ranges) =>
  ranges.length
    ? [
        await completions(strapi, inView.clone().clearSelect(), column, ranges)
          .select(weekly(column('closedAt'), weeks))
          .first(),
      ]
    : [];

/** Orders completed in the period: `n`, `hours` from application to completion, and `w0`, `w1`, … per week. */
export const completedFigures = async ({ views, plan, filter, weeks }: Period) => {
  const days = (await rollups().completed(plan.days, filter)).map((d) => ({
    n: d.n,
    hours: d.hours,
    ...Object.fromEntries(weeks.map((_, i) => [`w${i}`, weekOfDay(d.day, weeks) === i ? d.n : 0])),
  }));
  const rows = await Promise.all([
    eachPart(views.parts, (inView) => completedIn(inView, plan.ranges, weeks)),
    eachPart(views.beyond, (inView) => completedIn(inView, plan.summed, weeks)),
  ]);
  return addRows([...rows.flat(), ...days]);
};

/** Step visits that ended in some ranges of time (before now), of the orders of a part of the view. */
const visitRows = async (ranges: Ranges, view: ViewPart, now: Date): Promise<VisitSum[]> => {
  if (!ranges.length) return [];
  const { query, col } = endedVisits(knex(), ranges);
  return (await ofPart(query.where(col('at'), '<', now), col, view)).map((r: any) => ({
    definitionId: num(r.definition_id),
    step: r.step,
    endedBy: r.ended_by === null || r.ended_by === undefined ? null : num(r.ended_by),
    visits: num(r.n),
    hours: num(r.hours),
    measured: num(r.measured),
    onTime: num(r.on_time),
  }));
};

/** Warnings raised in some ranges of time, of the orders of a part of the view. */
const warningRows = async (ranges: Ranges, view: ViewPart): Promise<WarningSum[]> => {
  if (!ranges.length) return [];
  const { query, col } = raisedWarnings(knex(), ranges);
  return (await ofPart(query, col, view)).map((r: any) => ({
    definitionId: num(r.definition_id),
    step: r.step,
    level: num(r.level),
    n: num(r.n),
  }));
};

/** Aggregated step visits, per process, version, step and who ended them. */
export type VisitGroup = Omit<VisitSum, 'definitionId'> & { processKey: string; definitionVersion: number };
export type WarningGroup = Omit<WarningSum, 'definitionId'> & { processKey: string; definitionVersion: number };

/** A definition's id as its process and version. */
const definitionOf = async () => {
  const defs = new Map((await getService('definitions').allStored()).map((d) => [d.id, d]));
  return (id: number) => ({ processKey: defs.get(id)?.key ?? '?', definitionVersion: defs.get(id)?.version ?? 0 });
};

/**
 * What ended or was raised in the period, per process version, step and who ended it or level: the
 * daily sums for the whole days they hold, of the organizations they may answer for; the events for
 * the rest of the period, and for orders in view beyond those organizations (`beyond`).
 */
export const eventFigures = async ({ views, plan, filter }: Period, now: Date) => {
  const inParts = async <T>(ranges: Ranges, parts: ViewPart[], rows: (r: Ranges, v: ViewPart) => Promise<T[]>) =>
    (await Promise.all(parts.map((view) => rows(ranges, view)))).flat();
  const [visits, visitsBeyond, visitSums, warnings, warningsBeyond, warningSums, definition] = await Promise.all([
    inParts(plan.ranges, views.parts, (r, v) => visitRows(r, v, now)),
    inParts(plan.summed, views.beyond, (r, v) => visitRows(r, v, now)),
    rollups().visits(plan.days, filter),
    inParts(plan.ranges, views.parts, warningRows),
    inParts(plan.summed, views.beyond, warningRows),
    rollups().warnings(plan.days, filter),
    definitionOf(),
  ]);
  const named = <T extends { definitionId: number }>({ definitionId, ...rest }: T) => ({
    ...definition(definitionId),
    ...rest,
  });
  return {
    visits: [...visitSums, ...visits, ...visitsBeyond].map(named) as VisitGroup[],
    warnings: [...warningSums, ...warnings, ...warningsBeyond].map(named) as WarningGroup[],
  };
};

/**
 * Open orders held by each of some staff: only theirs count towards saturation and the staff table.
 * Each staff member's open orders are one range of orders_assignee_idx, already grouped; counting
 * every open order by assignee read all of them (113 k at 1 M orders) through a temporary table.
 * `parts` null: every open order is in view.
 */
export const openLoads = async (staffIds: number[], parts: ViewPart[] | null) => {
  if (!staffIds.length) return [];
  const held = (query: any, col: (name: string) => string) =>
    query
      .whereIn(col('assigneeRef'), staffIds)
      .whereNull(col('outcome'))
      .select(col('assigneeRef') + ' as assignee')
      .count({ n: '*' })
      .groupBy(col('assigneeRef'));
  if (!parts) {
    const orders = getService('tables').table(UIDS.order);
    return held(knex()(orders.name), (name) => orders.column(name));
  }
  return eachPart(parts, (inView) => held(inView.clone().clearSelect(), column));
};

/** Open orders overdue now; `parts` null: every open order is in view. */
export const overdueCount = async (now: Date, parts: (extra: any[]) => Promise<ViewPart[]> | null) => {
  const overdue = await getService('orders').overdueWhere(now);
  const inView = parts([overdue]);
  if (!inView) return strapi.db.query(UIDS.order).count({ where: overdue });
  const rows = await eachPart(await inView, async (q) => [await q.clearSelect().count({ n: '*' }).first()]);
  return addRows(rows).n ?? 0;
};

/**
 * Records of an order type (evaluations, progress reports) made in the period for orders in view;
 * each with the staff who acted on its order, for the staff table's satisfaction.
 */
export const related = async (
  inView: any,
  uid: string,
  q: MetricsQuery,
  fields: string[],
  where: Record<string, unknown> = {},
) => {
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
};

/** Staff the viewer may see (administrators: whom they oversee; others: themselves), by organization and person. */
export const staffInScope = async (actor: Actor, q: MetricsQuery) => {
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
};

/** SMS sent in the period and the cost of those beyond the package, counting all sent before it. */
/** 催办 made in the period on the orders in view: a range of workflow_history_action_at_idx per part. */
export const urgesInPeriod = async (parts: ViewPart[], q: MetricsQuery) => {
  const e = aliased(UIDS.historyEvent, 'e');
  const counts = await Promise.all(
    parts.map(async (view) => {
      const query = knex()(e.from)
        .where(e.col('action'), 'urge')
        .where(e.col('at'), '>=', q.from)
        .where(e.col('at'), '<', q.to);
      const [{ n }] = await ofPart(query, e.col, view).count({ n: '*' });
      return num(n);
    }),
  );
  return counts.reduce((total, n) => total + n, 0);
};

export const smsInPeriod = async (q: MetricsQuery) => {
  const { included, price } = (strapi.config.get('plugin::workflow') as WorkflowConfig).sms;
  const sent = (where: Record<string, unknown>) =>
    strapi.db.query(UIDS.outbox).count({ where: { channel: 'sms', status: 'sent', ...where } });
  const [before, during] = await Promise.all([
    sent({ sentAt: { $lt: q.from } }),
    sent({ sentAt: { $gte: q.from, $lt: q.to } }),
  ]);
  const overage = Math.max(0, before + during - included) - Math.max(0, before - included);
  return { sent: during, overage, cost: Math.round(overage * price * 100) / 100 };
};
