'use strict';

/**
 * Leases that let one app instance at a time run a job (the warning scan) when several share the
 * database: a row per job with its holder and expiry, taken by a compare-and-set update. A plain
 * table, for a real primary key on the job's name.
 */
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('workflow_leases')) return;
    await knex.schema.createTable('workflow_leases', (table) => {
      table.string('name', 64).primary();
      table.string('owner', 64).notNullable();
      table.bigInteger('until_ms').notNullable();
    });
  },
};
