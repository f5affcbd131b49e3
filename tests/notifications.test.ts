import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, app, apply, call, enterpriseForm, step, upload, useWorld, w, waited } from './helpers/workflow';
import { fakeSms, fakeWechat, smsAnswer, type FakeServer } from './helpers/fake-services';

/**
 * The outbox: SMS through the real Alibaba Cloud SDK against a local fake, in-app messages, WeChat
 * subscribe messages against a local fake, retries with backoff, dead letters, SMS usage, and the
 * knowledge articles pushed when an order enters a step.
 */
useWorld();

let sms: FakeServer;
let wechat: FakeServer;
// In the recent past: rows the app writes itself (file uploads) carry the real time, and the engine's
// clock must not run ahead of them.
const T0 = new Date(Math.floor((Date.now() - 3_600_000) / 60_000) * 60_000);
const chinaMonth = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
const plugin = () => app.strapi.plugin('workflow');
const clock = () => plugin().service('clock');
const outbox = () => plugin().service('outbox');
const db = () => app.strapi.db;
const TEMPLATES = [
  'application-rejected',
  'application-returned',
  'plan-ready',
  'budget-ready',
  'payment-due',
  'construction-scheduled',
  'water-on',
  'order-completed',
  'pre-review-failed',
  'contract-ready',
  'contract-signed',
  'rating-invited',
];
const residentForm = {
  name: '张三',
  contactPhone: '13612345678',
  address: '巴中市回风路8号',
  waterAddress: '巴中市回风路8号3单元',
};

/** Runs the worker until nothing is due at the clock's time. */
const drain = async () => {
  for (let i = 0; i < 20; i++) {
    const r = await outbox().runOnce();
    if (r.sent + r.skipped + r.retried + r.dead === 0) return;
  }
};
const rowsOf = async (number: string, where: Record<string, unknown> = {}) => {
  const order = await db().query('api::order.order').findOne({ where: { number } });
  return db()
    .query('plugin::workflow.outbox-message')
    .findMany({ where: { orderId: order.id, ...where }, orderBy: { id: 'asc' } });
};
const smsFor = (number: string) =>
  sms.received.filter((r) => JSON.parse(r.query.TemplateParam ?? '{}').number === number);
const rejected = async (reason = '用水地址不在供水范围内') => {
  const n = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);
  await step(app, w.staff.clerk, n, 'reject', { reason });
  return n;
};

beforeAll(async () => {
  sms = await fakeSms();
  wechat = await fakeWechat();
  app.strapi.config.set('plugin::workflow.sms', {
    ...app.strapi.config.get('plugin::workflow.sms'),
    provider: 'aliyun',
    accessKeyId: 'test-key-id',
    accessKeySecret: 'test-key-secret',
    endpoint: `127.0.0.1:${sms.port}`,
    protocol: 'HTTP',
    signName: '巴中水务',
    templates: Object.fromEntries(TEMPLATES.map((t, i) => [t, `SMS_${1000 + i}`])),
  });
  app.strapi.config.set('plugin::workflow.outbox', {
    batchSize: 50,
    leaseSeconds: 60,
    maxAttempts: 3,
    backoffSeconds: 60,
  });
  app.strapi.config.set('wechat.apiBase', `http://127.0.0.1:${wechat.port}`);
  app.strapi.config.set('plugin::workflow.wechat.templates', {
    'application-rejected': { id: 'TPL_REJECTED', fields: { character_string1: 'number', thing2: 'reason' } },
  });
});
afterAll(async () => {
  clock().reset();
  await sms?.close();
  await wechat?.close();
});
beforeEach(() => {
  clock().set(T0);
  sms.answers.length = 0;
  wechat.answers.length = 0;
});

