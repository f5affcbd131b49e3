#!/usr/bin/env node
'use strict';

/**
 * `npm run demo`: the product on SQLite with demo data, from a fresh clone.
 * Generates the secrets into .env on first run, builds what is missing or stale, starts Strapi with
 * DEMO_SEED=true (the seed is idempotent) and prints where to go and which accounts to use.
 */
const { spawn } = require('node:child_process');
const { build } = require('./build');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const envFile = path.join(root, '.env');
const demo = require(path.join(root, 'database/seeds/demo-data.json'));
// @strapi/strapi does not export its CLI file as a subpath.
const strapiBin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin/strapi.js');

const secret = () => crypto.randomBytes(24).toString('base64');
const REQUIRED = {
  APP_KEYS: () => [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: secret,
  ADMIN_JWT_SECRET: secret,
  TRANSFER_TOKEN_SALT: secret,
  JWT_SECRET: secret,
  ENCRYPTION_KEY: secret,
};

const ensureEnv = () => {
  const text = fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : '';
  const have = new Set(text.split('\n').map((l) => l.split('=')[0].trim()));
  const missing = Object.keys(REQUIRED).filter((k) => !have.has(k));
  if (missing.length === 0) return;
  const lines = missing.map((k) => `${k}=${REQUIRED[k]()}`);
  fs.writeFileSync(envFile, `${text}${text && !text.endsWith('\n') ? '\n' : ''}${lines.join('\n')}\n`, { mode: 0o600 });
  console.log(`Generated ${missing.join(', ')} into .env`);
};

const waitForHealth = (port, deadline) =>
  new Promise((resolve, reject) => {
    const attempt = () => {
      const req = http.get({ host: '127.0.0.1', port, path: '/_health', timeout: 2000 }, (res) => {
        res.resume();
        if (res.statusCode === 204) resolve();
        else retry();
      });
      req.on('error', retry);
      req.on('timeout', () => req.destroy());
    };
    const retry = () =>
      Date.now() > deadline ? reject(new Error('Strapi did not answer in time')) : setTimeout(attempt, 500);
    attempt();
  });

const banner = (port) => {
  const base = `http://localhost:${port}`;
  const rows = [
    ['管理后台 Admin panel', `${base}/admin`],
    ['工单中心 Staff workbench', `${base}/admin/plugins/workflow`],
    ['手机端 H5 (applicants, field staff)', `${base}/app/`],
    ['接口 API', `${base}/api`],
    ['超级管理员 Super admin', `${demo.superAdmin.email} / ${demo.password}`],
    ...demo.staff.map((s) => [`员工 ${s.name} (${s.jobRoles.join(', ')})`, `${s.email} / ${demo.password}`]),
    ...demo.applicants.map((a) => [
      `申请人 ${a.enterpriseName ?? a.realName}`,
      `${a.mobile} / ${demo.password}  (H5 sign-in; API: ${a.email})`,
    ]),
  ];
  // CJK characters take two columns in a terminal.
  const columns = (text) => [...text].reduce((n, ch) => n + (ch.codePointAt(0) >= 0x2e80 ? 2 : 1), 0);
  const width = Math.max(...rows.map(([k]) => columns(k)));
  console.log(`\n=== Demo is running (SQLite: ${process.env.DATABASE_FILENAME ?? '.tmp/data.db'}) ===`);
  for (const [k, v] of rows) console.log(`  ${k}${' '.repeat(width - columns(k))}  ${v}`);
  console.log('  Stop with Ctrl+C.\n');
};

const main = async () => {
  ensureEnv();
  build();
  const port = Number(process.env.PORT ?? 1337);
  const child = spawn(process.execPath, [strapiBin, 'start'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      DEMO_SEED: 'true',
      DATABASE_CLIENT: process.env.DATABASE_CLIENT ?? 'sqlite',
      PORT: String(port),
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
  await waitForHealth(port, Date.now() + 180_000);
  banner(port);
};

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
