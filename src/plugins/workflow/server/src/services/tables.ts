import type { Core } from '@strapi/strapi';
import { documentId } from '../document-id';

type Row = Record<string, any>;

interface Table {
  name: string;
  column: (attribute: string) => string;
  /** Attribute values → a row to insert or update (JSON as text, the columns Strapi fills itself). */
  toRow: (data: Row, insert?: boolean) => Row;
  /** A row read with knex → attribute names and JS values, as the query engine would give them. */
  fromRow: (row: Row) => Row;
  /** The link table of a unidirectional manyToOne relation: its name and the columns of the two sides. */
  link: (attribute: string) => { name: string; from: string; to: string };
}

/**
 * The engine's hot paths (moving an order, appending its history, writing its notifications) write
 * rows with knex inside Strapi's transaction instead of through the query engine, whose per-call
 * processing cost more than the database work (docs/performance.md). Column names, link tables and
 * Strapi's own columns (document id, timestamps) come from Strapi's metadata, so the rows are the
 * ones the query engine would write.
 */
const tables = ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = new Map<string, Table>();

  const table = (uid: string): Table => {
    const cached = cache.get(uid);
    if (cached) return cached;
    const meta = strapi.db.metadata.get(uid as any) as any;
    const attributes: Record<string, any> = meta.attributes;
    const column = (attribute: string) => attributes[attribute]?.columnName ?? attribute;
    const byColumn = new Map<string, [string, any]>(
      Object.entries(attributes)
        .filter(([, a]) => a.type !== 'relation')
        .map(([k, a]) => [a.columnName ?? k, [k, a]]),
    );
    const value = (type: string, v: any) => {
      if (v === null || v === undefined) return v;
      if (type === 'json') return typeof v === 'string' ? JSON.parse(v) : v;
      if (type === 'boolean') return v === true || v === 1 || v === '1';
      if (type === 'datetime' || type === 'timestamp')
        return new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);
      if (type === 'integer' || type === 'biginteger' || type === 'decimal' || type === 'float') return Number(v);
      return v;
    };
    const created: Table = {
      name: meta.tableName,
      column,
      // Plain loops: these run for every row a transition writes and reads, and the entry arrays of
      // Object.entries/fromEntries were a tenth of what a transition allocated (bench heap profile).
      toRow(data, insert = false) {
        const now = new Date();
        const row: Row = {};
        const put = (attribute: string, v: unknown) => {
          if (v !== undefined)
            row[column(attribute)] = v !== null && attributes[attribute]?.type === 'json' ? JSON.stringify(v) : v;
        };
        if (insert) {
          if (attributes.documentId && !('documentId' in data)) put('documentId', documentId());
          if (attributes.createdAt && !('createdAt' in data)) put('createdAt', now);
          if (attributes.publishedAt && !('publishedAt' in data)) put('publishedAt', now);
        }
        for (const attribute in data) put(attribute, data[attribute]);
        if (attributes.updatedAt && !('updatedAt' in data)) put('updatedAt', data.createdAt ?? now);
        return row;
      },
      fromRow(row) {
        const out: Row = {};
        for (const col in row) {
          const known = byColumn.get(col);
          out[known ? known[0] : col] = known ? value(known[1].type, row[col]) : row[col];
        }
        return out;
      },
      link(attribute) {
        const jt = attributes[attribute].joinTable;
        return { name: jt.name, from: jt.joinColumn.name, to: jt.inverseJoinColumn.name };
      },
    };
    cache.set(uid, created);
    return created;
  };

  return {
    table,
    /** Runs `work` with the knex of the current transaction (a new one when none is open). */
    async inTransaction<T>(work: (trx: any) => Promise<T>): Promise<T> {
      return strapi.db.transaction(({ trx }) => work(trx));
    },
    /** Runs `work` with the knex of the current transaction, or the plain connection outside one. */
    async current<T>(work: (db: any) => Promise<T>): Promise<T> {
      return strapi.db.inTransaction() ? strapi.db.transaction(({ trx }) => work(trx)) : work(strapi.db.connection);
    },
    /** MySQL locks the rows it reads with FOR UPDATE; SQLite has one writer per database already. */
    forUpdate(query: any) {
      return strapi.db.dialect.client === 'sqlite' ? query : query.forUpdate();
    },
    /** The id of an inserted row (knex answers [id] on MySQL and SQLite). */
    async insert(trx: any, uid: string, data: Row): Promise<number> {
      const [id] = await trx(table(uid).name).insert(table(uid).toRow(data, true));
      return Number(id);
    },
    async insertMany(trx: any, uid: string, rows: Row[]) {
      if (rows.length) await trx(table(uid).name).insert(rows.map((r) => table(uid).toRow(r, true)));
    },
  };
};

export default tables;
