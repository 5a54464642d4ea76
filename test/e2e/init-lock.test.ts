/**
 * init on projects whose dependencies are locked (issue 12), through the built CLI with stdin
 * 'ignore': a uv.lock is installed with `uv sync --frozen`, a pylock.toml with `uv pip install`;
 * slim-python.json records the lock (schema 3), update --check follows the lock, and a lock the
 * image cannot install from is exit 2 with nothing written.
 */
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { cmdOf, copyFixture, fileRecord, INIT_OUTPUTS } from '../support/init-fixtures.ts';

const LOCKS = fileURLToPath(new URL('../requirements/fixtures/locks/', import.meta.url));
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dirname(dir), { recursive: true, force: true });
});

function fixture(name: string): string {
  const root = copyFixture(name);
  made.push(root);
  return root;
}

describe('init with a uv.lock', () => {
  it('installs exactly the lock with uv sync --frozen, records it, and update --check stays clean', async () => {
    const root = fixture('uv-svc');
    const before = fileRecord(root);
    const result = await runCli(['init', root, '--yes', '--python', '3.12']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('dependencies from uv.lock (uv.lock found beside pyproject.toml: uv sync --frozen installs exactly its pins)');
    expect(result.stdout).toContain('uv.lock pins 15 packages for CPython 3.12, with hashes: uv checks each download against them');
    const after = fileRecord(root);
    for (const [path, bytes] of before) expect(after.get(path), `${path} changed`).toBe(bytes);
    expect([...after.keys()].filter((path) => !before.has(path)).sort()).toEqual(INIT_OUTPUTS);

    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const [build = '', release = ''] = dockerfile.split(/^FROM alpine:\$\{ALPINE_VERSION\} AS release$/m);
    expect(build).toContain(
      [
        'RUN --mount=type=cache,target=/root/.cache/uv \\',
        '    --mount=type=bind,source=uv.lock,target=/tmp/project/uv.lock \\',
        '    --mount=type=bind,source=pyproject.toml,target=/tmp/project/pyproject.toml \\',
        '    /opt/uv/bin/uv sync --frozen --no-default-groups --no-install-project \\',
        '      --python /usr/local/bin/python3 --project /tmp/project',
        '# The project is a package: installed (not editable) from a copy of the source tree, after its',
        '# dependencies, so a code change rebuilds only this layer. The release stage gets it in the venv.',
        'COPY . /tmp/src',
        'RUN --mount=type=cache,target=/root/.cache/uv \\',
        '    /opt/uv/bin/uv sync --frozen --no-default-groups --no-editable \\',
        '      --python /usr/local/bin/python3 --project /tmp/src',
      ].join('\n'),
    );
    expect(build).not.toMatch(/pip --python \/opt\/venv|COPY uv\.lock/);
    expect(release).not.toMatch(/\/opt\/uv|uv sync|uv pip|\.cache\/uv/);
    expect(cmdOf(dockerfile)).toEqual(['uvicorn', 'uv_svc.main:app', '--host', '0.0.0.0', '--port', '8000']);
    expect(JSON.parse(readFileSync(join(root, 'slim-python.json'), 'utf8'))).toMatchObject({ version: 3, requirements: 'uv.lock', code: 'installed', python: '3.12' });

    const check = await runCli(['update', root, '--check']);
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
    const explain = await runCli(['explain', root]);
    expect(explain.exitCode, explain.stderr).toBe(0);
    expect(explain.stdout).toMatch(/^ {2}uv\.lock:202 +pydantic-core==2\.50\.5$/m);
    expect(explain.stdout).toMatch(/^ {2}pydantic-core +wheel +the lock lists a musllinux wheel for CPython 3\.12 on aarch64 and x86_64$/m);
  });

  it('update --check follows the lock: a package that now compiles is a diff, a lock for another Python exit 2', async () => {
    const root = fixture('uv-svc');
    expect((await runCli(['init', root, '--yes', '--python', '3.12'])).exitCode).toBe(0);
    const lockPath = join(root, 'uv.lock');
    const lock = readFileSync(lockPath, 'utf8');
    // orjson's wheels gone from the lock (its sdist stays): it must compile, with Rust.
    const withoutOrjsonWheels = lock.replace(/(\[\[package\]\]\nname = "orjson"[\s\S]*?)\nwheels = \[[\s\S]*?\n\]\n/, '$1\n');
    expect(withoutOrjsonWheels).not.toBe(lock);
    writeFileSync(lockPath, withoutOrjsonWheels);
    const changed = await runCli(['update', root, '--check']);
    expect(changed.exitCode, changed.stderr).toBe(1);
    expect(changed.stdout).toContain('added cargo (build) because orjson must compile');
    expect(changed.stdout).toMatch(/^\+ {6}cargo$/m);

    writeFileSync(lockPath, lock.replace('requires-python = ">=3.11"', 'requires-python = ">=3.13"'));
    const otherPython = await runCli(['update', root, '--check']);
    expect(otherPython.exitCode).toBe(2);
    expect(otherPython.stderr).toContain('uv.lock was locked for Python >=3.13 (its requires-python), not CPython 3.12.');
  });

  it('a lock that excludes the Python is exit 2, nothing written', async () => {
    const root = fixture('uv-svc');
    const before = fileRecord(root);
    const result = await runCli(['init', root, '--yes', '--python', '3.10', '--requirements-file', 'uv.lock']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/uv\.lock was locked for Python >=3\.11 \(its requires-python\), not CPython 3\.10\.\d+: uv sync refuses it there/);
    expect(fileRecord(root)).toEqual(before);
  });

  it('--requirements-file requirements.txt keeps pip for a uv project', async () => {
    const root = fixture('uv-svc');
    writeFileSync(join(root, 'requirements.txt'), 'fastapi\nuvicorn\norjson\n');
    const result = await runCli(['init', root, '--yes', '--python', '3.12', '--requirements-file', 'requirements.txt']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      "note: uv.lock pins 15 packages for CPython 3.12, with hashes; the image installs from requirements.txt's ranges, not these pins: for an image of exactly these pins, pass --requirements-file uv.lock (uv installs it)",
    );
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).not.toContain('/opt/uv');
    expect(JSON.parse(readFileSync(join(root, 'slim-python.json'), 'utf8'))).toMatchObject({ version: 2, requirements: 'requirements.txt' });
  });
});

