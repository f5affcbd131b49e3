import { describe, expect, it } from 'vitest';
import { act, app, apply, call, enterpriseForm, step, useWorld, w, type Caller } from './helpers/workflow';
import { errorPaths, registerApplicant } from './helpers/applicants';

// A small upload limit for this file, read when the app boots.
process.env.UPLOAD_SIZE_LIMIT = String(300 * 1024);
useWorld();

const sharp = require('sharp');
const ORDER = 'api::order.order';
const orderRow = (number: string) => app.strapi.db.query(ORDER).findOne({ where: { number } });
const residentForm = {
  name: '张三',
  contactPhone: '13612345678',
  address: '回风路8号',
  waterAddress: '回风路8号3单元',
};

/** A second window clerk in the same service hall as the demo's. */
const secondClerk = async (): Promise<Caller> => {
  const email = 'clerk2@demo.local';
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'workflow-frontline' } });
  const user = await app.strapi.service('admin::user').create({
    email,
    firstname: '窗口',
    lastname: '乙',
    password: 'Demo@2026',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const hall = await app.strapi.db.query('api::organization.organization').findOne({ where: { code: 'WATER-SVC' } });
  await app.strapi.db.query('api::staff-profile.staff-profile').create({
    data: { adminUser: user.id, name: '乙窗口', organization: hall.id, jobRoles: ['window-clerk'], active: true },
  });
  const res = await app.http().post('/admin/login').send({ email, password: 'Demo@2026' });
  return { kind: 'staff', token: res.body.data.token, base: '/workflow' };
};

describe('an order version is a positive integer', () => {
  it.each([[true], ['1'], [[1]], [1.5], [0], [null], [{}]])(
    'refuses version %j with 400 naming it, and changes nothing',
    async (version) => {
      const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
      const res = await call(app, w.staff.clerk, 'post', `/orders/${n}/actions/approve`).send({ version, form: {} });
      expect(res.status).toBe(400);
      expect(errorPaths(res.body)).toEqual(['version']);
      expect((await orderRow(n)).lockVersion).toBe(1);
    },
  );
});

describe('a stale repeat', () => {
  it('is 409 for the clerk who just acted, who still sees the order read-only', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
    await step(app, w.staff.clerk, n, 'approve');
    const again = await act(app, w.staff.clerk, n, 'approve', {}, 1);
    expect(again.status).toBe(409);
    expect(again.body.error.details.currentVersion).toBe(2);
    const seen = await call(app, w.staff.clerk, 'get', `/orders/${n}`);
    expect(seen.status).toBe(200);
    expect(seen.body.data.actions ?? []).toEqual([]);
    // Acting at the current version is not theirs any more.
    expect((await act(app, w.staff.clerk, n, 'approve', {}, 2)).status).toBe(403);
  });

  it('is 409 for a colleague who could have acted at that version; 404 for anyone else', async () => {
    const colleague = await secondClerk();
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
    await step(app, w.staff.clerk, n, 'approve');
    expect((await act(app, colleague, n, 'approve', {}, 1)).status).toBe(409);
    expect((await call(app, colleague, 'get', `/orders/${n}`)).status).toBe(404);
    for (const outsider of [w.staff['power-admin'], w.staff.finance]) {
      expect((await act(app, outsider, n, 'approve', {}, 1)).status).toBe(404);
    }
    expect((await act(app, w.staff['power-admin'], n, 'approve', {}, 2)).status).toBe(404);
  });
});

describe('a submission takes only the fields it knows', () => {
  it('refuses unknown top-level fields with 400 naming each, and writes nothing', async () => {
    const before = await app.strapi.db.query(ORDER).count();
    const res = await call(app, w.applicants.zhujiang, 'post', '/orders').send({
      processKey: 'water-enterprise',
      formData: enterpriseForm(),
      currentStep: 'settlement',
      organization: 1,
      assignee: 2,
    });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body).sort()).toEqual(['assignee', 'currentStep', 'organization']);
    expect(res.body.error.message).toBe('申请信息有误');
    const window = await call(app, w.staff.clerk, 'post', '/orders').send({
      processKey: 'water-enterprise',
      formData: enterpriseForm(),
      lockVersion: 9,
    });
    expect(window.status).toBe(400);
    expect(errorPaths(window.body)).toEqual(['lockVersion']);
    const list = await call(app, w.applicants.zhujiang, 'post', '/orders').send([{ processKey: 'water-enterprise' }]);
    expect(list.status).toBe(400);
    expect(await app.strapi.db.query(ORDER).count()).toBe(before);
  });
});

