import { afterEach, describe, expect, it } from 'vitest';
import { app, apply, call, enterpriseForm, step, useWorld, w } from './helpers/workflow';

/**
 * Warning levels at 80 %, 100 % and 200 % of a step's threshold, each once per step visit, measured
 * in natural hours or in working hours over the official calendar (holidays, make-up working days).
 * Time moves by the engine's clock, never by waiting.
 */
useWorld();

const plugin = () => app.strapi.plugin('workflow');
const clock = () => plugin().service('clock');
const scan = () => plugin().service('escalation').scan();
const db = () => app.strapi.db;
const HOUR = 3_600_000;
const orderRow = (number: string) => db().query('api::order.order').findOne({ where: { number } });
const warnings = async (number: string) => {
  const row = await orderRow(number);
  return db()
    .query('plugin::workflow.history-event')
    .findMany({ where: { orderId: row.id, action: 'warn' }, orderBy: { seq: 'asc' } });
};
const outboxWarnings = async (number: string) => {
  const row = await orderRow(number);
  return db()
    .query('plugin::workflow.outbox-message')
    .findMany({ where: { orderId: row.id, template: { $startsWith: 'warning-level-' } }, orderBy: { id: 'asc' } });
};
const at = async (iso: string | Date) => {
  clock().set(iso);
  await scan();
};

afterEach(() => {
  clock().reset();
  app.strapi.config.set('plugin::workflow.warningPercents', [80, 100, 200]);
});

describe('warning levels in natural hours', () => {
  it('fire at 80 %, 100 % and 200 % of the review\u2019s 24 hours, each exactly once, and start again in the next step', async () => {
    const t0 = new Date(Date.now() - 72 * HOUR);
    clock().set(t0);
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
    const after = (hours: number) => new Date(t0.getTime() + hours * HOUR);

    await at(after(19.1));
    expect(await warnings(n)).toHaveLength(0);
    await at(after(19.3));
    await at(after(19.4));
    expect((await warnings(n)).map((e: any) => e.actionLabel)).toEqual(['一级预警']);
    expect((await orderRow(n)).warningLevel).toBe(1);

    await at(after(24.1));
    await at(after(47.9));
    expect((await warnings(n)).map((e: any) => e.actionLabel)).toEqual(['一级预警', '二级预警']);
    await at(after(48.1));
    await at(after(60));
    expect((await warnings(n)).map((e: any) => e.actionLabel)).toEqual(['一级预警', '二级预警', '三级预警']);

    // Level 1 to the assignee (nobody yet: the department administrators), 2 to them, 3 to the top.
    const rows = await outboxWarnings(n);
    expect(rows.map((r: any) => [r.template, r.audience, r.channel])).toEqual([
      ['warning-level-1', 'assignee', 'message'],
      ['warning-level-2', 'managers', 'message'],
      ['warning-level-3', 'executives', 'message'],
    ]);
    expect(rows[1].payload).toMatchObject({ number: n, stepLabel: '申请审核', threshold: '24小时', percent: 100 });
    await plugin().service('outbox').runOnce();
    const leader = await call(app, w.staff.leader, 'get', '/messages');
    expect(leader.body.data.find((m: any) => m.number === n)).toMatchObject({
      kind: 'warning-level-3',
      title: `【三级预警】工单${n}“申请审核”严重超时`,
    });
    const admin = await call(app, w.admin, 'get', '/messages');
    expect(admin.body.data.map((m: any) => m.kind)).toContain('warning-level-3');
    expect(
      (await call(app, w.staff.deptadmin, 'get', '/messages')).body.data
        .filter((m: any) => m.number === n)
        .map((m: any) => m.kind)
        .sort(),
    ).toEqual(['warning-level-1', 'warning-level-2']);

    // The inbox and the order show the level; the filter finds it.
    const inbox = await call(app, w.staff.deptadmin, 'get', '/orders?warning=3');
    expect(inbox.body.data.map((o: any) => o.number)).toContain(n);
    expect(inbox.body.data.find((o: any) => o.number === n).warningLevel).toBe(3);
    expect(
      (await call(app, w.staff.deptadmin, 'get', '/orders?warning=3&process=water-resident')).body.data.map(
        (o: any) => o.number,
      ),
    ).not.toContain(n);

    // Moving on starts a new visit with no warning; its own thresholds count from there.
    clock().set(after(61));
    await step(app, w.staff.clerk, n, 'approve');
    expect((await orderRow(n)).warningLevel).toBe(0);
    await at(after(61 + 20));
    expect((await warnings(n)).map((e: any) => [e.actionLabel, e.fromStep])).toEqual([
      ['一级预警', 'review'],
      ['二级预警', 'review'],
      ['三级预警', 'review'],
      ['一级预警', 'dispatch'],
    ]);
    // The warnings are links of the order's chain like every other event.
    expect((await call(app, w.admin, 'get', `/orders/${n}/verify`)).body.data.valid).toBe(true);
  });

  it('a scan that finds an order already past 200 % fires the levels it skipped, once', async () => {
    const t0 = new Date(Date.now() - 100 * HOUR);
    clock().set(t0);
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
    clock().set(new Date(t0.getTime() + 50 * HOUR));
    const [a, b] = await Promise.all([scan(), scan()]);
    // Two scans at once: one holds the lease, the other does not run.
    expect([a, b].filter((r) => r === undefined)).toHaveLength(1);
    await scan();
    expect((await warnings(n)).map((e: any) => e.actionLabel)).toEqual(['一级预警', '二级预警', '三级预警']);
  });

  it('the percentages are configuration', async () => {
    app.strapi.config.set('plugin::workflow.warningPercents', [50, 100, 150]);
    const t0 = new Date(Date.now() - 100 * HOUR);
    clock().set(t0);
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
    await at(new Date(t0.getTime() + 12.5 * HOUR));
    expect((await orderRow(n)).warningLevel).toBe(1);
    await at(new Date(t0.getTime() + 36.5 * HOUR));
    expect((await orderRow(n)).warningLevel).toBe(3);
  });
});

