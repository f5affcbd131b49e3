import { describe, expect, it } from 'vitest';
import { app, apply, useWorld, w } from './helpers/workflow';
import { registerApplicant } from './helpers/applicants';
import { ADMIN_ROLES } from '../src/plugins/workflow/server/src/rbac';

/**
 * Every route of the staff app and the applicants goes through Strapi's router and authentication:
 * whatever ends or narrows a session takes effect on the very next request, even when it is changed
 * behind Strapi's back (no lifecycle runs). tests/two-instances.test.ts checks the same across instances.
 */
useWorld();

const PASSWORD = 'Demo@2026';
const signIn = async (email: string): Promise<string> => {
  const res = await app.http().post('/admin/login').send({ email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  return res.body.data.token;
};
const get = (token: string, url: string) => app.http().get(url).set('Authorization', `Bearer ${token}`);
const counts = (token: string) => get(token, '/workflow/orders/counts');
const userOf = (email: string) => app.strapi.db.query('admin::user').findOne({ where: { email }, populate: ['roles'] });
/** Runs `work` with a users-permissions role's permission taken away, and gives it back. */
const withoutPermission = async (roleId: number, action: string, work: () => Promise<void>) => {
  const permissions = app.strapi.db.query('plugin::users-permissions.permission');
  const granted = await permissions.findOne({ where: { action, role: roleId } });
  await permissions.delete({ where: { id: granted.id } });
  try {
    await work();
  } finally {
    await permissions.create({ data: { action, role: roleId } });
  }
};
const admin = (method: 'put' | 'get', url: string) =>
  app.http()[method](url).set('Authorization', `Bearer ${w.admin.token}`);

describe('staff sessions', () => {
  it('end on the very next request when the session row goes, even behind Strapi\u2019s back', async () => {
    const token = await signIn('surveyor@demo.local');
    expect((await counts(token)).status).toBe(200);
    expect((await counts(token)).status).toBe(200);
    const sessions = app.strapi.db.metadata.get('admin::session');
    const surveyor = await userOf('surveyor@demo.local');
    await app.strapi.db
      .connection(sessions.tableName)
      .where((sessions.attributes.userId as any).columnName, String(surveyor.id))
      .del();
    expect((await counts(token)).status).toBe(401);
  });

  it('end at once when the staff member signs out', async () => {
    const token = await signIn('designer@demo.local');
    expect((await counts(token)).status).toBe(200);
    expect((await counts(token)).status).toBe(200);
    expect((await app.http().post('/admin/logout').set('Authorization', `Bearer ${token}`).send({})).status).toBe(200);
    expect((await counts(token)).status).toBe(401);
  });

  it('end at once when an administrator deactivates the account', async () => {
    const token = await signIn('finance@demo.local');
    expect((await counts(token)).status).toBe(200);
    const finance = await userOf('finance@demo.local');
    expect((await admin('put', `/admin/users/${finance.id}`).send({ isActive: false })).status).toBe(200);
    expect((await counts(token)).status).toBe(401);
    expect((await admin('put', `/admin/users/${finance.id}`).send({ isActive: true })).status).toBe(200);
    expect((await counts(await signIn('finance@demo.local'))).status).toBe(200);
  });

  it('narrow at once when a role loses a permission', async () => {
    // Department administrators may edit the business rules once their role is given the right to edit roles.
    const role = await app.strapi.db
      .query('admin::role')
      .findOne({ where: { code: ADMIN_ROLES.departmentAdmin.code } });
    const before = (await admin('get', `/admin/roles/${role.id}/permissions`)).body.data.map(
      ({ action, subject, properties, conditions }: any) => ({ action, subject, properties, conditions }),
    );
    const token = await signIn('power-admin@demo.local');
    expect((await get(token, '/workflow/rules')).status).toBe(403);
    expect(
      (
        await admin('put', `/admin/roles/${role.id}/permissions`).send({
          permissions: [
            ...before,
            { action: 'plugin::workflow.rules.edit', subject: null, properties: {}, conditions: [] },
          ],
        })
      ).status,
    ).toBe(200);
    expect((await get(token, '/workflow/rules')).status).toBe(200);
    expect((await get(token, '/workflow/rules')).status).toBe(200);
    expect((await admin('put', `/admin/roles/${role.id}/permissions`).send({ permissions: before })).status).toBe(200);
    expect((await get(token, '/workflow/rules')).status).toBe(403);
  });

  it('change at once when an administrator takes a role away', async () => {
    const token = await signIn('leader@demo.local');
    expect((await counts(token)).status).toBe(200);
    const leader = await userOf('leader@demo.local');
    const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
    expect(
      (
        await admin('put', `/admin/users/${leader.id}`).send({
          roles: [...leader.roles.map((r: any) => r.id), superAdmin.id],
        })
      ).status,
    ).toBe(200);
    expect((await get(token, '/workflow/rules')).status).toBe(200);
    expect(
      (await admin('put', `/admin/users/${leader.id}`).send({ roles: leader.roles.map((r: any) => r.id) })).status,
    ).toBe(200);
    expect((await get(token, '/workflow/rules')).status).toBe(403);
  });
});

describe('staff actions through Strapi\u2019s router', () => {
  const residentForm = {
    name: '李四',
    contactPhone: '13712345678',
    address: '巴中市回风路9号',
    waterAddress: '巴中市回风路9号2单元',
  };
  const order = (number: string) => app.strapi.db.query('api::order.order').findOne({ where: { number } });
  const events = (number: string) =>
    order(number).then((o: any) =>
      app.strapi.db.query('plugin::workflow.history-event').count({ where: { orderId: o.id } }),
    );
  const post = (token: string, number: string, action: string) =>
    app.http().post(`/workflow/orders/${number}/actions/${action}`).set('Authorization', `Bearer ${token}`);

  it('answer as the route does: the move, 409 on a stale version, 422, 404 and 403, 400 for a body that is not JSON, 413 for a huge one', async () => {
    const token = await signIn('clerk@demo.local');
    expect((await counts(token)).status).toBe(200);
    const n = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);

    const stale = await post(token, n, 'approve').send({ version: 5, form: {} });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ status: 409, details: { currentVersion: 1 } });
    const unknown = await post(token, n, 'finish').send({ version: 1, form: {} });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details).toMatchObject({ action: 'finish', step: 'review' });
    const noVersion = await post(token, n, 'approve').send({ form: {} });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.details.errors).toEqual([expect.objectContaining({ path: ['version'] })]);
    const notJson = await post(token, n, 'approve').set('Content-Type', 'application/json').send('{"version": 1,');
    expect(notJson.status).toBe(400);
    const huge = await post(token, n, 'approve').send({ version: 1, form: { reason: 'x'.repeat(1_100_000) } });
    expect(huge.status).toBe(413);
    // A surveyor does not see an order in review; a department administrator sees it but does not review.
    const surveyor = await signIn('surveyor@demo.local');
    expect((await counts(surveyor)).status).toBe(200);
    expect((await post(surveyor, n, 'approve').send({ version: 1, form: {} })).status).toBe(404);
    const deptadmin = await signIn('deptadmin@demo.local');
    expect((await counts(deptadmin)).status).toBe(200);
    expect((await post(deptadmin, n, 'approve').send({ version: 1, form: {} })).status).toBe(403);
    expect(await events(n)).toBe(1);

    const moved = await post(token, n, 'approve').send({ version: 1, form: {} });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ number: n, version: 2, currentStep: 'survey' });
    // Strapi's security headers, as on every response.
    expect(moved.headers['x-content-type-options']).toBe('nosniff');
    expect(moved.headers['content-security-policy']).toContain("default-src 'self'");
    expect(await order(n)).toMatchObject({ lockVersion: 2, currentStep: 'survey' });
    expect(await events(n)).toBe(2);
  });

  it('refuse a session that was signed out, or a token Strapi never verified, and change nothing', async () => {
    const token = await signIn('clerk@demo.local');
    expect((await counts(token)).status).toBe(200);
    const n = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);
    expect((await app.http().post('/admin/logout').set('Authorization', `Bearer ${token}`).send({})).status).toBe(200);
    expect((await post(token, n, 'approve').send({ version: 1, form: {} })).status).toBe(401);
    // The same claims signed with another secret.
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not-the-signature').toString('base64url')}`;
    expect((await post(forged, n, 'approve').send({ version: 1, form: {} })).status).toBe(401);
    expect(await order(n)).toMatchObject({ lockVersion: 1, currentStep: 'review' });
    expect(await events(n)).toBe(1);
  });
});

