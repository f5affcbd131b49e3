import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from './helpers/strapi';
import { errorPaths, registerApplicant, registrationBody } from './helpers/applicants';

let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.close();
});

const userCount = () => app.strapi.db.query('plugin::users-permissions.user').count();

describe('applicant registration and sign-in', () => {
  it('registers an enterprise applicant with its fields and signs in', async () => {
    const { jwt, user, body } = await registerApplicant(app, {
      applicantType: 'enterprise',
      enterpriseName: '珠江摩尔商业管理有限公司',
      creditCode: '91510107590201629b',
      mobile: '+86 139 1234 5678',
    });
    expect(jwt).toMatch(/^ey/);
    expect(user).toMatchObject({
      applicantType: 'enterprise',
      enterpriseName: '珠江摩尔商业管理有限公司',
      creditCode: '91510107590201629B',
      mobile: '13912345678',
    });
    expect(user).not.toHaveProperty('password');
    expect(user).not.toHaveProperty('wechatOpenid');

    const stored = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: user.id }, populate: ['role'] });
    expect(stored.role.type).toBe('authenticated');
    expect(stored.confirmed).toBe(true);

    const login = await app.http().post('/api/auth/local').send({ identifier: body.email, password: body.password });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(user.id);

    const me = await app.http().get('/api/users/me').set('Authorization', `Bearer ${login.body.jwt}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe(body.username);
  });

  it('refuses a wrong password', async () => {
    const { body } = await registerApplicant(app);
    const login = await app.http().post('/api/auth/local').send({ identifier: body.email, password: 'wrong-password' });
    expect(login.status).toBe(400);
  });

  it.each([
    ['role', 1],
    ['confirmed', true],
    ['blocked', false],
    ['organization', 1],
    ['wechatOpenid', 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M'],
    ['isAdmin', true],
  ])('refuses the unsafe field %s with 400 and creates nobody', async (field, value) => {
    const before = await userCount();
    const res = await app
      .http()
      .post('/api/auth/local/register')
      .send(registrationBody({ [field]: value }));
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toContain(field);
    expect(await userCount()).toBe(before);
  });

  it('reports every format problem at once, in Chinese, naming each field', async () => {
    const before = await userCount();
    const res = await app
      .http()
      .post('/api/auth/local/register')
      .send(
        registrationBody({
          mobile: '1391234567',
          applicantType: 'enterprise',
          creditCode: '91510107590201629A',
          enterpriseName: '',
        }),
      );
    expect(res.status).toBe(400);
    expect(errorPaths(res.body).sort()).toEqual(['creditCode', 'enterpriseName', 'mobile']);
    const messages = res.body.error.details.errors.map((e: { message: string }) => e.message).join(' ');
    expect(messages).toContain('手机号码');
    expect(messages).toContain('校验位错误');
    expect(await userCount()).toBe(before);
  });

  it('requires the mobile number and the applicant type', async () => {
    const body = registrationBody();
    delete (body as any).mobile;
    delete (body as any).applicantType;
    const res = await app.http().post('/api/auth/local/register').send(body);
    expect(res.status).toBe(400);
    expect(errorPaths(res.body).sort()).toEqual(['applicantType', 'mobile']);
  });
});
