import { defineConfig } from 'vitest/config';
import base from './vitest.mutate.config.ts';

// The tests Stryker runs against the requirements ports (npm run mutate:requirements): their own
// unit tests and the differential test against pip and packaging (with the cached answers). The
// decision, plan and golden tests also reach these modules, but through whole pipelines: running
// them for each of ~2,300 mutants made a run take well over an hour on the shared 2-core machine.
export default defineConfig({ ...base, test: { ...base.test, include: ['test/requirements/**/*.test.ts', 'test/differential/**/*.test.ts'], exclude: [] } });
