/**
 * Interactive runs through a real pseudo-terminal (test/support/pty-drive.py): the prompts, their
 * defaults, and Ctrl-C (exit 130, nothing written).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/create-slim-python.js');
const DRIVER = join(ROOT, 'test/support/pty-drive.py');
const ENTER = '\r';
const DOWN = '\x1b[B';

function drive(cwd: string, argv: string[], steps: [string, string][]): { exitCode: number; output: string; pendingSteps: unknown[] } {
  const script = join(cwd, '.pty-script.json');
  writeFileSync(script, JSON.stringify({ argv: [process.execPath, BIN, ...argv], cwd, steps, timeout: 30 }));
  const out = execFileSync('python3', [DRIVER, script], { encoding: 'utf8', timeout: 40_000 });
  return JSON.parse(out);
}

describe('interactive create in a terminal', () => {
  it('asks every question in order with defaults, then writes the reference example', () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-pty-'));
    const result = drive(
      work,
      [],
      [
        ['Project directory', `my-app${ENTER}`],
        ['Python runtime', `${DOWN}${DOWN}${ENTER}`], // default 3.14; two down: 3.12
        ['Requirements', ENTER], // type them
        ['Requirement (e.g.', `cryptography${ENTER}`],
        ['Another requirement', `aiohttp${ENTER}`],
        ['Another requirement', ENTER],
        ['Alpine build dependencies: extra packages', ENTER],
        ['Alpine runtime libraries: extra packages', ENTER],
        ['App kind', ENTER],
        ['Port the web app listens on', ENTER],
        ['Compile bytecode at build time?', ENTER],
      ],
    );
    expect(result.pendingSteps).toEqual([]);
    expect(result.output).toContain('(8080)');
    expect(result.exitCode).toBe(0);
    const config = JSON.parse(readFileSync(join(work, 'my-app/slim-python.json'), 'utf8'));
    expect(config).toMatchObject({ name: 'my-app', python: '3.12', app: 'web', port: 8080, bytecode: true });
    expect(readFileSync(join(work, 'my-app/requirements.txt'), 'utf8')).toBe('cryptography\naiohttp\n');
  });

  it('rejects an invalid requirement at the prompt and asks again', () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-pty-'));
    const result = drive(
      work,
      ['tool', '--python', '3.13', '--app', 'cli', '--build-deps', '', '--runtime-libs', '', '--no-bytecode'],
      [
        ['Requirements', ENTER],
        ['Requirement (e.g.', `foo==${ENTER}`],
        // The prompt is drawn again with the error under it; erase and type a valid one.
        ['Requirement (e.g.', `\x7f\x7f\x7f\x7f\x7frequests${ENTER}`],
        ['Another requirement', ENTER],
      ],
    );
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(work, 'tool/requirements.txt'), 'utf8')).toBe('requests\n');
  });

  it('Ctrl-C at a prompt exits 130 and writes nothing', () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-pty-'));
    const result = drive(work, ['my-app'], [['Python runtime', '\x03']]);
    expect(result.exitCode).toBe(130);
    expect(result.output).toMatch(/cancelled: nothing was written/);
    expect(existsSync(join(work, 'my-app'))).toBe(false);
    expect(readdirSync(work)).toEqual(['.pty-script.json']);
  });
});

describe('interactive update in a terminal', () => {
  it('shows the diff of a conflict and asks; taking the new render keeps a .orig backup', () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-pty-'));
    execFileSync(process.execPath, [BIN, 'app', '--yes', '--no-interactive', '--python', '3.12', '-r', 'aiohttp'], { cwd: work });
    const dockerfile = join(work, 'app/Dockerfile');
    const edited = readFileSync(dockerfile, 'utf8').replace(
      /^ {4}xargs apk add --no-cache ca-certificates tzdata < \/tmp\/runtime-deps$/m,
      '    xargs -t apk add --no-cache ca-certificates tzdata tini < /tmp/runtime-deps' /* not only a package: -t too, so no recognised apk edit */,
    );
    writeFileSync(dockerfile, edited);
    writeFileSync(join(work, 'app/requirements.txt'), 'aiohttp\npython-magic\n');
    const result = drive(work, ['update', 'app'], [['your edits and the regeneration changed the same lines', `${DOWN}${ENTER}`]]);
    expect(result.output).toContain('--- a/Dockerfile');
    expect(result.exitCode).toBe(0);
    expect(readFileSync(`${dockerfile}.orig`, 'utf8')).toBe(edited);
    expect(readFileSync(dockerfile, 'utf8')).toMatch(/libmagic/);
  });

  it('end of input at the conflict prompt keeps the user file', () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-pty-'));
    execFileSync(process.execPath, [BIN, 'app', '--yes', '--no-interactive', '--python', '3.12', '-r', 'aiohttp'], { cwd: work });
    const dockerfile = join(work, 'app/Dockerfile');
    const edited = readFileSync(dockerfile, 'utf8').replace(
      /^ {4}xargs apk add --no-cache ca-certificates tzdata < \/tmp\/runtime-deps$/m,
      '    xargs -t apk add --no-cache ca-certificates tzdata tini < /tmp/runtime-deps' /* not only a package: -t too, so no recognised apk edit */,
    );
    writeFileSync(dockerfile, edited);
    writeFileSync(join(work, 'app/requirements.txt'), 'aiohttp\npython-magic\n');
    const result = drive(work, ['update', 'app'], [['your edits and the regeneration changed the same lines', '\x04']]);
    expect(readFileSync(dockerfile, 'utf8')).toBe(edited);
    expect(result.output).toMatch(/Dockerfile: conflict: kept your file unchanged/);
    expect(result.exitCode).toBe(0);
  });
});
