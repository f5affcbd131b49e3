#!/usr/bin/env node
'use strict';

/**
 * Transitions per second through the real HTTP API, against the database DATABASE_CLIENT names
 * (SQLite by default; MariaDB with DATABASE_CLIENT=mysql). Boots the app in-process from dist/ on a
 * fresh database, creates ORDERS applications, then approves all of them (review → dispatch) with
 * CONCURRENCY requests in flight, and prints requests/s and latency percentiles.
 * Run `npm run build:server` first (npm run bench does).
 */
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');
const { randomBytes } = require('node:crypto');
const root = path.resolve(__dirname, '..');

const ORDERS = Number(process.env.ORDERS ?? 400);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);

const secrets = { APP_KEYS: 'a,b', API_TOKEN_SALT: 's', ADMIN_JWT_SECRET: 'j', TRANSFER_TOKEN_SALT: 't', JWT_SECRET: 'u', ENCRYPTION_KEY: 'e' };
Object.assign(process.env, { NODE_ENV: 'production', ENV_PATH: '/dev/null', LOG_LEVEL: 'error', STARTUP_LOG: 'false', WORKFLOW_TIMERS: 'false', STRAPI_TELEMETRY_DISABLED: 'true' }, Object.fromEntries(Object.entries(secrets).filter(([k]) => !process.env[k])));

const createDatabase = async () => {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  if (process.env.DATABASE_CLIENT === 'mysql') {
    const mysql = require('mysql2/promise');
    const opts = { host: process.env.DATABASE_HOST ?? '127.0.0.1', port: Number(process.env.DATABASE_PORT ?? 3306), user: process.env.DATABASE_USERNAME ?? 'root', password: process.env.DATABASE_PASSWORD ?? '' };
    const c = await mysql.createConnection(opts);
    await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await c.end();
    process.env.DATABASE_NAME = name;
    return async () => {
      const d = await mysql.createConnection(opts);
      await d.query(`DROP DATABASE \`${name}\``);
      await d.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  process.env.DATABASE_FILENAME = path.join(dir, 'bench.db');
  return async () => fs.rmSync(dir, { recursive: true, force: true });
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const pool = async (items, size, fn) => {
  const latencies = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      const t = process.hrtime.bigint();
      await fn(item);
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: size }, worker));
  return { seconds: (Date.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
};

const main = async () => {
  const drop = await createDatabase();
  const { createStrapi } = require('@strapi/strapi');
  const supertest = require('supertest');
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist'), autoReload: false, serveAdminPanel: false });
  await strapi.load();
  strapi.server.mount();
  const http = () => supertest(strapi.server.httpServer);
  try {
    const { seedDemo } = require(path.join(root, 'dist/database/seeds/demo.js'));
    await seedDemo(strapi);
    const login = await http().post('/api/auth/local').send({ identifier: 'zhujiang@demo.local', password: 'Demo@2026' });
    const clerk = await http().post('/admin/login').send({ email: 'clerk@demo.local', password: 'Demo@2026' });
    const jwt = login.body.jwt;
    const adminJwt = clerk.body.data.token;
    const form = { unitName: '压测单位', creditCode: '91510107590201629B', contactName: '刘经理', contactPhone: '13912345678', unitAddress: '江北大道1号', waterAddress: '江北大道1号B区', connectionType: '增容', buildingArea: 100 };

    const numbers = [];
    const create = await pool(Array.from({ length: ORDERS }, (_, i) => i), CONCURRENCY, async () => {
      const res = await http().post('/api/workflow/orders').set('Authorization', `Bearer ${jwt}`).send({ processKey: 'water-enterprise', formData: form });
      if (res.status !== 201) throw new Error(`submit ${res.status}`);
      numbers.push(res.body.data.number);
    });
    const counted = [];
    const onQuery = (q) => counted.push(q.sql);
    if (process.env.COUNT_QUERIES) strapi.db.connection.on('query', onQuery);
    const approve = await pool(numbers, CONCURRENCY, async (n) => {
      const res = await http().post(`/workflow/orders/${n}/actions/approve`).set('Authorization', `Bearer ${adminJwt}`).send({ version: 1, form: {} });
      if (res.status !== 200) throw new Error(`approve ${res.status} ${JSON.stringify(res.body)}`);
    });
    if (process.env.COUNT_QUERIES) {
      strapi.db.connection.off('query', onQuery);
      console.log(`${(counted.length / ORDERS).toFixed(1)} queries per approve request`);
      const shapes = new Map();
      for (const sql of counted) shapes.set(sql.slice(0, 90), (shapes.get(sql.slice(0, 90)) ?? 0) + 1);
      for (const [sql, n] of [...shapes].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(String((n / ORDERS).toFixed(1)).padStart(5), sql);
    }
    const report = (name, r) =>
      console.log(`${name.padEnd(22)} ${(ORDERS / r.seconds).toFixed(1).padStart(7)} req/s   p50 ${percentile(r.latencies, 50).toFixed(1)} ms   p95 ${percentile(r.latencies, 95).toFixed(1)} ms   p99 ${percentile(r.latencies, 99).toFixed(1)} ms`);
    console.log(`database ${strapi.db.dialect.client}, ${ORDERS} orders, concurrency ${CONCURRENCY}`);
    report('submit (201)', create);
    report('transition approve', approve);
  } finally {
    await strapi.destroy();
    await drop();
  }
};

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
