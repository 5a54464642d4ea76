/**
 * Every generated Dockerfile passes the real linters with zero findings: hadolint at its default
 * threshold (only the template's inline `# hadolint ignore=` comments), shellcheck on each RUN
 * script in the dialect of the SHELL in effect, and dockerfile-utils' validator. Projects come from
 * the BUILT CLI, across every supported runtime and the requirement shapes that change the file.
 * Linters missing: skip with the reason, except under CI, where that fails.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { PYTHON_RUNTIMES } from '../../src/target/runtimes.ts';
import { runCli } from '../support/cli.ts';
import { formatFindings, hadolint, missingLintTools, shellcheckRunScripts, validateDockerfile } from '../support/linters.ts';
import { requireOrSkip } from '../support/require.ts';

interface LintCase {
  name: string;
  args: string[];
}

const REFERENCE = ['--requirement', 'cryptography', '--requirement', 'aiohttp', '--app', 'web', '--port', '8080'];

// The web skeleton imports aiohttp, so "web with no extra requirements" is aiohttp alone.
const RUNTIME_CASES: LintCase[] = PYTHON_RUNTIMES.flatMap((runtime) => [
  { name: `${runtime.id} cli, no requirements`, args: ['--python', runtime.id, '--app', 'cli'] },
  { name: `${runtime.id} web (aiohttp)`, args: ['--python', runtime.id, '--requirement', 'aiohttp', '--app', 'web', '--port', '8080'] },
]);

// Requirement shapes that add build deps (compiled sdists), dlopen runtime libs and user-adjusted lists.
const SHAPE_CASES: LintCase[] = [
  { name: 'reference example (cryptography + aiohttp) on 3.12', args: ['--python', '3.12', ...REFERENCE] },
  { name: 'reference example on alpine system python', args: ['--python', 'alpine', ...REFERENCE] },
  { name: 'psycopg2 (compiles against libpq)', args: ['--python', '3.12', '--requirement', 'psycopg2', '--app', 'cli'] },
  { name: 'cryptography==3.3.2 (no musllinux wheel: compiles)', args: ['--python', '3.12', '--requirement', 'cryptography==3.3.2', '--app', 'cli'] },
  // lxml itself installs from a wheel; 4.6.3 predates its musllinux wheels, so it really compiles.
  { name: 'lxml==4.6.3 (compiles against libxml2/libxslt)', args: ['--python', '3.12', '--requirement', 'lxml==4.6.3', '--app', 'cli'] },
  {
    name: 'alpine system python with build deps (psycopg2 + lxml==4.6.3)',
    args: ['--python', 'alpine', '--requirement', 'psycopg2', '--requirement', 'lxml==4.6.3', '--app', 'cli'],
  },
  { name: 'python-magic with --runtime-libs libmagic', args: ['--python', '3.12', '--requirement', 'python-magic', '--runtime-libs', 'libmagic', '--app', 'cli'] },
  { name: 'extra user build deps (--build-deps +linux-headers)', args: ['--python', '3.12', '--requirement', 'psycopg2', '--build-deps', '+linux-headers', '--app', 'cli'] },
  { name: 'reference example with --no-bytecode on 3.12', args: ['--python', '3.12', ...REFERENCE, '--no-bytecode'] },
  { name: 'alpine system python with --no-bytecode', args: ['--python', 'alpine', ...REFERENCE, '--no-bytecode'] },
  { name: 'weasyprint (fonts, fontconfig cache, XDG_CACHE_HOME)', args: ['--python', '3.12', '--requirement', 'weasyprint', '--app', 'cli'] },
  { name: 'unknown requirement (C and Rust toolchains)', args: ['--python', '3.14', '--requirement', 'some-unknown-project', '--app', 'cli'] },
  { name: 'web on a non-default port', args: ['--python', '3.13', '--requirement', 'aiohttp', '--app', 'web', '--port', '9000'] },
];

const CASES = [...RUNTIME_CASES, ...SHAPE_CASES];
const linted: string[] = [];

/** Skips with the reason when a linter is missing, or fails under CI where the tools are required. */
function requireLinters(ctx: TestContext): void {
  requireOrSkip(ctx, missingLintTools(), 'the linters');
}

/** Generates a project with the built CLI and returns its Dockerfile text. */
async function generateDockerfile(args: string[]): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'csp-lint-'));
  try {
    const result = await runCli(['lint-app', '--yes', '--no-interactive', ...args], { cwd: work });
    expect(result.exitCode, `CLI failed:\n${result.stdout}\n${result.stderr}`).toBe(0);
    return readFileSync(join(work, 'lint-app', 'Dockerfile'), 'utf8');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

describe('generated Dockerfiles pass hadolint, shellcheck and dockerfile-utils with zero findings', () => {
  afterAll(() => {
    // Printed so CI logs show how much was actually linted (skipped cases are not counted).
    console.log(`dockerfile lint matrix: ${linted.length} of ${CASES.length} generated Dockerfiles linted with hadolint + shellcheck + dockerfile-utils`);
  });

  it.for(CASES)('$name', async ({ args }, ctx) => {
    requireLinters(ctx);
    const dockerfile = await generateDockerfile(args);
    const findings = [...(await hadolint(dockerfile)), ...(await shellcheckRunScripts(dockerfile)), ...validateDockerfile(dockerfile)];
    linted.push(args.join(' '));
    expect(findings, `lint findings for: ${args.join(' ')}\n${formatFindings(findings)}\n--- Dockerfile ---\n${dockerfile}`).toEqual([]);
  });
});

// Controls: the same harness reports known-bad input, so a clean result above is not a silent no-op.
describe('lint harness reports known problems', () => {
  it('hadolint flags an unpinned base image and apk add without --no-cache', async (ctx) => {
    requireLinters(ctx);
    const codes = (await hadolint('FROM alpine\nRUN apk add curl\n')).map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['DL3006', 'DL3018', 'DL3019']));
  });

  it('hadolint honours only inline ignore comments', async (ctx) => {
    requireLinters(ctx);
    const codes = (await hadolint('FROM alpine:3.23\n# hadolint ignore=DL3018\nRUN apk add --no-cache curl\nWORKDIR /src\nRUN apk add --no-cache git\n')).map((f) => f.code);
    expect(codes).toEqual(['DL3018']);
  });

  it('shellcheck flags an unquoted variable inside a continued RUN with a --mount flag under the ash SHELL', async (ctx) => {
    requireLinters(ctx);
    const text = 'FROM alpine:3.23\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN --mount=type=cache,target=/x \\\n    cp $SRC /tmp \\\n    && true\n';
    const findings = await shellcheckRunScripts(text);
    expect(findings.map((f) => [f.code, f.line])).toEqual([['SC2086', 3]]);
  });

  it('dockerfile-utils reports an unknown instruction', () => {
    const findings = validateDockerfile('FROM alpine:3.23\nFOO bar\n');
    expect(findings.map((f) => f.line)).toEqual([2]);
  });
});
