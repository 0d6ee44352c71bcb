import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import layerStack from './scripts/lint/layer-stack.json' with { type: 'json' };

/**
 * The folder stack of src/, top to bottom (scripts/lint/layer-stack.json): a folder imports only
 * folders below it, or itself. src/main.tsx mounts ui. src/testing is outside the stack: the e2e
 * build's hooks, reachable only by import() behind __TEST_HOOKS__ (see no-restricted-imports).
 * tests/architecture/layer-stack.test.ts proves an upward import fails and the graph has no cycle.
 */
const LAYER_STACK = layerStack.folders;

const stackElements = LAYER_STACK.map((type) => ({ type, pattern: `src/${type}` }));

const upwardImportPolicies = LAYER_STACK.slice(1).map((type, index) => ({
  from: { element: { type } },
  disallow: { to: { element: { types: { anyOf: LAYER_STACK.slice(0, index + 1) } } } },
  message: `src/${type} sits below {{to.element.type}} in the folder stack (scripts/lint/layer-stack.json): move the shared part down, or pass it in from above.`,
}));

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
    ignores: ['src/**/*.test.{ts,tsx}'],
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
  {
    // One-way folder stack (LAYER_STACK above). Tests may reach anything they check.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    plugins: { boundaries },
    settings: { 'boundaries/elements': stackElements },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', policies: upwardImportPolicies }],
    },
  },
);
