/**
 * Issue 13, finding 15: the small ones, each with the run that showed it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLI_BIN, REPO_ROOT, runCli } from '../support/cli.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'csp-flows2-'));
});
const read = (path: string) => readFileSync(join(work, path), 'utf8');

async function project(name = 'svc', args = ['-r', 'aiohttp']): Promise<string> {
  const result = await runCli([name, '--yes', '--python', '3.12', ...args], { cwd: work });
  expect(result.exitCode, result.stderr).toBe(0);
  return join(work, name);
}

describe('update and explain look upward for the project, as git does', () => {
  it('update run from a subfolder finds slim-python.json above it', async () => {
    const root = await project();
    writeFileSync(join(root, 'requirements.txt'), 'aiohttp\npsycopg2\n');
    const result = await runCli(['update'], { cwd: join(root, 'svc') });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Dockerfile: regenerated/m);
    expect(read('svc/Dockerfile')).toMatch(/libpq-dev/);
    const check = await runCli(['update', '--check'], { cwd: join(root, 'svc') });
    expect(check.exitCode).toBe(0);
  });

  it('explain run from a subfolder explains the project above it', async () => {
    const root = await project();
    const result = await runCli(['explain', '--json'], { cwd: join(root, 'svc') });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).requirements[0]).toMatchObject({ file: 'requirements.txt', name: 'aiohttp' });
  });

  it('outside any project it still says where it looked', async () => {
    mkdirSync(join(work, 'empty'));
    const result = await runCli(['update'], { cwd: join(work, 'empty') });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/slim-python\.json not found in .*empty or any folder above it/);
  });
});
