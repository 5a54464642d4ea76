/**
 * Issue 13, finding 14: choosing an app kind means the project needs what its skeleton imports.
 * `--app web` without aiohttp used to be refused (exit 2); now aiohttp is added to
 * requirements.txt (and to the Dockerfile's decisions) and the report says so.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLI_BIN, REPO_ROOT, runCli } from '../support/cli.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'csp-flows2-'));
});

const read = (path: string) => readFileSync(join(work, path), 'utf8');

describe('--app web adds aiohttp when the requirements lack it', () => {
  it('with no requirements at all', async () => {
    const result = await runCli(['my-app', '--yes', '--app', 'web'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(read('my-app/requirements.txt')).toBe('aiohttp\n');
    expect(result.stdout).toContain('Added to requirements.txt: aiohttp (the aiohttp web server imports it)');
    expect(JSON.parse(read('my-app/slim-python.json'))).toMatchObject({ app: 'web', port: 8080 });
    // The added requirement is decided like a given one: its dependencies show in the report.
    expect(result.stdout).toMatch(/^ {2}aiohttp +wheel /m);
  });

  it('after the given requirements, and in --json', async () => {
    const result = await runCli(['my-app', '--yes', '--app', 'web', '-r', 'cryptography', '--json'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(read('my-app/requirements.txt')).toBe('cryptography\naiohttp\n');
    const summary = JSON.parse(result.stdout);
    expect(summary.addedRequirements).toEqual(['aiohttp']);
    expect(summary.packages.map((p: { name: string }) => p.name)).toContain('aiohttp');
  });

  it('appends to an imported file without a final newline, keeping its bytes', async () => {
    writeFileSync(join(work, 'reqs.txt'), '# mine\r\nrequests');
    const result = await runCli(['my-app', '--yes', '--app', 'web', '--requirements-file', 'reqs.txt'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(read('my-app/requirements.txt')).toBe('# mine\r\nrequests\r\naiohttp\r\n');
  });

  it('adds nothing when aiohttp is already there (any spelling, extras, version)', async () => {
    const result = await runCli(['my-app', '--yes', '--app', 'web', '-r', 'AioHTTP[speedups]>=3.9'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(read('my-app/requirements.txt')).toBe('AioHTTP[speedups]>=3.9\n');
    expect(result.stdout).not.toContain('Added to requirements.txt');
  });

  it('--dry-run says what it would add and writes nothing', async () => {
    const result = await runCli(['my-app', '--yes', '--app', 'web', '--dry-run'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Would add to requirements.txt: aiohttp (the aiohttp web server imports it)');
  });
});

/** Drives the built CLI through a real pseudo-terminal (test/support/pty-drive.py). */
function drive(cwd: string, argv: string[], steps: [string, string][]): { exitCode: number; output: string; pendingSteps: unknown[] } {
  const script = join(cwd, '.pty-script.json');
  writeFileSync(script, JSON.stringify({ argv: [process.execPath, CLI_BIN, ...argv], cwd, steps, timeout: 30 }));
  return JSON.parse(execFileSync('python3', [join(REPO_ROOT, 'test/support/pty-drive.py'), script], { encoding: 'utf8', timeout: 40_000 }));
}

describe('the App kind prompt offers the web app without aiohttp', () => {
  it('choosing it adds aiohttp', () => {
    const ENTER = '\r';
    const result = drive(
      work,
      [],
      [
        ['Project directory', `svc${ENTER}`],
        ['Python runtime', ENTER],
        ['Requirements', `\x1b[B\x1b[B${ENTER}`], // none for now
        ['Alpine build dependencies: extra packages', ENTER],
        ['Alpine runtime libraries: extra packages', ENTER],
        ['adds aiohttp to the requirements', `\x1b[A\x1b[A${ENTER}`], // default is cli; up twice (past FastAPI): the aiohttp web server
        ['Port the web app listens on', ENTER],
        ['Compile bytecode at build time?', ENTER],
      ],
    );
    expect(result.pendingSteps).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(read('svc/requirements.txt')).toBe('aiohttp\n');
    expect(JSON.parse(read('svc/slim-python.json'))).toMatchObject({ app: 'web', port: 8080 });
  });
});
