import type { Core } from '@strapi/strapi';

/** The day counter lives in its own table (database/migrations), keyed by day: the database serializes it. */
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
export const formatOrderNumber = (day: string, sequence: number): string =>
  `${PREFIX}${day}${String(sequence).padStart(2, '0')}`;

// LAST_INSERT_ID(expr) hands the new value back in the statement's own answer (its insert id).
const MYSQL_NEXT = `INSERT INTO \`${SEQUENCE_TABLE}\` (day, last_value) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const dayOf = (at: Date) => localDay(at, strapi.config.get('server.timeZone', 'Asia/Shanghai') as string);

  return {
    /**
     * Takes the next number of the day, in one statement. Call it inside the transaction that writes the
     * order, as late as it can be: from here to the commit the day's row stays locked, so concurrent
     * submissions queue on it (that is what keeps the numbers gap-free), and every round trip after it
     * lengthens the queue.
     */
    async next(trx: any, at: Date): Promise<string> {
      const day = dayOf(at);
      if (strapi.db.dialect.client === 'mysql') {
        const [result] = await trx.raw(MYSQL_NEXT, [day]);
        return formatOrderNumber(day, Number(result.insertId));
      }
      const [row] = await trx.raw(
        `INSERT INTO ?? (day, last_value) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
        [SEQUENCE_TABLE, day],
      );
      return formatOrderNumber(day, Number(row.last_value));
    },
  };
};