describe('warning levels in working hours', () => {
  it('skip the National Day holiday and count the make-up Saturday', async () => {
    // The review of this version counts 10 working hours (office hours 09:00-17:00 China time).
    const def = (await call(app, w.admin, 'get', '/definitions')).body.data.find(
      (d: any) => d.key === 'water-resident',
    ).spec;
    def.machine.states.review.meta = {
      ...def.machine.states.review.meta,
      thresholdHours: 10,
      thresholdUnit: 'working',
    };
    const published = await call(app, w.admin, 'post', '/definitions').send(def);
    expect(published.status, JSON.stringify(published.body)).toBe(201);

    // Wednesday 30 September 2026, 16:00: one working hour that day, then the holiday from 1 to 7 October.
    clock().set('2026-09-30T16:00:00+08:00');
    const n = await apply(app, w.applicants.zhangsan, 'water-resident', {
      name: '张三',
      contactPhone: '13612345678',
      address: '巴中市回风路8号',
      waterAddress: '巴中市回风路8号3单元',
    });
    const level = async () => (await orderRow(n)).warningLevel;

    await at('2026-10-07T23:00:00+08:00'); // a week later in natural time, still 1 working hour
    expect(await level()).toBe(0);
    const view = await call(app, w.staff.clerk, 'get', `/orders/${n}`);
    expect(view.body.data.elapsed).toMatchObject({
      text: '7天7小时',
      unit: 'working',
      measuredHours: 1,
      thresholdHours: 10,
      overdue: false,
    });

    await at('2026-10-08T15:59:00+08:00'); // Thursday: 1 + 6h59 = 79.8 %
    expect(await level()).toBe(0);
    await at('2026-10-08T16:00:00+08:00'); // 8 hours: 80 %
    expect(await level()).toBe(1);
    await at('2026-10-09T09:59:00+08:00'); // Friday morning: 9h59
    expect(await level()).toBe(1);
    await at('2026-10-09T10:00:00+08:00'); // 10 hours: 100 %
    expect(await level()).toBe(2);
    await at('2026-10-10T11:59:00+08:00'); // Saturday 10 October is a make-up working day: 1 + 8 + 8 + 2h59
    expect(await level()).toBe(2);
    await at('2026-10-10T12:00:00+08:00'); // 20 hours: 200 %
    expect(await level()).toBe(3);
    expect((await warnings(n)).map((e: any) => e.actionLabel)).toEqual(['一级预警', '二级预警', '三级预警']);
    expect((await outboxWarnings(n))[0].payload).toMatchObject({
      threshold: '10工作小时',
      elapsed: '8工作小时',
      percent: 80,
    });

    // Overdue in the inbox follows the step's own measure.
    const overdue = await call(app, w.staff.clerk, 'get', '/orders?overdue=true&process=water-resident');
    expect(overdue.body.data.map((o: any) => o.number)).toContain(n);
  });
});

