// Mutation testing of the plan, the validation and project/requirements.ts only (one group of
// `npm run mutate`, sized to run beside the others on a shared machine): its own incremental file
// and report, so it does not replace the results of `npm run mutate`. Run with
// `nice -n 10 npx stryker run stryker.plan.config.mjs`.
import base from './stryker.config.mjs';

// STRYKER_PART=NAME (with --mutate on some of the files) writes reports/mutation/plan-NAME.json and
// reads and writes reports/stryker-incremental-plan-NAME.json: a part of the group can run while
// tests for the rest are still being written. The files outside --mutate keep the results of the
// incremental file, so a later part run from a copy of the earlier part's file reports the whole group.
const part = process.env.STRYKER_PART ? `-${process.env.STRYKER_PART}` : '';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/plan/*.ts', 'src/validate/*.ts', 'src/project/requirements.ts'],
  incrementalFile: `reports/stryker-incremental-plan${part}.json`,
  jsonReporter: { fileName: `reports/mutation/plan${part}.json` },
  htmlReporter: { fileName: `reports/mutation/plan${part}.html` },
  tempDirName: '.stryker-tmp-plan',
};
