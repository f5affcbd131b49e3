import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, useWorld, w } from './helpers/workflow';
import { buildMetricsData } from './helpers/metrics-data';
import { useBrowser, shot, signIn } from './helpers/browser';

/** 看板 in the panel shows the figures the fixed data set implies (worked out in tests/metrics.test.ts). */
useWorld({ listen: true });
const browser = useBrowser();

beforeAll(async () => {
  await buildMetricsData(app, w);
});
afterAll(async () => {
  app.strapi.plugin('workflow').service('clock').reset();
});

describe('the dashboard', () => {
  it('shows the 15 indicators, the response time against the previous period, charts and the staff table', async () => {
    const page = await signIn(browser(), app.url!, 'admin@demo.local');
    await page.getByTestId('dashboard').click();
    await page.locator('#m-from').fill('2026-10-05');
    await page.locator('#m-to').fill('2026-10-18');
    await page.locator('#m-process').selectOption('water-resident');
    const value = (key: string) => page.getByTestId(`indicator-${key}`).getByTestId('value');
    await expect.poll(() => value('created').innerText(), { timeout: 15_000 }).toBe('3');
    const expected: Record<string, string> = {
      completed: '1',
      completionRate: '33.3%',
      avgCycleHours: '103小时',
      avgHandlingHours: '23小时',
      saturation: '0.3%',
      firstResponseHours: '16小时',
      onTimeRate: '85.7%',
      overdueNow: '2',
      warnings: '2 / 2 / 2',
      returnRejectRate: '33.3%',
      satisfaction: '—',
      exceptions: '0',
      urges: '1次',
      sms: '3条 · ¥0.00',
    };
    for (const [key, text] of Object.entries(expected)) await expect(value(key).innerText(), key).resolves.toBe(text);
    await expect(page.getByTestId('indicator-onTimeRate').getAttribute('title')).resolves.toContain('时限');
    await expect(page.getByTestId('response-comparison').innerText()).resolves.toContain('16小时 / 4小时（慢300%）');
    for (const chart of ['chart-weekly', 'chart-cycle', 'chart-heat'])
      await expect(page.getByTestId(chart).locator('canvas').count()).resolves.toBeGreaterThan(0);
    const surveyor = page.locator('[data-testid="staff-row"]', { hasText: '张勘察' });
    await expect(surveyor.innerText()).resolves.toMatch(/张勘察\s+\S+\s+1\s+46小时\s+100\.0%\s+1 \/ 20\s+5\.0%/);
    await shot(page, 'panel-dashboard');

    await page.locator('#m-process').selectOption('energy-service');
    await expect.poll(() => value('satisfaction').innerText()).toBe('4分（1条）');
    await expect(value('exceptions').innerText()).resolves.toBe('1');
    await page.context().close();
  });
});
