'use strict';

/**
 * The current day is summed too, up to a minute (`until_ms`, epoch ms; null: the whole day), so that
 * the dashboard reads at most the last hour's events instead of the whole day's (docs/performance.md).
 */
module.exports = {
  async up(knex) {
    if (
      !(await knex.schema.hasTable('workflow_rolled_days')) ||
      (await knex.schema.hasColumn('workflow_rolled_days', 'until_ms'))
    )
      return;
    await knex.schema.alterTable('workflow_rolled_days', (table) => {
      table.bigInteger('until_ms');
    });
  },
};
