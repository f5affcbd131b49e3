import type { Core } from '@strapi/strapi';

const APPLICANT_ORDER_ACTIONS = [
  'processes',
  'submit',
  'list',
  'view',
  'act',
  'withdraw',
  'urge',
  'upload',
  'download',
].map((a) => `plugin::workflow.applicant-orders.${a}`);

const APPLICANT_MESSAGE_ACTIONS = ['list', 'read', 'readAll', 'articles', 'subscriptions'].map(
  (a) => `plugin::workflow.applicant-messages.${a}`,
);

/** Content-API actions each users-permissions role needs; granted on every boot so a fresh database works. */
const ACCOUNT_ACTIONS = ['bindMobile', 'me', 'updateMe'].map((a) => `api::account.account.${a}`);

export const ROLE_ACTIONS: Record<string, string[]> = {
  authenticated: [...APPLICANT_ORDER_ACTIONS, ...APPLICANT_MESSAGE_ACTIONS, ...ACCOUNT_ACTIONS],
};

export const grantRolePermissions = async (strapi: Core.Strapi) => {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const [type, actions] of Object.entries(ROLE_ACTIONS)) {
    const role = await roles.findOne({ where: { type } });
    if (!role) continue;
    const existing = await permissions.findMany({
      where: { role: { id: role.id }, action: { $in: actions } },
      select: ['action'],
    });
    const have = new Set(existing.map((p: { action: string }) => p.action));
    for (const action of actions.filter((a) => !have.has(a))) {
      await permissions.create({ data: { action, role: role.id } });
    }
  }
};
