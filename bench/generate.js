#!/usr/bin/env node
'use strict';

/**
 * Fills a database with realistic orders for the benchmarks.
 *
 * Each order walks its process definition through the definition's own XState machine (the engine's
 * startSnapshot / restoreSnapshot / step; guards fed with chosen facts: window entry, pre-review
 * verdict, changes on site), from the application to the step where it stands now or, for about 40 %,
 * to a final state (outcome from the final step's meta, else completed). Open orders are spread over
 * every step (contract sub-steps and the counterparty region included). Each transition is one history
 * event, hash-chained with the app's own hashEvent: `submit` first, then each action with its label,
 * steps, state change, effects' changes, the files its artifacts require, and an actor holding the
 * transition's role (staff of the order's company, its admin-user id; the applicant or the system where
 * the definition gives only those). Time in each step is drawn around its thresholdHours (80 % under
 * 80 % of it, 3 % past 200 %); the `warn` events the SLA scan would have raised (80/100/200 %, natural
 * hours) are in every visit, and an open order keeps the warning level of its current step. Orders are
 * spread over the demo companies and their departments; applicant, organization and assignee are in the
 * link tables and in the `…Ref` columns alike; historySeq/historyHead, firstResponseAt, returned,
 * closedAt, lockVersion, the payment/change flags, each move's visit (start, hours, on time) and the
 * day's order numbers (with the day counters) follow, as the transition service writes them.
 *
 * Rows go in as multi-row INSERTs of 1000 rows, one transaction per 1000 orders (ids of orders and
 * files taken from max(id)), through Strapi's own knex and table metadata: table, column and link-table
 * names, only columns the tables really have. The next batch is made while the last one is written.
 * Then the dashboard's daily sums are made for every day that is over (ORDERS=0 makes only them, for
 * a database loaded before they existed). At the end 20 generated orders are checked with the app's
 * history.verify; the run fails if one is not
 * valid.
 *
 *   DATABASE_NAME=utility_bench_gen RESET=1 node bench/generate.js 100000
 *
 * ORDERS (or the first argument): 10000 by default; 100000, 1000000. DATABASE_CLIENT defaults to
 * mysql, DATABASE_NAME to utility_bench; the database is created when missing, RESET=1 drops and
 * recreates it first (MySQL); without it orders are added to what is there. DIST_DIR: the compiled app
 * (default dist/; `npm run build:server` first). SEED: a number, for a repeatable run. Not part of
 * `npm test`.
 */
const path = require('node:path');
const Module = require('node:module');
const { randomBytes } = require('node:crypto');

const root = path.resolve(__dirname, '..');
const DIST = path.resolve(process.env.DIST_DIR ?? path.join(root, 'dist'));
// A build outside the app (DIST_DIR=/tmp/…) still finds the app's packages.
if (!DIST.startsWith(root + path.sep)) {
  process.env.NODE_PATH = [path.join(root, 'node_modules'), process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
  Module._initPaths();
}

const ORDERS = Number(process.env.ORDERS ?? process.argv[2] ?? 10000);
/** Orders per transaction, rows per INSERT, orders generated between two looks at the database's answers. */
const BATCH = 1000;
const CHUNK = 1000;
const SLICE = 10;
// A year of a utility's orders: most are finished; those still open were applied for recently.
const CLOSED_SHARE = Number(process.env.CLOSED_SHARE ?? 0.9);
const PROCESS_WEIGHTS = { 'water-resident': 0.5, 'energy-service': 0.3, 'water-enterprise': 0.2 };
const OUTCOME_WEIGHTS = { completed: 0.85, rejected: 0.06, withdrawn: 0.05, terminated: 0.04 };
/** Chance of an exception path (a rejection, a design change, a progress report…) at each step of a walk. */
const DETOUR = 0.05;
const MAX_DETOURS = 2;
const YEAR = 365 * 86_400;
const APPLICANT_CHANNELS = ['official-account', 'mini-program'];
const STAFF_CHANNELS = ['window', 'staff-app'];

if (!Number.isInteger(ORDERS) || ORDERS < 0)
  throw new Error(`ORDERS should be a whole number, not ${process.env.ORDERS ?? process.argv[2]}`);

const secrets = {
  APP_KEYS: 'a,b',
  API_TOKEN_SALT: 's',
  ADMIN_JWT_SECRET: 'j',
  TRANSFER_TOKEN_SALT: 't',
  JWT_SECRET: 'u',
  ENCRYPTION_KEY: 'e',
};
Object.assign(
  process.env,
  {
    NODE_ENV: 'production',
    ENV_PATH: '/dev/null',
    LOG_LEVEL: 'error',
    STARTUP_LOG: 'false',
    WORKFLOW_TIMERS: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    DATABASE_CLIENT: process.env.DATABASE_CLIENT ?? 'mysql',
    DATABASE_NAME: process.env.DATABASE_NAME ?? 'utility_bench',
  },
  Object.fromEntries(Object.entries(secrets).filter(([k]) => !process.env[k])),
);

const ensureDatabase = async () => {
  if (process.env.DATABASE_CLIENT !== 'mysql') {
    if (process.env.RESET === '1')
      throw new Error('RESET=1 is for DATABASE_CLIENT=mysql; delete the SQLite file instead');
    return;
  }
  const mysql = require('mysql2/promise');
  const c = await mysql.createConnection({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 3306),
    user: process.env.DATABASE_USERNAME ?? 'root',
    password: process.env.DATABASE_PASSWORD ?? '',
  });
  const name = process.env.DATABASE_NAME;
  if (process.env.RESET === '1') await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await c.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  // Loading a million orders into 128 MiB of buffer pool is bound by the disk (500 orders/s); a larger
  // pool while loading (LOAD_BUFFER_POOL, bytes, 0 = leave it) is put back at the end. npm run bench
  // measures with its own setting.
  const pool = Number(process.env.LOAD_BUFFER_POOL ?? 4 * 1024 ** 3);
  const [[{ size }]] = await c.query('SELECT @@innodb_buffer_pool_size AS size');
  if (pool > Number(size)) await c.query('SET GLOBAL innodb_buffer_pool_size = ?', [pool]);
  await c.end();
  return async () => {
    if (pool <= Number(size)) return;
    const r = await mysql.createConnection({
      host: process.env.DATABASE_HOST ?? '127.0.0.1',
      port: Number(process.env.DATABASE_PORT ?? 3306),
      user: process.env.DATABASE_USERNAME ?? 'root',
      password: process.env.DATABASE_PASSWORD ?? '',
    });
    await r.query('SET GLOBAL innodb_buffer_pool_size = ?', [Number(size)]);
    await r.end();
  };
};

