/**
 * The projects the proof tests generate Dockerfiles for (issue 10): the reference example, a
 * static ELF, a wide native set, the dlopen set and no requirements, as web or cli apps, on every
 * supported runtime. Dockerfiles come from the source (the pure plan), never from a stale bundle.
 */
import type { ProjectConfig } from '../../src/project/config.ts';
import { planManagedFiles } from '../../src/plan/project-files.ts';
import { decideForConfig } from '../../src/knowledge/pipeline.ts';
import { requirementsFromLines } from '../../src/project/requirements.ts';
import { PYTHON_RUNTIMES, findRuntime } from '../../src/target/runtimes.ts';
import { ARCHES } from '../../src/requirements/types.ts';
import type { Decisions } from '../../src/knowledge/decisions.ts';

export interface ProofProject {
  name: string;
  requirements: string[];
  app: 'web' | 'cli';
  /** Runtime ids (`--python`) this project is executed on; the stage model walks all of them. */
  executeOn: string[];
}

const ALL_RUNTIMES = PYTHON_RUNTIMES.map((runtime) => runtime.id);
// The default CPython and Alpine's own python3 (the other base image).
const DEFAULT_AND_SYSTEM = ['3.14', 'alpine'];

export const PROOF_PROJECTS: readonly ProofProject[] = [
  { name: 'reference example', requirements: ['cryptography', 'aiohttp'], app: 'web', executeOn: ALL_RUNTIMES },
  // ruff ships one statically linked binary (no DT_NEEDED): scanelf prints an empty line for it.
  { name: 'static ELF beside native wheels', requirements: ['ruff', 'aiohttp'], app: 'web', executeOn: DEFAULT_AND_SYSTEM },
  { name: 'wide native set', requirements: ['lxml', 'pillow', 'orjson', 'uv', 'pydantic-core', 'msgpack', 'pyyaml'], app: 'cli', executeOn: DEFAULT_AND_SYSTEM },
  { name: 'dlopen set', requirements: ['weasyprint'], app: 'cli', executeOn: DEFAULT_AND_SYSTEM },
  { name: 'no requirements', requirements: [], app: 'cli', executeOn: DEFAULT_AND_SYSTEM },
];

/** A config for a proof project on a runtime, built for both architectures. */
export function proofConfig(project: ProofProject, python: string): ProjectConfig {
  return {
    version: 1,
    generator: '0.1.0',
    name: 'proof-app',
    python,
    arches: [...ARCHES].sort(),
    app: project.app,
    port: project.app === 'web' ? 8080 : null,
    requirements: 'requirements.txt',
    buildDeps: { add: [], remove: [] },
    runtimeLibs: { add: [], remove: [] },
  };
}

export interface GeneratedDockerfile {
  config: ProjectConfig;
  decisions: Decisions;
  /** CPython minor version of the runtime (wheel tags, site-packages path). */
  pythonVersion: string;
  text: string;
}

/** The Dockerfile the planner generates for a proof project on a runtime. */
export function generateDockerfile(project: ProofProject, python: string): GeneratedDockerfile {
  const config = proofConfig(project, python);
  const decisions = decideForConfig(config, requirementsFromLines(project.requirements).requirements);
  const dockerfile = planManagedFiles(config, decisions, []).find((file) => file.path === 'Dockerfile')!;
  return { config, decisions, pythonVersion: findRuntime(python)!.version, text: dockerfile.content };
}
