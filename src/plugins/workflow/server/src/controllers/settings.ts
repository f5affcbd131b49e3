import type { Core } from '@strapi/strapi';
import { getService } from '../utils';

/** Administrators: the applicant-facing settings (SMS, package, office hours, warning percentages). */
const settings = (_deps: { strapi: Core.Strapi }) => ({
  async get(ctx) {
    // The events the definitions notify about: each may have its SMS template code.
    const events = new Set<string>();
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (k === 'notify' && Array.isArray(v)) v.forEach((n: any) => n?.template && events.add(n.template));
          else walk(v);
        }
      }
    };
    for (const d of await getService('definitions').listLatest()) walk(d.spec.machine);
    ctx.body = { data: getService('settings').get(), meta: { events: [...events].sort() } };
  },
  async save(ctx) {
    ctx.body = { data: await getService('settings').save(ctx.request.body ?? {}) };
  },
});

export default settings;
