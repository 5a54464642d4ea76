/**
 * update's plan in-process (src/plan/update-plan.ts): planUpdate called directly with the files as
 * found, the renders and the package lists of this run, checked by the whole outcome: each file's
 * action, the config written (it records the tool version only when the run writes something),
 * the package summary (from the packages record, else from the comments of the old generated
 * Dockerfile) and the refusals (conflict markers left in a file: exit 3; an unreadable record: exit
 * 2). The renders are short literal texts: planUpdate only compares them, and reads nothing of the
 * Dockerfile model but its two package lists.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError, UsageError } from '../../src/errors.ts';
import type { Decisions, PackageDecision } from '../../src/knowledge/decisions.ts';
import type { ApkLine } from '../../src/plan/apk-sets.ts';
import type { MergeFn } from '../../src/plan/file-change.ts';
import { planUpdate, type CurrentFile, type UpdateInput, type planUpdateRenders } from '../../src/plan/update-plan.ts';
import type { ProjectConfig } from '../../src/project/config.ts';
import { TOOL_VERSION } from '../../src/version.ts';
import { projectConfig } from '../support/project-config.ts';

const STORED: ProjectConfig = projectConfig({ generator: '0.0.1', app: 'web', port: 8000 });

/** serializeConfig(STORED), written out. */
const CONFIG_TEXT = `{
  "version": 1,
  "generator": "0.0.1",
  "name": "my-app",
  "python": "3.12",
  "arches": [
    "aarch64",
    "x86_64"
  ],
  "app": "web",
  "port": 8000,
  "requirements": "requirements.txt",
  "buildDeps": {
    "add": [],
    "remove": []
  },
  "runtimeLibs": {
    "add": [],
    "remove": []
  }
}
`;
/** The same config as written by this version of the tool. */
const CONFIG_NOW = CONFIG_TEXT.replace('"generator": "0.0.1"', `"generator": "${TOOL_VERSION}"`);

const DOCKERFILE = 'FROM python:3.12-alpine3.22 AS build\nRUN pip install -r requirements.txt\n';
const DOCKERFILE_OLD = 'FROM python:3.11-alpine3.22 AS build\nRUN pip install -r requirements.txt\n';
const DOCKERIGNORE = '*\n!requirements.txt\n';

const CARGO: ApkLine = { name: 'cargo', reason: 'compiling cryptography', for: ['cryptography'], by: 'decisions' };
const LIBFFI: ApkLine = { name: 'libffi', reason: 'loaded by cffi', for: ['cffi'], by: 'decisions' };
/** serializePackagesRecord of CARGO and LIBFFI, written out. */
const RECORD = '{\n  "build": {\n    "cargo": [\n      "cryptography"\n    ]\n  },\n  "runtime": {\n    "libffi": [\n      "cffi"\n    ]\n  }\n}\n';

function decision(name: string, status: PackageDecision['status']): PackageDecision {
  return { name, status, why: '', build: [], runtime: [], sources: [], via: null };
}
const DECISIONS: Decisions = {
  packages: [decision('cffi', 'compile'), decision('cryptography', 'wheel')],
  apk: { build: [], runtime: [] },
  warnings: ['a warning'],
  problems: [],
};

type Planned = ReturnType<typeof planUpdateRenders>;

/** Renders by path, and the model's package lists (the only part of the model planUpdate reads). */
function plannedOf(files: Record<string, string>, build: ApkLine[] = [CARGO], runtime: ApkLine[] = [LIBFFI]): Planned {
  return {
    renders: Object.entries(files).map(([path, content]) => ({ path, content, managed: true })),
    model: { buildNotes: build, releaseNotes: runtime } as unknown as Planned['model'],
  };
}

function inputOf(current: Record<string, CurrentFile>, change: Partial<UpdateInput> = {}): UpdateInput {
  return {
    root: '/srv/my-app',
    stored: STORED,
    configText: CONFIG_TEXT,
    config: STORED,
    decisions: DECISIONS,
    includes: [],
    requirementNames: new Set(['cffi', 'cryptography']),
    current: new Map(Object.entries(current)),
    packagesRecordText: RECORD,
    yourFiles: null,
    mode: 'write',
    ...change,
  };
}

const noMerge: MergeFn = () => {
  throw new Error('no file here needs a merge');
};

const asRendered = (text: string): CurrentFile => ({ text, base: text });
const RENDERS = { Dockerfile: DOCKERFILE, '.dockerignore': DOCKERIGNORE };

