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

const LOCKED = '登录失败次数过多，账号已锁定，请15分钟后再试';

/** One mobile number the ways people write it. */
const spellings = (m: string) => [
  m,
  `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
  `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
  `+86${m}`,
  `86 ${m}`,
  `+86 ${m}`,
];

const byIdentifier = (identifier: string, password: string) =>
  app.http().post('/api/auth/local').send({ identifier, password });
const byMobile = (mobile: string, password: string) => app.http().post('/api/account/login').send({ mobile, password });
const byStaffEmail = (email: string, password: string) => app.http().post('/admin/login').send({ email, password });
const answer = (res: { status: number; body: any }) => `${res.status} ${res.body?.error?.message ?? ''}`;

describe('per-account lockout', () => {
  it('locks an applicant after 5 failed sign-ins and releases them after the window', async () => {
    const { body } = await registerApplicant(app);
    for (let i = 0; i < 5; i += 1) expect((await byIdentifier(body.email, 'wrong-password')).status).toBe(400);
    const locked = await byIdentifier(body.email, body.password);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toBe(LOCKED);
    // Fifteen minutes later: move the recorded failures back in time rather than wait.
    await app.strapi.db.query(FAILURES).updateMany({ where: {}, data: { at: new Date(Date.now() - 16 * 60_000) } });
    expect((await byIdentifier(body.email, body.password)).status).toBe(200);
  });

  it('5 failures by e-mail lock the account by username and by mobile in every spelling', async () => {
    const { body } = await registerApplicant(app, { mobile: '13500001111' });
    for (let i = 0; i < 5; i += 1) expect((await byIdentifier(body.email, 'wrong-password')).status).toBe(400);
    expect(answer(await byIdentifier(body.username, body.password))).toBe(`429 ${LOCKED}`);
    expect(answer(await byIdentifier(body.email.toUpperCase(), body.password))).toBe(`429 ${LOCKED}`);
    for (const mobile of spellings(body.mobile))
      expect(answer(await byMobile(mobile, body.password))).toBe(`429 ${LOCKED}`);
  });

  it('the spellings of one mobile number share one count, and it locks the e-mail too', async () => {
    const { body } = await registerApplicant(app, { mobile: '13500002222' });
    const [plain, ...others] = spellings(body.mobile);
    for (const mobile of others.slice(0, 5))
      expect(answer(await byMobile(mobile, 'wrong-password'))).toBe('400 手机号码或密码错误');
    expect(answer(await byMobile(plain, body.password))).toBe(`429 ${LOCKED}`);
    expect(answer(await byIdentifier(body.email, body.password))).toBe(`429 ${LOCKED}`);
  });

  it('an account that does not exist gets the same answers as one that does', async () => {
    const byMobileSpellings = async (mobile: string) => {
      const answers = [];
      for (const spelled of [...spellings(mobile), mobile])
        answers.push(answer(await byMobile(spelled, 'wrong-password')));
      return answers;
    };
    const byEmailCases = async (email: string) => {
      const answers = [];
      for (const spelled of [email.toUpperCase(), ` ${email}`, email, `${email} `, email.toUpperCase(), email]) {
        answers.push(answer(await byIdentifier(spelled, 'wrong-password')));
      }
      return answers;
    };
    const known = await registerApplicant(app, { mobile: '13500003333' });
    const mobileAnswers = await byMobileSpellings(known.body.mobile);
    expect(mobileAnswers).toEqual([...Array(5).fill('400 手机号码或密码错误'), ...Array(2).fill(`429 ${LOCKED}`)]);
    expect(await byMobileSpellings('13500004444')).toEqual(mobileAnswers);

    const other = await registerApplicant(app);
    const emailAnswers = await byEmailCases(other.body.email);
    expect(emailAnswers.map((a) => a.slice(0, 3))).toEqual(['400', '400', '400', '400', '400', '429']);
    expect(await byEmailCases('nobody-here@example.com')).toEqual(emailAnswers);
  });

  it('locks a staff member after 5 failed admin sign-ins under any case of the e-mail', async () => {
    for (const email of [
      'Finance@Demo.Local',
      'FINANCE@demo.local',
      ' finance@demo.local',
      'finance@DEMO.local',
      'fInance@demo.local',
    ]) {
      expect((await byStaffEmail(email, 'wrong-password')).status).toBe(400);
    }
    expect(answer(await byStaffEmail('finance@demo.local', data.password))).toBe(`429 ${LOCKED}`);
    // Unknown staff e-mails are answered alike.
    const unknown = [];
    for (const email of [
      'Nobody@Demo.Local',
      'NOBODY@demo.local',
      ' nobody@demo.local',
      'nobody@DEMO.local',
      'nObody@demo.local',
      'nobody@demo.local',
    ]) {
      unknown.push((await byStaffEmail(email, 'wrong-password')).status);
    }
    expect(unknown).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('a success by any identifier clears the account count', async () => {
    const { body } = await registerApplicant(app, { mobile: '13500005555' });
    for (let i = 0; i < 4; i += 1) expect((await byIdentifier(body.username, 'wrong-password')).status).toBe(400);
    expect((await byMobile(`+86 ${body.mobile}`, body.password)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await byIdentifier(body.email, 'wrong-password')).status).toBe(400);
    expect((await byIdentifier(body.username, body.password)).status).toBe(200);
  });
});

describe('per-IP limits', () => {
  it('limits submissions from one address', async () => {
    const { jwt } = await registerApplicant(app);
    const submit = () =>
      app
        .http()
        .post('/api/workflow/orders')
        .set('Authorization', `Bearer ${jwt}`)
        .send({ processKey: 'nope', formData: {} });
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await submit()).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });
});
