import type { Core } from '@strapi/strapi';
import { createPool, type Pool, type PoolConnection } from 'mysql2';

type Row = Record<string, unknown>;

/** Stands for the id of the history event written earlier in the same trip (MySQL's `@event`). */
export const THIS_EVENT = Symbol('the history event of this trip');

export interface OneTripWrite {
  /** The order's update, written only while the row still holds `where` (attribute columns → values, null for IS NULL). */
  order: { table: string; set: Row; where: Array<[string, unknown]> };
  event: { table: string; row: Row };
  /** Rows of one table referring to the event with THIS_EVENT; all with the same columns. */
  notifications: { table: string; rows: Row[] } | null;
}

const name = (identifier: string) => `\`${identifier.replace(/`/g, '``')}\``;

/** A value as a placeholder and its binding, or the event's id. */
const value = (v: unknown, bindings: unknown[]) => {
  if (v === THIS_EVENT) return '@event';
  bindings.push(v);
  return '?';
};

/** INSERT … SELECT of rows that are written only when the order's update wrote its row. */
const insertWhenWritten = (table: string, rows: Row[], bindings: unknown[]) => {
  const columns = Object.keys(rows[0]);
  for (const row of rows) {
    if (Object.keys(row).length !== columns.length || !columns.every((c) => c in row)) throw new Error(`one-trip: the rows of ${table} have different columns`);
  }
  const selects = rows.map((row) => `SELECT ${columns.map((c) => value(row[c], bindings)).join(', ')} FROM DUAL WHERE @ok = 1`);
  return `INSERT INTO ${name(table)} (${columns.map(name).join(', ')}) ${selects.join(' UNION ALL ')}`;
};

/**
 * A transition's writes on MySQL in one round trip. Through knex a transition was five statements
 * (BEGIN, the conditional update, the event, the notifications, COMMIT), each a socket write and a
 * wait for MariaDB's answer; here they are one multi-statement query, in which the event and the
 * notifications are written only when the update wrote the order's row (`ROW_COUNT()`), and the
 * notifications take the event's id from `LAST_INSERT_ID()`. Multi-statement queries are allowed on
 * this pool only, whose SQL is composed here with placeholders; Strapi's own connections stay as they
 * are. The pool has as many connections as Strapi's, each held for one round trip (docs/performance.md).
 */
const oneTrip = ({ strapi }: { strapi: Core.Strapi }) => {
  let pool: Pool | null = null;

  const connections = () => {
    if (!pool) {
      const config = strapi.db.config.connection as any;
      pool = createPool({
        ...config.connection,
        multipleStatements: true,
        connectionLimit: config.pool?.max ?? 10,
        // Strapi's type cast (a function) makes mysql2 build an object of closures for every field of
        // every row: the largest item of what a transition allocated. mysql2's own conversion is kept
        // instead, and `tables.fromRow` turns DECIMAL strings and TINYINT(1) into numbers and booleans
        // by the attribute's type as Strapi's cast does; DATE stays a string, as Strapi reads it.
        typeCast: true,
        dateStrings: ['DATE'],
      });
    }
    return pool;
  };

  const query = (connection: PoolConnection, sql: string, bindings: unknown[] = []) =>
    new Promise<any>((resolve, reject) => connection.query(sql, bindings, (error, results) => (error ? reject(error) : resolve(results))));

  return {
    /**
     * Whether a write can go in one trip: on MySQL, and not inside a transaction of Strapi's (whose
     * writes a second connection would neither see nor join).
     */
    available() {
      return strapi.db.dialect.client === 'mysql' && !strapi.db.inTransaction();
    },

    /**
     * The first row of `table` whose `column` holds `value`, without knex's query building and pool:
     * a transition's first read was the last of its statements to go through them. Its values are
     * mysql2's: read them with `tables.fromRow`.
     */
    async first(table: string, column: string, value: unknown): Promise<Row | undefined> {
      const rows = await new Promise<Row[]>((resolve, reject) =>
        connections().query(`SELECT * FROM ${name(table)} WHERE ${name(column)} = ? LIMIT 1`, [value], (error, results) => (error ? reject(error) : resolve(results as Row[]))),
      );
      return rows[0];
    },

    /** Writes it all or nothing; answers the event's id, or null when the order's row no longer held `where` (nothing written). */
    async write({ order, event, notifications }: OneTripWrite): Promise<number | null> {
      const bindings: unknown[] = [];
      const set = Object.entries(order.set).map(([column, v]) => `${name(column)} = ${value(v, bindings)}`);
      const where = order.where.map(([column, v]) => (v === null || v === undefined ? `${name(column)} IS NULL` : `${name(column)} = ${value(v, bindings)}`));
      const statements = [
        'START TRANSACTION',
        `UPDATE ${name(order.table)} SET ${set.join(', ')} WHERE ${where.join(' AND ')}`,
        'SET @ok := ROW_COUNT(), @event := NULL',
        insertWhenWritten(event.table, [event.row], bindings),
        'SET @event := IF(@ok = 1, LAST_INSERT_ID(), NULL)',
        ...(notifications?.rows.length ? [insertWhenWritten(notifications.table, notifications.rows, bindings)] : []),
        'SELECT @ok AS ok, @event AS event',
        'COMMIT',
      ];
      const connection = await new Promise<PoolConnection>((resolve, reject) => connections().getConnection((error, c) => (error ? reject(error) : resolve(c))));
      try {
        const results: any[] = await query(connection, statements.join(';\n'), bindings);
        const [answer] = results[results.length - 2];
        connection.release();
        return Number(answer.ok) === 1 ? Number(answer.event) : null;
      } catch (error) {
        // MySQL stops at the failing statement with the transaction open: what came before it goes back.
        await query(connection, 'ROLLBACK').then(() => connection.release(), () => connection.destroy());
        throw error;
      }
    },

    async destroy() {
      const closing = pool;
      pool = null;
      if (closing) await new Promise<void>((resolve) => closing.end(() => resolve()));
    },
  };
};

export default oneTrip;
