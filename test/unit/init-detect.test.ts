/** Detection over scanned projects: the fixtures, and small synthetic trees for the edge cases. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { detectCommands, portInArgv } from '../../src/commands/init/detect-command.ts';
import { detectDependencies, projectRelative } from '../../src/commands/init/detect-dependencies.ts';
import { detectPython } from '../../src/commands/init/detect-python.ts';
import { readPyprojectInfo } from '../../src/commands/init/pyproject-info.ts';
import { scanProject } from '../../src/commands/init/scan-project.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/init/', import.meta.url));
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary project with the given files (path -> text). */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'csp-detect-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function detect(root: string, required: string[], installed = false) {
  const snapshot = await scanProject(root);
  const text = snapshot.texts.get('pyproject.toml');
  const pyproject = text === undefined ? null : readPyprojectInfo(text, 'pyproject.toml');
  return { snapshot, pyproject, commands: detectCommands(snapshot, pyproject, new Set(required), installed) };
}

describe('what to run', () => {
  it.each([
    ['flask-gunicorn', ['flask', 'gunicorn'], false, ['gunicorn', 'myservice.app:app'], 8000],
    ['fastapi-pkg', ['fastapi', 'uvicorn'], true, ['uvicorn', 'fastapi_svc.main:app', '--host', '0.0.0.0', '--port', '8000'], 8000],
    ['django-site', ['django', 'gunicorn'], false, ['gunicorn', 'mysite.wsgi'], 8000],
    ['scripts-pkg', [], true, ['hello'], null],
  ])('%s', async (name, required, installed, argv, port) => {
    const { commands } = await detect(join(FIXTURES, name), required, installed);
    expect(commands.proposals[0]).toMatchObject({ argv, defaultPort: port });
    expect(commands.proposals[0]!.reason).not.toBe('');
  });

  it('says why a server app is not proposed when its server is not required', async () => {
    const { commands } = await detect(join(FIXTURES, 'flask-gunicorn'), ['flask']);
    expect(commands.proposals).toEqual([]);
    expect(commands.hints).toEqual(['myservice/app.py creates a Flask app, but gunicorn is not in the requirements: add it, or pass --cmd']);
    const django = await detect(join(FIXTURES, 'django-site'), ['django']);
    expect(django.commands.hints[0]).toMatch(/Django project, but gunicorn is not in the requirements/);
  });

  it('finds a Flask factory, an aiohttp run_app module and a __main__ package, servers first', async () => {
    const root = project({
      'web/__init__.py': 'from flask import Flask\n\ndef create_app():\n    return Flask(__name__)\n',
      'tool/__init__.py': '',
      'tool/__main__.py': 'print("hi")\n',
      'server.py': 'from aiohttp import web\napp = web.Application()\nif __name__ == "__main__":\n    web.run_app(app)\n',
    });
    const { commands } = await detect(root, ['flask', 'gunicorn', 'aiohttp']);
    expect(commands.proposals.map((proposal) => proposal.argv)).toEqual([
      ['python', '-m', 'server'],
      ['gunicorn', 'web:create_app()'],
      ['python', '-m', 'tool'],
    ]);
  });

  it('proposes a src/ layout app only when the project is installed', async () => {
    const root = project({ 'src/svc/__init__.py': '', 'src/svc/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n' });
    expect((await detect(root, ['fastapi', 'uvicorn'], true)).commands.proposals[0]?.argv.slice(0, 2)).toEqual(['uvicorn', 'svc.main:app']);
    expect((await detect(root, ['fastapi', 'uvicorn'], false)).commands.proposals).toEqual([]);
  });

  it('skips console scripts of a project that is not installed, and says so', async () => {
    const { commands } = await detect(join(FIXTURES, 'scripts-pkg'), [], false);
    expect(commands.proposals).toEqual([]);
    expect(commands.hints[0]).toMatch(/--install-project/);
  });

  it('reads the port a command binds', () => {
    expect(portInArgv(['uvicorn', 'a:app', '--port', '9000'])).toBe(9000);
    expect(portInArgv(['gunicorn', '-b', '0.0.0.0:8001', 'a:app'])).toBe(8001);
    expect(portInArgv(['gunicorn', '--bind=[::]:8002', 'a:app'])).toBe(8002);
    expect(portInArgv(['gunicorn', 'a:app'])).toBeNull();
  });
});

