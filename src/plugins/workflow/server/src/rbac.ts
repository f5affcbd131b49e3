import type { Core } from '@strapi/strapi';
import { DOMAIN_UIDS, UIDS } from './constants';
import { getService } from './utils';

export const CONDITIONS = {
  inMyOrganization: 'plugin::workflow.in-my-organization',
  assignedToMe: 'plugin::workflow.assigned-to-me',
} as const;

/** Admin roles the engine's scope rules stand for; created once, then administrators may edit them. */
export const ADMIN_ROLES = {
  departmentAdmin: { code: 'workflow-department-admin', name: '部门管理员', description: '管理本机构及下属机构的工单和员工' },
  frontline: { code: 'workflow-frontline', name: '一线员工', description: '处理指派给自己的工单，以及本岗位待领取的工单' },
} as const;

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

const ensureRole = async (strapi: Core.Strapi, role: { code: string; name: string; description: string }, permissions: object[]) => {
  const existing = await strapi.db.query('admin::role').findOne({ where: { code: role.code } });
  if (existing) return existing;
  const created = await strapi.service('admin::role').create(role);
  await strapi.service('admin::role').assignPermissions(created.id, permissions);
  return created;
};

/** Roles made before the content manager became read-only for domain data lose the writes they were given. */
const revokeDomainWrites = async (strapi: Core.Strapi) => {
  const codes = Object.values(ADMIN_ROLES).map((r) => r.code);
  const roles = await strapi.db.query('admin::role').findMany({ where: { code: { $in: codes } }, select: ['id'] });
  if (roles.length === 0) return;
  const role = { id: { $in: roles.map((r: any) => r.id) } };
  await strapi.db.query('admin::permission').deleteMany({
    where: { role, action: { $in: WRITES }, subject: { $in: [...DOMAIN_UIDS] } },
  });
};

export const setUpAccess = async (strapi: Core.Strapi) => {
  await registerConditions(strapi);
  // Strapi names its all-powerful role in English; staff see Chinese.
  await strapi.db.query('admin::role').updateMany({ where: { code: 'strapi-super-admin', name: 'Super Admin' }, data: { name: '超级管理员' } });
  const mine = [CONDITIONS.inMyOrganization];
  await ensureRole(strapi, ADMIN_ROLES.departmentAdmin, [
    permission(strapi, READ, UIDS.order, mine),
    permission(strapi, READ, UIDS.staff, mine),
    permission(strapi, READ, UIDS.organization),
  ]);
  await ensureRole(strapi, ADMIN_ROLES.frontline, [permission(strapi, READ, UIDS.order, [CONDITIONS.assignedToMe])]);
  await revokeDomainWrites(strapi);
};
