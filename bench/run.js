#!/usr/bin/env node
'use strict';

/**
 * `npm run bench`: the engine's speed on MariaDB beside what the database and plain Strapi allow,
 * measured in one run. Prints a table and writes bench/results.json with the MariaDB settings.
 *
 * 1. On a fresh database (demo seed): applicant submissions at 50 clients; transitions through the
 *    HTTP API at 16 clients, on one instance and split over two, and through the transition service
 *    in the app's process (the engine alone); the same writes with raw mysql2 (the floor); Strapi's
 *    own REST update of an order through the document service (what a plain Strapi app does per
 *    request); the app's CPU per request of each part.
 * 2. On each generated database named in BENCH_DATABASES (default utility_bench, made by
 *    `npm run bench:generate`): the inbox of a department administrator (several steps, sorted by
 *    elapsed, 20 rows), the warning scan, the 14 dashboard indicators (super and department
 *    administrator); server RSS.
 *
 * BENCH_SMOKE=1 runs every part with a few requests on one fresh database (tests/bench-smoke.test.ts).
 * The app runs in its own process (bench/server.js); the load comes from autocannon in this one.
 */
const path = require('node:path');
const fs = require('node:fs');
const { fork } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const autocannon = require('autocannon');
const mysql = require('mysql2/promise');

const SMOKE = process.env.BENCH_SMOKE === '1';
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? (SMOKE ? 60 : 12000));
/**
 * Requests sent along each measured path before it is measured, not counted. V8 optimizes a function
 * only after it has run many times: without this, the first transitions ran unoptimized code and a
 * part of 1,150 transitions measured 2.0–2.3 ms of app CPU each against 1.4–1.75 ms over 3,000.
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? (SMOKE ? 2 : 500));
const INBOX_REQUESTS = Number(process.env.BENCH_INBOX_REQUESTS ?? (SMOKE ? 10 : 300));
const INDICATOR_REQUESTS = Number(process.env.BENCH_INDICATOR_REQUESTS ?? (SMOKE ? 2 : 10));
const DATABASES = SMOKE ? [] : (process.env.BENCH_DATABASES ?? 'utility_bench').split(',').filter(Boolean);
/** BENCH_WRITES=0 measures only the reads of the generated databases (part 2), e.g. while working on the inbox. */
const WRITES = SMOKE || process.env.BENCH_WRITES !== '0';
const OUT = process.env.BENCH_OUT ?? path.join(__dirname, 'results.json');
const PASSWORD = 'Demo@2026';
const connection = {
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 3306),
  user: process.env.DATABASE_USERNAME ?? 'root',
  password: process.env.DATABASE_PASSWORD ?? '',
};
const secrets = {
  APP_KEYS: 'a,b',
  API_TOKEN_SALT: 's',
  ADMIN_JWT_SECRET: 'j',
  TRANSFER_TOKEN_SALT: 't',
  JWT_SECRET: 'u',
  ENCRYPTION_KEY: 'e',
};

const log = (...args) => console.error('[bench]', ...args);
const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;
const round = (n, d = 1) => (n === null || n === undefined ? null : Math.round(n * 10 ** d) / 10 ** d);
const summary = (latencies, seconds, errors = 0) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    perSecond: round(sorted.length / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    errors,
  };
};

