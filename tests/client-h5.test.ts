import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { app, apply, step, upload, useWorld, w, waited } from './helpers/workflow';
import {
  PHONE_LOCATION,
  chooseFiles,
  drawStroke,
  fillField,
  h5SignIn,
  h5StaffSignIn,
  useBrowser,
  openH5,
  phone,
  pickOption,
  shot,
} from './helpers/browser';
import { SAMPLE_FILES } from '../database/seeds/sample-files';

/**
 * The applicants' H5 page (the uni-app build, served by Strapi at /app/) on a phone-sized touch
 * screen, against the running app with the demo data.
 */
useWorld({ listen: true });
const browser = useBrowser();

const db = () => app.strapi.db;
const orderRow = (number: string) =>
  db()
    .query('api::order.order')
    .findOne({ where: { number }, populate: ['applicant'] });
const JPEG = (): Promise<Buffer> =>
  require('sharp')({ create: { width: 64, height: 48, channels: 3, background: '#4477aa' } })
    .jpeg()
    .toBuffer();
// The smallest MP4 the server's content check accepts: an ftyp box and an empty mdat.
const MP4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypmp42'),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from('mp42isom'),
  Buffer.from([0, 0, 0, 8]),
  Buffer.from('mdat'),
]);

/** The number shown on the order page the client lands on after submitting. */
const submittedNumber = async (page: Page) => {
  const number = page.getByTestId('order-number');
  await number.waitFor({ timeout: 20_000 });
  return (await number.innerText()).trim();
};

