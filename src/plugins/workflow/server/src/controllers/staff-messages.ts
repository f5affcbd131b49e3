import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { idParam, parsePage } from './query';

/**
 * Staff (admin JWT): their in-app messages; for those with 通知与死信 (routes/admin), the outbox's dead
 * letters within their scope and the SMS usage.
 */
const staffMessages = (_deps: { strapi: Core.Strapi }) => {
  const reader = (ctx: any) => ({ kind: 'staff' as const, adminId: ctx.state.user.id as number });
  const administrator = (ctx: any) => getService('actors').staff(ctx.state.user);

  return {
    async list(ctx) {
      ctx.body = await getService('messages').list(reader(ctx), {
        ...parsePage(ctx.query),
        unread: ctx.query.unread === 'true',
      });
    },
    async unread(ctx) {
      ctx.body = { data: { unread: await getService('messages').unreadCount(reader(ctx)) } };
    },
    async read(ctx) {
      ctx.body = { data: await getService('messages').markRead(reader(ctx), idParam(ctx)) };
    },
    async readAll(ctx) {
      ctx.body = { data: await getService('messages').markAllRead(reader(ctx)) };
    },
    async deadLetters(ctx) {
      ctx.body = await getService('outbox').deadLetters(await administrator(ctx), parsePage(ctx.query));
    },
    async retry(ctx) {
      ctx.body = { data: await getService('outbox').retry(await administrator(ctx), idParam(ctx)) };
    },
    async smsUsage(ctx) {
      await administrator(ctx);
      ctx.body = { data: await getService('outbox').smsUsage() };
    },
  };
};

export default staffMessages;
