/**
 * Interactive init through a real pseudo-terminal (test/support/pty-drive.py): it shows what it
 * detected first and asks only what detection could not tell.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_BIN, REPO_ROOT } from '../support/cli.ts';
import { cmdOf, copyFixture, fileRecord } from '../support/init-fixtures.ts';

const DRIVER = join(REPO_ROOT, 'test/support/pty-drive.py');
const ENTER = '\r';
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function drive(root: string, argv: string[], steps: [string, string][]): { exitCode: number; output: string; pendingSteps: unknown[] } {
  const work = dirname(root);
  const script = join(work, '.pty-script.json');
  writeFileSync(script, JSON.stringify({ argv: [process.execPath, CLI_BIN, 'init', root, ...argv], cwd: work, steps, timeout: 30 }));
  return JSON.parse(execFileSync('python3', [DRIVER, script], { encoding: 'utf8', timeout: 40_000 }));
}

describe('interactive init in a terminal', () => {
  it('Django: shows what it detected, asks only for the Python runtime (the project does not say)', () => {
    const root = copyFixture('django-site');
    made.push(dirname(root));
    const before = fileRecord(root);
    const result = drive(root, [], [['Python runtime (the project does not say', ENTER]]);
    expect(result.pendingSteps).toEqual([]);
    expect(result.exitCode, result.output).toBe(0);
    const shown = result.output.indexOf('Detected:');
    expect(shown).toBeGreaterThan(-1);
    expect(shown).toBeLessThan(result.output.indexOf('Python runtime'));
    expect(result.output).toContain('dependencies from requirements.txt (requirements.txt found)');
    expect(result.output).not.toContain('What should the container run');
    expect(cmdOf(readFileSync(join(root, 'Dockerfile'), 'utf8'))).toEqual(['gunicorn', 'mysite.wsgi']);
    const after = fileRecord(root);
    for (const [path, bytes] of before) expect(after.get(path), path).toBe(bytes);
  });

  it('Flask without gunicorn: says why it cannot tell, asks for the command and splits it without a shell', () => {
    const root = copyFixture('flask-gunicorn');
    made.push(dirname(root));
    writeFileSync(join(root, 'requirements.txt'), 'flask>=3\n');
    const result = drive(root, [], [['What should the container run?', `flask --app myservice.app run --host 0.0.0.0 --port 5000${ENTER}`]]);
    expect(result.pendingSteps).toEqual([]);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain('python 3.12 (.python-version says 3.12)');
    expect(result.output).toContain('gunicorn is not in the requirements');
    expect(result.output).not.toContain('Python runtime (');
    expect(cmdOf(readFileSync(join(root, 'Dockerfile'), 'utf8'))).toEqual(['flask', '--app', 'myservice.app', 'run', '--host', '0.0.0.0', '--port', '5000']);
    expect(JSON.parse(readFileSync(join(root, 'slim-python.json'), 'utf8'))).toMatchObject({ port: 5000, app: 'web' });
  });
});
