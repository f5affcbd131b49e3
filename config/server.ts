export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: {
    keys: env.array('APP_KEYS'),
  },
  // The update check calls out to the internet; this product makes no outbound calls it was not told to.
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STARTUP_LOG', true) },
  },
});
