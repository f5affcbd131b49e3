import type { Core } from '@strapi/strapi';
import { getService } from '../utils';

/** Administrators: read and publish process definitions. */
const definitions = (_deps: { strapi: Core.Strapi }) => ({
  async list(ctx) {
    const defs = await getService('definitions').listLatest();
    ctx.body = { data: defs.map((d) => ({ key: d.key, version: d.version, name: d.spec.name, spec: d.spec })) };
  },

  async publish(ctx) {
    const { created, definition } = await getService('definitions').publish(ctx.request.body ?? {}, 'admin');
    ctx.status = created ? 201 : 200;
    ctx.body = { data: { key: definition.key, version: definition.version, created } };
  },
});

export default definitions;
