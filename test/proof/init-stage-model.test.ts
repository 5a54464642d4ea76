/**
 * The stage model (stage-model.ts: each stage's contents from sourced facts) over the Dockerfiles
 * of adopted projects, on every runtime: the whole context copied, the project pip-installed from
 * a copied source tree, pyproject.toml dependencies listed in the build stage, a HEALTHCHECK.
 * Every command a RUN invokes must exist in its stage.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/project/config.ts';
import { planManagedFiles } from '../../src/plan/project-files.ts';
import { decideForConfig } from '../../src/knowledge/pipeline.ts';
import { requirementsFromLines } from '../../src/project/requirements.ts';
import { PYTHON_RUNTIMES } from '../../src/target/runtimes.ts';
import { modelDockerfile } from './stage-model.ts';

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

const VARIANTS: { name: string; config: Partial<ProjectConfig>; requirements: string[] }[] = [
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
];

const MATRIX = PYTHON_RUNTIMES.flatMap((runtime) => VARIANTS.map((variant) => ({ ...variant, python: runtime.id, label: `${variant.name}, on ${runtime.id}` })));

describe('stage model: adopted projects', () => {
  it.for(MATRIX)('$label', ({ config, requirements, python }) => {
    const full = { ...BASE, ...config, python };
    const { requirements: parsed } = requirementsFromLines(requirements);
    const text = planManagedFiles(full, decideForConfig(full, parsed), []).find((file) => file.path === 'Dockerfile')!.content;
    const model = modelDockerfile(text);
    expect(model.checkedCommands).toBeGreaterThan(0);
    expect(model.findings, `${model.findings.map((f) => `line ${f.line} (${f.stage}): ${f.problem}`).join('\n')}\n--- Dockerfile ---\n${text}`).toEqual([]);
  });
});
