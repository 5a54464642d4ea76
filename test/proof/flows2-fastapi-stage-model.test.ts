/**
 * The stage model (no engine: sourced facts of what each stage contains) over the FastAPI
 * Dockerfile on every runtime: nothing a real build would trip over, and the release stage has
 * what its HEALTHCHECK runs (busybox wget for /health).
 */
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/project/config.ts';
import { loadStageFacts } from '../../src/knowledge/stage-facts.ts';
import { planManagedFiles } from '../../src/plan/project-files.ts';
import { decideForConfig } from '../../src/knowledge/pipeline.ts';
import { requirementsFromLines } from '../../src/project/requirements.ts';
import { PYTHON_RUNTIMES } from '../../src/target/runtimes.ts';
import { modelDockerfile, provided } from './stage-model.ts';

function fastapiDockerfile(python: string): string {
  const config: ProjectConfig = {
    version: 1,
    generator: '0.1.0',
    name: 'proof-api',
    python,
    arches: ['aarch64', 'x86_64'],
    app: 'fastapi',
    port: 8000,
    requirements: 'requirements.txt',
    buildDeps: { add: [], remove: [] },
    runtimeLibs: { add: [], remove: [] },
  };
  const decisions = decideForConfig(config, requirementsFromLines(['fastapi', 'uvicorn']).requirements);
  return planManagedFiles(config, decisions, []).find((file) => file.path === 'Dockerfile')!.content;
}

describe('stage model: the FastAPI Dockerfile', () => {
  it.for(PYTHON_RUNTIMES.map((runtime) => runtime.id))('on %s', (python) => {
    const text = fastapiDockerfile(python);
    const model = modelDockerfile(text);
    expect(model.findings, `${model.findings.map((f) => `line ${f.line} (${f.stage}): ${f.problem}`).join('\n')}\n${text}`).toEqual([]);
    const release = provided(model.stages.at(-1)!, loadStageFacts());
    // python comes from /opt/venv/bin, first on PATH; wget (busybox) runs the HEALTHCHECK.
    expect(release.commands).toEqual(expect.arrayContaining(['wget']));
    expect(text).toMatch(/^CMD \["python", "-m", "proof_api"\]$/m);
    expect(text).toMatch(/^HEALTHCHECK .*\n {4}CMD \[.*\/health/m);
  });
});
