import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { OPERATORS } from '../services/rules';
import { idParam } from './query';

/** Super administrators: business rules (pre-review, category, dispatch), edited and tried on orders. */
const rules = (_deps: { strapi: Core.Strapi }) => ({
  async list(ctx) {
    ctx.body = { data: await getService('rules').list(), meta: { operators: OPERATORS } };
  },
  async create(ctx) {
    ctx.status = 201;
    ctx.body = { data: await getService('rules').save(null, ctx.request.body ?? {}) };
  },
  async update(ctx) {
    ctx.body = { data: await getService('rules').save(idParam(ctx), ctx.request.body ?? {}) };
  },
  async preview(ctx) {
    const body = ctx.request.body ?? {};
    const actor = await getService('actors').staff(ctx.state.user);
    ctx.body = {
      data: await getService('rules').preview(
        actor,
        String(body.number ?? ''),
        Array.isArray(body.rules) ? body.rules : undefined,
      ),
    };
  },
});

export default rules;