describe('SMS through Alibaba Cloud', () => {
  it('sends with the real SDK: number, sign name, template code and string parameters', async () => {
    const n = await rejected();
    await drain();
    const [request] = smsFor(n);
    expect(request.query).toMatchObject({
      PhoneNumbers: '13612345678',
      SignName: '巴中水务',
      TemplateCode: 'SMS_1000',
    });
    // Signed with the configured access key (Alibaba Cloud's V3 signature, in the Authorization header).
    expect(request.headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=test-key-id,/);
    expect(request.headers['x-acs-action']).toBe('SendSms');
    const params = JSON.parse(request.query.TemplateParam);
    expect(params).toEqual({ number: n, step: '审核不通过', reason: '用水地址不在供水范围内' });
    expect(Object.values(params).every((v) => typeof v === 'string')).toBe(true);
    const [row] = await rowsOf(n, { channel: 'sms' });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, recipient: '13612345678', sentMonth: chinaMonth(T0) });
    expect(row.providerId).toMatch(/^biz-/);
  });

  it('a business limit is retried later, with backoff, and then sent', async () => {
    const n = await rejected();
    sms.answers.push(smsAnswer('isv.BUSINESS_LIMIT_CONTROL', '触发分钟级流控'));
    await drain();
    let [row] = await rowsOf(n, { channel: 'sms' });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toContain('isv.BUSINESS_LIMIT_CONTROL');
    expect(new Date(row.nextAttemptAt).getTime() - T0.getTime()).toBe(60_000);

    clock().set(new Date(T0.getTime() + 59_000));
    await drain();
    expect(smsFor(n)).toHaveLength(1);
    clock().set(new Date(T0.getTime() + 60_000));
    await drain();
    [row] = await rowsOf(n, { channel: 'sms' });
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smsFor(n)).toHaveLength(2);
  });

  it('a failing service is retried with exponential backoff, then dead-lettered; an administrator retries it', async () => {
    const n = await rejected();
    const failing = { status: 503, body: { Code: 'ServiceUnavailable', Message: 'busy' } };
    sms.answers.push(failing, failing, failing);
    await drain();
    let [row] = await rowsOf(n, { channel: 'sms' });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    const first = new Date(row.nextAttemptAt).getTime();
    expect(first - T0.getTime()).toBe(60_000);
    clock().set(new Date(first));
    await drain();
    [row] = await rowsOf(n, { channel: 'sms' });
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(new Date(row.nextAttemptAt).getTime() - first).toBe(120_000);
    clock().set(new Date(row.nextAttemptAt));
    await drain();
    [row] = await rowsOf(n, { channel: 'sms' });
    expect(row).toMatchObject({ status: 'dead', attempts: 3 });

    const dead = await call(app, w.admin, 'get', '/notifications/dead');
    expect(dead.status).toBe(200);
    const letter = dead.body.data.find((d: any) => d.id === row.id);
    expect(letter).toMatchObject({
      number: n,
      channel: 'sms',
      template: 'application-rejected',
      recipient: '136****5678',
      attempts: 3,
    });
    // Another company's administrator does not see it and cannot retry it; frontline staff may not at all.
    const other = await call(app, w.staff['power-admin'], 'get', '/notifications/dead');
    expect(other.body.data.map((d: any) => d.id)).not.toContain(row.id);
    expect((await call(app, w.staff['power-admin'], 'post', `/notifications/${row.id}/retry`)).status).toBe(404);
    expect((await call(app, w.staff.clerk, 'post', `/notifications/${row.id}/retry`)).status).toBe(403);
    expect((await call(app, w.admin, 'post', '/notifications/abc/retry')).status).toBe(404);

    const retried = await call(app, w.staff.deptadmin, 'post', `/notifications/${row.id}/retry`);
    expect(retried.status).toBe(200);
    await drain();
    [row] = await rowsOf(n, { channel: 'sms' });
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a wrong mobile number is dead-lettered at once', async () => {
    const n = await rejected();
    sms.answers.push(smsAnswer('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号'));
    await drain();
    const [row] = await rowsOf(n, { channel: 'sms' });
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row.lastError).toContain('isv.MOBILE_NUMBER_ILLEGAL');
  });

  it('a row leased by a worker that died is sent once its lease runs out, never lost', async () => {
    const n = await rejected();
    const [row] = await rowsOf(n, { channel: 'sms' });
    await db()
      .query('plugin::workflow.outbox-message')
      .update({
        where: { id: row.id },
        data: { status: 'sending', leaseOwner: 'crashed-instance', leaseUntil: new Date(T0.getTime() + 60_000) },
      });
    await drain();
    expect(smsFor(n)).toHaveLength(0);
    clock().set(new Date(T0.getTime() + 61_000));
    await drain();
    expect(smsFor(n)).toHaveLength(1);
    expect((await rowsOf(n, { channel: 'sms' }))[0]).toMatchObject({ status: 'sent', leaseOwner: null });
  });
});

