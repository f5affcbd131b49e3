import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import data from '../../database/seeds/demo-data.json';

export const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

/** Debian's Chromium, never a downloaded browser; no traffic beyond loopback (scripts/chromium.js). */
export const launch = (): Promise<Browser> => require('../../scripts/chromium').launch();

export const shot = async (page: Page, name: string) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

/** Signs a demo staff member into the admin panel (in Chinese) and opens the 工单中心. */
export const signIn = async (browser: Browser, baseUrl: string, email: string) => {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.getByLabel(/电子邮件|Email/).fill(email);
  await page.getByLabel(/密码|Password/).fill(data.password);
  await page.getByRole('button', { name: /登录|Login/ }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000 });
  await page.goto(`${baseUrl}/admin/plugins/workflow`);
  await page.getByRole('heading', { name: '工单中心' }).waitFor({ timeout: 30_000 });
  return page;
};

/** A phone: 390×844, touch, Chinese, located in Bazhong with the location permission granted. */
export const PHONE_LOCATION = { latitude: 31.858806, longitude: 106.747478 };

export const phone = async (browser: Browser) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    geolocation: PHONE_LOCATION,
    permissions: ['geolocation'],
    acceptDownloads: true,
  });
  return context.newPage();
};

/** Opens a page of the H5 client (hash routing under /app/). */
export const openH5 = async (page: Page, baseUrl: string, route: string) => {
  await page.goto(`${baseUrl}/app/#${route}`);
};

/** Fills a field rendered from a form definition (input or textarea). */
export const fillField = async (page: Page, name: string, value: string) => {
  await page.locator(`[data-field="${name}"]`).locator('input, textarea').first().fill(value);
};

/** Picks an option of a select field rendered by uni-data-select. */
export const pickOption = async (page: Page, name: string, text: string) => {
  const field = page.locator(`[data-field="${name}"]`);
  await field.locator('.uni-select').click();
  await field.locator('.uni-select__selector-item', { hasText: text }).click();
};

/** Signs an applicant in on the H5 page with mobile number and password; lands on 在线报装. */
export const h5SignIn = async (page: Page, baseUrl: string, mobile: string) => {
  await openH5(page, baseUrl, '/pages/login/index');
  await fillField(page, 'mobile', mobile);
  await fillField(page, 'password', data.password);
  await page.getByTestId('login').click();
  await page.getByTestId('service').first().waitFor();
};

/** Signs a staff member in on the H5 page with their admin account; lands on 我的任务. */
export const h5StaffSignIn = async (page: Page, baseUrl: string, email: string) => {
  await openH5(page, baseUrl, '/pages/login/staff');
  await fillField(page, 'email', email);
  await fillField(page, 'password', data.password);
  await page.getByTestId('staff-login').click();
  await page.getByTestId('tab-mine').waitFor();
};

/** Clicks what opens a file dialog and answers it with the given files. */
export const chooseFiles = async (
  page: Page,
  click: () => Promise<void>,
  files: Array<{ name: string; mimeType: string; buffer: Buffer }>,
) => {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click()]);
  await chooser.setFiles(files);
};

/** Draws a stroke with real touch events (as a finger would), from point to point in page coordinates. */
export const drawStroke = async (page: Page, points: Array<{ x: number; y: number }>) => {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: string, p?: { x: number; y: number }) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y, id: 1 }] : [] });
  await touch('touchStart', points[0]);
  for (const p of points.slice(1)) await touch('touchMove', p);
  await touch('touchEnd');
  await cdp.detach();
};

/** One browser for a test file: launched before its tests, closed after. */
export const useBrowser = () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
};
