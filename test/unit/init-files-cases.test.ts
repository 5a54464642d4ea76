/**
 * init's pure plan in-process (src/plan/init-files.ts, until now reached only by e2e runs of the
 * bundle): the paths init owns, create or replace with the backup inspect-own-files chose, and the
 * refusals (README "Existing project: `init`": an existing file of its own is exit 3 naming it,
 * `--force` replaces it keeping a `.orig` backup; a symlink or folder in the way is refused even
 * with --force). Expectations are literal; templates are a stub renderer so the contents are known.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/errors.ts';
import type { ProjectConfig } from '../../src/project/config.ts';
import { initPaths, planInitFiles, type OwnPathState } from '../../src/plan/init-files.ts';
import { INIT_OUTPUTS } from '../support/init-fixtures.ts';
import { projectConfig, NO_DECISIONS } from '../support/project-config.ts';
import { messageOf } from '../support/errors.ts';

const NONE = NO_DECISIONS;
const CONFIG: ProjectConfig = projectConfig();
const render = (template: string) => `from ${template}\n`;

const file = (backup: string): OwnPathState => ({ kind: 'file', backup });
const plan = (existing: Record<string, OwnPathState>, force = false) => planInitFiles(CONFIG, NONE, [], new Map(Object.entries(existing)), force, render);
/** The message of the ConflictError the plan throws (fails the test if it throws none or another). */
function refusal(existing: Record<string, OwnPathState>, force = false): string {
  return messageOf(() => plan(existing, force), ConflictError);
}

describe('initPaths', () => {
  it('the managed files, their merge bases, the packages record and the config, sorted', () => {
    expect(initPaths()).toEqual(INIT_OUTPUTS);
  });
});

describe('planInitFiles', () => {
  it('nothing there: every file created, sorted by path, only Dockerfile and .dockerignore managed', () => {
    const files = plan({});
    expect(files.map((f) => [f.path, f.managed, f.action, f.backup])).toEqual([
      ['.dockerignore', true, 'create', null],
      ['.slim-python/generated/.dockerignore', false, 'create', null],
      ['.slim-python/generated/Dockerfile', false, 'create', null],
      ['.slim-python/generated/packages.json', false, 'create', null],
      ['Dockerfile', true, 'create', null],
      ['slim-python.json', false, 'create', null],
    ]);
    expect(files[0]!.content).toBe('from dockerignore.hbs\n');
    expect(files[1]!.content).toBe('from dockerignore.hbs\n');
    expect(files[2]!.content).toBe('from Dockerfile.hbs\n');
    expect(files[4]!.content).toBe('from Dockerfile.hbs\n');
    expect(files[5]!.content).toBe(
      [
        '{',
        '  "version": 1,',
        '  "generator": "0.1.0",',
        '  "name": "my-app",',
        '  "python": "3.12",',
        '  "arches": [',
        '    "aarch64",',
        '    "x86_64"',
        '  ],',
        '  "app": "cli",',
        '  "port": null,',
        '  "requirements": "requirements.txt",',
        '  "buildDeps": {',
        '    "add": [],',
        '    "remove": []',
        '  },',
        '  "runtimeLibs": {',
        '    "add": [],',
        '    "remove": []',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('paths that are not its own are ignored', () => {
    expect(plan({ 'README.md': file('README.md.orig'), 'my_app/__main__.py': { kind: 'dir', backup: 'x' } }).map((f) => f.action)).toEqual([
      'create',
      'create',
      'create',
      'create',
      'create',
      'create',
    ]);
  });

  it('one existing file without --force: refused, naming it ("it")', () => {
    expect(refusal({ Dockerfile: file('Dockerfile.orig') })).toBe('refusing to overwrite Dockerfile: move it away, or pass --force to keep it as a .orig backup');
  });

  it('several existing files without --force: refused, naming them sorted ("them", "each")', () => {
    expect(
      refusal({
        Dockerfile: file('Dockerfile.orig'),
        '.slim-python/generated/Dockerfile': file('.slim-python/generated/Dockerfile.orig'),
        '.dockerignore': file('.dockerignore.1.orig'),
      }),
    ).toBe('refusing to overwrite .dockerignore, .slim-python/generated/Dockerfile, Dockerfile: move them away, or pass --force to keep each as a .orig backup');
  });

  it('an existing slim-python.json: the project is set up already, run update instead', () => {
    expect(refusal({ 'slim-python.json': file('slim-python.json.orig') })).toBe(
      'refusing to overwrite slim-python.json (slim-python.json exists: this project is set up already; run "create-slim-python update" instead): move it away, or pass --force to keep it as a .orig backup',
    );
  });

  it('--force: existing files are replaced with the backup name chosen for them, the others created', () => {
    const files = plan({ Dockerfile: file('Dockerfile.2.orig'), 'slim-python.json': file('slim-python.json.orig') }, true);
    expect(files.map((f) => [f.path, f.action, f.backup])).toEqual([
      ['.dockerignore', 'create', null],
      ['.slim-python/generated/.dockerignore', 'create', null],
      ['.slim-python/generated/Dockerfile', 'create', null],
      ['.slim-python/generated/packages.json', 'create', null],
      ['Dockerfile', 'replace', 'Dockerfile.2.orig'],
      ['slim-python.json', 'replace', 'slim-python.json.orig'],
    ]);
  });

  it('a symlink at one of its paths is refused, with or without --force', () => {
    const message = 'Dockerfile is a symlink; refusing to write through it: replace it with a regular file or remove it';
    expect(refusal({ Dockerfile: { kind: 'symlink', backup: 'Dockerfile.orig' } }, true)).toBe(message);
    expect(refusal({ Dockerfile: { kind: 'symlink', backup: 'Dockerfile.orig' }, '.dockerignore': file('.dockerignore.orig') })).toBe(message);
  });

  it('of two symlinks, the first by path is named', () => {
    const link: OwnPathState = { kind: 'symlink', backup: 'unused' };
    expect(refusal({ Dockerfile: link, '.dockerignore': link }, true)).toBe(
      '.dockerignore is a symlink; refusing to write through it: replace it with a regular file or remove it',
    );
  });

  it('a folder or anything else that is not a file is refused, with or without --force', () => {
    expect(refusal({ '.slim-python/generated/Dockerfile': { kind: 'dir', backup: 'unused' } }, true)).toBe(
      '.slim-python/generated/Dockerfile exists and is not a file; move it away first',
    );
    expect(refusal({ 'slim-python.json': { kind: 'other', backup: 'unused' } })).toBe('slim-python.json exists and is not a file; move it away first');
  });
});
