import type { Core } from '@strapi/strapi';

/** The day counter lives in its own table (database/migrations), keyed by day, so the database serializes allocation. */
export const SEQUENCE_TABLE = 'order_number_sequences';
const PREFIX = 'BZ';

// One formatter per time zone: creating one costs more than formatting with it (a profile of submissions showed it).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** yyyyMMdd of an instant in the utility's time zone (orders are numbered by the local working day). */
export const localDay = (at: Date, timeZone: string): string => {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}${get('month')}${get('day')}`;
};

/** `BZ` + yyyyMMdd + a daily sequence of at least two digits: BZ2019081414, BZ20190814100. */
export const formatOrderNumber = (day: string, sequence: number): string => `${PREFIX}${day}${String(sequence).padStart(2, '0')}`;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Takes the next number of the day. Call inside the transaction that inserts the order: the upsert
   * keeps the day's row locked until commit, so concurrent callers queue instead of colliding.
   */
  async next(trx: any, at: Date): Promise<string> {
    const knex = strapi.db.connection;
    const day = localDay(at, strapi.config.get('server.timeZone', 'Asia/Shanghai') as string);
    await knex(SEQUENCE_TABLE)
      .transacting(trx)
      .insert({ day, last_value: 1 })
      .onConflict('day')
      .merge({ last_value: knex.raw('?? + 1', [`${SEQUENCE_TABLE}.last_value`]) });
    const row = await knex(SEQUENCE_TABLE).transacting(trx).where({ day }).first('last_value');
    return formatOrderNumber(day, Number(row.last_value));
  },
});
