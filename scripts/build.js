'use strict';

/**
 * Builds what is missing or stale: the admin panel (`strapi build`, about a minute) when its sources
 * changed since the last build, else only the server (tsc, seconds); and the applicants' H5 page
 * (uni-app, about ten seconds) when the client or the shared validators changed. Used by
 * `npm run demo` and the test suite's global setup, so each build runs at most once per run.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

const newestMtime = (dir) => {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
};

const run = (args, env = {}) => {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
};

const strapiBin = path.join(
  path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [root] })),
  'bin/strapi.js',
);

const adminIsStale = () => {
  const index = path.join(root, 'dist/build/index.html');
  const sources = Math.max(
    newestMtime(path.join(root, 'src/admin')),
    newestMtime(path.join(root, 'src/plugins/workflow/admin')),
  );
  return !fs.existsSync(index) || fs.statSync(index).mtimeMs < sources;
};

const client = path.join(root, 'uniapp-client');

const clientIsStale = () => {
  const index = path.join(client, 'dist/build/h5/index.html');
  const sources = Math.max(
    newestMtime(path.join(client, 'src')),
    newestMtime(path.join(root, 'src/validation')),
    ...['vite.config.ts', 'index.html', '.env'].map((f) =>
      fs.existsSync(path.join(client, f)) ? fs.statSync(path.join(client, f)).mtimeMs : 0,
    ),
  );
  return !fs.existsSync(index) || fs.statSync(index).mtimeMs < sources;
};

const buildClient = () => {
  if (!clientIsStale()) return;
  const uni = path.join(client, 'node_modules/@dcloudio/vite-plugin-uni/bin/uni.js');
  if (!fs.existsSync(uni)) throw new Error('The client is not installed: npm install --prefix uniapp-client');
  console.log('Building the H5 page (uni-app)...');
  const result = spawnSync(process.execPath, [uni, 'build'], {
    cwd: client,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('uni build failed');
};

const build = ({ admin = true, h5 = true } = {}) => {
  if (h5) buildClient();
  if (admin && adminIsStale()) {
    console.log('Building the admin panel and the server (about a minute)...');
    // A production bundle, whatever NODE_ENV the caller runs under.
    run([strapiBin, 'build'], { NODE_ENV: 'production' });
  } else {
    run([require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', path.join(root, 'tsconfig.json')]);
  }
};

module.exports = { build, buildClient };

if (require.main === module) build();
