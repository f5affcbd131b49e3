import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The uni build plugin cannot run under vitest: the modules under test are plain TypeScript, and
// `uni` is a stand-in object of mocks (tests/setup.ts).
export default defineConfig({
  resolve: {
    alias: {
      '@shared/validation': path.resolve(__dirname, '../src/validation'),
      '@workflow/api-types': path.resolve(__dirname, '../src/plugins/workflow/shared/api-types.ts'),
      '@': path.resolve(__dirname, 'src'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
  },
});
