/**
 * What each command prints, from literal outcomes (issue #9, item 5): the create, update, init
 * and verify reports, text and --json, checked against the exact text a user sees.
 */
import { describe, expect, it } from 'vitest';
import { createJsonSummary, formatBanner, formatCreateReport, nextSteps, type CreateReport } from '../../src/commands/create/report.ts';
import { formatUpdateReport, updateJsonSummary } from '../../src/commands/update/report.ts';
import type { UpdateOutcome } from '../../src/plan/update-plan.ts';
import { formatInitReport, initJsonSummary, type InitReport } from '../../src/commands/init/report.ts';
import { buildVerifyDocument, formatVerify } from '../../src/commands/verify/report.ts';
import type { VerifyOutcome } from '../../src/commands/verify/run-verify.ts';
import type { Decisions, PackageDecision } from '../../src/knowledge/decisions.ts';
import { unifiedDiff } from '../../src/merge/unified-diff.ts';
import type { FileChange } from '../../src/plan/file-change.ts';
import type { ProjectConfig } from '../../src/project/config.ts';

function decision(name: string, status: PackageDecision['status'], why: string, via: string | null = null): PackageDecision {
  return { name, status, why, build: [], runtime: [], sources: [], via };
}

const DECISIONS: Decisions = {
  packages: [
    decision('cffi', 'compile', 'ships no musllinux wheel: pip builds it from source', 'cryptography'),
    decision('cryptography', 'wheel', 'musllinux wheel for CPython 3.12 on x86_64 and aarch64'),
  ],
  apk: {
    build: [
      { name: 'build-base', for: ['cffi'] },
      { name: 'libffi-dev', for: ['cffi'] },
    ],
    runtime: [{ name: 'libffi', for: ['cffi'] }],
  },
  warnings: ['a warning'],
  problems: [],
};

const CONFIG: ProjectConfig = {
  version: 1,
  generator: '0.1.0',
  name: 'shop',
  python: '3.12',
  arches: ['x86_64', 'aarch64'],
  app: 'web',
  port: 8080,
  requirements: 'requirements.txt',
  buildDeps: { add: [], remove: ['libffi-dev'] },
  runtimeLibs: { add: ['curl'], remove: [] },
  bytecode: true,
};

function createReport(overrides: Partial<CreateReport> = {}): CreateReport {
  return {
    config: CONFIG,
    files: [
      { path: '.dockerignore', content: '', managed: true },
      { path: 'Dockerfile', content: '', managed: true },
      { path: 'README.md', content: '', managed: false },
    ],
    target: { exists: true, overwritten: ['Dockerfile'], unchanged: ['.dockerignore'], backups: new Map([['Dockerfile', 'Dockerfile.orig']]) },
    dryRun: false,
    dir: '/work/shop',
    shownDir: './shop',
    decisions: DECISIONS,
    addedRequirements: ['aiohttp'],
    size: null,
    ...overrides,
  };
}

