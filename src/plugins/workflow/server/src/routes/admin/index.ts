import { actionId, type ActionName } from '../../rbac';

/** Any signed-in staff member (their own profile and messages). */
const ADMIN = ['admin::isAuthenticatedAdmin'];
/** Staff whose admin role holds the workflow's permission (rbac.ts); which orders stays with the scope rules. */
const may = (name: ActionName) => [...ADMIN, { name: 'admin::hasPermissions', config: { actions: [actionId(name)] } }];

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/info', handler: 'info.describe', config: { policies: ADMIN } },
    { method: 'GET', path: '/me', handler: 'staff-orders.me', config: { policies: ADMIN } },
    { method: 'GET', path: '/orders', handler: 'staff-orders.inbox', config: { policies: may('readOrders') } },
    { method: 'POST', path: '/orders', handler: 'staff-orders.create', config: { policies: may('windowEntry') } },
    { method: 'GET', path: '/staff', handler: 'staff-orders.colleagues', config: { policies: may('readOrders') } },
    {
      method: 'GET',
      path: '/organizations',
      handler: 'staff-orders.organizations',
      config: { policies: may('readOrders') },
    },
    { method: 'GET', path: '/orders/counts', handler: 'staff-orders.counts', config: { policies: may('readOrders') } },
    {
      method: 'GET',
      path: '/orders/export',
      handler: 'staff-orders.export',
      config: { policies: may('exportOrders') },
    },
    { method: 'GET', path: '/orders/:number', handler: 'staff-orders.view', config: { policies: may('readOrders') } },
    {
      method: 'POST',
      path: '/orders/:number/actions/:action',
      handler: 'staff-orders.act',
      config: { policies: may('act') },
    },
    // 转办/改派: technical heads, department administrators and super administrators (checked in the service).
    {
      method: 'GET',
      path: '/orders/:number/reassign',
      handler: 'staff-orders.reassignChoices',
      config: { policies: may('act') },
    },
    {
      method: 'POST',
      path: '/orders/:number/reassign',
      handler: 'staff-orders.reassign',
      config: { policies: may('act') },
    },
    // 督办: leaders and super administrators (checked in the service), on orders in their view.
    {
      method: 'POST',
      path: '/orders/:number/supervise',
      handler: 'staff-orders.supervise',
      config: { policies: may('act') },
    },
    // 更正申请信息: roles and scope checked in the service.
    {
      method: 'POST',
      path: '/orders/:number/correction',
      handler: 'staff-orders.correct',
      config: { policies: may('act') },
    },
    { method: 'POST', path: '/orders/:number/files', handler: 'staff-orders.upload', config: { policies: may('act') } },
    {
      method: 'GET',
      path: '/orders/:number/files/:fileId',
      handler: 'staff-orders.download',
      config: { policies: may('readOrders') },
    },
    {
      method: 'GET',
      path: '/orders/:number/assignees',
      handler: 'staff-orders.assignees',
      config: { policies: may('act') },
    },
    {
      method: 'GET',
      path: '/orders/:number/verify',
      handler: 'staff-orders.verify',
      config: { policies: may('verifyHistory') },
    },
    {
      method: 'GET',
      path: '/orders/:number/archive',
      handler: 'staff-orders.archive',
      config: { policies: may('exportOrders') },
    },
    { method: 'GET', path: '/messages', handler: 'staff-messages.list', config: { policies: ADMIN } },
    { method: 'GET', path: '/messages/unread', handler: 'staff-messages.unread', config: { policies: ADMIN } },
    { method: 'POST', path: '/messages/read-all', handler: 'staff-messages.readAll', config: { policies: ADMIN } },
    { method: 'POST', path: '/messages/:id/read', handler: 'staff-messages.read', config: { policies: ADMIN } },
    {
      method: 'GET',
      path: '/notifications/dead',
      handler: 'staff-messages.deadLetters',
      config: { policies: may('notifications') },
    },
    {
      method: 'POST',
      path: '/notifications/:id/retry',
      handler: 'staff-messages.retry',
      config: { policies: may('notifications') },
    },
    {
      method: 'GET',
      path: '/notifications/sms-usage',
      handler: 'staff-messages.smsUsage',
      config: { policies: may('notifications') },
    },
    { method: 'GET', path: '/contract-templates', handler: 'contracts.list', config: { policies: may('readOrders') } },
    {
      method: 'POST',
      path: '/contract-templates',
      handler: 'contracts.upload',
      config: { policies: may('contractTemplates') },
    },
    {
      method: 'POST',
      path: '/orders/:number/contract-draft',
      handler: 'contracts.draft',
      config: { policies: may('act') },
    },
    // Department administrators within their tree (services/directory.ts).
    {
      method: 'GET',
      path: '/directory/organizations',
      handler: 'directory.organizations',
      config: { policies: may('directory') },
    },
    {
      method: 'POST',
      path: '/directory/organizations',
      handler: 'directory.createOrganization',
      config: { policies: may('directory') },
    },
    {
      method: 'PUT',
      path: '/directory/organizations/:id',
      handler: 'directory.updateOrganization',
      config: { policies: may('directory') },
    },
    { method: 'GET', path: '/directory/staff', handler: 'directory.staff', config: { policies: may('directory') } },
    {
      method: 'POST',
      path: '/directory/staff',
      handler: 'directory.createStaff',
      config: { policies: may('directory') },
    },
    {
      method: 'PUT',
      path: '/directory/staff/:id',
      handler: 'directory.updateStaff',
      config: { policies: may('directory') },
    },
    // Department administrators within their tree (services/audit.ts).
    { method: 'GET', path: '/audit', handler: 'audit.list', config: { policies: may('audit') } },
    { method: 'GET', path: '/audit/export', handler: 'audit.export', config: { policies: may('audit') } },
    { method: 'GET', path: '/audit/verify', handler: 'audit.verify', config: { policies: may('audit') } },
    { method: 'GET', path: '/settings', handler: 'settings.get', config: { policies: may('settings') } },
    { method: 'PUT', path: '/settings', handler: 'settings.save', config: { policies: may('settings') } },
    { method: 'GET', path: '/rules', handler: 'rules.list', config: { policies: may('editRules') } },
    { method: 'POST', path: '/rules', handler: 'rules.create', config: { policies: may('editRules') } },
    { method: 'PUT', path: '/rules/:id', handler: 'rules.update', config: { policies: may('editRules') } },
    { method: 'POST', path: '/rules/preview', handler: 'rules.preview', config: { policies: may('editRules') } },
    { method: 'GET', path: '/metrics', handler: 'metrics.dashboard', config: { policies: may('dashboard') } },
    {
      method: 'GET',
      path: '/metrics/staff/export',
      handler: 'metrics.exportStaff',
      config: { policies: may('dashboard') },
    },
    { method: 'GET', path: '/definitions', handler: 'definitions.list', config: { policies: may('readOrders') } },
    {
      method: 'GET',
      path: '/definitions/:key/versions',
      handler: 'definitions.versions',
      config: { policies: may('readOrders') },
    },
    {
      method: 'GET',
      path: '/definitions/:key/versions/:version',
      handler: 'definitions.version',
      config: { policies: may('readOrders') },
    },
    {
      method: 'POST',
      path: '/definitions/validate',
      handler: 'definitions.validate',
      config: { policies: may('publishDefinitions') },
    },
    {
      method: 'POST',
      path: '/definitions',
      handler: 'definitions.publish',
      config: { policies: may('publishDefinitions') },
    },
  ],
};
