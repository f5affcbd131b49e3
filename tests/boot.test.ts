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
    for (const uid of [
      'api::order.order',
      'api::organization.organization',
      'api::contract.contract',
      'api::staff-profile.staff-profile',
    ]) {
      expect(app.strapi.contentType(uid), uid).toBeTruthy();
    }
    const user = app.strapi.contentType('plugin::users-permissions.user');
    expect(Object.keys(user.attributes)).toEqual(
      expect.arrayContaining(['mobile', 'realName', 'applicantType', 'creditCode', 'wechatOpenid']),
    );
  });

  // config/logger.ts: a line below the level is dropped before winston formats it, not after.
  it('logs at its configured level only, each line with its timestamp, and drops the others before formatting them', async () => {
    const { Writable } = await import('node:stream');
    const { winston } = await import('@strapi/logger');
    const log = app.strapi.log as any;
    expect(log.level).toBe(process.env.LOG_LEVEL);
    const lines: string[] = [];
    const transport = new winston.transports.Stream({
      stream: new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    log.add(transport);
    try {
      log.http('POST /workflow/orders/1/actions/approve (3 ms) 200');
      log.error('a line at the level');
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      log.remove(transport);
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] .*error.*: a line at the level/);
    expect(log.format.transform({ level: 'http', message: 'x', [Symbol.for('level')]: 'http' })).toBe(false);
  });

  it('refuses the staff API without an admin token', async () => {
    const res = await app.http().get('/workflow/info');
    expect(res.status).toBe(401);
  });

  it('sets the security headers of its configuration on every response, and the admin panel its development exceptions', async () => {
    const first = await app.http().get('/_health');
    const again = await app.http().get('/api/workflow/processes');
    for (const res of [first, again]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      // config/middlewares.ts: the H5 page reads picked photos as blob: URLs.
      expect(res.headers['content-security-policy']).toContain("connect-src 'self' https: blob: data:");
      expect(res.headers['content-security-policy']).not.toContain('ws:');
    }
    // Strapi's own exception for the admin panel in development and tests (Vite's websocket).
    const panel = await app.http().get('/admin/init');
    expect(panel.headers['content-security-policy']).toContain('ws:');
    expect((await app.http().get('/_health')).headers['content-security-policy']).toBe(
      first.headers['content-security-policy'],
    );
  });
});

describe('the session cookie', () => {
  it('still carries an OAuth provider sign-in to the provider and back', async () => {
    const store = app.strapi.store({ type: 'plugin', name: 'users-permissions', key: 'grant' });
    const grant: any = await store.get();
    await store.set({
      value: { ...grant, github: { ...grant.github, enabled: true, key: 'client-id', secret: 'client-secret' } },
    });
    try {
      const res = await app.http().get('/api/connect/github').redirects(0);
      expect(res.status).toBe(302);
      expect(res.headers.location).toMatch(/^https:\/\/github\.com\/login\/oauth\/authorize\?.*client_id=client-id/);
      // Grant keeps the provider and its state in the session until the provider calls back.
      expect(String(res.headers['set-cookie'])).toMatch(/koa\.sess=/);
    } finally {
      await store.set({ value: grant });
    }
  });
});
