import { describe, expect, it } from 'vitest';
import { app, apply, call, enterpriseForm, useWorld, w } from './helpers/workflow';

/**
 * What an instance keeps of records read on most requests (src/plugins/workflow/server/src/kept.ts)
 * is dropped on every lifecycle event of what it was read from, the bulk (`*Many`) ones too: the next
 * request sees the change. tests/two-instances.test.ts checks the expiry across instances.
 */
useWorld();

const db = () => app.strapi.db;
const STAFF = 'api::staff-profile.staff-profile';
const ARTICLE = 'api::knowledge-article.knowledge-article';

describe('what is kept in memory', () => {
  it('drops a staff profile changed in bulk: a deactivated clerk is refused on the next request', async () => {
    const counts = () => call(app, w.staff.clerk, 'get', '/orders/counts');
    expect((await counts()).status).toBe(200);
    const admin = await db()
      .query('admin::user')
      .findOne({ where: { email: 'clerk@demo.local' } });
    const profile = await db()
      .query(STAFF)
      .findOne({ where: { adminUser: { id: admin.id } } });
    await db()
      .query(STAFF)
      .updateMany({ where: { id: profile.id }, data: { active: false } });
    try {
      const refused = await counts();
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe('您还没有员工档案，请联系管理员');
    } finally {
      await db()
        .query(STAFF)
        .updateMany({ where: { id: profile.id }, data: { active: true } });
    }
    expect((await counts()).status).toBe(200);
  });

  it('drops the knowledge articles\u2019 tags when articles are made in bulk: the next application is told of them', async () => {
    const knowledge = async (number: string) => {
      const order = await db().query('api::order.order').findOne({ where: { number } });
      return db()
        .query('plugin::workflow.outbox-message')
        .count({ where: { orderId: order.id, template: 'knowledge' } });
    };
    expect(await knowledge(await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm()))).toBe(0);
    await db()
      .query(ARTICLE)
      .createMany({
        data: [{ active: true, audience: 'both', title: '批量须知', processKey: 'water-enterprise', step: 'review' }],
      });
    try {
      expect(await knowledge(await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm()))).toBe(2);
    } finally {
      await db()
        .query(ARTICLE)
        .deleteMany({ where: { title: '批量须知' } });
    }
    expect(await knowledge(await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm()))).toBe(0);
  });

  it('drops the organization tree when organizations are renamed in bulk', async () => {
    const ORG = 'api::organization.organization';
    const water = await db()
      .query(ORG)
      .findOne({ where: { code: 'WATER' } });
    // A submission's answer names the organization it went to, from the kept tree.
    const nameOf = async () => {
      const res = await call(app, w.applicants.zhujiang, 'post', '/orders').send({
        processKey: 'water-enterprise',
        formData: enterpriseForm(),
      });
      expect(res.status).toBe(201);
      return res.body.data.organization?.name;
    };
    expect(await nameOf()).toBe(water.name);
    await db()
      .query(ORG)
      .updateMany({ where: { id: water.id }, data: { name: `${water.name}（批量更名）` } });
    try {
      expect(await nameOf()).toBe(`${water.name}（批量更名）`);
    } finally {
      await db()
        .query(ORG)
        .updateMany({ where: { id: water.id }, data: { name: water.name } });
    }
  });
});
