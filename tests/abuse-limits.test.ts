import { describe, expect, it } from 'vitest';
import { app, useWorld } from './helpers/workflow';
import { registerApplicant } from './helpers/applicants';
import data from '../database/seeds/demo-data.json';

// Real limits for this file only (the other suites lift them): read when the app boots.
process.env.RATE_LIMIT_SIGN_IN = '1000';
process.env.RATE_LIMIT_REGISTER = '200';
process.env.RATE_LIMIT_SUBMIT = '3';
// Strapi's built-in limiters would answer 429 first; this file tests the app's own.
process.env.BUILTIN_RATE_LIMITS = 'false';
useWorld();

const FAILURES = 'api::login-failure.login-failure';

describe('per-account lockout', () => {
  it('locks an applicant after 5 failed sign-ins and releases them after the window', async () => {
    const { body } = await registerApplicant(app);
    const login = (password: string) => app.http().post('/api/auth/local').send({ identifier: body.email, password });
    for (let i = 0; i < 5; i += 1) expect((await login('wrong-password')).status).toBe(400);
    const locked = await login(body.password);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toContain('锁定');
    // Fifteen minutes later: move the recorded failures back in time rather than wait.
    await app.strapi.db.query(FAILURES).updateMany({ where: {}, data: { at: new Date(Date.now() - 16 * 60_000) } });
    expect((await login(body.password)).status).toBe(200);
  });

  it('locks a staff member after 5 failed admin sign-ins, and the mobile sign-in too', async () => {
    const admin = (password: string) => app.http().post('/admin/login').send({ email: 'finance@demo.local', password });
    for (let i = 0; i < 5; i += 1) expect((await admin('wrong-password')).status).toBe(400);
    expect((await admin(data.password)).status).toBe(429);

    const { body } = await registerApplicant(app, { mobile: '13800138000' });
    const mobile = (password: string) => app.http().post('/api/account/login').send({ mobile: '13800138000', password });
    for (let i = 0; i < 5; i += 1) expect((await mobile('wrong-password')).status).toBe(400);
    expect((await mobile(body.password)).status).toBe(429);
  });

  it('a success clears the count', async () => {
    const { body } = await registerApplicant(app);
    const login = (password: string) => app.http().post('/api/auth/local').send({ identifier: body.email, password });
    for (let i = 0; i < 4; i += 1) await login('wrong-password');
    expect((await login(body.password)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await login('wrong-password')).status).toBe(400);
    expect((await login(body.password)).status).toBe(200);
  });
});

describe('per-IP limits', () => {
  it('limits submissions from one address', async () => {
    const { jwt } = await registerApplicant(app);
    const submit = () => app.http().post('/api/workflow/orders').set('Authorization', `Bearer ${jwt}`).send({ processKey: 'nope', formData: {} });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await submit()).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });
});
