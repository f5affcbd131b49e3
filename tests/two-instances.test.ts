import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, apply, enterpriseForm, step, useWorld, w } from './helpers/workflow';
import { fakeSms, type FakeServer } from './helpers/fake-services';
import { registerApplicant } from './helpers/applicants';
import { startSecondApp, useFakeAliyunSms, type SecondApp } from './helpers/second-app';
import { KEPT_MS } from '../src/plugins/workflow/server/src/constants';
import { holdWriteLock } from './helpers/database';

/**
 * Two app instances on one database: this test's app and a second one in its own process, both
 * running the outbox worker and the warning scan at once. Each notification is sent once and each
 * warning level fires once.
 */
useWorld({ listen: true });

let sms: FakeServer;
let second: SecondApp;
let secondUrl = '';
const reports = { sent: 0, raised: 0 };
const plugin = () => app.strapi.plugin('workflow');
const db = () => app.strapi.db;

/** An applicant of this file's own, made before the second instance starts writing (SQLite: one writer at a time). */
let applicant: Awaited<ReturnType<typeof registerApplicant>>;

beforeAll(async () => {
  applicant = await registerApplicant(app);
  sms = await fakeSms();
  const smsEnv = useFakeAliyunSms(app.strapi, sms.port, { 'application-rejected': 'SMS_REJECTED' });
  const env = {
    ...smsEnv,
    WORKFLOW_TIMERS: 'true',
    WORKFLOW_OUTBOX_CRON: '* * * * * *',
    WORKFLOW_SLA_CRON: '* * * * * *',
    WORKFLOW_OUTBOX_BATCH: '5',
  };
  app.strapi.config.set('plugin::workflow.outbox', {
    ...app.strapi.config.get('plugin::workflow.outbox'),
    batchSize: 5,
  });
  second = await startSecondApp(env, (m) => {
    if (m.type === 'outbox') reports.sent += m.sent;
    if (m.type === 'escalation') reports.raised += m.raised;
  });
  secondUrl = second.url;
}, 120_000);

afterAll(async () => {
  await second?.stop();
  await sms?.close();
});