describe('the create report', () => {
  it('lists each file with what happens to it, the decisions, the package lists and the next steps', () => {
    expect(formatCreateReport(createReport())).toBe(
      [
        'Created shop in ./shop',
        '  CPython 3.12 (python:3.12-alpine3.24), aiohttp web server on port 8080',
        '',
        '  unchanged .dockerignore',
        '  overwrite Dockerfile (yours saved as Dockerfile.orig)',
        '  create    README.md',
        '',
        'Added to requirements.txt: aiohttp (the aiohttp web server imports it)',
        'Requirements on Alpine:',
        '  cffi                     compile  ships no musllinux wheel: pip builds it from source',
        '  cryptography             wheel    musllinux wheel for CPython 3.12 on x86_64 and aarch64',
        // libffi-dev was removed by the config; curl added to the runtime list.
        'Build stage packages: build-base',
        'Release stage packages: ca-certificates, tzdata, curl, libffi plus what scanelf finds',
        '',
        'Next steps:',
        '  cd ./shop',
        '  docker build -t shop .',
        '  docker run --rm -p 8080:8080 shop',
        '  npx create-slim-python update      # after changing requirements.txt: regenerates the Dockerfile',
        '',
      ].join('\n'),
    );
  });

  it('says "would" in a dry run, and puts the banner first when given', () => {
    const text = formatCreateReport(createReport({ dryRun: true }), formatBanner('0.1.0'));
    expect(text.split('\n').slice(0, 8)).toEqual([
      'create-slim-python v0.1.0',
      'Would create shop in ./shop (dry run: nothing written)',
      '  CPython 3.12 (python:3.12-alpine3.24), aiohttp web server on port 8080',
      '',
      '  unchanged .dockerignore',
      '  overwrite Dockerfile (yours would be saved as Dockerfile.orig)',
      '  create    README.md',
      '',
    ]);
    expect(text).toContain('\nWould add to requirements.txt: aiohttp (the aiohttp web server imports it)\n');
    expect(text).toContain('\nNext steps (after a real run):\n');
  });

  it('a cli app in the current directory: no cd, no port; no compiler when nothing compiles', () => {
    const config: ProjectConfig = { ...CONFIG, app: 'cli', port: null, buildDeps: { add: [], remove: [] }, runtimeLibs: { add: [], remove: [] }, bytecode: false };
    const report = createReport({
      config,
      shownDir: '.',
      addedRequirements: [],
      decisions: { ...DECISIONS, packages: [DECISIONS.packages[1]!], apk: { build: [], runtime: [] } },
    });
    expect(nextSteps(report)).toEqual(['docker build -t shop .', 'docker run --rm shop', 'npx create-slim-python update']);
    const lines = formatCreateReport(report).split('\n');
    expect(lines[0]).toBe('Created shop in .');
    expect(lines[1]).toBe('  CPython 3.12 (python:3.12-alpine3.24), command-line app');
    expect(lines).toContain('Build stage: no compiler needed (every requirement installs from a wheel)');
    expect(lines).toContain('Release stage packages: ca-certificates, tzdata plus what scanelf finds');
    expect(lines).toContain('  npx create-slim-python update  # after changing requirements.txt: regenerates the Dockerfile');
  });

  it('--json: a stable summary', () => {
    expect(createJsonSummary(createReport())).toEqual({
      command: 'create',
      dryRun: false,
      dir: '/work/shop',
      name: 'shop',
      python: '3.12',
      image: 'python:3.12-alpine3.24',
      app: 'web',
      port: 8080,
      addedRequirements: ['aiohttp'],
      files: [
        { path: '.dockerignore', action: 'unchanged', backup: null },
        { path: 'Dockerfile', action: 'overwrite', backup: 'Dockerfile.orig' },
        { path: 'README.md', action: 'create', backup: null },
      ],
      packages: [
        { name: 'cffi', status: 'compile', why: 'ships no musllinux wheel: pip builds it from source' },
        { name: 'cryptography', status: 'wheel', why: 'musllinux wheel for CPython 3.12 on x86_64 and aarch64' },
      ],
      apk: { build: ['build-base'], runtime: ['curl', 'libffi'] },
      warnings: ['a warning'],
      next: ['cd ./shop', 'docker build -t shop .', 'docker run --rm -p 8080:8080 shop', 'npx create-slim-python update'],
    });
  });
});

function change(path: string, action: FileChange['action'], extra: Partial<FileChange> = {}): FileChange {
  return { path, action, current: 'a\nb\n', base: 'a\n', next: 'a\nc\n', render: 'a\nc\n', conflicts: [], noBase: false, notes: [], ...extra };
}

function outcome(overrides: Partial<UpdateOutcome> = {}): UpdateOutcome {
  return {
    root: '/work/shop',
    changes: [change('Dockerfile', 'merge', { notes: ['kept the package tini you added'] }), change('.dockerignore', 'identical', { current: 'x\n', next: 'x\n' })],
    configBefore: '{"port":8080}\n',
    configAfter: '{"port":9000}\n',
    configChanged: true,
    apkChanges: ['added libmagic (runtime) because python-magic needs it at run time'],
    warnings: [],
    mode: 'write',
    resolutions: new Map(),
    backups: new Map(),
    yourFiles: [{ path: 'README.md', lines: [3, 7], text: 'says port 8080: change it to 9000' }],
    packagesRecord: '{}\n',
    ...overrides,
  };
}

