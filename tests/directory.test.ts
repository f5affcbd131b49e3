import { describe, expect, it } from 'vitest';
import { app, call, useWorld, w } from './helpers/workflow';
import { useBrowser, shot, signIn } from './helpers/browser';

/** 机构与人员: organizations and staff profiles, kept by administrators within what they manage. */
useWorld({ listen: true });
const browser = useBrowser();

const profile = (name: string) =>
  app.strapi.db
    .query('api::staff-profile.staff-profile')
    .findOne({ where: { name }, populate: { organization: true } });

describe('organizations and staff over the API', () => {
  it('a department administrator manages only their own tree; frontline staff not at all', async () => {
    const power = await call(app, w.staff['power-admin'], 'get', '/directory/staff');
    expect(power.status).toBe(200);
    expect(power.body.data.map((s: any) => s.name).sort()).toEqual(['杨施工', '陈电力', '韩主任'].sort());
    const surveyor = await profile('张勘察');
    expect(
      (await call(app, w.staff['power-admin'], 'put', `/directory/staff/${surveyor.id}`).send({ capacity: 3 })).status,
    ).toBe(404);
    expect((await call(app, w.staff.surveyor, 'get', '/directory/staff')).status).toBe(403);
    expect((await call(app, w.staff.surveyor, 'get', '/directory/organizations')).status).toBe(403);
    expect((await call(app, w.admin, 'put', '/directory/staff/not-a-number').send({ capacity: 3 })).status).toBe(404);
  });

  it('refuses bad values field by field, and duplicate codes', async () => {
    const surveyor = await profile('张勘察');
    const bad = await call(app, w.admin, 'put', `/directory/staff/${surveyor.id}`).send({
      jobRoles: ['astronaut'],
      capacity: 0,
      mobile: '12345',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((e: any) => e.path[0]).sort()).toEqual(['capacity', 'jobRoles', 'mobile']);
    const water = await app.strapi.db.query('api::organization.organization').findOne({ where: { code: 'WATER' } });
    expect(
      (
        await call(app, w.admin, 'post', '/directory/organizations').send({
          name: '重复',
          code: 'WATER',
          parent: water.id,
        })
      ).status,
    ).toBe(400);
    const cycle = await call(app, w.admin, 'put', `/directory/organizations/${water.id}`).send({
      name: '自来水公司',
      parent: (await app.strapi.db.query('api::organization.organization').findOne({ where: { code: 'WATER-TECH' } }))
        .id,
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.details.errors[0]).toMatchObject({
      path: ['parent'],
      message: '上级机构不能是本机构或其下级',
    });
  });
});

describe('organizations and staff in the panel', () => {
  it('an administrator adds a department and changes a staff member\u2019s roles and capacity', async () => {
    const page = await signIn(browser(), app.url!, 'admin@demo.local');
    await page.getByTestId('directory').click();
    await page.getByTestId('org').first().waitFor();
    await page.getByLabel('部门名称').fill('水表计量所');
    await page.getByLabel('部门代码').fill('water-meter');
    const water = await app.strapi.db.query('api::organization.organization').findOne({ where: { code: 'WATER' } });
    await page.getByLabel('上级机构').selectOption(String(water.id));
    await page.getByTestId('add-org').click();
    await expect.poll(() => page.getByTestId('org-tree').innerText()).toContain('水表计量所（WATER-METER · 部门）');
    const created = await app.strapi.db
      .query('api::organization.organization')
      .findOne({ where: { code: 'WATER-METER' }, populate: { parent: true } });
    expect(created.parent.id).toBe(water.id);

    const row = page.locator('[data-testid="staff"][data-name="张勘察"]');
    await row.getByLabel('可承载工单数').fill('5');
    // Job roles read in Chinese.
    await expect(row.innerText()).resolves.toContain('勘察员');
    await row.getByLabel('设计员', { exact: true }).check();
    await row.getByTestId('save-staff').click();
    await expect.poll(() => row.getByTestId('staff-message').innerText()).toBe('已保存');
    const saved = await profile('张勘察');
    expect(saved).toMatchObject({ capacity: 5, jobRoles: ['surveyor', 'designer'] });
    await shot(page, 'panel-directory');

    await row.getByLabel('手机号').fill('1380000');
    await row.getByTestId('save-staff').click();
    await expect.poll(() => row.getByTestId('staff-message').innerText()).toMatch(/^手机号/);
    await page.context().close();
  });
});
