import { describe, expect, it } from 'vitest';
import { act, apply, call, app, w, useWorld, enterpriseForm, step, upload, view, waited } from './helpers/workflow';
import { errorPaths } from './helpers/applicants';
import path from 'node:path';

useWorld();

const db = () => app.strapi.db;
const orderRow = (number: string) => db().query('api::order.order').findOne({ where: { number } });
const events = async (number: string) =>
  db()
    .query('plugin::workflow.history-event')
    .findMany({ where: { orderId: (await orderRow(number)).id }, orderBy: { seq: 'asc' } });
const newOrder = (form = {}) => apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm(form));

/** Runs `work` counting the plans the engine's one executor (orderWrites.carryOut) carried out. */
const countingWrites = async (work: (used: () => number) => Promise<void>) => {
  const writes = app.strapi.plugin('workflow').service('orderWrites');
  const original = writes.carryOut;
  let used = 0;
  writes.carryOut = async (...args: any[]) => {
    used += 1;
    return original.apply(writes, args);
  };
  try {
    await work(() => used);
  } finally {
    writes.carryOut = original;
  }
};

/** The first scheme's hash of an event: its order named by row id (how chains were written before scheme 2). */
const schemeOneHash = (e: any) => {
  const { canonicalJson, sha256 } = require(
    path.resolve(__dirname, '../dist/src/plugins/workflow/server/src/engine/canonical.js'),
  );
  const at = Math.floor(new Date(e.at).getTime() / 1000);
  const recorded = [
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
    'prevHash',
  ];
  return sha256(
    canonicalJson({
      orderId: Number(e.orderId),
      seq: Number(e.seq),
      at,
      ...Object.fromEntries(recorded.map((k) => [k, e[k] ?? null])),
    }),
  );
};

