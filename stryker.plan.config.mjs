// Mutation testing of the plan, the validation and project/requirements.ts only (one group of
// `npm run mutate`, sized to run beside the others on a shared machine): its own incremental file
// and report, so it does not replace the results of `npm run mutate`. Run with
// `nice -n 10 npx stryker run stryker.plan.config.mjs`.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/plan/*.ts', 'src/validate/*.ts', 'src/project/requirements.ts'],
  incrementalFile: 'reports/stryker-incremental-plan.json',
  jsonReporter: { fileName: 'reports/mutation/plan.json' },
  htmlReporter: { fileName: 'reports/mutation/plan.html' },
  tempDirName: '.stryker-tmp-plan',
};