describe('in-app messages', () => {
  it('the applicant reads theirs, with the reason, and the unread count follows', async () => {
    const n = await rejected('水表井位置无法施工');
    await drain();
    const me = w.applicants.zhangsan;
    const list = await call(app, me, 'get', '/messages');
    expect(list.status).toBe(200);
    const message = list.body.data.find((m: any) => m.number === n);
    expect(message).toMatchObject({
      kind: 'application-rejected',
      title: `报装申请${n}未通过审核`,
      body: '原因：水表井位置无法施工',
      read: false,
    });
    const unread = list.body.meta.unread;
    expect(unread).toBeGreaterThan(0);
    const read = await call(app, me, 'post', `/messages/${message.id}/read`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.data.unread).toBe(unread - 1);
    // Someone else's message is not there for them.
    expect((await call(app, w.applicants.zhujiang, 'post', `/messages/${message.id}/read`)).status).toBe(404);
    expect((await call(app, me, 'post', '/messages/0/read')).status).toBe(404);
    expect((await call(app, w.applicants.zhujiang, 'get', '/messages')).body.data.map((m: any) => m.id)).not.toContain(
      message.id,
    );
    await call(app, me, 'post', '/messages/read-all');
    expect((await call(app, me, 'get', '/messages')).body.meta.unread).toBe(0);
  });

  it('an urge waits for half the step\u2019s time, then reaches whoever may take the step; the inbox marks it', async () => {
    const n = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);
    const early = await call(app, w.applicants.zhangsan, 'post', `/orders/${n}/urge`);
    expect(early.status).toBe(422);
    expect(early.body.error.message).toBe('本环节办理时限为24小时，受理满12小时后仍未办结方可催办');
    expect(await rowsOf(n, { template: 'order-urged' })).toHaveLength(0);

    await waited(app, n, 13);
    expect((await call(app, w.applicants.zhangsan, 'post', `/orders/${n}/urge`)).status).toBe(200);
    await drain();
    // Nobody holds the review: it reaches the window clerks who may take it, not the administrator.
    const clerkMessages = (await call(app, w.staff.clerk, 'get', '/messages')).body.data;
    expect(clerkMessages.find((m: any) => m.number === n)).toMatchObject({
      kind: 'order-urged',
      title: `工单${n}被申请人催办`,
      body: '当前环节：申请审核',
    });
    expect((await call(app, w.staff.deptadmin, 'get', '/messages')).body.data.map((m: any) => m.number)).not.toContain(
      n,
    );
    // No SMS unless the settings say so.
    expect(await rowsOf(n, { template: 'order-urged', channel: 'sms' })).toHaveLength(0);

    const urged = (await call(app, w.staff.clerk, 'get', '/orders?urged=true&pageSize=100')).body.data;
    expect(urged.find((o: any) => o.number === n)?.urged).toMatchObject({ count: 1, lastAt: expect.any(String) });
    expect(urged.every((o: any) => o.urged?.count > 0)).toBe(true);
    // A new step starts unurged.
    await step(app, w.staff.clerk, n, 'approve');
    const after = (await call(app, w.staff.clerk, 'get', '/orders?urged=true&pageSize=100')).body.data;
    expect(after.map((o: any) => o.number)).not.toContain(n);
  });

  it('an urge of an assigned order reaches its holder, by SMS too when the settings say so', async () => {
    const settings = (await call(app, w.admin, 'get', '/settings')).body.data;
    expect((await call(app, w.admin, 'put', '/settings').send({ ...settings, staffSms: { urge: true } })).status).toBe(
      200,
    );
    try {
      const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '催办单位' }));
      await step(app, w.staff.clerk, n, 'approve');
      await step(app, w.staff.techhead, n, 'approve');
      await waited(app, n, 40);
      expect((await call(app, w.applicants.zhujiang, 'post', `/orders/${n}/urge`)).status).toBe(200);
      const rows = await rowsOf(n, { template: 'order-urged' });
      expect(rows.map((r: any) => [r.audience, r.channel, r.recipient])).toEqual([
        ['handlers', 'message', null],
        ['handlers', 'sms', '13800000003'],
      ]);
      await drain();
      const surveyor = (await call(app, w.staff.surveyor, 'get', '/messages')).body.data;
      expect(surveyor.find((m: any) => m.number === n)).toMatchObject({ kind: 'order-urged' });
      expect((await call(app, w.staff.clerk, 'get', '/messages')).body.data.map((m: any) => m.number)).not.toContain(n);
    } finally {
      await call(app, w.admin, 'put', '/settings').send(settings);
    }
  });

  it('the settings open urging at once and send warnings by SMS to the holder and the department administrator', async () => {
    const settings = (await call(app, w.admin, 'get', '/settings')).body.data;
    const bad = await call(app, w.admin, 'put', '/settings').send({ ...settings, urgeAfterPercent: 150 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((e: any) => e.path[0])).toEqual(['urgeAfterPercent']);
    const set = { ...settings, urgeAfterPercent: 0, staffSms: { warning: true } };
    expect((await call(app, w.admin, 'put', '/settings').send(set)).status).toBe(200);
    try {
      const n = await apply(
        app,
        w.applicants.zhujiang,
        'water-enterprise',
        enterpriseForm({ unitName: '预警短信单位' }),
      );
      expect((await call(app, w.applicants.zhujiang, 'post', `/orders/${n}/urge`)).status).toBe(200);
      await step(app, w.staff.clerk, n, 'approve');
      await step(app, w.staff.techhead, n, 'approve');
      const order = await db()
        .query('api::order.order')
        .findOne({ where: { number: n } });
      const reason = { elapsed: '58小时', threshold: '72小时', percent: 80 };
      expect(await plugin().service('escalation').raise(order.id, 1, reason)).toBe(true);
      const sms = await rowsOf(n, { template: 'warning-level-1', channel: 'sms' });
      expect(sms.map((r: any) => [r.audience, r.recipient])).toEqual([
        ['handlers', '13800000003'],
        ['managers', '13800000010'],
      ]);
    } finally {
      await call(app, w.admin, 'put', '/settings').send(settings);
    }
  });

  it('a leader supervises (督办) an order: a note to its holder and the department administrator, in history', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '督办单位' }));
    await step(app, w.staff.clerk, n, 'approve');
    await step(app, w.staff.techhead, n, 'approve');
    const supervise = (who: any, note: unknown) => call(app, who, 'post', `/orders/${n}/supervise`).send({ note });
    expect((await supervise(w.staff.clerk, '请尽快')).status).toBe(403);
    const empty = await supervise(w.staff.leader, ' ');
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.errors[0]).toMatchObject({
      path: ['note'],
      message: '请填写督办意见（500字以内）',
    });
    expect((await supervise(w.staff.leader, '请今天完成现场勘察')).status).toBe(200);
    await drain();
    for (const who of [w.staff.surveyor, w.staff.deptadmin]) {
      const list = (await call(app, who, 'get', '/messages')).body.data;
      expect(list.find((m: any) => m.number === n)).toMatchObject({
        kind: 'order-supervised',
        title: `工单${n}被周领导督办`,
        body: '当前环节：现场勘察。督办意见：请今天完成现场勘察',
      });
    }
    const order = await db()
      .query('api::order.order')
      .findOne({ where: { number: n } });
    const event = await db()
      .query('plugin::workflow.history-event')
      .findOne({ where: { orderId: order.id, action: 'supervise' } });
    expect(event).toMatchObject({ actionLabel: '督办', actorName: '周领导', comment: '请今天完成现场勘察' });
    expect(order.currentStep).toBe('survey');
    expect((await call(app, w.admin, 'get', `/orders/${n}/verify`)).body.data.valid).toBe(true);
  });
});

