#!/usr/bin/env node
'use strict';

/**
 * `npm run bench:pages`: what a clerk's and an applicant's first visit cost from a cold cache, in
 * Debian's Chromium: bytes transferred (as sent, compressed or not) and the time until the page is
 * usable. Starts the demo (scripts/demo.js) on a fresh SQLite file and a free port, then measures:
 * - the staff inbox: a signed-in staff member (a window clerk) opens 工单中心 until its list shows;
 * - the H5 first page: a new applicant's phone opens /app/ until its sign-in form shows.
 * Prints a table and writes bench/pages.json. A benchmark, not a test: nothing is asserted.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { launch } = require('../scripts/chromium');

const root = path.resolve(__dirname, '..');
const demo = require(path.join(root, 'database/seeds/demo-data.json'));
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 3);
const STAFF = process.env.BENCH_PAGE_STAFF ?? 'clerk@demo.local';

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** The demo on its own SQLite file; resolves once it answers. */
const startDemo = async () => {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pages-'));
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_FILENAME: path.join(dir, 'data.db') };
  const child = spawn(process.execPath, [path.join(root, 'scripts/demo.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('Demo is running') && resolve());
    child.on('exit', (code) => reject(new Error(`the demo stopped (${code})`)));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
};

/**
 * Opens `url` in a fresh context with the browser's cache off (a cold cache, after `prepare` such as a
 * sign-in) and waits for `ready`; answers the bytes on the wire, the requests and the milliseconds.
 */
const measure = async (browser, options, url, ready, prepare) => {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (prepare) await prepare(page);
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  const started = Date.now();
  await page.goto(url);
  try {
    await ready(page);
  } catch (error) {
    await page.screenshot({ path: path.join(os.tmpdir(), 'bench-pages-failed.png') });
    throw error;
  }
  const ms = Date.now() - started;
  await context.close();
  return { bytes, requests, ms };
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const main = async () => {
  const server = await startDemo();
  const browser = await launch();
  try {
    // Signed in on the panel's own page first, as a returning clerk is; the inbox then loads with no cache.
    const withToken = async (page) => {
      await page.goto(`${server.base}/admin/auth/login`);
      await page.getByLabel(/电子邮件|Email/).fill(STAFF);
      await page.getByLabel(/密码|Password/).fill(demo.password);
      await page.getByRole('button', { name: /登录|Login/ }).click();
      await page.waitForURL((u) => !u.pathname.includes('/auth/'), { timeout: 60_000 });
    };
    const parts = {
      'staff inbox (admin panel, cold cache)': () =>
        measure(
          browser,
          { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' },
          `${server.base}/admin/plugins/workflow`,
          (page) =>
            page.getByTestId('order-row').first().or(page.getByText('没有符合条件的工单')).waitFor({ timeout: 60_000 }),
          withToken,
        ),
      'H5 first page (phone, cold cache)': () =>
        measure(
          browser,
          { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' },
          `${server.base}/app/`,
          (page) => page.getByTestId('login').waitFor({ timeout: 60_000 }),
        ),
    };
    const results = {};
    for (const [name, run] of Object.entries(parts)) {
      await run(); // the server's first answers (files read, bundles compressed once by the OS cache) not counted
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await run());
      results[name] = {
        bytes: median(runs.map((r) => r.bytes)),
        requests: median(runs.map((r) => r.requests)),
        ms: median(runs.map((r) => r.ms)),
        runs,
      };
    }
    console.log('\npage                                        transferred   requests   until usable');
    for (const [name, r] of Object.entries(results)) {
      console.log(
        `${name.padEnd(44)}${`${(r.bytes / 1024 / 1024).toFixed(2)} MB`.padStart(11)}${String(r.requests).padStart(11)}${`${r.ms} ms`.padStart(15)}`,
      );
    }
    const out = { at: new Date().toISOString(), runs: RUNS, staff: STAFF, results };
    fs.writeFileSync(path.join(__dirname, 'pages.json'), `${JSON.stringify(out, null, 2)}\n`);
  } finally {
    await browser.close();
    server.stop();
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