describe('one transition at a time', () => {
  it('20 identical actions in parallel: exactly one 200, the others 409, one history event', async () => {
    const n = await newOrder();
    const before = (await events(n)).length;
    // The super administrator keeps seeing the order after it moves, so the losers learn of the conflict.
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => act(app, w.admin, n, 'approve', { notes: '同意' }, 1)),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect((await events(n)).length).toBe(before + 1);
    expect(await orderRow(n)).toMatchObject({ currentStep: 'dispatch', lockVersion: 2 });
  });

  it('a stale version answers 409 and writes nothing', async () => {
    const n = await newOrder();
    await step(app, w.staff.clerk, n, 'approve');
    const stale = await act(app, w.staff.techhead, n, 'approve', {}, 1);
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.currentVersion).toBe(2);
    expect(await orderRow(n)).toMatchObject({ currentStep: 'dispatch', lockVersion: 2 });
    const missing = await call(app, w.staff.techhead, 'post', `/orders/${n}/actions/approve`).send({ form: {} });
    expect(missing.status).toBe(400);
    expect(errorPaths(missing.body)).toEqual(['version']);
  });

  it('a warning written between the checks and the write: the transition starts again on the new chain head', async () => {
    const n = await newOrder();
    const rows = app.strapi.plugin('workflow').service('orderRows');
    const load = rows.load;
    let warned = false;
    // The first read of the order is followed, before the transition writes, by a warning (which moves
    // the history but not the version), as when the warning scan runs at that moment.
    rows.load = async (where: any, options?: any) => {
      const order = await load(where, options);
      if (!warned && where.number === n) {
        warned = true;
        expect(
          await app.strapi
            .plugin('workflow')
            .service('escalation')
            .raise(order.id, 1, { exception: true, reason: '测试预警' }),
        ).toBe(true);
      }
      return order;
    };
    let res;
    try {
      res = await act(app, w.staff.clerk, n, 'approve', {}, 1);
    } finally {
      rows.load = load;
    }
    expect(warned).toBe(true);
    expect(res.status).toBe(200);
    expect(res.body.data.version).toBe(2);
    const chain = await events(n);
    expect(chain.map((e: any) => [e.seq, e.action])).toEqual([
      [1, 'submit'],
      [2, 'warn'],
      [3, 'approve'],
    ]);
    expect(chain[2].prevHash).toBe(chain[1].hash);
    expect((await call(app, w.admin, 'get', `/orders/${n}/verify`)).body.data.valid).toBe(true);
    expect(await orderRow(n)).toMatchObject({
      currentStep: 'dispatch',
      lockVersion: 2,
      historySeq: 3,
      historyHead: chain[2].hash,
    });
  });

  it('a failure writing the event leaves the order, its history and its notifications as they were', async () => {
    const n = await newOrder();
    await step(app, w.staff.clerk, n, 'approve');
    const order = await orderRow(n);
    const outbox = async () =>
      Number(
        (await db().connection('workflow_outbox_messages').where('order_id', order.id).count({ c: '*' }).first())!.c,
      );
    const messagesBefore = await outbox();
    // A row behind the engine's back already holds the chain's next link: the event insert fails after
    // the order's update has matched (in one trip on MySQL, in a knex transaction on SQLite).
    const { id: _id, ...first } = await db()
      .connection('workflow_history_events')
      .where('order_id', order.id)
      .where('seq', 1)
      .first();
    await db()
      .connection('workflow_history_events')
      .insert({ ...first, seq: 3, document_id: `${first.document_id}x` });
    const returnIt = () => act(app, w.staff.techhead, n, 'reject', { reason: '资料不全' });
    expect((await returnIt()).status).toBe(500);
    // A later transition of another order, on whichever connection is free, commits nothing of the failed one.
    await step(app, w.staff.clerk, await newOrder(), 'approve');
    expect(await orderRow(n)).toMatchObject({
      currentStep: 'dispatch',
      lockVersion: 2,
      historySeq: 2,
      historyHead: order.historyHead,
    });
    expect((await events(n)).map((e: any) => e.action)).toEqual(['submit', 'approve', 'submit']);
    expect(await outbox()).toBe(messagesBefore);

    await db().connection('workflow_history_events').where({ order_id: order.id, seq: 3 }).delete();
    expect((await returnIt()).status).toBe(200);
    const chain = await events(n);
    expect(chain.map((e: any) => e.action)).toEqual(['submit', 'approve', 'reject']);
    // The notifications refer to the event written with them.
    const messages = await db()
      .connection('workflow_outbox_messages')
      .where('order_id', order.id)
      .where('template', 'application-returned')
      .select('history_event_id');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m: any) => Number(m.history_event_id) === chain[2].id)).toBe(true);
    expect(await outbox()).toBe(messagesBefore + messages.length);
    expect((await call(app, w.admin, 'get', `/orders/${n}/verify`)).body.data.valid).toBe(true);
  });

  it('writes every transition through the one executor, in one transaction, on every database', async () => {
    await countingWrites(async (used) => {
      const returned = await newOrder();
      await step(app, w.staff.clerk, returned, 'approve');
      await step(app, w.staff.techhead, returned, 'reject', { reason: '请补充资料' });
      expect(used()).toBe(3);
      expect(await orderRow(returned)).toMatchObject({ currentStep: 'returned', lockVersion: 3, historySeq: 3 });
      // Dispatch assigns a surveyor: the relation is written by the same executor.
      const assigned = await newOrder();
      await step(app, w.staff.clerk, assigned, 'approve');
      await step(app, w.staff.techhead, assigned, 'approve');
      expect(used()).toBe(6);
      const row = await db()
        .query('api::order.order')
        .findOne({ where: { number: assigned }, populate: { assignee: { select: ['id'] } } });
      expect(row).toMatchObject({ currentStep: 'survey', lockVersion: 3, historySeq: 3 });
      expect(row.assigneeRef).toBe(row.assignee.id);
    });
  });

  it('a failing effect leaves nothing half-written', async () => {
    const n = await newOrder();
    await step(app, w.staff.clerk, n, 'approve');
    const before = { row: await orderRow(n), events: (await events(n)).length };
    const bad = await act(app, w.staff.techhead, n, 'approve', { surveyorId: 424242 });
    expect(bad.status).toBe(400);
    const after = await orderRow(n);
    expect(after).toMatchObject({ currentStep: before.row.currentStep, lockVersion: before.row.lockVersion });
    expect((await events(n)).length).toBe(before.events);
  });
});

