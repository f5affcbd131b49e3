'use strict';

const path = require('path');

// The plugin's server is TypeScript, compiled by the app's own tsc into dist/; the loader needs JavaScript.
const distSrc =
  (global.strapi && global.strapi.dirs && global.strapi.dirs.dist.src) || path.join(__dirname, '../../../dist/src');

module.exports = require(path.join(distSrc, 'plugins/workflow/server/src')).default;
