'use strict';

/**
 * The dashboard's daily sums (docs/performance.md): per China-time day, the step visits that ended and
 * the warnings raised, summed by process version, step, who ended the visit, warning level, the
 * order's organization and category; and the days summed so far. Plain tables: they are derived from
 * the history and rebuilt from it, never edited.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('workflow_daily_sums'))) {
      await knex.schema.createTable('workflow_daily_sums', (table) => {
        table.increments('id');
        table.string('day', 10).notNullable();
        table.string('kind', 16).notNullable();
        table.integer('definition_id');
        table.string('step', 64);
        table.integer('ended_by');
        table.integer('level');
        table.integer('organization_ref');
        table.string('category', 64);
        table.integer('n').notNullable();
        table.double('hours').notNullable();
        table.integer('measured').notNullable();
        table.integer('on_time').notNullable();
        // A period's sums read from the index alone, a range of days per kind.
        table.index(
          [
            'kind',
            'day',
            'organization_ref',
            'definition_id',
            'step',
            'ended_by',
            'level',
            'category',
            'n',
            'hours',
            'measured',
            'on_time',
          ],
          'workflow_daily_sums_cover_idx',
        );
      });
    }
    if (!(await knex.schema.hasTable('workflow_rolled_days'))) {
      await knex.schema.createTable('workflow_rolled_days', (table) => {
        table.string('day', 10).primary();
        table.bigInteger('rolled_at_ms').notNullable();
      });
    }
  },
};