describe('init with a pylock.toml or a poetry.lock', () => {
  it('a pylock.toml is installed with uv pip install; what compiles gets its build packages', async () => {
    const root = fixture('flask-gunicorn');
    rmSync(join(root, 'requirements.txt'));
    copyFileSync(join(LOCKS, 'pylock.toml'), join(root, 'pylock.toml'));
    const result = await runCli(['init', root, '--yes', '--python', '3.12', '--cmd', 'python -m myservice']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('dependencies from pylock.toml (pylock.toml found: uv pip install installs exactly its pins)');
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain(
      [
        '    --mount=type=bind,source=pylock.toml,target=/tmp/requirements/pylock.toml \\',
        '    /opt/uv/bin/uv venv --python /usr/local/bin/python3 /opt/venv \\',
        '    && /opt/uv/bin/uv pip install --python /opt/venv/bin/python \\',
        '      --requirement /tmp/requirements/pylock.toml',
      ].join('\n'),
    );
    // psycopg-c has only an sdist in the lock; yarl 1.9.2 no cp312 musllinux wheel.
    expect(dockerfile).toMatch(/^# {3}build-base: compiling psycopg-c, yarl$/m);
    expect(dockerfile).toMatch(/^# {3}libpq-dev: compiling psycopg-c$/m);
    expect(JSON.parse(readFileSync(join(root, 'slim-python.json'), 'utf8'))).toMatchObject({ version: 3, requirements: 'pylock.toml' });
    expect((await runCli(['update', root, '--check'])).exitCode).toBe(0);
  });

  it('a Poetry 2 poetry.lock: its main group listed in the build stage with its hashes, pip --no-deps; a Poetry 1 lock is exit 2', async () => {
    const root = fixture('flask-gunicorn');
    copyFileSync(join(LOCKS, 'poetry.lock'), join(root, 'poetry.lock'));
    const result = await runCli(['init', root, '--yes', '--python', '3.12', '--requirements-file', 'poetry.lock', '--cmd', 'python -m myservice']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('poetry.lock pins 10 packages for CPython 3.12, with hashes: pip checks each download against them');
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('COPY poetry.lock /tmp/requirements/poetry.lock\n');
    expect(dockerfile).toContain(
      [
        '      /tmp/requirements/poetry.lock > /tmp/requirements/poetry-requirements.txt \\',
        '    && python3 -m venv --without-pip /opt/venv \\',
        '    && python3 -m pip --python /opt/venv/bin/python install --no-compile --no-deps \\',
        '      --requirement /tmp/requirements/poetry-requirements.txt',
      ].join('\n'),
    );
    expect(dockerfile).not.toContain('/opt/uv');
    expect(JSON.parse(readFileSync(join(root, 'slim-python.json'), 'utf8'))).toMatchObject({ version: 3, requirements: 'poetry.lock' });
    expect((await runCli(['update', root, '--check'])).exitCode).toBe(0);

    // Poetry 1 wrote `category` and no groups or markers per package: what installs needs its resolver.
    const old = fixture('flask-gunicorn');
    writeFileSync(join(old, 'poetry.lock'), readFileSync(join(LOCKS, 'poetry.lock'), 'utf8').replaceAll(/^groups = \["(\w+)"\]$/gm, 'category = "$1"'));
    const refused = await runCli(['init', old, '--yes', '--python', '3.12', '--requirements-file', 'poetry.lock', '--cmd', 'python -m myservice']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('poetry.lock was written by Poetry 1 (no groups and markers per package): lock again with Poetry 2, or export it');
    expect(existsSync(join(old, 'Dockerfile'))).toBe(false);
  });
});
