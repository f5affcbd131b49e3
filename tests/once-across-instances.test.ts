import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, apply, call, enterpriseForm, step, useWorld, w, waited } from './helpers/workflow';
import { fakeSms, type FakeServer } from './helpers/fake-services';
import { startSecondApp, useFakeAliyunSms, type SecondApp } from './helpers/second-app';

/**
 * What happens once even with two app instances on one database: an outbox row is sent once
 * however slow the sends, and an order is urged once per China-time day however many urges race.
 */
useWorld();

const LEASE_SECONDS = 1;
/** Each SMS is answered after longer than a lease. */
const SEND_MS = 1_500;
const OUTBOX = 'plugin::workflow.outbox-message';
const EVENTS = 'plugin::workflow.history-event';
const URGED_ONCE = '每个工单每天只能催办一次';

let sms: FakeServer;
let second: SecondApp;
const secondSent = { count: 0 };
const plugin = () => app.strapi.plugin('workflow');
const db = () => app.strapi.db;
const orderId = async (number: string) =>
  (
    await db()
      .query('api::order.order')
      .findOne({ where: { number }, select: ['id'] })
  ).id;
const verify = async (number: string) => (await call(app, w.admin, 'get', `/orders/${number}/verify`)).body.data;

beforeAll(async () => {
  sms = await fakeSms();
  const smsEnv = useFakeAliyunSms(app.strapi, sms.port, { 'application-rejected': 'SMS_REJECTED' });
  app.strapi.config.set('plugin::workflow.outbox', {
    ...app.strapi.config.get('plugin::workflow.outbox'),
    batchSize: 8,
    leaseSeconds: LEASE_SECONDS,
  });
  const env = {
    ...smsEnv,
    WORKFLOW_TIMERS: 'true',
    WORKFLOW_OUTBOX_CRON: '* * * * * *',
    WORKFLOW_OUTBOX_BATCH: '8',
    WORKFLOW_OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
  };
  second = await startSecondApp(env, (m) => {
    if (m.type === 'outbox') secondSent.count += m.sent;
  });
}, 120_000);

afterAll(async () => {
  plugin().service('clock').reset();
  await second?.stop();
  await sms?.close();
});

describe('the outbox with sends slower than the lease', () => {
  it('sends each of 8 rows exactly once while both instances work them', async () => {
    const residentForm = {
      name: '张三',
      contactPhone: '13612345678',
      address: '巴中市回风路8号',
      waterAddress: '巴中市回风路8号3单元',
    };
    // Written with the clock an hour ahead, so that no row is due until all 8 are released at once.
    const clock = plugin().service('clock');
    clock.set(new Date(Date.now() + 3_600_000));
    const rejected: string[] = [];
    try {
      for (let i = 0; i < 8; i++) {
        const n = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);
        await step(app, w.staff.clerk, n, 'reject', { reason: `第${i + 1}号申请资料不全` });
        rejected.push(n);
      }
    } finally {
      clock.reset();
    }
    const ids = await Promise.all(rejected.map(orderId));
    const ours = { orderId: { $in: ids }, channel: 'sms' };
    sms.delayMs = SEND_MS;
    await db()
      .query(OUTBOX)
      .updateMany({ where: ours, data: { nextAttemptAt: new Date() } });

    // This instance works the rows too, as the second one's worker does every second.
    let mine = 0;
    const deadline = Date.now() + 45_000;
    while (
      Date.now() < deadline &&
      (await db()
        .query(OUTBOX)
        .count({ where: { ...ours, status: { $ne: 'sent' } } })) > 0
    ) {
      mine += (await plugin().service('outbox').runOnce()).sent;
      await new Promise((r) => setTimeout(r, 100));
    }
    // A second sending of a row would have reached the fake by now (it records a request as it comes).
    await new Promise((r) => setTimeout(r, SEND_MS));
    sms.delayMs = 0;

    const rows = await db().query(OUTBOX).findMany({ where: ours });
    expect(rows.map((r: any) => [r.status, r.attempts])).toEqual(Array(8).fill(['sent', 1]));
    const requested = sms.received
      .map((r) => JSON.parse(r.query.TemplateParam).number)
      .filter((n: string) => rejected.includes(n));
    expect(requested.sort()).toEqual([...rejected].sort());
    // Both instances sent some.
    expect(mine).toBeGreaterThan(0);
    expect(secondSent.count).toBeGreaterThan(0);
  }, 90_000);
});

describe('urging once a day', () => {
  it('accepts one of 10 urges racing across two instances, the rest 429 with nothing written', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
    // Half of the review's 24 hours have passed: the applicant may urge.
    await waited(app, n, 13);
    const urge = (i: number) =>
      (i % 2 ? supertest(second.url) : app.http())
        .post(`/api/workflow/orders/${n}/urge`)
        .set('Authorization', `Bearer ${w.applicants.zhujiang.token}`)
        .send({});
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => urge(i)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(429)]);
    expect(answers.filter((r) => r.status === 429).every((r) => r.body.error.message === URGED_ONCE)).toBe(true);
    const id = await orderId(n);
    expect(
      await db()
        .query(EVENTS)
        .count({ where: { orderId: id, action: 'urge' } }),
    ).toBe(1);
    expect(
      await db()
        .query(OUTBOX)
        .count({ where: { orderId: id, template: 'order-urged' } }),
    ).toBe(1);
    expect(await verify(n)).toMatchObject({ valid: true, events: 2 });
  }, 30_000);

  it('counts the day in China time (UTC+8): a new UTC day is not a new day, midnight in Beijing is', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
    const clock = plugin().service('clock');
    const urgeAt = async (at: string) => {
      clock.set(at);
      const res = await call(app, w.applicants.zhujiang, 'post', `/orders/${n}/urge`);
      return res.status === 429 ? `429 ${res.body.error.message}` : res.status;
    };
    try {
      expect(await urgeAt('2026-12-10T07:30:00+08:00')).toBe(200);
      // 00:30 UTC on 10 December: still 10 December in China.
      expect(await urgeAt('2026-12-10T08:30:00+08:00')).toBe(`429 ${URGED_ONCE}`);
      expect(await urgeAt('2026-12-10T23:59:59+08:00')).toBe(`429 ${URGED_ONCE}`);
      // Midnight in China, less than a day after the first urge.
      expect(await urgeAt('2026-12-11T00:00:00+08:00')).toBe(200);
    } finally {
      clock.reset();
    }
    const events = await db()
      .query(EVENTS)
      .findMany({ where: { orderId: await orderId(n), action: 'urge' }, orderBy: { seq: 'asc' } });
    expect(events.map((e: any) => e.onceKey)).toEqual(['urge:2026-12-10', 'urge:2026-12-11']);
    expect(await verify(n)).toMatchObject({ valid: true, events: 3 });
  });
});