/** MariaDB's process, when the bench's database is on this machine: its CPU time shows what a part costs it. */
const mariadbPid = (() => {
  if (!['127.0.0.1', 'localhost', '::1'].includes(connection.host)) return null;
  try {
    return (
      fs
        .readdirSync('/proc')
        .find(
          (p) => /^\d+$/.test(p) && ['mariadbd', 'mysqld'].includes(fs.readFileSync(`/proc/${p}/comm`, 'utf8').trim()),
        ) ?? null
    );
  } catch {
    return null;
  }
})();
/** CPU time (µs) of a process from /proc: user and system ticks of 10 ms. */
const procCpu = (pid) => {
  if (!pid) return null;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
};
const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** The app in a child process; `ask` sends an IPC command and waits for its answer. */
const startServer = async (database, { seed = false, port }) => {
  const child = fork(path.join(__dirname, 'server.js'), [], {
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(secrets).filter(([k]) => !process.env[k])),
      NODE_ENV: 'production',
      ENV_PATH: '/dev/null',
      LOG_LEVEL: 'error',
      STARTUP_LOG: 'false',
      WORKFLOW_TIMERS: 'false',
      STRAPI_TELEMETRY_DISABLED: 'true',
      RATE_LIMIT_SIGN_IN: '1000000',
      RATE_LIMIT_REGISTER: '1000000',
      RATE_LIMIT_SUBMIT: '1000000',
      BUILTIN_RATE_LIMITS: 'false',
      DATABASE_CLIENT: 'mysql',
      DATABASE_NAME: database,
      HOST: '127.0.0.1',
      PORT: String(port),
      BENCH_SEED: seed ? '1' : '0',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map();
  let next = 1;
  child.on('message', (m) => {
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  const ready = new Promise((resolve, reject) => {
    waiting.set(0, resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  await ready;
  const ask = (cmd, arg) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, (m) => (m.ok ? resolve(m) : reject(new Error(m.error))));
      child.send({ id, cmd, arg });
    });
  /** Runs a part, with its CPU profile when BENCH_PROFILE names a folder. */
  const part = async (name, work) => {
    if (process.env.BENCH_PROFILE) await ask('profile-start');
    const cpu = async () => {
      const { cpu: app, system } = await ask('cpu');
      return { app, system, db: procCpu(mariadbPid), load: ownCpu() };
    };
    const before = await cpu();
    const result = await work();
    const after = await cpu();
    if (process.env.BENCH_PROFILE) log(`profile: ${(await ask('profile-stop', name)).file}`);
    // CPU time per request: what a part costs, steadier than requests per second on a shared machine.
    // The two cores also run MariaDB and the load generator (this process), so their shares are shown too.
    const perRequest = (us) => (us === null ? null : round(us / 1000 / Math.max(1, result.requests), 2));
    return {
      ...result,
      appCpuMs: perRequest(after.app - before.app),
      // The kernel's part of it: socket reads and writes, which on loopback carry the receiver's TCP work too.
      appSystemCpuMs: perRequest(after.system - before.system),
      dbCpuMs: before.db === null || after.db === null ? null : perRequest(after.db - before.db),
      loadCpuMs: perRequest(after.load - before.load),
    };
  };
  return { url: `http://127.0.0.1:${port}`, ask, part, stop: () => ask('stop').catch(() => child.kill()) };
};

/** Copies of these orders, same ids and document ids, in the REST baseline's plain content type (bench/server.js). */
const copyToBenchOrders = async (db, ids) => {
  const [columns] = await db.query(
    "SELECT column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'bench_orders'",
  );
  const [own] = await db.query(
    "SELECT column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'orders'",
  );
  const shared = columns
    .map((r) => r.c)
    .filter((c) => own.some((r) => r.c === c))
    .map((c) => `\`${c}\``)
    .join(', ');
  await db.query(`INSERT INTO bench_orders (${shared}) SELECT ${shared} FROM orders WHERE id IN (?)`, [ids]);
};

const request = async (url, { method = 'GET', headers = {}, body } = {}) => {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

const signIn = async (url, who) => {
  if (who.admin) {
    const res = await request(`${url}/admin/login`, { method: 'POST', body: { email: who.admin, password: PASSWORD } });
    if (res.status !== 200) throw new Error(`admin login ${who.admin}: ${res.status}`);
    return { Authorization: `Bearer ${res.body.data.token}` };
  }
  const res = await request(`${url}/api/auth/local`, {
    method: 'POST',
    body: { identifier: who.applicant, password: PASSWORD },
  });
  if (res.status !== 200) throw new Error(`applicant login ${who.applicant}: ${res.status}`);
  return { Authorization: `Bearer ${res.body.jwt}` };
};

/** autocannon over a list of requests, each sent once; latencies per request from its own clock. */
const load = async (url, connections, requests) => {
  if (requests.length === 0) return summary([], 1);
  const { latencies, seconds, errors } = await loadRaw(url, connections, requests);
  return summary(latencies, seconds, errors);
};

/** Loads several instances at once (each its own requests); one summary of all. */
const loadAll = async (loads) => {
  const runs = await Promise.all(loads.map(([url, connections, requests]) => loadRaw(url, connections, requests)));
  return summary(
    runs.flatMap((r) => r.latencies),
    Math.max(...runs.map((r) => r.seconds)),
    runs.reduce((n, r) => n + r.errors, 0),
  );
};

const loadRaw = (url, connections, requests) =>
  new Promise((resolve, reject) => {
    let i = 0;
    const started = Date.now();
    // autocannon calls back on its next one-second tick: the run ends with its last answer instead.
    let last = started;
    const latencies = [];
    let errors = 0;
    const instance = autocannon(
      {
        url,
        connections: Math.min(connections, requests.length),
        amount: requests.length,
        timeout: 60,
        requests: [{ setupRequest: (req) => ({ ...req, ...requests[i++ % requests.length] }) }],
      },
      (err) => (err ? reject(err) : resolve({ latencies, seconds: Math.max(1, last - started) / 1000, errors })),
    );
    instance.on('reqError', () => (errors += 1));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      last = Date.now();
      if (statusCode >= 400) errors += 1;
      latencies.push(responseTime);
    });
  });

/** Open loop: requests start at even intervals (`rate` a second), whatever the answers take, `clients` at most. */
const paced = async (count, rate, clients, fn) => {
  const latencies = [];
  let errors = 0;
  let inFlight = 0;
  const started = Date.now();
  const running = [];
  for (let i = 0; i < count; i += 1) {
    const due = started + (i * 1000) / rate;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    while (inFlight >= clients) await Promise.race(running);
    inFlight += 1;
    const t = process.hrtime.bigint();
    const p = fn(i)
      .then((ok) => (ok ? latencies.push(Number(process.hrtime.bigint() - t) / 1e6) : (errors += 1)))
      .catch(() => (errors += 1))
      .finally(() => {
        inFlight -= 1;
        running.splice(running.indexOf(p), 1);
      });
    running.push(p);
  }
  await Promise.all(running);
  return summary(latencies, (Date.now() - started) / 1000, errors);
};

const sequential = async (count, fn) => {
  const latencies = [];
  const started = Date.now();
  for (let i = 0; i < count; i += 1) {
    const t = process.hrtime.bigint();
    await fn(i);
    latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return summary(latencies, (Date.now() - started) / 1000);
};

/** The floor: the transition's writes with raw mysql2, one transaction each, 16 at a time. */
const rawFloor = async (database, orderIds, connections) => {
  const pool = mysql.createPool({ ...connection, database, connectionLimit: connections });
  const latencies = [];
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    while (next < orderIds.length) {
      const id = orderIds[next++];
      const t = process.hrtime.bigint();
      const c = await pool.getConnection();
      try {
        await c.beginTransaction();
        const [[order]] = await c.query('SELECT lock_version FROM orders WHERE id = ? FOR UPDATE', [id]);
        const [[last]] = await c.query(
          'SELECT seq, hash FROM workflow_history_events WHERE order_id = ? ORDER BY seq DESC LIMIT 1',
          [id],
        );
        await c.query(
          'UPDATE orders SET lock_version = ?, current_step = ?, step_entered_at = NOW(6), history_head = ? WHERE id = ? AND lock_version = ?',
          [order.lock_version + 1, 'dispatch', randomBytes(32).toString('hex'), id, order.lock_version],
        );
        const [event] = await c.query(
          'INSERT INTO workflow_history_events (document_id, order_id, seq, at, actor_kind, actor_name, action, from_step, to_step, hash, prev_hash, published_at) VALUES (?, ?, ?, NOW(6), ?, ?, ?, ?, ?, ?, ?, NOW(6))',
          [
            randomBytes(12).toString('hex'),
            id,
            (last?.seq ?? 0) + 1,
            'staff',
            'bench',
            'raw',
            'dispatch',
            'dispatch',
            randomBytes(32).toString('hex'),
            last?.hash ?? null,
          ],
        );
        await c.query(
          'INSERT INTO workflow_outbox_messages (document_id, order_id, history_event_id, audience, channel, template, status, attempts, next_attempt_at, created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, NOW(6), NOW(6), NOW(6), NOW(6))',
          [randomBytes(12).toString('hex'), id, event.insertId, 'applicant', 'message', 'bench', 'sent'],
        );
        await c.commit();
      } catch (error) {
        await c.rollback();
        throw error;
      } finally {
        c.release();
      }
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const result = summary(latencies, (Date.now() - started) / 1000);
  await pool.end();
  return result;
};

const mariadbSettings = async () => {
  const c = await mysql.createConnection(connection);
  const [[row]] = await c.query(
    'SELECT @@version AS version, @@innodb_buffer_pool_size AS innodb_buffer_pool_size, @@innodb_flush_log_at_trx_commit AS innodb_flush_log_at_trx_commit, @@sync_binlog AS sync_binlog, @@log_bin AS log_bin, @@tx_isolation AS tx_isolation, @@max_connections AS max_connections, @@innodb_log_file_size AS innodb_log_file_size',
  );
  await c.end();
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]),
  );
};

/** `WARMUP` requests along the same path (by default the first of those to measure), then the measured part. */
const warmThenMeasure = async (server, name, requests, warm = requests.slice(0, WARMUP)) => {
  await load(server.url, 16, warm);
  return server.part(name, () => load(server.url, 16, requests));
};

/** Part 1: writes on a fresh database; `more` runs on the same server before it stops (the smoke run's reads). */
const writes = async (more) => {
  const database = `bench_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(connection);
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const server = await startServer(database, { seed: true, port: 19100 });
  const db = await mysql.createConnection({ ...connection, database });
  try {
    const applicant = await signIn(server.url, { applicant: 'zhujiang@demo.local' });
    const clerk = await signIn(server.url, { admin: 'clerk@demo.local' });
    const form = {
      unitName: '压测单位',
      creditCode: '91510107590201629B',
      contactName: '刘经理',
      contactPhone: '13912345678',
      unitAddress: '江北大道1号',
      waterAddress: '江北大道1号B区',
      connectionType: '增容',
      buildingArea: 100,
    };
    log(`submissions: ${SUBMISSIONS} at 50 clients`);
    const submitBody = JSON.stringify({ processKey: 'water-enterprise', formData: form });
    const submission = await server.part('submission', () =>
      load(
        server.url,
        50,
        Array.from({ length: SUBMISSIONS }, () => ({
          method: 'POST',
          path: '/api/workflow/orders',
          headers: { ...applicant, 'content-type': 'application/json' },
          body: submitBody,
        })),
      ),
    );

    // 50 clients each submitting once a second: the open loop's rate.
    const rate = Number(process.env.BENCH_SUBMIT_RATE ?? 50);
    const pacedCount = SMOKE ? 20 : 1500;
    log(`submissions: ${pacedCount} from up to 50 clients, one every ${Math.round(1000 / rate)} ms`);
    const submissionPaced = await server.part('submission-paced', async () => ({
      rate,
      ...(await paced(
        pacedCount,
        rate,
        50,
        async () =>
          (await fetch(`${server.url}/api/workflow/orders`, {
            method: 'POST',
            headers: { ...applicant, 'content-type': 'application/json' },
            body: submitBody,
          }).then((r) => r.text().then(() => r.status))) < 300,
      )),
    }));

    const [inReview] = await db.query(
      "SELECT id, number, document_id FROM orders WHERE current_step = 'review' AND title = ? ORDER BY id",
      [form.unitName],
    );
    // The warm-up's approvals first, then a quarter each: transitions on one instance, on two, in-process,
    // and Strapi's REST update.
    const [warmOrders, warmSecond] = [inReview.slice(0, WARMUP), inReview.slice(WARMUP, 2 * WARMUP)];
    const measured = inReview.slice(2 * WARMUP);
    const quarter = Math.floor(measured.length / 4);
    const [single, pair, inProcessOrders, rest] = [
      measured.slice(0, quarter),
      measured.slice(quarter, 2 * quarter),
      measured.slice(2 * quarter, 3 * quarter),
      measured.slice(3 * quarter),
    ];
    log(`transitions: ${quarter} approvals at 16 clients`);
    const approveBody = JSON.stringify({ version: 1, form: {} });
    const perRequest = (label, n) => statementsPerRequest(server, label, n);
    await perRequest('submission', SUBMISSIONS);
    const approvals = (orders) =>
      orders.map((o) => ({
        method: 'POST',
        path: `/workflow/orders/${o.number}/actions/approve`,
        headers: { ...clerk, 'content-type': 'application/json' },
        body: approveBody,
      }));
    log(`warm-up: ${warmOrders.length} approvals, not measured`);
    await load(server.url, 16, approvals(warmOrders));
    const transition = await server.part('transition', () => load(server.url, 16, approvals(single)));

    await perRequest('transition', quarter);
    // Scale-out: a second instance on the same database, the same 16 clients split between the two.
    log(`transitions: ${pair.length} approvals at 16 clients over two instances (8 each)`);
    const second = await startServer(database, { port: 19102 });
    let transitionTwoInstances;
    try {
      await load(second.url, 16, approvals(warmSecond));
      const half = Math.floor(pair.length / 2);
      transitionTwoInstances = await loadAll([
        [server.url, 8, approvals(pair.slice(0, half))],
        [second.url, 8, approvals(pair.slice(half))],
      ]);
    } finally {
      await second.stop();
    }
    log(
      `the engine alone: ${inProcessOrders.length} approvals through the transition service in the app's process, 16 at a time`,
    );
    const inProcess = await server.part('engine', async () => {
      const engine = await server.ask('perform', {
        numbers: inProcessOrders.map((o) => o.number),
        clients: 16,
        email: 'clerk@demo.local',
      });
      if (engine.failures?.length) log('the engine alone failed:', engine.failures.join(' | '));
      return { ...summary(engine.latencies, engine.seconds, engine.errors), failures: engine.failures };
    });
    log(`ceiling: Strapi's own authenticated admin request (GET /admin/users/me) ×${quarter} at 16 clients`);
    const adminNoop = await warmThenMeasure(
      server,
      'admin-noop',
      single.map(() => ({ method: 'GET', path: '/admin/users/me', headers: clerk })),
    );
    log(
      `ceiling: the staff app's own authenticated request that reads nothing (GET /workflow/me) ×${quarter} at 16 clients`,
    );
    const staffNoop = await warmThenMeasure(
      server,
      'staff-noop',
      single.map(() => ({ method: 'GET', path: '/workflow/me', headers: clerk })),
    );
    log(
      `ceiling: Strapi's request handling without authentication or database (GET /_health) ×${quarter} at 16 clients`,
    );
    const bareNoop = await warmThenMeasure(
      server,
      'bare-noop',
      single.map(() => ({ method: 'GET', path: '/_health' })),
    );
    log(`baseline: Strapi's REST update of ${rest.length} orders at 16 clients`);
    await copyToBenchOrders(
      db,
      rest.map((o) => o.id),
    );
    const { accessKey } = await server.ask('token');
    const restHeaders = { Authorization: `Bearer ${accessKey}`, 'content-type': 'application/json' };
    const restUpdate = (o, i) => ({
      method: 'PUT',
      path: `/api/bench/orders/${o.document_id}`,
      headers: restHeaders,
      body: JSON.stringify({ data: { title: `压测单位${i}` } }),
    });
    const strapiRest = await warmThenMeasure(
      server,
      'strapi-rest',
      rest.map(restUpdate),
      rest.slice(0, WARMUP).map((o, i) => restUpdate(o, -i)),
    );

    log(`baseline: the same writes with raw mysql2 on ${measured.length} orders at 16 connections`);
    if (warmOrders.length)
      await rawFloor(
        database,
        warmOrders.map((o) => o.id),
        16,
      );
    // Through `part` for the CPU of MariaDB and of this process (the app idles meanwhile).
    const raw = await server.part('raw', () =>
      rawFloor(
        database,
        measured.map((o) => o.id),
        16,
      ),
    );
    const { rss } = await server.ask('memory');
    return {
      database,
      submission,
      submissionPaced,
      transition,
      transitionTwoInstances,
      inProcess,
      adminNoop,
      staffNoop,
      bareNoop,
      strapiRest,
      raw,
      rss,
      more: more ? await more(database, server) : undefined,
    };
  } finally {
    await db.end();
    await server.stop();
    await admin.query(`DROP DATABASE \`${database}\``);
    await admin.end();
  }
};

