// Lint for the Strapi app, its workflow plugin (server and admin pages), tests, benchmarks and scripts.
// The uni-app client has its own config (uniapp-client/eslint.config.mjs). Formatting is Prettier's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'build/',
      '.cache/',
      '.tmp/',
      '.strapi/',
      'types/generated/',
      'public/',
      'uniapp-client/',
      'coverage/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, strapi: 'readonly' } },
    rules: {
      // Strapi's own types answer `any` for content-type rows; the engine narrows them where it reads them.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    // CommonJS scripts, and tests that load the compiled app from dist/ as Strapi does.
    files: ['**/*.js', '**/*.cjs', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/plugins/workflow/admin/**/*.{ts,tsx}', 'src/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
