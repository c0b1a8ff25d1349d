import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // scrypt hashes take 32 MiB each: a few files at a time keep a 2-core machine responsive.
    maxWorkers: 2,
  },
});
