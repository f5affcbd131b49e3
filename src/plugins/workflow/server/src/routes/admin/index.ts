import { staffAuth } from '../../strategies/staff-session';

const ADMIN = ['admin::isAuthenticatedAdmin'];
const SUPER_ADMIN = [...ADMIN, { name: 'admin::hasPermissions', config: { actions: ['admin::roles.update'] } }];

/** Every route of the staff app: a recently verified session answers from memory (strategies/staff-session.ts). */
const staffRoute = (route: { method: string; path: string; handler: string; config: { policies: unknown[] } }) => ({
  ...route,
  config: { ...route.config, ...staffAuth() },
});

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/info', handler: 'info.describe', config: { policies: ADMIN } },
    { method: 'GET', path: '/me', handler: 'staff-orders.me', config: { policies: ADMIN } },
    { method: 'GET', path: '/orders', handler: 'staff-orders.inbox', config: { policies: ADMIN } },
    { method: 'POST', path: '/orders', handler: 'staff-orders.create', config: { policies: ADMIN } },
    { method: 'GET', path: '/staff', handler: 'staff-orders.colleagues', config: { policies: ADMIN } },
    { method: 'GET', path: '/organizations', handler: 'staff-orders.organizations', config: { policies: ADMIN } },
    { method: 'GET', path: '/orders/counts', handler: 'staff-orders.counts', config: { policies: ADMIN } },
    { method: 'GET', path: '/orders/export', handler: 'staff-orders.export', config: { policies: ADMIN } },
    { method: 'GET', path: '/orders/:number', handler: 'staff-orders.view', config: { policies: ADMIN } },
    { method: 'POST', path: '/orders/:number/actions/:action', handler: 'staff-orders.act', config: { policies: ADMIN } },
    // 更正申请信息: roles and scope checked in the service.
    { method: 'POST', path: '/orders/:number/correction', handler: 'staff-orders.correct', config: { policies: ADMIN } },
    { method: 'POST', path: '/orders/:number/files', handler: 'staff-orders.upload', config: { policies: ADMIN } },
    { method: 'GET', path: '/orders/:number/files/:fileId', handler: 'staff-orders.download', config: { policies: ADMIN } },
    { method: 'GET', path: '/orders/:number/assignees', handler: 'staff-orders.assignees', config: { policies: ADMIN } },
    { method: 'GET', path: '/orders/:number/verify', handler: 'staff-orders.verify', config: { policies: ADMIN } },
    { method: 'GET', path: '/orders/:number/archive', handler: 'staff-orders.archive', config: { policies: ADMIN } },
    { method: 'GET', path: '/messages', handler: 'staff-messages.list', config: { policies: ADMIN } },
    { method: 'GET', path: '/messages/unread', handler: 'staff-messages.unread', config: { policies: ADMIN } },
    { method: 'POST', path: '/messages/read-all', handler: 'staff-messages.readAll', config: { policies: ADMIN } },
    { method: 'POST', path: '/messages/:id/read', handler: 'staff-messages.read', config: { policies: ADMIN } },
    // Administrators only (super administrators, department administrators): checked in the controller.
    { method: 'GET', path: '/notifications/dead', handler: 'staff-messages.deadLetters', config: { policies: ADMIN } },
    { method: 'POST', path: '/notifications/:id/retry', handler: 'staff-messages.retry', config: { policies: ADMIN } },
    { method: 'GET', path: '/notifications/sms-usage', handler: 'staff-messages.smsUsage', config: { policies: ADMIN } },
    { method: 'GET', path: '/contract-templates', handler: 'contracts.list', config: { policies: ADMIN } },
    { method: 'POST', path: '/contract-templates', handler: 'contracts.upload', config: { policies: ADMIN } },
    { method: 'POST', path: '/orders/:number/contract-draft', handler: 'contracts.draft', config: { policies: ADMIN } },
    // Administrators only (super administrators; department administrators within their tree): checked in the service.
    { method: 'GET', path: '/directory/organizations', handler: 'directory.organizations', config: { policies: ADMIN } },
    { method: 'POST', path: '/directory/organizations', handler: 'directory.createOrganization', config: { policies: ADMIN } },
    { method: 'PUT', path: '/directory/organizations/:id', handler: 'directory.updateOrganization', config: { policies: ADMIN } },
    { method: 'GET', path: '/directory/staff', handler: 'directory.staff', config: { policies: ADMIN } },
    { method: 'POST', path: '/directory/staff', handler: 'directory.createStaff', config: { policies: ADMIN } },
    { method: 'PUT', path: '/directory/staff/:id', handler: 'directory.updateStaff', config: { policies: ADMIN } },
    // Administrators only (super administrators all; department administrators their tree): checked in the service.
    { method: 'GET', path: '/audit', handler: 'audit.list', config: { policies: ADMIN } },
    { method: 'GET', path: '/audit/export', handler: 'audit.export', config: { policies: ADMIN } },
    { method: 'GET', path: '/audit/verify', handler: 'audit.verify', config: { policies: ADMIN } },
    { method: 'GET', path: '/settings', handler: 'settings.get', config: { policies: SUPER_ADMIN } },
    { method: 'PUT', path: '/settings', handler: 'settings.save', config: { policies: SUPER_ADMIN } },
    { method: 'GET', path: '/rules', handler: 'rules.list', config: { policies: SUPER_ADMIN } },
    { method: 'POST', path: '/rules', handler: 'rules.create', config: { policies: SUPER_ADMIN } },
    { method: 'PUT', path: '/rules/:id', handler: 'rules.update', config: { policies: SUPER_ADMIN } },
    { method: 'POST', path: '/rules/preview', handler: 'rules.preview', config: { policies: SUPER_ADMIN } },
    { method: 'GET', path: '/metrics', handler: 'metrics.dashboard', config: { policies: ADMIN } },
    { method: 'GET', path: '/metrics/staff/export', handler: 'metrics.exportStaff', config: { policies: ADMIN } },
    { method: 'GET', path: '/definitions', handler: 'definitions.list', config: { policies: ADMIN } },
    { method: 'GET', path: '/definitions/:key/versions', handler: 'definitions.versions', config: { policies: ADMIN } },
    { method: 'GET', path: '/definitions/:key/versions/:version', handler: 'definitions.version', config: { policies: ADMIN } },
    { method: 'POST', path: '/definitions/validate', handler: 'definitions.validate', config: { policies: SUPER_ADMIN } },
    // Changing a process is an administrator's act: the same right as editing admin roles.
    { method: 'POST', path: '/definitions', handler: 'definitions.publish', config: { policies: SUPER_ADMIN } },
  ].map(staffRoute),
};
