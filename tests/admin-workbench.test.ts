import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { app, apply, call, enterpriseForm, step, upload, useWorld, w, waited } from './helpers/workflow';
import { useBrowser, shot, signIn } from './helpers/browser';

useWorld({ listen: true });
const browser = useBrowser();

let water: string;
let power: string;
beforeAll(async () => {
  water = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '浏览器测试单位' }));
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

const rowNumbers = async (page: any) => page.locator('[data-testid="order-row"] td:first-child').allInnerTexts();

describe('工单中心 in the admin panel', () => {
  it('a department administrator sees only their organization\u2019s orders; overdue time is red', async () => {
    const row = await app.strapi.db.query('api::order.order').findOne({ where: { number: water } });
    await app.strapi.db
      .query('api::order.order')
      .update({ where: { id: row.id }, data: { stepEnteredAt: new Date(Date.now() - 30 * 3_600_000) } });
    const page = await signIn(browser(), app.url!, 'deptadmin@demo.local');
    await page.getByTestId('tab-all').click();
    await page.getByText(water).waitFor();
    // Filters narrow the list on the server: by channel, then back.
    await page.locator('#wf-channel').selectOption('window');
    await page.getByText(water).waitFor({ state: 'detached' });
    expect(await rowNumbers(page)).not.toContain(water);
    await page.locator('#wf-channel').selectOption('');
    await page.getByText(water).waitFor();
    const numbers = await rowNumbers(page);
    expect(numbers).toContain(water);
    expect(numbers).not.toContain(power);
    const elapsed = page.locator('[data-testid="order-row"]', { hasText: water }).locator('[data-overdue="true"]');
    await expect(elapsed.innerText()).resolves.toBe('1天6小时');
    const color = await elapsed.evaluate((el) => getComputedStyle(el).color);
    expect(color).toMatch(/rgb\((2[0-9]{2}), ([0-9]{1,2}), ([0-9]{1,2})\)/);
    await shot(page, 'inbox-department-admin');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const exported = book.worksheets[0].getColumn(1).values.slice(2);
    expect(exported).toContain(water);
    expect(exported).not.toContain(power);
    await page.context().close();
  });

  it('a surveyor sees only theirs and completes a survey with two photo uploads', async () => {
    await step(app, w.staff.clerk, water, 'approve');
    await step(app, w.staff.techhead, water, 'approve');
    const page = await signIn(browser(), app.url!, 'surveyor@demo.local');
    await page.getByText(water).waitFor();
    const numbers = await rowNumbers(page);
    expect(numbers).toContain(water);
    expect(numbers).not.toContain(power);
    await page
      .locator('[data-testid="order-row"]', { hasText: water })
      .getByRole('button', { name: '提交勘察结果' })
      .click();
    const panel = page.getByTestId('action-complete');
    await panel.waitFor();
    const png = require('node:fs').readFileSync(require('node:path').resolve(__dirname, '../favicon.png'));
    await panel.getByTestId('upload-site-photo').setInputFiles([
      { name: '现场1.png', mimeType: 'image/png', buffer: png },
      { name: '现场2.png', mimeType: 'image/png', buffer: png },
    ]);
    await panel.getByText('已上传 2').waitFor();
    await panel
      .getByTestId('upload-plan-sketch')
      .setInputFiles([{ name: '草图.png', mimeType: 'image/png', buffer: png }]);
    await panel.getByText('已上传 1').waitFor();
    // The uploads appear under 附件 with image previews, every version kept.
    await page.getByTestId('image-preview').nth(2).waitFor();
    await shot(page, 'survey-before-submit');
    await panel.getByRole('button', { name: /提交：/ }).click();
    // The order moved on to the designer: the surveyor is told so.
    await page.getByTestId('action-done').waitFor();
    const row = await app.strapi.db.query('api::order.order').findOne({ where: { number: water } });
    expect(row.currentStep).toBe('design');
    await shot(page, 'survey-done');
    const note = await page.getByTestId('action-done').innerText();
    expect(note).toContain(water);
    expect(note).toContain('已转至');
    expect(note).not.toContain('不存在');
    // 已办 keeps the order in the surveyor's sight, read-only, at the designer's step.
    await page.getByRole('link', { name: '返回工单中心' }).first().click();
    await page.getByTestId('tab-handled').click();
    const handled = page.locator('[data-testid="order-row"]', { hasText: water });
    await handled.waitFor();
    expect(await handled.innerText()).toContain('设计');
    await shot(page, 'inbox-handled');
    await page.context().close();
  });

  it('window entry opens the order it created, with a receipt to print that links to the order by QR code', async () => {
    const page = await signIn(browser(), app.url!, 'clerk@demo.local');
    await page.goto(`${app.url}/admin/plugins/workflow/new`);
    await page.locator('#wf-entry-process').selectOption('water-resident');
    await page.locator('#applicantMobile').fill('13612345678');
    await page.locator('#e-name').fill('张三');
    await page.locator('#e-contactPhone').fill('13612345678');
    await page.locator('#e-address').fill('回风路12号');
    await page.locator('#e-waterAddress').fill('回风路12号2单元');
    await page.getByRole('button', { name: '提交申请' }).click();
    const note = page.getByTestId('entered-note');
    await note.waitFor();
    const number = /工单编号 (\S+)，/.exec(await note.innerText())![1];
    expect(await app.strapi.db.query('api::order.order').count({ where: { number, channel: 'window' } })).toBe(1);
    await shot(page, 'window-entry-done');
    await note.getByTestId('print-receipt').click();
    const sheet = page.getByTestId('print-sheet');
    await sheet.waitFor();
    await page.getByTestId('print-qr').waitFor();
    const text = await sheet.innerText();
    for (const expected of ['受理回执', number, '张三', '窗口', '王窗口', '受理人签字', '申请人签字'])
      expect(text).toContain(expected);
    expect(await page.getByTestId('print-qr').getAttribute('data-text')).toContain(`number=${number}`);
    await shot(page, 'receipt');
    await page.context().close();
  });

  it('marks urged orders in the inbox, with a filter; a leader supervises one from its page', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '催办页面单位' }));
    await waited(app, n, 13);
    expect((await call(app, w.applicants.zhujiang, 'post', `/orders/${n}/urge`)).status).toBe(200);
    const clerk = await signIn(browser(), app.url!, 'clerk@demo.local');
    const row = clerk.locator('[data-testid="order-row"]', { hasText: n });
    await row.waitFor();
    expect(await row.getByTestId('urged-badge').innerText()).toContain('催办1次');
    await clerk.locator('#wf-urged').selectOption('true');
    await clerk.getByTestId('urged-badge').first().waitFor();
    const badges = await clerk.getByTestId('urged-badge').count();
    expect(badges).toBe(await clerk.locator('[data-testid="order-row"]').count());
    await shot(clerk, 'inbox-urged');
    await clerk.context().close();

    const leader = await signIn(browser(), app.url!, 'leader@demo.local');
    await leader.goto(`${app.url}/admin/plugins/workflow/${n}`);
    const box = leader.getByTestId('supervise');
    await box.waitFor();
    await box.getByRole('button', { name: '督办' }).click();
    await expect(box.getByTestId('supervise-result').innerText()).resolves.toBe('请填写督办意见（500字以内）');
    await box.getByLabel('督办意见').fill('请今天内完成审核');
    await box.getByRole('button', { name: '督办' }).click();
    await leader.getByText('已督办，处理人和部门负责人将收到消息').waitFor();
    await leader.getByText('请今天内完成审核').first().waitFor();
    await shot(leader, 'order-supervised');
    await leader.context().close();
  });

  it('explains a 409 from a stale page instead of swallowing it', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '并发页面单位' }));
    // The super administrator keeps seeing the order after it moves, so the stale version is what fails.
    const page = await signIn(browser(), app.url!, 'admin@demo.local');
    await page.goto(`${app.url}/admin/plugins/workflow/${n}`);
    const panel = page.getByTestId('action-approve');
    await panel.waitFor();
    // Someone else approves meanwhile.
    await step(app, w.admin, n, 'approve');
    await panel.getByRole('button', { name: /提交：/ }).click();
    await page.getByTestId('action-error').waitFor();
    expect(await page.getByTestId('action-error').innerText()).toContain('已被他人处理');
    expect(await page.getByTestId('chain-state').innerText()).toContain('校验通过');
    await shot(page, 'stale-409');
    await page.context().close();
  });

  it('renders the dispatch sheet for printing', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '派工单单位' }));
    const s = w.staff;
    await step(app, s.clerk, n, 'approve');
    await step(app, s.techhead, n, 'approve');
    await upload(app, s.surveyor, n, 'site-photo', '.png');
    await upload(app, s.surveyor, n, 'plan-sketch', '.png');
    await step(app, s.surveyor, n, 'complete');
    await upload(app, s.designer, n, 'drawing', '.dwg');
    await upload(app, s.designer, n, 'budget', '.xlsx');
    await step(app, s.designer, n, 'submit');
    await step(app, w.applicants.zhujiang, n, 'confirm');
    await step(app, s.contract, n, 'submit', {
      contractNo: 'YJ-GS-2019-4',
      name: '供水合同',
      place: '巴中',
      partyA: '派工单单位',
      partyB: '自来水公司',
      amount: 1000,
    });
    await step(app, s.contract, n, 'counterparty-approved');
    for (let i = 0; i < 7; i += 1) await step(app, s.contract, n, 'approve');
    await upload(app, s.contract, n, 'signed-contract', '.pdf');
    await step(app, s.contract, n, 'upload-signed');
    await step(app, s.finance, n, 'record-paid', { amount: 1000 });
    await step(app, s.techhead, n, 'submit', {
      tasks: '接入DN50管道',
      materials: 'PE管 50米\n阀门 2个',
      meterNumber: 'WM-2026-001',
      meterCaliber: 'DN50',
    });
    const page = await signIn(browser(), app.url!, 'admin@demo.local');
    await page.goto(`${app.url}/admin/plugins/workflow/${n}/print/dispatch-sheet`);
    const sheet = page.getByTestId('print-sheet');
    await sheet.waitFor();
    const text = await sheet.innerText();
    for (const expected of ['派工单', n, '派工单单位', 'WM-2026-001', 'DN50', 'PE管 50米'])
      expect(text).toContain(expected);
    await shot(page, 'dispatch-sheet');
    await page.context().close();
  });

  // Last: it adds a second surveyor, whom least-busy assignment would then pick.
  it('the technical head reassigns a survey to another surveyor, with a reason', async () => {
    const email = 'surveyor3@demo.local';
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'workflow-frontline' } });
    const user = { email, firstname: '勘察', lastname: '孙', password: 'Staff@12345', isActive: true };
    await app.strapi.service('admin::user').create({ ...user, registrationToken: null, roles: [role.id] });
    const tech = await app.strapi.db.query('api::organization.organization').findOne({ where: { code: 'WATER-TECH' } });
    const staff = { name: '孙勘察', email, organization: tech.id, jobRoles: ['surveyor'] };
    expect((await call(app, w.admin, 'post', '/directory/staff').send(staff)).status).toBeLessThan(300);
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '改派页面单位' }));
    await step(app, w.staff.clerk, n, 'approve');
    await step(app, w.staff.techhead, n, 'approve');
    const holder = (
      await app.strapi.db
        .query('api::order.order')
        .findOne({ where: { number: n }, populate: { assignee: { select: ['name'] } } })
    ).assignee.name;
    const other = holder === '孙勘察' ? '张勘察' : '孙勘察';

    const page = await signIn(browser(), app.url!, 'techhead@demo.local');
    await page.goto(`${app.url}/admin/plugins/workflow/${n}`);
    const box = page.getByTestId('reassign');
    await box.waitFor();
    expect(await box.innerText()).toContain(`当前处理人：${holder}`);
    await box.getByRole('combobox').click();
    await page.getByRole('option', { name: other }).click();
    await box.getByLabel('改派原因').fill('原勘察员休假');
    await box.getByRole('button', { name: '改派' }).click();
    await page.getByText(`已改派给${other}，原处理人和新处理人将收到消息`).waitFor();
    await page.getByText('原勘察员休假').first().waitFor();
    await shot(page, 'order-reassigned');
    const after = await app.strapi.db
      .query('api::order.order')
      .findOne({ where: { number: n }, populate: { assignee: { select: ['name'] } } });
    expect(after.assignee.name).toBe(other);
    await page.context().close();
  });
});
