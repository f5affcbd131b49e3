'use strict';

/**
 * Daily counters behind order numbers (BZ + yyyyMMdd + sequence). A plain table rather than a content
 * type because allocation needs a real primary key on `day` (Strapi 5 does not enforce `unique` in the
 * database) and must never be edited from the admin panel.
 */
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('order_number_sequences')) return;
    await knex.schema.createTable('order_number_sequences', (table) => {
      table.string('day', 8).primary();
      table.integer('last_value').notNullable().defaultTo(0);
    });
  },
};
