/**
 * Golden files: each folder under cases/ holds input.json (config overrides and requirement
 * lines) and the expected Dockerfile and .dockerignore. UPDATE_GOLDEN=1 (npm run golden:update)
 * rewrites the expectations; review them with `git diff`. Because an update accepts any change
 * wholesale, the rules that matter are also checked on every case, independently of the golden
 * bytes: a case's `expect` block (literal statuses and Alpine sets), and a release stage with no
 * build tooling.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/project/config.ts';
import { decideForConfig } from '../../src/knowledge/pipeline.ts';
import { planManagedFiles } from '../../src/plan/project-files.ts';
import { requirementsFromLines } from '../../src/project/requirements.ts';
import { isApkName } from '../../src/validate/apk-name.ts';
import { findRuntime } from '../../src/target/runtimes.ts';
import { readLockedInput } from '../../src/project/lock-input.ts';

const CASES = fileURLToPath(new URL('./cases/', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const BASE_CONFIG: ProjectConfig = {
  version: 1,
  generator: '0.1.0',
  name: 'golden-app',
  python: '3.12',
  arches: ['aarch64', 'x86_64'],
  app: 'web',
  port: 8080,
  requirements: 'requirements.txt',
  buildDeps: { add: [], remove: [] },
  runtimeLibs: { add: [], remove: [] },
};

interface CaseInput {
  description: string;
  config?: Partial<ProjectConfig>;
  requirements: string[];
  /** A lock file (path from the repository root) the image installs from: its pins replace `requirements`. */
  lock?: string;
  includes?: string[];
  /** Literal expectations, checked whatever the golden files say. */
  expect?: { compile: string[]; build: string[]; runtime: string[] };
}

/** What a Dockerfile installing from a uv.lock or pylock.toml must say (README "Existing project"). */
function uvContract(file: string, system: boolean, code: string): [string, string][] {
  const python = system ? '/usr/bin/python3' : '/usr/local/bin/python3';
  const common: [string, string][] = [
    [
      'uv pinned, its wheels hash-checked',
      "echo 'uv==0.13.9 --hash=sha256:2c45530751517d6c3bbc69a19473f6effe47cce047bede01ffd8af7ea7b36b25 --hash=sha256:5435c5ce14a56431208ca0996416d310f1598e8c2c8ba707688985a16bb82dbe'",
    ],
    [
      'uv into its own folder, wheels only',
      '    && python3 -m pip install --no-compile --require-hashes --only-binary :all: \\\n      --target /opt/uv --requirement /tmp/uv-requirements.txt\n',
    ],
    ['uv: the venv, no downloaded Python, copies out of the cache', 'ENV UV_PROJECT_ENVIRONMENT=/opt/venv \\\n    UV_PYTHON_DOWNLOADS=never \\\n    UV_LINK_MODE=copy\n'],
    ['uv cache mount', '\nRUN --mount=type=cache,target=/root/.cache/uv \\\n'],
  ];
  if (file.endsWith('uv.lock')) {
    return [
      ...common,
      [
        'lock and pyproject.toml mounted, not copied',
        `    --mount=type=bind,source=${file},target=/tmp/project/uv.lock \\\n    --mount=type=bind,source=${file.replace(/uv\.lock$/, '')}pyproject.toml,target=/tmp/project/pyproject.toml \\\n`,
      ],
      [
        'dependencies exactly as locked, no groups, not the project',
        `    /opt/uv/bin/uv sync --frozen --no-default-groups --no-install-project \\\n      --python ${python} --project /tmp/project\n`,
      ],
      ...(code === 'installed'
        ? [
            ['the project, not editable', `    /opt/uv/bin/uv sync --frozen --no-default-groups --no-editable \\\n      --python ${python} --project /tmp/src\n`] as [
              string,
              string,
            ],
          ]
        : []),
    ];
  }
  return [
    ...common,
    ['pylock mounted', `    --mount=type=bind,source=${file},target=/tmp/requirements/pylock.toml \\\n`],
    [
      'venv for the image Python, the lock installed',
      `    /opt/uv/bin/uv venv --python ${python} /opt/venv \\\n    && /opt/uv/bin/uv pip install --python /opt/venv/bin/python \\\n      --requirement /tmp/requirements/pylock.toml\n`,
    ],
  ];
}

