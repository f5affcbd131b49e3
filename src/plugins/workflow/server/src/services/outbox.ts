import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import type { Notification } from '../engine/spec';

/** Notifications leave through the outbox: written with the transition, sent later by the outbox worker. */
const outbox = ({ strapi }: { strapi: Core.Strapi }) => ({
  async enqueue(orderId: number, historyEventId: number | null, notifications: Notification[], payload: Record<string, unknown>) {
    const rows = notifications.flatMap((n) =>
      (n.to === 'applicant' ? (['sms', 'message'] as const) : (['message'] as const)).map((channel) => ({
        orderId,
        historyEventId,
        audience: n.to,
        channel,
        template: n.template,
        payload: { ...payload, ...(n.level ? { level: n.level } : {}) },
        status: 'pending',
        attempts: 0,
      }))
    );
    for (const data of rows) await strapi.db.query(UIDS.outbox).create({ data });
    return rows.length;
  },
});

export default outbox;
