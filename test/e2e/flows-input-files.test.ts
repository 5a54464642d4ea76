/**
 * Issue 13 finding 13: input files are read only when they are regular files of at most 10 MiB.
 * /dev/zero used to run for 14 s and 2.2 GB; a FIFO hung. Each case must end quickly with exit 2
 * and a message naming the path and why.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

function fifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

function sparse(path: string, bytes: number): void {
  writeFileSync(path, '');
  truncateSync(path, bytes);
}

describe('--requirements-file and explain --requirements-file', () => {
  const work = mkdtempSync(join(tmpdir(), 'csp-input-'));
  fifo(join(work, 'pipe'));
  sparse(join(work, 'huge.txt'), 10 * 1024 * 1024 + 1);
  const cases: [string, string, RegExp][] = [
    ['/dev/zero', '/dev/zero', /--requirements-file \/dev\/zero is a character device, not a regular file/],
    ['a FIFO', join(work, 'pipe'), /pipe is a named pipe \(FIFO\), not a regular file/],
    ['a directory', work, /is a directory, not a regular file/],
    ['a file over 10 MiB', join(work, 'huge.txt'), /huge\.txt is larger than the 10 MiB limit for input files \(10485761 bytes\)/],
  ];
  it.each(cases)('create refuses %s at once (exit 2)', async (_label, path, message) => {
    const started = Date.now();
    const result = await runCli(['app', '--yes', '--requirements-file', path], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
  it.each(cases)('explain refuses %s at once (exit 2)', async (_label, path) => {
    const result = await runCli(['explain', '--requirements-file', path], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/not a regular file|10 MiB limit/);
  });
});

describe("a project's own files", () => {
  async function project(): Promise<string> {
    const work = mkdtempSync(join(tmpdir(), 'csp-input-'));
    expect((await runCli(['app', '--yes', '-r', 'aiohttp'], { cwd: work })).exitCode).toBe(0);
    return join(work, 'app');
  }

  it('requirements.txt as a FIFO, an include linked to /dev/zero, slim-python.json as a FIFO, a 10 MiB+ Dockerfile: exit 2 each', async () => {
    const dir = await project();
    rmSync(join(dir, 'requirements.txt'));
    fifo(join(dir, 'requirements.txt'));
    for (const command of [['update'], ['update', '--check'], ['explain']]) {
      const result = await runCli(command, { cwd: dir });
      expect(result.exitCode, command.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/requirements\.txt: cannot read: is a named pipe \(FIFO\), not a regular file/);
    }
    rmSync(join(dir, 'requirements.txt'));
    writeFileSync(join(dir, 'requirements.txt'), '-r more.txt\n');
    symlinkSync('/dev/zero', join(dir, 'more.txt'));
    const include = await runCli(['update'], { cwd: dir });
    expect(include.exitCode).toBe(2);
    expect(include.stderr).toMatch(/requirements\.txt:1: cannot read included file more\.txt: is a character device/);
    writeFileSync(join(dir, 'requirements.txt'), 'aiohttp\n');
    renameSync(join(dir, 'slim-python.json'), join(dir, 'config.json'));
    fifo(join(dir, 'slim-python.json'));
    const config = await runCli(['update'], { cwd: dir });
    expect(config.exitCode).toBe(2);
    expect(config.stderr).toMatch(/slim-python\.json is a named pipe \(FIFO\), not a regular file/);
    rmSync(join(dir, 'slim-python.json'));
    renameSync(join(dir, 'config.json'), join(dir, 'slim-python.json'));
    sparse(join(dir, 'Dockerfile'), 10 * 1024 * 1024 + 1);
    const dockerfile = await runCli(['update'], { cwd: dir });
    expect(dockerfile.exitCode).toBe(2);
    expect(dockerfile.stderr).toMatch(/Dockerfile is larger than the 10 MiB limit for input files/);
  });
});
