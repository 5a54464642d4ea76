import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The differential test compares each mutant with pip's cached answers instead of spawning Python
// (test/differential/requirements.test.ts). stryker.config.mjs sets the path of the checkout's
// cache before Stryker copies the project into its sandbox; run by hand, it is this checkout's.
process.env.SLIM_DIFFERENTIAL_CACHE ??= fileURLToPath(new URL('reports/differential-reference.json', import.meta.url));

// The tests Stryker runs against each mutant (npm run mutate): the ones that import src/ in
// process. e2e, lint and app tests run the built bundle in dist/, which Stryker does not mutate,
// so they could never kill a mutant and would only cost time. The differential test runs against
// the cache that `npm run mutate:reference` refreshes with the real pip and packaging.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/requirements/**/*.test.ts', 'test/golden/**/*.test.ts', 'test/differential/**/*.test.ts'],
    // The plopfile test also runs the built CLI for its parity check.
    exclude: ['test/unit/plopfile.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
