import type { Core } from '@strapi/strapi';
import { createPool, type Pool, type PoolConnection } from 'mysql2';

type Row = Record<string, unknown>;

/** Stands for the id of the history event written earlier in the same trip (MySQL's `@event`). */
export const THIS_EVENT = Symbol('the history event of this trip');
/** The id of the order a trip inserts (`@order`), its first event's hash (`@hash`) and its number (`@number`). */
export const THIS_ORDER = Symbol('the order of this trip');
export const THIS_HASH = Symbol('the first event hash of this trip');
export const THIS_NUMBER = Symbol('the order number of this trip');

const VARIABLES = new Map<unknown, string>([
  [THIS_EVENT, '@event'],
  [THIS_ORDER, '@order'],
  [THIS_HASH, '@hash'],
  [THIS_NUMBER, '@number'],
]);

export interface OneTripWrite {
  /** The order's update, written only while the row still holds `where` (attribute columns → values, null for IS NULL). */
  order: { table: string; set: Row; where: Array<[string, unknown]> };
  event: { table: string; row: Row };
  /** Rows of one table referring to the event with THIS_EVENT; all with the same columns. */
  notifications: { table: string; rows: Row[] } | null;
}

const name = (identifier: string) => `\`${identifier.replace(/`/g, '``')}\``;

/** A value as a placeholder and its binding, or one of the trip's variables. */
const value = (v: unknown, bindings: unknown[]) => {
  const variable = VARIABLES.get(v);
  if (variable) return variable;
  bindings.push(v);
  return '?';
};

const columnsOf = (table: string, rows: Row[]) => {
  const columns = Object.keys(rows[0]);
  for (const row of rows) {
    if (Object.keys(row).length !== columns.length || !columns.every((c) => c in row)) throw new Error(`one-trip: the rows of ${table} have different columns`);
  }
  return columns;
};

/** INSERT … SELECT of rows that are written only when the order's update wrote its row. */
const insertWhenWritten = (table: string, rows: Row[], bindings: unknown[]) => {
  const columns = columnsOf(table, rows);
  const selects = rows.map((row) => `SELECT ${columns.map((c) => value(row[c], bindings)).join(', ')} FROM DUAL WHERE @ok = 1`);
  return `INSERT INTO ${name(table)} (${columns.map(name).join(', ')}) ${selects.join(' UNION ALL ')}`;
};

/**
 * INSERT … VALUES of rows; `numbered` names a JSON column whose `number` the trip's number replaces
 * (notifications print the order's number, taken last).
 */
const insertValues = (table: string, rows: Row[], bindings: unknown[], numbered?: string) => {
  const columns = columnsOf(table, rows);
  const tuples = rows.map((row) => `(${columns.map((c) => (c === numbered ? `JSON_SET(${value(row[c], bindings)}, '$.number', @number)` : value(row[c], bindings))).join(', ')})`);
  return `INSERT INTO ${name(table)} (${columns.map(name).join(', ')}) VALUES ${tuples.join(', ')}`;
};

export interface OneTripStart {
  /** The new order's row (under a placeholder number) and its link rows, whose `from` column takes its id. */
  order: { table: string; row: Row; links: Array<{ table: string; from: string; to: string; id: number }> };
  /** The first event's hash is SHA2(before ‖ the order's id ‖ after): its content covers the id, known only here. */
  hash: { before: string; after: string };
  /** The first event, THIS_ORDER for its order and THIS_HASH for its hash. */
  event: { table: string; row: Row };
  /** Statements that take the order's number into `@number` (api::order.order-number). */
  number: { sql: string[]; bindings: unknown[] };
  /** The order's columns written once its number and hash are known (THIS_NUMBER, THIS_HASH). */
  finish: Row;
  notifications: { table: string; rows: Row[]; numbered: string } | null;
}

/**
 * A transition's writes, and a submission's (`start`), on MySQL in one round trip. Through knex a transition was five statements
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

  /** Runs a transaction's statements as one query; answers the row of its SELECT, the statement before COMMIT. */
  const trip = async (statements: string[], bindings: unknown[]) => {
    const connection = await new Promise<PoolConnection>((resolve, reject) => connections().getConnection((error, c) => (error ? reject(error) : resolve(c))));
    try {
      const results: any[] = await query(connection, statements.join(';\n'), bindings);
      connection.release();
      return results[results.length - 2][0];
    } catch (error) {
      // MySQL stops at the failing statement with the transaction open: what came before it goes back.
      await query(connection, 'ROLLBACK').then(() => connection.release(), () => connection.destroy());
      throw error;
    }
  };

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
      const answer = await trip(statements, bindings);
      return Number(answer.ok) === 1 ? Number(answer.event) : null;
    },

    /**
     * A submission's writes in one round trip: the order, its links, its first event, its number (taken
     * last: the day's counter stays locked to the commit) and its notifications. Through knex they were
     * nine statements, each a socket write and a wait for MariaDB's answer (docs/performance.md).
     */
    async start(write: OneTripStart): Promise<{ id: number; event: number; number: string; hash: string }> {
      const bindings: unknown[] = [];
      const { order, hash, event, number, finish, notifications } = write;
      const statements = [
        'START TRANSACTION',
        insertValues(order.table, [order.row], bindings),
        'SET @order := LAST_INSERT_ID()',
        ...order.links.map((link) => `INSERT INTO ${name(link.table)} (${name(link.from)}, ${name(link.to)}) VALUES (@order, ${value(link.id, bindings)})`),
        `SET @hash := SHA2(CONCAT(${value(hash.before, bindings)}, @order, ${value(hash.after, bindings)}), 256)`,
        insertValues(event.table, [event.row], bindings),
        'SET @event := LAST_INSERT_ID()',
      ];
      bindings.push(...number.bindings);
      statements.push(...number.sql);
      statements.push(`UPDATE ${name(order.table)} SET ${Object.entries(finish).map(([column, v]) => `${name(column)} = ${value(v, bindings)}`).join(', ')} WHERE id = @order`);
      if (notifications?.rows.length) statements.push(insertValues(notifications.table, notifications.rows, bindings, notifications.numbered));
      statements.push('SELECT @order AS id, @event AS event, @number AS number, @hash AS hash', 'COMMIT');
      const answer = await trip(statements, bindings);
      return { id: Number(answer.id), event: Number(answer.event), number: String(answer.number), hash: String(answer.hash) };
    },

    async destroy() {
      const closing = pool;
      pool = null;
      if (closing) await new Promise<void>((resolve) => closing.end(() => resolve()));
    },
  };
};

export default oneTrip;
