/**
 * Issue 13 finding 10: input that used to be quietly accepted or refused with the wrong code.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

async function project(args: string[] = []): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'csp-checks-'));
  const result = await runCli(['app', '--yes', '-r', 'psycopg2', ...args], { cwd: work });
  expect(result.exitCode).toBe(0);
  return join(work, 'app');
}

describe('quietly accepted', () => {
  it('a typo in --build-deps warns with the nearest known Alpine name (create and update)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-checks-'));
    const create = await runCli(['app', '--yes', '-r', 'psycopg2', '--build-deps', '+libpq-devv'], { cwd: work });
    expect(create.exitCode).toBe(0);
    expect(create.stderr).toContain('warning: Alpine build package "libpq-devv" is not a name this tool knows: did you mean "libpq-dev"?');
    const update = await runCli(['update', '--runtime-libs', '+libxslt1'], { cwd: join(work, 'app') });
    expect(update.exitCode).toBe(0);
    expect(update.stderr).toContain('did you mean "libxslt"?');
    const json = await runCli(['app2', '--yes', '--json', '--build-deps', '+opensll-dev'], { cwd: work });
    expect(JSON.parse(json.stdout).warnings).toContainEqual(expect.stringContaining('did you mean "openssl-dev"?'));
  });

  it('--runtime-libs "" replaces the inferred list with nothing', async () => {
    const dir = await project(['--runtime-libs', '']);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('xargs apk add --no-cache ca-certificates tzdata < /tmp/runtime-deps');
    expect(JSON.parse(readFileSync(join(dir, 'slim-python.json'), 'utf8')).runtimeLibs).toEqual({ add: [], remove: ['libpq'] });
  });

  it('+gcc,-gcc is refused (exit 2), in create and update', async () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-checks-'));
    const create = await runCli(['app', '--yes', '--build-deps', '+gcc,-gcc'], { cwd: work });
    expect(create.exitCode).toBe(2);
    expect(create.stderr).toBe('create-slim-python: --build-deps both adds and removes gcc (+gcc and -gcc): keep one\n');
    const dir = await project();
    const update = await runCli(['update', '--runtime-libs=-libpq,+libpq'], { cwd: dir });
    expect(update.exitCode).toBe(2);
  });

  it('a single-value flag given twice is refused instead of keeping the last (exit 2)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-checks-'));
    const result = await runCli(['app', '--yes', '--python', '3.12', '--app', 'cli', '--python', '3.13'], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('create-slim-python: --python is given 2 times: pass it once\n');
    const explain = await runCli(['explain', '--requirements-file', '/dev/null', '--arch', 'x86_64', '--arch=aarch64'], { cwd: work });
    expect(explain.exitCode).toBe(2);
    // Repeatable flags stay repeatable.
    expect((await runCli(['app', '--yes', '--dry-run', '-r', 'aiohttp', '-r', 'yarl'], { cwd: work })).exitCode).toBe(0);
  });

  it('explain --write and --pip without --online are usage errors (exit 2)', async () => {
    const dir = await project();
    for (const args of [['--write'], ['--pip', '/usr/bin/pip3']]) {
      const result = await runCli(['explain', ...args], { cwd: dir });
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/works with --online only: add --online/);
    }
  });
});

describe('refused with the wrong code', () => {
  it('update --keep --force is a usage error (exit 2), as are --check/--dry-run with either', async () => {
    const dir = await project();
    for (const args of [
      ['--keep', '--force'],
      ['--check', '--force'],
      ['--dry-run', '--keep'],
    ]) {
      const result = await runCli(['update', ...args], { cwd: dir });
      expect(result.exitCode, args.join(' ')).toBe(2);
    }
  });

  it('end of input at a prompt exits 2 (a missing value), not 130 (Ctrl-C)', async () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-checks-'));
    const result = await runCli(['app', '--interactive'], { cwd: work, input: '' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/the input ended at a prompt; nothing was written: pass the remaining values as flags/);
  });
});