describe('a submission', () => {
  const ARTICLE = 'api::knowledge-article.knowledge-article';
  const OUTBOX = 'plugin::workflow.outbox-message';
  const today = async () => db().connection('order_number_sequences').orderBy('day', 'desc').first();
  /** An article tagged with the first step: entering it makes notifications, which print the number. */
  const withArticle = async (work: () => Promise<void>) => {
    const article = await db()
      .query(ARTICLE)
      .create({
        data: { active: true, audience: 'both', title: '受理须知', processKey: 'water-enterprise', step: 'review' },
      });
    try {
      await work();
    } finally {
      await db()
        .query(ARTICLE)
        .delete({ where: { id: article.id } });
    }
  };

  it('writes the order, its links, its first event, its number and its notifications through the one executor', async () => {
    await countingWrites(async (used) => {
      await withArticle(async () => {
        const numbers = [await newOrder({ unitName: '一次写入甲' }), await newOrder({ unitName: '一次写入乙' })];
        expect(used()).toBe(2);
        // The day's numbers, one after the other.
        expect(numbers.map((n) => n.slice(0, 10))).toEqual([numbers[0].slice(0, 10), numbers[0].slice(0, 10)]);
        expect(Number(numbers[1].slice(10))).toBe(Number(numbers[0].slice(10)) + 1);
        for (const n of numbers) {
          const row = await db()
            .query('api::order.order')
            .findOne({
              where: { number: n },
              populate: { applicant: { select: ['id'] }, organization: { select: ['id', 'code'] } },
            });
          expect(row).toMatchObject({
            currentStep: 'review',
            lockVersion: 1,
            historySeq: 1,
            applicantRef: row.applicant.id,
            organizationRef: row.organization.id,
          });
          const [event] = await events(n);
          // Hashed in TypeScript under scheme 2, which names the order by its document id.
          expect(event).toMatchObject({
            seq: 1,
            action: 'submit',
            prevHash: null,
            hash: row.historyHead,
            organizationRef: row.organization.id,
            hashScheme: 2,
          });
          expect((await call(app, w.admin, 'get', `/orders/${n}/verify`)).body.data).toMatchObject({
            valid: true,
            events: 1,
          });
          const notes = await db()
            .query(OUTBOX)
            .findMany({ where: { orderId: row.id, template: 'knowledge' }, orderBy: { id: 'asc' } });
          expect(notes.map((m: any) => [m.audience, m.recipient])).toEqual([
            ['applicant', String(row.applicant.id)],
            ['assignee', null],
          ]);
          for (const note of notes)
            expect(note).toMatchObject({
              historyEventId: event.id,
              payload: { number: n, step: 'review', articles: [{ title: '受理须知' }] },
            });
        }
      });
    });
  });

  it('failing at its last write leaves no order, no event, no notification and no number taken', async () => {
    const before = await newOrder();
    const counted = async () => ({
      orders: await db().query('api::order.order').count({}),
      events: await db().query('plugin::workflow.history-event').count({}),
      messages: await db().query(OUTBOX).count({}),
      day: await today(),
    });
    const was = await counted();
    // The notifications go last (after the number): their table gone, the submission fails there.
    const messages = app.strapi.plugin('workflow').service('tables').table(OUTBOX);
    const table = messages.name;
    await withArticle(async () => {
      messages.name = 'no_such_table';
      try {
        expect(
          (
            await call(app, w.applicants.zhujiang, 'post', '/orders').send({
              processKey: 'water-enterprise',
              formData: enterpriseForm({ unitName: '写一半' }),
            })
          ).status,
        ).toBe(500);
      } finally {
        messages.name = table;
      }
    });
    expect(await counted()).toEqual(was);
    expect(
      await db()
        .query('api::order.order')
        .count({ where: { title: '写一半' } }),
    ).toBe(0);
    const after = await newOrder();
    expect(Number(after.slice(10))).toBe(Number(before.slice(10)) + 1);
  });
});

