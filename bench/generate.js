#!/usr/bin/env node
'use strict';

/**
 * Fills a database with realistic orders for the benchmarks: every process, every step, a hash-chained
 * history for each order, file metadata, staff and applicants across the demo organizations.
 * Batched inserts through Strapi's own knex and table metadata (column and link-table names), so the
 * rows are exactly what the app writes.
 *
 *   ORDERS=10000 DATABASE_CLIENT=mysql DATABASE_NAME=utility_bench node bench/generate.js
 *
 * Sizes: 10 k for a quick run, 100 k, 1 M. The database is created when missing; run
 * `npm run build:server` first. Nothing here runs in `npm test`.
 */
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const root = path.resolve(__dirname, '..');

const ORDERS = Number(process.env.ORDERS ?? process.argv[2] ?? 10000);
const BATCH = 1000;
const secrets = { APP_KEYS: 'a,b', API_TOKEN_SALT: 's', ADMIN_JWT_SECRET: 'j', TRANSFER_TOKEN_SALT: 't', JWT_SECRET: 'u', ENCRYPTION_KEY: 'e' };
Object.assign(
  process.env,
  { NODE_ENV: 'production', ENV_PATH: '/dev/null', LOG_LEVEL: 'error', STARTUP_LOG: 'false', WORKFLOW_TIMERS: 'false', STRAPI_TELEMETRY_DISABLED: 'true', DATABASE_CLIENT: process.env.DATABASE_CLIENT ?? 'mysql', DATABASE_NAME: process.env.DATABASE_NAME ?? 'utility_bench' },
  Object.fromEntries(Object.entries(secrets).filter(([k]) => !process.env[k])),
);

