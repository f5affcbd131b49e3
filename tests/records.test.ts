import { describe, expect, it } from 'vitest';
import { app, apply, call, enterpriseForm, step, useWorld, w, type Caller } from './helpers/workflow';
import { useBrowser, shot, signIn } from './helpers/browser';

/**
 * Orders, their records, staff profiles and organizations change only through the workflow's own APIs:
 * the content manager reads them, for every role. Application data is corrected by 更正申请信息, which
 * the history records with the fields before and after.
 */
useWorld({ listen: true });
const browser = useBrowser();

const db = () => app.strapi.db;
const CM = '/content-manager/collection-types';
const READ_ONLY = '内容管理中只能查看';
const STAFF = 'api::staff-profile.staff-profile';
const ORDER = 'api::order.order';

const orderRow = (n: string) =>
  db()
    .query(ORDER)
    .findOne({ where: { number: n } });

const cm = (who: Caller, method: 'post' | 'put' | 'delete', path: string) =>
  app.http()[method](`${CM}/${path}`).set('Authorization', `Bearer ${who.token}`);

const expectRefused = (res: { status: number; body: any }) => {
  expect(res.status).toBe(403);
  expect(res.body.error.message).toContain(READ_ONLY);
};

const profileOf = (email: string) =>
  db()
    .query(STAFF)
    .findOne({ where: { adminUser: { email } }, populate: { organization: { select: ['code'] } } });

const organizationId = async (code: string) =>
  (await db().query('api::organization.organization').findOne({ where: { code } })).id;

describe('the content manager is read-only for domain data', () => {
  it.each([
    ['a department administrator', () => w.staff.deptadmin],
    ['the super administrator', () => w.admin],
  ])('%s cannot move a staff profile into another company or add job roles (403, nothing changed)', async (_, who) => {
    const before = await profileOf('deptadmin@demo.local');
    const power = await organizationId('POWER');
    const put = await cm(who(), 'put', `${STAFF}/${before.documentId}`).send({
      organization: { connect: [{ id: power }] },
      jobRoles: ['department-admin', 'leader', 'finance'],
    });
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
    const post = await cm(who(), 'post', STAFF).send({
      name: '冒名者',
      jobRoles: ['leader'],
      organization: { connect: [{ id: await organizationId('POWER') }] },
    });
    expectRefused(post);
    expect(await db().query(STAFF).count()).toBe(count);
  });

  it.each([
    ['a department administrator', () => w.staff.deptadmin],
    ['the super administrator', () => w.admin],
  ])('%s cannot rewrite an order\u2019s data or flags (403, no change, no event)', async (_, who) => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '原单位' }));
    const before = await orderRow(n);
    const put = await cm(who(), 'put', `${ORDER}/${before.documentId}`).send({
      formData: { ...before.formData, unitName: '篡改单位' },
      title: '篡改单位',
      category: '改类别',
      changedDuringConstruction: true,
      paymentDeferred: true,
    });
    expectRefused(put);
    const after = await orderRow(n);
    for (const field of [
      'formData',
      'title',
      'category',
      'changedDuringConstruction',
      'paymentDeferred',
      'lockVersion',
      'historySeq',
    ]) {
      expect(after[field], field).toEqual(before[field]);
    }
  });

  it('refuses every write of every domain type to the super administrator, with the reason', async () => {
    const uids = [
      'api::order.order',
      'api::contract.contract',
      'api::payment.payment',
      'api::survey-record.survey-record',
      'api::progress-report.progress-report',
      'api::order-file.order-file',
      'api::signature.signature',
      'api::evaluation.evaluation',
      'api::message.message',
      STAFF,
      'api::organization.organization',
    ];
    for (const uid of uids) {
      const count = await db().query(uid).count();
      const res = await cm(w.admin, 'post', uid).send({});
      expect(res.status, uid).toBe(403);
      expect(res.body.error.message, uid).toContain(READ_ONLY);
      expect(await db().query(uid).count(), uid).toBe(count);
    }
    const org = await db()
      .query('api::organization.organization')
      .findOne({ where: { code: 'WATER' } });
    expectRefused(await cm(w.admin, 'delete', `api::organization.organization/${org.documentId}`));
    expectRefused(
      await cm(w.admin, 'post', 'api::organization.organization/actions/bulkDelete').send({
        documentIds: [org.documentId],
      }),
    );
    const kept = await db()
      .query('api::organization.organization')
      .findOne({ where: { code: 'WATER' } });
    expect(kept).toBeTruthy();
  });

  it('still lets the department administrator read their organization\u2019s orders there', async () => {
    const res = await app
      .http()
      .get(`${CM}/${ORDER}?pageSize=5`)
      .set('Authorization', `Bearer ${w.staff.deptadmin.token}`);
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeGreaterThan(0);
  });

  it('the roles the workflow made hold no content-manager writes of domain data', async () => {
    const roles = await db()
      .query('admin::role')
      .findMany({ where: { code: { $in: ['workflow-department-admin', 'workflow-frontline'] } } });
    const writes = await db()
      .query('admin::permission')
      .findMany({
        where: {
          role: { id: { $in: roles.map((r: any) => r.id) } },
          action: { $startsWith: 'plugin::content-manager.', $notIn: ['plugin::content-manager.explorer.read'] },
        },
      });
    expect(writes.map((p: any) => `${p.action} ${p.subject}`)).toEqual([]);
  });
});

