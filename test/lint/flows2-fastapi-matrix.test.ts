/**
 * The lint matrix for `--app fastapi`: on every supported runtime, and with a requirement that
 * compiles, the generated Dockerfile passes hadolint, shellcheck (each RUN script, in the SHELL's
 * dialect) and dockerfile-utils with zero findings. Linters missing: skip with the reason,
 * except under CI, where that fails. (The aiohttp and cli cases are in dockerfile-matrix.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { PYTHON_RUNTIMES } from '../../src/target/runtimes.ts';
import { runCli } from '../support/cli.ts';
import { formatFindings, hadolint, missingLintTools, shellcheckRunScripts, validateDockerfile } from '../support/linters.ts';
import { requireOrSkip } from '../support/require.ts';

const CASES = [
  ...PYTHON_RUNTIMES.map((runtime) => ({ name: `${runtime.id} fastapi`, args: ['--python', runtime.id, '--app', 'fastapi'] })),
  { name: 'fastapi on port 8000 with psycopg2 (compiles)', args: ['--python', '3.12', '--app', 'fastapi', '--port', '8000', '--requirement', 'psycopg2'] },
];
let linted = 0;

function requireLinters(ctx: TestContext): void {
  requireOrSkip(ctx, missingLintTools(), 'the linters');
}

describe('generated FastAPI Dockerfiles pass hadolint, shellcheck and dockerfile-utils', () => {
  afterAll(() => console.log(`fastapi lint matrix: ${linted} of ${CASES.length} Dockerfiles linted`));

  it.for(CASES)('$name', async ({ args }, ctx) => {
    requireLinters(ctx);
    const work = mkdtempSync(join(tmpdir(), 'csp-lint-'));
    try {
      const result = await runCli(['lint-api', '--yes', '--no-interactive', ...args], { cwd: work });
      expect(result.exitCode, `CLI failed:\n${result.stdout}\n${result.stderr}`).toBe(0);
      const dockerfile = readFileSync(join(work, 'lint-api', 'Dockerfile'), 'utf8');
      expect(dockerfile).toMatch(/^CMD \["python", "-m", "lint_api"\]$/m);
      const findings = [...(await hadolint(dockerfile)), ...(await shellcheckRunScripts(dockerfile)), ...validateDockerfile(dockerfile)];
      linted += 1;
      expect(findings, `lint findings for: ${args.join(' ')}\n${formatFindings(findings)}\n--- Dockerfile ---\n${dockerfile}`).toEqual([]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