describe('applicant tokens', () => {
  const orders = (jwt: string) => app.http().get('/api/workflow/orders').set('Authorization', `Bearer ${jwt}`);
  const urge = (jwt: string) =>
    app.http().post('/api/workflow/orders/BZ0000000000/urge').set('Authorization', `Bearer ${jwt}`).send({});
  const users = () => app.strapi.db.query('plugin::users-permissions.user');

  it('end on the very next request when the account is blocked behind Strapi\u2019s back', async () => {
    const { jwt, user } = await registerApplicant(app);
    expect((await orders(jwt)).status).toBe(200);
    expect((await orders(jwt)).status).toBe(200);
    const table = app.strapi.db.metadata.get('plugin::users-permissions.user');
    await app.strapi.db.connection(table.tableName).where('id', user.id).update({ blocked: true });
    expect((await orders(jwt)).status).toBe(401);
  });

  it('end at once when the account is blocked', async () => {
    const { jwt, user } = await registerApplicant(app);
    expect((await orders(jwt)).status).toBe(200);
    expect((await orders(jwt)).status).toBe(200);
    await users().update({ where: { id: user.id }, data: { blocked: true } });
    expect((await orders(jwt)).status).toBe(401);
  });

  it('narrow at once when the role loses a permission, route by route', async () => {
    const { jwt, user } = await registerApplicant(app);
    const { role } = await users().findOne({ where: { id: user.id }, populate: ['role'] });
    // Permitted: the route runs and finds no such order.
    expect((await urge(jwt)).status).toBe(404);
    expect((await urge(jwt)).status).toBe(404);
    await withoutPermission(role.id, 'plugin::workflow.applicant-orders.urge', async () => {
      // The list is still permitted; urging is refused.
      expect((await orders(jwt)).status).toBe(200);
      expect((await urge(jwt)).status).toBe(403);
      expect((await urge(jwt)).status).toBe(403);
    });
    expect((await urge(jwt)).status).toBe(404);
  });

  it('leave API tokens out (there is no applicant to act for) and anonymous callers as they were', async () => {
    const { accessKey } = await app.strapi
      .service('admin::api-token')
      .create({ name: `sessions-${Date.now()}`, type: 'full-access', lifespan: null });
    expect((await orders(accessKey)).status).toBe(401);
    expect((await app.http().get('/api/workflow/orders')).status).toBe(403);
  });
});

