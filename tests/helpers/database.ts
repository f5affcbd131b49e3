import { spawn } from 'node:child_process';
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

/**
 * Holds the database's write lock (SQLite) or a row's lock (MySQL) from a connection of its own, as another
 * instance writing would, for `ms`; resolves once the lock is taken and gives back a promise of its release.
 */
export const holdWriteLock = async (table: string, id: number, ms: number): Promise<{ released: Promise<void> }> => {
  const wait = () => new Promise((r) => setTimeout(r, ms));
  if (isMysql()) {
    const conn = await mysql.createConnection({ ...mysqlOptions(), database: process.env.DATABASE_NAME });
    await conn.query('START TRANSACTION');
    await conn.query(`SELECT id FROM \`${table}\` WHERE id = ? FOR UPDATE`, [id]);
    return { released: wait().then(() => conn.query('COMMIT').then(() => conn.end())) };
  }
  // In a process of its own: better-sqlite3 waits for a lock synchronously, which would stall a holder in this one.
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const db = new (require('better-sqlite3'))(process.argv[1]); db.exec('BEGIN IMMEDIATE');
       process.stdout.write('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});`,
      process.env.DATABASE_FILENAME!,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve) => holder.stdout.once('data', resolve));
  return { released: new Promise((resolve) => holder.once('exit', () => resolve())) };
};
