/**
 * The init questions in-process with a scripted prompter (the create-astro way): which questions
 * are asked when detection cannot choose, their choices, and that answers land in the files.
 */
import { createCancellation } from '../../src/io/cancel.ts';
import { PassThrough } from 'node:stream';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main.ts';
import type { Choice, Prompter } from '../../src/io/prompter.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'csp-prompts-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

interface Asked {
  kind: string;
  message: string;
  choices?: string[];
}

/** A prompter answering from a queue; records every question. */
function scripted(answers: unknown[], asked: Asked[]): Prompter {
  const next = <T>(): T => {
    if (answers.length === 0) throw new Error(`unexpected question: ${JSON.stringify(asked[asked.length - 1])}`);
    return answers.shift() as T;
  };
  return {
    input: async (o) => (asked.push({ kind: 'input', message: o.message }), next<string>()),
    select: async <T>(o: { message: string; choices: Choice<T>[] }) => (asked.push({ kind: 'select', message: o.message, choices: o.choices.map((c) => c.name) }), next<T>()),
    confirm: async (o) => (asked.push({ kind: 'confirm', message: o.message }), next<boolean>()),
    checkbox: async <T>(o: { message: string; choices: Choice<T>[] }) => (asked.push({ kind: 'checkbox', message: o.message }), next<T[]>()),
  };
}

async function runInit(root: string, answers: unknown[], extra: string[] = []) {
  const asked: Asked[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await main(['init', root, '--interactive', ...extra], {
    cwd: root,
    env: {},
    stdin: new PassThrough(),
    stdout,
    stderr,
    prompter: scripted(answers, asked),
    cancel: createCancellation(),
  });
  return { code, asked, out, err };
}

describe('init asks only what it could not tell', () => {
  it('several requirements files and several commands: two selects, then the runtime', async () => {
    const root = project({
      'requirements-api.txt': 'flask\ngunicorn\n',
      'requirements-worker.txt': 'flask\ngunicorn\n',
      'api/__init__.py': 'from flask import Flask\napp = Flask(__name__)\n',
      'worker/__init__.py': '',
      'worker/__main__.py': 'print("work")\n',
    });
    const { code, asked, out, err } = await runInit(root, ['requirements-api.txt', JSON.stringify(['python', '-m', 'worker']), '3.13']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(asked.map((q) => q.message)).toEqual([
      'Which file lists the dependencies?',
      'What should the container run?',
      'Python runtime (the project does not say: no .python-version, no requires-python)',
    ]);
    expect(asked[1]!.choices).toEqual(['gunicorn api:app', 'python -m worker', 'another command (type it)']);
    expect(out.indexOf('Detected:')).toBeLessThan(out.indexOf('Set up'));
    const config = JSON.parse(readFileSync(join(root, 'slim-python.json'), 'utf8'));
    expect(config).toMatchObject({ requirements: 'requirements-api.txt', cmd: ['python', '-m', 'worker'], python: '3.13', app: 'cli', port: null });
  });

  it('"another command": typed, validated and split without a shell', async () => {
    const root = project({
      'requirements.txt': 'flask\ngunicorn\n',
      'a/__init__.py': 'from flask import Flask\napp = Flask(__name__)\n',
      'b/__init__.py': '',
      'b/__main__.py': '',
    });
    const { code } = await runInit(root, ['\0other', 'gunicorn -w 3 "a:app"'], ['--python', '3.12']);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'slim-python.json'), 'utf8'))).toMatchObject({ cmd: ['gunicorn', '-w', '3', 'a:app'], port: 8000, app: 'web' });
  });

  it('everything detected: no question at all', async () => {
    const root = project({ 'requirements.txt': 'flask\ngunicorn\n', '.python-version': '3.11\n', 'app.py': 'import flask\napp = flask.Flask(__name__)\n' });
    const { code, asked } = await runInit(root, []);
    expect(code).toBe(0);
    expect(asked).toEqual([]);
    expect(JSON.parse(readFileSync(join(root, 'slim-python.json'), 'utf8'))).toMatchObject({ cmd: ['gunicorn', 'app:app'], python: '3.11' });
  });
});