describe('applicant types', () => {
  it('a resident cannot start an enterprise process, nor an enterprise a resident one (403 with the reason)', async () => {
    const before = await app.strapi.db.query(ORDER).count();
    const resident = await call(app, w.applicants.zhangsan, 'post', '/orders').send({
      processKey: 'water-enterprise',
      formData: enterpriseForm(),
    });
    expect(resident.status).toBe(403);
    expect(resident.body.error.message).toContain('只受理企业申请');
    const enterprise = await call(app, w.applicants.zhujiang, 'post', '/orders').send({
      processKey: 'water-resident',
      formData: residentForm,
    });
    expect(enterprise.status).toBe(403);
    expect(enterprise.body.error.message).toContain('只受理居民申请');
    expect(await app.strapi.db.query(ORDER).count()).toBe(before);
  });

  it('each applicant is offered only the processes of their type', async () => {
    const keys = async (who: Caller) =>
      (await call(app, who, 'get', '/processes')).body.data.map((p: any) => p.key).sort();
    expect(await keys(w.applicants.zhangsan)).toEqual(['water-resident']);
    expect(await keys(w.applicants.zhujiang)).toEqual(['energy-service', 'water-enterprise']);
  });

  it('an account that has not said its type (a WeChat sign-in) is asked to', async () => {
    const { jwt, user } = await registerApplicant(app);
    await app.strapi.db
      .query('plugin::users-permissions.user')
      .update({ where: { id: user.id }, data: { applicantType: null } });
    const who: Caller = { kind: 'applicant', token: jwt, base: '/api/workflow' };
    const res = await call(app, who, 'post', '/orders').send({ processKey: 'water-resident', formData: residentForm });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('请先在个人资料中选择申请人类型');
  });
});

describe('the upload limit counts the bytes received', () => {
  const send = (number: string, content: Buffer) =>
    call(app, w.applicants.zhujiang, 'post', `/orders/${number}/files`)
      .field('kind', 'site-photo')
      .attach('file', content, { filename: 'photo.png', contentType: 'image/png' });

  it('refuses a PNG over the limit with 413 in Chinese naming the field, even one that would shrink when processed', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
    // 480 KB as sent; a few hundred bytes once compressed.
    const png = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#3366aa' } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(png.length).toBeGreaterThan(300 * 1024);
    const files = await app.strapi.db.query('plugin::upload.file').count();
    const res = await send(n, png);
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe('附件过大');
    expect(res.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['file'], message: '文件不能超过300KB' }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/\/tmp|uploads|\.png|FileTooBig/);
    expect(await app.strapi.db.query('plugin::upload.file').count()).toBe(files);
    const small = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#3366aa' } })
      .png()
      .toBuffer();
    expect((await send(n, small)).status).toBe(201);
  });
});

describe('refusals speak Chinese', () => {
  it('answers Strapi\u2019s own refusals in Chinese', async () => {
    const login = await app
      .http()
      .post('/api/auth/local')
      .send({ identifier: 'nobody@example.com', password: 'wrong-password' });
    expect(login.status).toBe(400);
    expect(login.body.error.message).toBe('账号或密码错误');
    const staffLogin = await app
      .http()
      .post('/admin/login')
      .send({ email: 'nobody@demo.local', password: 'wrong-password' });
    expect(staffLogin.status).toBe(400);
    expect(staffLogin.body.error.message).toBe('账号或密码错误');
    const anonymous = await app.http().get('/api/workflow/orders');
    expect([401, 403]).toContain(anonymous.status);
    expect(anonymous.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const unknown = await app.http().get('/api/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const staff = await app.http().get('/workflow/orders');
    expect(staff.status).toBe(401);
    expect(staff.body.error.message).toBe('请先登录');
  });
});