describe('the update report', () => {
  it('one line per file, its notes, the config, the package changes, then the steps in your files', () => {
    expect(formatUpdateReport(outcome(), { diff: null })).toBe(
      [
        'Dockerfile: regenerated, your edits merged in',
        '  kept the package tini you added',
        '.dockerignore: up to date',
        'slim-python.json: updated',
        '  added libmagic (runtime) because python-magic needs it at run time',
        'Your files (update does not change them):',
        '  README.md lines 3, 7: says port 8080: change it to 9000',
        '',
      ].join('\n'),
    );
  });

  it('--check / --dry-run say "would be" and append the diffs of every change, the config last', () => {
    const text = formatUpdateReport(outcome({ mode: 'check', yourFiles: [] }), { diff: unifiedDiff });
    expect(text).toBe(
      [
        'Dockerfile: would be regenerated, your edits merged in',
        '  kept the package tini you added',
        '.dockerignore: up to date',
        'slim-python.json: would be updated',
        '  added libmagic (runtime) because python-magic needs it at run time',
        '--- a/Dockerfile',
        '+++ b/Dockerfile',
        '@@ -1,2 +1,2 @@',
        ' a',
        '-b',
        '+c',
        '--- a/slim-python.json',
        '+++ b/slim-python.json',
        '@@ -1,1 +1,1 @@', // jsdiff spells out the count of 1 (GNU diff omits it); both are valid
        '-{"port":8080}',
        '+{"port":9000}',
        '',
      ].join('\n'),
    );
  });

  it('conflicts: their resolution and backup, the lines left with markers, a missing merge base', () => {
    const changes = [
      change('Dockerfile', 'conflict', { conflicts: [{ start: 90, end: 96 }] }),
      change('.dockerignore', 'conflict', {
        conflicts: [
          { start: 1, end: 5 },
          { start: 9, end: 12 },
        ],
      }),
      change('README.md', 'conflict', { noBase: true }),
    ];
    const written = outcome({
      changes,
      configChanged: false,
      apkChanges: [],
      yourFiles: [],
      resolutions: new Map([
        ['Dockerfile', 'force'],
        ['.dockerignore', 'markers'],
        ['README.md', 'markers'],
      ]),
      backups: new Map([['Dockerfile', 'Dockerfile.2.orig']]),
    });
    expect(formatUpdateReport(written, { diff: null })).toBe(
      [
        'Dockerfile: conflict: took the new render where both changed, kept your other edits (yours saved as Dockerfile.2.orig)',
        '.dockerignore: conflict: conflict markers written',
        'README.md: conflict: no merge base stored, left unchanged',
        '',
      ].join('\n'),
    );
    // Before any resolution (--check): the lines, or the missing base.
    expect(formatUpdateReport({ ...written, mode: 'check', resolutions: new Map(), backups: new Map() }, { diff: null })).toBe(
      [
        'Dockerfile: would be conflict (lines 90-96)',
        '.dockerignore: would be conflict (lines 1-5, 9-12)',
        'README.md: would be conflict: no merge base stored, left unchanged',
        '',
      ].join('\n'),
    );
    expect(formatUpdateReport({ ...written, resolutions: new Map([['Dockerfile', 'keep']]), backups: new Map() }, { diff: null }).split('\n')[0]).toBe(
      'Dockerfile: conflict: kept your file unchanged',
    );
  });

  it('--json: a stable summary', () => {
    const written = outcome({
      changes: [change('Dockerfile', 'conflict', { conflicts: [{ start: 90, end: 96 }] }), change('.dockerignore', 'identical')],
      resolutions: new Map([['Dockerfile', 'force']]),
      backups: new Map([['Dockerfile', 'Dockerfile.orig']]),
      warnings: ['w'],
    });
    expect(updateJsonSummary(written)).toEqual({
      command: 'update',
      mode: 'write',
      root: '/work/shop',
      upToDate: false,
      files: [
        { path: 'Dockerfile', action: 'conflict', resolution: 'force', backup: 'Dockerfile.orig', conflicts: [{ start: 90, end: 96 }], noBase: false, notes: [] },
        { path: '.dockerignore', action: 'identical', resolution: null, backup: null, conflicts: [], noBase: false, notes: [] },
      ],
      config: 'update',
      changes: ['added libmagic (runtime) because python-magic needs it at run time'],
      yourFiles: [{ path: 'README.md', lines: [3, 7], text: 'says port 8080: change it to 9000' }],
      warnings: ['w'],
    });
    expect((updateJsonSummary(outcome({ changes: [change('Dockerfile', 'identical')], configChanged: false })) as { upToDate: boolean }).upToDate).toBe(true);
  });
});