describe('two instances sharing one database', () => {
  it('serve the same sessions, and racing actions on the same orders leave exactly one winner each', async () => {
    // A staff member signs in on the second instance; the token works on both.
    // The super administrator may see every order: the loser is told it acted on a stale version (409), not 404.
    const login = await supertest(secondUrl)
      .post('/admin/login')
      .send({ email: 'admin@demo.local', password: 'Demo@2026' });
    expect(login.status).toBe(200);
    const token = login.body.data.token;
    const first = await supertest(app.url!).get('/workflow/orders/counts').set('Authorization', `Bearer ${token}`);
    expect(first.status).toBe(200);

    const orders: string[] = [];
    for (let i = 0; i < 8; i++)
      orders.push(await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm()));
    const act = (base: string, n: string) =>
      supertest(base)
        .post(`/workflow/orders/${n}/actions/approve`)
        .set('Authorization', `Bearer ${token}`)
        .send({ version: 1, form: {} });
    const results = await Promise.all(orders.map((n) => Promise.all([act(app.url!, n), act(secondUrl, n)])));
    for (const pair of results) expect(pair.map((r) => r.status).sort()).toEqual([200, 409]);
    for (const n of orders) {
      const row = await db()
        .query('api::order.order')
        .findOne({ where: { number: n } });
      expect(row).toMatchObject({ currentStep: 'dispatch', lockVersion: 2 });
      expect(
        await db()
          .query('plugin::workflow.history-event')
          .count({ where: { orderId: row.id, action: 'approve' } }),
      ).toBe(1);
    }
    // Again into a step that assigns the least busy surveyor: the assignment is written once, by the winner.
    const dispatch = (base: string, n: string) =>
      supertest(base)
        .post(`/workflow/orders/${n}/actions/approve`)
        .set('Authorization', `Bearer ${token}`)
        .send({ version: 2, form: {} });
    const dispatched = await Promise.all(
      orders.map((n) => Promise.all([dispatch(app.url!, n), dispatch(secondUrl, n)])),
    );
    for (const pair of dispatched) expect(pair.map((r) => r.status).sort()).toEqual([200, 409]);
    for (const n of orders) {
      const row = await db()
        .query('api::order.order')
        .findOne({ where: { number: n }, populate: { assignee: { select: ['id'] } } });
      expect(row).toMatchObject({ currentStep: 'survey', lockVersion: 3 });
      expect(row.assignee?.id).toBeGreaterThan(0);
      expect(row.assigneeRef).toBe(row.assignee.id);
    }
  }, 60_000);

  it('number applications made on both at once without a gap or a repeat, each with an intact chain', async () => {
    const submit = (base: string, i: number) =>
      supertest(base)
        .post('/api/workflow/orders')
        .set('Authorization', `Bearer ${w.applicants.zhujiang.token}`)
        .send({ processKey: 'water-enterprise', formData: enterpriseForm({ unitName: `两实例申请${i}` }) });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(i % 2 ? secondUrl : app.url!, i)));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = answers.map((r) => r.body.data.number as string);
    const sequence = numbers.map((n) => Number(n.slice(10))).sort((a, b) => a - b);
    expect(new Set(numbers.map((n) => n.slice(0, 10))).size).toBe(1);
    expect(sequence).toEqual(sequence.map((_, i) => sequence[0] + i));
    for (const n of numbers.slice(0, 4)) {
      expect(
        (await supertest(app.url!).get(`/workflow/orders/${n}/verify`).set('Authorization', `Bearer ${w.admin.token}`))
          .body.data,
      ).toMatchObject({ valid: true, events: 1 });
    }
  }, 30_000);

  it('see an organization renamed on the other instance within the seconds the organization tree is kept', async () => {
    const water = await db()
      .query('api::organization.organization')
      .findOne({ where: { code: 'WATER' }, populate: { parent: { select: ['id'] } } });
    const submitted = async () =>
      (
        await supertest(app.url!)
          .post('/api/workflow/orders')
          .set('Authorization', `Bearer ${w.applicants.zhujiang.token}`)
          .send({ processKey: 'water-enterprise', formData: enterpriseForm() })
      ).body.data.organization.name;
    expect(await submitted()).toBe(water.name);
    const rename = (base: string, name: string) =>
      supertest(base)
        .put(`/workflow/directory/organizations/${water.id}`)
        .set('Authorization', `Bearer ${w.admin.token}`)
        .send({ name, parent: water.parent?.id ?? null });
    expect((await rename(secondUrl, '巴中市自来水公司（更名）')).status).toBe(200);
    try {
      const deadline = Date.now() + KEPT_MS + 2_000;
      let name = await submitted();
      while (name === water.name && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        name = await submitted();
      }
      expect(name).toBe('巴中市自来水公司（更名）');
    } finally {
      expect((await rename(app.url!, water.name)).status).toBe(200);
    }
  }, 30_000);

  it('wait for the other instance to finish writing instead of failing: an application and a renamed organization', async () => {
    const water = await db()
      .query('api::organization.organization')
      .findOne({ where: { code: 'WATER' }, populate: { parent: { select: ['id'] } } });
    const table = db().metadata.get('api::organization.organization').tableName;
    const lock = await holdWriteLock(table, water.id, 1_500);
    const [applied, renamed] = await Promise.all([
      supertest(app.url!)
        .post('/api/workflow/orders')
        .set('Authorization', `Bearer ${w.applicants.zhujiang.token}`)
        .send({ processKey: 'water-enterprise', formData: enterpriseForm({ unitName: '等待写锁的申请' }) }),
      supertest(app.url!)
        .put(`/workflow/directory/organizations/${water.id}`)
        .set('Authorization', `Bearer ${w.admin.token}`)
        .send({ name: water.name, parent: water.parent?.id ?? null }),
    ]);
    await lock.released;
    expect(applied.status).toBe(201);
    expect(renamed.status).toBe(200);
  }, 30_000);

  it('refuse on the very next request a staff session ended on the other instance', async () => {
    const login = await supertest(app.url!)
      .post('/admin/login')
      .send({ email: 'acceptance@demo.local', password: 'Demo@2026' });
    const counts = (base: string) =>
      supertest(base).get('/workflow/orders/counts').set('Authorization', `Bearer ${login.body.data.token}`);
    expect((await counts(app.url!)).status).toBe(200);
    expect((await counts(secondUrl)).status).toBe(200);
    expect(
      (
        await supertest(secondUrl)
          .post('/admin/logout')
          .set('Authorization', `Bearer ${login.body.data.token}`)
          .send({})
      ).status,
    ).toBe(200);
    expect((await counts(app.url!)).status).toBe(401);
    expect((await counts(secondUrl)).status).toBe(401);
  });

  it('refuse on the very next request an applicant blocked, or a permission taken away, on the other instance', async () => {
    const { jwt, user } = applicant;
    const orders = (base: string) => supertest(base).get('/api/workflow/orders').set('Authorization', `Bearer ${jwt}`);
    const urge = (base: string) =>
      supertest(base).post('/api/workflow/orders/BZ0000000000/urge').set('Authorization', `Bearer ${jwt}`).send({});
    expect((await orders(app.url!)).status).toBe(200);
    expect((await urge(app.url!)).status).toBe(404);
    // The role loses the right to urge through the second instance's admin API.
    const { role } = await db()
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: user.id }, populate: ['role'] });
    const asAdmin = (method: 'get' | 'put', url: string) =>
      supertest(secondUrl)[method](url).set('Authorization', `Bearer ${w.admin.token}`);
    const { permissions } = (await asAdmin('get', `/users-permissions/roles/${role.id}`)).body.role;
    const withUrge = (enabled: boolean) => {
      const copy = structuredClone(permissions);
      copy['plugin::workflow'].controllers['applicant-orders'].urge.enabled = enabled;
      return asAdmin('put', `/users-permissions/roles/${role.id}`).send({
        name: role.name,
        description: role.description,
        permissions: copy,
      });
    };
    expect((await withUrge(false)).status).toBe(200);
    try {
      expect((await urge(app.url!)).status).toBe(403);
      expect((await orders(app.url!)).status).toBe(200);
    } finally {
      expect((await withUrge(true)).status).toBe(200);
    }
    expect((await urge(app.url!)).status).toBe(404);
    // Blocked through the second instance's content manager.
    const cm = `/content-manager/collection-types/plugin::users-permissions.user/${user.documentId}`;
    expect((await asAdmin('put', cm).send({ blocked: true })).status).toBe(200);
    expect((await orders(app.url!)).status).toBe(401);
  });

  it('send every notification once and fire every warning level once', async () => {
    const residentForm = {
      name: '张三',
      contactPhone: '13612345678',
      address: '巴中市回风路8号',
      waterAddress: '巴中市回风路8号3单元',
    };
    const rejected: string[] = [];
    for (let i = 0; i < 12; i++) {
      const n = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);
      await step(app, w.staff.clerk, n, 'reject', { reason: `第${i + 1}号申请资料不全` });
      rejected.push(n);
    }
    // Orders that have waited in review for three days: all three levels are due.
    const late: string[] = [];
    for (let i = 0; i < 8; i++)
      late.push(await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm()));
    const lateIds = (
      await db()
        .query('api::order.order')
        .findMany({ where: { number: { $in: late } }, select: ['id'] })
    ).map((o: any) => o.id);
    await db()
      .query('api::order.order')
      .updateMany({ where: { id: { $in: lateIds } }, data: { stepEnteredAt: new Date(Date.now() - 72 * 3_600_000) } });

    // Both instances work the same rows for a few seconds.
    const mine = { sent: 0, raised: 0 };
    const until = Date.now() + 6000;
    while (Date.now() < until) {
      const [sent, scanned] = await Promise.all([
        plugin().service('outbox').runOnce(),
        plugin().service('escalation').scan(),
      ]);
      mine.sent += sent.sent;
      mine.raised += scanned?.raised ?? 0;
      await new Promise((r) => setTimeout(r, 150));
    }
    await second.stop();

    // Both did part of the work; on a slow machine this instance sends what is left.
    expect(reports.sent).toBeGreaterThan(0);
    expect(mine.sent).toBeGreaterThan(0);
    for (let i = 0; i < 50 && (await plugin().service('outbox').runOnce()).sent > 0; i++);

    const rows = await db()
      .query('plugin::workflow.outbox-message')
      .findMany({ where: { channel: 'sms', template: 'application-rejected' } });
    const ours = rows.filter((r: any) => rejected.includes(r.payload.number));
    expect(ours).toHaveLength(12);
    expect(ours.every((r: any) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    const requests = sms.received
      .map((r) => JSON.parse(r.query.TemplateParam).number)
      .filter((n: string) => rejected.includes(n));
    expect(requests.sort()).toEqual([...rejected].sort());
    const due = await db()
      .query('plugin::workflow.outbox-message')
      .findMany({ where: { status: 'pending', nextAttemptAt: { $lte: new Date() } } });
    expect(due).toHaveLength(0);

    for (const id of lateIds) {
      const events = await db()
        .query('plugin::workflow.history-event')
        .findMany({ where: { orderId: id, action: 'warn' } });
      expect(events.map((e: any) => e.actionLabel).sort()).toEqual(['一级预警', '三级预警', '二级预警'].sort());
    }
    const warningRows = await db()
      .query('plugin::workflow.outbox-message')
      .count({ where: { orderId: { $in: lateIds }, template: { $startsWith: 'warning-level-' } } });
    expect(warningRows).toBe(lateIds.length * 3);
    expect(reports.raised + mine.raised).toBe(lateIds.length);
  }, 60_000);
});
