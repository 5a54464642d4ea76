/**
 * Issue 13, finding 12: a project's package must not shadow a module the app imports. Names of
 * standard-library modules (`http`, `logging`) and of the packages the requirements install
 * (`yarl` under aiohttp, `cryptography`) are refused with exit 2, and nothing is written.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLI_BIN, REPO_ROOT, runCli } from '../support/cli.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'csp-flows2-'));
});

describe('names that would shadow a module the app imports', () => {
  it.each([
    [['http', '--yes', '-r', 'aiohttp'], /invalid project name "http": it is the name of a Python standard-library module/],
    [['logging', '--yes'], /invalid project name "logging": it is the name of a Python standard-library module/],
    [['app', '--yes', '--name', 'json'], /invalid project name "json": .*standard-library module.*pass --name/],
    [['asyncio', '--yes', '--app', 'cli'], /"asyncio"/],
    [['distutils', '--yes'], /"distutils"/], // removed in 3.12, still there on 3.10 and 3.11
    [['yarl', '--yes', '--app', 'web'], /invalid project name "yarl": its package yarl would shadow the yarl package the requirements install/],
    [['cryptography', '--yes', '-r', 'cryptography'], /its package cryptography would shadow the cryptography package/],
    [['propcache', '--yes', '-r', 'aiohttp'], /its package propcache would shadow the propcache package/], // a native dependency of aiohttp
  ])('%j exits 2 and writes nothing', async (args, message) => {
    const result = await runCli(args as string[], { cwd: work });
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.exitCode).toBe(2);
    expect(readdirSync(work)).toEqual([]);
  });

  it('names that only contain a module name are fine', async () => {
    const result = await runCli(['http-api', '--yes', '-r', 'aiohttp'], { cwd: work });
    expect(result.exitCode).toBe(0);
  });

  it('update refuses a config whose name shadows a standard-library module, naming the key', async () => {
    expect((await runCli(['svc', '--yes', '-r', 'aiohttp'], { cwd: work })).exitCode).toBe(0);
    const configPath = join(work, 'svc/slim-python.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8'));
    writeFileSync(configPath, JSON.stringify({ ...config, name: 'http' }, null, 2));
    const result = await runCli(['update', 'svc'], { cwd: work });
    expect(result.stderr).toMatch(/slim-python\.json: "name" is invalid: it is the name of a Python standard-library module/);
    expect(result.exitCode).toBe(2);
  });

  it('update warns when a requirement added later shares the package name', async () => {
    expect((await runCli(['svc', '--yes', '-r', 'aiohttp'], { cwd: work })).exitCode).toBe(0);
    writeFileSync(join(work, 'svc/requirements.txt'), 'aiohttp\nsvc\n');
    const result = await runCli(['update', 'svc'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('warning: your package svc shadows the svc package the requirements install');
  });

  it('the directory prompt refuses such a name and asks again', () => {
    mkdirSync(join(work, 'pty'));
    const cwd = join(work, 'pty');
    const script = join(work, 'script.json');
    const ENTER = '\r';
    writeFileSync(
      script,
      JSON.stringify({
        argv: [process.execPath, CLI_BIN],
        cwd,
        timeout: 30,
        steps: [
          ['Project directory', `logging${ENTER}`],
          ['standard-library module', '\x03'],
        ],
      }),
    );
    const result = JSON.parse(execFileSync('python3', [join(REPO_ROOT, 'test/support/pty-drive.py'), script], { encoding: 'utf8', timeout: 40_000 }));
    expect(result.pendingSteps).toEqual([]);
    expect(result.exitCode).toBe(130);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
