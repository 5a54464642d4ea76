/** End-to-end: explain for a project and for bare requirements files, text and --json. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'csp-explain-'));
});

describe('explain', () => {
  it('the reference example needs no compiler and no declared runtime library', async () => {
    expect((await runCli(['app', '--yes', '--python', '3.12', '-r', 'cryptography', '-r', 'aiohttp'], { cwd: work })).exitCode).toBe(0);
    const result = await runCli(['explain', 'app', '--json'], { cwd: work });
    expect(result.exitCode).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.python).toBe('3.12');
    expect(doc.arches).toEqual(['aarch64', 'x86_64']); // the project's arches, as its Dockerfile
    expect(doc.requirements).toEqual([
      { file: 'requirements.txt', line: 1, name: 'cryptography', extras: [], specifiers: [], marker: null, applies: true, url: null },
      { file: 'requirements.txt', line: 2, name: 'aiohttp', extras: [], specifiers: [], marker: null, applies: true, url: null },
    ]);
    const statuses = Object.fromEntries(doc.packages.map((p: { name: string; status: string }) => [p.name, p.status]));
    expect(statuses).toMatchObject({ cryptography: 'wheel', cffi: 'wheel', aiohttp: 'wheel', frozenlist: 'wheel', multidict: 'wheel', yarl: 'wheel', propcache: 'wheel' });
    expect(doc.apk).toEqual({ build: [], runtime: [] });
    for (const item of doc.packages) expect(item.sources.length, item.name).toBeGreaterThan(0);
  });

  it('old cryptography, psycopg2 and lxml: what must compile, with packages and reasons', async () => {
    writeFileSync(join(work, 'requirements.txt'), 'cryptography==3.3.2\npsycopg2>=2.9\nlxml\npywin32 ; sys_platform == "win32"\n');
    const result = await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '3.12', '--arch', 'aarch64', '--json'], { cwd: work });
    expect(result.exitCode).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.arches).toEqual(['aarch64']);
    const byName = Object.fromEntries(doc.packages.map((p: { name: string }) => [p.name, p]));
    expect(byName.cryptography).toMatchObject({
      // 3.3.2 predates cryptography's Rust code (3.4), so it compiles with C and cffi only: no cargo, no libgcc.
      status: 'compile',
      build: ['build-base', 'libffi-dev', 'openssl-dev'],
      runtime: ['libcrypto3', 'libssl3'],
      why: '==3.3.2 selects a release older than 3.4.8, the first with a musllinux wheel for CPython 3.12 on aarch64',
    });
    expect(doc.warnings).toEqual([
      'cryptography==3.3.2 will not work on CPython 3.12: releases before 35.0.0 do not build (older releases do not support OpenSSL 3 as a compilation target, and Alpine 3.23 and 3.24 ship OpenSSL 3); the first release that installs is 3.4.8 (a musllinux wheel; the first that builds from source is 35.0.0): pin cryptography>=3.4.8',
    ]);
    expect(byName.psycopg2).toMatchObject({
      status: 'compile',
      build: ['build-base', 'libpq-dev'],
      runtime: ['libpq'],
      why: 'ships no musllinux wheel: pip builds it from source',
    });
    expect(byName.pywin32).toBeUndefined();
    expect(doc.requirements[3]).toMatchObject({ name: 'pywin32', applies: false, marker: 'sys_platform == "win32"' });
    expect(doc.requirements[1].specifiers).toEqual(['>=2.9']);
    expect(doc.apk.build).toEqual([...doc.apk.build].sort());
    expect(doc.apk.build).toEqual(['build-base', 'libffi-dev', 'libpq-dev', 'openssl-dev']);
    const text = await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '3.12'], { cwd: work });
    expect(text.stdout).toMatch(/psycopg2 +compile +ships no musllinux wheel/);
    expect(text.stdout).toMatch(/skipped: marker sys_platform == "win32" is false here/);
  });

  it('errors are FILE:LINE: message with exit 2', async () => {
    writeFileSync(join(work, 'requirements.txt'), 'aiohttp\n\ncryptography>=3.x\n');
    const result = await runCli(['explain', '--requirements-file', 'requirements.txt'], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'create-slim-python: requirements.txt:3: Invalid requirement "cryptography>=3.x": Expected comma (within version specifier), semicolon (after version specifier) or end (at character 13)\n',
    );
  });

  it('reads the [project] dependencies of a pyproject.toml', async () => {
    writeFileSync(join(work, 'pyproject.toml'), '[project]\nname = "x"\ndependencies = [\n  "psycopg2>=2.9",\n  "aiohttp",\n]\n');
    const result = await runCli(['explain', '--requirements-file', 'pyproject.toml', '--python', '3.12', '--json'], { cwd: work });
    expect(result.exitCode).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.requirements.map((r: { name: string; line: number }) => [r.name, r.line])).toEqual([
      ['psycopg2', 4],
      ['aiohttp', 5],
    ]);
    expect(doc.apk.build).toContain('libpq-dev');
  });

  it('rejects a bad --arch and --python', async () => {
    writeFileSync(join(work, 'requirements.txt'), 'aiohttp\n');
    const arch = await runCli(['explain', '--requirements-file', 'requirements.txt', '--arch', 'riscv64'], { cwd: work });
    expect([arch.exitCode, arch.stderr]).toEqual([2, 'create-slim-python: invalid --arch "riscv64": use x86_64 or aarch64\n']);
    const python = await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '2.7'], { cwd: work });
    expect([python.exitCode, python.stderr]).toEqual([
      2,
      'create-slim-python: unsupported Python runtime "2.7" in --python: use one of 3.15, 3.14, 3.13, 3.12, 3.11, 3.10, alpine\n',
    ]);
  });

  it('--size without --online is a usage error naming the fix', async () => {
    writeFileSync(join(work, 'requirements.txt'), 'aiohttp\n');
    const result = await runCli(['explain', '--requirements-file', 'requirements.txt', '--size'], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--size installs the real wheels to measure them: add --online/);
  });
});
