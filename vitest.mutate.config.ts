import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (npm run mutate): the ones that import src/ in
// process. e2e, lint and app tests run the built bundle in dist/, which Stryker does not mutate,
// so they could never kill a mutant and would only cost time.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/requirements/**/*.test.ts', 'test/golden/**/*.test.ts'],
    // The plopfile test also runs the built CLI for its parity check.
    exclude: ['test/unit/plopfile.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
