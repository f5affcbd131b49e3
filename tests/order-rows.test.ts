import { describe, expect, it } from 'vitest';
import { app, apply, call, enterpriseForm, step, useWorld, w } from './helpers/workflow';
import { isMysql } from './helpers/database';

/**
 * The order row keeps the ids of its applicant, organization and assignee beside Strapi's link tables
 * (the inbox, the scope rules and the warning scan read them); the two copies must agree.
 */
useWorld();

const db = () => app.strapi.db;

describe('the relations an order keeps in its own row', () => {
  it('agree with the link tables through application, dispatch and assignment', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '关系单位' }));
    await step(app, w.staff.clerk, n, 'approve');
    await step(app, w.staff.techhead, n, 'approve');
    const row = await db()
      .query('api::order.order')
      .findOne({
        where: { number: n },
        populate: { applicant: { select: ['id'] }, organization: { select: ['id'] }, assignee: { select: ['id'] } },
      });
    expect(row.currentStep).toBe('survey');
    expect(row.applicantRef).toBe(row.applicant.id);
    expect(row.organizationRef).toBe(row.organization.id);
    expect(row.assignee?.id).toBeGreaterThan(0);
    expect(row.assigneeRef).toBe(row.assignee.id);
    // One link row per relation: moving on replaced the assignee, it did not add a second one.
    const link = (db().metadata.get('api::order.order') as any).attributes.assignee.joinTable;
    expect(
      Number((await db().connection(link.name).where(link.joinColumn.name, row.id).count({ n: '*' }).first())!.n),
    ).toBe(1);
  });

  it('are copied from the link tables into orders stored before the row kept them, once per database', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '旧工单' }));
    const before = await db()
      .query('api::order.order')
      .findOne({ where: { number: n } });
    await db().connection('orders').where('id', before.id).update({ applicant_ref: null, organization_ref: null });
    const store = app.strapi.store({ type: 'plugin', name: 'workflow' });
    await store.delete({ key: 'order-refs' });
    // Without its refs the order is missing from the applicant's list.
    const listed = async () =>
      (await call(app, w.applicants.zhujiang, 'get', '/orders?pageSize=100')).body.data.map((o: any) => o.number);
    expect(await listed()).not.toContain(n);

    const filled = await app.strapi.plugin('workflow').service('orderRows').backfillRefs();
    expect(filled).toBe(2);
    const after = await db()
      .query('api::order.order')
      .findOne({ where: { number: n } });
    expect(after).toMatchObject({ applicantRef: before.applicantRef, organizationRef: before.organizationRef });
    expect(await listed()).toContain(n);
    expect(await app.strapi.plugin('workflow').service('orderRows').backfillRefs()).toBe(0);
  });

  it('its history events keep the organization, also when dispatched; events stored before get it once per database', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '旧记录' }));
    await step(app, w.staff.clerk, n, 'approve');
    const order = await db()
      .query('api::order.order')
      .findOne({ where: { number: n } });
    const organizations = async () =>
      (
        await db()
          .connection('workflow_history_events')
          .where('order_id', order.id)
          .orderBy('seq')
          .select('organization_ref')
      ).map((e: any) => e.organization_ref);
    expect(order.organizationRef).toBeGreaterThan(0);
    expect(await organizations()).toEqual([order.organizationRef, order.organizationRef]);
    // An energy order has no organization until the dispatch rules choose one: its events follow.
    const energy = await apply(
      app,
      w.applicants['bazhong-steel'],
      'energy-service',
      {
        name: '黄厂长',
        contactPhone: '13712345678',
        address: '巴中经济开发区工业园5号',
        description: '新建厂房需要电力接入，预计负荷800千瓦',
        category: '电力接入',
      },
      'mini-program',
    );
    const dispatched = await db()
      .query('api::order.order')
      .findOne({ where: { number: energy } });
    expect(dispatched.organizationRef).toBeGreaterThan(0);
    expect(
      new Set(
        (
          await db().connection('workflow_history_events').where('order_id', dispatched.id).select('organization_ref')
        ).map((e: any) => e.organization_ref),
      ),
    ).toEqual(new Set([dispatched.organizationRef]));

    await db().connection('workflow_history_events').where('order_id', order.id).update({ organization_ref: null });
    const store = app.strapi.store({ type: 'plugin', name: 'workflow' });
    await store.delete({ key: 'event-organizations' });
    const history = app.strapi.plugin('workflow').service('history');
    expect(await history.backfillOrganizations()).toBe(2);
    expect(await organizations()).toEqual([order.organizationRef, order.organizationRef]);
    expect(await history.backfillOrganizations()).toBe(0);
  });

  it('keeps when it was first returned; returned orders stored before get it from their history once per database', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '退回记录' }));
    await step(app, w.staff.clerk, n, 'reject', { reason: '资料不全' });
    const order = await db()
      .query('api::order.order')
      .findOne({ where: { number: n } });
    const rejected = await db()
      .query('plugin::workflow.history-event')
      .findOne({ where: { orderId: order.id, action: 'reject' } });
    expect(order.returned).toBe(true);
    expect(new Date(order.returnedAt).getTime()).toBe(new Date(rejected.at).getTime());

    await db()
      .query('api::order.order')
      .update({ where: { id: order.id }, data: { returnedAt: null } });
    const store = app.strapi.store({ type: 'plugin', name: 'workflow' });
    await store.delete({ key: 'order-returned-at' });
    const rows = app.strapi.plugin('workflow').service('orderRows');
    expect(await rows.backfillReturnedAt()).toBe(1);
    const after = await db()
      .query('api::order.order')
      .findOne({ where: { number: n } });
    expect(new Date(after.returnedAt).getTime()).toBe(new Date(rejected.at).getTime());
    expect(await rows.backfillReturnedAt()).toBe(0);
  });

  it('cannot be changed through the document service (content manager, content API), not even its title', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '不可改' }));
    const { documentId } = await db()
      .query('api::order.order')
      .findOne({ where: { number: n } });
    const update = (data: Record<string, unknown>) =>
      app.strapi.documents('api::order.order').update({ documentId, data } as any);
    const refused = /内容管理中只能查看/;
    await expect(update({ assignee: { connect: [{ id: 1 }] } })).rejects.toThrow(refused);
    await expect(update({ assigneeRef: 1 })).rejects.toThrow(refused);
    // Application data changes only through 更正申请信息, which writes history (tests/records.test.ts).
    await expect(update({ title: '改名单位', assignee: { connect: [], disconnect: [] } })).rejects.toThrow(refused);
    expect(
      (
        await db()
          .query('api::order.order')
          .findOne({ where: { number: n } })
      ).title,
    ).toBe('不可改');
  });
});

