import type { Core } from '@strapi/strapi';
import { grantRolePermissions } from './bootstrap/permissions';
import { assertUtf8mb4 } from './bootstrap/database-charset';
import { registerWorkflows } from './workflows/register';
import { seedDemo } from '../database/seeds/demo';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerWorkflows(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await assertUtf8mb4(strapi);
    await grantRolePermissions(strapi);
    await strapi.plugin('workflow').service('access').setUp();
    if (process.env.DEMO_SEED === 'true') {
      const created = await seedDemo(strapi);
      strapi.log.info(`Demo data: ${JSON.stringify(created)}`);
    }
  },
};
