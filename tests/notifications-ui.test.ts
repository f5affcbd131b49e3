import { beforeAll, describe, expect, it } from 'vitest';
import { app, apply, call, enterpriseForm, useWorld, w } from './helpers/workflow';
import { h5SignIn, useBrowser, phone, shot, signIn } from './helpers/browser';

/**
 * Where people see warnings and messages: the panel's inbox, order page, messages and the
 * administrators' notification page; the H5 page's order list, message tab and order articles.
 */
useWorld({ listen: true });
const browser = useBrowser();

let late: string;
const plugin = () => app.strapi.plugin('workflow');
const db = () => app.strapi.db;

beforeAll(async () => {
  await db()
    .query('api::knowledge-article.knowledge-article')
    .create({
      data: {
        title: '企业报装审核须知',
        body: '审核需要营业执照和用水地址的产权证明。',
        processKey: 'water-enterprise',
        step: 'review',
        audience: 'both',
        active: true,
      },
    });
  late = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '预警测试单位' }));
  const row = await db()
    .query('api::order.order')
    .findOne({ where: { number: late } });
  await db()
    .query('api::order.order')
    .update({ where: { id: row.id }, data: { stepEnteredAt: new Date(Date.now() - 30 * 3_600_000) } });
  await plugin().service('escalation').scan();
  for (let i = 0; i < 10 && (await plugin().service('outbox').runOnce()).sent > 0; i++);
  // One notification that could not be sent, for the administrators' page.
  await db()
    .query('plugin::workflow.outbox-message')
    .create({
      data: {
        orderId: row.id,
        audience: 'applicant',
        channel: 'sms',
        template: 'budget-ready',
        recipient: '13900000000',
        payload: { number: late },
        status: 'dead',
        attempts: 1,
        lastError: 'isv.MOBILE_NUMBER_ILLEGAL: 非法手机号',
      },
    });
});

describe('the panel', () => {
  it('shows the warning level beside the elapsed time, filters by it, and lists the staff member\u2019s messages', async () => {
    const page = await signIn(browser(), app.url!, 'deptadmin@demo.local');
    await page.getByTestId('tab-all').click();
    const row = page.locator('[data-testid="order-row"]', { hasText: late });
    await expect(row.locator('[data-warning]').innerText()).resolves.toBe('二级预警');
    await page.locator('#wf-warning').selectOption('3');
    await row.waitFor({ state: 'detached' });
    await page.locator('#wf-warning').selectOption('2');
    await row.waitFor();
    await shot(page, 'panel-inbox-warnings');

    const unread = (await call(app, w.staff.deptadmin, 'get', '/messages/unread')).body.data.unread;
    expect(unread).toBeGreaterThan(0);
    await expect(page.getByTestId('messages').innerText()).resolves.toBe(`消息（${unread}条未读）`);
    await page.getByTestId('messages').click();
    const message = page.locator('[data-testid="message"]', { hasText: `【二级预警】工单${late}` });
    await expect(message.getAttribute('data-read')).resolves.toBe('false');
    await shot(page, 'panel-messages');
    await message.click();
    await page.getByRole('heading', { name: new RegExp(late) }).waitFor();
    await expect(page.locator('[data-warning]').first().innerText()).resolves.toBe('二级预警');
    expect((await call(app, w.staff.deptadmin, 'get', '/messages/unread')).body.data.unread).toBe(unread - 1);
    await page.context().close();
  });

  it('administrators see the SMS used against the package and retry a dead letter', async () => {
    const usage = (await call(app, w.admin, 'get', '/notifications/sms-usage')).body.data;
    expect(usage.used).toBeGreaterThan(0);
    const page = await signIn(browser(), app.url!, 'admin@demo.local');
    await page.getByTestId('notifications').click();
    await expect(page.getByTestId('sms-used').innerText()).resolves.toBe(`${usage.used} 条`);
    await expect(page.getByTestId('sms-left').innerText()).resolves.toBe(
      `${(20000 - usage.used).toLocaleString('zh-CN')} 条`,
    );
    await expect(page.getByTestId('sms-cost').innerText()).resolves.toBe('¥0.00');
    const letter = page.locator('[data-testid="dead-letter"]', { hasText: late });
    await expect(letter.innerText()).resolves.toContain('isv.MOBILE_NUMBER_ILLEGAL');
    await expect(letter.innerText()).resolves.toContain(`工单${late}的施工图与预算已出，请确认`);
    await shot(page, 'panel-notifications');
    await letter.getByRole('button', { name: '重新发送' }).click();
    await letter.waitFor({ state: 'detached' });
    const row = await db()
      .query('plugin::workflow.outbox-message')
      .findOne({ where: { template: 'budget-ready', recipient: '13900000000' } });
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    await page.context().close();

    // Frontline staff have no such page.
    const clerk = await signIn(browser(), app.url!, 'clerk@demo.local');
    await expect(clerk.getByTestId('notifications').count()).resolves.toBe(0);
    await clerk.context().close();
  });
});

describe('the H5 page', () => {
  it('shows the warning in the order list, the unread messages on their tab, and the articles of the order', async () => {
    const page = await phone(browser());
    await h5SignIn(page, app.url!, '13912345678');
    const unread = (await call(app, w.applicants.zhujiang, 'get', '/messages')).body.meta.unread;
    expect(unread).toBeGreaterThan(0);
    await expect(
      page.locator('.uni-tabbar__item', { hasText: '消息' }).locator('.uni-tabbar__badge').innerText(),
    ).resolves.toBe(String(unread));

    await page.locator('.uni-tabbar__item', { hasText: '我的工单' }).click();
    const card = page.locator(`[data-testid="order-card"][data-number="${late}"]`);
    await expect(card.locator('[data-warning]').innerText()).resolves.toBe('二级预警');
    await shot(page, 'h5-orders-warning');

    await page.locator('.uni-tabbar__item', { hasText: '消息' }).click();
    await expect(page.getByTestId('unread').innerText()).resolves.toBe(`${unread}条未读`);
    const message = page.locator('[data-testid="message"]', { hasText: '“申请审核”办理须知' });
    await expect(message.getAttribute('data-read')).resolves.toBe('false');
    await shot(page, 'h5-messages');
    await message.click();
    await page.getByTestId('order-number').waitFor();
    const article = page.locator('[data-testid="article"]', { hasText: '企业报装审核须知' });
    await expect(article.innerText()).resolves.toContain('【当前环节】');
    await article.click();
    await expect(article.innerText()).resolves.toContain('审核需要营业执照和用水地址的产权证明。');
    await shot(page, 'h5-order-articles');
    expect((await call(app, w.applicants.zhujiang, 'get', '/messages')).body.meta.unread).toBe(unread - 1);
    await page.goBack();
    await expect(page.getByTestId('unread').innerText()).resolves.toBe(`${unread - 1}条未读`);
    await page.context().close();
  });
});
