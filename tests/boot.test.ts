import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from './helpers/strapi';
import { isMysql } from './helpers/database';

let app: TestApp;
beforeAll(async () => {
  app = await bootApp();
});
afterAll(async () => {
  await app?.close();
});

describe('the application boots', () => {
  it(`runs on ${isMysql() ? 'MariaDB/MySQL' : 'SQLite'}`, async () => {
    expect(app.strapi.db.dialect.client).toBe(isMysql() ? 'mysql' : 'sqlite');
    const res = await app.http().get('/_health');
    expect(res.status).toBe(204);
  });

  it('loads the workflow plugin and the utility content types', async () => {
    expect(app.strapi.plugin('workflow')).toBeTruthy();
    for (const uid of ['api::order.order', 'api::organization.organization', 'api::contract.contract', 'api::staff-profile.staff-profile']) {
      expect(app.strapi.contentType(uid), uid).toBeTruthy();
    }
    const user = app.strapi.contentType('plugin::users-permissions.user');
    expect(Object.keys(user.attributes)).toEqual(expect.arrayContaining(['mobile', 'realName', 'applicantType', 'creditCode', 'wechatOpenid']));
  });

  it('refuses the staff API without an admin token', async () => {
    const res = await app.http().get('/workflow/info');
    expect(res.status).toBe(401);
  });
});
