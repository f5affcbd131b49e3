export default ({ env }) => ({
  workflow: {
    enabled: true,
    resolve: './src/plugins/workflow',
    config: {
      timersCron: env.bool('WORKFLOW_TIMERS', true) ? env('WORKFLOW_TIMERS_CRON', '*/10 * * * *') : false,
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      // Strapi's own per-IP limit on its auth routes, beside the app's lockout and IP limits.
      ratelimit: { enabled: env.bool('BUILTIN_RATE_LIMITS', true), interval: 60000, max: 10 },
      // Registration may set only these fields; src/extensions/users-permissions refuses anything else with 400.
      register: {
        allowedFields: ['mobile', 'realName', 'applicantType', 'enterpriseName', 'creditCode'],
      },
    },
  },
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 50 * 1024 * 1024),
    },
  },
});
