/**
 * Issue 13 finding 6: the wizard checks the target at the directory question (not after eight
 * answers) and offers another directory, writing only the generated files, or cancelling; a typo
 * at the requirements-file question asks again. Through a real pseudo-terminal.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { DOWN, drivePty, ENTER } from '../support/pty.ts';

function workWithExisting(): string {
  const work = mkdtempSync(join(tmpdir(), 'csp-wizard-'));
  mkdirSync(join(work, 'my-app'));
  writeFileSync(join(work, 'my-app/notes.txt'), 'mine\n');
  return work;
}

const script = (): string => join(mkdtempSync(join(tmpdir(), 'csp-wizard-script-')), 'script.json');

// The questions after the directory, answered with their defaults (aiohttp typed as requirement).
const REST: [string, string][] = [
  ['Python runtime', ENTER],
  ['Requirements', ENTER],
  ['Requirement (e.g.', `aiohttp${ENTER}`],
  ['Another requirement', ENTER],
  ['Alpine build dependencies: extra packages', ENTER],
  ['Alpine runtime libraries: extra packages', ENTER],
  ['App kind', ENTER],
  ['Port the web app listens on', ENTER],
  ['Compile bytecode at build time?', ENTER],
];

describe('the directory question', () => {
  it('a non-empty directory: "cancel" ends at once with 130, before any other question', () => {
    const work = workWithExisting();
    const result = drivePty(
      work,
      [],
      [
        ['Project directory', `my-app${ENTER}`],
        ['is not empty', `${DOWN}${DOWN}${ENTER}`],
      ],
      { script: script() },
    );
    expect(result.pendingSteps).toEqual([]);
    expect(result.exitCode).toBe(130);
    expect(result.output).not.toContain('Python runtime');
    expect(readdirSync(join(work, 'my-app'))).toEqual(['notes.txt']);
  });

  it('"write only the generated files" goes on and leaves the other files alone', () => {
    const work = workWithExisting();
    const result = drivePty(work, [], [['Project directory', `my-app${ENTER}`], ['is not empty', `${DOWN}${ENTER}`], ...REST], { script: script() });
    expect(result.pendingSteps).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(work, 'my-app/notes.txt'), 'utf8')).toBe('mine\n');
    expect(readdirSync(join(work, 'my-app'))).toContain('Dockerfile');
  });

  it('"choose another directory" asks again; a file typed as the directory is refused at the prompt', () => {
    const work = workWithExisting();
    writeFileSync(join(work, 'a-file'), 'x');
    const result = drivePty(
      work,
      [],
      [
        ['Project directory', `my-app${ENTER}`],
        ['is not empty', ENTER],
        ['Project directory', `a-file${ENTER}`],
        ['exists and is not a directory', `${'\x7f'.repeat(6)}fresh${ENTER}`],
        ...REST,
      ],
      { script: script() },
    );
    expect(result.pendingSteps).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(work, 'fresh/slim-python.json'), 'utf8')).name).toBe('fresh');
    expect(readdirSync(join(work, 'my-app'))).toEqual(['notes.txt']);
  });

  it('a non-empty DIR given as the argument is offered the same choice at once', () => {
    const work = workWithExisting();
    const result = drivePty(work, ['my-app'], [['is not empty', `${DOWN}${DOWN}${ENTER}`]], { script: script() });
    expect(result.exitCode).toBe(130);
    expect(result.output).not.toContain('Python runtime');
  });

  it('without prompts a non-empty DIR is refused (exit 3) before the requirements are read', async () => {
    const work = workWithExisting();
    const result = await runCli(['my-app', '--yes', '--requirements-file', 'missing.txt'], { cwd: work });
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(/my-app is not empty \(notes\.txt\)/);
  });
});

describe('the requirements-file question', () => {
  it('a typo in the path shows why and asks again instead of aborting', () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-wizard-'));
    writeFileSync(join(work, 'reqs.txt'), 'requests\n');
    const result = drivePty(
      work,
      ['tool', '--python', '3.13', '--app', 'cli', '--build-deps', '', '--runtime-libs', ''],
      [
        ['Requirements', `${DOWN}${ENTER}`],
        ['Path of the requirements file', `reqs.txtt${ENTER}`],
        ['no such file', `\x7f${ENTER}`],
        ['Compile bytecode at build time?', ENTER],
      ],
      { script: script() },
    );
    expect(result.pendingSteps).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(work, 'tool/requirements.txt'), 'utf8')).toBe('requests\n');
  });
});

describe('flag values given with prompts', () => {
  it('a bad flag value fails before the first question (exit 2)', () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-wizard-'));
    for (const args of [
      ['--python', '9.9'],
      ['--port', '80'],
      ['--build-deps', 'Bad Name!'],
      ['-r', 'foo=='],
    ]) {
      const result = drivePty(work, args, [], { script: script() });
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.output, args.join(' ')).not.toContain('Project directory');
    }
  });
});
