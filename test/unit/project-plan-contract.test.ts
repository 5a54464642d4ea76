/**
 * The new-project plan, requirement intake and apk list arithmetic, exactly (written against
 * Stryker's survivors in src/plan/ and src/project/requirements.ts, whose other tests are e2e
 * runs of the bundle, which Stryker cannot mutate). Expectations are literal.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../src/project/config.ts';
import { adjustmentsFor, currentList, resolveApkList, toAdjustments } from '../../src/plan/apk-sets.ts';
import { planManagedFiles, planNewProject } from '../../src/plan/project-files.ts';
import { importRequirementsFile, readProjectRequirements, requirementsFromLines } from '../../src/project/requirements.ts';
import { inputErrorOf } from '../support/errors.ts';
import { projectConfig, NO_DECISIONS } from '../support/project-config.ts';

const NONE = NO_DECISIONS;
const CONFIG: ProjectConfig = projectConfig();

describe('planNewProject', () => {
  it('plans every file, sorted by path, only Dockerfile and .dockerignore managed', () => {
    const files = planNewProject(CONFIG, 'aiohttp\n', NONE);
    expect(files.map((file) => [file.path, file.managed])).toEqual([
      ['.dockerignore', true],
      ['.gitignore', false],
      ['.slim-python/generated/.dockerignore', false],
      ['.slim-python/generated/Dockerfile', false],
      ['.slim-python/generated/packages.json', false],
      ['Dockerfile', true],
      ['README.md', false],
      ['my_app/__init__.py', false],
      ['my_app/__main__.py', false],
      ['requirements.txt', false],
      ['slim-python.json', false],
    ]);
    const byPath = Object.fromEntries(files.map((file) => [file.path, file.content]));
    expect(byPath['requirements.txt']).toBe('aiohttp\n');
    expect(byPath['.slim-python/generated/Dockerfile']).toBe(byPath.Dockerfile);
    expect(byPath['.slim-python/generated/.dockerignore']).toBe(byPath['.dockerignore']);
    expect(JSON.parse(byPath['slim-python.json']!)).toEqual(CONFIG);
    expect(byPath['my_app/__main__.py']).not.toBe('');
    expect(byPath.Dockerfile).not.toMatch(/^EXPOSE/m);
    expect(byPath.Dockerfile!.match(/^COPY .*$/gm)).toEqual([
      'COPY requirements.txt /tmp/requirements/requirements.txt',
      'COPY --from=build /opt/python /usr/local',
      'COPY --from=build /opt/venv /opt/venv',
      'COPY --chmod=u=rwX,go=rX my_app/ ./my_app/',
    ]);
    expect(byPath['README.md']).toMatch(/^A command-line program with a slim multi-stage Alpine Docker image,$/m);
    expect(byPath['README.md']).not.toContain('docker run --rm -p');
  });

  it('a web app gets app.py, EXPOSE and its port; the requirements file keeps its configured name', () => {
    const web = { ...CONFIG, app: 'web' as const, port: 9000, requirements: 'reqs/prod.txt' };
    const files = planNewProject(web, 'aiohttp\n', NONE);
    expect(files.map((file) => file.path)).toEqual([
      '.dockerignore',
      '.gitignore',
      '.slim-python/generated/.dockerignore',
      '.slim-python/generated/Dockerfile',
      '.slim-python/generated/packages.json',
      'Dockerfile',
      'README.md',
      'my_app/__init__.py',
      'my_app/__main__.py',
      'my_app/app.py',
      'reqs/prod.txt',
      'slim-python.json',
    ]);
    const byPath = Object.fromEntries(files.map((file) => [file.path, file.content]));
    expect(byPath.Dockerfile).toMatch(/^EXPOSE 9000$/m);
    expect(byPath['my_app/__main__.py']).toContain('port = int(os.environ.get("PORT", "9000"))');
    expect(byPath['my_app/app.py']).toContain('from aiohttp import web');
    expect(byPath['README.md']).toContain('docker run --rm -p 9000:9000 my-app');
    expect(byPath['README.md']).toMatch(/^An aiohttp web service with a slim multi-stage Alpine Docker image,$/m);
  });

  it('refuses an unknown runtime (an internal error: configs are validated before)', () => {
    expect(() => planManagedFiles({ ...CONFIG, python: '2.7' }, NONE, [])).toThrow('unsupported runtime 2.7');
  });
});

describe('requirementsFromLines', () => {
  it('trims each line and writes one per line', () => {
    expect(requirementsFromLines(['  aiohttp ', 'psycopg2>=2.9']).text).toBe('aiohttp\npsycopg2>=2.9\n');
    expect(requirementsFromLines([]).text).toBe('');
    const parsed = requirementsFromLines(['aiohttp', ' psycopg2 ']).requirements;
    expect(parsed.map((r) => [r.file, r.line, r.name, r.text])).toEqual([
      ['--requirement', 1, 'aiohttp', 'aiohttp'],
      ['--requirement', 2, 'psycopg2', 'psycopg2'],
    ]);
  });

  it('refuses line breaks, empty lines and options, naming the flag and its position', () => {
    expect(() => requirementsFromLines(['ok', 'a\rb'])).toThrow('--requirement #2 contains a line break; pass one requirement per --requirement');
    expect(() => requirementsFromLines([' '], '-r')).toThrow('-r #1 (" ") is not a PEP 508 requirement; write it like "cryptography>=42"');
    expect(() => requirementsFromLines(['ok', '-e .'])).toThrow(
      '--requirement #2 ("-e .") is a pip option line, not a requirement: put it in a requirements file and pass --requirements-file FILE',
    );
    expect(inputErrorOf((text) => requirementsFromLines(['ok', text]), 'foo==').message).toBe(
      '--requirement:2: Invalid requirement "foo==": Expected semicolon (after name with no version specifier) or end (at character 4)',
    );
  });
});

describe('reading requirement files', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'csp-reqs-'));

  it('imports a file byte for byte, refusing includes and naming a missing file', async () => {
    const root = dir();
    writeFileSync(join(root, 'r.txt'), '# x\r\naiohttp\r\n');
    const imported = await importRequirementsFile(join(root, 'r.txt'), {});
    expect(imported.text).toBe('# x\r\naiohttp\r\n');
    expect(imported.requirements.map((r) => r.name)).toEqual(['aiohttp']);
    writeFileSync(join(root, 'inc.txt'), 'aiohttp\n-r other.txt\n');
    await expect(importRequirementsFile(join(root, 'inc.txt'), {})).rejects.toThrow(
      `${join(root, 'inc.txt')}:2: includes other.txt; merge it into one file, or pass each requirement with --requirement`,
    );
    await expect(importRequirementsFile(join(root, 'missing.txt'), {})).rejects.toThrow(`cannot read --requirements-file ${join(root, 'missing.txt')}: no such file`);
    await expect(importRequirementsFile(root, {})).rejects.toThrow(`--requirements-file ${root} is a directory, not a regular file: pass a regular file`);
  });

  it('a project reads its includes (not itself) and pyproject.toml dependencies', async () => {
    const root = dir();
    mkdirSync(join(root, 'reqs'));
    writeFileSync(join(root, 'reqs/base.txt'), 'psycopg2\n');
    writeFileSync(join(root, 'requirements.txt'), '-r reqs/base.txt\naiohttp\n');
    const read = await readProjectRequirements(root, 'requirements.txt', {});
    expect(read.includes).toEqual(['reqs/base.txt']);
    expect(read.all.map((r) => [r.file, r.name])).toEqual([
      ['reqs/base.txt', 'psycopg2'],
      ['requirements.txt', 'aiohttp'],
    ]);
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "x"\ndependencies = ["aiohttp>=3"]\n');
    const pyproject = await readProjectRequirements(root, 'pyproject.toml', {});
    expect(pyproject).toEqual({
      all: [expect.objectContaining({ file: 'pyproject.toml', line: 3, name: 'aiohttp', specifiers: ['>=3'] })],
      includes: [],
      formats: { noBinary: new Map(), onlyBinary: new Map() },
    });
    await expect(readProjectRequirements(root, 'sub/pyproject.toml', {})).rejects.toThrow(`cannot read ${join(root, 'sub/pyproject.toml')}: no such file`);
  });
});

describe('apk lists', () => {
  const inferred = [
    { name: 'libpq-dev', for: ['psycopg2'] },
    { name: 'build-base', for: ['lxml', 'psycopg2'] },
  ];
  it('resolves the inferred list with your additions and removals, sorted, each with its reason', () => {
    expect(resolveApkList(inferred, { add: ['zlib-dev', 'libpq-dev'], remove: ['build-base'] }, 'compiling')).toEqual([
      { name: 'libpq-dev', reason: 'compiling psycopg2', for: ['psycopg2'], by: 'decisions' },
      { name: 'zlib-dev', reason: 'added by you (slim-python.json)', for: [], by: 'you' },
    ]);
  });
  it('turns flag entries into a delta against the inferred list', () => {
    const names = ['build-base', 'libpq-dev'];
    expect(
      toAdjustments(names, [
        { op: 'add', name: 'zlib-dev' },
        { op: 'remove', name: 'libpq-dev' },
      ]),
    ).toEqual({ add: ['zlib-dev'], remove: ['libpq-dev'] });
    expect(
      toAdjustments(names, [
        { op: 'set', name: 'zlib-dev' },
        { op: 'set', name: 'build-base' },
      ]),
    ).toEqual({ add: ['zlib-dev'], remove: ['libpq-dev'] });
    expect(toAdjustments(names, [{ op: 'add', name: 'cargo' }], { add: ['zlib-dev'], remove: ['build-base'] })).toEqual({ add: ['cargo', 'zlib-dev'], remove: ['build-base'] });
    expect(
      toAdjustments(
        names,
        [
          { op: 'add', name: 'b' },
          { op: 'set', name: 'a' },
        ],
        { add: ['zlib-dev'], remove: [] },
      ),
    ).toEqual({ add: ['a', 'b'], remove: ['build-base', 'libpq-dev'] });
    expect(adjustmentsFor(['b', 'a'], ['d', 'c', 'b'])).toEqual({ add: ['c', 'd'], remove: ['a'] });
    expect(currentList(['b', 'a', 'c'], { add: ['e', 'd'], remove: ['c'] })).toEqual(['a', 'b', 'd', 'e']);
  });
});
