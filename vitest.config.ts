import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Builds dist/ first: tests that spawn the CLI always test the current source.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // e2e tests spawn the built CLI and many tests wait on pip, the index or a child process: on a
    // 2-core CI machine 3 workers took `vitest run` from 464 s to 402 s (clean clones, 2026-12-02).
    maxWorkers: 3,
  },
});