describe("the engine's first read of an order", () => {
  // Through knex on Strapi's own connection, mapped back to attributes by the engine's table helper.
  it('gives every attribute the value and type the query engine gives', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '读取单位' }));
    const at = new Date('2026-10-12T03:04:05.678Z');
    await db()
      .query('api::order.order')
      .update({
        where: { number: n },
        data: {
          paymentDeferred: true,
          changedDuringConstruction: false,
          finalCost: '12345.67',
          closedAt: at,
          dispatchSheet: { lines: [1, 2] },
        },
      });
    const expected = await db()
      .query('api::order.order')
      .findOne({ where: { number: n } });
    const read: any = await app.strapi.plugin('workflow').service('orderRows').load({ number: n });
    for (const attribute of [
      'id',
      'number',
      'definitionVersion',
      'formData',
      'stateValue',
      'lockVersion',
      'historySeq',
      'paymentDeferred',
      'changedDuringConstruction',
      'finalCost',
      'dispatchSheet',
      'returned',
      'outcome',
    ]) {
      expect(read[attribute], attribute).toEqual(expected[attribute]);
    }
    // The engine works with dates where the query engine answers ISO strings.
    for (const attribute of ['stepEnteredAt', 'closedAt', 'createdAt']) {
      expect(read[attribute], attribute).toBeInstanceOf(Date);
      expect(read[attribute].toISOString(), attribute).toBe(new Date(expected[attribute]).toISOString());
    }
    expect(read.paymentDeferred).toBe(true);
    expect(read.changedDuringConstruction).toBe(false);
    expect(read.finalCost).toBe(12345.67);
    expect(read.closedAt.toISOString()).toBe(at.toISOString());
    expect(read.dispatchSheet).toEqual({ lines: [1, 2] });
    expect(read.organization).toEqual({ id: expected.organizationRef });
  });
});

describe('the order number', () => {
  // Strapi keeps `unique: true` in the application layer only; without a key every request that names
  // an order by its number read the whole orders table.
  it('is found through a unique key, and the database refuses a second order with the same number', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '编号单位' }));
    const knex = db().connection;
    const lookup = knex('orders').where('number', n).toString();
    if (isMysql()) {
      const [plan] = await knex.raw(`EXPLAIN ${lookup}`);
      expect(plan[0].key).toBe('orders_number_uq');
      expect(plan[0].type).toBe('const');
    } else {
      const plan = await knex.raw(`EXPLAIN QUERY PLAN ${lookup}`);
      expect(plan.map((p: any) => p.detail).join(' ')).toMatch(/USING INDEX orders_number_uq/);
    }
    const row = await knex('orders').where('number', n).first();
    const { id: _id, document_id, ...copy } = row;
    await expect(knex('orders').insert({ ...copy, document_id: `${document_id}x` })).rejects.toThrow(
      /unique|duplicate/i,
    );
    expect(Number((await knex('orders').where('number', n).count({ c: '*' }).first())!.c)).toBe(1);
  });

  // The engine writes the order, its events and its notifications itself (not through the document
  // service); their document ids must still be what Strapi's document service finds them by.
  it('rows the engine writes itself get distinct document ids that the document service finds', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '文档编号单位' }));
    await step(app, w.staff.clerk, n, 'reject', { reason: '资料不全' });
    const order = await db().connection('orders').where('number', n).first();
    const events = await db()
      .connection('workflow_history_events')
      .where('order_id', order.id)
      .select('id', 'document_id');
    const messages = await db()
      .connection('workflow_outbox_messages')
      .where('order_id', order.id)
      .select('id', 'document_id');
    expect(events.length).toBe(2);
    expect(messages.length).toBeGreaterThan(0);
    const ids = [
      order.document_id,
      ...events.map((e: any) => e.document_id),
      ...messages.map((m: any) => m.document_id),
    ];
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await app.strapi.documents('api::order.order').findOne({ documentId: order.document_id }))?.number).toBe(n);
    expect(
      (await app.strapi.documents('plugin::workflow.history-event').findOne({ documentId: events[1].document_id }))?.id,
    ).toBe(events[1].id);
    expect(
      (await app.strapi.documents('plugin::workflow.outbox-message').findOne({ documentId: messages[0].document_id }))
        ?.id,
    ).toBe(messages[0].id);
  });
});
