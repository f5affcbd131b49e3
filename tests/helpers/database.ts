import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

export const isMysql = () => process.env.DATABASE_CLIENT === 'mysql';

const mysqlOptions = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 3306),
  user: process.env.DATABASE_USERNAME ?? 'root',
  password: process.env.DATABASE_PASSWORD ?? '',
});

/** A fresh, empty database for one test file; points the app's DATABASE_* variables at it. */
export const createTestDatabase = async (): Promise<{ drop: () => Promise<void> }> => {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (isMysql()) {
    const conn = await mysql.createConnection(mysqlOptions());
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();
    process.env.DATABASE_NAME = name;
    return {
      async drop() {
        const c = await mysql.createConnection(mysqlOptions());
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strapi-test-'));
  process.env.DATABASE_FILENAME = path.join(dir, `${name}.db`);
  return {
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
