import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { stepMeta } from '../engine/spec';
import { dayStart } from '../engine/calendar';
import type { Actor } from '../services/registry';
import { getService } from '../utils';
import { uidOf } from '../domain';
import type { Ranges } from './aggregates';
import type { PeriodPlan } from './rollups';
import { sumsFor, viewParts, eachPart, type MetricsQuery } from './view';
import {
  appliedFigures,
  categoryFigures,
  completedFigures,
  eventFigures,
  num,
  openLoads,
  overdueCount,
  related,
  smsInPeriod,
  staffInScope,
  urgesInPeriod,
  type Period,
} from './figures';
import { avg, DEFAULT_CAPACITY, firstResponseOf, handledVisits, indicatorsOf, round, type Figures } from './indicators';

export type { MetricsQuery } from './view';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;

/** Monday of the China-time week of an instant, as yyyy-MM-dd. */
const weekOf = (at: Date) => {
  const local = new Date(at.getTime() + CHINA);
  const monday = new Date(local.getTime() - ((local.getUTCDay() + 6) % 7) * DAY);
  return monday.toISOString().slice(0, 10);
};

/** The calendar weeks (Monday, China time) a period touches, as the chart labels them, and their ranges in it. */
const weeksOf = (q: MetricsQuery) => {
  const keys = new Set<string>();
  for (let t = new Date(q.from); t < q.to; t = new Date(t.getTime() + 7 * DAY)) keys.add(weekOf(t));
  const weekKeys = [...keys];
  const ranges: Ranges = weekKeys.map((k) => {
    const start = dayStart(k).getTime();
    return [new Date(Math.max(start, q.from.getTime())), new Date(Math.min(start + 7 * DAY, q.to.getTime()))];
  });
  return { weekKeys, ranges };
};

/** Where a query stands: the viewer, the clock, the orders in view and what the daily sums answer. */
const contextOf = async (actor: Actor, q: MetricsQuery) => {
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
  const sums = await sumsFor(actor, q);
  const planOf = async (from: Date, to: Date): Promise<PeriodPlan> =>
    sums ? getService('rollups').plan(from, to) : { days: [], summed: [], ranges: [[from, to]], factsUntil: null };
  /** A period's reading; the daily sums answer for the viewer's organizations, their work beyond is read apart. */
  const periodOf = async (p: MetricsQuery, weeks: Ranges): Promise<Period> => {
    const [{ parts, beyond }, plan] = await Promise.all([viewParts(actor, p, personAdmin), planOf(p.from, p.to)]);
    return {
      views: { parts, beyond: sums && plan.days.length ? beyond : [] },
      plan,
      filter: sums?.filter ?? {},
      weeks,
    };
  };
  // Open orders now: no open order was closed before a period that runs to now; null: all open orders.
  const openParts = (extra: any[] = []) =>
    unrestricted && toNow ? null : viewParts(actor, q, personAdmin, { extra, alive: !toNow }).then((v) => v.parts);
  return { now, personAdmin, periodOf, openParts };
};

/** Everything the indicators, charts and staff table are made of, read at once. */
const gather = async (actor: Actor, q: MetricsQuery) => {
  const { now, personAdmin, periodOf, openParts } = await contextOf(actor, q);
  const weeks = weeksOf(q);
  const previous = { from: new Date(q.from.getTime() - (q.to.getTime() - q.from.getTime())), to: q.from };
  const period = await periodOf(q, weeks.ranges);
  const staffInView = staffInScope(actor, q);
  const inView = period.views.parts;
  const [
    applied,
    categories,
    previousApplied,
    completed,
    events,
    open,
    overdueNow,
    evaluations,
    exceptions,
    sms,
    urges,
  ] = await Promise.all([
    appliedFigures(period),
    categoryFigures(period),
    periodOf({ ...q, ...previous }, []).then(appliedFigures),
    completedFigures(period),
    eventFigures(period, now),
    staffInView.then(async (staff) =>
      openLoads(
        staff.map((s: any) => s.id),
        await openParts(),
      ),
    ),
    overdueCount(now, openParts),
    eachPart(inView, (orders) => related(orders, uidOf('evaluation'), q, ['score'])),
    eachPart(inView, (orders) => related(orders, uidOf('progressReport'), q, [], { exception: true })),
    smsInPeriod(q),
    urgesInPeriod(inView, q),
  ]);
  const openAssigned = new Map<number, number>();
  for (const r of open as any[])
    if (r.assignee !== null) openAssigned.set(num(r.assignee), (openAssigned.get(num(r.assignee)) ?? 0) + num(r.n));
  const figures: Figures = {
    applied,
    completed,
    // A person's view counts the visits they ended.
    visits: events.visits.filter((v) => !personAdmin || v.endedBy === personAdmin),
    warnings: events.warnings,
    openAssigned,
    staff: await staffInView,
    overdueNow: num(overdueNow),
    evaluations,
    exceptions,
    sms,
    urges,
  };
  return { figures, categories, previousApplied, previous, weeks };
};

