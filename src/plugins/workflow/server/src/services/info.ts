import type { Core } from '@strapi/strapi';

// Reports what the engine holds; grows with the engine (definitions, open orders, outbox).
const info = ({ strapi }: { strapi: Core.Strapi }) => ({
  describe() {
    return { plugin: 'workflow', ready: true, strapiVersion: strapi.config.get('info.strapi') ?? null };
  },
});

export default info;
