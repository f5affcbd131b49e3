import { constants } from 'node:zlib';

export default ({ env }) => [
  'strapi::logger',
  {
    // Brotli or gzip, as the browser asks, for every compressible answer of 1 KB and more: the admin
    // panel's and the H5 page's assets, and JSON. Brotli at quality 5 keeps the CPU of compressing
    // the panel's bundles on the fly low (bench/pages.js measures what a cold cache transfers).
    name: 'strapi::compression',
    config: {
      threshold: 1024,
      br: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
      gzip: { level: 6 },
      deflate: false,
    },
  },
  // Outside the errors middleware, so that it sees every refusal as the caller will get it.
  'global::chinese-errors',
  'strapi::errors',
  // Every path in one spelling before the limits, the router and the static servers look at it.
  'global::canonical-path',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // The H5 page reads picked photos and videos (blob: URLs) before uploading them.
          'connect-src': ["'self'", 'https:', 'blob:', 'data:'],
          'img-src': ["'self'", 'data:', 'blob:', 'https://market-assets.strapi.io'],
          'media-src': ["'self'", 'data:', 'blob:'],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  'strapi::cors',
  'strapi::poweredBy',
  {
    name: 'global::ip-limits',
    config: {
      rules: [
        {
          name: 'sign-in',
          method: 'POST',
          paths: ['/api/auth/local', '/admin/login', '/api/account/login', '/api/account/wechat-login'],
          max: env.int('RATE_LIMIT_SIGN_IN', 20),
          windowSeconds: 60,
        },
        {
          name: 'registration',
          method: 'POST',
          paths: ['/api/auth/local/register'],
          max: env.int('RATE_LIMIT_REGISTER', 10),
          windowSeconds: 3600,
        },
        {
          name: 'submission',
          method: 'POST',
          paths: ['/api/workflow/orders'],
          max: env.int('RATE_LIMIT_SUBMIT', 30),
          windowSeconds: 600,
        },
      ],
    },
  },
  'strapi::query',
  // Uploads beyond the limit are cut off while they are received (the upload plugin checks its limit only
  // after images are processed; the workflow's own check answers in Chinese, naming the field).
  { name: 'strapi::body', config: { formidable: { maxFileSize: env.int('UPLOAD_SIZE_LIMIT', 50 * 1024 * 1024) } } },
  {
    name: 'global::sign-in-lockout',
    config: { maxFailures: env.int('LOCKOUT_MAX_FAILURES', 5), windowMinutes: env.int('LOCKOUT_WINDOW_MINUTES', 15) },
  },
  'strapi::session',
  'strapi::favicon',
  'global::private-uploads',
  { name: 'global::client-app', config: { prefix: '/app', dir: env('CLIENT_DIST', 'uniapp-client/dist/build/h5') } },
  'strapi::public',
];
