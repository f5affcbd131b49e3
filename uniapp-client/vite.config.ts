import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import uniModule from '@dcloudio/vite-plugin-uni';

// The plugin is published as CommonJS with its function on `default`.
const uni = ((uniModule as any).default ?? uniModule) as typeof uniModule;

/**
 * The mini-program's AppID is configuration, not source: WeChat DevTools reads it from the output's
 * project.config.json, so it is written there after the build.
 */
const wechatAppId = (appid: string | undefined): Plugin => ({
  name: 'wechat-appid',
  apply: 'build',
  closeBundle() {
    const outDir = process.env.UNI_OUTPUT_DIR;
    if (process.env.UNI_PLATFORM !== 'mp-weixin' || !appid || !outDir) return;
    const file = path.join(outDir, 'project.config.json');
    if (!fs.existsSync(file)) return;
    const config = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...config, appid }, null, 2));
  },
});

export default defineConfig(({ mode }) => ({
  plugins: [uni(), wechatAppId(process.env.VITE_WX_APPID ?? loadEnv(mode, __dirname, 'VITE_').VITE_WX_APPID)],
  resolve: {
    alias: {
      // The server's own validators, so a form is checked here exactly as the server will check it.
      '@shared/validation': path.resolve(__dirname, '../src/validation'),
      '@workflow/api-types': path.resolve(__dirname, '../src/plugins/workflow/shared/api-types.ts'),
    },
  },
}));
