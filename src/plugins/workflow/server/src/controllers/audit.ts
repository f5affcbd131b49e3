import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { parseAuditQuery, sendXlsx } from './query';

/** Administrators (admin JWT): the audit trail of administration, its Excel export and its verification. */
const audit = (_deps: { strapi: Core.Strapi }) => {
  const actor = (ctx: any) => getService('actors').staff(ctx.state.user);
  return {
    async list(ctx) {
      ctx.body = await getService('audit').list(await actor(ctx), parseAuditQuery(ctx.query));
    },
    async export(ctx) {
      const buffer = await getService('exports').audit(await actor(ctx), parseAuditQuery(ctx.query));
      sendXlsx(ctx, buffer, '审计日志.xlsx');
    },
    async verify(ctx) {
      ctx.body = { data: await getService('audit').verify(await actor(ctx)) };
    },
  };
};

export default audit;
