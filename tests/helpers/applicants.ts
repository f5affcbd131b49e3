import { randomBytes } from 'node:crypto';
import type { TestApp } from './strapi';

let counter = 0;

/** A registration body that passes every check; override what a test is about. */
export const registrationBody = (overrides: Record<string, unknown> = {}) => {
  counter += 1;
  const tag = `${counter}${randomBytes(3).toString('hex')}`;
  return {
    username: `applicant${tag}`,
    email: `applicant${tag}@example.com`,
    password: 'Secret@123',
    // Mobile numbers are unique per account.
    mobile: `13${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`,
    realName: '测试用户',
    applicantType: 'resident',
    ...overrides,
  };
};

export const registerApplicant = async (app: TestApp, overrides: Record<string, unknown> = {}) => {
  const body = registrationBody(overrides);
  const res = await app.http().post('/api/auth/local/register').send(body);
  if (res.status !== 200) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { jwt: res.body.jwt as string, user: res.body.user, body };
};

/** Paths named in a Strapi ValidationError reply, joined with dots. */
export const errorPaths = (body: any): string[] =>
  (body?.error?.details?.errors ?? []).map((e: { path: string[] }) => e.path.join('.'));
