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
    expect(doc.arch).toBe('x86_64');
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
    expect(doc.arch).toBe('aarch64');
    const byName = Object.fromEntries(doc.packages.map((p: { name: string }) => [p.name, p]));
    expect(byName.cryptography.status).toBe('compile');
    expect(byName.cryptography.build).toEqual(expect.arrayContaining(['build-base', 'openssl-dev', 'libffi-dev']));
    expect(byName.psycopg2.status).toBe('compile');
    expect(byName.psycopg2.build).toContain('libpq-dev');
    expect(byName.psycopg2.runtime).toContain('libpq');
    expect(byName.pywin32).toBeUndefined();
    expect(doc.requirements[3]).toMatchObject({ name: 'pywin32', applies: false, marker: 'sys_platform == "win32"' });
    expect(doc.requirements[1].specifiers).toEqual(['>=2.9']);
    expect(doc.apk.build).toEqual([...doc.apk.build].sort());
    expect(doc.apk.build).toEqual(expect.arrayContaining(['build-base', 'libpq-dev', 'openssl-dev']));
    const text = await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '3.12'], { cwd: work });
    expect(text.stdout).toMatch(/psycopg2 +compile +ships no musllinux wheel/);
    expect(text.stdout).toMatch(/skipped: marker sys_platform == "win32" is false here/);
  });

  it('errors are FILE:LINE: message with exit 2', async () => {
    writeFileSync(join(work, 'requirements.txt'), 'aiohttp\n\ncryptography>=3.x\n');
    const result = await runCli(['explain', '--requirements-file', 'requirements.txt'], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^create-slim-python: requirements\.txt:3: /);
  });

  it('reads the [project] dependencies of a pyproject.toml', async () => {
    writeFileSync(join(work, 'pyproject.toml'), '[project]\nname = "x"\ndependencies = [\n  "psycopg2>=2.9",\n  "aiohttp",\n]\n');
    const result = await runCli(['explain', '--requirements-file', 'pyproject.toml', '--python', '3.12', '--json'], { cwd: work });
    expect(result.exitCode).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.requirements.map((r: { name: string; line: number }) => [r.name, r.line])).toEqual([['psycopg2', 4], ['aiohttp', 5]]);
    expect(doc.apk.build).toContain('libpq-dev');
  });

  it('rejects a bad --arch and --python', async () => {
    writeFileSync(join(work, 'requirements.txt'), 'aiohttp\n');
    expect((await runCli(['explain', '--requirements-file', 'requirements.txt', '--arch', 'riscv64'], { cwd: work })).exitCode).toBe(2);
    expect((await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '2.7'], { cwd: work })).exitCode).toBe(2);
  });

  it('--size without --online is a usage error naming the fix', async () => {
    writeFileSync(join(work, 'requirements.txt'), 'aiohttp\n');
    const result = await runCli(['explain', '--requirements-file', 'requirements.txt', '--size'], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--size installs the real wheels to measure them: add --online/);
  });
});
