import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Polls read what another process writes or a page shows after a reload: a second (the default) is too short on a
    // shared machine; the browser's own waits allow ten.
    expect: { poll: { timeout: 10_000 } },
    // scrypt hashes take 32 MiB each: a few files at a time keep a 2-core machine responsive.
    maxWorkers: 2,
  },
});