const correction = (who: Caller, n: string, body: Record<string, unknown>) =>
  call(app, who, 'post', `/orders/${n}/correction`).send(body);
const titleOf = async (n: string) => (await orderRow(n)).title as string;
const versionOf = async (n: string) => (await orderRow(n)).lockVersion as number;

describe('更正申请信息', () => {
  it('the window clerk corrects the application: form, title and phone change, one event, chain valid', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '错名单位' }));
    const form = enterpriseForm({ unitName: '正名单位', contactPhone: '13900001111' });
    const res = await correction(w.staff.clerk, n, {
      version: await versionOf(n),
      formData: form,
      reason: '申请人来电更正单位名称',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ number: n, version: 2 });
    const row = await orderRow(n);
    expect(row).toMatchObject({
      title: '正名单位',
      contactPhone: '13900001111',
      lockVersion: 2,
      currentStep: 'review',
    });
    expect(row.formData).toMatchObject({
      unitName: '正名单位',
      contactPhone: '13900001111',
      creditCode: '91510107590201629B',
    });
    const event = await db()
      .query('plugin::workflow.history-event')
      .findOne({ where: { orderId: row.id, action: 'correct' } });
    expect(event).toMatchObject({
      actionLabel: '更正申请信息',
      comment: '申请人来电更正单位名称',
      fromStep: 'review',
      toStep: 'review',
    });
    expect(event.changes).toEqual({
      formData: {
        before: { unitName: '错名单位', contactPhone: '13912345678' },
        after: { unitName: '正名单位', contactPhone: '13900001111' },
      },
    });
    const verify = await call(app, w.staff.clerk, 'get', `/orders/${n}/verify`);
    expect(verify.body.data).toMatchObject({ valid: true, events: 2 });
    // The order moves on as before, from the new version.
    expect((await step(app, w.staff.clerk, n, 'approve')).version).toBe(3);
  });

  it('the department administrator and the super administrator may too; the view says who may', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '管理员更正' }));
    const mayCorrect = async (who: Caller) => (await call(app, who, 'get', `/orders/${n}`)).body.data.mayCorrect;
    expect(await mayCorrect(w.staff.deptadmin)).toBe(true);
    expect(await mayCorrect(w.admin)).toBe(true);
    expect(await mayCorrect(w.staff.clerk)).toBe(true);
    const dept = await correction(w.staff.deptadmin, n, {
      version: 1,
      formData: enterpriseForm({ unitName: '部门改' }),
      reason: '核对营业执照',
    });
    expect(dept.status).toBe(200);
    const sup = await correction(w.admin, n, {
      version: 2,
      formData: enterpriseForm({ unitName: '超管改' }),
      reason: '核对营业执照',
    });
    expect(sup.status).toBe(200);
    expect((await call(app, w.admin, 'get', `/orders/${n}/verify`)).body.data).toMatchObject({
      valid: true,
      events: 3,
    });
  });

  it('a stale version is 409 and changes nothing', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '旧版本' }));
    await step(app, w.staff.clerk, n, 'approve');
    const res = await correction(w.staff.deptadmin, n, {
      version: 1,
      formData: enterpriseForm({ unitName: '过期' }),
      reason: '更正',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.details.currentVersion).toBe(2);
    expect(await titleOf(n)).toBe('旧版本');
  });

  it('needs a reason and a valid form: 400 naming each field, nothing changed', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '校验单位' }));
    const noReason = await correction(w.staff.clerk, n, { version: 1, formData: enterpriseForm({ unitName: '新名' }) });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['reason'], message: '请填写更正原因' }),
    ]);
    const badPhone = await correction(w.staff.clerk, n, {
      version: 1,
      formData: enterpriseForm({ contactPhone: '12345' }),
      reason: '更正电话',
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual(['formData.contactPhone']);
    expect(badPhone.body.error.details.errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
    const missing = await correction(w.staff.clerk, n, {
      version: 1,
      formData: { ...enterpriseForm(), unitName: '' },
      reason: '更正',
    });
    expect(missing.body.error.details.errors.map((e: any) => e.path.join('.'))).toEqual(['formData.unitName']);
    const row = await orderRow(n);
    expect(row).toMatchObject({ title: '校验单位', lockVersion: 1, historySeq: 1 });
  });

  it('a frontline staffer without the role gets 403 (and no button); an outsider 404', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '权限单位' }));
    await step(app, w.staff.clerk, n, 'approve');
    // The technical head now holds the order and sees it, but is not a clerk.
    expect((await call(app, w.staff.techhead, 'get', `/orders/${n}`)).body.data.mayCorrect).toBe(false);
    const body = { version: 2, formData: enterpriseForm({ unitName: '越权' }), reason: '更正' };
    const frontline = await correction(w.staff.techhead, n, body);
    expect(frontline.status).toBe(403);
    expect(frontline.body.error.message).toBe('您没有权限更正申请信息');
    expect((await correction(w.staff['power-admin'], n, body)).status).toBe(404);
    expect(await titleOf(n)).toBe('权限单位');
  });

  it('a closed order cannot be corrected (422)', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '已结束' }));
    await step(app, w.applicants.zhujiang, n, 'withdraw');
    const row = await orderRow(n);
    expect(row.outcome).toBe('withdrawn');
    const res = await correction(w.staff.deptadmin, n, {
      version: row.lockVersion,
      formData: enterpriseForm(),
      reason: '更正',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('工单已结束，不能更正申请信息');
  });
});