/** The statements a part sent per request, by shape (BENCH_QUERIES=1). */
const statementsPerRequest = async (server, label, n) => {
  if (process.env.BENCH_QUERIES !== '1') return;
  const { queries } = await server.ask('queries');
  const total = queries.reduce((t, [, c]) => t + c, 0);
  log(`${label}: ${(total / n).toFixed(1)} statements per request`);
  for (const [sql, c] of queries.slice(0, 25)) log(`  ${(c / n).toFixed(2).padStart(6)}  ${sql}`);
};

/** Part 2: reads on a generated database (or, in a smoke run, on the fresh one of part 1). */
const reads = async (database, running) => {
  const server = running ?? (await startServer(database, { port: 19101 }));
  const db = await mysql.createConnection({ ...connection, database });
  try {
    const [[{ orders }]] = await db.query('SELECT COUNT(*) AS orders FROM orders');
    const [[{ open }]] = await db.query('SELECT COUNT(*) AS open FROM orders WHERE outcome IS NULL');
    const [[{ events }]] = await db.query('SELECT COUNT(*) AS events FROM workflow_history_events');
    const deptAdmin = await signIn(server.url, { admin: 'deptadmin@demo.local' });
    const superAdmin = await signIn(server.url, { admin: 'admin@demo.local' });
    const steps = 'survey,design,budget-confirm,construction';
    log(`${database}: ${orders} orders (${open} open, ${events} events); inbox ×${INBOX_REQUESTS}`);
    if (process.env.BENCH_QUERIES === '1') await server.ask('queries'); // the sign-ins' statements are not the inbox's
    const listed = new Set();
    const inbox = await server.part(`inbox-${database}`, () =>
      sequential(INBOX_REQUESTS, async (i) => {
        const res = await request(
          `${server.url}/workflow/orders?status=open&step=${steps}&sort=elapsed&pageSize=20&page=${(i % 5) + 1}`,
          { headers: deptAdmin },
        );
        if (res.status !== 200) throw new Error(`inbox ${res.status} ${JSON.stringify(res.body)}`);
        for (const o of res.body.data) listed.add(o.number);
      }),
    );
    await statementsPerRequest(server, 'inbox', INBOX_REQUESTS);
    // Opening an order from the inbox: the whole view (history, files, related records), found by its number.
    const numbers = [...listed];
    log(`order view ×${INBOX_REQUESTS} (${numbers.length} orders from the inbox)`);
    const orderView = await server.part(`order-view-${database}`, () =>
      sequential(INBOX_REQUESTS, async (i) => {
        const res = await request(`${server.url}/workflow/orders/${numbers[i % numbers.length]}`, {
          headers: deptAdmin,
        });
        if (res.status !== 200) throw new Error(`order view ${res.status} ${JSON.stringify(res.body)}`);
      }),
    );
    await statementsPerRequest(server, 'order view', INBOX_REQUESTS);
    const [first] = [
      await request(`${server.url}/workflow/orders?status=open&step=${steps}&sort=elapsed&pageSize=20`, {
        headers: deptAdmin,
      }),
    ];
    log('warning scan ×3');
    const scans = [];
    for (let i = 0; i < 3; i += 1) scans.push(await server.ask('scan'));
    log(`indicators ×${INDICATOR_REQUESTS} (the last 30 days, super administrator)`);
    const indicators = await server.part(`indicators-${database}`, () =>
      sequential(INDICATOR_REQUESTS, async () => {
        const res = await request(`${server.url}/workflow/metrics`, { headers: superAdmin });
        if (res.status !== 200) throw new Error(`metrics ${res.status} ${JSON.stringify(res.body)}`);
      }),
    );
    log(`indicators ×${INDICATOR_REQUESTS} (the last 30 days, department administrator)`);
    const indicatorsDept = await server.part(`indicators-dept-${database}`, () =>
      sequential(INDICATOR_REQUESTS, async () => {
        const res = await request(`${server.url}/workflow/metrics`, { headers: deptAdmin });
        if (res.status !== 200) throw new Error(`metrics ${res.status} ${JSON.stringify(res.body)}`);
      }),
    );
    const { rss } = await server.ask('memory');
    return {
      database,
      orders: Number(orders),
      open: Number(open),
      events: Number(events),
      inbox: { ...inbox, total: first.body.meta.pagination.total, rows: first.body.data.length },
      orderView,
      // The first scan catches up with what crossed a threshold since the data was made; then the steady state.
      scan: {
        ms: round(scans[scans.length - 1].ms),
        examined: scans[scans.length - 1].examined,
        raised: scans[scans.length - 1].raised,
        first: round(scans[0].ms),
        firstRaised: scans[0].raised,
      },
      indicators,
      indicatorsDept,
      rss,
    };
  } finally {
    await db.end();
    if (!running) await server.stop();
  }
};

