import path from 'path';
import SqliteTransaction from 'knex/lib/dialects/sqlite3/execution/sqlite-transaction';

/**
 * SQLite gives a transaction that has read and then writes no chance to wait: it fails at once with
 * SQLITE_BUSY when another instance holds the write lock. Transactions therefore take the write lock
 * when they begin (BEGIN IMMEDIATE), where SQLite waits for it (better-sqlite3's busy timeout, 5 s). Knex has no option
 * for this, so its SQLite transaction's first statement is changed here, once.
 */
const writeLockUpFront = () => {
  SqliteTransaction.prototype.begin = function begin(conn: unknown) {
    return this.query(conn, 'BEGIN IMMEDIATE;');
  };
};

/**
 * SQLite is the default so the product runs with no server; MySQL/MariaDB is production.
 * utf8mb4 on MySQL so that Chinese text (and any 4-byte character) round-trips.
 */
export default ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'mysql') {
    return {
      connection: {
        client: 'mysql',
        connection: {
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 3306),
          database: env('DATABASE_NAME', 'utility'),
          user: env('DATABASE_USERNAME', 'root'),
          password: env('DATABASE_PASSWORD', ''),
          charset: 'utf8mb4',
          ssl: env.bool('DATABASE_SSL', false)
            ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
            : false,
        },
        pool: {
          min: env.int('DATABASE_POOL_MIN', 2),
          max: env.int('DATABASE_POOL_MAX', 10),
        },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  writeLockUpFront();
  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
    },
  };
};