describe('the H5 page served by Strapi', () => {
  it('is at /app/, never caches its index, and serves nothing outside its build folder', async () => {
    const index = await app.http().get('/app/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.text).toContain('./assets/');
    expect((await app.http().get('/app')).headers.location).toBe('/app/');
    for (const escape of ['/app/%2e%2e/%2e%2e/package.json', '/app/..%2f..%2fpackage.json', '/app/assets/missing.js'])
      expect((await app.http().get(escape)).status).toBe(404);
  });
});

describe('applicants on the H5 page', () => {
  it('an enterprise registers (bad fields caught before sending), applies for a water connection and finds it in the list', async () => {
    const page = await phone(browser());
    await openH5(page, app.url!, '/pages/login/register');
    await fillField(page, 'mobile', '1391234');
    await fillField(page, 'password', 'Secret@123');
    await fillField(page, 'realName', '陈主任');
    await fillField(page, 'enterpriseName', '巴中市恒达物业有限公司');
    await fillField(page, 'creditCode', '91510107590201629A');
    await page.getByTestId('register').click();
    await expect(page.locator('[data-field="creditCode"] .error').innerText()).resolves.toMatch(/^统一社会信用代码/);
    await expect(page.locator('[data-field="mobile"] .error').innerText()).resolves.toMatch(/^手机号/);
    expect(
      await db()
        .query('plugin::users-permissions.user')
        .count({ where: { enterpriseName: '巴中市恒达物业有限公司' } }),
    ).toBe(0);
    await shot(page, 'h5-register-errors');

    await fillField(page, 'mobile', '13988776655');
    await fillField(page, 'creditCode', '91510107590201629B');
    await page.getByTestId('register').click();
    await page.locator('[data-process="water-enterprise"]').waitFor();
    const user = await db()
      .query('plugin::users-permissions.user')
      .findOne({ where: { mobile: '13988776655' } });
    expect(user).toMatchObject({
      applicantType: 'enterprise',
      enterpriseName: '巴中市恒达物业有限公司',
      creditCode: '91510107590201629B',
      confirmed: true,
    });
    // An enterprise sees the enterprise services only.
    await expect(page.locator('[data-process="water-resident"]').count()).resolves.toBe(0);
    await shot(page, 'h5-services');

    await page.locator('[data-process="water-enterprise"]').click();
    await fillField(page, 'unitName', '巴中市恒达物业有限公司');
    await fillField(page, 'creditCode', '91510107590201629B');
    // The draft survives leaving the page.
    await page.goBack();
    await page.locator('[data-process="water-enterprise"]').click();
    await expect(page.locator('[data-field="unitName"] input').inputValue()).resolves.toBe('巴中市恒达物业有限公司');
    await fillField(page, 'contactName', '陈主任');
    await fillField(page, 'contactPhone', '13988776655');
    await fillField(page, 'unitAddress', '巴中市巴州区江北大道8号');
    await fillField(page, 'waterAddress', '巴中市巴州区江北大道8号2栋');
    await pickOption(page, 'connectionType', '基建(施工)用水');
    await fillField(page, 'buildingArea', '12.345');
    await page.getByTestId('submit-application').click();
    await expect(page.locator('[data-field="buildingArea"] .error').innerText()).resolves.toMatch(/^建筑面积/);
    await fillField(page, 'buildingArea', '1860.5');
    await shot(page, 'h5-apply-water-enterprise');
    await page.getByTestId('submit-application').click();

    const number = await submittedNumber(page);
    const row = await orderRow(number);
    expect(row).toMatchObject({ processKey: 'water-enterprise', channel: 'official-account', currentStep: 'review' });
    expect(row.applicant.id).toBe(user.id);
    expect(row.formData).toMatchObject({ buildingArea: 1860.5, contactPhone: '13988776655' });
    await expect(page.getByTestId('order-step').innerText()).resolves.toContain('申请审核');
    await shot(page, 'h5-order-submitted');

    // Back to the services page, then the 我的工单 tab.
    await page.goBack();
    await page.locator('.uni-tabbar__item', { hasText: '我的工单' }).click();
    const card = page.locator(`[data-testid="order-card"][data-number="${number}"]`);
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain('申请审核');
    await shot(page, 'h5-my-orders');
    await page.context().close();
  });

  it('a resident applies for a water connection with an ID number checked before sending', async () => {
    const page = await phone(browser());
    await h5SignIn(page, app.url!, '13612345678');
    await page.locator('[data-process="water-resident"]').click();
    await fillField(page, 'name', '张三');
    await fillField(page, 'contactPhone', '13612345678');
    await fillField(page, 'idNumber', '110101199003071234');
    await fillField(page, 'address', '巴中市回风路8号');
    await fillField(page, 'waterAddress', '巴中市回风路8号3单元');
    await page.getByTestId('submit-application').click();
    await expect(page.locator('[data-field="idNumber"] .error').innerText()).resolves.toMatch(/^身份证号/);
    await fillField(page, 'idNumber', '11010519491231002X');
    await page.getByTestId('submit-application').click();
    const number = await submittedNumber(page);
    const row = await orderRow(number);
    expect(row).toMatchObject({
      processKey: 'water-resident',
      currentStep: 'review',
      formData: expect.objectContaining({ idNumber: '11010519491231002X' }),
    });

    // Urge (催办), once half of the review's 24 hours have passed: recorded in the history.
    await waited(app, number, 13);
    await page.getByTestId('urge').click();
    await expect
      .poll(async () =>
        (
          await db()
            .query('plugin::workflow.history-event')
            .findMany({ where: { orderId: row.id } })
        ).map((e: any) => e.action),
      )
      .toContain('urge');

    // Past the review's 24 hours the list shows the elapsed time in red; pulling down refreshes it.
    await page.goBack();
    await page.locator('.uni-tabbar__item', { hasText: '我的工单' }).click();
    const elapsed = page.locator(`[data-testid="order-card"][data-number="${number}"] .elapsed`);
    await expect(elapsed.getAttribute('data-overdue')).resolves.toBe('false');
    await db()
      .query('api::order.order')
      .update({ where: { id: row.id }, data: { stepEnteredAt: new Date(Date.now() - 30 * 3_600_000) } });
    await drawStroke(page, [
      { x: 195, y: 120 },
      { x: 195, y: 200 },
      { x: 195, y: 300 },
      { x: 195, y: 400 },
    ]);
    await expect.poll(() => elapsed.getAttribute('data-overdue')).toBe('true');
    await expect(elapsed.innerText()).resolves.toBe('1天6小时');
    expect(await elapsed.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(228, 61, 51)');
    await shot(page, 'h5-orders-overdue');

    // Withdrawn while under review.
    await page.locator(`[data-testid="order-card"][data-number="${number}"]`).click();
    await page.locator('[data-action="withdraw"]').click();
    await page.getByTestId('submit-action').click();
    expect((await waitForStep(number, 'withdrawn')).outcome).toBe('withdrawn');
    await page.context().close();
  });

  it('an enterprise asks for the energy service with photos and a video, uploaded with the order', async () => {
    const page = await phone(browser());
    await h5SignIn(page, app.url!, '13712345678');
    await page.locator('[data-process="energy-service"]').click();
    await fillField(page, 'name', '黄厂长');
    await fillField(page, 'contactPhone', '13712345678');
    await fillField(page, 'address', '巴中经济开发区工业园5号');
    await fillField(page, 'description', '新建厂房需要电力接入，预计负荷800千瓦');
    await pickOption(page, 'category', '电力接入');
    const jpeg = await JPEG();
    await chooseFiles(page, () => page.getByTestId('add-photo').click(), [
      { name: '厂房外观.jpg', mimeType: 'image/jpeg', buffer: jpeg },
      { name: '配电室.jpg', mimeType: 'image/jpeg', buffer: jpeg },
    ]);
    await chooseFiles(page, () => page.getByTestId('add-video').click(), [
      { name: '现场.mp4', mimeType: 'video/mp4', buffer: MP4 },
    ]);
    await page.locator('[data-testid="picked"][data-kind="video"]').waitFor();
    await expect(page.locator('[data-testid="picked"][data-kind="site-photo"]').count()).resolves.toBe(2);
    await shot(page, 'h5-apply-energy');
    await page.getByTestId('submit-application').click();
    const number = await submittedNumber(page);
    const row = await orderRow(number);
    expect(row).toMatchObject({ processKey: 'energy-service', currentStep: 'planning' });
    const files = await db()
      .query('api::order-file.order-file')
      .findMany({ where: { order: { id: row.id } }, orderBy: { id: 'asc' } });
    expect(files.map((f: any) => f.kind).sort()).toEqual(['site-photo', 'site-photo', 'video']);
    await shot(page, 'h5-energy-submitted');
    await page.context().close();
  });
});

// A 1×1 white PNG: what the API helpers sign with when a browser is not the point.
const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';
const energyForm = {
  name: '黄厂长',
  contactPhone: '13712345678',
  address: '巴中经济开发区工业园5号',
  description: '新建厂房需要电力接入，预计负荷800千瓦',
  category: '电力接入',
};

/** An energy order of the demo steel works, moved by the API to the survey step. */
const energyAtSurvey = async () => {
  const steel = w.applicants['bazhong-steel'];
  const planner = w.staff['power-planner'];
  const n = await apply(app, steel, 'energy-service', energyForm, 'mini-program');
  await upload(app, planner, n, 'plan', '.pdf');
  await step(app, planner, n, 'submit-plan');
  await step(app, steel, n, 'confirm', { signature: SIGNATURE });
  return n;
};

const openOrder = async (page: Page, number: string) => {
  await openH5(page, app.url!, `/pages/orders/detail?number=${number}`);
  await page.getByTestId('order-number').waitFor();
};

/** Waits until the order has left `step` (the page's action went through). */
const waitForStep = async (number: string, expected: string) => {
  for (let i = 0; i < 100; i++) {
    const row = await orderRow(number);
    if (row.currentStep === expected) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${number} did not reach ${expected}: ${(await orderRow(number)).currentStep}`);
};

describe('applicants act on their orders', () => {
  it('downloads the drawing and budget, then confirms them', async () => {
    const demo = await db()
      .query('api::order.order')
      .findOne({ where: { processKey: 'water-enterprise', currentStep: 'budget-confirm' } });
    const page = await phone(browser());
    await h5SignIn(page, app.url!, '13912345678');
    await page.locator('.uni-tabbar__item', { hasText: '我的工单' }).click();
    await page.locator(`[data-testid="order-card"][data-number="${demo.number}"]`).click();
    await page.getByTestId('order-number').waitFor();
    await expect(page.getByTestId('order-step').innerText()).resolves.toContain('确认施工图与预算');
    const budget = page.locator('[data-testid="files"] [data-kind="budget"]');
    const [download] = await Promise.all([page.waitForEvent('download'), budget.getByText('下载').click()]);
    expect(download.suggestedFilename()).toBe('预算书.xlsx');
    const fs = await import('node:fs');
    expect(
      fs
        .readFileSync(await download.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await expect(page.locator('[data-testid="files"] [data-kind="drawing"]').innerText()).resolves.toContain('施工图');
    await shot(page, 'h5-budget-confirm');

    await page.locator('[data-action="confirm"]').click();
    await page.getByTestId('submit-action').click();
    await waitForStep(demo.number, 'contract-draft');
    await expect(page.getByTestId('timeline').innerText()).resolves.toContain('确认施工图与预算');
    await page.context().close();
  });

  it('confirms a plan with a signature drawn on the canvas', async () => {
    const demo = await db()
      .query('api::order.order')
      .findOne({ where: { processKey: 'energy-service', currentStep: 'plan-confirm' } });
    const page = await phone(browser());
    await h5SignIn(page, app.url!, '13712345678');
    await openOrder(page, demo.number);
    await page.locator('[data-action="confirm"]').click();
    // Sending without signing is stopped on the phone.
    await page.getByTestId('submit-action').click();
    await expect(page.locator('[data-field="signature"] .error').innerText()).resolves.toBe('手写签名为必填项');

    const canvas = page.getByTestId('signature-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const at = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
    await drawStroke(page, [at(0.15, 0.6), at(0.25, 0.3), at(0.35, 0.7), at(0.45, 0.3), at(0.55, 0.65)]);
    await drawStroke(page, [at(0.6, 0.4), at(0.75, 0.45), at(0.85, 0.5)]);
    await page.getByText('确认签名', { exact: true }).click();
    await page.getByText('已签名', { exact: true }).waitFor();
    await shot(page, 'h5-plan-signature');
    await page.getByTestId('submit-action').click();
    const row = await waitForStep(demo.number, 'survey');

    const signature = await db()
      .query('api::signature.signature')
      .findOne({ where: { order: { id: row.id } }, populate: ['image'] });
    expect(signature.image.mime).toBe('image/png');
    const path = await import('node:path');
    const sharp = require('sharp');
    const file = path.join(app.strapi.dirs.static.public, signature.image.url);
    const { width, height } = await sharp(file).metadata();
    const stats = await sharp(file).stats();
    // A white page with dark strokes on it: what was drawn reached the server.
    expect(width).toBeGreaterThan(300);
    expect(height).toBeGreaterThan(150);
    expect(stats.channels[0].min).toBeLessThan(80);
    expect(stats.channels[0].max).toBe(255);
    await page.context().close();
  });

  it('rates a finished energy service 1-5 with a comment', async () => {
    const n = await energyAtSurvey();
    const planner = w.staff['power-planner'];
    const admin = w.staff['power-admin'];
    await upload(app, planner, n, 'site-photo');
    await upload(app, planner, n, 'voice-note', '.mp3');
    await step(app, planner, n, 'complete', { latitude: 31.85, longitude: 106.74 });
    await upload(app, admin, n, 'contract', '.pdf');
    await step(app, admin, n, 'submit');
    await step(app, w.staff['power-crew'], n, 'finish');
    await upload(app, admin, n, 'acceptance-form', '.pdf');
    await step(app, admin, n, 'submit', { notes: '验收合格' });

    const page = await phone(browser());
    await h5SignIn(page, app.url!, '13712345678');
    await openOrder(page, n);
    await page.locator('[data-action="rate"]').click();
    await page.locator('[data-score="4"]').click();
    await fillField(page, 'comment', '施工规范，沟通及时');
    await shot(page, 'h5-rate');
    await page.getByTestId('submit-action').click();
    const row = await waitForStep(n, 'completed');
    expect(row.outcome).toBe('completed');
    const evaluation = await db()
      .query('api::evaluation.evaluation')
      .findOne({ where: { order: { id: row.id } } });
    expect(evaluation).toMatchObject({ score: 4, comment: '施工规范，沟通及时' });
    await page.context().close();
  });
});

describe('field staff on the H5 page', () => {
  it('a surveyor records a survey with a photo, a voice note and the phone\u2019s GPS position', async () => {
    const n = await energyAtSurvey();
    const page = await phone(browser());
    await h5StaffSignIn(page, app.url!, 'power-planner@demo.local');
    const card = page.locator(`[data-testid="order-card"][data-number="${n}"]`);
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain('现场踏勘');
    // Where to go and whom to call.
    await expect(card.getByTestId('order-address').innerText()).resolves.toBe('地址：巴中经济开发区工业园5号');
    await expect(card.innerText()).resolves.toContain('黄厂长 13712345678');
    await card.getByTestId('call').waitFor();
    await shot(page, 'h5-staff-tasks');
    await card.click();
    await page.locator('[data-action="complete"]').click();

    await page.getByText('获取当前位置').click();
    await expect(page.getByTestId('coords').innerText()).resolves.toBe(
      `纬度 ${PHONE_LOCATION.latitude.toFixed(6)}，经度 ${PHONE_LOCATION.longitude.toFixed(6)}`,
    );

    const photo = page.locator('.artifact[data-kind="site-photo"]');
    await chooseFiles(page, () => photo.getByText('从相册选择').click(), [
      { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await JPEG() },
    ]);
    await photo.locator('[data-status="done"]').waitFor();
    const voice = page.locator('.artifact[data-kind="voice-note"]');
    await chooseFiles(page, () => voice.getByText('选择录音文件').click(), [
      { name: '踏勘语音.mp3', mimeType: 'audio/mpeg', buffer: SAMPLE_FILES['.mp3'].content() },
    ]);
    await voice.locator('[data-status="done"]').waitFor();
    await fillField(page, 'notes', '配电室位于厂区东北角，需新建电缆沟');
    await shot(page, 'h5-staff-survey');
    await page.getByTestId('submit-action').click();

    const row = await waitForStep(n, 'contract');
    const record = await db()
      .query('api::survey-record.survey-record')
      .findOne({ where: { order: { id: row.id } }, populate: ['photos', 'voiceNotes'] });
    expect(record).toMatchObject({
      latitude: PHONE_LOCATION.latitude,
      longitude: PHONE_LOCATION.longitude,
      notes: '配电室位于厂区东北角，需新建电缆沟',
    });
    expect(record.photos).toHaveLength(1);
    expect(record.voiceNotes).toHaveLength(1);
    // The order went on to someone else: the page says where, never that it does not exist.
    const handedOn = page.getByTestId('handed-on');
    await handedOn.waitFor();
    expect(await handedOn.innerText()).toContain('已提交，工单已转至');
    expect(await page.locator('body').innerText()).not.toContain('不存在');
    await shot(page, 'h5-staff-handed-on');
    // 已办 keeps it in sight with its step and holder now.
    await page.goBack();
    await page.getByTestId('tab-handled').click();
    const handled = page.locator(`[data-testid="order-card"][data-number="${n}"]`);
    await handled.waitFor();
    expect(await handled.innerText()).toContain('处理人：');
    await shot(page, 'h5-staff-handled');
    // 消息: the survey was given to the planner (新任务); the message opens the order.
    for (let i = 0; i < 5; i++) await app.strapi.plugin('workflow').service('outbox').runOnce();
    await page.reload();
    await page.getByTestId('staff-messages').click();
    const message = page.locator('[data-testid="message"]', { hasText: `新任务：工单${n}` });
    await message.waitFor();
    await shot(page, 'h5-staff-messages');
    await message.click();
    await page.getByTestId('order-number').waitFor();
    expect(await page.getByTestId('order-number').innerText()).toContain(n);
    await page.context().close();
  });
});

describe('construction crews on the H5 page', () => {
  it('upload the start, finish and water-on photos, retried when the network drops, and finish the work', async () => {
    const zhangsan = w.applicants.zhangsan;
    const n = await apply(app, zhangsan, 'water-resident', {
      name: '张三',
      contactPhone: '13612345678',
      address: '巴中市回风路8号',
      waterAddress: '巴中市回风路8号5单元',
    });
    await step(app, w.staff.clerk, n, 'approve');
    await upload(app, w.staff.surveyor, n, 'site-photo');
    await upload(app, w.staff.surveyor, n, 'plan-sketch');
    await step(app, w.staff.surveyor, n, 'complete');
    await step(app, w.staff.finance, n, 'record-paid', { amount: 1200, receiptNo: 'SJ-0001' });

    const page = await phone(browser());
    await h5StaffSignIn(page, app.url!, 'crew@demo.local');
    await page.locator(`[data-testid="order-card"][data-number="${n}"]`).click();
    await page.locator('[data-action="finish"]').click();

    // The first upload is cut off on the way; the client tries again by itself.
    let cut = 0;
    await page.route('**/workflow/orders/*/files', (route) =>
      cut++ === 0 ? route.abort('connectionreset') : route.continue(),
    );
    const jpeg = await JPEG();
    for (const kind of ['construction-start-photo', 'construction-finish-photo', 'water-on-photo']) {
      const box = page.locator(`.artifact[data-kind="${kind}"]`);
      await chooseFiles(page, () => box.getByText('从相册选择').click(), [
        { name: `${kind}.jpg`, mimeType: 'image/jpeg', buffer: jpeg },
      ]);
      await box.locator('[data-status="done"]').waitFor({ timeout: 15_000 });
    }
    expect(cut).toBe(4);
    await shot(page, 'h5-crew-construction');
    await page.getByTestId('submit-action').click();
    const row = await waitForStep(n, 'acceptance');
    const files = await db()
      .query('api::order-file.order-file')
      .findMany({
        where: {
          order: { id: row.id },
          kind: { $in: ['construction-start-photo', 'construction-finish-photo', 'water-on-photo'] },
        },
      });
    expect(files).toHaveLength(3);
    await page.context().close();
  });
});
