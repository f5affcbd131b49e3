import type { Core } from '@strapi/strapi';
import { forbidden } from '../errors';
import { getService } from '../utils';
import { idParam, parsePage } from './query';

/** Staff (admin JWT): their in-app messages; for administrators, the outbox's dead letters and SMS usage. */
const staffMessages = (_deps: { strapi: Core.Strapi }) => {
  const reader = (ctx: any) => ({ kind: 'staff' as const, adminId: ctx.state.user.id as number });
  const administrator = async (ctx: any) => {
    const actor = await getService('actors').staff(ctx.state.user);
    if (!getService('scope').isAdministrator(actor)) throw forbidden('只有管理员可以查看发送失败的通知');
    return actor;
  };

  return {
    async list(ctx) {
      ctx.body = await getService('messages').list(reader(ctx), { ...parsePage(ctx.query), unread: ctx.query.unread === 'true' });
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
