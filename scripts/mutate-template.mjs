// Mutation testing of the Dockerfile template (Stryker mutates only JS/TS): deletes each
// instruction line of templates/Dockerfile.hbs in turn and runs the tests that check generated
// Dockerfiles, with the golden files in update mode (UPDATE_GOLDEN=1), i.e. as if a reviewer
// accepted every golden diff. A mutant survives when nothing else notices: the literal `expect`
// blocks and release-stage rules of the golden test, the e2e tests and the real linters.
// Runs in a temporary copy of the checkout, so the worktree is never touched.
// Usage: node scripts/mutate-template.mjs [vitest test paths...]; writes reports/template-mutation.json.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Default: the golden tests (seconds per mutant); pass e.g. test/golden test/e2e/create.test.ts for more (minutes per mutant).
const TESTS = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['test/golden'];
const TEMPLATE = 'templates/Dockerfile.hbs';

const work = mkdtempSync(join(tmpdir(), 'csp-template-mutate-'));
for (const entry of ['bin', 'scripts', 'src', 'templates', 'test', 'package.json', 'plopfile.ts', 'tsconfig.json', 'vitest.config.ts']) {
  cpSync(join(ROOT, entry), join(work, entry), { recursive: true });
}
symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
// The lint tests use the tools installed by scripts/setup-test-tools.sh in the checkout.
for (const tools of ['.venv-ci', '.venv-tools']) {
  try {
    symlinkSync(join(ROOT, tools), join(work, tools));
  } catch {
    // not installed: those tests skip, as they do in the checkout
  }
}

const original = readFileSync(join(work, TEMPLATE), 'utf8');
const lines = original.split('\n');
// Candidates: every line that produces output and is not a comment or a bare block helper.
const candidates = lines
  .map((text, index) => ({ line: index + 1, text }))
  .filter(({ text }) => text.trim() !== '' && !text.startsWith('#') && !/^\{\{[#/^]|^\{\{else/.test(text.trim()));

const goldenDir = join(work, 'test/golden/cases');
const goldenBackup = join(work, '.golden-backup');
cpSync(goldenDir, goldenBackup, { recursive: true });

function runTests(env) {
  const result = spawnSync('npx', ['vitest', 'run', ...TESTS], { cwd: work, env: { ...process.env, ...env }, encoding: 'utf8' });
  const failed = (result.stdout + result.stderr)
    // eslint-disable-next-line no-control-regex -- strips vitest's ANSI colour codes (ESC [ ... m)
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => /^\s*×/.test(l))
    .map((l) => l.trim());
  return { passed: result.status === 0, failed };
}

const baseline = runTests({ UPDATE_GOLDEN: '1' });
if (!baseline.passed) {
  console.error(`template mutation: the tests fail on the unmutated template:\n${baseline.failed.join('\n')}`);
  process.exit(1);
}

const results = [];
for (const { line, text } of candidates) {
  const mutated = lines.filter((_, index) => index !== line - 1).join('\n');
  writeFileSync(join(work, TEMPLATE), mutated);
  const { passed, failed } = runTests({ UPDATE_GOLDEN: '1' });
  rmSync(goldenDir, { recursive: true, force: true });
  cpSync(goldenBackup, goldenDir, { recursive: true });
  results.push({ line, text, status: passed ? 'survived' : 'killed', killedBy: failed.slice(0, 3) });
  console.log(`${passed ? 'SURVIVED' : 'killed  '} line ${String(line).padStart(2)}: ${text.trim()}`);
}
writeFileSync(join(work, TEMPLATE), original);

const killed = results.filter((r) => r.status === 'killed').length;
const score = results.length === 0 ? 100 : (100 * killed) / results.length;
console.log(`template mutation score: ${score.toFixed(1)}% (${killed} of ${results.length} line deletions killed; tests: ${TESTS.join(' ')})`);
mkdirSync(join(ROOT, 'reports'), { recursive: true });
writeFileSync(join(ROOT, 'reports/template-mutation.json'), `${JSON.stringify({ template: TEMPLATE, tests: TESTS, score, results }, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