describe('WeChat subscribe messages', () => {
  it('go to mini-program users with the template\u2019s fields; the token is cached; 43101 is not retried', async () => {
    const user = await db()
      .query('plugin::users-permissions.user')
      .findOne({ where: { username: 'zhangsan' } });
    await db()
      .query('plugin::users-permissions.user')
      .update({ where: { id: user.id }, data: { wechatOpenid: 'o-zhangsan-openid' } });
    const first = await rejected('地址不在供水管网覆盖范围');
    await drain();
    const sends = wechat.received.filter((r) => r.path === '/cgi-bin/message/subscribe/send');
    expect(sends).toHaveLength(1);
    expect(sends[0].query.access_token).toBe('token-1');
    expect(JSON.parse(sends[0].body)).toEqual({
      touser: 'o-zhangsan-openid',
      template_id: 'TPL_REJECTED',
      page: `pages/orders/detail?number=${first}`,
      data: { character_string1: { value: first }, thing2: { value: '地址不在供水管网覆盖范围' } },
    });
    expect((await rowsOf(first, { channel: 'wechat' }))[0]).toMatchObject({
      status: 'sent',
      recipient: 'o-zhangsan-openid',
    });

    wechat.answers.push({ body: { errcode: 43101, errmsg: 'user refuse to accept the msg' } });
    const second = await rejected();
    await drain();
    expect((await rowsOf(second, { channel: 'wechat' }))[0]).toMatchObject({ status: 'skipped', attempts: 1 });
    expect(wechat.received.filter((r) => r.path === '/cgi-bin/token')).toHaveLength(1);
    await db()
      .query('plugin::users-permissions.user')
      .update({ where: { id: user.id }, data: { wechatOpenid: null } });
  });
});