// ---- Randomness: a small seeded generator, so that SEED=… repeats a run. ----
let seed = Number(process.env.SEED ?? randomBytes(4).readUInt32LE(0)) >>> 0;
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
/** One of `items` by `weight(item)`. */
const pickWeighted = (items, weight) => {
  let total = 0;
  for (const it of items) total += weight(it);
  let r = rand() * total;
  for (const it of items) if ((r -= weight(it)) < 0) return it;
  return items[items.length - 1];
};
/** Share of a step's threshold an order spends there: mostly on time, some late, a few very late. */
const lateness = () => {
  const u = rand();
  if (u < 0.8) return 0.05 + 0.75 * rand();
  if (u < 0.9) return 0.8 + 0.2 * rand();
  if (u < 0.97) return 1 + rand();
  return 2 + 2 * rand();
};

// Document ids and file digests from one pool of random bytes (one system call per few thousand).
let pool = Buffer.alloc(0);
let poolAt = 0;
const bytes = (n) => {
  if (poolAt + n > pool.length) {
    pool = randomBytes(1 << 16);
    poolAt = 0;
  }
  poolAt += n;
  return pool.subarray(poolAt - n, poolAt);
};
/**
 * 24 lowercase letters and digits like Strapi's own, but rising (run, counter, then random): every
 * table has an index on document_id, and rising keys are appended to it instead of landing on random
 * pages, which at a million rows is what decides the speed once the index outgrows the buffer pool.
 */
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const idPrefix = `g${Date.now().toString(36).padStart(9, '0')}`;
let idCounter = 0;
const documentId = () => {
  const b = bytes(6);
  let s = idPrefix + (idCounter++).toString(36).padStart(8, '0');
  for (let i = 0; i < 6; i += 1) s += ALNUM[b[i] % 36];
  return s;
};
const sha256Hex = () => bytes(32).toString('hex');

// ---- Plausible form data. ----
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华红玉兰飞鹏辉建国志强海燕俊峰'.split('');
const ROADS = [
  '江北大道',
  '巴州大道',
  '回风路',
  '望王路',
  '兴文路',
  '将军路',
  '人民路',
  '南池路',
  '翠屏路',
  '广场路',
  '滨河路',
  '莲花路',
];
const DISTRICTS = ['巴州区', '恩阳区', '平昌县', '南江县', '通江县'];
const COMPANIES = [
  '商贸',
  '置业',
  '建设',
  '食品',
  '物流',
  '医药',
  '实业',
  '机械',
  '酒店管理',
  '教育科技',
  '农业开发',
  '新材料',
];
const ENERGY_NEEDS = {
  电力接入: ['新建厂房需要接入10千伏电源', '门市装修需要新装电表', '小区配套用电接入申请'],
  扩容: ['生产线扩建，负荷增加约300千瓦，需变压器容量扩容', '商场增容，新增空调负荷'],
  综合能源改造: ['厂区屋顶光伏与储能改造', '空压机余热回收节能改造', '锅炉能效提升改造'],
};
const ENERGY_DISPATCH = { 电力接入: 'POWER', 扩容: 'POWER', 综合能源改造: 'ENERGY' };
const personName = () => pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
const address = (n) => `巴中市${pick(DISTRICTS)}${pick(ROADS)}${1 + (n % 480)}号`;
const mobile = (n) =>
  `1${pick(['35', '36', '37', '38', '39', '50', '58', '80', '86', '88'])}${String((n * 7919) % 1e8).padStart(8, '0')}`;
const creditCode = () => `91511900${Array.from(bytes(10), (b) => '0123456789ABCDEFGHJKLMNPQRTUWXY'[b % 31]).join('')}`;

const formFor = (key, n) => {
  if (key === 'water-enterprise') {
    const unitName = `巴中市${pick(ROADS).slice(0, 2)}${pick(COMPANIES)}有限公司`;
    return {
      unitName,
      creditCode: creditCode(),
      contactName: personName(),
      contactPhone: mobile(n),
      unitAddress: address(n),
      waterAddress: address(n + 17),
      connectionType: pick(['基建(施工)用水', '永久性用水', '增容']),
      buildingArea: 200 + Math.floor(rand() * 30000),
    };
  }
  if (key === 'energy-service') {
    const category = pick(Object.keys(ENERGY_NEEDS));
    return {
      name: personName(),
      contactPhone: mobile(n),
      address: address(n),
      description: pick(ENERGY_NEEDS[category]),
      category,
    };
  }
  return { name: personName(), contactPhone: mobile(n), address: address(n), waterAddress: address(n) };
};