describe('nothing but the engine moves an order', () => {
  const CM = '/content-manager/collection-types/api::order.order';

  it('the content manager may not change the step, the version or create orders', async () => {
    const n = await newOrder();
    const row = await orderRow(n);
    const put = await app
      .http()
      .put(`${CM}/${row.documentId}`)
      .set('Authorization', `Bearer ${w.admin.token}`)
      .send({ currentStep: 'completed', lockVersion: 99 });
    expect(put.status).toBe(403);
    expect(await orderRow(n)).toMatchObject({ currentStep: 'review', lockVersion: 1 });
    const post = await app
      .http()
      .post(CM)
      .set('Authorization', `Bearer ${w.admin.token}`)
      .send({ number: 'BZ1', processKey: 'water-enterprise', currentStep: 'completed' });
    expect(post.status).toBe(403);
    const del = await app.http().delete(`${CM}/${row.documentId}`).set('Authorization', `Bearer ${w.admin.token}`);
    expect(del.status).toBe(403);
    expect(await orderRow(n)).toBeTruthy();
  });

  it('history events cannot be written through the document service', async () => {
    await expect(
      app.strapi
        .documents('plugin::workflow.history-event')
        .create({ data: { orderId: 1, seq: 99, at: new Date(), actorKind: 'system', action: 'forge', hash: 'x' } }),
    ).rejects.toThrow();
  });
});

describe('the tamper-evident history', () => {
  it('verifies an intact chain', async () => {
    const n = await newOrder();
    await step(app, w.staff.clerk, n, 'approve', { notes: '资料齐全' });
    await step(app, w.staff.techhead, n, 'approve');
    const res = await call(app, w.admin, 'get', `/orders/${n}/verify`);
    expect(res.body.data).toMatchObject({ valid: true, events: 3 });
  });

  it('detects a comment edited in SQL', async () => {
    const n = await newOrder();
    await step(app, w.staff.clerk, n, 'approve', { notes: '资料齐全' });
    await step(app, w.staff.techhead, n, 'approve');
    const [, second] = await events(n);
    await db().connection('workflow_history_events').where({ id: second.id }).update({ comment: '资料不全' });
    const res = await call(app, w.admin, 'get', `/orders/${n}/verify`);
    expect(res.body.data).toMatchObject({ valid: false, brokenAt: 2 });
    expect(res.body.data.reason).toContain('内容被修改');
  });

  it('verifies chains written with the first hash scheme, and detects an edit in them', async () => {
    const n = await newOrder();
    await step(app, w.staff.clerk, n, 'approve', { notes: '资料齐全' });
    await step(app, w.staff.techhead, n, 'approve');
    // Rewritten as chains were before scheme 2: no scheme on the row, the order named by its id.
    let prevHash: string | null = null;
    for (const e of await events(n)) {
      const hash = schemeOneHash({ ...e, prevHash });
      await db()
        .connection('workflow_history_events')
        .where({ id: e.id })
        .update({ hash_scheme: null, prev_hash: prevHash, hash });
      prevHash = hash;
    }
    await db().connection('orders').where({ number: n }).update({ history_head: prevHash });
    expect((await call(app, w.admin, 'get', `/orders/${n}/verify`)).body.data).toMatchObject({
      valid: true,
      events: 3,
    });
    // The next event (an urge, half of the survey's 72 hours on) continues the old chain under scheme 2,
    // and the whole chain verifies.
    await waited(app, n, 37);
    expect((await call(app, w.applicants.zhujiang, 'post', `/orders/${n}/urge`)).status).toBe(200);
    const chain = await events(n);
    expect(chain.map((e: any) => e.hashScheme ?? null)).toEqual([null, null, null, 2]);
    expect((await call(app, w.admin, 'get', `/orders/${n}/verify`)).body.data).toMatchObject({
      valid: true,
      events: 4,
    });
    const second = chain[1];
    await db().connection('workflow_history_events').where({ id: second.id }).update({ comment: '改过' });
    expect((await call(app, w.admin, 'get', `/orders/${n}/verify`)).body.data).toMatchObject({
      valid: false,
      brokenAt: 2,
    });
  });

  it('detects a deleted event', async () => {
    const n = await newOrder();
    await step(app, w.staff.clerk, n, 'approve');
    await step(app, w.staff.techhead, n, 'approve');
    const [, second] = await events(n);
    await db().connection('workflow_history_events').where({ id: second.id }).delete();
    const res = await call(app, w.admin, 'get', `/orders/${n}/verify`);
    expect(res.body.data).toMatchObject({ valid: false, brokenAt: 2 });
  });

  it('detects events cut off the end of the chain', async () => {
    const n = await newOrder();
    await step(app, w.staff.clerk, n, 'approve');
    await step(app, w.staff.techhead, n, 'approve');
    const all = await events(n);
    await db()
      .connection('workflow_history_events')
      .where({ id: all.at(-1).id })
      .delete();
    const res = await call(app, w.admin, 'get', `/orders/${n}/verify`);
    expect(res.body.data).toMatchObject({ valid: false, brokenAt: 3 });
  });

  it('is not the applicant\u2019s to verify for someone else\u2019s order', async () => {
    const n = await newOrder();
    const other = await call(app, w.applicants.zhangsan, 'get', `/orders/${n}`);
    expect(other.status).toBe(404);
    expect((await act(app, w.applicants.zhangsan, n, 'withdraw')).status).toBe(404);
    const upload = await call(app, w.applicants.zhangsan, 'post', `/orders/${n}/files`)
      .field('kind', 'other')
      .attach('file', Buffer.from('x'), 'x.txt');
    expect(upload.status).toBe(404);
  });
});

