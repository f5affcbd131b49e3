import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { getService } from '../utils';

/**
 * The dashboard's aggregates, each defined once. The daily sums (rollups.ts) run them over a day and
 * keep the rows; the dashboard (metrics.ts) runs the same ones over the parts of a period the sums do
 * not hold. Each answers rows with the columns its `*_COLUMNS` list names, in that order.
 */

export type Ranges = Array<[Date, Date]>;

/** SQL for the hours between two datetime columns (SQLite keeps milliseconds, MySQL datetimes). */
export const hoursBetween = (strapi: Core.Strapi, from: string, to: string) =>
  strapi.db.dialect.client === 'sqlite'
    ? `((${to}) - (${from})) / 3600000.0`
    : `TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) / 3600000000.0`;

/** A where clause: the column in any of the ranges [from, to). */
export const inRanges = (column: string, ranges: Ranges) => (w: any) => {
  for (const [from, to] of ranges) w.orWhere((r: any) => r.where(column, '>=', from).andWhere(column, '<', to));
};

/** A content type's table under an alias, and its columns named through the alias. */
export const aliased = (uid: string, alias: string) => {
  const table = getService('tables').table(uid);
  return { from: `${table.name} as ${alias}`, col: (name: string) => `${alias}.${table.column(name)}` };
};

/** The events aggregated, as `e`. */
const events = () => aliased(UIDS.historyEvent, 'e');

export const VISIT_COLUMNS = ['definition_id', 'step', 'ended_by', 'n', 'hours', 'measured', 'on_time'];

/**
 * Step visits ended in the ranges, per process version, step and the staff member who ended them
 * (null when it was not staff): how many, their hours, how many had a threshold and how many kept it.
 * Every event that moves an order records the visit it ends (dashboard/projection.ts).
 */
export const endedVisits = (db: any, ranges: Ranges) => {
  const e = events();
  const endedBy = `CASE WHEN ${e.col('actorKind')} = 'staff' THEN ${e.col('actorId')} ELSE NULL END`;
  const onTime = e.col('visitOnTime');
  const query = db(e.from)
    .whereNotNull(e.col('visitHours'))
    .where(inRanges(e.col('at'), ranges))
    .select(`${e.col('definitionId')} as definition_id`, `${e.col('fromStep')} as step`)
    .select(db.raw(`${endedBy} as ended_by, COUNT(*) as n, SUM(${e.col('visitHours')}) as hours`))
    .select(db.raw(`SUM(CASE WHEN ${onTime} IS NULL THEN 0 ELSE 1 END) as measured`))
    .select(db.raw(`SUM(CASE WHEN ${onTime} = ? THEN 1 ELSE 0 END) as on_time`, [true]))
    .groupBy(e.col('definitionId'), e.col('fromStep'))
    .groupByRaw(endedBy);
  return { query, col: e.col };
};

export const WARNING_COLUMNS = ['definition_id', 'step', 'level', 'n'];

/** Warnings raised in the ranges, per process version, step and level. */
export const raisedWarnings = (db: any, ranges: Ranges) => {
  const e = events();
  const query = db(e.from)
    .where(e.col('action'), 'warn')
    .where(inRanges(e.col('at'), ranges))
    .select(`${e.col('definitionId')} as definition_id`, `${e.col('fromStep')} as step`)
    .select(`${e.col('warningLevel')} as level`)
    .select(db.raw('COUNT(*) as n'))
    .groupBy(e.col('definitionId'), e.col('fromStep'), e.col('warningLevel'));
  return { query, col: e.col };
};

/** Narrows a query of orders to those applied in the ranges, and counts them (`n`). */
export const applications = (db: any, query: any, col: (name: string) => string, ranges: Ranges) =>
  query.where(inRanges(col('createdAt'), ranges)).select(db.raw('COUNT(*) as n'));

/**
 * Narrows a query of orders to those completed in the ranges: how many (`n`) and their hours from
 * application to completion (`hours`).
 */
export const completions = (strapi: Core.Strapi, query: any, col: (name: string) => string, ranges: Ranges) =>
  query
    .where(col('outcome'), 'completed')
    .where(inRanges(col('closedAt'), ranges))
    .select(
      strapi.db.connection.raw(
        `COUNT(*) as n, SUM(${hoursBetween(strapi, col('createdAt'), col('closedAt'))}) as hours`,
      ),
    );
