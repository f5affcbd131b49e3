export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind nginx: trust X-Forwarded-For so per-IP limits see the client, not the proxy.
  proxy: { koa: env.bool('IS_PROXIED', false) },
  app: {
    keys: env.array('APP_KEYS'),
  },
  // The update check calls out to the internet; this product makes no outbound calls it was not told to.
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STARTUP_LOG', true) },
  },
});
