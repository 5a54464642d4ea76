/**
 * Issue 13 finding 1: `--yes` asks nothing, in a real terminal too. The README's headline command
 * (`npm create slim-python@latest my-app -- --yes --requirement cryptography --requirement aiohttp`)
 * is run the way npm create runs it: `npm exec` of the packed tarball, inside a pseudo-terminal.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.ts';
import { drivePty } from '../support/pty.ts';

// Every prompt create can show (and @inquirer's "?" prompt glyph); none may appear with --yes.
// ("Requirements on Alpine:" is a line of the report, not the requirements question.)
// eslint-disable-next-line no-control-regex -- @inquirer's coloured "?" starts with ESC
const PROMPTS = /Project directory|Python runtime|Requirements(?! on Alpine)|Alpine build|Alpine runtime|App kind|Port the web app|\u001b\[34m\?/;

describe('--yes in a terminal', () => {
  it('asks nothing and takes the defaults (built CLI in a pty)', () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-yes-'));
    const result = drivePty(work, ['my-app', '--yes', '--requirement', 'cryptography', '--requirement', 'aiohttp'], [], {
      script: join(tmpdir(), `csp-yes-${process.pid}-1.json`),
    });
    expect(result.output).not.toMatch(PROMPTS);
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain('Created my-app in ./my-app');
    const config = JSON.parse(readFileSync(join(work, 'my-app/slim-python.json'), 'utf8'));
    expect(config).toMatchObject({ name: 'my-app', python: '3.14', app: 'web', port: 8080 });
  });

  it('-y without a DIR takes the default directory in a pty', () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-yes-'));
    const result = drivePty(work, ['-y', '--app', 'cli'], [], { script: join(tmpdir(), `csp-yes-${process.pid}-2.json`) });
    expect(result.output).not.toMatch(PROMPTS);
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(work, 'slim-python-app/slim-python.json'))).toBe(true);
  });

  it('--yes with --interactive is a usage error (exit 2), nothing written', () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-yes-'));
    const result = drivePty(work, ['my-app', '--yes', '--interactive'], [], { script: join(tmpdir(), `csp-yes-${process.pid}-3.json`) });
    expect(result.exitCode).toBe(2);
    expect(result.output).toMatch(/--yes .*--interactive/);
    expect(existsSync(join(work, 'my-app'))).toBe(false);
  });

  it("the README's headline command, run as npm create runs it from the packed tarball, never prompts", () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-yes-npm-'));
    const packs = mkdtempSync(join(tmpdir(), 'csp-pack-'));
    const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', packs], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const tarball = join(packs, name.split('\n').pop()!);
    // `npm create slim-python@latest ARGS` is `npm exec create-slim-python@latest -- ARGS`.
    const result = drivePty(
      work,
      ['exec', '--yes', `--package=${tarball}`, '--', 'create-slim-python', 'my-app', '--yes', '--requirement', 'cryptography', '--requirement', 'aiohttp'],
      [],
      { command: ['npm'], env: { npm_config_cache: join(packs, 'cache'), npm_config_update_notifier: 'false' }, timeout: 45, script: join(packs, 'script.json') },
    );
    expect(result.output).not.toMatch(PROMPTS);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(work, 'my-app/requirements.txt'), 'utf8')).toBe('cryptography\naiohttp\n');
  }, 90_000);
});
