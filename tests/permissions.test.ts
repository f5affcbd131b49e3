import { describe, expect, it } from 'vitest';
import { app, apply, call, enterpriseForm, useWorld, w } from './helpers/workflow';
import { ACTIONS, ADMIN_ROLES } from '../src/plugins/workflow/server/src/rbac';

/**
 * Who may do what is Strapi's admin RBAC: the workflow registers its actions, every admin route of the
 * staff app declares the one it needs (admin::hasPermissions), and administrators grant them in
 * Settings → Roles. Which orders stays with the scope rules, behind one loadVisible.
 */
useWorld();

const admin = (method: 'get' | 'put', url: string) =>
  app.http()[method](url).set('Authorization', `Bearer ${w.admin.token}`);
const roleOf = (code: string) => app.strapi.db.query('admin::role').findOne({ where: { code } });
const permissionsOf = async (roleId: number) =>
  (await admin('get', `/admin/roles/${roleId}/permissions`)).body.data.map(
    ({ action, subject, properties, conditions }: any) => ({ action, subject, properties, conditions }),
  );
/** Runs `work` with the role's permissions changed by `change` in Settings → Roles, and puts them back. */
const withPermissions = async (code: string, change: (held: any[]) => any[], work: () => Promise<void>) => {
  const role = await roleOf(code);
  const before = await permissionsOf(role.id);
  expect((await admin('put', `/admin/roles/${role.id}/permissions`).send({ permissions: change(before) })).status).toBe(
    200,
  );
  try {
    await work();
  } finally {
    expect((await admin('put', `/admin/roles/${role.id}/permissions`).send({ permissions: before })).status).toBe(200);
  }
};
const grant = (uid: string) => (held: any[]) => [
  ...held,
  { action: `plugin::workflow.${uid}`, subject: null, properties: {}, conditions: [] },
];
const revoke = (uid: string) => (held: any[]) => held.filter((p) => p.action !== `plugin::workflow.${uid}`);

describe('the workflow\u2019s permissions', () => {
  it('are registered with the admin, named in Chinese, for the role editor', async () => {
    const res = await admin('get', '/admin/permissions');
    expect(res.status).toBe(200);
    const plugins = res.body.data.sections.plugins.filter((a: any) => a.plugin === 'workflow');
    expect(plugins.map((a: any) => a.action).sort()).toEqual(
      Object.values(ACTIONS)
        .map((a) => `plugin::workflow.${a.uid}`)
        .sort(),
    );
    for (const a of plugins) expect(a.displayName).toMatch(/[\u4e00-\u9fff]/);
  });

  it('are held by each role as seeded: all for super administrators, administration for department administrators', async () => {
    const me = async (who: keyof typeof w.staff | 'admin') =>
      (await call(app, who === 'admin' ? w.admin : w.staff[who], 'get', '/me')).body.data.permissions;
    expect((await me('admin')).sort()).toEqual(Object.keys(ACTIONS).sort());
    expect(await me('deptadmin')).toEqual(
      expect.arrayContaining(['readOrders', 'act', 'directory', 'notifications', 'contractTemplates', 'audit']),
    );
    expect(await me('deptadmin')).not.toContain('editRules');
    expect(await me('clerk')).toEqual(expect.arrayContaining(['readOrders', 'act', 'windowEntry', 'exportOrders']));
    expect(await me('clerk')).not.toContain('directory');
  });

  it('decide each route: granted in Settings → Roles it opens at once, taken away it closes at once', async () => {
    expect((await call(app, w.staff.deptadmin, 'get', '/settings')).status).toBe(403);
    await withPermissions(ADMIN_ROLES.departmentAdmin.code, grant('settings.manage'), async () => {
      expect((await call(app, w.staff.deptadmin, 'get', '/settings')).status).toBe(200);
      expect((await call(app, w.staff.deptadmin, 'get', '/me')).body.data.permissions).toContain('settings');
    });
    expect((await call(app, w.staff.deptadmin, 'get', '/settings')).status).toBe(403);

    expect((await call(app, w.staff.clerk, 'get', '/orders')).status).toBe(200);
    await withPermissions(ADMIN_ROLES.frontline.code, revoke('orders.read'), async () => {
      const refused = await call(app, w.staff.clerk, 'get', '/orders');
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe('没有权限执行此操作');
    });
    expect((await call(app, w.staff.clerk, 'get', '/orders')).status).toBe(200);
  });

  it('are declared on every admin route of the staff app but the caller\u2019s own profile and messages', () => {
    const own = [
      'info.describe',
      'staff-orders.me',
      'staff-messages.list',
      'staff-messages.unread',
      'staff-messages.readAll',
      'staff-messages.read',
    ];
    const known = Object.values(ACTIONS).map((a) => `plugin::workflow.${a.uid}`);
    for (const route of (app.strapi.plugin('workflow').routes as any).admin.routes) {
      const declared = route.config.policies
        .filter((p: any) => p?.name === 'admin::hasPermissions')
        .flatMap((p: any) => p.config.actions);
      if (own.includes(route.handler)) expect(declared, route.handler).toEqual([]);
      else expect(declared.length === 1 && known.includes(declared[0]), route.handler).toBe(true);
    }
  });
});

describe('loadVisible', () => {
  it('keeps the rules preview to the orders the caller may see: 404 for another company\u2019s order', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
    const preview = (who: typeof w.admin) => call(app, who, 'post', '/rules/preview').send({ number: n });
    expect((await preview(w.admin)).status).toBe(200);
    await withPermissions(ADMIN_ROLES.departmentAdmin.code, grant('rules.edit'), async () => {
      // The power bureau's administrator may edit rules now, but the water company's order is not theirs.
      const refused = await preview(w.staff['power-admin']);
      expect(refused.status).toBe(404);
      expect((await preview(w.staff.deptadmin)).status).toBe(200);
    });
  });
});
