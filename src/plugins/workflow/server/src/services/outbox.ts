import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { notFound } from '../errors';
import type { Channel, Notification } from '../engine/spec';
import type { WorkflowConfig } from '../config';
import type { SendOutcome } from './sms';
import type { Actor } from './registry';
import { getService } from '../utils';

const DEFAULT_CHANNELS: Record<string, Channel[]> = { applicant: ['sms', 'message', 'wechat'] };

/** yyyy-MM in China time: SMS are billed by the calendar month. */
const chinaMonth = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

/** A row taken for sending: its id and the token of this claim, kept on the row while it is held. */
interface Claim {
  id: number;
  token: string;
}

/** What one round of the worker did: rows sent, skipped, to be retried, dead-lettered. */
type RoundResult = Record<'sent' | 'skipped' | 'retried' | 'dead', number>;

/** SMS template parameters must be strings; only the order's identity, step and reason go out. */
const smsParams = (payload: Record<string, any>) =>
  Object.fromEntries(
    Object.entries({ number: payload.number, step: payload.stepLabel, reason: payload.reason, level: payload.level })
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v).slice(0, 35)]),
  );

/**
 * Notifications leave through the outbox. A transition writes the rows in its own transaction; a
 * worker on every app instance finds due rows and takes each one just before sending it (a
 * compare-and-set on the row, so each is taken by one sender), holds its lease while sending and
 * marks it only if it still holds it. A failure is retried with exponential backoff; after the last
 * attempt, or at once when retrying cannot help, the row is dead-lettered for an administrator to
 * retry. A crash between sending and marking leaves the lease to expire and the row to be sent again:
 * at least once, never lost.
 */