describe('submissions through Strapi\u2019s router', () => {
  const residentForm = {
    name: '王五',
    contactPhone: '13812345678',
    address: '巴中市回风路11号',
    waterAddress: '巴中市回风路11号1单元',
  };
  const submit = (jwt: string, body: unknown = { processKey: 'water-resident', formData: residentForm }) =>
    app
      .http()
      .post('/api/workflow/orders')
      .set('Authorization', `Bearer ${jwt}`)
      .send(body as object);
  const ordersOf = (userId: number) =>
    app.strapi.db.query('api::order.order').count({ where: { applicantRef: userId } });
  const list = (jwt: string) => app.http().get('/api/workflow/orders').set('Authorization', `Bearer ${jwt}`);

  it('answer as the route does: 201 with the order, 200 for a repeated key, 400 for a bad form or a body that is not JSON, 413 for a huge one', async () => {
    const { jwt, user } = await registerApplicant(app);
    expect((await list(jwt)).status).toBe(200);
    const created = await submit(jwt).set('Idempotency-Key', 'lane-1');
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      processKey: 'water-resident',
      currentStep: 'review',
      version: 1,
      history: [{ action: 'submit' }],
    });
    expect(created.headers['x-content-type-options']).toBe('nosniff');
    const again = await submit(jwt).set('Idempotency-Key', 'lane-1');
    expect(again.status).toBe(200);
    expect(again.body.data.number).toBe(created.body.data.number);
    const bad = await submit(jwt, { processKey: 'water-resident', formData: { ...residentForm, contactPhone: '123' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors).toEqual([expect.objectContaining({ path: ['formData', 'contactPhone'] })]);
    expect((await submit(jwt).set('Content-Type', 'application/json').send('{"processKey": ')).status).toBe(400);
    expect(
      (
        await submit(jwt, {
          processKey: 'water-resident',
          formData: { ...residentForm, address: 'x'.repeat(1_100_000) },
        })
      ).status,
    ).toBe(413);
    expect(await ordersOf(user.id)).toBe(1);
  });

  it('refuse a token whose role may no longer submit, and a token never verified, writing nothing', async () => {
    const { jwt, user } = await registerApplicant(app);
    const { role } = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: user.id }, populate: ['role'] });
    await withoutPermission(role.id, 'plugin::workflow.applicant-orders.submit', async () => {
      expect((await list(jwt)).status).toBe(200);
      expect((await submit(jwt)).status).toBe(403);
      expect((await submit(jwt)).status).toBe(403);
    });
    const [header, payload] = jwt.split('.');
    expect(
      (await submit(`${header}.${payload}.${Buffer.from('not-the-signature').toString('base64url')}`)).status,
    ).toBe(401);
    expect(await ordersOf(user.id)).toBe(0);
    expect((await list(jwt)).status).toBe(200);
    expect((await submit(jwt)).status).toBe(201);
  });
});
