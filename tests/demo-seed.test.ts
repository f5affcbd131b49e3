import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from './helpers/strapi';
import data from '../database/seeds/demo-data.json';

let app: TestApp;
// The seed the app runs is the compiled one, as `npm run demo` runs it.
const { seedDemo } = require(path.resolve(__dirname, '../dist/database/seeds/demo.js'));

beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.close();
});

const TABLES = [
  'api::organization.organization',
  'api::staff-profile.staff-profile',
  'plugin::users-permissions.user',
  'api::order.order',
  'admin::user',
];
const countAll = async () =>
  Object.fromEntries(await Promise.all(TABLES.map(async (uid) => [uid, await app.strapi.db.query(uid).count()])));

describe('demo data', () => {
  it('creates organizations, staff for every job role, applicants and orders through the first steps of their process', async () => {
    const first = await seedDemo(app.strapi);
    expect(first).toEqual({
      organizations: data.organizations.length,
      staff: data.staff.length,
      applicants: data.applicants.length,
      orders: data.orders.length,
    });
    const roles = new Set(
      (await app.strapi.db.query('api::staff-profile.staff-profile').findMany()).flatMap((p: any) => p.jobRoles),
    );
    expect([...roles].sort()).toEqual([
      'acceptance-staff',
      'construction-crew',
      'contract-approver',
      'department-admin',
      'designer',
      'finance',
      'leader',
      'surveyor',
      'technical-head',
      'window-clerk',
    ]);
    const water = await app.strapi.db
      .query('api::organization.organization')
      .findOne({ where: { code: 'WATER-TECH' }, populate: ['parent'] });
    expect(water.parent.code).toBe('WATER');
    const orders = await app.strapi.db.query('api::order.order').findMany({ orderBy: { id: 'asc' } });
    expect(orders.map((o: any) => o.currentStep)).toEqual([
      'budget-confirm',
      'review',
      'survey',
      'plan-confirm',
      'returned',
      'dispatch',
    ]);
  });

  it('is idempotent: a second run creates nothing', async () => {
    const before = await countAll();
    const second = await seedDemo(app.strapi);
    expect(second).toEqual({ organizations: 0, staff: 0, applicants: 0, orders: 0 });
    expect(await countAll()).toEqual(before);
  });

  it('lets the demo accounts sign in with the documented password', async () => {
    const applicant = await app
      .http()
      .post('/api/auth/local')
      .send({ identifier: 'zhujiang@demo.local', password: data.password });
    expect(applicant.status).toBe(200);
    const orders = await app.http().get('/api/workflow/orders').set('Authorization', `Bearer ${applicant.body.jwt}`);
    expect(orders.body.data.length).toBe(2);

    for (const email of [data.superAdmin.email, 'clerk@demo.local']) {
      const staff = await app.http().post('/admin/login').send({ email, password: data.password });
      expect(staff.status, email).toBe(200);
      expect(staff.body.data.token).toBeTruthy();
    }
  });
});
