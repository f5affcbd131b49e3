'use strict';

/**
 * Visits and warnings summed across categories (kinds `visit:any`, `warning:any`), for the dashboard
 * without a category filter (docs/performance.md). Days summed before get them from their own sums by
 * category, the same sums the hourly job now writes beside them: no day is summed again.
 */
const SUMS = 'workflow_daily_sums';
const ACROSS_CATEGORIES = { visit: 'visit:any', warning: 'warning:any' };
const COLUMNS = [
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

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(SUMS))) return;
    await knex(SUMS).whereIn('kind', Object.values(ACROSS_CATEGORIES)).delete();
    for (const [kind, across] of Object.entries(ACROSS_CATEGORIES)) {
      await knex.into(knex.raw(`?? (${COLUMNS.map(() => '??').join(', ')})`, [SUMS, ...COLUMNS])).insert(
        knex(SUMS)
          .where({ kind })
          .select(
            'day',
            knex.raw('? as kind', [across]),
            'definition_id',
            'step',
            'ended_by',
            'level',
            'organization_ref',
            knex.raw('NULL as category, NULL as channel, NULL as on_day'),
          )
          .select(knex.raw('SUM(n) as n, SUM(hours) as hours, SUM(measured) as measured, SUM(on_time) as on_time'))
          .groupBy('day', 'definition_id', 'step', 'ended_by', 'level', 'organization_ref'),
      );
    }
  },
};
