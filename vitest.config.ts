import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The test hooks belong to the e2e build only (vite.config.ts); unit tests never mount them.
  define: { __TEST_HOOKS__: 'false' },
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
      'server/**/*.test.ts',
      'tests/architecture/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
  },
});
