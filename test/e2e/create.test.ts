/**
 * End-to-end: the built CLI as a subprocess, stdin explicitly 'ignore' or piped, asserting exit
 * codes, output and the file tree. Every bad input leaves the disk as it was.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'csp-e2e-'));
});

function tree(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? tree(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

const REFERENCE = ['my-app', '--yes', '--python', '3.12', '--requirement', 'cryptography', '--requirement', 'aiohttp'];

describe('create: the reference example', () => {
  it('writes the project with a two-stage Dockerfile whose release stage has no build tooling', async () => {
    const result = await runCli(REFERENCE, { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(tree(join(work, 'my-app'))).toEqual([
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
      'requirements.txt',
      'slim-python.json',
    ]);
    expect(readFileSync(join(work, 'my-app/requirements.txt'), 'utf8')).toBe('cryptography\naiohttp\n');
    const dockerfile = readFileSync(join(work, 'my-app/Dockerfile'), 'utf8');
    expect(dockerfile.startsWith('# syntax=docker/dockerfile:1\n')).toBe(true);
    const stages = dockerfile.split(/^FROM /m).slice(1);
    // One ARG names the Alpine release of both stages; the release starts from plain Alpine.
    expect(dockerfile).toMatch(/^ARG ALPINE_VERSION=3\.24$/m);
    expect(stages.map((stage) => stage.split('\n')[0])).toEqual(['python:3.12-alpine${ALPINE_VERSION} AS build', 'alpine:${ALPINE_VERSION} AS release']);
    const release = stages[1]!;
    expect(release).not.toMatch(/build-base|gcc|-dev\b|cargo|binutils|\.cache\/pip|\bpip\b/);
    expect(release).toMatch(/^COPY --from=build \/opt\/python \/usr\/local$/m);
    expect(release).toMatch(/^ {4}PORT=8080$/m);
    expect(release).toMatch(/^HEALTHCHECK .*\n {4}CMD \["\/bin\/sh", "-c", "wget .*http:\/\/127\.0\.0\.1:\$\{PORT\}\/health/m);
    expect(release).toMatch(/org\.opencontainers\.image\.title="my-app"/);
    expect(release).toMatch(/^COPY --chmod=u=rwX,go=rX my_app\/ \.\/my_app\/$/m);
    expect(release).toMatch(/^USER 10001:10001$/m);
    expect(release).toMatch(/^EXPOSE 8080$/m);
    expect(release).toMatch(/^CMD \["python", "-m", "my_app"\]$/m);
    expect(dockerfile).not.toMatch(/latest/);
    expect(result.stdout).toContain('docker build -t my-app .');
    expect(result.stdout).toContain('docker run --rm -p 8080:8080 my-app');
    // The generated Python compiles.
    const pyFiles = tree(join(work, 'my-app'))
      .filter((path) => path.endsWith('.py'))
      .map((path) => join(work, 'my-app', path));
    execFileSync('python3', ['-m', 'py_compile', ...pyFiles], { env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  });

  it('is deterministic: same answers, same bytes', async () => {
    const second = join(work, 'second');
    mkdirSync(second);
    expect((await runCli(REFERENCE, { cwd: work })).exitCode).toBe(0);
    expect((await runCli(REFERENCE, { cwd: second })).exitCode).toBe(0);
    const paths = tree(join(work, 'my-app'));
    expect(paths).toHaveLength(12);
    expect(tree(join(second, 'my-app'))).toEqual(paths);
    for (const path of paths) {
      expect(readFileSync(join(second, 'my-app', path), 'utf8'), path).toBe(readFileSync(join(work, 'my-app', path), 'utf8'));
    }
  });

  it('--json prints a machine-readable summary only', async () => {
    const result = await runCli([...REFERENCE, '--json'], { cwd: work });
    expect(result.exitCode).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ command: 'create', name: 'my-app', python: '3.12', app: 'web', port: 8080, dryRun: false });
    expect(summary.apk.build).toEqual([]);
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const result = await runCli([...REFERENCE, '--dry-run'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('create    Dockerfile');
    expect(readdirSync(work)).toEqual([]);
  });

  it('with stdin piped and no terminal, it never prompts', async () => {
    const result = await runCli(['my-app'], { cwd: work, input: 'cryptography\n\n' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/missing --python, --requirement \(or --requirements-file\), --app: pass them, or --yes/);
    expect(readdirSync(work)).toEqual([]);
  });
});

describe('create: bad input exits 2 and writes nothing', () => {
  // The whole stderr line, literally: a message is part of the contract (it names the fix).
  const USAGE = 'create-slim-python: ';
  it.each([
    [['app', '--yes', '--name', '../evil'], 'invalid project name "../evil": it contains a path separator; pass --name with a name like "my-app"'],
    [['-x', '--yes'], 'unknown flag -x; run "create-slim-python --help" for the flags'],
    [
      ['My App', '--yes'],
      'invalid project name "My App": it must start with a lowercase letter and use only lowercase letters, digits and "-"; pass --name (or a different DIR) with a name like "my-app"',
    ],
    [['app', '--yes', '--name', 'con'], 'invalid project name "con": it is a reserved file name on Windows; pass --name with a name like "my-app"'],
    [['app', '--yes', '--python', '3.9'], 'unsupported Python runtime "3.9" in --python: use one of 3.15, 3.14, 3.13, 3.12, 3.11, 3.10, alpine'],
    [
      ['app', '--yes', '--requirement', 'cryptography', '--requirement', 'foo=='],
      '--requirement:2: Invalid requirement "foo==": Expected semicolon (after name with no version specifier) or end (at character 4)',
    ],
    [['app', '--yes', '--requirement', 'x\nRUN rm -rf /'], '--requirement #1 contains a line break; pass one requirement per --requirement'],
    [
      ['app', '--yes', '--build-deps', 'libffi-dev;curl evil|sh'],
      'invalid Alpine package name "libffi-dev;curl" in --build-deps: use names like "libpq" or "so:libmagic.so.1" (lowercase letters, digits, ".", "_", "+", "-")',
    ],
    [
      ['app', '--yes', '--runtime-libs', '$(reboot)'],
      'invalid Alpine package name "$(reboot)" in --runtime-libs: use names like "libpq" or "so:libmagic.so.1" (lowercase letters, digits, ".", "_", "+", "-")',
    ],
    [['app', '--yes', '--app', 'gui'], 'invalid app kind "gui" in --app: use one of web, fastapi, cli'],
    [['app', '--yes', '--requirement', 'aiohttp', '--port', '80'], 'invalid port "80" in --port: use a number from 1024 to 65535 (the app runs as a non-root user)'],
    [['app', '--yes', '--requirements-file', 'missing.txt'], 'cannot read --requirements-file WORK/missing.txt: no such file'],
    [['app', '--yes', '--bogus'], 'unknown flag --bogus; run "create-slim-python --help" for the flags'],
    [['a', 'b', '--yes'], 'unexpected argument "b"; usage: create-slim-python [DIR] [flags]'],
  ])('%j', async (args, message) => {
    const result = await runCli(args as string[], { cwd: work });
    expect(result.stderr).toBe(`${USAGE}${message.replace('WORK', work)}\n`);
    expect(result.stdout).toBe('');
    expect(result.exitCode).toBe(2);
    expect(readdirSync(work)).toEqual([]);
  });

  it('an invalid line in an imported requirements file names file and line', async () => {
    writeFileSync(join(work, 'reqs.txt'), 'aiohttp\n# comment\ncryptography>=\n');
    const result = await runCli(['app', '--yes', '--requirements-file', 'reqs.txt'], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `create-slim-python: ${work}/reqs.txt:3: Invalid requirement "cryptography>=": Expected semicolon (after name with no version specifier) or end (at character 13)\n`,
    );
    expect(readdirSync(work)).toEqual(['reqs.txt']);
  });

  it('imports a requirements file byte for byte', async () => {
    const text = '# web\r\naiohttp>=3.9 ; python_version >= "3.8"\r\ncryptography\r\n';
    writeFileSync(join(work, 'reqs.txt'), text);
    const result = await runCli(['app', '--yes', '--requirements-file', 'reqs.txt'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(work, 'app/requirements.txt'), 'utf8')).toBe(text);
  });
});

describe('create: refusing to overwrite exits 3', () => {
  it('lists what is in the way of a non-empty directory', async () => {
    mkdirSync(join(work, 'my-app'));
    writeFileSync(join(work, 'my-app/notes.txt'), 'mine');
    writeFileSync(join(work, 'my-app/Dockerfile'), 'FROM scratch\n');
    const result = await runCli(REFERENCE, { cwd: work });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toBe(
      `create-slim-python: ${work}/my-app is not empty (Dockerfile, notes.txt): choose an empty or new DIR, or pass --force to write over the generated files only\n`,
    );
    expect(tree(join(work, 'my-app'))).toEqual(['Dockerfile', 'notes.txt']);
    expect(readFileSync(join(work, 'my-app/Dockerfile'), 'utf8')).toBe('FROM scratch\n');
  });

  it('accepts a directory holding only .git', async () => {
    mkdirSync(join(work, 'my-app/.git'), { recursive: true });
    const result = await runCli(REFERENCE, { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(work, 'my-app/Dockerfile'))).toBe(true);
  });

  it('--force writes over generated files only and deletes nothing', async () => {
    mkdirSync(join(work, 'my-app/my_app'), { recursive: true });
    writeFileSync(join(work, 'my-app/notes.txt'), 'mine');
    writeFileSync(join(work, 'my-app/Dockerfile'), 'FROM scratch\n');
    // A user module inside the package folder the scaffold writes into.
    writeFileSync(join(work, 'my-app/my_app/models.py'), 'MINE = 1\n');
    const result = await runCli([...REFERENCE, '--force'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^ {2}overwrite Dockerfile \(yours saved as Dockerfile\.orig\)$/m);
    expect(result.stdout).toMatch(/^ {2}create {4}my_app\/app\.py$/m);
    expect(tree(join(work, 'my-app'))).toEqual([
      '.dockerignore',
      '.gitignore',
      '.slim-python/generated/.dockerignore',
      '.slim-python/generated/Dockerfile',
      '.slim-python/generated/packages.json',
      'Dockerfile',
      'Dockerfile.orig',
      'README.md',
      'my_app/__init__.py',
      'my_app/__main__.py',
      'my_app/app.py',
      'my_app/models.py',
      'notes.txt',
      'requirements.txt',
      'slim-python.json',
    ]);
    expect(readFileSync(join(work, 'my-app/Dockerfile.orig'), 'utf8')).toBe('FROM scratch\n');
    expect(readFileSync(join(work, 'my-app/notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(work, 'my-app/my_app/models.py'), 'utf8')).toBe('MINE = 1\n');
    expect(readFileSync(join(work, 'my-app/Dockerfile'), 'utf8')).toMatch(/^# syntax=docker\/dockerfile:1\n/);
  });

  it('refuses a target that is a symlink', async () => {
    mkdirSync(join(work, 'real'));
    symlinkSync(join(work, 'real'), join(work, 'my-app'));
    const result = await runCli(REFERENCE, { cwd: work });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toBe(`create-slim-python: ${work}/my-app is a symlink; refusing to write through it: choose a real directory\n`);
    expect(readdirSync(join(work, 'real'))).toEqual([]);
  });

  it('refuses to write through a symlink inside the target, even with --force', async () => {
    mkdirSync(join(work, 'my-app'));
    writeFileSync(join(work, 'outside.txt'), 'precious');
    symlinkSync(join(work, 'outside.txt'), join(work, 'my-app/Dockerfile'));
    const result = await runCli([...REFERENCE, '--force'], { cwd: work });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toBe(`create-slim-python: refusing to write through symlinks in ${work}/my-app: Dockerfile\n`);
    expect(readFileSync(join(work, 'outside.txt'), 'utf8')).toBe('precious');
    expect(lstatSync(join(work, 'my-app/Dockerfile')).isSymbolicLink()).toBe(true);
  });
});

describe('create: help and version', () => {
  it('--help lists every flag with defaults and the exit codes', async () => {
    const result = await runCli(['--help'], { cwd: work });
    expect(result.exitCode).toBe(0);
    for (const flag of [
      '--name',
      '--python X.Y',
      '--requirement',
      '--requirements-file',
      '--build-deps',
      '--runtime-libs',
      '--app',
      '--port',
      '--yes',
      '--dry-run',
      '--json',
      '--force',
      '--interactive',
    ]) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toMatch(/130 +cancelled/);
  });
});
