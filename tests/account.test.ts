import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, call, useWorld, w } from './helpers/workflow';
import { errorPaths, registerApplicant } from './helpers/applicants';

// A local stand-in for WeChat's jscode2session: the code decides the answer.
const seen: string[] = [];
const fake = http.createServer((req, res) => {
  const url = new URL(req.url!, 'http://127.0.0.1');
  seen.push(url.pathname + url.search);
  const code = url.searchParams.get('js_code') ?? '';
  const errors: Record<string, number> = {
    'code-invalid': 40029,
    'code-limited': 45011,
    'code-risky': 40226,
    'code-busy': -1,
  };
  res.setHeader('Content-Type', 'application/json');
  res.end(
    JSON.stringify(
      errors[code] !== undefined
        ? { errcode: errors[code], errmsg: 'error' }
        : { openid: `openid-${code}`, session_key: `secret-session-key-${code}` },
    ),
  );
});
beforeAll(async () => {
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  process.env.WECHAT_API_BASE = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  process.env.WECHAT_APPID = 'wx-test-app';
  process.env.WECHAT_SECRET = 'wx-test-secret';
});
afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));
useWorld();

describe('sign-in with mobile number and password', () => {
  it('signs in a registered applicant by mobile; a wrong password or unknown number answer alike', async () => {
    const { body, user } = await registerApplicant(app, { mobile: '13566667777' });
    const ok = await app.http().post('/api/account/login').send({ mobile: '135 6666 7777', password: body.password });
    expect(ok.status).toBe(200);
    expect(ok.body.user.id).toBe(user.id);
    const orders = await app.http().get('/api/workflow/orders').set('Authorization', `Bearer ${ok.body.jwt}`);
    expect(orders.status).toBe(200);
    const wrong = await app.http().post('/api/account/login').send({ mobile: '13566667777', password: 'nope-nope' });
    const unknown = await app.http().post('/api/account/login').send({ mobile: '13500000000', password: 'nope-nope' });
    expect([wrong.status, unknown.status]).toEqual([400, 400]);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('refuses a second account with the same mobile', async () => {
    await registerApplicant(app, { mobile: '13577778888' });
    const res = await app.http().post('/api/auth/local/register').send({
      username: 'dup123',
      email: 'dup@example.com',
      password: 'Secret@123',
      mobile: '13577778888',
      applicantType: 'resident',
    });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual(['mobile']);
  });
});

describe('WeChat mini-program login', () => {
  it('creates the user on first login, finds them again, and never returns the session key', async () => {
    const first = await app.http().post('/api/account/wechat-login').send({ code: 'abc123' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ needsMobile: true });
    expect(JSON.stringify(first.body)).not.toContain('secret-session-key');
    expect(JSON.stringify(first.body)).not.toContain('openid-abc123');
    expect(seen.at(-1)).toContain('appid=wx-test-app');
    expect(seen.at(-1)).toContain('js_code=abc123');
    const again = await app.http().post('/api/account/wechat-login').send({ code: 'abc123' });
    expect(again.body.user.id).toBe(first.body.user.id);
    const stored = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: first.body.user.id } });
    expect(stored).toMatchObject({
      wechatOpenid: 'openid-abc123',
      wechatSessionKey: 'secret-session-key-abc123',
      provider: 'wechat',
    });

    const me = await app.http().get('/api/account/me').set('Authorization', `Bearer ${first.body.jwt}`);
    expect(me.status).toBe(200);
    expect(JSON.stringify(me.body)).not.toContain('secret-session-key');
  });

  it.each([
    ['code-invalid', 400, '登录凭证无效'],
    ['code-limited', 429, '频繁'],
    ['code-risky', 403, '风险'],
    ['code-busy', 503, '繁忙'],
  ])('turns WeChat error %s into %i with a clear message', async (code, status, words) => {
    const res = await app.http().post('/api/account/wechat-login').send({ code });
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(words);
  });

  it('binds a mobile number, once per number', async () => {
    const login = await app.http().post('/api/account/wechat-login').send({ code: 'bind01' });
    const bind = await app
      .http()
      .post('/api/account/bind-mobile')
      .set('Authorization', `Bearer ${login.body.jwt}`)
      .send({ mobile: '13600001111' });
    expect(bind.status).toBe(200);
    expect(bind.body.data.mobile).toBe('13600001111');
    const other = await app.http().post('/api/account/wechat-login').send({ code: 'bind02' });
    const taken = await app
      .http()
      .post('/api/account/bind-mobile')
      .set('Authorization', `Bearer ${other.body.jwt}`)
      .send({ mobile: '13600001111' });
    expect(taken.status).toBe(409);
  });
});

describe('mass assignment and private fields', () => {
  it('a profile update takes only the applicant\u2019s own safe fields', async () => {
    const { jwt, user } = await registerApplicant(app);
    for (const field of ['role', 'confirmed', 'blocked', 'wechatOpenid', 'mobile', 'email', 'password', 'provider']) {
      const res = await app
        .http()
        .put('/api/account/me')
        .set('Authorization', `Bearer ${jwt}`)
        .send({ [field]: field === 'role' ? 1 : 'x' });
      expect(res.status, field).toBe(400);
      expect(errorPaths(res.body)).toEqual([field]);
    }
    const ok = await app.http().put('/api/account/me').set('Authorization', `Bearer ${jwt}`).send({
      realName: '王五',
      applicantType: 'enterprise',
      enterpriseName: '王五商行',
      creditCode: '91510107590201629B',
    });
    expect(ok.status).toBe(200);
    const stored = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: user.id }, populate: ['role'] });
    expect(stored).toMatchObject({ realName: '王五', confirmed: true, blocked: false });
    expect(stored.role.type).toBe('authenticated');
    // Strapi's own user routes stay closed to applicants.
    expect(
      (await app.http().put(`/api/users/${user.id}`).set('Authorization', `Bearer ${jwt}`).send({ role: 1 })).status,
    ).toBe(403);
  });

  it('filters on private fields and relations neither widen nor reveal results', async () => {
    const me = w.applicants.zhujiang;
    const base = await call(app, me, 'get', '/orders?pageSize=100&status=all');
    const numbers = base.body.data.map((o: any) => o.number).sort();
    for (const q of [
      'filters[password]=x',
      'filters[applicant][phone]=13612345678',
      'filters[applicant][email][$startsWith]=z',
      'filters[$or][0][id][$gt]=0',
      'applicant=3',
      'populate=*',
      'where[id]=1',
    ]) {
      const res = await call(app, me, 'get', `/orders?pageSize=100&status=all&${q}`);
      expect(res.status, q).toBe(200);
      expect(res.body.data.map((o: any) => o.number).sort(), q).toEqual(numbers);
    }
    expect((await call(app, me, 'get', '/orders?pageSize=100')).body.data.some((o: any) => o.applicant)).toBe(false);
    // users-permissions' user list is not open to applicants, filtered or not.
    const users = await app
      .http()
      .get('/api/users?filters[password][$startsWith]=$2')
      .set('Authorization', `Bearer ${me.token}`);
    expect(users.status).toBe(403);
  });
});