describe('elapsed time', () => {
  it('shows N小时 below a day, X天Y小时 above, and overdue past the threshold, in lists and views', async () => {
    const n = await newOrder({ unitName: '历时测试单位' });
    const row = await orderRow(n);
    await db()
      .query('api::order.order')
      .update({ where: { id: row.id }, data: { stepEnteredAt: new Date(Date.now() - 5.5 * 3_600_000) } });
    let list = await call(app, w.staff.deptadmin, 'get', `/orders?q=${encodeURIComponent('历时测试')}`);
    expect(list.body.data[0].elapsed).toMatchObject({ text: '5小时', thresholdHours: 24, overdue: false });
    await db()
      .query('api::order.order')
      .update({ where: { id: row.id }, data: { stepEnteredAt: new Date(Date.now() - (34 * 24 + 21.2) * 3_600_000) } });
    list = await call(app, w.staff.deptadmin, 'get', `/orders?q=${encodeURIComponent('历时测试')}`);
    expect(list.body.data[0].elapsed).toMatchObject({ text: '34天21小时', overdue: true });
    const o = await view(app, w.applicants.zhujiang, n);
    expect(o.elapsed.text).toBe('34天21小时');
    expect(o.history[0].elapsed).toMatchObject({ overdue: false });
  });
});

describe('the staff inbox', () => {
  it('filters by process, step, overdue and text, sorts by elapsed, and pages', async () => {
    const a = await newOrder({ unitName: '收件箱甲', contactPhone: '13500000001' });
    const b = await newOrder({ unitName: '收件箱乙' });
    await step(app, w.staff.clerk, b, 'approve');
    const rowA = await orderRow(a);
    await db()
      .query('api::order.order')
      .update({ where: { id: rowA.id }, data: { stepEnteredAt: new Date(Date.now() - 48 * 3_600_000) } });
    const get = (q: string) => call(app, w.staff.deptadmin, 'get', `/orders?${q}`).then((r) => r.body);

    expect((await get('q=13500000001')).data.map((o: any) => o.number)).toEqual([a]);
    expect((await get(`q=${b}`)).data.map((o: any) => o.number)).toEqual([b]);
    const dispatchStep = await get('process=water-enterprise&step=dispatch&pageSize=100');
    expect(dispatchStep.data.map((o: any) => o.number)).toContain(b);
    expect(dispatchStep.data.every((o: any) => o.currentStep === 'dispatch')).toBe(true);
    const overdue = await get('overdue=true&pageSize=100');
    expect(overdue.data.map((o: any) => o.number)).toContain(a);
    expect(overdue.data.every((o: any) => o.elapsed.overdue)).toBe(true);
    const byElapsed = await get('sort=elapsed&pageSize=100');
    const hours = byElapsed.data.map((o: any) => o.elapsed.hours);
    expect(hours).toEqual([...hours].sort((x: number, y: number) => y - x));
    const page = await get('pageSize=2&page=2');
    expect(page.data).toHaveLength(2);
    expect(page.meta.pagination).toMatchObject({ page: 2, pageSize: 2 });
    const channel = await get('channel=window');
    expect(channel.data.every((o: any) => o.channel === 'window')).toBe(true);
  });

  it('keeps orders of another organization out of view: 404, never 403', async () => {
    const n = await newOrder();
    const power = w.staff['power-admin'];
    expect((await call(app, power, 'get', `/orders/${n}`)).status).toBe(404);
    const inbox = await call(app, power, 'get', '/orders?pageSize=100');
    expect(inbox.body.data.map((o: any) => o.number)).not.toContain(n);
  });
});