describe('planUpdate: the config records the tool version only when the run writes something', () => {
  it('every file as rendered and its base too, flags as stored: nothing to write, the config text kept', () => {
    const outcome = planUpdate(inputOf({ Dockerfile: asRendered(DOCKERFILE), '.dockerignore': asRendered(DOCKERIGNORE) }), plannedOf(RENDERS), noMerge);
    expect(outcome.changes.map((change) => [change.path, change.action])).toEqual([
      ['Dockerfile', 'identical'],
      ['.dockerignore', 'identical'],
    ]);
    expect(outcome).toMatchObject({
      root: '/srv/my-app',
      configBefore: CONFIG_TEXT,
      configAfter: CONFIG_TEXT,
      configChanged: false,
      apkChanges: [],
      warnings: ['a warning'],
      mode: 'write',
      yourFiles: [],
      packagesRecord: RECORD,
    });
    expect(outcome.resolutions).toEqual(new Map());
    expect(outcome.backups).toEqual(new Map());
  });

  it('a file as rendered whose stored base is older: the base is rewritten, so the config records this version', () => {
    const outcome = planUpdate(inputOf({ Dockerfile: { text: DOCKERFILE, base: DOCKERFILE_OLD }, '.dockerignore': asRendered(DOCKERIGNORE) }), plannedOf(RENDERS), noMerge);
    expect(outcome.changes.map((change) => change.action)).toEqual(['identical', 'identical']);
    expect([outcome.configAfter, outcome.configChanged]).toEqual([CONFIG_NOW, true]);
  });

  it('one file updated, the other identical: the config records this version', () => {
    const outcome = planUpdate(inputOf({ Dockerfile: { text: DOCKERFILE_OLD, base: DOCKERFILE_OLD }, '.dockerignore': asRendered(DOCKERIGNORE) }), plannedOf(RENDERS), noMerge);
    expect(outcome.changes.map((change) => change.action)).toEqual(['update', 'identical']);
    expect([outcome.configAfter, outcome.configChanged]).toEqual([CONFIG_NOW, true]);
  });

  it('a deleted file whose base is the render is created again: the config records this version', () => {
    const outcome = planUpdate(inputOf({ Dockerfile: { text: null, base: DOCKERFILE }, '.dockerignore': asRendered(DOCKERIGNORE) }), plannedOf(RENDERS), noMerge);
    expect(outcome.changes.map((change) => change.action)).toEqual(['create', 'identical']);
    expect([outcome.configAfter, outcome.configChanged]).toEqual([CONFIG_NOW, true]);
  });

  it('only a flag changed (every file identical): the new config, with this version', () => {
    const config: ProjectConfig = { ...STORED, python: '3.13' };
    const outcome = planUpdate(inputOf({ Dockerfile: asRendered(DOCKERFILE), '.dockerignore': asRendered(DOCKERIGNORE) }, { config }), plannedOf(RENDERS), noMerge);
    expect(outcome.changes.map((change) => change.action)).toEqual(['identical', 'identical']);
    expect([outcome.configAfter, outcome.configChanged]).toEqual([CONFIG_NOW.replace('"python": "3.12"', '"python": "3.13"'), true]);
  });

  it('a config text written differently from the serialized config is rewritten, even with nothing else to write', () => {
    const outcome = planUpdate(
      inputOf({ Dockerfile: asRendered(DOCKERFILE), '.dockerignore': asRendered(DOCKERIGNORE) }, { configText: CONFIG_TEXT.trimEnd() }),
      plannedOf(RENDERS),
      noMerge,
    );
    expect([outcome.configAfter, outcome.configChanged]).toEqual([CONFIG_TEXT, true]);
  });
});

describe('planUpdate: refusals', () => {
  it('a managed file with conflict markers left by an earlier update: exit 3 with every block of lines', () => {
    const marked = [
      'FROM python:3.12-alpine3.22 AS build',
      '<<<<<<< Dockerfile (yours)',
      'RUN pip install -r requirements.txt',
      '=======',
      'RUN pip install --no-cache-dir -r requirements.txt',
      '>>>>>>> Dockerfile (generated now)',
      'COPY . .',
      '<<<<<<< Dockerfile (yours)',
      'USER app',
      '=======',
      'USER 10001',
      '>>>>>>> Dockerfile (generated now)',
      '',
    ].join('\n');
    const plan = () => planUpdate(inputOf({ Dockerfile: { text: marked, base: DOCKERFILE_OLD }, '.dockerignore': asRendered(DOCKERIGNORE) }), plannedOf(RENDERS), noMerge);
    expect(plan).toThrow(new ConflictError('Dockerfile still has conflict markers (lines 2-6, 8-12): resolve them, then run update again'));
    expect(plan).toThrow(ConflictError);
  });

  it('a packages record that is not JSON: exit 2, naming the file and the way out', () => {
    const plan = () =>
      planUpdate(inputOf({ Dockerfile: asRendered(DOCKERFILE), '.dockerignore': asRendered(DOCKERIGNORE) }, { packagesRecordText: '{' }), plannedOf(RENDERS), noMerge);
    expect(plan).toThrow(
      new UsageError('.slim-python/generated/packages.json is not valid JSON: delete it (update then reads the package lists from the last generated Dockerfile)'),
    );
    expect(plan).toThrow(UsageError);
  });
});

