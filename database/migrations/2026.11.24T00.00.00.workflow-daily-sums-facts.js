'use strict';

/**
 * The daily sums also keep what happens to the orders applied on a day after that day: first responses,
 * returns and completions, each summed on the day it happened (`on_day`) under the day the order was
 * applied (`day`); and the orders applied by channel. The sums made before are dropped (`applied` rows
 * had no channel): the hourly job sums every day again.
 */
const COVER = [
  'kind',
  'day',
  'organization_ref',
  'definition_id',
  'step',
  'ended_by',
  'level',
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
    if (
      !(await knex.schema.hasTable('workflow_daily_sums')) ||
      (await knex.schema.hasColumn('workflow_daily_sums', 'on_day'))
    )
      return;
    await knex('workflow_daily_sums').delete();
    await knex('workflow_rolled_days').delete();
    await knex.schema.alterTable('workflow_daily_sums', (table) => {
      table.dropIndex([], 'workflow_daily_sums_cover_idx');
    });
    await knex.schema.alterTable('workflow_daily_sums', (table) => {
      table.string('channel', 16);
      table.string('on_day', 10);
    });
    await knex.schema.alterTable('workflow_daily_sums', (table) => {
      // A period's sums read from the index alone, a range of days per kind.
      table.index(COVER, 'workflow_daily_sums_cover_idx');
      // Summing a day again drops what was summed on it.
      table.index(['on_day', 'kind'], 'workflow_daily_sums_on_day_idx');
    });
  },
};
