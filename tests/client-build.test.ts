import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The mini-program build cannot run here (no WeChat DevTools): it must build, hold every page of
 * pages.json with its files, and carry the AppID and API origin given as configuration.
 */
const client = path.resolve(__dirname, '../uniapp-client');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-weixin-'));
const APPID = 'wx0123456789abcdef';
const API = 'https://api.bz-water.example.cn';

let build: ReturnType<typeof spawnSync>;
beforeAll(() => {
  build = spawnSync(
    process.execPath,
    [
      path.join(client, 'node_modules/@dcloudio/vite-plugin-uni/bin/uni.js'),
      'build',
      '-p',
      'mp-weixin',
      '--outDir',
      out,
    ],
    {
      cwd: client,
      env: { ...process.env, NODE_ENV: 'production', VITE_WX_APPID: APPID, VITE_API_BASE: API },
      encoding: 'utf8',
    },
  );
}, 120_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const pagesJson = JSON.parse(fs.readFileSync(path.join(client, 'src/pages.json'), 'utf8'));

describe('the mini-program build', () => {
  it('builds', () => {
    expect(build.status, String(build.stderr)).toBe(0);
  });

  it('app.json lists every page of pages.json, each with its script, template and config', () => {
    const app = JSON.parse(fs.readFileSync(path.join(out, 'app.json'), 'utf8'));
    const pages = pagesJson.pages.map((p: { path: string }) => p.path);
    expect(pages.length).toBeGreaterThanOrEqual(12);
    expect(app.pages).toEqual(pages);
    expect(app.tabBar.list.map((t: { text: string }) => t.text)).toEqual(['报装', '我的工单', '消息', '我的']);
    for (const page of pages)
      for (const ext of ['.js', '.wxml', '.json'])
        expect(fs.existsSync(path.join(out, page + ext)), page + ext).toBe(true);
  });

  it('carries the AppID and the API origin from configuration', () => {
    expect(JSON.parse(fs.readFileSync(path.join(out, 'project.config.json'), 'utf8')).appid).toBe(APPID);
    const scripts = fs.readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.js'));
    expect(scripts.some((f) => fs.readFileSync(path.join(out, String(f)), 'utf8').includes(API))).toBe(true);
  });

  it('asks for subscribe-message consent when applying, in the mini-program only', () => {
    const form =
      fs.readFileSync(path.join(out, 'pages/apply/form.js'), 'utf8') +
      fs.readFileSync(path.join(out, 'utils/platform.js'), 'utf8');
    expect(form).toContain('requestSubscribeMessage');
    const h5 = fs
      .readdirSync(path.join(client, 'dist/build/h5/assets'))
      .map((f) => fs.readFileSync(path.join(client, 'dist/build/h5/assets', f), 'utf8'));
    expect(h5.some((text) => text.includes('uni.requestSubscribeMessage('))).toBe(false);
  });

  it('applies through the mini-program channel (the H5 page says official-account; see client-h5.test.ts)', () => {
    const platform = fs.readFileSync(path.join(out, 'utils/platform.js'), 'utf8');
    expect(platform).toContain('mini-program');
    expect(platform).not.toContain('official-account');
  });
});