const table = (results) => {
  const w = results.writes;
  const mb = (b) => `${Math.round(b / 1048576)} MB`;
  const mariadb = `MariaDB ${results.mariadb.version}, buffer pool ${mb(results.mariadb.innodb_buffer_pool_size)}, flush_log_at_trx_commit ${results.mariadb.innodb_flush_log_at_trx_commit}`;
  const cpu = (r) =>
    r.appCpuMs !== undefined
      ? `  CPU ms/request: app ${r.appCpuMs}${r.appSystemCpuMs != null ? ` (kernel ${r.appSystemCpuMs})` : ''}${r.dbCpuMs != null ? `, MariaDB ${r.dbCpuMs}` : ''}${r.loadCpuMs != null ? `, load ${r.loadCpuMs}` : ''}`
      : '';
  const line = (name, r, extra = '') =>
    `${name.padEnd(34)} ${String(r.perSecond).padStart(8)}/s  p50 ${String(r.p50).padStart(6)} ms  p95 ${String(r.p95).padStart(6)} ms${cpu(r)}${r.errors ? `  errors ${r.errors}` : ''}${extra}`;
  const rows = !w
    ? [mariadb]
    : [
        mariadb,
        line('submission (c=50, saturated)', w.submission),
        line(`submission (50 clients, ${w.submissionPaced.rate}/s)`, w.submissionPaced),
        line('transition via HTTP (c=16)', w.transition),
        line('  the same over two instances (8+8)', w.transitionTwoInstances),
        line('  the engine alone, in-process (16)', w.inProcess),
        line('  baseline raw mysql2 (c=16)', w.raw),
        line('  baseline Strapi REST update (c=16)', w.strapiRest),
        line('  ceiling: Strapi admin GET users/me', w.adminNoop),
        line('  ceiling: staff app GET /workflow/me', w.staffNoop),
        line('  ceiling: Strapi GET /_health', w.bareNoop),
        `  ratios: ${results.ratios.ofRawFloor} of the raw floor, ${results.ratios.ofStrapiRest}× Strapi's update, ${results.ratios.ofAdminCeiling} of Strapi's authenticated no-op, ${results.ratios.ofStaffCeiling} of the staff app's; two instances: ${results.ratios.twoInstancesOfRawFloor} of the raw floor, ${results.ratios.twoInstancesOfStrapiRest}× Strapi's update; the engine alone: ${results.ratios.inProcessOfRawFloor} of the raw floor, ${results.ratios.inProcessOfStrapiRest}× Strapi's update`,
        `  RSS after writes: ${mb(w.rss)}`,
      ];
  for (const r of results.reads) {
    rows.push(`${r.database}: ${r.orders} orders, ${r.open} open, ${r.events} events`);
    rows.push(line('  inbox (dept admin, 4 steps, 20 rows)', r.inbox, `  total ${r.inbox.total}`));
    rows.push(line('  order view (dept admin)', r.orderView));
    rows.push(
      `  warning scan (${r.open} open)        ${r.scan.ms} ms, raised ${r.scan.raised} (the first, catching up: ${r.scan.first} ms, raised ${r.scan.firstRaised})`,
    );
    rows.push(line('  14 indicators (30 days)', r.indicators));
    rows.push(line('  the same, dept admin', r.indicatorsDept));
    rows.push(`  RSS: ${mb(r.rss)}`);
  }
  return rows.join('\n');
};

