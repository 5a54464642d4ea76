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

/** Drives the built CLI through a real pseudo-terminal (test/support/pty-drive.py). */
function drive(cwd: string, argv: string[], steps: [string, string][]): { exitCode: number; output: string; pendingSteps: unknown[] } {
  const script = join(cwd, '.pty-script.json');
  writeFileSync(script, JSON.stringify({ argv: [process.execPath, CLI_BIN, ...argv], cwd, steps, timeout: 30 }));
  return JSON.parse(execFileSync('python3', [join(REPO_ROOT, 'test/support/pty-drive.py'), script], { encoding: 'utf8', timeout: 40_000 }));
}
const ENTER = '\r';

describe('the requirement prompt shows the problem, not a flag-shaped prefix', () => {
  it('a parse error and a pip option line, then a good entry', () => {
    const result = drive(
      work,
      ['svc', '--python', '3.12'],
      [
        ['Requirements', ENTER],
        ['Requirement (e.g.', `foo==${ENTER}`],
        ['Invalid requirement', '\x15-e .\r'], // Ctrl-U clears the line
        ['is a pip option line', '\x03'],
      ],
    );
    expect(result.pendingSteps).toEqual([]);
    expect(result.exitCode).toBe(130);
    expect(result.output).not.toMatch(/--requirement:1:|--requirement #1/);
  });
});

describe('the port prompt shows the problem without a flag name', () => {
  it('80 is refused at the prompt, 9000 taken', () => {
    const result = drive(
      work,
      ['svc', '--python', '3.12', '-r', 'aiohttp', '--app', 'web'],
      [
        ['Alpine build dependencies: extra packages', ENTER],
        ['Alpine runtime libraries: extra packages', ENTER],
        ['Port the web app listens on', `\x15\x08\x08\x08\x0880${ENTER}`],
        ['invalid port "80": use a number from 1024 to 65535', `\x15\x08\x089000${ENTER}`],
        ['Compile bytecode at build time?', ENTER],
      ],
    );
    expect(result.pendingSteps).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(read('svc/slim-python.json'))).toMatchObject({ port: 9000 });
  });
});

describe('slim-python.json with a byte-order mark or a syntax error', () => {
  it('a UTF-8 BOM (as some editors write) is accepted and --check stays clean', async () => {
    const root = await project();
    const path = join(root, 'slim-python.json');
    writeFileSync(path, `\ufeff${readFileSync(path, 'utf8')}`);
    const check = await runCli(['update', '--check'], { cwd: root });
    expect(check.stderr).toBe('');
    expect(check.exitCode).toBe(0);
    const explain = await runCli(['explain', '--json'], { cwd: root });
    expect(explain.exitCode).toBe(0);
  });

  it('a syntax error is one whole line naming the line and column', async () => {
    const root = await project();
    writeFileSync(join(root, 'slim-python.json'), '{\n  "version": 1,,\n  "name": "svc"\n}\n');
    const result = await runCli(['update'], { cwd: root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/slim-python\.json: not valid JSON at line 2, column 16 \(Expected double-quoted property name\); fix it or regenerate the project\n$/);
  });
});

describe('the create report: a banner, and next steps that mention update', () => {
  it('starts with the tool name and version and ends with how to keep the Dockerfile right', async () => {
    const version = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;
    const result = await runCli(['svc', '--yes', '-r', 'aiohttp'], { cwd: work });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`create-slim-python v${version}`);
    expect(result.stdout).toMatch(/Next steps:\n(?: {2}.+\n)* {2}npx create-slim-python update +# after changing requirements\.txt: regenerates the Dockerfile\n/);
    const json = JSON.parse((await runCli(['other', '--yes', '-r', 'aiohttp', '--json'], { cwd: work })).stdout);
    expect(json.next).toContain('npx create-slim-python update');
  });

  it('an interactive run shows the banner before the first question', () => {
    const version = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;
    const result = drive(
      work,
      [],
      [
        [`create-slim-python v${version}`, ''],
        ['Project directory', '\x03'],
      ],
    );
    expect(result.pendingSteps).toEqual([]);
    expect(result.output.indexOf(`create-slim-python v${version}`)).toBeLessThan(result.output.indexOf('Project directory'));
  });
});

describe('duplicate requirements are reported', () => {
  it('in create (flags), update and explain, naming both places', async () => {
    const created = await runCli(['svc', '--yes', '-r', 'aiohttp', '-r', 'AIOHTTP>=3.9'], { cwd: work });
    expect(created.exitCode).toBe(0);
    expect(created.stderr).toContain('warning: --requirement:2: AIOHTTP>=3.9 repeats aiohttp from --requirement:1; pip combines them, so keep one line per project\n');
    writeFileSync(join(work, 'svc/requirements.txt'), 'aiohttp\ncryptography\naiohttp[speedups]\n');
    const updated = await runCli(['update'], { cwd: join(work, 'svc') });
    expect(updated.stderr).toContain('warning: requirements.txt:3: aiohttp[speedups] repeats aiohttp from requirements.txt:1;');
    const explained = JSON.parse((await runCli(['explain', '--json'], { cwd: join(work, 'svc') })).stdout);
    expect(explained.warnings).toContain('requirements.txt:3: aiohttp[speedups] repeats aiohttp from requirements.txt:1; pip combines them, so keep one line per project');
  });

  it('the same project under markers that exclude each other is not a duplicate', async () => {
    const created = await runCli(['svc', '--yes', '--app', 'cli', '-r', 'numpy<2; python_version < "3.11"', '-r', 'numpy>=2; python_version >= "3.11"'], { cwd: work });
    expect(created.exitCode).toBe(0);
    expect(created.stderr).not.toMatch(/repeats/);
  });
});

describe('explain: the runtime and the architectures the image is built for', () => {
  it('--help names the real default Python and architectures', async () => {
    const help = (await runCli(['explain', '--help'])).stdout;
    expect(help).not.toMatch(/newest/);
    expect(help).toMatch(/--python X\.Y .*\(default: the project's, else 3\.14\)/);
    expect(help).toMatch(/--arch .*\(default: the project's arches \(both for a requirements file\); --online: x86_64\)/);
  });

  it('a project is judged on every architecture it builds for, as its Dockerfile is', async () => {
    await project('svc', ['-r', 'aiohttp']);
    const doc = JSON.parse((await runCli(['explain', '--json'], { cwd: join(work, 'svc') })).stdout);
    expect(doc.arches).toEqual(['aarch64', 'x86_64']);
    expect(doc.packages.find((p: { name: string }) => p.name === 'aiohttp').why).toMatch(/on (x86_64 and aarch64|aarch64 and x86_64)/);
    const text = (await runCli(['explain'], { cwd: join(work, 'svc') })).stdout;
    expect(text.split('\n')[0]).toBe('Requirements for CPython 3.12 on aarch64 and x86_64 (Alpine, musllinux):');
  });

  it('--arch narrows it to one', async () => {
    await project('svc', ['-r', 'aiohttp']);
    const doc = JSON.parse((await runCli(['explain', '--json', '--arch', 'aarch64'], { cwd: join(work, 'svc') })).stdout);
    expect(doc.arches).toEqual(['aarch64']);
  });
});