const ensureDatabase = async () => {
  if (process.env.DATABASE_CLIENT !== 'mysql') return;
  const mysql = require('mysql2/promise');
  const c = await mysql.createConnection({ host: process.env.DATABASE_HOST ?? '127.0.0.1', port: Number(process.env.DATABASE_PORT ?? 3306), user: process.env.DATABASE_USERNAME ?? 'root', password: process.env.DATABASE_PASSWORD ?? '' });
  await c.query(`CREATE DATABASE IF NOT EXISTS \`${process.env.DATABASE_NAME}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
};

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const documentId = () => randomBytes(12).toString('hex').slice(0, 24);

const main = async () => {
  await ensureDatabase();
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist'), autoReload: false, serveAdminPanel: false });
  await strapi.load();
  const { seedDemo } = require(path.join(root, 'dist/database/seeds/demo.js'));
  await seedDemo(strapi);
  const { hashEvent } = require(path.join(root, 'dist/src/plugins/workflow/server/src/services/history.js'));
  const { stepMeta } = require(path.join(root, 'dist/src/plugins/workflow/server/src/engine/spec.js'));
  const knex = strapi.db.connection;
  const json = (v) => (v === null || v === undefined ? null : JSON.stringify(v));

  /** Maps attribute names to columns, and fills the link tables of manyToOne relations. */
  const table = (uid) => {
    const meta = strapi.db.metadata.get(uid);
    const column = (name) => meta.attributes[name].columnName ?? name;
    return {
      name: meta.tableName,
      row: (data) => Object.fromEntries(Object.entries(data).map(([k, v]) => [column(k), typeof v === 'object' && v !== null && !(v instanceof Date) ? json(v) : v])),
      link: (attr, id, target) => {
        const jt = meta.attributes[attr].joinTable;
        return { table: jt.name, row: { [jt.joinColumn.name]: id, [jt.inverseJoinColumn.name]: target, ...(jt.orderColumnName ? { [jt.orderColumnName]: 1 } : {}) } };
      },
    };
  };
  const orders = table('api::order.order');
  const events = table('plugin::workflow.history-event');
  const files = table('api::order-file.order-file');

  const defs = await strapi.plugin('workflow').service('definitions').listLatest();
  const staff = await strapi.db.query('api::staff-profile.staff-profile').findMany({ select: ['id', 'jobRoles'], populate: { organization: { select: ['id'] } } });
  const applicants = await strapi.db.query('plugin::users-permissions.user').findMany({ select: ['id', 'applicantType'] });
  const orgs = Object.fromEntries((await strapi.db.query('api::organization.organization').findMany({ select: ['id', 'code'] })).map((o) => [o.code, o.id]));
  const steps = Object.fromEntries(defs.map((d) => [d.key, [...d.nodes.keys()].filter((k) => !d.nodes.get(k).config.states && stepMeta(d.nodes, k)?.label)]));
  let [{ max }] = await knex(orders.name).max({ max: 'id' });
  let nextId = Number(max ?? 0);
  const now = Date.now();
  const started = Date.now();

  for (let done = 0; done < ORDERS; done += BATCH) {
    const orderRows = [];
    const links = [];
    const eventRows = [];
    const fileRows = [];
    for (let i = 0; i < Math.min(BATCH, ORDERS - done); i += 1) {
      const id = ++nextId;
      const def = pick(defs);
      const step = pick(steps[def.key]);
      const final = def.nodes.get(step).config.type === 'final';
      const createdAt = new Date(now - Math.random() * 365 * 86_400_000);
      const enteredAt = new Date(createdAt.getTime() + Math.random() * (now - createdAt.getTime()) * 0.5);
      const applicant = pick(applicants.filter((a) => a.applicantType === def.spec.applicantType)) ?? pick(applicants);
      const organization = orgs[def.spec.entry.organization ?? (Math.random() < 0.5 ? 'POWER' : 'ENERGY')];
      const roles = stepMeta(def.nodes, step)?.roles ?? [];
      const assignee = !final && Math.random() < 0.6 ? staff.find((s) => s.jobRoles.some((r) => roles.includes(r))) : null;
      const number = `BZ${createdAt.toISOString().slice(0, 10).replace(/-/g, '')}${String(id).padStart(7, '0')}`;
      const formData = { name: `测试用户${id}`, unitName: `测试单位${id}`, contactPhone: `139${String(id).padStart(8, '0').slice(-8)}`, address: `巴中市测试路${id}号` };
      // The history: the application, then the move into the current step; each event hashes the one before.
      const first = def.spec.machine.initial;
      const history = [
        { seq: 1, at: createdAt, actorKind: 'applicant', actorId: applicant.id, actorName: formData.name, action: 'submit', actionLabel: '提交申请', fromStep: null, toStep: step === first ? step : first },
        ...(step === first ? [] : [{ seq: 2, at: enteredAt, actorKind: 'staff', actorId: 1, actorName: '测试员工', action: 'approve', actionLabel: '办理', fromStep: first, toStep: step }]),
      ];
      let prevHash = null;
      for (const e of history) {
        const event = { ...e, orderId: id, comment: null, changes: null, artifacts: null, prevHash };
        const hash = hashEvent(event);
        eventRows.push(events.row({ ...event, hash, documentId: documentId(), createdAt: e.at, updatedAt: e.at, publishedAt: e.at }));
        prevHash = hash;
      }
      orderRows.push(orders.row({
        id, documentId: documentId(), number, processKey: def.key, definitionVersion: def.version, applicantType: def.spec.applicantType, category: null, channel: pick(['official-account', 'mini-program', 'window']),
        title: formData.unitName, contactPhone: formData.contactPhone, formData, currentStep: step, stateValue: { value: step }, stepEnteredAt: enteredAt, lockVersion: history.length,
        historyHead: prevHash, warningLevel: 0, outcome: final ? (def.nodes.get(step).config.meta?.outcome ?? 'completed') : null, closedAt: final ? enteredAt : null,
        createdAt, updatedAt: enteredAt, publishedAt: createdAt,
      }));
      links.push(orders.link('applicant', id, applicant.id), orders.link('organization', id, organization));
      if (assignee) links.push(orders.link('assignee', id, assignee.id));
      if (Math.random() < 0.5) fileRows.push({ id, row: files.row({ documentId: documentId(), kind: 'site-photo', name: `现场照片${id}.jpg`, version: 1, step: first, sha256: randomBytes(32).toString('hex'), createdAt, updatedAt: createdAt, publishedAt: createdAt }) });
    }
    await knex.transaction(async (trx) => {
      await trx.batchInsert(orders.name, orderRows, 500);
      await trx.batchInsert(events.name, eventRows, 500);
      const byTable = {};
      for (const l of links) (byTable[l.table] ??= []).push(l.row);
      for (const [name, rows] of Object.entries(byTable)) await trx.batchInsert(name, rows, 500);
      for (const f of fileRows) {
        const [fileId] = await trx(files.name).insert(f.row);
        const l = files.link('order', fileId, f.id);
        await trx(l.table).insert(l.row);
      }
    });
    process.stdout.write(`\r${Math.min(done + BATCH, ORDERS)} / ${ORDERS} orders`);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${ORDERS} orders in ${seconds.toFixed(1)} s (${Math.round(ORDERS / seconds)} orders/s) into ${process.env.DATABASE_CLIENT} ${process.env.DATABASE_NAME ?? process.env.DATABASE_FILENAME}`);
  await strapi.destroy();
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