/** The buffer pool the figures are measured with: MariaDB's default 128 MiB unless BENCH_BUFFER_POOL says otherwise. */
const setBufferPool = async () => {
  const c = await mysql.createConnection(connection);
  const wanted = Number(process.env.BENCH_BUFFER_POOL ?? 128 * 1024 ** 2);
  await c.query('SET GLOBAL innodb_buffer_pool_size = ?', [wanted]);
  await c.end();
};

const main = async () => {
  const started = Date.now();
  if (!SMOKE) await setBufferPool();
  const mariadb = await mariadbSettings();
  const { more: smokeReads, ...writeResults } = WRITES
    ? await writes(SMOKE ? (database, server) => reads(database, server) : undefined)
    : {};
  const readResults = smokeReads ? [smokeReads] : [];
  for (const database of DATABASES) readResults.push(await reads(database));
  const results = {
    at: new Date().toISOString(),
    smoke: SMOKE,
    warmup: WARMUP,
    machine: { cpus: require('node:os').cpus().length, node: process.version },
    mariadb,
    writes: WRITES ? writeResults : null,
    ratios: WRITES
      ? {
          ofRawFloor: round(writeResults.transition.perSecond / writeResults.raw.perSecond, 3),
          ofStrapiRest: round(writeResults.transition.perSecond / writeResults.strapiRest.perSecond, 2),
          ofAdminCeiling: round(writeResults.transition.perSecond / writeResults.adminNoop.perSecond, 3),
          ofStaffCeiling: round(writeResults.transition.perSecond / writeResults.staffNoop.perSecond, 3),
          twoInstancesOfRawFloor: round(writeResults.transitionTwoInstances.perSecond / writeResults.raw.perSecond, 3),
          twoInstancesOfStrapiRest: round(
            writeResults.transitionTwoInstances.perSecond / writeResults.strapiRest.perSecond,
            2,
          ),
          inProcessOfRawFloor: round(writeResults.inProcess.perSecond / writeResults.raw.perSecond, 3),
          inProcessOfStrapiRest: round(writeResults.inProcess.perSecond / writeResults.strapiRest.perSecond, 2),
        }
      : null,
    reads: readResults,
    seconds: round((Date.now() - started) / 1000),
  };
  fs.writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  console.log(table(results));
  log(`written ${path.relative(process.cwd(), OUT)} in ${results.seconds} s`);
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
