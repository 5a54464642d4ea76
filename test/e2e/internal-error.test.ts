/**
 * Exit 70 end to end: the built CLI with a bug injected (test/support/inject-bug.mjs makes
 * fs.promises.rename throw a plain TypeError). The boundary prints one line naming an internal
 * error, exits 70, and the write leaves nothing behind: no partial project, no temporary file,
 * the user's Dockerfile untouched.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLI_BIN, runCli } from '../support/cli.ts';

const INJECT = fileURLToPath(new URL('../support/inject-bug.mjs', import.meta.url));

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'csp-internal-'));
});

async function runBuggy(args: string[], env: Record<string, string> = {}) {
  const result = await execa('node', ['--import', INJECT, CLI_BIN, ...args], {
    cwd: work,
    stdin: 'ignore',
    reject: false,
    stripFinalNewline: false,
    timeout: 60_000,
    env: { DEBUG: '', ...env },
  });
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}

describe('exit 70: an internal error', () => {
  it('create: one line, exit 70, no partial project and no staging folder', async () => {
    const result = await runBuggy(['my-app', '--yes', '--requirement', 'aiohttp']);
    expect(result.stderr).toBe('create-slim-python: internal error: injected bug in rename (set DEBUG=1 for details)\n');
    expect(result.exitCode).toBe(70);
    expect(result.stdout).toBe('');
    expect(readdirSync(work)).toEqual([]);
  });

  it('DEBUG=1 adds the stack trace', async () => {
    const result = await runBuggy(['my-app', '--yes'], { DEBUG: '1' });
    expect(result.exitCode).toBe(70);
    expect(result.stderr).toMatch(/^TypeError: injected bug in rename\n {4}at /);
    expect(result.stderr.endsWith('\ncreate-slim-python: internal error: injected bug in rename\n')).toBe(true);
  });

  it('update: exit 70 with the Dockerfile as it was and no temporary file', async () => {
    expect((await runCli(['app', '--yes', '--requirement', 'aiohttp'], { cwd: work })).exitCode).toBe(0);
    const app = join(work, 'app');
    const before = readFileSync(join(app, 'Dockerfile'), 'utf8');
    const entries = readdirSync(app).sort();
    writeFileSync(join(app, 'requirements.txt'), 'aiohttp\npsycopg2\n');
    const result = await runBuggy(['update', 'app']);
    expect(result.stderr).toBe('create-slim-python: internal error: injected bug in rename (set DEBUG=1 for details)\n');
    expect(result.exitCode).toBe(70);
    expect(readFileSync(join(app, 'Dockerfile'), 'utf8')).toBe(before);
    expect(readdirSync(app).sort()).toEqual(entries);
  });
});
