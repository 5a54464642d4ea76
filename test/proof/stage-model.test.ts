/**
 * Proof by the stage model (issue 10): every generated Dockerfile of the matrix (each runtime,
 * both base images, web and cli, the proof projects plus requirements that compile) is walked over
 * sourced facts of what each stage contains. No engine runs here: this is what stands in for one
 * where the execution tests (run-steps.test.ts) cannot go (steps needing the network or Python).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PYTHON_RUNTIMES } from '../../src/target/runtimes.ts';
import { loadAlpineNames } from '../../src/knowledge/load.ts';
import { loadStageFacts } from '../../src/knowledge/stage-facts.ts';
import { generateDockerfile, PROOF_PROJECTS, type ProofProject } from './cases.ts';
import { modelDockerfile, provided } from './stage-model.ts';

// Projects whose Dockerfile compiles something (a build stage with build-base): the Python.h check.
const COMPILING: ProofProject[] = [
  { name: 'compiles against libpq (psycopg2)', requirements: ['psycopg2'], app: 'cli', executeOn: [] },
  { name: 'compiles with Rust (cryptography==3.4.8)', requirements: ['cryptography==3.4.8', 'aiohttp'], app: 'web', executeOn: [] },
  { name: 'unknown sdist (not in the knowledge base)', requirements: ['some-unknown-project'], app: 'cli', executeOn: [] },
];

const MATRIX = PYTHON_RUNTIMES.flatMap((runtime) =>
  [...PROOF_PROJECTS, ...COMPILING].flatMap((project) =>
    (['web', 'cli'] as const).map((app) => ({ name: `${project.name}, ${app}, on ${runtime.id}`, project: { ...project, app }, python: runtime.id })),
  ),
);

let walked = 0;
let commands = 0;

describe('stage model: every generated Dockerfile of the matrix', () => {
  afterAll(() => {
    console.log(
      `stage model: ${walked} of ${MATRIX.length} generated Dockerfiles walked (${PYTHON_RUNTIMES.length} runtimes x ${PROOF_PROJECTS.length + COMPILING.length} projects x web/cli), ${commands} invoked commands checked against sourced stage facts`,
    );
  });

  it.for(MATRIX)('$name', ({ project, python }) => {
    const { text } = generateDockerfile(project, python);
    const model = modelDockerfile(text);
    walked += 1;
    commands += model.checkedCommands;
    expect(model.findings, `${model.findings.map((f) => `line ${f.line} (${f.stage}): ${f.problem}`).join('\n')}\n--- Dockerfile ---\n${text}`).toEqual([]);
    expect(model.checkedCommands).toBeGreaterThan(5);
  });
});

describe('stage model controls: it reports what a real build would trip over', () => {
  const psycopgOnAlpine = generateDockerfile({ ...COMPILING[0]!, app: 'cli' }, 'alpine').text;

  it('a compile step without Python.h (the build stage before python3-dev was added)', () => {
    const before = psycopgOnAlpine.replace(' \\\n      python3-dev', '');
    expect(before).not.toBe(psycopgOnAlpine);
    expect(modelDockerfile(before).findings.map((f) => f.problem)).toEqual([expect.stringMatching(/^pip install with a compiler \(.*gcc.*\) but no Python\.h/)]);
  });

  it('pip where there is none, and a command the stage lacks', () => {
    const noPip = psycopgOnAlpine.replace('      python3 \\\n      py3-pip \\\n', '      python3 \\\n');
    expect(modelDockerfile(noPip).findings.map((f) => f.problem)).toEqual(['python3 -m pip: no pip module in the stage']);
    const noScanelf = generateDockerfile(PROOF_PROJECTS[0]!, '3.12').text.replace('scanelf --recursive', 'lddtree --recursive');
    expect(modelDockerfile(noScanelf).findings.map((f) => f.problem)).toEqual([expect.stringMatching(/^lddtree is not in the stage/)]);
  });

  it('a release stage with a compiler, a -dev package or an apk cache', () => {
    const text = generateDockerfile(PROOF_PROJECTS[0]!, '3.12').text.replace('xargs apk add --no-cache ca-certificates tzdata <', 'xargs apk add build-base libpq-dev <');
    const problems = modelDockerfile(text).findings.map((f) => f.problem);
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        'apk add without --no-cache leaves the package index in the layer',
        'the release stage has a compiler (g++, gcc)',
        'the release stage has build packages: build-base, libc-dev, libpq-dev, musl-dev',
      ]),
    );
  });

  it('fontconfig for uid 10001 without a writable cache or without a built font cache (weasyprint before defect 5)', () => {
    const text = generateDockerfile({ ...PROOF_PROJECTS.find((p) => p.name === 'dlopen set')!, app: 'cli' }, '3.12').text;
    expect(modelDockerfile(text).findings).toEqual([]);
    expect(modelDockerfile(text.replace(' \\\n    XDG_CACHE_HOME=/tmp/.cache', '')).findings.map((f) => f.problem)).toEqual([
      'fontconfig runs as 10001:10001 with no writable cache (set XDG_CACHE_HOME under /tmp)',
    ]);
    expect(modelDockerfile(text.replace(' \\\n    && fc-cache -f', '')).findings.map((f) => f.problem)).toEqual([
      'fontconfig is in the release stage but its font cache is never built (fc-cache)',
    ]);
  });

  it('a venv copied to a release stage without its interpreter, and an image without facts', () => {
    const text = generateDockerfile(PROOF_PROJECTS[0]!, '3.12').text.replace('COPY --from=build /opt/python /usr/local\n', '');
    expect(modelDockerfile(text).findings.map((f) => f.problem)).toEqual(['/opt/venv was made with the interpreter of path:/usr/local, which the release stage lacks']);
    const unknown = generateDockerfile(PROOF_PROJECTS[0]!, '3.12').text.replace('FROM python:3.12-alpine${ALPINE_VERSION} AS build', 'FROM debian:13 AS build');
    expect(modelDockerfile(unknown).findings[0]!.problem).toMatch(/^no stage facts for debian:13/);
  });
});

describe('stage model: the lean release stage (issue 11)', () => {
  const text = generateDockerfile(PROOF_PROJECTS[0]!, '3.12').text;

  it('resolves the ALPINE_VERSION ARG and gives the release the copied interpreter without pip or headers', () => {
    const model = modelDockerfile(text);
    expect(model.findings).toEqual([]);
    const release = model.stages[model.stages.length - 1]!;
    expect(release.image).toBe('alpine:3.24');
    const have = provided(release, loadStageFacts());
    expect(have.commands).toEqual(expect.arrayContaining(['python', 'python3']));
    expect(have.commands).not.toEqual(expect.arrayContaining(['pip']));
    expect(have.pythonModules).not.toContain('pip');
    expect(have.headers).not.toContain('Python.h');
    expect(have.commands).not.toContain('strip');
  });

  it('sees a release stage that would copy the whole /usr/local (pip and headers with it)', () => {
    const whole = text.replace('COPY --from=build /opt/python /usr/local', 'COPY --from=build /usr/local /usr/local');
    const have = provided(modelDockerfile(whole).stages.at(-1)!, loadStageFacts());
    expect(have.pythonModules).toContain('pip');
    expect(have.headers).toContain('Python.h');
  });
});

describe('stage model: toolchains where something may compile (defect 3)', () => {
  it.for(PYTHON_RUNTIMES.map((runtime) => runtime.id))('an unknown sdist gets gcc, cargo and rustc in the build stage on %s, none in the release', (python) => {
    const model = modelDockerfile(generateDockerfile({ ...COMPILING[2]!, app: 'cli' }, python).text);
    const [build, release] = [model.stages[0]!, model.stages[model.stages.length - 1]!];
    expect(provided(build, loadStageFacts()).commands).toEqual(expect.arrayContaining(['gcc', 'cargo', 'rustc']));
    expect(provided(release, loadStageFacts()).commands).not.toEqual(expect.arrayContaining(['cargo']));
    expect(model.findings).toEqual([]);
  });
});

describe('stage facts', () => {
  const facts = loadStageFacts();
  it('every fact has a source, and every base image resolves to a package list', () => {
    for (const [name, pkg] of Object.entries(facts.packages)) expect(pkg.source, name).toMatch(/\S{8}/);
    for (const [name, image] of Object.entries(facts.images)) {
      expect(image.source, name).toMatch(/repo-info|aports/);
      expect(image.from === null || image.from in facts.images, name).toBe(true);
    }
  });

  it('covers each base image the runtimes use', () => {
    for (const runtime of PYTHON_RUNTIMES) expect(Object.keys(facts.images)).toContain(runtime.image);
  });

  it('cites an aports APKBUILD for every package, and knows each package the knowledge base installs at run time', () => {
    for (const [name, pkg] of Object.entries(facts.packages)) expect(pkg.source, name).toMatch(/aports(:| package )/);
    // Every Alpine name the knowledge base uses is a real package (test/unit/knowledge-data); here:
    // each one that lists sonames is one of them or a base-image package.
    const known = loadAlpineNames();
    const basePackages = new Set(Object.values(facts.images).flatMap((image) => image.packages));
    const stray = Object.entries(facts.packages)
      .filter(([name, pkg]) => pkg.sonames && !(name in known) && !basePackages.has(name) && name !== 'python3')
      .map(([name]) => name);
    expect(stray).toEqual([]);
  });
});
