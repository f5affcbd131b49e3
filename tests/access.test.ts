import { beforeAll, describe, expect, it } from 'vitest';
import { act, app, apply, call, enterpriseForm, step, upload, useWorld, w, type Caller } from './helpers/workflow';

useWorld();

let water: string;
let power: string;
let fileId: number;
beforeAll(async () => {
  water = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '权限矩阵单位' }));
  fileId = (await upload(app, w.applicants.zhujiang, water, 'other', '.pdf', '营业执照.pdf')).id;
  await step(app, w.staff.clerk, water, 'approve');
  await step(app, w.staff.techhead, water, 'approve');
  power = await apply(
    app,
    w.applicants['bazhong-steel'],
    'energy-service',
    {
      name: '黄厂长',
      contactPhone: '13712345678',
      address: '巴中经济开发区工业园5号',
      description: '新建厂房需要电力接入，负荷800千瓦',
    },
    'mini-program',
  );
});

type Op = 'list' | 'view' | 'history' | 'download' | 'act';
const run = async (who: Caller, op: Op, number: string) => {
  if (op === 'list') {
    const res = await call(app, who, 'get', '/orders?pageSize=100&status=all');
    return res.body.data.some((o: any) => o.number === number) ? 'listed' : 'unlisted';
  }
  if (op === 'view') return (await call(app, who, 'get', `/orders/${number}`)).status;
  if (op === 'history') {
    const path = who.kind === 'staff' ? `/orders/${number}/verify` : `/orders/${number}`;
    return (await call(app, who, 'get', path)).status;
  }
  if (op === 'download') return (await call(app, who, 'get', `/orders/${number}/files/${fileId}`)).status;
  return (await act(app, who, number, 'complete')).status;
};

describe('who may do what with an order in survey, assigned to 张勘察 (water company)', () => {
  // act: 422 = allowed in, but the survey's photos are missing; 403 = sees it, not their step; 404 = does not see it.
  const matrix: Array<[string, () => Caller, Record<Op, string | number>]> = [
    [
      'applicant A (owner)',
      () => w.applicants.zhujiang,
      { list: 'listed', view: 200, history: 200, download: 200, act: 403 },
    ],
    [
      'applicant B',
      () => w.applicants.zhangsan,
      { list: 'unlisted', view: 404, history: 404, download: 404, act: 404 },
    ],
    [
      'frontline, assigned (surveyor)',
      () => w.staff.surveyor,
      { list: 'listed', view: 200, history: 200, download: 200, act: 422 },
    ],
    [
      'frontline, not assigned (designer)',
      () => w.staff.designer,
      { list: 'unlisted', view: 404, history: 404, download: 404, act: 404 },
    ],
    [
      "frontline of the step's role elsewhere (power surveyor)",
      () => w.staff['power-planner'],
      { list: 'unlisted', view: 404, history: 404, download: 404, act: 404 },
    ],
    [
      "department admin of the order's organization",
      () => w.staff.deptadmin,
      { list: 'listed', view: 200, history: 200, download: 200, act: 403 },
    ],
    [
      'department admin of another organization',
      () => w.staff['power-admin'],
      { list: 'unlisted', view: 404, history: 404, download: 404, act: 404 },
    ],
    ['super admin', () => w.admin, { list: 'listed', view: 200, history: 200, download: 200, act: 422 }],
  ];
  for (const [name, who, expected] of matrix) {
    it(name, async () => {
      const got: Record<string, unknown> = {};
      for (const op of Object.keys(expected) as Op[]) got[op] = await run(who(), op, water);
      expect(got).toEqual(expected);
    });
  }
});

describe('frontline staff see unclaimed work of their job role in their organization', () => {
  it('a power-bureau designer sees the energy order waiting for a plan; a water designer does not', async () => {
    expect(await run(w.staff['power-planner'], 'view', power)).toBe(200);
    expect(await run(w.staff['power-planner'], 'list', power)).toBe('listed');
    expect(await run(w.staff.designer, 'view', power)).toBe(404);
    expect(await run(w.staff['energy-planner'], 'view', power)).toBe(404);
  });
});

describe('the content manager obeys the same scope', () => {
  const CM = '/content-manager/collection-types/api::order.order?pageSize=100';
  const numbers = async (who: Caller) => {
    const res = await app.http().get(CM).set('Authorization', `Bearer ${who.token}`);
    expect(res.status).toBe(200);
    return res.body.results.map((o: any) => o.number) as string[];
  };

  it('a department administrator lists only the orders of their organization', async () => {
    const seen = await numbers(w.staff.deptadmin);
    expect(seen).toContain(water);
    expect(seen).not.toContain(power);
    const powerSeen = await numbers(w.staff['power-admin']);
    expect(powerSeen).toContain(power);
    expect(powerSeen).not.toContain(water);
  });

  it('a frontline member lists only the orders assigned to them', async () => {
    const seen = await numbers(w.staff.surveyor);
    expect(seen).toContain(water);
    const assigned = await app.strapi.db
      .query('api::order.order')
      .findMany({ where: { assignee: { name: '张勘察' } }, select: ['number'] });
    expect(seen.sort()).toEqual(assigned.map((o: any) => o.number).sort());
    expect(await numbers(w.staff.designer)).not.toContain(water);
  });

  it('the preset roles have Chinese names', async () => {
    const roles = await app.strapi.db.query('admin::role').findMany({
      where: { code: { $in: ['strapi-super-admin', 'workflow-department-admin', 'workflow-frontline'] } },
    });
    expect(roles.map((r: any) => r.name).sort()).toEqual(['一线员工', '超级管理员', '部门管理员'].sort());
  });
});

describe("a department administrator's view follows the organization tree as it changes", () => {
  // services/scope.ts keeps each organization's tree in memory: a change must drop it at once.
  it('takes in a department added below their organization, and lets it go when it moves away', async () => {
    const number = await apply(
      app,
      w.applicants.zhujiang,
      'water-enterprise',
      enterpriseForm({ unitName: '新部门单位' }),
    );
    // The water company's tree is in memory before the change.
    expect(await run(w.staff.deptadmin, 'view', number)).toBe(200);
    const orgs = app.strapi.db.query('api::organization.organization');
    const [waterOrg, powerOrg] = await Promise.all([
      orgs.findOne({ where: { code: 'WATER' } }),
      orgs.findOne({ where: { code: 'POWER' } }),
    ]);
    const added = await call(app, w.admin, 'post', '/directory/organizations').send({
      name: '水表计量所',
      code: 'WATER-METER-2',
      parent: waterOrg.id,
    });
    expect(added.status).toBe(201);
    const order = await app.strapi.db.query('api::order.order').findOne({ where: { number }, select: ['id'] });
    await app.strapi
      .plugin('workflow')
      .service('orderRows')
      .setRelations(order.id, { organization: added.body.data.id });
    expect(await run(w.staff.deptadmin, 'view', number)).toBe(200);
    expect(await run(w.staff.deptadmin, 'list', number)).toBe('listed');
    expect(await run(w.staff['power-admin'], 'view', number)).toBe(404);

    const moved = await call(app, w.admin, 'put', `/directory/organizations/${added.body.data.id}`).send({
      name: '水表计量所',
      parent: powerOrg.id,
    });
    expect(moved.status).toBe(200);
    expect(await run(w.staff.deptadmin, 'view', number)).toBe(404);
    expect(await run(w.staff.deptadmin, 'list', number)).toBe('unlisted');
    expect(await run(w.staff['power-admin'], 'view', number)).toBe(200);
  });
});
