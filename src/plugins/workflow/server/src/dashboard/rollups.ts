import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { getService } from '../utils';
import { chinaDay, dayStart } from '../engine/calendar';
import {
  aliased,
  applications,
  inRanges,
  completions,
  endedVisits,
  raisedWarnings,
  VISIT_COLUMNS,
  WARNING_COLUMNS,
  type Ranges,
} from './aggregates';
import { ROLLED, SUMS } from '../storage';
import { kept } from '../kept';

const DAY = 86_400_000;
/** An event is written a moment after its time: a day is summed once it has been over this long. */
const SETTLE_MS = 10 * 60_000;
/**
 * Visits and warnings are also summed across categories, for the dashboard without a category filter:
 * at 1 M orders a day's warnings are 487 rows instead of 1,045, its visits 159 instead of 443, and the
 * warning sums were the dashboard's longest statement.
 */
const ACROSS_CATEGORIES = { visit: 'visit:any', warning: 'warning:any' } as const;
/** What is summed on the day it happened; deletes name them to use the index's leading column. */
const KINDS = ['visit', 'warning', 'applied', 'completed', ...Object.values(ACROSS_CATEGORIES)];
/**
 * What happens once to an order after the day it was applied (its first response, its first return,
 * its completion), summed on the day it happened (`on_day`) under the day the order was applied (`day`).
 */
const FACTS = [
  { kind: 'responded', attribute: 'firstResponseAt' },
  { kind: 'returned', attribute: 'returnedAt' },
  { kind: 'done', attribute: 'closedAt', outcome: 'completed' },
] as const;
const FACT_KINDS = FACTS.map((f) => f.kind);
const SUM_COLUMNS = [
  'day',
  'kind',
  'definition_id',
  'step',
  'ended_by',
  'level',
  'organization_ref',
  'category',
  'channel',
  'on_day',
  'n',
  'hours',
  'measured',
  'on_time',
];
const INSERT_CHUNK = 500;

const nextDay = (day: string) => chinaDay(dayStart(day).getTime() + DAY);
/** Where a summed day's sums end: the day's end, or the minute the current day was summed up to. */
const endOf = (row: { day: string; until_ms: unknown }) =>
  row.until_ms === null || row.until_ms === undefined ? dayStart(row.day).getTime() + DAY : Number(row.until_ms);
/** Summed days and where their sums end (ms). */
const rolledDays = async (query: any) =>
  new Map<string, number>((await query.select('day', 'until_ms')).map((r: any) => [r.day, endOf(r)]));

/** Which rows of the daily sums a dashboard query may read. */
export interface SumsFilter {
  organizations?: number[];
  definitions?: number[];
  category?: string;
}

/** What the daily sums answer for a period, and the ranges of it left to the events. */
export interface PeriodPlan {
  days: string[];
  /** The time those days cover. */
  summed: Array<[Date, Date]>;
  ranges: Array<[Date, Date]>;
  /**
   * Where the sums end from the first of `days` on (the start of the first day not summed, or the
   * minute the current day is summed up to): what happened before it to the orders applied on those
   * days is in the sums; what happened since is read from the orders.
   */
  factsUntil: Date | null;
}

/** What became of the orders applied on some days, as far as the sums know. */
export interface AppliedFacts {
  responded: number;
  responseHours: number;
  returned: number;
  completed: number;
}

/** A datetime as the driver answers it: a Date (MySQL), milliseconds or a UTC text without its zone (SQLite). */
const msOf = (value: unknown) => {
  if (value instanceof Date) return value.getTime();
  const text = String(value);
  if (/^\d+$/.test(text)) return Number(text);
  return new Date(/^\d{4}-\d{2}-\d{2}[ T][\d:.]+$/.test(text) ? `${text.replace(' ', 'T')}Z` : text).getTime();
};

export interface VisitSum {
  definitionId: number;
  step: string;
  /** The admin user who ended the visits, when staff did. */
  endedBy: number | null;
  visits: number;
  hours: number;
  measured: number;
  onTime: number;
}

