import { randomBytes } from 'node:crypto';
import type { TestApp } from './strapi';

const PASSWORD = 'Staff@12345';

/** A super administrator and its admin-panel JWT. */
export const superAdminToken = async (app: TestApp): Promise<string> => {
  const role = await app.strapi.service('admin::role').getSuperAdmin();
  const email = `admin-${randomBytes(4).toString('hex')}@example.com`;
  await app.strapi.service('admin::user').create({
    email,
    firstname: '测试',
    lastname: '管理员',
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const res = await app.http().post('/admin/login').send({ email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token;
};