const main = async () => {
  const begun = Date.now();
  const restorePool = (await ensureDatabase()) ?? (async () => {});
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: root, distDir: DIST, autoReload: false, serveAdminPanel: false });
  await strapi.load();
  const { seedDemo } = require(path.join(DIST, 'database/seeds/demo.js'));
  await seedDemo(strapi);
  const engine = path.join(DIST, 'src/plugins/workflow/server/src');
  // The warning labels and what counts as returned, as the engine writes them.
  const { WARNING_LABELS: LEVEL_NAMES, RETURN_STEPS, RETURN_ACTIONS } = require(
    path.join(engine, 'constants/index.js'),
  );
  const { hashEvent } = require(path.join(engine, 'services/history.js'));
  const { candidateEvents, primaryStep, stepMeta, storeValue, rolesFor } = require(path.join(engine, 'engine/spec.js'));
  const { startSnapshot, restoreSnapshot, step: machineStep } = require(path.join(engine, 'engine/machine.js'));
  const { formatHours } = require(path.join(engine, 'engine/elapsed.js'));
  const { formatOrderNumber, localDay, SEQUENCE_TABLE } = require(
    path.join(DIST, 'src/api/order/services/order-number.js'),
  );
  const knex = strapi.db.connection;
  const isMysql = process.env.DATABASE_CLIENT === 'mysql';
  const percents = strapi.config.get('plugin::workflow')?.warningPercents ?? [80, 100, 200];

  /**
   * Rows of a content type: attribute names to columns, only the columns the table really has (a
   * content type with `timestamps: false` may still have some), every row with the same columns so
   * that each chunk is one multi-row INSERT. On MySQL a row is made straight into its `(…)` tuple,
   * escaped as the driver escapes (its own escape, the connection's time zone), and each chunk goes
   * through knex as one raw INSERT: knex's batchInsert spent more time compiling and binding values
   * than it took to make and hash the rows. Elsewhere (SQLite) rows are objects for batchInsert.
   */
  const { escape } = require('mysql2');
  const dbTimeZone = knex.client.connectionSettings?.timezone ?? 'local';
  // The driver's escape, with a shortcut for what most values are: numbers and strings with nothing to escape.
  // eslint-disable-next-line no-control-regex -- the characters mysql escapes, \x1a (Ctrl-Z) among them
  const SPECIAL = /[\0\b\t\n\r\x1a'\\]/;
  const esc = (v) => {
    if (v === null) return 'NULL';
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v === 'string' && !SPECIAL.test(v)) return `'${v}'`;
    return escape(v, false, dbTimeZone);
  };
  const table = async (uid, attributes) => {
    const meta = strapi.db.metadata.get(uid);
    const real = new Set(Object.keys(await knex(meta.tableName).columnInfo()));
    const snake = (s) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const columns = attributes.map((a) => [
      a,
      meta.attributes[a]?.columnName ?? snake(a),
      meta.attributes[a]?.type === 'json',
    ]);
    const missing = columns.filter(([, c]) => !real.has(c)).map(([a]) => a);
    if (missing.length) console.warn(`${meta.tableName}: no column for ${missing.join(', ')} (not written)`);
    const kept = columns.filter(([, c]) => real.has(c));
    const value = (a, isJson) => (isJson ? `(d.${a} == null ? null : stringify(d.${a}))` : `(d.${a} ?? null)`);
    // One generated function per table: millions of rows, so no loop over the columns per row.
    const row = isMysql
      ? new Function(
          'esc',
          'stringify',
          `return (d) => '(' + ${kept.map(([a, , isJson]) => `esc(${value(a, isJson)})`).join(" + ',' + ")} + ')';`,
        )(esc, JSON.stringify)
      : new Function(
          'stringify',
          `return (d) => ({ ${kept.map(([a, c, isJson]) => `${JSON.stringify(c)}: ${value(a, isJson)}`).join(', ')} });`,
        )(JSON.stringify);
    return {
      name: meta.tableName,
      row,
      columns: kept.map(([, c]) => c),
      link: (attr) => linkTable(meta.attributes[attr].joinTable),
    };
  };
  /** A link table: rows of (owner id, target id[, position]), all numbers. */
  const linkTable = (jt) => {
    const columns = [
      jt.joinColumn.name,
      jt.inverseJoinColumn.name,
      ...(jt.inverseOrderColumnName ? [jt.inverseOrderColumnName] : []),
    ];
    const row = isMysql
      ? (from, to, position) => (columns.length === 3 ? `(${from},${to},${position})` : `(${from},${to})`)
      : (from, to, position) => Object.fromEntries(columns.map((c, i) => [c, [from, to, position][i]]));
    return { name: jt.name, columns, row };
  };
  const insert = async (trx, t, rows) => {
    if (!rows.length) return;
    // knex writes SQLite's multi-row inserts as compound SELECTs, at most 500 terms.
    if (!isMysql) return trx.batchInsert(t.name, rows, Math.min(CHUNK, 500));
    const head = `insert into \`${t.name}\` (${t.columns.map((c) => `\`${c}\``).join(', ')}) values `;
    for (let i = 0; i < rows.length; i += CHUNK) await trx.raw(head + rows.slice(i, i + CHUNK).join(','));
  };
  const orders = await table('api::order.order', [
    'id',
    'documentId',
    'number',
    'processKey',
    'definitionVersion',
    'applicantType',
    'category',
    'channel',
    'submissionKey',
    'title',
    'contactPhone',
    'creditCode',
    'formData',
    'applicantRef',
    'organizationRef',
    'assigneeRef',
    'currentStep',
    'stateValue',
    'stepEnteredAt',
    'lockVersion',
    'warningLevel',
    'historyHead',
    'historySeq',
    'paymentDeferred',
    'changedDuringConstruction',
    'dispatchSheet',
    'finalCost',
    'outcome',
    'closedAt',
    'firstResponseAt',
    'returned',
    'returnedAt',
    'archivedAt',
    'createdAt',
    'updatedAt',
    'publishedAt',
  ]);
  const events = await table('plugin::workflow.history-event', [
    'documentId',
    'orderId',
    'seq',
    'at',
    'actorKind',
    'actorId',
    'actorName',
    'action',
    'actionLabel',
    'fromStep',
    'toStep',
    'comment',
    'changes',
    'artifacts',
    'hash',
    'prevHash',
    'definitionId',
    'warningLevel',
    'visitStartedAt',
    'visitHours',
    'visitOnTime',
    'createdAt',
    'updatedAt',
    'publishedAt',
  ]);
  const files = await table('api::order-file.order-file', [
    'id',
    'documentId',
    'kind',
    'name',
    'version',
    'step',
    'sha256',
    'createdAt',
    'updatedAt',
    'publishedAt',
  ]);
  const links = {
    applicant: orders.link('applicant'),
    organization: orders.link('organization'),
    assignee: orders.link('assignee'),
    file: files.link('order'),
  };

  // ---- Who is there: organizations (a tree), staff, applicants. ----
  const orgRows = await strapi.db
    .query('api::organization.organization')
    .findMany({ select: ['id', 'code', 'name'], populate: { parent: { select: ['id'] } } });
  const orgById = new Map(orgRows.map((o) => [o.id, o]));
  const orgByCode = new Map(orgRows.map((o) => [o.code, o]));
  const rootOf = (id) => {
    let o = orgById.get(id);
    while (o?.parent?.id && orgById.has(o.parent.id)) o = orgById.get(o.parent.id);
    return o?.id ?? null;
  };
  const childrenOf = (id) => orgRows.filter((o) => o.id !== id && rootOf(o.id) === id);
  /** The company named by `code`, or one of its departments (they hold most orders). */
  const orgChoices = new Map();
  const chooseOrg = (code) => {
    if (!orgChoices.has(code)) {
      const company = orgByCode.get(code);
      orgChoices.set(code, company ? [company.id, childrenOf(company.id).map((o) => o.id)] : null);
    }
    const choice = orgChoices.get(code);
    if (!choice) return null;
    const [company, departments] = choice;
    return departments.length && rand() < 0.6 ? pick(departments) : company;
  };

  const adminUsers = await strapi.db
    .query('admin::user')
    .findMany({ select: ['id', 'firstname', 'lastname'], populate: { roles: { select: ['code'] } } });
  const staff = (
    await strapi.db.query('api::staff-profile.staff-profile').findMany({
      where: { active: true },
      select: ['id', 'name', 'jobRoles'],
      populate: { organization: { select: ['id'] }, adminUser: { select: ['id'] } },
    })
  )
    .filter((s) => s.adminUser && Array.isArray(s.jobRoles))
    .map((s) => ({
      staffId: s.id,
      adminId: s.adminUser.id,
      name: s.name,
      roles: s.jobRoles,
      org: s.organization?.id ?? null,
      root: rootOf(s.organization?.id),
    }));
  const superUser = adminUsers.find((u) => (u.roles ?? []).some((r) => r.code === 'strapi-super-admin'));
  const superActor = superUser
    ? {
        kind: 'staff',
        id: superUser.id,
        name:
          staff.find((s) => s.adminId === superUser.id)?.name ||
          [superUser.lastname, superUser.firstname].filter(Boolean).join('') ||
          `管理员${superUser.id}`,
        staffId: null,
      }
    : null;
  /** Staff holding one of `roles`, in the company of `orgId` when it has some; cached per question. */
  const staffCache = new Map();
  const staffFor = (roles, orgId) => {
    const key = `${roles.join(',')}|${orgId ?? ''}`;
    let found = staffCache.get(key);
    if (!found) {
      const holders = staff.filter((s) => s.roles.some((r) => roles.includes(r)));
      const root = orgId ? rootOf(orgId) : null;
      const inCompany = root ? holders.filter((s) => s.root === root) : holders;
      const inOrg = inCompany.filter((s) => s.org === orgId);
      found = inOrg.length ? inOrg : inCompany.length ? inCompany : holders;
      staffCache.set(key, found);
    }
    return found;
  };
  const staffActor = (roles, orgId) => {
    const holders = staffFor(roles, orgId);
    if (!holders.length) return superActor;
    const s = pick(holders);
    return { kind: 'staff', id: s.adminId, name: s.name, staffId: s.staffId };
  };

  const applicants = await strapi.db
    .query('plugin::users-permissions.user')
    .findMany({ select: ['id', 'username', 'realName', 'applicantType'] });
  if (!applicants.length) throw new Error('No applicants: the demo seed should have made some');
  const applicantsOf = (type) => {
    const list = applicants.filter((a) => a.applicantType === type);
    return list.length ? list : applicants;
  };

  // ---- The definitions as graphs of the states their machines can be in. ----
  /** The facts a guard may read, in every combination that matters: window entry, change on site, pre-review. */
  const FACTS = [];
  for (const window of [false, true])
    for (const changed of [false, true]) for (const passed of [false, true]) FACTS.push({ window, changed, passed });
  const factsIndex = (window, changed, passed) => (window ? 4 : 0) + (changed ? 2 : 0) + (passed ? 1 : 0);
  const factsFor = (def, f) => ({
    channel: f.window ? 'window' : 'official-account',
    category: null,
    processKey: def.key,
    formData: {},
    flags: { paymentDeferred: false, changedDuringConstruction: f.changed },
    preReview: { passed: f.passed, reasons: f.passed ? [] : ['需求描述不完整'] },
  });
  /** A required attachment as the files that satisfy it will be named: 施工图(.dwg) → 施工图.dwg. */
  const fileKind = (req) => {
    const type = req.types?.[0] ?? '';
    const ext = type.startsWith('.')
      ? type
      : type.startsWith('image/')
        ? '.jpg'
        : type.startsWith('audio/')
          ? '.m4a'
          : '.pdf';
    return {
      kind: req.kind,
      min: req.min ?? 1,
      base: String(req.label ?? req.kind).replace(/\s*[（(][^)）]*[)）]/g, ''),
      ext,
    };
  };
  const effectTypes = (actions) => actions.map((a) => a.type).filter((t) => !t.startsWith('xstate.'));

  const buildModel = (def) => {
    const states = new Map();
    const queue = [];
    const stateOf = (value) => {
      const key = JSON.stringify(value);
      let s = states.get(key);
      if (!s) {
        const step = primaryStep(def.nodes, value);
        const config = def.nodes.get(step)?.config;
        const meta = stepMeta(def.nodes, step);
        s = {
          key,
          value,
          stored: storeValue(value),
          step,
          final: config?.type === 'final',
          outcome: config?.type === 'final' ? (meta?.outcome ?? 'completed') : null,
          meta,
          edges: FACTS.map(() => []),
          options: new Map(),
        };
        states.set(key, s);
        queue.push(s);
      }
      return s;
    };
    const start = FACTS.map((f) => {
      const [snapshot, actions] = startSnapshot(def.machine, factsFor(def, f));
      return [{ event: 'submit', to: stateOf(snapshot.value), effects: effectTypes(actions), moved: true }];
    });
    while (queue.length) {
      const s = queue.shift();
      if (s.final) continue;
      FACTS.forEach((f, i) => {
        const snapshot = restoreSnapshot(def.machine, s.value, factsFor(def, f));
        for (const c of candidateEvents(def.nodes, s.value)) {
          const event = { type: c.event, form: {} };
          if (!snapshot.can(event)) continue;
          const [next, actions] = machineStep(def.machine, snapshot, event);
          const first = c.transitions[0];
          const chosen = c.transitions.find((t) => !t.guard) ?? first;
          const to = stateOf(next.value);
          s.edges[i].push({
            event: c.event,
            label: first.meta?.label ?? c.event,
            roles: rolesFor(def.nodes, c, first),
            to,
            effects: effectTypes(actions),
            moved: to.step !== s.step,
            stateChanged: to.key !== s.key,
            artifacts: (chosen.meta?.artifacts ?? first.meta?.artifacts ?? []).map(fileKind),
            raises: first.meta?.warningLevel ?? 0,
            auto: stepMeta(def.nodes, c.owner.key)?.autoAdvance?.event === c.event,
          });
        }
      });
    }
    /** What an order may do at a state: the edges under either pre-review verdict, weighted towards passing. */
    const options = (s, window, changed) => {
      const k = (window ? 2 : 0) + (changed ? 1 : 0);
      let list = s.options.get(k);
      if (!list) {
        const byKey = new Map();
        for (const passed of [false, true]) {
          for (const e of s.edges[factsIndex(window, changed, passed)]) {
            const id = `${e.event}>${e.to.key}`;
            const o = byKey.get(id) ?? { edge: e, weight: 0 };
            o.weight += passed ? 0.8 : 0.2;
            byKey.set(id, o);
          }
        }
        list = [...byKey.values()];
        s.options.set(k, list);
      }
      return list;
    };
    const startCache = new Map();
    const startOptions = (window) => {
      let list = startCache.get(window);
      if (!list) {
        const byKey = new Map();
        for (const passed of [false, true])
          for (const e of start[factsIndex(window, false, passed)]) {
            const o = byKey.get(e.to.key) ?? { edge: e, weight: 0 };
            o.weight += passed ? 0.8 : 0.2;
            byKey.set(e.to.key, o);
          }
        list = [...byKey.values()];
        startCache.set(window, list);
      }
      return list;
    };
    // Distances to each target (a step the order stands in, or an outcome), over every edge of any facts.
    const incoming = new Map();
    for (const s of states.values())
      for (const list of s.edges)
        for (const e of list) {
          if (!incoming.has(e.to.key)) incoming.set(e.to.key, new Set());
          incoming.get(e.to.key).add(s.key);
        }
    const distances = (keys) => {
      const dist = new Map(keys.map((k) => [k, 0]));
      const q = [...keys];
      while (q.length) {
        const k = q.shift();
        for (const from of incoming.get(k) ?? [])
          if (!dist.has(from)) {
            dist.set(from, dist.get(k) + 1);
            q.push(from);
          }
      }
      return dist;
    };
    const all = [...states.values()];
    const openSteps = [...new Set(all.filter((s) => !s.final).map((s) => s.step))];
    const targets = {
      open: openSteps.map((step) => ({
        step,
        keys: new Set(all.filter((s) => !s.final && s.step === step).map((s) => s.key)),
      })),
      closed: [...new Set(all.filter((s) => s.final).map((s) => s.outcome))].map((outcome) => ({
        outcome,
        keys: new Set(all.filter((s) => s.final && s.outcome === outcome).map((s) => s.key)),
      })),
    };
    for (const t of [...targets.open, ...targets.closed]) t.dist = distances([...t.keys]);
    const weight = PROCESS_WEIGHTS[def.key] ?? 1 / 3;
    return { def, states, options, startOptions, targets, weight };
  };

  const defs = await strapi.plugin('workflow').service('definitions').listLatest();
  const models = defs.map(buildModel);
  for (const m of models)
    console.log(
      `${m.def.key}@${m.def.version}: ${m.states.size} states, open steps ${m.targets.open.length}, outcomes ${m.targets.closed.map((t) => t.outcome).join('/')}`,
    );

  /**
   * A walk to the target: at each state, the edges that bring it closest (weighted), now and then an
   * exception path that still leads there; at a step where the order stays, maybe some in-step actions.
   */
  const walk = (model, target, window) => {
    const dist = target.dist;
    const d = (s) => dist.get(s.key) ?? Infinity;
    const closest = (opts) => {
      let min = Infinity;
      for (const o of opts) min = Math.min(min, d(o.edge.to));
      return min === Infinity ? opts : opts.filter((o) => d(o.edge.to) === min);
    };
    const first = pickWeighted(closest(model.startOptions(window)), (o) => o.weight).edge;
    const path = [first];
    let s = first.to;
    let changed = false;
    let detours = 0;
    for (let i = 0; i < 100 && !target.keys.has(s.key); i += 1) {
      const opts = model.options(s, window, changed);
      if (!opts.length) break;
      const here = d(s);
      let choice = null;
      if (detours < MAX_DETOURS && rand() < DETOUR) {
        const detourOpts = opts.filter((o) => d(o.edge.to) >= here && d(o.edge.to) < Infinity);
        if (detourOpts.length) {
          choice = pickWeighted(detourOpts, (o) => o.weight);
          detours += 1;
        }
      }
      if (!choice) {
        const best = closest(opts);
        if (d(best[0].edge.to) === Infinity) break;
        choice = pickWeighted(best, (o) => o.weight);
      }
      path.push(choice.edge);
      if (choice.edge.effects.includes('flagChangedDuringConstruction')) changed = true;
      s = choice.edge.to;
    }
    // Where an open order stands, things may already have happened that do not move it on.
    if (!s.final && target.keys.has(s.key)) {
      while (rand() < 0.3) {
        const stay = model.options(s, window, changed).filter((o) => target.keys.has(o.edge.to.key) && !o.edge.raises);
        if (!stay.length) break;
        const e = pickWeighted(stay, (o) => o.weight).edge;
        path.push(e);
        s = e.to;
      }
    }
    return path;
  };

  // ---- Ids, numbers, counters. ----
  const nowSeconds = Math.floor(Date.now() / 1000);
  const maxId = async (name) => Number((await knex(name).max({ max: 'id' }))[0].max ?? 0);
  let nextOrderId = await maxId(orders.name);
  let nextFileId = await maxId(files.name);
  const firstOrderId = nextOrderId + 1;
  const timeZone = strapi.config.get('server.timeZone', 'Asia/Shanghai');
  const sequences = new Map(
    (await knex(SEQUENCE_TABLE).select('day', 'last_value')).map((r) => [r.day, Number(r.last_value)]),
  );
  // The app's localDay makes a formatter per call: one formatter, one answer per hour, the same days.
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dayOfHour = new Map();
  const dayOf = (seconds) => {
    const hour = Math.floor(seconds / 3600);
    let day = dayOfHour.get(hour);
    if (!day) {
      day = dayFormat.format(new Date(hour * 3_600_000)).replace(/-/g, '');
      dayOfHour.set(hour, day);
    }
    return day;
  };
  if (dayOf(nowSeconds) !== localDay(new Date(Math.floor(nowSeconds / 3600) * 3_600_000), timeZone))
    throw new Error("order number days differ from the app's localDay");
  const stats = {
    events: 0,
    files: 0,
    closed: 0,
    outcomes: {},
    warnings: [0, 0, 0, 0],
    byOrg: new Map(),
    byProcess: {},
    openSteps: new Set(),
  };

  /** One order: its row, link rows, history events and files. */
  const makeOrder = (batch) => {
    const id = ++nextOrderId;
    const model = pickWeighted(models, (m) => m.weight);
    const { def } = model;
    const closed = rand() < CLOSED_SHARE;
    const target = closed
      ? pickWeighted(model.targets.closed, (t) => OUTCOME_WEIGHTS[t.outcome] ?? 0.02)
      : pick(model.targets.open);
    const fromApplicant = rand() < 0.75;
    const channel = pick(fromApplicant ? APPLICANT_CHANNELS : STAFF_CHANNELS);
    const path = walk(model, target, !fromApplicant);
    const form = formFor(def.key, id);
    const entry = def.spec.entry;
    const category = 'fixed' in entry.category ? entry.category.fixed : (form[entry.category.field] ?? null);
    const applicant = pick(applicantsOf(def.spec.applicantType));
    const applicantActor = {
      kind: 'applicant',
      id: applicant.id,
      name: applicant.realName || applicant.username || `用户${applicant.id}`,
      staffId: null,
    };
    // The company the entry names (or one of its departments); energy orders get theirs from the dispatch rules.
    const dispatchCode = entry.organization
      ? null
      : (ENERGY_DISPATCH[category] ?? pick(orgRows.filter((o) => !o.parent).map((o) => o.code)));
    let organization = entry.organization ? chooseOrg(entry.organization) : null;
    const dispatchOrg = dispatchCode ? chooseOrg(dispatchCode) : null;

    // Visits: the stretches of time an order spends in one step, ended by the action that moves it on.
    const visits = [];
    let visit = { state: path[0].to, inStep: [], exit: null };
    for (const e of path.slice(1)) {
      if (e.moved) {
        visit.exit = e;
        visits.push(visit);
        visit = { state: e.to, inStep: [], exit: null };
      } else visit.inStep.push(e);
    }
    if (!visit.state.final) visits.push(visit);
    const last = visit.state;
    let span = 0;
    for (const v of visits) {
      const meta = v.state.meta;
      v.threshold = meta?.thresholdHours ?? 24;
      // A step the timers move on after a while (用户评价: 7 days) is left by then, by the timer or before it.
      const auto = meta?.autoAdvance ? meta.autoAdvance.afterHours * 3600 : Infinity;
      v.duration =
        v.exit?.auto && auto < Infinity
          ? auto
          : Math.min(auto - 600, Math.max(300, Math.round(lateness() * v.threshold * 3600)));
      span += v.duration;
    }
    const createdAt = last.final
      ? nowSeconds - span - Math.floor(rand() * Math.max(0, YEAR - span))
      : nowSeconds - span;

    const history = [];
    const orderFiles = [];
    const kindVersions = {};
    const add = (e) => history.push(e);
    const staffOrg = () => organization ?? dispatchOrg;
    const actorFor = (roles) => {
      const staffRoles = roles.filter((r) => r !== 'applicant' && r !== 'system');
      if (staffRoles.length && !(roles.includes('applicant') && rand() < 0.3))
        return staffActor(staffRoles, staffOrg()) ?? applicantActor;
      if (roles.includes('applicant')) return applicantActor;
      if (roles.includes('system')) return { kind: 'system', id: null, name: '系统', staffId: null };
      return superActor ?? applicantActor;
    };
    const flags = { paymentDeferred: false, changedDuringConstruction: false };
    let returned = RETURN_STEPS.includes(path[0].to.step);
    let returnedAt = returned ? createdAt : null;
    let finalCost = null;
    /** What the effects of an edge change on the order, as the effects record it. */
    const effectChanges = (edge, changes) => {
      for (const t of edge.effects) {
        if (t === 'dispatchByRule' && dispatchCode && organization === null) {
          organization = dispatchOrg;
          const o = orgByCode.get(dispatchCode);
          changes.organization = {
            before: null,
            after: {
              code: dispatchCode,
              name: o?.name ?? dispatchCode,
              planType: dispatchCode === 'POWER' ? '初步方案' : '详细方案',
            },
          };
        } else if (t === 'recordPreReviewReasons')
          changes.preReview = { before: null, after: { passed: false, reasons: ['需求描述不完整'] } };
        else if (t === 'flagPaymentDeferred' || t === 'flagChangedDuringConstruction') {
          const name = t === 'flagPaymentDeferred' ? 'paymentDeferred' : 'changedDuringConstruction';
          changes[name] = { before: flags[name], after: true };
          flags[name] = true;
        } else if (t === 'recordSettlement') {
          finalCost = Math.round(20000 + rand() * 500000) + Math.round(rand() * 100) / 100;
          changes.finalCost = { before: null, after: finalCost };
        }
      }
      return changes;
    };

    // submit
    const submitChanges = effectChanges(path[0], { formData: { before: null, after: form } });
    add({
      at: createdAt,
      actor: fromApplicant ? applicantActor : actorFor(['window-clerk']),
      action: 'submit',
      actionLabel: fromApplicant ? '提交申请' : '窗口受理',
      fromStep: null,
      toStep: path[0].to.step,
      changes: submitChanges,
      artifacts: null,
    });
    if (rand() < 0.3)
      orderFiles.push({ kind: 'site-photo', name: '现场照片.jpg', step: path[0].to.step, at: createdAt });
    let lockVersion = 1;
    let level = 0;
    let enteredAt = createdAt;
    let t = createdAt;
    for (const v of visits) {
      const from = v.state;
      enteredAt = t;
      const end = t + v.duration;
      level = 0;
      const visitFiles = [];
      // In-step actions at random moments; the scan's warnings when each level falls due; then the exit.
      const moments = v.inStep
        .map((e) => ({ at: enteredAt + Math.floor((0.05 + 0.9 * rand()) * v.duration), edge: e }))
        .sort((a, b) => a.at - b.at);
      for (let l = 1; l <= 3; l += 1) {
        const due = enteredAt + Math.ceil((percents[l - 1] / 100) * v.threshold * 3600);
        if (v.exit ? due < end : due <= end) moments.push({ at: due, warn: l });
      }
      if (v.exit) moments.push({ at: end, edge: v.exit });
      moments.sort((a, b) => a.at - b.at || (a.warn ? 1 : 0) - (b.warn ? 1 : 0));
      let state = from;
      for (const m of moments) {
        if (m.warn) {
          if (level >= m.warn) continue;
          const hours = (m.at - enteredAt) / 3600;
          add({
            at: m.at,
            actor: { kind: 'system', id: null, name: '系统' },
            action: 'warn',
            actionLabel: LEVEL_NAMES[m.warn],
            fromStep: from.step,
            toStep: from.step,
            comment: `已用时${formatHours(hours)}，达到时限${v.threshold}小时的${Math.floor((hours / v.threshold) * 100)}%`,
            changes: { warningLevel: { before: m.warn - 1, after: m.warn } },
          });
          level = m.warn;
          continue;
        }
        const e = m.edge;
        // The files the action needs, uploaded during the visit before it.
        for (const req of e.artifacts)
          for (let k = 0; k < req.min; k += 1) {
            const at = Math.max(enteredAt, m.at - Math.floor(rand() * (m.at - enteredAt) * 0.5));
            const f = { kind: req.kind, name: `${req.base}${k ? k + 1 : ''}${req.ext}`, step: from.step, at };
            orderFiles.push(f);
            visitFiles.push(f);
          }
        const changes = e.stateChanged ? { state: { before: state.value, after: e.to.value } } : {};
        effectChanges(e, changes);
        const actor = actorFor(e.roles);
        // A move records the visit it ends (the dashboard adds these up), as the transition service does.
        const visitEnd = e.moved
          ? {
              startedAt: enteredAt,
              hours: (m.at - enteredAt) / 3600,
              onTime: from.meta?.thresholdHours ? (m.at - enteredAt) / 3600 <= from.meta.thresholdHours : null,
            }
          : null;
        add({
          at: m.at,
          actor,
          action: e.event,
          actionLabel: e.label,
          fromStep: from.step,
          toStep: e.to.step,
          changes,
          artifacts: e.artifacts.length ? visitFiles : [],
          visit: visitEnd,
        });
        if ((RETURN_ACTIONS.includes(e.event) || RETURN_STEPS.includes(e.to.step)) && !returned) {
          returned = true;
          returnedAt = m.at;
        }
        lockVersion += 1;
        state = e.to;
        if (e.raises && level < e.raises) {
          add({
            at: m.at,
            actor: { kind: 'system', id: null, name: '系统' },
            action: 'warn',
            actionLabel: LEVEL_NAMES[e.raises],
            fromStep: from.step,
            toStep: from.step,
            comment: '现场异常：施工现场发现地下管线冲突',
            changes: { warningLevel: { before: level, after: e.raises } },
          });
          level = e.raises;
        }
      }
      t = end;
    }
    if (last.final) {
      enteredAt = t;
      level = 0;
    }

    // Files get their ids now, so that the events can name them.
    const fileOrder = [];
    for (const f of orderFiles) {
      f.id = ++nextFileId;
      f.version = kindVersions[f.kind] = (kindVersions[f.kind] ?? 0) + 1;
      f.sha256 = sha256Hex();
      fileOrder.push(f);
      const at = new Date(f.at * 1000);
      batch.files.push(
        files.row({
          id: f.id,
          documentId: documentId(),
          kind: f.kind,
          name: f.name,
          version: f.version,
          step: f.step,
          sha256: f.sha256,
          createdAt: at,
          updatedAt: at,
          publishedAt: at,
        }),
      );
      batch.links.file.push(links.file.row(f.id, id, fileOrder.length));
    }

    let prevHash = null;
    let firstResponse = null;
    history.forEach((h, i) => {
      const at = new Date(h.at * 1000);
      const event = {
        orderId: id,
        seq: i + 1,
        at,
        actorKind: h.actor.kind,
        actorId: h.actor.id,
        actorName: h.actor.name,
        action: h.action,
        actionLabel: h.actionLabel,
        fromStep: h.fromStep,
        toStep: h.toStep,
        comment: h.comment ?? null,
        changes: h.changes ?? null,
        artifacts: h.artifacts
          ? h.artifacts.map((f) => ({ id: f.id, kind: f.kind, name: f.name, version: f.version, sha256: f.sha256 }))
          : null,
        prevHash,
      };
      const hash = hashEvent(event);
      event.hash = hash;
      event.definitionId = def.id;
      event.organizationRef = organization;
      if (h.action === 'warn') event.warningLevel = h.changes.warningLevel.after;
      if (h.visit) {
        event.visitStartedAt = new Date(h.visit.startedAt * 1000);
        event.visitHours = h.visit.hours;
        event.visitOnTime = h.visit.onTime;
      }
      event.documentId = documentId();
      event.createdAt = event.updatedAt = event.publishedAt = at;
      batch.events.push(events.row(event));
      prevHash = hash;
      if (i > 0 && firstResponse === null && h.actor.kind === 'staff') firstResponse = at;
    });

    // Who holds the order now: often a staff member with the step's role, never for a closed order.
    const stepRoles = (last.meta?.roles ?? []).filter((r) => r !== 'applicant' && r !== 'system');
    const holders = !last.final && stepRoles.length && rand() < 0.6 ? staffFor(stepRoles, organization) : [];
    const assignee = holders.length ? pick(holders).staffId : null;

    const createdDate = new Date(createdAt * 1000);
    const lastAt = new Date(history[history.length - 1].at * 1000);
    const day = dayOf(createdAt);
    const sequence = (sequences.get(day) ?? 0) + 1;
    sequences.set(day, sequence);
    batch.days.add(day);
    const outcome = last.final ? last.outcome : null;
    batch.orders.push(
      orders.row({
        id,
        documentId: documentId(),
        number: formatOrderNumber(day, sequence),
        processKey: def.key,
        definitionVersion: def.version,
        applicantType: def.spec.applicantType,
        category,
        channel,
        submissionKey: null,
        title: form[entry.titleField] ?? null,
        contactPhone: form[entry.phoneField] ?? null,
        creditCode: form.creditCode ?? null,
        formData: form,
        applicantRef: applicant.id,
        organizationRef: organization,
        assigneeRef: assignee,
        currentStep: last.step,
        stateValue: last.stored,
        stepEnteredAt: new Date(enteredAt * 1000),
        lockVersion,
        warningLevel: level,
        historyHead: prevHash,
        historySeq: history.length,
        paymentDeferred: flags.paymentDeferred,
        changedDuringConstruction: flags.changedDuringConstruction,
        dispatchSheet: null,
        finalCost,
        outcome,
        closedAt: outcome ? lastAt : null,
        firstResponseAt: firstResponse,
        returned,
        returnedAt: returnedAt === null ? null : new Date(returnedAt * 1000),
        archivedAt: null,
        createdAt: createdDate,
        updatedAt: lastAt,
        publishedAt: createdDate,
      }),
    );
    batch.links.applicant.push(links.applicant.row(id, applicant.id));
    if (organization) batch.links.organization.push(links.organization.row(id, organization));
    if (assignee) batch.links.assignee.push(links.assignee.row(id, assignee));

    stats.events += history.length;
    stats.files += orderFiles.length;
    if (outcome) {
      stats.closed += 1;
      stats.outcomes[outcome] = (stats.outcomes[outcome] ?? 0) + 1;
    } else {
      stats.warnings[level] += 1;
      stats.openSteps.add(`${def.key}:${last.step}`);
    }
    stats.byOrg.set(organization, (stats.byOrg.get(organization) ?? 0) + 1);
    stats.byProcess[def.key] = (stats.byProcess[def.key] ?? 0) + 1;
  };

  const write = (batch) =>
    knex.transaction(async (trx) => {
      // Every reference points at a row of this transaction or one that was there: skip the checks.
      if (isMysql) await trx.raw('set foreign_key_checks = 0, unique_checks = 0');
      await insert(trx, orders, batch.orders);
      await insert(trx, events, batch.events);
      await insert(trx, files, batch.files);
      for (const [rel, rows] of Object.entries(batch.links)) await insert(trx, links[rel], rows);
      // The day counters move past the numbers used, so that orders the app creates later do not collide.
      const rows = [...batch.days].map((day) => ({ day, last_value: sequences.get(day) }));
      await trx(SEQUENCE_TABLE)
        .insert(rows)
        .onConflict('day')
        .merge({
          last_value: knex.raw(isMysql ? 'GREATEST(??, VALUES(??))' : 'MAX(??, excluded.??)', [
            `${SEQUENCE_TABLE}.last_value`,
            'last_value',
          ]),
        });
      if (isMysql) await trx.raw('set foreign_key_checks = 1, unique_checks = 1');
    });

  const started = Date.now();
  let pending = Promise.resolve();
  for (let done = 0; done < ORDERS; done += BATCH) {
    const batch = {
      orders: [],
      events: [],
      files: [],
      days: new Set(),
      links: { applicant: [], organization: [], assignee: [], file: [] },
    };
    const size = Math.min(BATCH, ORDERS - done);
    for (let i = 0; i < size; i += 1) {
      makeOrder(batch);
      // Let the previous batch's inserts go on while this one is made.
      if (i % SLICE === SLICE - 1) await new Promise(setImmediate);
    }
    await pending;
    pending = write(batch);
    pending.catch(() => {}); // reported by the await above, once this batch is made
    process.stdout.write(`\r${done + size} / ${ORDERS} orders`);
  }
  await pending;
  const seconds = (Date.now() - started) / 1000;
  const lastOrderId = nextOrderId;

  const pct = (n, of) => `${((100 * n) / of).toFixed(1)} %`;
  if (ORDERS) {
    console.log(
      `\n${ORDERS} orders, ${stats.events} events (${(stats.events / ORDERS).toFixed(1)} per order), ${stats.files} files in ${seconds.toFixed(1)} s: ${Math.round(ORDERS / seconds)} orders/s, ${Math.round(stats.events / seconds)} events/s, into ${process.env.DATABASE_CLIENT} ${isMysql ? process.env.DATABASE_NAME : (process.env.DATABASE_FILENAME ?? '(default file)')}`,
    );
    console.log(
      `processes: ${Object.entries(stats.byProcess)
        .map(([k, n]) => `${k} ${pct(n, ORDERS)}`)
        .join(', ')}`,
    );
    console.log(
      `closed: ${pct(stats.closed, ORDERS)} (${Object.entries(stats.outcomes)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}); open in ${stats.openSteps.size} steps, warning levels 0–3: ${stats.warnings.join(' / ')}`,
    );
    console.log(
      `organizations: ${[...stats.byOrg]
        .sort((a, b) => b[1] - a[1])
        .map(([id, n]) => `${id ? orgById.get(id).code : '(not yet dispatched)'} ${pct(n, ORDERS)}`)
        .join(', ')}`,
    );
  }

  // Fresh statistics, as a live database keeps them: bulk loads leave the optimizer's estimates stale.
  if (isMysql) {
    const started = Date.now();
    for (const t of [orders.name, events.name, files.name]) await knex.raw('ANALYZE TABLE ??', [t]);
    console.log(`ANALYZE TABLE in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  // The dashboard's daily sums of every day that is over, as the app's hourly job makes them.
  {
    const started = Date.now();
    const days = await strapi.plugin('workflow').service('rollups').rollUp();
    if (isMysql) await knex.raw('ANALYZE TABLE ??', ['workflow_daily_sums']);
    console.log(`daily sums of ${days} days in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  // The app's own check of the chains, on a sample.
  const history = strapi.plugin('workflow').service('history');
  const sample = Array.from(
    { length: Math.min(20, ORDERS) },
    () => firstOrderId + Math.floor(rand() * (lastOrderId - firstOrderId + 1)),
  );
  const results = [];
  for (const id of sample) results.push({ id, ...(await history.verify(id)) });
  const invalid = results.filter((r) => !r.valid);
  console.log(
    `history.verify on ${results.length} orders: ${invalid.length ? `${invalid.length} INVALID ${JSON.stringify(invalid)}` : `all valid (${results.map((r) => r.events).join(' ')} events)`}`,
  );
  console.log(`${((Date.now() - begun) / 1000).toFixed(1)} s in all, with start-up, demo seed and check`);
  await strapi.destroy();
  await restorePool();
  process.exit(invalid.length ? 1 : 0);
};

main().catch((error) => {
  // A failed multi-row INSERT carries its whole statement: show its start only.
  if (typeof error?.sql === 'string' && error.sql.length > 500) error.sql = `${error.sql.slice(0, 500)}…`;
  if (typeof error?.message === 'string' && error.message.length > 800)
    error.message = `${error.message.slice(0, 500)} … ${error.sqlMessage ?? ''}`;
  console.error(error);
  process.exit(1);
});
