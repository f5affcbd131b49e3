import type { Core } from '@strapi/strapi';
import { UIDS } from './constants';
import { engineWrittenUids } from './domain';
import { getService } from './utils';

export const CONDITIONS = {
  inMyOrganization: 'plugin::workflow.in-my-organization',
  assignedToMe: 'plugin::workflow.assigned-to-me',
} as const;

/** Admin roles the engine's scope rules stand for; created once, then administrators may edit them. */
export const ADMIN_ROLES = {
  departmentAdmin: {
    code: 'workflow-department-admin',
    name: '部门管理员',
    description: '管理本机构及下属机构的工单和员工',
  },
  frontline: {
    code: 'workflow-frontline',
    name: '一线员工',
    description: '处理指派给自己的工单，以及本岗位待领取的工单',
  },
} as const;

/**
 * The workflow's own admin permissions: who may do what (Settings → Roles → 插件 → workflow). Which
 * orders and organizations stays with the scope rules (services/scope.ts).
 */
export const ACTIONS = {
  readOrders: { uid: 'orders.read', displayName: '查看工单', subCategory: '工单' },
  act: { uid: 'orders.act', displayName: '办理工单', subCategory: '工单' },
  windowEntry: { uid: 'orders.window', displayName: '窗口受理', subCategory: '工单' },
  exportOrders: { uid: 'orders.export', displayName: '导出工单', subCategory: '工单' },
  verifyHistory: { uid: 'history.verify', displayName: '校验流转记录', subCategory: '工单' },
  dashboard: { uid: 'dashboard.read', displayName: '数据看板', subCategory: '工单' },
  publishDefinitions: { uid: 'definitions.publish', displayName: '发布流程定义', subCategory: '流程与规则' },
  editRules: { uid: 'rules.edit', displayName: '编辑业务规则', subCategory: '流程与规则' },
  settings: { uid: 'settings.manage', displayName: '业务设置', subCategory: '流程与规则' },
  directory: { uid: 'directory.manage', displayName: '管理机构与人员', subCategory: '管理' },
  notifications: { uid: 'notifications.manage', displayName: '通知与死信', subCategory: '管理' },
  contractTemplates: { uid: 'contract-templates.manage', displayName: '合同模板', subCategory: '管理' },
  audit: { uid: 'audit.read', displayName: '审计日志', subCategory: '管理' },
} as const;

export type ActionName = keyof typeof ACTIONS;

/** The action's id as Strapi's permission engine knows it. */
export const actionId = (name: ActionName) => `plugin::workflow.${ACTIONS[name].uid}`;

/** Registers the actions with the admin (the plugin's bootstrap, before the admin grants super administrators all). */
export const registerActions = (strapi: Core.Strapi) =>
  strapi.service('admin::permission').actionProvider.registerMany(
    Object.values(ACTIONS).map((a) => ({
      section: 'plugins',
      pluginName: 'workflow',
      uid: a.uid,
      displayName: a.displayName,
      subCategory: a.subCategory,
    })),
  );

/** What each role the workflow makes may do; super administrators may do everything. */
const FRONTLINE_ACTIONS: ActionName[] = [
  'readOrders',
  'act',
  'windowEntry',
  'exportOrders',
  'verifyHistory',
  'dashboard',
];
const MANAGER_ACTIONS: ActionName[] = [
  ...FRONTLINE_ACTIONS,
  'directory',
  'notifications',
  'contractTemplates',
  'audit',
];

const READ = 'plugin::content-manager.explorer.read';
/** Content-manager writes: refused on domain data whatever a role says (register.ts), so never granted. */
const WRITES = ['create', 'update', 'delete', 'publish'].map((a) => `plugin::content-manager.explorer.${a}`);

// Strapi evaluates these conditions on every admin request: the actors service keeps profiles briefly.
const staffProfileOf = (_strapi: Core.Strapi, adminUserId: number) => getService('actors').profile(adminUserId);