/** The `apk add` package lines of a stage (the indented `      name \\` lines, and inline names). */
function apkPackages(stage: string): string[] {
  const names: string[] = [];
  const lines = stage.split('\n');
  lines.forEach((line, index) => {
    const inline = /apk add --no-cache ([^<\\]*?)\s*(<|\\|$)/.exec(line);
    if (inline?.[1]) names.push(...inline[1].split(/\s+/).filter((word) => word !== '' && !word.startsWith('-')));
    // Continuation lines of an apk add (the list alone, or after packages on the first line).
    if (/apk add --no-cache .*\\$/.test(line)) {
      for (let next = index + 1; next < lines.length && /^ {6}[a-z0-9]/.test(lines[next]!); next += 1) names.push(lines[next]!.trim().replace(/\s*\\$/, ''));
    }
  });
  return names.sort();
}

describe('golden Dockerfiles', () => {
  const names = readdirSync(CASES).sort();
  it('has cases, among them cases that really compile', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(names).toEqual(expect.arrayContaining(['compile-databases', 'compile-old-pins']));
  });
  for (const name of names) {
    it(name, async () => {
      const input = JSON.parse(readFileSync(join(CASES, name, 'input.json'), 'utf8')) as CaseInput;
      const config = { ...BASE_CONFIG, ...input.config };
      const runtimeOf = findRuntime(config.python)!;
      const lock = input.lock
        ? await readLockedInput(join(REPO, input.lock), config.requirements, { python: runtimeOf.version, full: runtimeOf.fullVersion, arches: config.arches })
        : null;
      const requirements = lock ? lock.requirements : requirementsFromLines(input.requirements).requirements;
      const decisions = decideForConfig({ ...config, locked: lock?.files }, requirements);
      const files = planManagedFiles(config, decisions, input.includes ?? []);
      const dockerfile = files.find((file) => file.path === 'Dockerfile')!.content;
      const [, buildStage = '', releaseStage = ''] = dockerfile.split(/^FROM /m);
      const built = apkPackages(buildStage);
      // The release stage never gets build tooling, whatever the case needs to compile.
      expect(releaseStage, `${name}: release stage`).toMatch(/ AS release\n/);
      const released = apkPackages(releaseStage);
      for (const apk of [...built, ...released]) expect(isApkName(apk), `${name}: apk add ${apk}`).toBe(true);
      for (const apk of released)
        expect(apk, `${name}: release stage installs ${apk}`).not.toMatch(/^build-base$|^gcc$|^g\+\+$|^musl-dev$|-dev$|^cargo$|^rust$|^cmake$|^pkgconf$|^gfortran$/);
      expect(releaseStage, `${name}: release stage`).not.toMatch(/\.cache\/pip|pip install/);
      const buildSet = [...decisions.apk.build.map((apk) => apk.name), ...config.buildDeps.add].filter((apk) => !config.buildDeps.remove.includes(apk));
      for (const apk of buildSet) {
        expect(built, `${name}: build stage`).toContain(apk);
        expect(released, `${name}: ${apk} is built with and shipped`).not.toContain(apk);
      }
      // What README "What you get" promises of every Dockerfile, line by line.
      const runtime = findRuntime(config.python)!;
      const module = config.name.replaceAll('-', '_');
      const system = runtime.system;
      // Adopted projects (init): code copied as laid out, or pip-installed; their own command.
      const code = config.code ?? 'module';
      const fromPyproject = config.requirements.endsWith('pyproject.toml');
      const fromPoetry = config.requirements.endsWith('poetry.lock');
      const cmdLine = `CMD [${(config.cmd ?? ['python', '-m', module]).map((arg) => JSON.stringify(arg)).join(', ')}]`;
      const bytecode = config.bytecode !== false;
      const web = config.app !== 'cli';
      const pipContract = (): [string, string][] => [
        ...[config.requirements, ...(input.includes ?? [])].map((file): [string, string] => [`copy ${file}`, `\nCOPY ${file} /tmp/requirements/${file}\n`]),
        ['pip cache mount', '\nRUN --mount=type=cache,target=/root/.cache/pip \\\n'],
        ['venv without pip', ' python3 -m venv --without-pip /opt/venv \\\n'],
        ['install without bytecode (compiled later, once)', `    && python3 -m pip --python /opt/venv/bin/python install --no-compile${fromPoetry ? ' --no-deps' : ''} \\\n`],
        [
          'install from the copied file',
          `      --requirement /tmp/requirements/${fromPyproject ? 'pyproject-dependencies.txt' : fromPoetry ? 'poetry-requirements.txt' : config.requirements}\n`,
        ],
      ];
      const contract: [string, string][] = [
        ['syntax line', '# syntax=docker/dockerfile:1\n'],
        ['one Alpine release for every stage', '\nARG ALPINE_VERSION=3.24\n'],
        ['build stage base', `\nFROM ${runtime.buildImage} AS build\n`],
        ['release stage is plain Alpine', '\nFROM alpine:${ALPINE_VERSION} AS release\n'],
        ['no pip version check', 'ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \\\n    PIP_ROOT_USER_ACTION=ignore\n'],
        ...(lock && !config.requirements.endsWith('poetry.lock') ? uvContract(config.requirements, system, code) : pipContract()),
        ['pipefail shell', '\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\n'],
        [
          'extensions stripped, never inside *.libs',
          "\nRUN scanelf --recursive --nobanner --format '%F' /opt/venv \\\n    | awk '!/\\.libs\\//' | tr '\\n' '\\0' | xargs -0 -r strip --strip-unneeded\n",
        ],
        ['one scanelf pass over the interpreter and the venv', `\nRUN scanelf --recursive --needed --nobanner --format '%n#p' ${system ? '' : '/opt/python '}/opt/venv \\\n`],
        ['scanelf pipeline', "    | tr ',' '\\n' | sort -u \\\n    | while read -r lib; do \\\n"],
        ['runtime deps file, outside the venv the release copies', '      done > /tmp/runtime-deps\n'],
        ['runtime deps mount', '\nRUN --mount=type=bind,from=build,source=/tmp/runtime-deps,target=/tmp/runtime-deps \\\n'],
        ['CA certificates and time zones kept', '    xargs apk add --no-cache ca-certificates tzdata'],
        ...(system
          ? []
          : [['interpreter copied without pip', '\nCOPY --from=build /opt/python /usr/local\n'] as [string, string], ['no ensurepip', '/ensurepip \\\n'] as [string, string]]),
        ['venv copied', '\nCOPY --from=build /opt/venv /opt/venv\n'],
        ['app dir', '\nWORKDIR /app\n'],
        ...(code === 'installed'
          ? []
          : [
              ['code copied readable by the non-root user', code === 'context' ? '\nCOPY --chmod=u=rwX,go=rX . .\n' : `\nCOPY --chmod=u=rwX,go=rX ${module}/ ./${module}/\n`] as [
                string,
                string,
              ],
            ]),
        ['env', '\nENV PATH="/opt/venv/bin:$PATH" \\\n'],
        ['unbuffered', '    PYTHONUNBUFFERED=1'],
        ['no bytecode written at run time', '    PYTHONDONTWRITEBYTECODE=1'],
        ['OCI title label', `org.opencontainers.image.title="${config.name}"`],
        ['OCI version label', 'org.opencontainers.image.version="${VERSION}"'],
        ['non-root user', '\nUSER 10001:10001\n'],
        ['exec-form CMD', `\n${cmdLine}\n`],
      ];
      for (const [what, text] of contract) expect(dockerfile.includes(text), `${name}: ${what}: ${JSON.stringify(text)}`).toBe(true);
      expect(dockerfile.includes('python3 -m compileall'), `${name}: bytecode compiled at build time exactly when wanted`).toBe(bytecode);
      expect(releaseStage, `${name}: release stage has no pip`).not.toMatch(/py3-pip|-m pip|ensurepip/);
      expect(releaseStage, `${name}: release stage has no uv`).not.toMatch(/\/opt\/uv|uv sync|uv pip|\.cache\/uv/);
      expect(buildStage.includes('/opt/uv/bin/uv '), `${name}: uv exactly when a uv.lock or pylock.toml drives the install`).toBe(lock !== null && !fromPoetry);
      // A locked set is installed as it is: pip resolves nothing more.
      expect(/install --no-compile --no-deps/.test(buildStage), `${name}: pip --no-deps exactly for a poetry.lock`).toBe(fromPoetry);
      // Skeletons serve /health; an adopted project gets a HEALTHCHECK only for the path given with --health.
      expect(/^HEALTHCHECK /m.test(dockerfile), `${name}: HEALTHCHECK exactly for web apps with a health path`).toBe(web && (code === 'module' || config.health !== undefined));
      if (web) expect(releaseStage, `${name}: PORT matches EXPOSE`).toContain(`    PORT=${config.port}`);
      expect(dockerfile, `${name}: libraries inside the copied trees are skipped`).toMatch(/^ {8}if \[ -z "\$\(find( \/\S+)+ -name "\$lib"\)" \]; then echo "so:\$lib"; fi; \\$/m);
      expect(dockerfile.startsWith('# syntax=docker/dockerfile:1\n'), `${name}: first line`).toBe(true);
      expect(dockerfile.endsWith(`${cmdLine}\n`), `${name}: last line`).toBe(true);
      expect(/^EXPOSE \d+$/m.test(dockerfile), `${name}: EXPOSE`).toBe(web);
      if (web) expect(releaseStage).toContain(`\nEXPOSE ${config.port}\n`);
      const xargs = /^ {4}xargs (-r )?apk add --no-cache(.*) < \/tmp\/runtime-deps( \\)?$/m.exec(releaseStage);
      expect(xargs, `${name}: release apk line`).not.toBeNull();
      expect(xargs![1] === '-r ', `${name}: xargs -r exactly when no package is declared`).toBe(xargs![2] === '');
      if (input.expect) {
        expect(
          decisions.packages.filter((p) => p.status === 'compile').map((p) => p.name),
          `${name}: compiled projects`,
        ).toEqual(input.expect.compile);
        expect(
          decisions.apk.build.map((apk) => apk.name),
          `${name}: build set`,
        ).toEqual(input.expect.build);
        expect(
          decisions.apk.runtime.map((apk) => apk.name),
          `${name}: runtime set`,
        ).toEqual(input.expect.runtime);
        // binutils (strip) is in every build stage; the rest is what the requirements need.
        expect(built, `${name}: build stage apk add`).toEqual([...input.expect.build, 'binutils'].sort());
        for (const apk of input.expect.runtime) expect(releaseStage, `${name}: release stage`).toMatch(new RegExp(`^#   ${apk.replace(/[+.]/g, '\\$&')}: `, 'm'));
      }
      for (const file of files) {
        const expectedPath = join(CASES, name, file.path === '.dockerignore' ? 'dockerignore' : file.path);
        if (UPDATE || !existsSync(expectedPath)) {
          if (!UPDATE) throw new Error(`${expectedPath} is missing: run npm run golden:update and review the diff`);
          mkdirSync(join(CASES, name), { recursive: true });
          writeFileSync(expectedPath, file.content);
          continue;
        }
        expect(file.content, `${name}/${file.path} (npm run golden:update to accept)`).toBe(readFileSync(expectedPath, 'utf8'));
      }
    });
  }
});
