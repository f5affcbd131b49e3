'use strict';

const { chromium } = require('playwright-core');

/**
 * Debian's Chromium, never a downloaded browser, with no traffic beyond loopback: for the browser tests
 * (tests/helpers/browser.ts) and the page benchmark (bench/pages.js).
 */
const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });

module.exports = { launch };
