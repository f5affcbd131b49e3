import type { Core } from '@strapi/strapi';

/**
 * The workflow's own plain tables, beside its content types: leases (one instance at a time runs a job)
 * and the dashboard's daily sums. The plugin makes and changes them itself, in order, once per database,
 * at the start of its bootstrap; the app's migrations know nothing of them. Each step checks what is
 * there first, so a database made when these were app migrations goes on unchanged.
 */

type Knex = Core.Strapi['db']['connection'];
export const LEASES = 'workflow_leases';
export const SUMS = 'workflow_daily_sums';
export const ROLLED = 'workflow_rolled_days';

/** The daily sums' covering index: a period's sums read from the index alone, a range of days per kind. */
const COVER = ['kind', 'day', 'organization_ref', 'definition_id', 'step', 'ended_by', 'level', 'category'];
const COVER_V2 = [...COVER, 'channel', 'on_day', 'n', 'hours', 'measured', 'on_time'];
const ACROSS_CATEGORIES = { visit: 'visit:any', warning: 'warning:any' };

/** A row per job with its holder and expiry, taken by a compare-and-set update; its name is the key. */
const leases = async (knex: Knex) => {
  if (await knex.schema.hasTable(LEASES)) return;
  await knex.schema.createTable(LEASES, (table) => {
    table.string('name', 64).primary();
    table.string('owner', 64).notNullable();
    table.bigInteger('until_ms').notNullable();
  });
};

/**
 * Per China-time day, the step visits that ended and the warnings raised, summed by process version,
 * step, who ended the visit, level, organization and category; and the days summed so far. Derived from
 * the history and rebuilt from it, never edited.
 */
const dailySums = async (knex: Knex) => {
  if (!(await knex.schema.hasTable(SUMS))) {
    await knex.schema.createTable(SUMS, (table) => {
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
      table.index([...COVER, 'n', 'hours', 'measured', 'on_time'], 'workflow_daily_sums_cover_idx');
    });
  }
  if (!(await knex.schema.hasTable(ROLLED))) {
    await knex.schema.createTable(ROLLED, (table) => {
      table.string('day', 10).primary();
      table.bigInteger('rolled_at_ms').notNullable();
    });
  }
};

/**
 * What happens to the orders applied on a day after it (first responses, returns, completions), summed
 * on the day it happened (`on_day`) under the day they were applied, and applications by channel. Sums
 * made before are dropped: the hourly job sums every day again.
 */
const laterFacts = async (knex: Knex) => {
  if (await knex.schema.hasColumn(SUMS, 'on_day')) return;
  await knex(SUMS).delete();
  await knex(ROLLED).delete();
  await knex.schema.alterTable(SUMS, (table) => table.dropIndex([], 'workflow_daily_sums_cover_idx'));
  await knex.schema.alterTable(SUMS, (table) => {
    table.string('channel', 16);
    table.string('on_day', 10);
  });
  await knex.schema.alterTable(SUMS, (table) => {
    table.index(COVER_V2, 'workflow_daily_sums_cover_idx');
    // Summing a day again drops what was summed on it.
    table.index(['on_day', 'kind'], 'workflow_daily_sums_on_day_idx');
  });
};

/** The current day is summed up to a minute (`until_ms`, epoch ms; null: the whole day). */
const rolledUntil = async (knex: Knex) => {
  if (await knex.schema.hasColumn(ROLLED, 'until_ms')) return;
  await knex.schema.alterTable(ROLLED, (table) => table.bigInteger('until_ms'));
};

/**
 * Visits and warnings summed across categories (kinds `visit:any`, `warning:any`) for the dashboard
 * without a category filter; days summed before get them from their own sums by category.
 */
export const acrossCategories = async (knex: Knex) => {
  const columns = ['day', 'kind', 'definition_id', 'step', 'ended_by', 'level', 'organization_ref'];
  const rest = ['category', 'channel', 'on_day', 'n', 'hours', 'measured', 'on_time'];
  await knex(SUMS).whereIn('kind', Object.values(ACROSS_CATEGORIES)).delete();
  for (const [kind, across] of Object.entries(ACROSS_CATEGORIES)) {
    const into = knex.raw(`?? (${[...columns, ...rest].map(() => '??').join(', ')})`, [SUMS, ...columns, ...rest]);
    await knex.into(into).insert(
      knex(SUMS)
        .where({ kind })
        .select('day', knex.raw('? as kind', [across]), ...columns.slice(2))
        .select(knex.raw('NULL as category, NULL as channel, NULL as on_day'))
        .select(knex.raw('SUM(n) as n, SUM(hours) as hours, SUM(measured) as measured, SUM(on_time) as on_time'))
        .groupBy('day', ...columns.slice(2)),
    );
  }
};

const STEPS = [leases, dailySums, laterFacts, rolledUntil, acrossCategories];

/** Brings the workflow's tables up to date: the steps this database has not had yet, in order. */
export const upgradeStorage = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'workflow' });
  const done = Number((await store.get({ key: 'storage-steps' })) ?? 0);
  for (let step = done; step < STEPS.length; step += 1) {
    await STEPS[step](strapi.db.connection);
    await store.set({ key: 'storage-steps', value: step + 1 });
  }
};
