import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `npm run bench` with a few requests of each kind (BENCH_SMOKE=1), so that the benchmark keeps
 * working: the benchmark runs on MariaDB whatever this suite's database is. Speed is not asserted
 * here (bench/results.json and docs/performance.md hold the figures); that every part ran and
 * answered correctly is.
 */
describe('the benchmark, in a smoke run', () => {
  it('runs every part against MariaDB and writes its results with the database settings', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'results.json');
    const root = path.resolve(__dirname, '..');
    await new Promise<void>((resolve, reject) =>
      execFile(
        process.execPath,
        ['bench/run.js'],
        {
          cwd: root,
          env: { ...process.env, BENCH_SMOKE: '1', BENCH_OUT: out, DATABASE_CLIENT: 'mysql' },
          timeout: 280_000,
        },
        (error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()),
      ),
    );
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results.smoke).toBe(true);
    expect(results.mariadb.innodb_buffer_pool_size).toBeGreaterThan(0);
    const {
      submission,
      submissionPaced,
      transition,
      transitionTwoInstances,
      inProcess,
      raw,
      strapiRest,
      adminNoop,
      staffNoop,
      bareNoop,
    } = results.writes;
    // Every request answered 2xx: a broken route or a refused action would count as an error.
    for (const part of [
      submission,
      submissionPaced,
      transition,
      transitionTwoInstances,
      inProcess,
      raw,
      strapiRest,
      adminNoop,
      staffNoop,
      bareNoop,
    ]) {
      expect(part.requests).toBeGreaterThan(0);
      expect(part.errors).toBe(0);
      expect(part.p95).toBeGreaterThan(0);
    }
    expect(submission.requests).toBe(60);
    expect(submissionPaced.requests).toBe(20);
    // Every order the submissions made was then moved (warming up each instance, on one instance, on two,
    // in-process) or updated through Strapi's REST.
    expect(results.warmup).toBeGreaterThan(0);
    expect(
      2 * results.warmup +
        transition.requests +
        transitionTwoInstances.requests +
        inProcess.requests +
        strapiRest.requests,
    ).toBe(80);
    // The app's CPU per request is measured for each part it serves alone.
    for (const part of [submission, transition, inProcess, adminNoop, staffNoop, bareNoop, strapiRest])
      expect(part.appCpuMs).toBeGreaterThan(0);
    // …and the CPU of the load generator and of MariaDB, which share the machine's cores with the app.
    for (const part of [transition, raw]) {
      expect(part.loadCpuMs).toBeGreaterThan(0);
      expect(part.dbCpuMs).toBeGreaterThanOrEqual(0);
    }
    expect(results.ratios.ofRawFloor).toBeGreaterThan(0);
    expect(results.ratios.twoInstancesOfRawFloor).toBeGreaterThan(0);
    expect(results.ratios.inProcessOfRawFloor).toBeGreaterThan(0);
    const [reads] = results.reads;
    expect(reads.inbox.requests).toBe(10);
    expect(reads.orderView.requests).toBe(10);
    expect(reads.orderView.errors).toBe(0);
    expect(reads.indicators.requests).toBe(2);
    expect(reads.indicatorsDept.requests).toBe(2);
    expect(reads.scan.ms).toBeGreaterThan(0);
    expect(reads.rss).toBeGreaterThan(50 * 1024 * 1024);
  }, 300_000);
});