describe('overdue is one fact', () => {
  const resident = {
    name: '张三',
    contactPhone: '13612345678',
    address: '巴中市回风路8号',
    waterAddress: '巴中市回风路8号3单元',
  };
  /** Applies at a China-time instant and answers the order's number. */
  const appliedAt = async (iso: string, process: 'water-resident' | 'water-enterprise') => {
    clock().set(iso);
    return process === 'water-resident'
      ? apply(app, w.applicants.zhangsan, process, resident)
      : apply(app, w.applicants.zhujiang, process, enterpriseForm());
  };

  it.each([[[50, 150, 300]], [[80, 100, 200]]])(
    'the inbox\u2019s 超期 tab, the order\u2019s badge and the dashboard agree with warnings at %j percent, in natural and working hours',
    async (percents) => {
      // The resident review counts 10 working hours in the version published here (office hours 09:00-17:00).
      const def = (await call(app, w.admin, 'get', '/definitions')).body.data.find(
        (d: any) => d.key === 'water-resident',
      ).spec;
      def.machine.states.review.meta = {
        ...def.machine.states.review.meta,
        thresholdHours: 10,
        thresholdUnit: 'working',
      };
      // Published once (201); the same definition again is no new version (200).
      expect([200, 201]).toContain((await call(app, w.admin, 'post', '/definitions').send(def)).status);
      app.strapi.config.set('plugin::workflow.warningPercents', percents);
      // By Tuesday 13 October 2026 11:00: 8 + 2 working hours (100 %), 7 + 2 (90 %); 24 natural hours (100 %), 23.5.
      const overdue = [
        await appliedAt('2026-10-12T09:00:00+08:00', 'water-resident'),
        await appliedAt('2026-10-12T11:00:00+08:00', 'water-enterprise'),
      ];
      const onTime = [
        await appliedAt('2026-10-12T10:00:00+08:00', 'water-resident'),
        await appliedAt('2026-10-12T11:30:00+08:00', 'water-enterprise'),
      ];
      await at('2026-10-13T11:00:00+08:00');

      const tab = await call(app, w.admin, 'get', '/orders?overdue=true&pageSize=100');
      const inTab = tab.body.data.map((o: any) => o.number);
      for (const n of overdue) expect(inTab).toContain(n);
      for (const n of onTime) expect(inTab).not.toContain(n);
      for (const n of [...overdue, ...onTime]) {
        const badge = (await call(app, w.admin, 'get', `/orders/${n}`)).body.data.elapsed.overdue;
        expect(badge, n).toBe(overdue.includes(n));
      }
      const counts = (await call(app, w.admin, 'get', '/orders/counts')).body.data;
      const dashboard = (await call(app, w.admin, 'get', '/metrics')).body.data.indicators;
      expect(counts.overdue).toBe(tab.body.meta.pagination.total);
      expect(dashboard.overdueNow).toBe(tab.body.meta.pagination.total);
    },
  );
});