describe('更正申请信息 in the panel', () => {
  it('a clerk corrects the unit name; the page shows the new data and the event with before and after', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '页面错名' }));
    const page = await signIn(browser(), app.url!, 'clerk@demo.local');
    await page.goto(`${app.url}/admin/plugins/workflow/${n}`);
    await page.getByTestId('correct-open').click();
    const form = page.getByTestId('correction-form');
    expect(await form.locator('#f-unitName').inputValue()).toBe('页面错名');
    await form.locator('#f-unitName').fill('页面正名');
    await page.getByTestId('correct-save').click();
    await page.getByTestId('error-reason').waitFor();
    expect(await page.getByTestId('error-reason').innerText()).toBe('请填写更正原因');
    await shot(page, 'panel-correction-form');
    await form.locator('#f-correction-reason').fill('营业执照名称有误');
    await page.getByTestId('correct-save').click();
    await page.getByTestId('correction-changes').waitFor();
    expect(await page.getByTestId('correction-changes').innerText()).toContain('页面错名 → 页面正名');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('页面正名');
    expect(await page.locator('#history').innerText()).toContain('更正原因：营业执照名称有误');
    await page.getByText('区块链存证校验通过（共2条记录）').waitFor();
    await shot(page, 'panel-correction');
    await page.context().close();
  });
});