/** The panel's own list views obey the same scope: RBAC conditions usable in the role editor. */
const registerConditions = async (strapi: Core.Strapi) => {
  await strapi.service('admin::permission').conditionProvider.registerMany([
    {
      displayName: '属于本机构',
      name: 'in-my-organization',
      plugin: 'workflow',
      async handler(user: { id: number }) {
        const profile = await staffProfileOf(strapi, user.id);
        if (!profile?.organization) return { id: -1 };
        return { 'organization.id': { $in: await getService('scope').treeIds(profile.organization.id) } };
      },
    },
    {
      displayName: '指派给我',
      name: 'assigned-to-me',
      plugin: 'workflow',
      async handler(user: { id: number }) {
        const profile = await staffProfileOf(strapi, user.id);
        return { 'assignee.id': profile?.id ?? -1 };
      },
    },
  ]);
};

const fieldsOf = (strapi: Core.Strapi, uid: string) => Object.keys((strapi.contentType(uid as any) as any).attributes);

const permission = (strapi: Core.Strapi, action: string, subject: string, conditions: string[] = []) => ({
  action,
  subject,
  properties: { fields: fieldsOf(strapi, subject) },
  conditions,
});

const workflowPermissions = (names: ActionName[]) =>
  names.map((name) => ({ action: actionId(name), subject: null, properties: {}, conditions: [] }));

/**
 * Creates the role with its permissions when it is missing. A role made before the workflow had actions
 * of its own is given them once (a flag in the plugin's store); after that administrators decide.
 */
const ensureRole = async (
  strapi: Core.Strapi,
  role: { code: string; name: string; description: string },
  permissions: object[],
  actions: ActionName[],
) => {
  const store = strapi.store({ type: 'plugin', name: 'workflow' });
  const existing = await strapi.db.query('admin::role').findOne({ where: { code: role.code } });
  if (!existing) {
    const created = await strapi.service('admin::role').create(role);
    await strapi
      .service('admin::role')
      .assignPermissions(created.id, [...permissions, ...workflowPermissions(actions)]);
    await store.set({ key: `role-actions:${role.code}`, value: true });
    return created;
  }
  if (!(await store.get({ key: `role-actions:${role.code}` }))) {
    const held = await strapi.db
      .query('admin::permission')
      .findMany({ where: { role: { id: existing.id } }, select: ['action'] });
    const missing = workflowPermissions(actions).filter((p) => !held.some((h: any) => h.action === p.action));
    if (missing.length) await strapi.service('admin::role').addPermissions(existing.id, missing);
    await store.set({ key: `role-actions:${role.code}`, value: true });
  }
  return existing;
};

/** Roles made before the content manager became read-only for domain data lose the writes they were given. */
const revokeDomainWrites = async (strapi: Core.Strapi) => {
  const codes = Object.values(ADMIN_ROLES).map((r) => r.code);
  const roles = await strapi.db.query('admin::role').findMany({ where: { code: { $in: codes } }, select: ['id'] });
  if (roles.length === 0) return;
  const role = { id: { $in: roles.map((r: any) => r.id) } };
  await strapi.db.query('admin::permission').deleteMany({
    where: { role, action: { $in: WRITES }, subject: { $in: engineWrittenUids() } },
  });
};

export const setUpAccess = async (strapi: Core.Strapi) => {
  await registerConditions(strapi);
  // Strapi names its all-powerful role in English; staff see Chinese.
  await strapi.db
    .query('admin::role')
    .updateMany({ where: { code: 'strapi-super-admin', name: 'Super Admin' }, data: { name: '超级管理员' } });
  const mine = [CONDITIONS.inMyOrganization];
  await ensureRole(
    strapi,
    ADMIN_ROLES.departmentAdmin,
    [
      permission(strapi, READ, UIDS.order, mine),
      permission(strapi, READ, UIDS.staff, mine),
      permission(strapi, READ, UIDS.organization),
    ],
    MANAGER_ACTIONS,
  );
  await ensureRole(
    strapi,
    ADMIN_ROLES.frontline,
    [permission(strapi, READ, UIDS.order, [CONDITIONS.assignedToMe])],
    FRONTLINE_ACTIONS,
  );
  await revokeDomainWrites(strapi);
};