describe('applicant extras', () => {
  it('an Idempotency-Key makes a repeated submission return the same order: 201, then 200', async () => {
    const send = () =>
      call(app, w.applicants.zhujiang, 'post', '/orders')
        .set('Idempotency-Key', 'key-123')
        .send({ processKey: 'water-enterprise', formData: enterpriseForm() });
    const first = await send();
    const second = await send();
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.data.number).toBe(first.body.data.number);
  });

  it('withdraws an application still under review, not later', async () => {
    const n = await newOrder();
    const res = await call(app, w.applicants.zhujiang, 'post', `/orders/${n}/withdraw`).send({ version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ currentStep: 'withdrawn', outcome: 'withdrawn' });
    const m = await newOrder();
    await step(app, w.staff.clerk, m, 'approve');
    const late = await call(app, w.applicants.zhujiang, 'post', `/orders/${m}/withdraw`).send({ version: 2 });
    expect(late.status).toBe(422);
  });

  it('urges an order at most once a day', async () => {
    const n = await newOrder();
    await waited(app, n, 13);
    const first = await call(app, w.applicants.zhujiang, 'post', `/orders/${n}/urge`);
    expect(first.status).toBe(200);
    const again = await call(app, w.applicants.zhujiang, 'post', `/orders/${n}/urge`);
    expect(again.status).toBe(429);
    const row = await orderRow(n);
    expect(
      await db()
        .query('plugin::workflow.outbox-message')
        .count({ where: { orderId: row.id, template: 'order-urged' } }),
    ).toBe(1);
    expect(row.lockVersion).toBe(1);
  });

  it('lists the actions the applicant may take now, with their forms', async () => {
    const n = await newOrder();
    const o = await view(app, w.applicants.zhujiang, n);
    expect(o.actions.map((a: any) => a.action)).toEqual(['withdraw']);
    const staffView = await view(app, w.staff.clerk, n);
    expect(staffView.actions.map((a: any) => a.action).sort()).toEqual(['approve', 'reject']);
    expect(staffView.actions.find((a: any) => a.action === 'reject').form.fields[0]).toMatchObject({
      name: 'reason',
      required: true,
    });
  });
});

describe('uploads', () => {
  it('numbers versions per kind and keeps every version', async () => {
    const n = await newOrder();
    const one = await upload(app, w.applicants.zhujiang, n, 'other', '.pdf', '营业执照.pdf');
    const two = await upload(app, w.applicants.zhujiang, n, 'other', '.pdf', '营业执照（新）.pdf');
    expect([one.version, two.version]).toEqual([1, 2]);
    expect(two.sha256).toMatch(/^[0-9a-f]{64}$/);
    const bad = await call(app, w.applicants.zhujiang, 'post', `/orders/${n}/files`)
      .field('kind', 'passport')
      .attach('file', Buffer.from('x'), 'x.pdf');
    expect(bad.status).toBe(400);
    expect(errorPaths(bad.body)).toEqual(['kind']);
  });
});
