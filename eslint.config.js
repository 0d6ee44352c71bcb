import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-e2e',
      'node_modules',
      'tilesets',
      'public',
      'test-results',
      'playwright-report',
      'bench-results',
    ],
  },
  js.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: globals.node },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // tsconfig's noUncheckedIndexedAccess makes every indexed read optional; `!` marks reads known to be in range.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // App code runs in the browser and its workers.
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    // Node APIs stay out of the app. tsconfig.app.json cannot forbid them: deck.gl's typings pull in
    // @types/node (apache-arrow references it), so this rule is the guard.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/ui/scenario/cycling/testing.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'Buffer', 'global', '__dirname', '__filename', 'require'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Node modules do not run in the browser.' },
            {
              group: ['**/testing/*'],
              message: 'Test hooks load only in the e2e build: import() them behind __TEST_HOOKS__.',
            },
          ],
        },
      ],
    },
  },
  {
    // Browser code in the tests: Playwright's page callbacks run in the page.
    files: ['tests/e2e/**/*.ts', 'scripts/bench/**/*.ts', 'scripts/dev/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Cesium and deck.gl objects are imperative by design: effects that own them must set their fields.
    files: ['src/globe/**/*.{ts,tsx}', 'src/overlay/**/*.{ts,tsx}'],
    rules: { 'react-hooks/immutability': 'off' },
  },
);