interface StepRow {
  order: [string, number];
  label: string;
  visits: number;
  hours: number;
  onTime: number;
  measured: number;
  warnings: [number, number, number];
}

/** Visits and warnings per step, in the order their processes list the steps. */
const stepTable = async (f: Figures) => {
  const defs = new Map((await getService('definitions').allStored()).map((d) => [`${d.key}@${d.version}`, d]));
  const byStep = new Map<string, StepRow>();
  const entry = (processKey: string, version: number, step: string) => {
    const key = `${processKey}:${step}`;
    if (!byStep.has(key)) {
      const nodes = defs.get(`${processKey}@${version}`)?.nodes;
      const label = (nodes ? stepMeta(nodes, step)?.label : null) ?? step;
      const order: [string, number] = [processKey, [...(nodes?.keys() ?? [])].indexOf(step)];
      byStep.set(key, { order, label, visits: 0, hours: 0, onTime: 0, measured: 0, warnings: [0, 0, 0] });
    }
    return byStep.get(key)!;
  };
  for (const v of f.visits) {
    const s = entry(v.processKey, v.definitionVersion, v.step);
    s.visits += v.visits;
    s.hours += v.hours;
    s.onTime += v.onTime;
    s.measured += v.measured;
  }
  for (const w of f.warnings)
    if (w.level >= 1 && w.level <= 3) entry(w.processKey, w.definitionVersion, w.step).warnings[w.level - 1] += w.n;
  return [...byStep.values()].sort((a, b) => a.order[0].localeCompare(b.order[0]) || a.order[1] - b.order[1]);
};

/** Counts by a name, largest first, as the charts show them. */
const countBy = (rows: any[], key: 'category' | 'channel') => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(r[key] ?? '未分类', (m.get(r[key] ?? '未分类') ?? 0) + r.n);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, value]) => ({ name, value }));
};

const chartsOf = async ({ figures: f, categories, weeks }: Awaited<ReturnType<typeof gather>>) => {
  const steps = await stepTable(f);
  return {
    weekly: weeks.weekKeys.map((week, i) => ({
      week,
      created: f.applied.weekly[i],
      completed: num(f.completed[`w${i}`]),
    })),
    cycleByStep: steps.filter((s) => s.visits).map((s) => ({ step: s.label, hours: round(s.hours / s.visits) })),
    byCategory: countBy(categories, 'category'),
    byChannel: countBy(f.applied.byChannel, 'channel'),
    slaHeat: steps.map((s) => ({
      step: s.label,
      onTimeRate: s.measured ? round(s.onTime / s.measured, 4) : null,
      warnings: s.warnings,
    })),
  };
};

/** Each staff member in view: what they ended, how fast, on time, their load and satisfaction. */
const staffRows = (f: Figures) =>
  f.staff.map((s: any) => {
    const adminId = s.adminUser?.id;
    const own = handledVisits(f).filter((v) => v.endedBy === adminId);
    const visits = own.reduce((t, v) => t + v.visits, 0);
    const measured = own.reduce((t, v) => t + v.measured, 0);
    const rated = adminId ? f.evaluations.filter((ev) => ev.actors.includes(adminId)) : [];
    const openLoad = f.openAssigned.get(s.id) ?? 0;
    const capacity = s.capacity ?? DEFAULT_CAPACITY;
    return {
      id: s.id,
      name: s.name,
      organization: s.organization?.name ?? null,
      handled: visits,
      avgHandlingHours: round(visits ? own.reduce((t, v) => t + v.hours, 0) / visits : null),
      onTimeRate: round(measured ? own.reduce((t, v) => t + v.onTime, 0) / measured : null, 4),
      openLoad,
      capacity,
      saturation: round(openLoad / capacity, 4),
      satisfaction: round(avg(rated.map((ev) => num(ev.score)))),
    };
  });

/**
 * The dashboard's figures, all from here: what happened to the orders the viewer may see, in a period,
 * narrowed by organization, process, category and person. Everything is summed by the database:
 * orders carry their first response and whether they were ever returned, and every history event that
 * moves an order records the visit it ends (dashboard/projection.ts), so no history is replayed here.
 * The figures agree with the order pages, which show the same visits.
 */
const metrics = (_deps: { strapi: Core.Strapi }) => ({
  async compute(actor: Actor, q: MetricsQuery) {
    const read = await gather(actor, q);
    const response = firstResponseOf(read.figures.applied);
    const previousResponse = firstResponseOf(read.previousApplied);
    return {
      period: { from: q.from, to: q.to },
      indicators: indicatorsOf(read.figures),
      responseComparison: {
        current: round(response),
        previous: round(previousResponse),
        change:
          response !== null && previousResponse ? round((response - previousResponse) / previousResponse, 4) : null,
        previousPeriod: read.previous,
      },
      charts: await chartsOf(read),
      staff: staffRows(read.figures),
    };
  },
});

export default metrics;