describe('the init report', () => {
  const report: InitReport = {
    config: { ...CONFIG, version: 2, name: 'api', port: 8000, cmd: ['gunicorn', '--bind', '0.0.0.0:8000', 'api:app'], health: '/healthz', buildDeps: { add: [], remove: [] } },
    files: [
      { path: 'Dockerfile', content: '', managed: true, action: 'replace', backup: 'Dockerfile.orig' },
      { path: '.dockerignore', content: '', managed: true, action: 'create', backup: null },
    ],
    dryRun: false,
    dir: '/work/api',
    shownDir: '.',
    detected: ['requirements.txt: the dependencies (the only requirements file)'],
    notes: ['no .python-version: took 3.12 from requires-python'],
    decisions: { ...DECISIONS, apk: { build: [], runtime: [] } },
  };

  it('what was detected, each file written, the decisions, the next steps', () => {
    expect(formatInitReport(report)).toBe(
      [
        'Set up api in .',
        '  CPython 3.12 (python:3.12-alpine3.24)',
        '  CMD ["gunicorn", "--bind", "0.0.0.0:8000", "api:app"], port 8000, HEALTHCHECK /healthz',
        '',
        'Detected:',
        '  requirements.txt: the dependencies (the only requirements file)',
        '  note: no .python-version: took 3.12 from requires-python',
        '',
        '  replace   Dockerfile (yours kept as Dockerfile.orig)',
        '  create    .dockerignore',
        '  (no other file is created, changed or deleted)',
        '',
        'Requirements on Alpine:',
        '  cffi                     compile  ships no musllinux wheel: pip builds it from source',
        '  cryptography             wheel    musllinux wheel for CPython 3.12 on x86_64 and aarch64',
        'Build stage: no compiler needed (every requirement installs from a wheel)',
        '',
        'Next steps:',
        '  docker build -t api .',
        '  docker run --rm -p 8000:8000 api',
        '  npx create-slim-python update   # after changing dependencies or settings',
        '',
      ].join('\n'),
    );
  });

  it('--json: a stable summary', () => {
    expect(initJsonSummary({ ...report, dryRun: true })).toEqual({
      command: 'init',
      dryRun: true,
      dir: '/work/api',
      name: 'api',
      python: '3.12',
      image: 'python:3.12-alpine3.24',
      requirements: 'requirements.txt',
      code: undefined,
      cmd: ['gunicorn', '--bind', '0.0.0.0:8000', 'api:app'],
      port: 8000,
      health: '/healthz',
      detected: ['requirements.txt: the dependencies (the only requirements file)'],
      notes: ['no .python-version: took 3.12 from requires-python'],
      files: [
        { path: 'Dockerfile', action: 'replace', backup: 'Dockerfile.orig' },
        { path: '.dockerignore', action: 'create', backup: null },
      ],
      packages: [
        { name: 'cffi', status: 'compile', why: 'ships no musllinux wheel: pip builds it from source' },
        { name: 'cryptography', status: 'wheel', why: 'musllinux wheel for CPython 3.12 on x86_64 and aarch64' },
      ],
      apk: { build: [], runtime: ['curl'] },
      warnings: ['a warning'],
      next: ['docker build -t api .', 'docker run --rm -p 8000:8000 api'],
    });
  });
});

