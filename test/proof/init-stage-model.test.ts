/**
 * The stage model (stage-model.ts: each stage's contents from sourced facts) over the Dockerfiles
 * of adopted projects, on every runtime: the whole context copied, the project pip-installed from
 * a copied source tree, pyproject.toml dependencies listed in the build stage, a HEALTHCHECK, a
 * uv.lock installed with uv sync and a pylock.toml with uv pip install.
 * Every command a RUN invokes must exist in its stage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/project/config.ts';
import { planManagedFiles } from '../../src/plan/project-files.ts';
import { decideForConfig } from '../../src/knowledge/pipeline.ts';
import { requirementsFromLines } from '../../src/project/requirements.ts';
import { PYTHON_RUNTIMES } from '../../src/target/runtimes.ts';
import { modelDockerfile } from './stage-model.ts';
import { readLockedInput } from '../../src/project/lock-input.ts';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

const BASE: ProjectConfig = {
  version: 2,
  generator: '0.1.0',
  name: 'adopted',
  python: '3.14',
  arches: ['aarch64', 'x86_64'],
  app: 'web',
  port: 8000,
  requirements: 'requirements.txt',
  buildDeps: { add: [], remove: [] },
  runtimeLibs: { add: [], remove: [] },
};

const VARIANTS: { name: string; config: Partial<ProjectConfig>; requirements: string[]; lock?: string }[] = [
  {
    name: 'Flask + gunicorn, context copied, HEALTHCHECK',
    config: { code: 'context', cmd: ['gunicorn', 'myservice.app:app'], health: '/health' },
    requirements: ['flask', 'gunicorn'],
  },
  {
    name: 'FastAPI package from pyproject.toml, installed',
    config: { code: 'installed', requirements: 'pyproject.toml', cmd: ['uvicorn', 'svc.main:app', '--host', '0.0.0.0', '--port', '8000'] },
    requirements: ['fastapi', 'uvicorn'],
  },
  { name: 'console script, installed, compiling psycopg2', config: { code: 'installed', app: 'cli', port: null, cmd: ['hello'] }, requirements: ['psycopg2'] },
  {
    name: 'uv.lock package: uv sync --frozen, then the project',
    config: { code: 'installed', requirements: 'uv.lock', cmd: ['uvicorn', 'uv_svc.main:app', '--host', '0.0.0.0', '--port', '8000'] },
    requirements: [],
    lock: 'test/fixtures/init/uv-svc/uv.lock',
  },
  {
    name: 'pylock.toml, context copied, compiling psycopg-c and yarl',
    config: { code: 'context', app: 'cli', port: null, requirements: 'pylock.toml', cmd: ['python', '-m', 'lock_example'] },
    requirements: [],
    lock: 'test/requirements/fixtures/locks/pylock.toml',
  },
  {
    name: 'poetry.lock, context copied, its main group listed and installed --no-deps',
    config: { code: 'context', app: 'cli', port: null, requirements: 'poetry.lock', cmd: ['python', '-m', 'lock_example'] },
    requirements: [],
    lock: 'test/requirements/fixtures/locks/poetry.lock',
  },
];

const MATRIX = PYTHON_RUNTIMES.flatMap((runtime) => VARIANTS.map((variant) => ({ ...variant, python: runtime.id, label: `${variant.name}, on ${runtime.id}` })));

describe('stage model: adopted projects', () => {
  it.for(MATRIX)('$label', async ({ config, requirements, python, lock }) => {
    const full = { ...BASE, ...config, python };
    const runtime = PYTHON_RUNTIMES.find((r) => r.id === python)!;
    const locked = lock ? await readLockedInput(join(REPO, lock), full.requirements, { python: runtime.version, full: runtime.fullVersion, arches: full.arches }) : null;
    const parsed = locked ? locked.requirements : requirementsFromLines(requirements).requirements;
    const text = planManagedFiles(full, decideForConfig({ ...full, locked: locked?.files }, parsed), []).find((file) => file.path === 'Dockerfile')!.content;
    if (lock) expect(text, 'a lock is installed as it is').toMatch(/\/opt\/uv\/bin\/uv (sync|pip install)|install --no-compile --no-deps/);
    const model = modelDockerfile(text);
    expect(model.checkedCommands).toBeGreaterThan(0);
    expect(model.findings, `${model.findings.map((f) => `line ${f.line} (${f.stage}): ${f.problem}`).join('\n')}\n--- Dockerfile ---\n${text}`).toEqual([]);
  });
});

describe('stage model: the uv steps can fail', () => {
  // The golden uv.lock Dockerfile, broken one way at a time: each break must be a finding.
  const text = readFileSync(join(REPO, 'test/golden/cases/init-uv-lock-installed-3.12/Dockerfile'), 'utf8');
  const MUTANTS: [string, string][] = [
    ['an interpreter the image does not have', text.replaceAll('--python /usr/local/bin/python3', '--python /usr/bin/python3')],
    ['uv sync without --frozen', text.replace('uv sync --frozen --no-default-groups --no-install-project', 'uv sync --no-default-groups --no-install-project')],
    ['Python downloads left on', text.replace('    UV_PYTHON_DOWNLOADS=never \\\n', '')],
    ['no UV_PROJECT_ENVIRONMENT', text.replace('ENV UV_PROJECT_ENVIRONMENT=/opt/venv \\\n', 'ENV \\\n')],
    [
      'uv without its cache mount',
      text.replace(
        'RUN --mount=type=cache,target=/root/.cache/uv \\\n    /opt/uv/bin/uv sync --frozen --no-default-groups --no-editable',
        'RUN /opt/uv/bin/uv sync --frozen --no-default-groups --no-editable',
      ),
    ],
    ['uv not where pip put it', text.replace('--target /opt/uv', '--prefix /opt/uv')],
  ];
  it('the golden file itself is clean', () => {
    expect(modelDockerfile(text).findings).toEqual([]);
  });
  it.for(MUTANTS)('%s is found', ([, mutant]) => {
    expect(mutant).not.toBe(text);
    expect(modelDockerfile(mutant).findings.length).toBeGreaterThan(0);
  });
});
