import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { singleFile } from './query';

/** Staff (admin JWT): contract templates (administrators upload them) and contract drafts from them. */
const contracts = (_deps: { strapi: Core.Strapi }) => {
  const actor = (ctx: any) => getService('actors').staff(ctx.state.user);
  return {
    async list(ctx) {
      ctx.body = { data: await getService('contracts').list() };
    },
    async upload(ctx) {
      const body = ctx.request.body ?? {};
      ctx.status = 201;
      ctx.body = {
        data: await getService('contracts').upload(await actor(ctx), {
          name: body.name,
          processKey: body.processKey,
          file: singleFile(ctx),
        }),
      };
    },
    async draft(ctx) {
      ctx.status = 201;
      ctx.body = {
        data: await getService('contracts').draft(
          await actor(ctx),
          String(ctx.params.number),
          Number((ctx.request.body ?? {}).templateId),
        ),
      };
    },
  };
};

export default contracts;
