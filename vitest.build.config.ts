import { defineConfig } from 'vitest/config';

/** Tests on the built files (`npm run build` first): run by `npm run test:build`, after the build. */
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts'],
    environment: 'node',
  },
});