describe('SMS usage against the package', () => {
  it('crossing 20,000 messages costs 0.05 CNY each beyond, by month and in total', async () => {
    const before = (await call(app, w.admin, 'get', '/notifications/sms-usage')).body.data;
    expect(before).toMatchObject({ included: 20000, price: 0.05, overage: 0, cost: 0 });
    const month = chinaMonth(T0);
    const earlier = 20000 - before.used - 5;
    const rows = (count: number, month: string) =>
      Array.from({ length: count }, () => ({
        orderId: 1,
        audience: 'applicant',
        channel: 'sms',
        template: 'bulk',
        status: 'sent',
        attempts: 1,
        sentMonth: month,
      }));
    const table = (db().metadata.get('plugin::workflow.outbox-message') as any).tableName;
    const column = (name: string) =>
      (db().metadata.get('plugin::workflow.outbox-message') as any).attributes[name].columnName ?? name;
    const insert = async (list: any[]) => {
      const mapped = list.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [column(k), v])));
      for (let i = 0; i < mapped.length; i += 500)
        await db()
          .connection(table)
          .insert(mapped.slice(i, i + 500));
    };
    await insert(rows(earlier, '2025-01'));
    await insert(rows(15, month));

    const usage = await call(app, w.admin, 'get', '/notifications/sms-usage');
    expect(usage.status).toBe(200);
    expect(usage.body.data).toMatchObject({ used: 20010, left: 0, overage: 10, cost: 0.5 });
    const months = Object.fromEntries(usage.body.data.months.map((m: any) => [m.month, m]));
    expect(months['2025-01']).toEqual({ month: '2025-01', sent: earlier, overage: 0, cost: 0 });
    expect(months[month]).toEqual({ month, sent: before.used + 15, overage: 10, cost: 0.5 });
    expect((await call(app, w.staff.clerk, 'get', '/notifications/sms-usage')).status).toBe(403);
  });
});

describe('knowledge articles', () => {
  it('are pushed when the order enters their step, and only then; the applicant lists those of the order', async () => {
    const article = (data: Record<string, unknown>) =>
      db()
        .query('api::knowledge-article.knowledge-article')
        .create({ data: { active: true, audience: 'both', ...data } });
    await article({
      title: '居民用水缴费须知',
      body: '可在营业厅或线上缴费。',
      processKey: 'water-resident',
      step: 'payment',
    });
    await article({ title: '能效改造施工须知', processKey: 'energy-service', step: 'payment' });
    await article({ title: '现场勘察前的准备', processKey: 'water-resident', step: 'survey', audience: 'staff' });

    const n = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);
    await step(app, w.staff.clerk, n, 'approve');
    let knowledge = await rowsOf(n, { template: 'knowledge' });
    // Entering the survey: the staff-only article goes to the surveyor's side, nothing to the applicant.
    expect(knowledge.map((r: any) => r.audience)).toEqual(['assignee']);
    expect(knowledge[0].payload.articles.map((a: any) => a.title)).toEqual(['现场勘察前的准备']);

    await upload(app, w.staff.surveyor, n, 'site-photo');
    await upload(app, w.staff.surveyor, n, 'plan-sketch');
    await step(app, w.staff.surveyor, n, 'complete');
    knowledge = await rowsOf(n, { template: 'knowledge', payload: { $notNull: true } });
    const payment = knowledge.filter((r: any) => r.payload.step === 'payment');
    expect(payment.map((r: any) => r.audience).sort()).toEqual(['applicant', 'assignee']);
    expect(payment[0].payload.articles.map((a: any) => a.title)).toEqual(['居民用水缴费须知']);

    await drain();
    const messages = (await call(app, w.applicants.zhangsan, 'get', '/messages')).body.data.filter(
      (m: any) => m.number === n && m.kind === 'knowledge',
    );
    expect(messages.map((m: any) => m.title)).toEqual(['“缴费”办理须知']);
    expect(messages[0].body).toBe('《居民用水缴费须知》');

    const list = await call(app, w.applicants.zhangsan, 'get', `/orders/${n}/articles`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((a: any) => [a.title, a.current])).toEqual([['居民用水缴费须知', true]]);
    expect((await call(app, w.applicants.zhujiang, 'get', `/orders/${n}/articles`)).status).toBe(404);
    expect((await act(app, w.staff.finance, n, 'record-paid', { amount: 800, receiptNo: 'R-1' })).status).toBe(200);
  });
});
