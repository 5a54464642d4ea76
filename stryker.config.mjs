// Mutation testing (npm run mutate): a report, not part of npm test. See README "Testing".
// Sized for a shared 2-core machine: 2 workers, incremental (only mutants whose code or tests
// changed are re-run), and per mutated file only the test files that import it (vitest's
// related-files), through coverage analysis per test.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// pip's answers for the differential test, read by each mutant's run instead of spawning Python
// (the workers inherit this variable; the sandbox has no venv). `npm run mutate:reference` makes it.
const DIFFERENTIAL_CACHE = fileURLToPath(new URL('reports/differential-reference.json', import.meta.url));
process.env.SLIM_DIFFERENTIAL_CACHE ??= DIFFERENTIAL_CACHE;
if (!existsSync(process.env.SLIM_DIFFERENTIAL_CACHE)) {
  console.warn(`stryker: no ${process.env.SLIM_DIFFERENTIAL_CACHE}: run \`npm run mutate:reference\` first, or the differential test calls pip in the sandbox`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  timeoutMS: 20_000,
  // Mutants in module-level tables and regexes (static mutants) are reported as surviving by the
  // vitest runner, which keeps the module it loaded first: they are ignored here and checked by
  // hand mutations instead (README "Testing").
  ignoreStatic: true,
  // Globs over folders, so files moving inside them stay covered. The pure modules of issue 15:
  // knowledge decisions, merge, plan, validation, the requirements ports, errors, the error
  // boundary and the cancellation state behind exit 130/143/129. Left out of knowledge/: the
  // loaders (I/O), the schema (types), index-facts (refresh-knowledge's PyPI facts, tested online)
  // and stage-facts (data read by the stage model).
  mutate: [
    'src/knowledge/*.ts',
    '!src/knowledge/{load,sources,schema,index-facts,stage-facts}.ts',
    'src/merge/*.ts',
    'src/plan/*.ts',
    'src/validate/*.ts',
    'src/requirements/*.ts',
    'src/project/requirements.ts',
    'src/errors.ts',
    'src/main.ts',
    'src/io/cancel.ts',
  ],
  ignorePatterns: ['dist', 'reports', '.venv-ci', '.venv-tools', '.tmp', 'bench/out', 'reference-app', '.stryker-tmp*'],
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
};
