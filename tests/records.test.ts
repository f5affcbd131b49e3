import { describe, expect, it } from 'vitest';
import { app, apply, enterpriseForm, useWorld, w, type Caller } from './helpers/workflow';

/**
 * Orders, their records, staff profiles and organizations change only through the workflow's own APIs:
 * the content manager reads them, for every role.
 */
useWorld();

const db = () => app.strapi.db;
const CM = '/content-manager/collection-types';
const READ_ONLY = '内容管理中只能查看';
const STAFF = 'api::staff-profile.staff-profile';
const ORDER = 'api::order.order';

const cm = (who: Caller, method: 'post' | 'put' | 'delete', path: string) =>
  app.http()[method](`${CM}/${path}`).set('Authorization', `Bearer ${who.token}`);

const expectRefused = (res: { status: number; body: any }) => {
  expect(res.status).toBe(403);
  expect(res.body.error.message).toContain(READ_ONLY);
};

const profileOf = (email: string) =>
  db().query(STAFF).findOne({ where: { adminUser: { email } }, populate: { organization: { select: ['code'] } } });

const organizationId = async (code: string) => (await db().query('api::organization.organization').findOne({ where: { code } })).id;

describe('the content manager is read-only for domain data', () => {
  it.each([
    ['a department administrator', () => w.staff.deptadmin],
    ['the super administrator', () => w.admin],
  ])('%s cannot move a staff profile into another company or add job roles (403, nothing changed)', async (_, who) => {
    const before = await profileOf('deptadmin@demo.local');
    const power = await organizationId('POWER');
    const put = await cm(who(), 'put', `${STAFF}/${before.documentId}`)
      .send({ organization: { connect: [{ id: power }] }, jobRoles: ['department-admin', 'leader', 'finance'] });
    expectRefused(put);
    const after = await profileOf('deptadmin@demo.local');
    expect(after.organization.code).toBe('WATER');
    expect(after.jobRoles).toEqual(['department-admin']);
  });

  it.each([
    ['a department administrator', () => w.staff.deptadmin],
    ['the super administrator', () => w.admin],
  ])('%s cannot create a staff profile in the power bureau (403, none made)', async (_, who) => {
    const count = await db().query(STAFF).count();
    const post = await cm(who(), 'post', STAFF)
      .send({ name: '冒名者', jobRoles: ['leader'], organization: { connect: [{ id: await organizationId('POWER') }] } });
    expectRefused(post);
    expect(await db().query(STAFF).count()).toBe(count);
  });

  it.each([
    ['a department administrator', () => w.staff.deptadmin],
    ['the super administrator', () => w.admin],
  ])('%s cannot rewrite an order\u2019s data or flags (403, no change, no event)', async (_, who) => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '原单位' }));
    const before = await db().query(ORDER).findOne({ where: { number: n } });
    const put = await cm(who(), 'put', `${ORDER}/${before.documentId}`).send({
      formData: { ...before.formData, unitName: '篡改单位' }, title: '篡改单位', category: '改类别',
      changedDuringConstruction: true, paymentDeferred: true,
    });
    expectRefused(put);
    const after = await db().query(ORDER).findOne({ where: { number: n } });
    for (const field of ['formData', 'title', 'category', 'changedDuringConstruction', 'paymentDeferred', 'lockVersion', 'historySeq']) {
      expect(after[field], field).toEqual(before[field]);
    }
  });

  it('refuses every write of every domain type to the super administrator, with the reason', async () => {
    const uids = ['api::order.order', 'api::contract.contract', 'api::payment.payment', 'api::survey-record.survey-record',
      'api::progress-report.progress-report', 'api::order-file.order-file', 'api::signature.signature',
      'api::evaluation.evaluation', 'api::message.message', STAFF, 'api::organization.organization'];
    for (const uid of uids) {
      const count = await db().query(uid).count();
      const res = await cm(w.admin, 'post', uid).send({});
      expect(res.status, uid).toBe(403);
      expect(res.body.error.message, uid).toContain(READ_ONLY);
      expect(await db().query(uid).count(), uid).toBe(count);
    }
    const org = await db().query('api::organization.organization').findOne({ where: { code: 'WATER' } });
    expectRefused(await cm(w.admin, 'delete', `api::organization.organization/${org.documentId}`));
    expectRefused(await cm(w.admin, 'post', 'api::organization.organization/actions/bulkDelete').send({ documentIds: [org.documentId] }));
    expect(await db().query('api::organization.organization').findOne({ where: { code: 'WATER' } })).toBeTruthy();
  });

  it('still lets the department administrator read their organization\u2019s orders there', async () => {
    const res = await app.http().get(`${CM}/${ORDER}?pageSize=5`).set('Authorization', `Bearer ${w.staff.deptadmin.token}`);
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeGreaterThan(0);
  });

  it('the roles the workflow made hold no content-manager writes of domain data', async () => {
    const roles = await db().query('admin::role').findMany({ where: { code: { $in: ['workflow-department-admin', 'workflow-frontline'] } } });
    const writes = await db().query('admin::permission').findMany({
      where: { role: { id: { $in: roles.map((r: any) => r.id) } }, action: { $notIn: ['plugin::content-manager.explorer.read'] } },
    });
    expect(writes.map((p: any) => `${p.action} ${p.subject}`)).toEqual([]);
  });
});