const outbox = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get('plugin::workflow') as WorkflowConfig).outbox;
  const now = () => getService('clock').now();

  /** The applicant's mobile and WeChat openid, else the phone the application gave. */
  const applicantContact = async (orderId: number) => {
    const order = await getService('orderRows').load({ id: orderId });
    const applicant = order?.applicantRef
      ? await strapi.db
          .query('plugin::users-permissions.user')
          .findOne({ where: { id: order.applicantRef }, select: ['id', 'mobile', 'wechatOpenid'] })
      : null;
    return order ? { contactPhone: order.contactPhone as string | null, applicant } : null;
  };

  const send = async (row: any): Promise<SendOutcome> => {
    if (row.channel === 'archive') return getService('archives').build(row.orderId);
    if (row.channel === 'message') {
      const written = await getService('messages').deliver(row);
      return written > 0 ? { ok: true, providerId: `${written}` } : { ok: 'skipped', reason: '没有接收人' };
    }
    if (!row.recipient) return { ok: 'skipped', reason: '没有接收人（未留手机号或未绑定微信）' };
    if (row.channel === 'sms') return getService('sms').send(row.recipient, row.template, smsParams(row.payload ?? {}));
    return getService('wechat').send(row.recipient, row.template, row.payload ?? {}, now().getTime());
  };

  const table = () => strapi.db.query(UIDS.outbox);
  const leaseMs = () => config().leaseSeconds * 1000;
  /** Rows to send at `at`: waiting or being sent, due, and not leased by a sender now. */
  const dueAt = (at: Date) => ({
    status: { $in: ['pending', 'sending'] },
    nextAttemptAt: { $lte: at },
    $or: [{ leaseUntil: { $null: true } }, { leaseUntil: { $lt: at } }],
  });

  /**
   * Takes one row for this sender with a compare-and-set: its lease is counted from now, when it is
   * about to be sent, and the token names this claim (not just this instance) for the renewals and
   * the mark. Null when the row is no longer free and due.
   */
  const claimRow = async (id: number): Promise<Claim | null> => {
    const at = now();
    const token = `${getService('leases').instance}:${randomUUID().slice(0, 8)}`;
    const { count } = await table().updateMany({
      where: { id, ...dueAt(at) },
      data: { status: 'sending', leaseOwner: token, leaseUntil: new Date(at.getTime() + leaseMs()) },
    });
    return count === 1 ? { id, token } : null;
  };

  /**
   * Runs `work` (one send) while renewing the claim's lease every third of its length: however long
   * the send takes, no other sender takes the row while this one lives. A renewal changes nothing
   * once another sender has taken the row (the token differs).
   */
  const holding = async <T>(claim: Claim, work: () => Promise<T>): Promise<T> => {
    const renew = () => {
      const leaseUntil = new Date(now().getTime() + leaseMs());
      return table().updateMany({ where: { id: claim.id, leaseOwner: claim.token }, data: { leaseUntil } });
    };
    let renewals: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => (renewals = renewals.then(renew).catch(() => undefined)), leaseMs() / 3);
    try {
      return await work();
    } finally {
      clearInterval(timer);
      await renewals;
    }
  };

  /** What a send's outcome writes to its row, and which figure of the round it counts in. */
  const markOf = (row: any, outcome: SendOutcome): { counted: keyof RoundResult; data: Record<string, unknown> } => {
    const { maxAttempts, backoffSeconds } = config();
    const at = now();
    const attempts = (row.attempts ?? 0) + 1;
    if (outcome.ok === true) {
      const sent = { sentAt: at, sentMonth: chinaMonth(at), providerId: outcome.providerId };
      return { counted: 'sent', data: { status: 'sent', ...sent, attempts, lastError: null } };
    }
    if (outcome.ok === 'skipped') {
      return { counted: 'skipped', data: { status: 'skipped', sentAt: at, attempts, lastError: outcome.reason } };
    }
    if (outcome.retry && attempts < maxAttempts) {
      const nextAttemptAt = new Date(at.getTime() + backoffSeconds * 1000 * 2 ** (attempts - 1));
      return { counted: 'retried', data: { status: 'pending', attempts, lastError: outcome.error, nextAttemptAt } };
    }
    return { counted: 'dead', data: { status: 'dead', attempts, lastError: outcome.error } };
  };

  return {
    /** Writes the notifications of one event; call inside the transaction that records the event. */
    async enqueue(
      orderId: number,
      historyEventId: number | null,
      notifications: Notification[],
      payload: Record<string, unknown>,
    ) {
      const rows = await this.rowsFor(orderId, historyEventId, notifications, payload);
      await getService('tables').current((trx) => getService('tables').insertMany(trx, UIDS.outbox, rows));
      return rows.length;
    },

    /**
     * The outbox rows of `enqueue`, not written yet: one per notification and channel, except SMS to
     * staff, one per staff member of the audience with a mobile number.
     */
    async rowsFor(
      orderId: number,
      historyEventId: number | null,
      notifications: Notification[],
      payload: Record<string, unknown>,
    ) {
      if (!notifications.length) return [];
      const order = notifications.some((n) => n.to === 'applicant') ? await applicantContact(orderId) : null;
      const recipientsOf = async (n: Notification, channel: Channel): Promise<Array<string | null>> => {
        if (n.to === 'person') {
          const who = await getService('messages').person(n.person ?? null);
          const recipient = channel === 'sms' ? who?.mobile : who ? String(who.adminId) : null;
          return recipient ? [recipient] : [];
        }
        if (n.to !== 'applicant') {
          if (channel !== 'sms') return [null];
          const staff = await getService('messages').staffRecipients(orderId, n.to);
          return staff.flatMap((r) => (r.mobile ? [r.mobile] : []));
        }
        if (channel === 'message') return [order?.applicant ? String(order.applicant.id) : null];
        if (channel === 'sms') return [order?.applicant?.mobile ?? order?.contactPhone ?? null];
        // WeChat reaches only mini-program users: no openid, no row.
        return order?.applicant?.wechatOpenid ? [order.applicant.wechatOpenid] : [];
      };
      const at = now();
      const rows = [];
      for (const n of notifications) {
        for (const channel of n.channels ?? DEFAULT_CHANNELS[n.to] ?? ['message']) {
          for (const recipient of await recipientsOf(n, channel)) {
            rows.push({
              orderId,
              historyEventId,
              audience: n.to,
              channel,
              template: n.template,
              recipient,
              payload: { ...payload, ...(n.level ? { level: n.level } : {}) },
              status: 'pending',
              attempts: 0,
              nextAttemptAt: at,
            });
          }
        }
      }
      return rows;
    },

    /**
     * One round of the worker: per due row, claim it, send it, mark it. Answers what happened to
     * each row it marked.
     */
    async runOnce() {
      const at = now();
      const { batchSize } = config();
      const due = await table().findMany({
        where: dueAt(at),
        select: ['id'],
        orderBy: { id: 'asc' },
        limit: batchSize,
      });
      const result: RoundResult = { sent: 0, skipped: 0, retried: 0, dead: 0 };
      for (const { id } of due) {
        const claim = await claimRow(id);
        if (!claim) continue; // another sender has it, or has dealt with it since
        const row = await table().findOne({ where: { id } });
        const { counted, data } = markOf(row, await holding(claim, () => send(row)));
        // Marked only while the claim's token is on the row: it is, unless the lease lapsed (the sender
        // stalled past it) and another sender took the row, which then is that sender's to mark.
        const marked = { ...data, leaseOwner: null, leaseUntil: null };
        const { count } = await table().updateMany({ where: { id, leaseOwner: claim.token }, data: marked });
        if (count === 1) result[counted] += 1;
      }
      return result;
    },

    /** Dead letters an administrator may see: everything for super administrators, else their scope's orders. */
    async deadLetters(actor: Actor, query: { page: number; pageSize: number }) {
      const where: Record<string, unknown> = { status: 'dead' };
      if (!actor.superAdmin) {
        const orders = await strapi.db
          .query(UIDS.order)
          .findMany({ where: await getService('scope').where(actor), select: ['id'] });
        where.orderId = { $in: orders.map((o: any) => o.id).concat(-1) };
      }
      const [rows, total] = await Promise.all([
        strapi.db.query(UIDS.outbox).findMany({
          where,
          orderBy: { id: 'desc' },
          offset: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }),
        strapi.db.query(UIDS.outbox).count({ where }),
      ]);
      return {
        data: rows.map((r: any) => ({
          id: r.id,
          number: r.payload?.number ?? null,
          channel: r.channel,
          audience: r.audience,
          template: r.template,
          title: getService('registry').message(r.template, r.payload ?? {}).title,
          // The panel shows who, not the full number.
          recipient:
            r.channel === 'sms' && r.recipient ? `${r.recipient.slice(0, 3)}****${r.recipient.slice(-4)}` : r.recipient,
          attempts: r.attempts,
          lastError: r.lastError,
          createdAt: r.createdAt,
        })),
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            total,
            pageCount: Math.ceil(total / query.pageSize),
          },
        },
      };
    },

    /** Puts a dead letter back in the queue, due now, with a fresh count of attempts. */
    async retry(actor: Actor, id: number) {
      const row = await strapi.db
        .query(UIDS.outbox)
        .findOne({ where: { id, status: 'dead' }, select: ['id', 'orderId'] });
      if (!row) throw notFound();
      if (!actor.superAdmin) {
        const order = await strapi.db.query(UIDS.order).findOne({
          where: { id: row.orderId },
          populate: { applicant: { select: ['id'] }, organization: { select: ['id'] }, assignee: { select: ['id'] } },
        });
        if (!order || !(await getService('scope').canView(actor, order))) throw notFound();
      }
      await strapi.db.query(UIDS.outbox).update({
        where: { id },
        data: { status: 'pending', attempts: 0, nextAttemptAt: now(), leaseOwner: null, leaseUntil: null },
      });
      return { id, status: 'pending' };
    },

    /** SMS sent against the package: used, left and the cost beyond it, per month and in total. */
    async smsUsage() {
      const { included, price } = (strapi.config.get('plugin::workflow') as WorkflowConfig).sms;
      const meta = strapi.db.metadata.get(UIDS.outbox) as any;
      const column = (name: string) => meta.attributes[name].columnName ?? name;
      // A GROUP BY the query engine cannot express; knex keeps it portable across SQLite and MySQL.
      const rows: Array<{ month: string; sent: number | string }> = await strapi.db
        .connection(meta.tableName)
        .select({ month: column('sentMonth') })
        .count({ sent: '*' })
        .where({ [column('channel')]: 'sms', [column('status')]: 'sent' })
        .groupBy(column('sentMonth'))
        .orderBy(column('sentMonth'));
      const cost = (n: number) => Math.round(n * price * 100) / 100;
      let before = 0;
      const months = rows.map((r) => {
        const sent = Number(r.sent);
        const overage = Math.max(0, before + sent - included) - Math.max(0, before - included);
        before += sent;
        return { month: r.month, sent, overage, cost: cost(overage) };
      });
      const overage = Math.max(0, before - included);
      return {
        included,
        price,
        used: before,
        left: Math.max(0, included - before),
        overage,
        cost: cost(overage),
        months,
      };
    },
  };
};

export default outbox;
