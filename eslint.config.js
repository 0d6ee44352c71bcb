import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
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
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
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
    // Cesium and deck.gl objects are imperative by design: effects that own them must set their fields.
    files: ['src/globe/**/*.{ts,tsx}', 'src/overlay/**/*.{ts,tsx}'],
    rules: { 'react-hooks/immutability': 'off' },
  },
);