export interface WarningSum {
  definitionId: number;
  step: string;
  level: number;
  n: number;
}

/**
 * The dashboard's pre-aggregation. Step visits ended and warnings raised are history events, and a
 * day's events never change once the day is over (events are appended at the time they happen); nor
 * do the orders applied or completed on a day (an order is applied and closed once), nor the first
 * responses and first returns of a day. So each past day is summed once, per process version, step,
 * who ended the visit, warning level, and the order's organization, category and channel; a period's
 * figures are the sums of its whole days plus the events of its partial ends (and of any day not
 * summed yet). The current day is summed too, each hour up to a settled minute (`until_ms`), and
 * summed again whole once it is over. What became of the orders applied on a day (FACTS) is summed on
 * the day it happened under the day they were applied: a period reads it as far as the sums go, and
 * the order rows after. An event written for a time already summed (only a moved clock does that:
 * tests, seeds) drops that day's sums, to be summed again.
 */
const rollups = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const num = (v: unknown) => Number(v ?? 0);
  /**
   * The end of the newest day summed (events before it are checked on insert): kept like the plugin's
   * other reads (kept.ts), dropped here whenever a day's sums change; read in the caller's transaction.
   */
  const summedUntil = kept<'end', number>(strapi, [], () =>
    getService('tables').current(async (db: any) => {
      const row = await db(ROLLED).orderBy('day', 'desc').select('day', 'until_ms').first();
      return row ? endOf(row) : 0;
    }),
  );

  /**
   * The events of one day up to `to` (the day's end, or where today's sums end), as rows of the daily
   * sums with the columns each names: the aggregates, by the order's organization and category.
   */
  const daySelects = (db: any, day: string, to: Date) => {
    const o = aliased(UIDS.order, 'o');
    const range: Ranges = [[dayStart(day), to]];
    const byOrder = ({ query, col }: { query: any; col: (name: string) => string }, kind: string) =>
      query
        .join(o.from, 'o.id', col('orderId'))
        .select(db.raw('? as day, ? as kind', [day, kind]))
        .select(`${o.col('organizationRef')} as organization_ref`, `${o.col('category')} as category`)
        .groupBy(o.col('organizationRef'), o.col('category'));
    const visits = byOrder(endedVisits(db, range), 'visit');
    // Warnings have no hours: the sums' columns are not null.
    const warnings = byOrder(raisedWarnings(db, range), 'warning').select(
      db.raw('0 as hours, 0 as measured, 0 as on_time'),
    );
    const grouped = ['day', 'kind', 'organization_ref', 'category'];
    return [
      { select: visits, columns: [...VISIT_COLUMNS, ...grouped] },
      { select: warnings, columns: [...WARNING_COLUMNS, ...grouped, 'hours', 'measured', 'on_time'] },
    ];
  };

  /** Definition ids by process key and version, the way order rows name their definition. */
  const definitionIds = async (db: any) => {
    const d = getService('tables').table(UIDS.definition);
    const rows = await db(d.name).select(
      'id',
      `${d.column('key')} as process_key`,
      `${d.column('version')} as version`,
    );
    return new Map<string, number>(rows.map((r: any) => [`${r.process_key}@${r.version}`, r.id]));
  };

  /**
   * The orders of one day as rows of the daily sums: those applied (by channel) and completed on it, and
   * the first responses, first returns and completions under the day each order was applied (a China-time
   * day, counted here rather than in each database's SQL). Each query reads one range of a time index of
   * the orders; the process version is looked up here, as a join made MariaDB read whole processes.
   */
  const orderRowsOf = async (db: any, day: string, to: Date) => {
    const o = aliased(UIDS.order, 'o');
    const oc = o.col;
    const range: Ranges = [[dayStart(day), to]];
    const definitions = await definitionIds(db);
    const inDay = (attribute: string) => db(o.from).where(inRanges(oc(attribute), range));
    const row = (kind: string, r: any, extra: Record<string, unknown>) => ({
      day,
      kind,
      definition_id: definitions.get(`${r.process_key}@${r.definition_version}`) ?? null,
      step: null,
      ended_by: null,
      level: null,
      organization_ref: r.organization_ref,
      category: r.category,
      channel: null,
      on_day: null,
      n: Number(r.n),
      hours: 0,
      measured: 0,
      on_time: 0,
      ...extra,
    });
    const groups = [
      oc('processKey') + ' as process_key',
      oc('definitionVersion') + ' as definition_version',
      oc('organizationRef') + ' as organization_ref',
      oc('category') + ' as category',
    ];
    const groupBy = [oc('processKey'), oc('definitionVersion'), oc('organizationRef'), oc('category')];
    const applied = await applications(db, db(o.from), oc, range)
      .select([...groups, oc('channel') + ' as channel'])
      .groupBy([...groupBy, oc('channel')]);
    const completed = await completions(strapi, db(o.from), oc, range).select(groups).groupBy(groupBy);
    const rows: Array<Record<string, unknown>> = [
      ...applied.map((r: any) => row('applied', r, { channel: r.channel })),
      ...completed.map((r: any) => row('completed', r, { hours: Number(r.hours ?? 0) })),
    ];
    const facts = new Map<string, Record<string, any>>();
    for (const fact of FACTS) {
      const query = inDay(fact.attribute).select([
        ...groups,
        oc('createdAt') + ' as created_at',
        oc(fact.attribute) + ' as at',
      ]);
      if ('outcome' in fact) query.where(oc('outcome'), fact.outcome);
      for (const r of await query) {
        const applied = chinaDay(msOf(r.created_at));
        const key = [fact.kind, applied, r.process_key, r.definition_version, r.organization_ref, r.category].join('|');
        const sum = facts.get(key) ?? row(fact.kind, { ...r, n: 0 }, { day: applied, on_day: day });
        sum.n += 1;
        if (fact.kind === 'responded') sum.hours += (msOf(r.at) - msOf(r.created_at)) / 3_600_000;
        facts.set(key, sum);
      }
    }
    return [...rows, ...facts.values()];
  };

  /** Drops what was summed for a day: what happened on it. */
  const dropDay = async (db: any, day: string) => {
    await db(SUMS).whereIn('kind', KINDS).andWhere({ day }).delete();
    await db(SUMS).where({ on_day: day }).whereIn('kind', FACT_KINDS).delete();
  };

  /** An insert into the daily sums of a select answering `columns`, in that order. */
  const into = (db: any, columns: string[]) =>
    db.into(db.raw(`?? (${columns.map(() => '??').join(', ')})`, [SUMS, ...columns]));

  /** Visits or warnings: the sums by category when the filter names one, else those across categories. */
  const eventKind = (kind: keyof typeof ACROSS_CATEGORIES, filter: SumsFilter) =>
    filter.category ? kind : ACROSS_CATEGORIES[kind];

  const sumsQuery = (kind: string | readonly string[], days: string[], filter: SumsFilter) => {
    const query = knex()(SUMS)
      .whereIn('kind', typeof kind === 'string' ? [kind] : kind)
      .whereIn('day', days);
    if (filter.organizations)
      query.whereIn('organization_ref', filter.organizations.length ? filter.organizations : [-1]);
    if (filter.definitions) query.whereIn('definition_id', filter.definitions.length ? filter.definitions : [-1]);
    if (filter.category) query.where('category', filter.category);
    return query;
  };

  return {
    /** Sums one day's events (the current day's up to `until`), replacing what was summed for it before. */
    async rollDay(day: string, until?: Date) {
      const to = until ?? new Date(dayStart(day).getTime() + DAY);
      await getService('tables').inTransaction(async (trx) => {
        await dropDay(trx, day);
        for (const { select, columns } of daySelects(trx, day, to)) await into(trx, columns).insert(select);
        for (const [kind, across] of Object.entries(ACROSS_CATEGORIES)) {
          await into(trx, SUM_COLUMNS).insert(
            trx(SUMS)
              .where({ kind, day })
              .select(
                'day',
                trx.raw('? as kind', [across]),
                'definition_id',
                'step',
                'ended_by',
                'level',
                'organization_ref',
                trx.raw('NULL as category, NULL as channel, NULL as on_day'),
              )
              .select(trx.raw('SUM(n) as n, SUM(hours) as hours, SUM(measured) as measured, SUM(on_time) as on_time'))
              .groupBy('day', 'definition_id', 'step', 'ended_by', 'level', 'organization_ref'),
          );
        }
        const rows = await orderRowsOf(trx, day, to);
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx(SUMS).insert(rows.slice(i, i + INSERT_CHUNK));
        await trx(ROLLED)
          .insert({ day, rolled_at_ms: Date.now(), until_ms: until ? until.getTime() : null })
          .onConflict('day')
          .merge();
      });
      summedUntil.forget();
    },

    /**
     * Sums every day that is over and not summed whole yet, from the first event on, and the current day
     * up to a settled minute; one instance at a time. Answers the number of whole days summed
     * (undefined when another instance was at it).
     */
    async rollUp() {
      return getService('leases').exclusive('rollups', 3_600_000, async () => {
        const e = getService('tables').table(UIDS.historyEvent);
        const first = await knex()(e.name)
          .min({ at: e.column('at') })
          .first();
        if (!first?.at) return 0;
        const settled = Math.floor((getService('clock').now().getTime() - SETTLE_MS) / 60_000) * 60_000;
        const open = chinaDay(settled);
        const summed = new Set<string>(
          (await knex()(ROLLED).whereNull('until_ms').select('day')).map((r: any) => r.day),
        );
        let count = 0;
        const firstDay = chinaDay(msOf(first.at));
        for (let day = firstDay; day < open; day = nextDay(day)) {
          if (summed.has(day)) continue;
          await this.rollDay(day);
          count += 1;
        }
        // Without this the dashboard read the current day from the events: at 1 M orders, up to a day's
        // 36 k step visits by the evening. Summed each hour, at most the last 70 minutes are left to them.
        if (firstDay <= open && settled > dayStart(open).getTime()) await this.rollDay(open, new Date(settled));
        return count;
      });
    },

    /** Whether an event at `at` falls on a day already summed (whose sums `touched` then drops). */
    async summed(at: Date) {
      return at.getTime() < (await summedUntil.get('end'));
    },

    /** Called with each event written (in its transaction): an event for a day already summed drops that day's sums. */
    async touched(db: any, at: Date) {
      if (!(await this.summed(at))) return;
      const day = chinaDay(at);
      await db(ROLLED).where({ day }).delete();
      await dropDay(db, day);
      summedUntil.forget();
    },

    /**
     * Splits [from, to) into the days whose sums serve it (whole days, and the current day as far as it
     * is summed) and the ranges left to the events: the partial days at the ends, the current day since
     * its sums, and any day not summed yet.
     */
    async plan(from: Date, to: Date): Promise<PeriodPlan> {
      const starting: string[] = [];
      let day = chinaDay(from);
      if (dayStart(day).getTime() < from.getTime()) day = nextDay(day);
      for (; dayStart(day).getTime() < to.getTime(); day = nextDay(day)) starting.push(day);
      const rolled = starting.length
        ? await rolledDays(knex()(ROLLED).whereBetween('day', [starting[0], starting[starting.length - 1]]))
        : new Map<string, number>();
      // A day's sums serve the period when they end within it.
      const days = starting.filter((d) => rolled.has(d) && rolled.get(d)! <= to.getTime());
      const ranges: Array<[Date, Date]> = [];
      const summed: Array<[Date, Date]> = [];
      let cursor = from.getTime();
      for (const d of days) {
        const start = dayStart(d).getTime();
        const end = rolled.get(d)!;
        if (cursor < start) ranges.push([new Date(cursor), new Date(start)]);
        if (summed.length && summed[summed.length - 1][1].getTime() === start)
          summed[summed.length - 1][1] = new Date(end);
        else summed.push([new Date(start), new Date(end)]);
        cursor = end;
      }
      if (cursor < to.getTime()) ranges.push([new Date(cursor), to]);
      let factsUntil: Date | null = null;
      if (days.length) {
        const later = await rolledDays(knex()(ROLLED).where('day', '>=', days[0]));
        let gap = days[0];
        while (later.get(gap) === dayStart(gap).getTime() + DAY) gap = nextDay(gap);
        factsUntil = new Date(later.get(gap) ?? dayStart(gap).getTime());
      }
      return { days, summed, ranges, factsUntil };
    },

    /** Orders applied on the days, by day and channel. */
    async applied(
      days: string[],
      filter: SumsFilter,
    ): Promise<Array<{ day: string; channel: string | null; n: number }>> {
      if (!days.length) return [];
      const rows = await sumsQuery('applied', days, filter)
        .select('day', 'channel')
        .sum({ n: 'n' })
        .groupBy('day', 'channel');
      return rows.map((r: any) => ({ day: r.day, channel: r.channel, n: num(r.n) }));
    },

    /** What became of the orders applied on the days, before `until` (PeriodPlan's factsUntil). */
    async facts(days: string[], until: Date | null, filter: SumsFilter): Promise<AppliedFacts> {
      const facts: AppliedFacts = { responded: 0, responseHours: 0, returned: 0, completed: 0 };
      if (!days.length || !until) return facts;
      // On the days before `until`, and on its own day when the sums end within it.
      const rows = await sumsQuery(FACT_KINDS, days, filter)
        .where('on_day', '<=', chinaDay(until.getTime() - 1))
        .select('kind')
        .select(knex().raw('SUM(n) as n, SUM(hours) as hours'))
        .groupBy('kind');
      for (const r of rows) {
        if (r.kind === 'responded') Object.assign(facts, { responded: num(r.n), responseHours: num(r.hours) });
        if (r.kind === 'returned') facts.returned = num(r.n);
        if (r.kind === 'done') facts.completed = num(r.n);
      }
      return facts;
    },

    async visits(days: string[], filter: SumsFilter): Promise<VisitSum[]> {
      if (!days.length) return [];
      const rows = await sumsQuery(eventKind('visit', filter), days, filter)
        .select('definition_id', 'step', 'ended_by')
        .select(knex().raw('SUM(n) as visits, SUM(hours) as hours, SUM(measured) as measured, SUM(on_time) as on_time'))
        .groupBy('definition_id', 'step', 'ended_by');
      return rows.map((r: any) => ({
        definitionId: num(r.definition_id),
        step: r.step,
        endedBy: r.ended_by === null ? null : num(r.ended_by),
        visits: num(r.visits),
        hours: num(r.hours),
        measured: num(r.measured),
        onTime: num(r.on_time),
      }));
    },

    /** Orders applied on the days, by category. */
    async categories(days: string[], filter: SumsFilter): Promise<Array<{ category: string | null; n: number }>> {
      if (!days.length) return [];
      const rows = await sumsQuery('applied', days, filter).select('category').sum({ n: 'n' }).groupBy('category');
      return rows.map((r: any) => ({ category: r.category, n: num(r.n) }));
    },

    /** Orders completed on each of the days, and their hours from application to completion. */
    async completed(days: string[], filter: SumsFilter): Promise<Array<{ day: string; n: number; hours: number }>> {
      if (!days.length) return [];
      const rows = await sumsQuery('completed', days, filter)
        .select('day')
        .select(knex().raw('SUM(n) as n, SUM(hours) as hours'))
        .groupBy('day');
      return rows.map((r: any) => ({ day: r.day, n: num(r.n), hours: num(r.hours) }));
    },

    async warnings(days: string[], filter: SumsFilter): Promise<WarningSum[]> {
      if (!days.length) return [];
      const rows = await sumsQuery(eventKind('warning', filter), days, filter)
        .select('definition_id', 'step', 'level')
        .sum({ n: 'n' })
        .groupBy('definition_id', 'step', 'level');
      return rows.map((r: any) => ({
        definitionId: num(r.definition_id),
        step: r.step,
        level: num(r.level),
        n: num(r.n),
      }));
    },
  };
};

export default rollups;
