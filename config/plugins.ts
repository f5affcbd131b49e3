import { workflowDomain } from '../src/workflows/domain';

export default ({ env }) => {
  // Cron jobs of the workflow engine; WORKFLOW_TIMERS=false switches all of them off (tests drive them).
  const jobs = env.bool('WORKFLOW_TIMERS', true);
  return {
    workflow: {
      enabled: true,
      resolve: './src/plugins/workflow',
      config: {
        // The app's content types and checks the engine works on.
        domain: workflowDomain,
        timersCron: jobs ? env('WORKFLOW_TIMERS_CRON', '*/10 * * * *') : false,
        outboxCron: jobs ? env('WORKFLOW_OUTBOX_CRON', '*/5 * * * * *') : false,
        slaCron: jobs ? env('WORKFLOW_SLA_CRON', '0 * * * * *') : false,
        rollupCron: jobs ? env('WORKFLOW_ROLLUP_CRON', '10 * * * *') : false,
        outbox: {
          batchSize: env.int('WORKFLOW_OUTBOX_BATCH', 50),
          leaseSeconds: env.int('WORKFLOW_OUTBOX_LEASE_SECONDS', 60),
          maxAttempts: env.int('WORKFLOW_OUTBOX_MAX_ATTEMPTS', 6),
          backoffSeconds: env.int('WORKFLOW_OUTBOX_BACKOFF_SECONDS', 30),
        },
        warningPercents: env.array('WORKFLOW_WARNING_PERCENTS', ['80', '100', '200']).map(Number),
        officeHours: env('WORKFLOW_OFFICE_HOURS', '09:00-17:00'),
        sms: {
          provider: env('SMS_PROVIDER', 'log'),
          accessKeyId: env('ALIYUN_SMS_ACCESS_KEY_ID'),
          accessKeySecret: env('ALIYUN_SMS_ACCESS_KEY_SECRET'),
          endpoint: env('ALIYUN_SMS_ENDPOINT'),
          protocol: env('ALIYUN_SMS_PROTOCOL', 'HTTPS'),
          signName: env('SMS_SIGN_NAME', ''),
          templates: env.json('SMS_TEMPLATES', {}),
          included: env.int('SMS_INCLUDED', 20000),
          price: env.float('SMS_PRICE', 0.05),
        },
        // The mini-program's credentials and API base are the app's `wechat` config (config/wechat.ts).
        wechat: {
          templates: env.json('WECHAT_SUBSCRIBE_TEMPLATES', {}),
          page: env('WECHAT_SUBSCRIBE_PAGE', 'pages/orders/detail'),
        },
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
  };
};
