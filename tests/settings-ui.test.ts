import { describe, expect, it } from 'vitest';
import { app, call, useWorld, w } from './helpers/workflow';
import { useBrowser, shot, signIn } from './helpers/browser';

/** 业务设置: what administrators change without a developer, stored and laid over the configuration. */
useWorld({ listen: true });
const browser = useBrowser();

describe('applicant-facing settings', () => {
  it('bad values are refused field by field; only super administrators may change them', async () => {
    const res = await call(app, w.admin, 'put', '/settings').send({
      sms: { signName: 'x', templates: { 'budget-ready': 'nope' }, included: -1, price: 1 },
      officeHours: '17:00-09:00',
      warningPercents: [100, 80, 200],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.')).sort()).toEqual([
      'officeHours',
      'sms.included',
      'sms.templates',
      'warningPercents',
    ]);
    expect((await call(app, w.staff.deptadmin, 'put', '/settings').send({})).status).toBe(403);
  });

  it('an administrator sets the SMS package, a template code, office hours and warning percentages in the panel', async () => {
    const page = await signIn(browser(), app.url!, 'admin@demo.local');
    await page.getByTestId('settings').click();
    await page.locator('#sms-sign').fill('巴中水务');
    await page.locator('#sms-included').fill('5000');
    await page.locator('#sms-price').fill('0.06');
    await page.getByLabel('budget-ready的短信模板').fill('SMS_272345001');
    await page.locator('#office-hours').fill('08:30-17:30');
    await page.getByLabel('一级预警比例').fill('70');
    await page.getByTestId('save-settings').click();
    await expect.poll(() => page.getByTestId('settings-message').innerText()).toContain('设置已保存');
    await shot(page, 'panel-settings');

    const config = app.strapi.config.get('plugin::workflow');
    expect(config.sms).toMatchObject({
      signName: '巴中水务',
      included: 5000,
      price: 0.06,
      templates: { 'budget-ready': 'SMS_272345001' },
    });
    expect(config.officeHours).toBe('08:30-17:30');
    expect(config.warningPercents).toEqual([70, 100, 200]);
    expect((await call(app, w.admin, 'get', '/notifications/sms-usage')).body.data).toMatchObject({
      included: 5000,
      price: 0.06,
    });

    // Kept in the database: another instance (or a restart) loads them.
    app.strapi.config.set('plugin::workflow.officeHours', '09:00-17:00');
    await app.strapi.plugin('workflow').service('settings').refresh();
    expect(app.strapi.config.get('plugin::workflow.officeHours')).toBe('08:30-17:30');
    await page.context().close();
  });
});