describe('where the dependencies are', () => {
  it('prefers requirements.txt, then pyproject [project], then the one non-dev requirements file', async () => {
    const both = project({ 'requirements.txt': 'flask\n', 'pyproject.toml': '[project]\nname = "x"\nversion = "1"\ndependencies = ["flask"]\n' });
    const snap = await scanProject(both);
    const info = readPyprojectInfo(snap.texts.get('pyproject.toml')!, 'pyproject.toml');
    expect(detectDependencies(snap, info, {}).chosen?.file).toBe('requirements.txt');
    expect(detectDependencies(snap, info, { pyproject: true }).chosen).toEqual({ file: 'pyproject.toml', reason: 'as --pyproject says' });
    const only = await scanProject(project({ 'requirements-dev.txt': 'pytest\n', 'requirements/prod.txt': 'flask\n', 'requirements/test.txt': 'pytest\n' }));
    expect(detectDependencies(only, null, {}).chosen?.file).toBe('requirements/prod.txt');
    const two = await scanProject(project({ 'requirements-api.txt': 'a\n', 'requirements-worker.txt': 'b\n' }));
    expect(detectDependencies(two, null, {})).toMatchObject({ chosen: null, candidates: ['requirements-api.txt', 'requirements-worker.txt'] });
  });

  it('finds lock files, and names Poetry tables it does not read', async () => {
    const snap = await scanProject(
      project({ 'uv.lock': 'version = 1\n', 'poetry.lock': '', 'pylock.toml': '', 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.12"\n', 'requirements.txt': '' }),
    );
    const info = readPyprojectInfo(snap.texts.get('pyproject.toml')!, 'pyproject.toml');
    const found = detectDependencies(snap, info, {});
    expect(found.locks).toEqual(['poetry.lock', 'pylock.toml', 'uv.lock']);
    expect(found.notes).toEqual([expect.stringMatching(/\[tool\.poetry\.dependencies\], which is not read/)]);
  });

  it('chooses a uv.lock beside a [project] table, else a pylock.toml, before requirements.txt', async () => {
    const uvProject = await scanProject(project({ 'uv.lock': 'version = 1\n', 'pyproject.toml': '[project]\nname = "a"\n', 'requirements.txt': 'flask\n' }));
    const uvInfo = readPyprojectInfo(uvProject.texts.get('pyproject.toml')!, 'pyproject.toml');
    expect(detectDependencies(uvProject, uvInfo, {}).chosen).toEqual({
      file: 'uv.lock',
      reason: 'uv.lock found beside pyproject.toml: uv sync --frozen installs exactly its pins',
    });
    expect(detectDependencies(uvProject, uvInfo, { requirementsFile: 'requirements.txt' }).chosen?.file).toBe('requirements.txt');
    expect(detectDependencies(uvProject, uvInfo, { pyproject: true }).chosen?.file).toBe('pyproject.toml');
    // uv sync needs the [project] table: a bare uv.lock is only described.
    const bare = await scanProject(project({ 'uv.lock': 'version = 1\n', 'requirements.txt': 'flask\n' }));
    expect(detectDependencies(bare, null, {}).chosen?.file).toBe('requirements.txt');
    const pylock = await scanProject(project({ 'pylock.toml': 'lock-version = "1.0"\n', 'poetry.lock': '', 'requirements.txt': 'flask\n' }));
    expect(detectDependencies(pylock, null, {}).chosen).toEqual({ file: 'pylock.toml', reason: 'pylock.toml found: uv pip install installs exactly its pins' });
    const poetry = await scanProject(project({ 'poetry.lock': '', 'requirements.txt': 'flask\n' }));
    expect(detectDependencies(poetry, null, {}).chosen?.file).toBe('requirements.txt');
  });

  it('keeps --requirements-file inside the project', () => {
    expect(projectRelative('./reqs/prod.txt', '--requirements-file')).toBe('reqs/prod.txt');
    expect(() => projectRelative('../other/requirements.txt', '--requirements-file')).toThrow(/inside the project/);
    expect(() => projectRelative('/etc/requirements.txt', '--requirements-file')).toThrow(/inside the project/);
    expect(() => projectRelative('my reqs.txt', '--requirements-file')).toThrow(/plain relative path/);
  });
});

describe('which Python', () => {
  it.each([
    ['3.12\n', null, '3.12'],
    ['3.11.9', '>=3.12', '3.11'],
    [undefined, '>=3.10', '3.14'],
    [undefined, '>=3.10,<3.13', '3.12'],
    [undefined, '>=4', null],
    ['pypy3.10', null, null],
  ])('.python-version %j, requires-python %j -> %j', (file, requires, id) => {
    expect(detectPython(file, requires)?.id ?? null).toBe(id);
  });
});
