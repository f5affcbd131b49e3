import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { app, apply, call, download, enterpriseForm, step, upload, useWorld, w } from './helpers/workflow';
import { buildMetricsData, PERIOD } from './helpers/metrics-data';
import { isMysql } from './helpers/database';
import { acrossCategories } from '../src/plugins/workflow/server/src/storage';

/**
 * The dashboard's query layer on a fixed data set (tests/helpers/metrics-data.ts), each figure worked
 * out by hand from the times in it.
 */
useWorld();

let data: Awaited<ReturnType<typeof buildMetricsData>>;
beforeAll(async () => {
  data = await buildMetricsData(app, w);
});
afterAll(() => app.strapi.plugin('workflow').service('clock').reset());

const query = (extra: Record<string, string> = {}) => new URLSearchParams({ ...PERIOD, ...extra }).toString();
const metrics = async (extra: Record<string, string> = {}, who = w.admin) => {
  const res = await call(app, who, 'get', `/metrics?${query(extra)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
};
/** The statements the super administrator's dashboard sends, with their values. */
const statementsOfDashboard = async () => {
  const knex = app.strapi.db.connection;
  const sent: string[] = [];
  const record = (q: any) => sent.push(knex.raw(q.sql, q.bindings ?? []).toString());
  knex.on('query', record);
  try {
    await metrics();
  } finally {
    knex.removeListener('query', record);
  }
  return sent;
};
/**
 * A statement on the orders answered from one index alone (forced: the statistics of a small data set
 * may pick another plan). On a cold buffer pool every row read is a random page: at 1 M orders the
 * responses' count took 205 ms reading rows and 18 ms warm.
 */
const expectIndexOnly = async (sql: string, index: string) => {
  const knex = app.strapi.db.connection;
  const forced = (hint: string) => sql.replace(/`orders`( as `t0`)?/, (table) => `${table} ${hint}`);
  if (isMysql()) {
    const [plan] = await knex.raw(`EXPLAIN ${forced(`FORCE INDEX (\`${index}\`)`)}`);
    expect(plan[0].key).toBe(index);
    expect(plan[0].Extra).toMatch(/Using index(?! condition)/);
  } else {
    const plan = await knex.raw(`EXPLAIN QUERY PLAN ${forced(`INDEXED BY \`${index}\``)}`);
    expect(plan.map((p: any) => p.detail).join(' ')).toMatch(new RegExp(`COVERING INDEX ${index}`));
  }
};

describe('the 15 indicators', () => {
  it('for water-resident in the two weeks from 5 October', async () => {
    const m = await metrics({ process: 'water-resident' });
    expect(m.indicators).toEqual({
      // A (6 Oct), B (7 Oct), C (12 Oct); D was applied on 28 September.
      created: 3,
      completed: 1,
      completionRate: 0.3333,
      // A: 6 Oct 09:00 to 10 Oct 16:00.
      avgCycleHours: 103,
      // clerk (2 h, 30 h) 16, surveyor 46, finance 3, crew 48, acceptance (2 h, 2 h) 2: mean 23.
      avgHandlingHours: 23,
      // D waits in survey with the surveyor: 1 order against 15 staff × 20.
      saturation: 0.0033,
      // A answered after 2 h, B after 30 h; C not yet.
      firstResponseHours: 16,
      // Seven visits ended; B's review (30 h of 24) was late.
      onTimeRate: 0.8571,
      // C in review since 12 Oct, D in survey since 28 Sep.
      overdueNow: 2,
      // D: all three at the 13 Oct 04:00 scan; C: level 1 at 06:00, 2 and 3 on 14 Oct.
      warnings: { 1: 2, 2: 2, 3: 2 },
      // B rejected.
      returnRejectRate: 0.3333,
      satisfaction: { average: null, count: 0 },
      exceptions: 0,
      // C, on 13 Oct.
      urges: 1,
      sms: { sent: 3, overage: 0, cost: 0 },
    });
  });

  it('for the energy service: the exception, its level-3 warning and the rating', async () => {
    const m = await metrics({ process: 'energy-service' });
    expect(m.indicators).toMatchObject({
      created: 1,
      completed: 1,
      completionRate: 1,
      exceptions: 1,
      urges: 0,
      warnings: { 1: 0, 2: 0, 3: 1 },
      satisfaction: { average: 4, count: 1 },
      overdueNow: 0,
    });
    // Applied 13 Oct 09:00, rated 15 Oct 12:00.
    expect(m.indicators.avgCycleHours).toBe(51);
  });

  it('response time against the previous period of the same length', async () => {
    const m = await metrics({ process: 'water-resident' });
    // D, applied 28 Sep 10:00, was answered at 14:00.
    expect(m.responseComparison).toMatchObject({ current: 16, previous: 4, change: 3 });
  });

  it('by person: the clerk\u2019s orders and handling', async () => {
    const clerk = await app.strapi.db.query('api::staff-profile.staff-profile').findOne({ where: { name: '王窗口' } });
    const m = await metrics({ process: 'water-resident', person: String(clerk.id) });
    expect(m.indicators).toMatchObject({ created: 2, avgHandlingHours: 16, onTimeRate: 0.5, firstResponseHours: 16 });
  });
});

it('without a period: the days the dashboard page opens with, from the China-time midnight 30 days ago to now', async () => {
  const now: Date = app.strapi.plugin('workflow').service('clock').now();
  const res = await call(app, w.admin, 'get', '/metrics?process=water-resident');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const { from, to } = res.body.data.period;
  expect(new Date(to).getTime()).toBe(now.getTime());
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
  expect(from).toBe(
    new Date(`${new Date(monthAgo.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`).toISOString(),
  );
  // The same figures as that period asked for by name; the data set has orders in it.
  const named = await metrics({ process: 'water-resident', from, to });
  expect(named.indicators.created).toBeGreaterThan(0);
  expect(res.body.data.indicators).toEqual(named.indicators);
});

describe('the charts and the staff table', () => {
  it('weekly trend, cycle time by step, category and channel, SLA heat by step', async () => {
    const m = await metrics({ process: 'water-resident' });
    expect(m.charts.weekly).toEqual([
      { week: '2026-10-05', created: 2, completed: 1 },
      { week: '2026-10-12', created: 1, completed: 0 },
    ]);
    expect(m.charts.cycleByStep).toEqual([
      { step: '申请审核', hours: 16 },
      { step: '现场勘察', hours: 46 },
      { step: '缴费', hours: 3 },
      { step: '施工通水', hours: 48 },
      { step: '验收', hours: 2 },
      { step: '移交', hours: 2 },
    ]);
    expect(m.charts.byCategory).toEqual([{ name: '永久性用水', value: 3 }]);
    expect(m.charts.byChannel).toEqual([
      { name: 'official-account', value: 2 },
      { name: 'mini-program', value: 1 },
    ]);
    expect(m.charts.slaHeat).toEqual(
      expect.arrayContaining([
        { step: '申请审核', onTimeRate: 0.5, warnings: [1, 1, 1] },
        { step: '现场勘察', onTimeRate: 1, warnings: [1, 1, 1] },
      ]),
    );
  });

  it('per person: handled, handling time, on time, open load, saturation; exported to Excel', async () => {
    const m = await metrics({ process: 'water-resident' });
    const byName = Object.fromEntries(m.staff.map((s: any) => [s.name, s]));
    expect(byName['王窗口']).toMatchObject({ handled: 2, avgHandlingHours: 16, onTimeRate: 0.5, openLoad: 0 });
    expect(byName['张勘察']).toMatchObject({
      handled: 1,
      avgHandlingHours: 46,
      onTimeRate: 1,
      openLoad: 1,
      capacity: 20,
      saturation: 0.05,
    });

    const res = await download(app, w.admin, `/metrics/staff/export?${query({ process: 'water-resident' })}`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0];
    const rows = sheet
      .getSheetValues()
      .slice(2)
      .map((r: any) => r.slice(1));
    const [name, , handled, hours, onTime, open, saturation] = rows.find((r: any) => r[0] === '张勘察') as any[];
    expect([name, handled, hours, onTime, open, saturation]).toEqual(['张勘察', 1, 46, 1, 1, 0.05]);
    expect(sheet.getRow(1).values).toContain('平均处理时长(小时)');
  });

  it('the staff table shows whom the viewer oversees: a frontline member only themselves; a chosen organization never widens it', async () => {
    const clerk = await metrics({ process: 'water-resident' }, w.staff.clerk);
    expect(clerk.staff.map((s: any) => s.name)).toEqual(['王窗口']);
    const power = await app.strapi.db.query('api::organization.organization').findOne({ where: { code: 'POWER' } });
    const water = await metrics({ organization: String(power.id) }, w.staff.deptadmin);
    expect(water.staff).toEqual([]);
    expect((await metrics({}, w.staff.deptadmin)).staff.map((s: any) => s.name)).toContain('张勘察');
  });

  // Counting every open order by assignee read all of them through a temporary table: 112,685 at 1 M orders.
  it('counts the open orders of the staff in view only, from the assignee index alone', async () => {
    const sent = await statementsOfDashboard();
    const staff = await app.strapi.db
      .query('api::staff-profile.staff-profile')
      .findMany({ where: { active: true }, select: ['id'] });
    const sql = sent.find((q) => /`assignee_ref` in \(/.test(q) && /`outcome` is null/.test(q));
    expect(sql, 'the open loads').toBeDefined();
    expect(
      sql!
        .match(/`assignee_ref` in \(([^)]*)\)/)![1]
        .split(',')
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(staff.map((s: any) => s.id).sort((a: number, b: number) => a - b));
    await expectIndexOnly(sql!, 'orders_assignee_idx');
  });

  it('is scoped: another company sees none of these orders', async () => {
    const m = await metrics({ process: 'water-resident' }, w.staff['power-admin']);
    expect(m.indicators).toMatchObject({ created: 0, completed: 0, overdueNow: 0 });
    expect(data.A).toMatch(/^BZ20261006/);
  });
});

describe('the daily sums', () => {
  const rollups = () => app.strapi.plugin('workflow').service('rollups');
  const db = () => app.strapi.db.connection;
  const clock = () => app.strapi.plugin('workflow').service('clock');
  // The super administrator's figures, filtered; a department administrator's (their organizations,
  // and their work beyond them); a frontline member's (the sums cannot answer for them).
  const queries = (): Array<[Record<string, string>, any]> => [
    [{}, w.admin],
    [{ process: 'water-resident' }, w.admin],
    [{ process: 'energy-service' }, w.admin],
    [{ category: '永久性用水' }, w.admin],
    [{}, w.staff.deptadmin],
    [{ process: 'water-resident' }, w.staff.deptadmin],
    [{}, w.staff.acceptance],
    [{}, w.staff.clerk],
  ];
  // The clerk, made administrator of the service hall: its orders whole, and beyond it their work, C,
  // which waits for review at the water company.
  beforeAll(async () => {
    await app.strapi.db
      .query('api::staff-profile.staff-profile')
      .update({ where: { name: '王窗口' }, data: { jobRoles: ['window-clerk', 'department-admin'] } });
  });
  const all = () => Promise.all(queries().map(([q, who]) => metrics(q, who)));
  /** The figures from the events alone: nothing summed. */
  const fromEvents = async () => {
    await db()('workflow_rolled_days').delete();
    await db()('workflow_daily_sums').delete();
    return all();
  };
  /** The days summed whole. */
  const summedDays = async () =>
    (await db()('workflow_rolled_days').whereNull('until_ms').orderBy('day').select('day')).map((r: any) => r.day);

  it('sums each day that is over, once, and gives the figures the events give', async () => {
    const expected = await fromEvents();
    // Summed up to 9 October: what became after it of the orders applied on the summed days (responses,
    // returns, completions) is read from the orders.
    clock().set('2026-10-11T00:00:00+08:00');
    expect(await rollups().rollUp()).toBe(12);
    clock().set('2026-10-19T00:00:00+08:00');
    expect(await all()).toEqual(expected);
    // The clock stands at 19 Oct 00:00: the days from the first event (28 Sep) to 17 Oct are over.
    expect(await rollups().rollUp()).toBe(8);
    const days = await summedDays();
    expect([days[0], days[days.length - 1], days.length]).toEqual(['2026-09-28', '2026-10-17', 20]);
    // The current day (by the settled clock, 18 October) is summed up to 23:50.
    const current = await db()('workflow_rolled_days').whereNotNull('until_ms').select('day', 'until_ms');
    expect(current.map((r: any) => [r.day, new Date(Number(r.until_ms)).toISOString()])).toEqual([
      ['2026-10-18', new Date('2026-10-18T23:50:00+08:00').toISOString()],
    ]);
    expect(await rollups().rollUp()).toBe(0);
    expect(await all()).toEqual(expected);
    // The service hall's administrator sees C's three warnings (13 and 14 October, summed days).
    expect(expected[7].indicators.warnings).toEqual({ 1: 1, 2: 1, 3: 1 });
    // Every water-resident order is the water company's: its administrator sees the same visits and warnings.
    const [admin, dept] = [expected[1], expected[5]];
    expect(dept.charts.cycleByStep).toEqual(admin.charts.cycleByStep);
    expect(dept.charts.slaHeat).toEqual(admin.charts.slaHeat);
    expect(dept.indicators).toMatchObject({
      warnings: admin.indicators.warnings,
      onTimeRate: admin.indicators.onTimeRate,
      completed: admin.indicators.completed,
    });
  });

  it('reads what became since the sums of the orders applied on summed days from its indexes alone', async () => {
    const sent = await statementsOfDashboard();
    for (const [column, index] of [
      ['first_response_at', 'orders_responded_idx'],
      ['returned_at', 'orders_returned_idx'],
    ]) {
      const sql = sent.find((q) => q.includes(`\`t0\`.\`${column}\` >=`) || q.includes(`t0.${column} >=`));
      expect(sql, `the count by ${column}`).toBeDefined();
      await expectIndexOnly(sql!, index);
    }
  });

  it('the figures come from the sums: what is summed is what the dashboard shows', async () => {
    const summed = await all();
    for (const figure of ['created', 'completionRate', 'firstResponseHours', 'returnRejectRate'])
      expect(summed[1].indicators[figure]).toBeGreaterThan(0);
    await db()('workflow_daily_sums')
      .whereIn('kind', ['warning', 'warning:any', 'applied', 'completed', 'responded', 'returned', 'done'])
      .delete();
    const m = await metrics({ process: 'water-resident' });
    expect(m.indicators.warnings).toEqual({ 1: 0, 2: 0, 3: 0 });
    expect(m.indicators).toMatchObject({
      completed: 0,
      created: 0,
      completionRate: null,
      firstResponseHours: null,
      returnRejectRate: null,
    });
    expect(m.charts.byCategory).toEqual([]);
    expect(m.charts.byChannel).toEqual([]);
    // The visits are still summed.
    expect(m.charts.cycleByStep).toEqual(summed[1].charts.cycleByStep);
    await db()('workflow_rolled_days').delete();
    expect(await rollups().rollUp()).toBe(20);
    expect(await all()).toEqual(summed);
  });

  it('visits and warnings are summed across categories too; a database summed before gets those from its own sums', async () => {
    const across = () => db()('workflow_daily_sums').whereIn('kind', ['visit:any', 'warning:any']);
    const summed = await all();
    const rows = await across()
      .clone()
      .orderBy(['day', 'kind', 'definition_id', 'step', 'ended_by', 'level', 'organization_ref'])
      .select(
        'day',
        'kind',
        'definition_id',
        'step',
        'ended_by',
        'level',
        'organization_ref',
        'n',
        'measured',
        'on_time',
      );
    expect(rows.length).toBeGreaterThan(0);
    // Without them, the figures without a category filter lose the summed days' warnings.
    await across().clone().delete();
    expect((await metrics({ process: 'water-resident' })).indicators.warnings).not.toEqual(
      summed[1].indicators.warnings,
    );
    await acrossCategories(db());
    expect(
      await across()
        .clone()
        .orderBy(['day', 'kind', 'definition_id', 'step', 'ended_by', 'level', 'organization_ref'])
        .select(
          'day',
          'kind',
          'definition_id',
          'step',
          'ended_by',
          'level',
          'organization_ref',
          'n',
          'measured',
          'on_time',
        ),
    ).toEqual(rows);
    expect(await all()).toEqual(summed);
  });

  it('an event written for a day already summed drops that day, and the figures include it', async () => {
    // The surveyor finishes D's survey on 10 October, after the day was summed.
    clock().set('2026-10-10T12:30:00+08:00');
    await upload(app, w.staff.surveyor, data.D, 'site-photo');
    await upload(app, w.staff.surveyor, data.D, 'plan-sketch');
    await step(app, w.staff.surveyor, data.D, 'complete');
    clock().set('2026-10-19T00:00:00+08:00');
    expect(await summedDays()).not.toContain('2026-10-10');
    const withEvent = await all();
    expect(withEvent[1].charts.cycleByStep.find((s: any) => s.step === '现场勘察').hours).not.toBe(46);
    expect(await fromEvents()).toEqual(withEvent);
  });

  // A transition that writes only the order, its event and its notifications takes one round trip on
  // MySQL; on a summed day it must still drop that day's sums (it is written in a transaction then).
  it('a plain transition on a day already summed drops that day too', async () => {
    clock().set('2026-10-12T09:00:00+08:00');
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '补记单位' }));
    clock().set('2026-10-19T00:00:00+08:00');
    await rollups().rollUp();
    expect(await summedDays()).toContain('2026-10-12');
    clock().set('2026-10-12T15:00:00+08:00');
    await step(app, w.staff.clerk, n, 'approve');
    clock().set('2026-10-19T00:00:00+08:00');
    expect(await summedDays()).not.toContain('2026-10-12');
    const withEvent = await all();
    expect(await fromEvents()).toEqual(withEvent);
  });

  it('the current day is summed up to a settled minute, and what happened since is read from the events', async () => {
    const to = '2026-10-15T13:00:00+08:00';
    const untilNow = () => Promise.all(queries().map(([q, who]) => metrics({ ...q, to }, who)));
    clock().set(to);
    await rollups().rollUp();
    const current = async () =>
      (await db()('workflow_rolled_days').whereNotNull('until_ms').select('day', 'until_ms')).map((r: any) => [
        r.day,
        new Date(Number(r.until_ms)).toISOString(),
      ]);
    // 15 October's approvals at 10:00 and 12:00 are in its sums.
    expect(await current()).toEqual([['2026-10-15', new Date('2026-10-15T12:50:00+08:00').toISOString()]]);
    // After 12:50: an application and its review, which leave the sums as they are.
    clock().set('2026-10-15T12:55:00+08:00');
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '午后单位' }));
    clock().set('2026-10-15T12:58:00+08:00');
    await step(app, w.staff.clerk, n, 'approve');
    clock().set(to);
    expect(await current()).toEqual([['2026-10-15', new Date('2026-10-15T12:50:00+08:00').toISOString()]]);
    const summed = await untilNow();
    expect(summed[0].indicators.created).toBeGreaterThan(0);
    await db()('workflow_rolled_days').delete();
    await db()('workflow_daily_sums').delete();
    expect(await untilNow()).toEqual(summed);
  });
});
