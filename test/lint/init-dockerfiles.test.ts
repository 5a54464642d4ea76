/**
 * The lint matrix for adopted projects: init on each fixture (and the variants its flags make:
 * HEALTHCHECK, --cmd, a pyproject on 3.10, a project not installed) must give Dockerfiles with zero
 * findings from hadolint, shellcheck (each RUN script in its SHELL's dialect) and dockerfile-utils.
 * Linters missing: skip with the reason, except under CI, where that fails.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { runCli } from '../support/cli.ts';
import { copyFixture } from '../support/init-fixtures.ts';
import { formatFindings, hadolint, missingLintTools, shellcheckRunScripts, validateDockerfile } from '../support/linters.ts';
import { requireOrSkip } from '../support/require.ts';
import { fileURLToPath } from 'node:url';

const LOCKS = fileURLToPath(new URL('../requirements/fixtures/locks/', import.meta.url));

const CASES: { name: string; fixture: string; args: string[]; setup?: (root: string) => void }[] = [
  { name: 'Flask + gunicorn, whole context copied', fixture: 'flask-gunicorn', args: [] },
  { name: 'Flask + gunicorn with --health and --cmd', fixture: 'flask-gunicorn', args: ['--health', '/health', '--cmd', 'gunicorn --workers 2 myservice.app:app'] },
  { name: 'FastAPI package from pyproject.toml (installed)', fixture: 'fastapi-pkg', args: [] },
  { name: 'FastAPI package on 3.10 (tomli from pip)', fixture: 'fastapi-pkg', args: ['--python', '3.10'] },
  {
    name: 'FastAPI on alpine system python, not installed',
    fixture: 'fastapi-pkg',
    args: ['--python', 'alpine', '--no-install-project', '--cmd', 'uvicorn fastapi_svc.main:app --host 0.0.0.0 --port 8000'],
  },
  { name: 'Django + gunicorn', fixture: 'django-site', args: ['--python', '3.13', '--health', '/health'] },
  { name: 'console script package', fixture: 'scripts-pkg', args: [] },
  { name: 'uv.lock package: uv sync --frozen, then the project', fixture: 'uv-svc', args: ['--python', '3.12'] },
  { name: 'uv.lock on alpine system python, not installed', fixture: 'uv-svc', args: ['--python', 'alpine', '--no-install-project'] },
  {
    name: 'pylock.toml: uv pip install, packages that compile',
    fixture: 'flask-gunicorn',
    args: ['--python', '3.12', '--requirements-file', 'pylock.toml', '--cmd', 'python -m myservice'],
    setup: (root) => copyFileSync(join(LOCKS, 'pylock.toml'), join(root, 'pylock.toml')),
  },
  {
    name: 'poetry.lock on 3.10: main group listed with hashes, pip --no-deps',
    fixture: 'flask-gunicorn',
    args: ['--python', '3.10', '--requirements-file', 'poetry.lock', '--cmd', 'python -m myservice'],
    setup: (root) => copyFileSync(join(LOCKS, 'poetry.lock'), join(root, 'poetry.lock')),
  },
];

function requireLinters(ctx: TestContext): void {
  requireOrSkip(ctx, missingLintTools(), 'the linters');
}

describe('init Dockerfiles pass hadolint, shellcheck and dockerfile-utils with zero findings', () => {
  it.for(CASES)('$name', async ({ fixture, args, setup }, ctx) => {
    requireLinters(ctx);
    const root = copyFixture(fixture);
    try {
      setup?.(root);
      const result = await runCli(['init', root, '--yes', ...args]);
      expect(result.exitCode, result.stderr).toBe(0);
      const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
      const findings = [...(await hadolint(dockerfile)), ...(await shellcheckRunScripts(dockerfile)), ...validateDockerfile(dockerfile)];
      expect(findings, `lint findings for init ${args.join(' ')}\n${formatFindings(findings)}\n--- Dockerfile ---\n${dockerfile}`).toEqual([]);
    } finally {
      rmSync(dirname(root), { recursive: true, force: true });
    }
  });
});
