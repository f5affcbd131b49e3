import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { app, apply, call, useWorld, w } from './helpers/workflow';
import { useBrowser, shot, signIn } from './helpers/browser';

/** 流程定义 in the panel: the graph of a version, editing a draft, publishing, and the engine's refusals on the graph. */
useWorld({ listen: true });
const browser = useBrowser();

const residentForm = {
  name: '张三',
  contactPhone: '13612345678',
  address: '巴中市回风路8号',
  waterAddress: '巴中市回风路8号3单元',
};
const leaves = (states: Record<string, any>): string[] =>
  Object.entries(states).flatMap(([k, s]) => (s.states ? leaves(s.states) : [k]));

const openProcess = async (page: Page, key: string) => {
  await page.getByTestId('definitions').click();
  await page.locator('[data-testid="graph-step"]').first().waitFor();
  await page.getByTestId(`process-${key}`).click();
  const versions = (await call(app, w.admin, 'get', `/definitions/${key}/versions`)).body.data.length;
  await expect.poll(() => page.locator('[data-testid="version"]').count()).toBe(versions);
  await page.locator('[data-testid="graph-step"]').first().waitFor();
};

describe('process definitions in the panel', () => {
  it('draw every step of water-enterprise, with the contract sub-process and its parallel branch', async () => {
    const spec = (await call(app, w.admin, 'get', '/definitions')).body.data.find(
      (d: any) => d.key === 'water-enterprise',
    ).spec;
    const page = await signIn(browser(), app.url!, 'admin@demo.local');
    await openProcess(page, 'water-enterprise');
    await expect
      .poll(() => page.locator('[data-testid="graph-step"]').count())
      .toBe(leaves(spec.machine.states).length);
    for (const label of ['申请审核', '合同审批（七）办公室盖章', '对方审批中', '竣工决算', '已完成']) {
      await expect(page.locator('[data-testid="graph-step"]', { hasText: label }).count(), label).resolves.toBe(1);
    }
    await expect(page.locator('[data-testid="graph-group"]', { hasText: '（并行）' }).count()).resolves.toBe(1);
    await shot(page, 'panel-definition-graph');
    await page.context().close();
  });

  it('a changed threshold, published, applies to new orders; running orders keep their version', async () => {
    const before = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);
    const page = await signIn(browser(), app.url!, 'admin@demo.local');
    await openProcess(page, 'water-resident');
    await page.locator('[data-testid="graph-step"]', { hasText: '申请审核' }).click();
    await page.locator('#step-threshold').fill('36');
    await page.locator('#step-unit').selectOption('working');
    // The graph redraws after the edit: wait for it rather than read the label once.
    await expect
      .poll(() =>
        page.locator('[data-testid="graph-step"]', { hasText: '申请审核' }).getByTestId('graph-threshold').innerText(),
      )
      .toBe('时限 36工作小时');
    await page.getByTestId('publish').click();
    await expect.poll(() => page.getByTestId('notice').innerText()).toMatch(/^已发布为第 \d+ 版/);
    const version = Number((await page.getByTestId('notice').innerText()).match(/第 (\d+) 版/)![1]);
    await expect(page.locator('[data-testid="version"]').first().innerText()).resolves.toContain(
      `第 ${version} 版（后台发布）`,
    );
    await shot(page, 'panel-definition-published');

    const after = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);
    const view = async (n: string) => (await call(app, w.staff.clerk, 'get', `/orders/${n}`)).body.data;
    expect((await view(after)).definitionVersion).toBe(version);
    expect((await view(after)).elapsed).toMatchObject({ thresholdHours: 36, unit: 'working' });
    expect((await view(before)).definitionVersion).toBe(version - 1);
    expect((await view(before)).elapsed).toMatchObject({ thresholdHours: 24, unit: 'natural' });
    await page.context().close();
  });

  it('refuses a draft with an unreachable step, naming it on the graph', async () => {
    const page = await signIn(browser(), app.url!, 'admin@demo.local');
    await openProcess(page, 'water-resident');
    const versions = (await call(app, w.admin, 'get', '/definitions/water-resident/versions')).body.data.length;
    // The page has loaded this process's versions (not those of the process it opened with).
    await expect.poll(() => page.locator('[data-testid="version"]').count()).toBe(versions);
    // The step's actions are listed beside the graph (their arrows may overlap on it).
    await page.locator('[data-testid="graph-step"]').filter({ hasText: /^缴费/ }).click();
    await page.getByTestId('step-action').filter({ hasText: '未缴费，提交领导审批' }).click();
    await expect(page.getByTestId('edge-editor').innerText()).resolves.toContain('操作：未缴费，提交领导审批');
    await page.getByTestId('delete-transition').click();
    await page.getByTestId('publish').click();
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('未发布');
    // The problems and the graph's marks render after the notice: wait for them rather than read once.
    await expect
      .poll(() => page.getByTestId('problems').innerText())
      .toContain('步骤“领导审批(未缴费)”（payment-waiver）不可到达');
    const waiver = page.locator('[data-testid="graph-step"]', { hasText: '领导审批(未缴费)' });
    await expect.poll(() => waiver.getAttribute('data-errors')).toBe('true');
    await expect.poll(() => waiver.innerText()).toContain('不可到达');
    await shot(page, 'panel-definition-refused');
    expect((await call(app, w.admin, 'get', '/definitions/water-resident/versions')).body.data).toHaveLength(versions);
    await expect(page.locator('[data-testid="version"]').count()).resolves.toBe(versions);
    await page.context().close();
  });
});
