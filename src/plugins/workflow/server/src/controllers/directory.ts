import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { idParam } from './query';

/** Administrators (admin JWT): organizations and staff profiles within what they manage. */
const directory = (_deps: { strapi: Core.Strapi }) => {
  const actor = (ctx: any) => getService('actors').staff(ctx.state.user);
  return {
    async organizations(ctx) {
      ctx.body = { data: await getService('directory').organizations(await actor(ctx)) };
    },
    async createOrganization(ctx) {
      ctx.status = 201;
      ctx.body = {
        data: await getService('directory').saveOrganization(await actor(ctx), null, ctx.request.body ?? {}),
      };
    },
    async updateOrganization(ctx) {
      ctx.body = {
        data: await getService('directory').saveOrganization(await actor(ctx), idParam(ctx), ctx.request.body ?? {}),
      };
    },
    async staff(ctx) {
      ctx.body = { data: await getService('directory').staff(await actor(ctx)) };
    },
    async createStaff(ctx) {
      ctx.status = 201;
      ctx.body = { data: await getService('directory').saveStaff(await actor(ctx), null, ctx.request.body ?? {}) };
    },
    async updateStaff(ctx) {
      ctx.body = {
        data: await getService('directory').saveStaff(await actor(ctx), idParam(ctx), ctx.request.body ?? {}),
      };
    },
  };
};

export default directory;
