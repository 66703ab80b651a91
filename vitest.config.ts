import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'plugin/**/*.test.ts', 'server/**/*.test.ts', 'ui/**/*.test.ts', 'test/**/*.test.ts'],
    // Browser tests launch Chromium; give them room on a 2-core machine without letting anything hang.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
