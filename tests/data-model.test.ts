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

const STAFF = 'api::staff-profile.staff-profile';

// Staff profiles are written by the directory (tests/directory.test.ts) through the query engine; the
// content manager only reads them (tests/records.test.ts).
describe('staff profiles', () => {
  it('link an admin user to an organization with known job roles', async () => {
    const org = await app.strapi.db
      .query('api::organization.organization')
      .create({ data: { name: '技术部', code: 'TECH', type: 'department' } });
    await app.strapi.db.query(STAFF).create({
      data: { name: '李技术', jobRoles: ['technical-head', 'surveyor'], mobile: '13800000002', organization: org.id },
    });
    const stored = await app.strapi.db.query(STAFF).findOne({ where: { name: '李技术' }, populate: ['organization'] });
    expect(stored.jobRoles).toEqual(['technical-head', 'surveyor']);
    expect(stored.organization.code).toBe('TECH');
  });

  it('refuses unknown job roles on every write path, naming the field', async () => {
    const before = await app.strapi.db.query(STAFF).count();
    const error = await app.strapi.db
      .query(STAFF)
      .create({ data: { name: '某人', jobRoles: ['janitor'] } })
      .catch((e: any) => e);
    expect(error.details.errors.map((e: any) => e.path.join('.'))).toEqual(['jobRoles']);
    expect(error.details.errors[0].message).toContain('janitor');
    expect(await app.strapi.db.query(STAFF).count()).toBe(before);
  });
});

describe('the content-api stays closed by default', () => {
  it.each(['contracts', 'payments', 'survey-records', 'signatures', 'staff-profiles', 'organizations'])(
    'GET /api/%s is not served to the public',
    async (plural) => {
      const res = await app.http().get(`/api/${plural}`);
      expect([403, 404]).toContain(res.status);
    },
  );
});

describe('character set', () => {
  it('stores text as full UTF-8 (utf8mb4 on MariaDB)', async () => {
    if (isMysql()) {
      const [rows] = await app.strapi.db.connection.raw(
        "SELECT table_name AS t, table_collation AS c FROM information_schema.tables WHERE table_schema = DATABASE() AND table_collation NOT LIKE 'utf8mb4%'",
      );
      expect(rows).toEqual([]);
    } else {
      const rows = await app.strapi.db.connection.raw('PRAGMA encoding');
      expect(rows[0].encoding).toBe('UTF-8');
    }
  });
});

/** The first column of each index of a table, as the database reports it. */
const leadingColumns = async (table: string): Promise<string[]> => {
  const knex = app.strapi.db.connection;
  if (isMysql()) {
    const [rows] = await knex.raw(
      'SELECT column_name AS c FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ? AND seq_in_index = 1',
      [table],
    );
    return rows.map((r: any) => r.c);
  }
  const indexes = await knex.raw(`PRAGMA index_list(${table})`);
  return Promise.all(indexes.map(async (i: any) => (await knex.raw(`PRAGMA index_info(${i.name})`))[0].name));
};

describe('keys for what requests look up', () => {
  // Strapi enforces `unique: true` in the application only and makes no key for it: without these, a
  // sign-in, a registration's duplicate check or a WeChat login read every applicant.
  it('applicants are found by email, username, mobile, WeChat openid and their tokens through an index', async () => {
    const leading = await leadingColumns('up_users');
    for (const column of ['email', 'username', 'mobile', 'wechat_openid', 'reset_password_token', 'confirmation_token'])
      expect(leading).toContain(column);
  });
});
