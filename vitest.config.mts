import { defineConfig } from 'vitest/config';

const mysql = process.env.DATABASE_CLIENT === 'mysql';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          // Pure modules tested beside their source: no Strapi, no database (npx vitest run --project unit).
          name: 'unit',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          // The benchmark's smoke run talks to MariaDB whichever database the suite runs on: once, in `npm test`.
          exclude: mysql ? ['tests/bench-smoke.test.ts'] : [],
          globalSetup: ['tests/helpers/global-setup.ts'],
          // Each file boots its own Strapi against its own database; forks keep their globals apart.
          pool: 'forks',
          maxWorkers: 2,
          fileParallelism: true,
          // Vitest runs projects with different maxWorkers in separate groups: the unit tests (group 0) first.
          sequence: { groupOrder: 1 },
          hookTimeout: 120_000,
          testTimeout: 60_000,
          env: {
            NODE_ENV: 'test',
            ENV_PATH: '/dev/null',
            LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
            APP_KEYS: 'testKeyA,testKeyB',
            API_TOKEN_SALT: 'test-api-token-salt',
            ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
            TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
            JWT_SECRET: 'test-jwt-secret',
            ENCRYPTION_KEY: 'test-encryption-key',
            STRAPI_TELEMETRY_DISABLED: 'true',
            STARTUP_LOG: 'false',
            WORKFLOW_TIMERS: 'false',
            // Suites create many orders and accounts from one IP; tests/abuse-limits.test.ts sets real limits.
            RATE_LIMIT_SIGN_IN: '100000',
            RATE_LIMIT_REGISTER: '100000',
            RATE_LIMIT_SUBMIT: '100000',
            DATABASE_CLIENT: mysql ? 'mysql' : 'sqlite',
          },
        },
      },
    ],
  },
});
