import type { Core } from '@strapi/strapi';
import { getService } from '../utils';

const info = (_ctx: { strapi: Core.Strapi }) => ({
  async describe(ctx) {
    ctx.body = getService('info').describe();
  },
});

export default info;
