import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import data from '../../database/seeds/demo-data.json';

export const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

/** Debian's Chromium, never a downloaded browser; no traffic beyond loopback. */
export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });

export const shot = async (page: Page, name: string) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

/** Signs a demo staff member into the admin panel (in Chinese) and opens the 工单中心. */
export const signIn = async (browser: Browser, baseUrl: string, email: string) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
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
