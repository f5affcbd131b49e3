import { getService } from '../utils';
import { idParam, parsePage } from './query';

/** Applicants (users-permissions JWT): their in-app messages, the articles of an order, subscribe templates. */
const applicantMessages = () => {
  const reader = (ctx: any) => ({ kind: 'applicant' as const, userId: ctx.state.user.id as number });

  return {
    async list(ctx) {
      ctx.body = await getService('messages').list(reader(ctx), {
        ...parsePage(ctx.query),
        unread: ctx.query.unread === 'true',
      });
    },
    async read(ctx) {
      ctx.body = { data: await getService('messages').markRead(reader(ctx), idParam(ctx)) };
    },
    async readAll(ctx) {
      ctx.body = { data: await getService('messages').markAllRead(reader(ctx)) };
    },
    async articles(ctx) {
      ctx.body = {
        data: await getService('knowledge').listForOrder(
          getService('actors').applicant(ctx.state.user),
          String(ctx.params.number),
        ),
      };
    },
    /** What the mini-program asks the user to subscribe to when they apply. */
    async subscriptions(ctx) {
      ctx.body = { data: { templateIds: getService('wechat').templateIds() } };
    },
  };
};

export default applicantMessages;