describe('the verify report', () => {
  const base: VerifyOutcome = {
    engine: { name: 'Docker', version: '27.3.1', clientVersion: '27.3.1' },
    checks: [
      { id: 'build', status: 'pass', detail: 'built in 41 s' },
      { id: 'size', status: 'pass', detail: '52.3 MB (engine)' },
      { id: 'user', status: 'pass', detail: 'USER 10001' },
      { id: 'healthcheck', status: 'n/a', detail: 'no HEALTHCHECK (a cli app)' },
    ],
    image: { id: 'sha256:abc', size: 52_300_000, user: '10001', exposedPorts: [], env: [], hasHealthcheck: false, healthcheck: null } as unknown as VerifyOutcome['image'],
    contentBytes: 50_100_000,
    tag: 'csp-verify-shop:1',
    cleanup: { removed: [{ kind: 'image', ref: 'csp-verify-shop:1' }], kept: [], failed: [] },
    cancelled: false,
  };

  it('a row per check, what was removed, and the verdict over the checks that apply', () => {
    expect(formatVerify('shop', base)).toBe(
      [
        'verify shop with Docker 27.3.1, 52.3 MB',
        '',
        '  ok    builds with BuildKit         built in 41 s',
        '  ok    image size                   52.3 MB (engine)',
        '  ok    runs as a non-root user      USER 10001',
        '  n/a   HEALTHCHECK reports healthy  no HEALTHCHECK (a cli app)',
        '',
        'removed image csp-verify-shop:1',
        'proven: all 3 checks that apply passed',
        '',
      ].join('\n'),
    );
  });

  it('names what failed or was skipped, a kept image, and what could not be removed', () => {
    const outcome: VerifyOutcome = {
      ...base,
      checks: [
        { id: 'build', status: 'pass', detail: 'built' },
        { id: 'pip', status: 'fail', detail: 'pip found at /opt/venv/bin/pip' },
        { id: 'app', status: 'skip', detail: 'the probe could not run' },
      ],
      cleanup: {
        removed: [{ kind: 'container', ref: 'csp-probe-1' }],
        kept: [{ kind: 'image', ref: 'csp-verify-shop:1' }],
        failed: [{ resource: { kind: 'container', ref: 'csp-app-1' }, command: 'docker rm -f csp-app-1', reason: 'timed out' }],
      },
    };
    expect(formatVerify('shop', outcome).split('\n').slice(2)).toEqual([
      '  ok    builds with BuildKit  built',
      '  FAIL  no pip or ensurepip   pip found at /opt/venv/bin/pip',
      '  skip  app starts            the probe could not run',
      '',
      'removed container csp-probe-1',
      'kept image csp-verify-shop:1 (--keep-image): docker run --rm csp-verify-shop:1',
      'could not remove container csp-app-1 (timed out): run docker rm -f csp-app-1',
      'not proven: pip, app',
      '',
    ]);
    expect(buildVerifyDocument('shop', outcome)).toEqual({
      project: 'shop',
      proven: false,
      engine: { name: 'Docker', version: '27.3.1' },
      image: { id: 'sha256:abc', tag: 'csp-verify-shop:1', size: 52_300_000, contentSize: 50_100_000, user: '10001', healthcheck: false, kept: true },
      checks: [
        { id: 'build', label: 'builds with BuildKit', status: 'pass', detail: 'built' },
        { id: 'pip', label: 'no pip or ensurepip', status: 'fail', detail: 'pip found at /opt/venv/bin/pip' },
        { id: 'app', label: 'app starts', status: 'skip', detail: 'the probe could not run' },
      ],
      cleanup: {
        removed: [{ kind: 'container', ref: 'csp-probe-1' }],
        kept: [{ kind: 'image', ref: 'csp-verify-shop:1' }],
        failed: [{ kind: 'container', ref: 'csp-app-1', command: 'docker rm -f csp-app-1', reason: 'timed out' }],
      },
    });
  });
});