describe('planUpdate: the package summary', () => {
  const NOW = plannedOf(RENDERS, [], [LIBFFI]);

  it('from the packages record; a package the config removes is said to be removed by you', () => {
    const config: ProjectConfig = { ...STORED, runtimeLibs: { add: [], remove: ['libffi'] } };
    const outcome = planUpdate(inputOf({ Dockerfile: asRendered(DOCKERFILE), '.dockerignore': asRendered(DOCKERIGNORE) }, { config }), plannedOf(RENDERS, [], []), noMerge);
    expect(outcome.apkChanges).toEqual([
      'removed cargo (build) because cryptography now installs from a wheel',
      'removed libffi (runtime) because you removed it (slim-python.json)',
    ]);
    expect(outcome.packagesRecord).toBe('{\n  "build": {},\n  "runtime": {}\n}\n');
  });

  const LEGACY_BASE = ['FROM python:3.12-alpine3.22 AS build', '#   cargo: compiling cryptography', 'FROM alpine:3.22 AS release', '#   libffi: loaded by cffi', ''].join('\n');
  const LEGACY_EDITED = ['FROM python:3.12-alpine3.22 AS build', '#   rust: compiling cryptography', 'FROM alpine:3.22 AS release', '#   libffi: loaded by cffi', ''].join('\n');

  it('without a record: from the comments of the last generated Dockerfile (its base), not the edited file', () => {
    const outcome = planUpdate(
      inputOf({ Dockerfile: { text: LEGACY_EDITED, base: LEGACY_BASE }, '.dockerignore': asRendered(DOCKERIGNORE) }, { packagesRecordText: null }),
      NOW,
      () => ({ text: DOCKERFILE, conflicts: [] }),
    );
    expect(outcome.apkChanges).toEqual(['removed cargo (build) because cryptography now installs from a wheel']);
  });

  it('without a record or a base: from the comments of the Dockerfile as it is', () => {
    const outcome = planUpdate(inputOf({ Dockerfile: { text: LEGACY_EDITED, base: null }, '.dockerignore': asRendered(DOCKERIGNORE) }, { packagesRecordText: null }), NOW, noMerge);
    expect(outcome.changes.map((change) => [change.action, change.noBase])).toEqual([
      ['conflict', true],
      ['identical', false],
    ]);
    expect(outcome.apkChanges).toEqual(['removed rust (build) because cryptography now installs from a wheel']);
  });

  it('a record present: the old Dockerfile is not read', () => {
    const outcome = planUpdate(inputOf({ Dockerfile: asRendered(DOCKERFILE), '.dockerignore': asRendered(DOCKERIGNORE) }), NOW, noMerge);
    expect(outcome.apkChanges).toEqual(['removed cargo (build) because cryptography now installs from a wheel']);
    const legacy = planUpdate(
      inputOf({ Dockerfile: asRendered(LEGACY_EDITED), '.dockerignore': asRendered(DOCKERIGNORE) }),
      plannedOf({ Dockerfile: LEGACY_EDITED, '.dockerignore': DOCKERIGNORE }, [], [LIBFFI]),
      noMerge,
    );
    expect(legacy.apkChanges).toEqual(['removed cargo (build) because cryptography now installs from a wheel']);
  });

  it('no record and no Dockerfile among the files: no old lists, every package is new', () => {
    const outcome = planUpdate(inputOf({ '.dockerignore': asRendered(DOCKERIGNORE) }, { packagesRecordText: null }), plannedOf({ '.dockerignore': DOCKERIGNORE }), noMerge);
    expect(outcome.apkChanges).toEqual(['added cargo (build) because cryptography must compile', 'added libffi (runtime) because cffi needs it at run time']);
  });
});

describe('planUpdate: the steps in your own files', () => {
  it('after --port, the lines of the README that still name the old port; none when the files were not read', () => {
    const config: ProjectConfig = { ...STORED, port: 9000 };
    const files = { Dockerfile: asRendered(DOCKERFILE), '.dockerignore': asRendered(DOCKERIGNORE) };
    const yourFiles = new Map([
      ['README.md', '# my-app\n\nOpen http://localhost:8000/ once it runs.\n'],
      ['my_app/__main__.py', null],
    ]);
    expect(planUpdate(inputOf(files, { config, yourFiles }), plannedOf(RENDERS), noMerge).yourFiles).toEqual([
      { path: 'README.md', lines: [3], text: 'still says port 8000; change to 9000' },
    ]);
    expect(planUpdate(inputOf(files, { config }), plannedOf(RENDERS), noMerge).yourFiles).toEqual([]);
  });
});
