'use strict';

/**
 * Builds what is missing or stale: the admin panel (`strapi build`, about a minute) when its sources
 * changed since the last build, else only the server (tsc, seconds). Used by `npm run demo` and the
 * test suite's global setup, so the admin build runs at most once per run.
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

const strapiBin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [root] })), 'bin/strapi.js');

const adminIsStale = () => {
  const index = path.join(root, 'dist/build/index.html');
  const sources = Math.max(newestMtime(path.join(root, 'src/admin')), newestMtime(path.join(root, 'src/plugins/workflow/admin')));
  return !fs.existsSync(index) || fs.statSync(index).mtimeMs < sources;
};

const build = ({ admin = true } = {}) => {
  if (admin && adminIsStale()) {
    console.log('Building the admin panel and the server (about a minute)...');
    // A production bundle, whatever NODE_ENV the caller runs under.
    run([strapiBin, 'build'], { NODE_ENV: 'production' });
  } else {
    run([require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', path.join(root, 'tsconfig.json')]);
  }
};

module.exports = { build };

if (require.main === module) build();
