// Mutation testing of the requirements ports only (npm run mutate:requirements), with their own
// tests and the differential test against pip's cached answers (vitest.mutate-requirements.config.ts).
// Its own incremental file and report, so it does not replace the results of `npm run mutate`.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'vitest.mutate-requirements.config.ts' },
  mutate: ['src/requirements/*.ts'],
  incrementalFile: 'reports/stryker-incremental-requirements.json',
  jsonReporter: { fileName: 'reports/mutation/requirements.json' },
  htmlReporter: { fileName: 'reports/mutation/requirements.html' },
  // Its own sandbox folder, so it can run beside `npm run mutate`.
  tempDirName: '.stryker-tmp-req',
};
