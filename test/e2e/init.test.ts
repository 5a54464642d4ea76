/**
 * End-to-end init on existing projects (test/fixtures/init/), through the built CLI with stdin
 * 'ignore': exit codes, the CMD argv, every pre-existing file byte-identical afterwards, and
 * update --check / explain working on the result.
 */
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { cmdOf, copyFixture, fileRecord, INIT_OUTPUTS } from '../support/init-fixtures.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dirname(dir), { recursive: true, force: true });
});

function fixture(name: string): string {
  const root = copyFixture(name);
  made.push(root);
  return root;
}

const CASES = [
  { name: 'flask-gunicorn', args: [], cmd: ['gunicorn', 'myservice.app:app'], port: 8000, python: '3.12', code: 'context' },
  { name: 'fastapi-pkg', args: [], cmd: ['uvicorn', 'fastapi_svc.main:app', '--host', '0.0.0.0', '--port', '8000'], port: 8000, python: '3.14', code: 'installed' },
  { name: 'django-site', args: ['--python', '3.13'], cmd: ['gunicorn', 'mysite.wsgi'], port: 8000, python: '3.13', code: 'context' },
  { name: 'scripts-pkg', args: [], cmd: ['hello'], port: null, python: '3.14', code: 'installed' },
];

describe('init --yes on existing projects', () => {
  it.for(CASES)('$name: exit 0, expected CMD, only its own files, update --check clean', async ({ name, args, cmd, port, python, code }) => {
    const root = fixture(name);
    const before = fileRecord(root);
    const result = await runCli(['init', root, '--yes', ...args]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const after = fileRecord(root);
    for (const [path, bytes] of before) expect(after.get(path), `${path} changed`).toBe(bytes);
    expect([...after.keys()].filter((path) => !before.has(path)).sort()).toEqual(INIT_OUTPUTS);
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(cmdOf(dockerfile)).toEqual(cmd);
    expect(readFileSync(join(root, '.slim-python/generated/Dockerfile'), 'utf8')).toBe(dockerfile);
    const config = JSON.parse(readFileSync(join(root, 'slim-python.json'), 'utf8'));
    expect(config).toMatchObject({ version: 2, python, port, code, cmd });
    if (port === null) expect(dockerfile).not.toMatch(/^EXPOSE/m);
    else expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${port}$`, 'm'));
    expect(dockerfile).not.toMatch(/^HEALTHCHECK/m);
    if (code === 'installed') expect(dockerfile).toMatch(/^COPY \. \/tmp\/src$/m);
    else expect(dockerfile).toMatch(/^COPY --chmod=u=rwX,go=rX \. \.$/m);
    expect(result.stdout).toContain('Detected:');

    const check = await runCli(['update', root, '--check']);
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
    const explain = await runCli(['explain', root, '--json']);
    expect(explain.exitCode, explain.stderr).toBe(0);
    expect(JSON.parse(explain.stdout)).toBeTypeOf('object');
  });

  it('keeps tests, VCS data, venvs and secrets out of the build context', async () => {
    const root = fixture('flask-gunicorn');
    expect((await runCli(['init', root, '--yes'])).exitCode).toBe(0);
    const ignore = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['.git/', '.venv/', 'venv/', '**/__pycache__/', 'tests/', '.env', '.env.*', '*.pem', '.slim-python/', 'Dockerfile*']));
  });

  it('--cmd, --port and --health: the argv as given, EXPOSE, ENV PORT and a HEALTHCHECK', async () => {
    const root = fixture('flask-gunicorn');
    const result = await runCli(['init', root, '--yes', '--cmd', 'gunicorn --workers 2 "myservice.app:app"', '--port', '9000', '--health', '/health']);
    expect(result.exitCode, result.stderr).toBe(0);
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(cmdOf(dockerfile)).toEqual(['gunicorn', '--workers', '2', 'myservice.app:app']);
    expect(dockerfile).toMatch(/^EXPOSE 9000$/m);
    expect(dockerfile).toMatch(/^ {4}PORT=9000$/m);
    expect(dockerfile).toMatch(/^ {4}CMD \["wget", "-q", "-T", "4", "-O", "\/dev\/null", "http:\/\/127\.0\.0\.1:9000\/health"\]$/m);
    expect((await runCli(['update', root, '--check'])).exitCode).toBe(0);
  });

  it('--port moves a detected uvicorn command to that port', async () => {
    const root = fixture('fastapi-pkg');
    expect((await runCli(['init', root, '--yes', '--port', '8123'])).exitCode).toBe(0);
    expect(cmdOf(readFileSync(join(root, 'Dockerfile'), 'utf8'))).toEqual(['uvicorn', 'fastapi_svc.main:app', '--host', '0.0.0.0', '--port', '8123']);
  });

  it('update after init: --port moves ENV PORT, EXPOSE, the HEALTHCHECK and a uvicorn --port together', async () => {
    const root = fixture('fastapi-pkg');
    expect((await runCli(['init', root, '--yes', '--health', '/health'])).exitCode).toBe(0);
    const updated = await runCli(['update', root, '--port', '9001']);
    expect(updated.exitCode, updated.stderr).toBe(0);
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(cmdOf(dockerfile)).toEqual(['uvicorn', 'fastapi_svc.main:app', '--host', '0.0.0.0', '--port', '9001']);
    expect(dockerfile).toMatch(/^EXPOSE 9001$/m);
    expect(dockerfile).toContain('"http://127.0.0.1:9001/health"');
    expect((await runCli(['update', root, '--check'])).exitCode).toBe(0);
  });

  it('update after init follows a new requirement (psycopg2 compiles), touching only its own files', async () => {
    const root = fixture('flask-gunicorn');
    expect((await runCli(['init', root, '--yes'])).exitCode).toBe(0);
    writeFileSync(join(root, 'requirements.txt'), 'flask>=3\ngunicorn>=22\npsycopg2\n');
    const before = fileRecord(root);
    const check = await runCli(['update', root, '--check']);
    expect(check.exitCode).toBe(1);
    expect(fileRecord(root)).toEqual(before);
    const updated = await runCli(['update', root]);
    expect(updated.exitCode, updated.stderr).toBe(0);
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ {6}libpq-dev/m);
    expect(cmdOf(dockerfile)).toEqual(['gunicorn', 'myservice.app:app']);
    const after = fileRecord(root);
    for (const [path, bytes] of before)
      if (!['Dockerfile', '.slim-python/generated/Dockerfile', '.slim-python/generated/packages.json', 'slim-python.json'].includes(path))
        expect(after.get(path), path).toBe(bytes);
    expect((await runCli(['update', root, '--check'])).exitCode).toBe(0);
  });

  it('--json prints a summary with what was detected', async () => {
    const root = fixture('django-site');
    const result = await runCli(['init', root, '--yes', '--json', '--dry-run']);
    expect(result.exitCode).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ command: 'init', dryRun: true, cmd: ['gunicorn', 'mysite.wsgi'], requirements: 'requirements.txt', code: 'context' });
    expect(summary.detected.join('\n')).toMatch(/manage\.py uses mysite\.settings/);
    expect(existsSync(join(root, 'Dockerfile'))).toBe(false);
  });
});

describe('init refuses and keeps everything as it was', () => {
  it('an existing Dockerfile: exit 3 naming it; --force keeps numbered backups, never overwriting one', async () => {
    const root = fixture('flask-gunicorn');
    writeFileSync(join(root, 'Dockerfile'), 'FROM python:3.12\nCMD ["python", "app.py"]\n');
    const before = fileRecord(root);
    const refused = await runCli(['init', root, '--yes']);
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toMatch(/refusing to overwrite Dockerfile: move it away, or pass --force/);
    expect(fileRecord(root)).toEqual(before);

    const forced = await runCli(['init', root, '--yes', '--force']);
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('replace   Dockerfile (yours kept as Dockerfile.orig)');
    expect(readFileSync(join(root, 'Dockerfile.orig'), 'utf8')).toBe('FROM python:3.12\nCMD ["python", "app.py"]\n');

    const again = await runCli(['init', root, '--yes', '--force', '--port', '8001']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(readFileSync(join(root, 'Dockerfile.orig'), 'utf8')).toBe('FROM python:3.12\nCMD ["python", "app.py"]\n');
    expect(readFileSync(join(root, 'Dockerfile.1.orig'), 'utf8')).toMatch(/^EXPOSE 8000$/m);
    expect(readFileSync(join(root, 'slim-python.json.orig'), 'utf8')).toMatch(/"port": 8000/);
  });

  it('an already set-up project points to update', async () => {
    const root = fixture('django-site');
    expect((await runCli(['init', root, '--yes'])).exitCode).toBe(0);
    const again = await runCli(['init', root, '--yes']);
    expect(again.exitCode).toBe(3);
    expect(again.stderr).toMatch(/this project is set up already; run "create-slim-python update" instead/);
  });

  it.each([
    [['--cmd', 'gunicorn app:app | tee log'], /shell operator "\|"/],
    [['--cmd', 'gunicorn app:app\nrm -rf /'], /NUL or a line break/],
    [['--health', 'health'], /invalid --health/],
    [['--port', '80'], /invalid port "80"/],
    [['--port', '9000', '--cmd', 'gunicorn -b 0.0.0.0:8000 myservice.app:app'], /--port 9000 but the command binds port 8000/],
    [['--requirements-file', '../outside.txt'], /must be a path inside the project directory/],
    [['--requirements-file', 'nope.txt'], /nope\.txt not found/],
  ])('%j: exit 2, nothing written', async (args, message) => {
    const root = fixture('flask-gunicorn');
    const before = fileRecord(root);
    const result = await runCli(['init', root, '--yes', ...args]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(fileRecord(root)).toEqual(before);
  });

  it('without a terminal and nothing to tell what runs: exit 2 naming --cmd, with the reason', async () => {
    const root = fixture('flask-gunicorn');
    writeFileSync(join(root, 'requirements.txt'), 'flask>=3\n');
    const before = fileRecord(root);
    const result = await runCli(['init', root, '--yes']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /cannot tell what the container should run \(myservice\/app\.py creates a Flask app, but gunicorn is not in the requirements: add it, or pass --cmd\): pass --cmd/,
    );
    expect(fileRecord(root)).toEqual(before);
    const given = await runCli(['init', root, '--yes', '--cmd', 'flask --app myservice.app run --host 0.0.0.0 --port 5000']);
    expect(given.exitCode, given.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'slim-python.json'), 'utf8'))).toMatchObject({ app: 'web', port: 5000 });
  });

  it('a requirements.txt that only says "-e ." defers to pyproject.toml; a local path among others is refused', async () => {
    const root = fixture('fastapi-pkg');
    writeFileSync(join(root, 'requirements.txt'), '-e .\n');
    const result = await runCli(['init', root, '--yes']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('dependencies from pyproject.toml (requirements.txt only installs the project itself: -e .)');
    expect(JSON.parse(readFileSync(join(root, 'slim-python.json'), 'utf8')).requirements).toBe('pyproject.toml');

    const mixed = fixture('fastapi-pkg');
    writeFileSync(join(mixed, 'requirements.txt'), 'fastapi\n-e .\n');
    const refused = await runCli(['init', mixed, '--yes']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/requirements\.txt:2: \. installs from a local path.*pass --pyproject/);
  });

  it('reads a poetry.lock beside the dependencies and says how to build exactly its pins', async () => {
    const locks = fileURLToPath(new URL('../requirements/fixtures/locks/', import.meta.url));
    const root = fixture('fastapi-pkg');
    copyFileSync(join(locks, 'poetry.lock'), join(root, 'poetry.lock'));
    const before = fileRecord(root);
    const result = await runCli(['init', root, '--yes', '--python', '3.12']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      "note: poetry.lock pins 10 packages for CPython 3.12, with hashes; the image installs from pyproject.toml's ranges, not these pins: for an image of exactly these pins, pass --requirements-file poetry.lock (pip installs it)",
    );
    const after = fileRecord(root);
    for (const [path, bytes] of before) expect(after.get(path), path).toBe(bytes);
  });

  it('without --yes or a terminal, an undetected Python is a missing flag', async () => {
    const root = fixture('django-site');
    const result = await runCli(['init', root]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/missing --python/);
  });
});

describe('create --requirements-file reads a pyproject.toml too', () => {
  it('imports [project] dependencies into the new requirements.txt', async () => {
    const root = fixture('fastapi-pkg');
    const work = dirname(root);
    const result = await runCli(['new-app', '--yes', '--requirements-file', join(root, 'pyproject.toml')], { cwd: work });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(join(work, 'new-app', 'requirements.txt'), 'utf8')).toBe('fastapi>=0.110\nuvicorn>=0.29\n');
  });

  it('names the line of an invalid dependency', async () => {
    const root = fixture('fastapi-pkg');
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "x"\nversion = "1"\ndependencies = [\n  "ok",\n  "bad name here",\n]\n');
    const result = await runCli(['new-app', '--yes', '--requirements-file', join(root, 'pyproject.toml')], { cwd: dirname(root) });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/pyproject\.toml:6: /);
  });
});

describe('init --help', () => {
  it('lists every flag and the exit codes', async () => {
    const result = await runCli(['init', '--help']);
    expect(result.exitCode).toBe(0);
    for (const flag of [
      '--name',
      '--python',
      '--requirements-file',
      '--pyproject',
      '--install-project',
      '--cmd',
      '--port',
      '--health',
      '--build-deps',
      '--runtime-libs',
      '--yes',
      '--dry-run',
      '--json',
      '--force',
      '--interactive',
    ]) {
      expect(result.stdout, flag).toContain(flag);
    }
    expect(result.stdout).toContain('Exit codes:');
  });
});
