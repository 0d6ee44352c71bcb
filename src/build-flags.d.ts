/**
 * Compile-time flags set by `define` in vite.config.ts (and vitest.config.ts). A `false` branch is
 * removed from the bundle, so what it imports never ships.
 */

/** True only in the e2e build (`vite build --mode e2e`): mounts the test and benchmark hooks. */
declare const __TEST_HOOKS__: boolean;
