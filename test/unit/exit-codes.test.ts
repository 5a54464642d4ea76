/**
 * The one error boundary (src/main.ts, src/errors.ts), in process: every documented exit
 * code with its literal message. The numbers are the contract (README "Exit codes"), so they are
 * written out here, never read back from EXIT.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CANCEL_SIGNALS, createCancellation } from '../../src/io/cancel.ts';
import type { Io } from '../../src/io/io.ts';
import { main } from '../../src/main.ts';
import { CancelledError, ConflictError, EXIT, exitCodeOf, InputFileError, OutOfDateError, ToolError, UsageError } from '../../src/errors.ts';

interface TestIo extends Io {
  out: () => string;
  err: () => string;
}

function testIo(options: { cwd?: string; env?: Record<string, string>; cancelled?: boolean; stdout?: Writable } = {}): TestIo {
  const capture = () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString('utf8'));
        done();
      },
    });
    return { stream, text: () => chunks.join('') };
  };
  const stdout = capture();
  const stderr = capture();
  return {
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'csp-exit-')),
    env: options.env ?? {},
    stdin: new PassThrough(),
    stdout: options.stdout ?? stdout.stream,
    stderr: stderr.stream,
    cancel: cancellation(options.cancelled ?? false),
    out: stdout.text,
    err: stderr.text,
  };
}

/** A stdout whose write throws: a bug in our code as far as the boundary can tell. */
function brokenStdout(error: unknown): Writable {
  const stream = new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });
  stream.write = () => {
    throw error;
  };
  return stream;
}

describe('exit codes: the documented numbers', () => {
  it('EXIT holds the README table', () => {
    expect(EXIT).toEqual({ ok: 0, outOfDate: 1, usage: 2, conflict: 3, internal: 70, cannotWrite: 73, cancelled: 130 });
    // The signal rows of the same table live in the entry point's signal table (src/io/cancel.ts).
    expect(CANCEL_SIGNALS).toEqual({ SIGINT: 130, SIGTERM: 143, SIGHUP: 129 });
  });

  // Factories, so the errors are built inside each test (Stryker's per-test coverage sees them).
  it.each([
    [() => new UsageError('u'), 2, 'UsageError'],
    [() => new InputFileError('requirements.txt', 4, 'bad'), 2, 'InputFileError'],
    [() => new ConflictError('c'), 3, 'ConflictError'],
    [() => new CancelledError(), 130, 'CancelledError'],
    [() => new OutOfDateError('o'), 1, 'OutOfDateError'],
    [() => new ToolError('t'), 70, 'ToolError'],
    [() => new ToolError('t', 2), 2, 'ToolError'],
  ] as const)('%#: exits %i as %s', (make, code, name) => {
    const error = make();
    expect(exitCodeOf(error)).toBe(code);
    expect(error.exitCode).toBe(code);
    expect(error.name).toBe(name);
  });

  it('anything without a numeric exitCode is an internal failure (70)', () => {
    for (const value of [new Error('x'), new TypeError('x'), 'text', null, undefined, 42, { exitCode: '2' }, { exitCode: null }]) {
      expect(exitCodeOf(value), String(value)).toBe(70);
    }
    expect(exitCodeOf({ exitCode: 0 })).toBe(0);
  });

  it('located input errors read FILE:LINE: message, or FILE: message', () => {
    expect(new InputFileError('requirements.txt', 4, 'bad').message).toBe('requirements.txt:4: bad');
    expect(new InputFileError('slim-python.json', null, 'not valid JSON').message).toBe('slim-python.json: not valid JSON');
    expect(new CancelledError().message).toBe('cancelled: nothing was written');
    expect(new InputFileError('a', 1, 'b')).toBeInstanceOf(UsageError);
  });
});

describe('the error boundary (main)', () => {
  it('0: --help for each command', async () => {
    for (const argv of [['--help'], ['create', '--help'], ['update', '--help'], ['explain', '--help']]) {
      const io = testIo();
      expect(await main(argv, io), argv.join(' ')).toBe(0);
      expect(io.err()).toBe('');
      const command = argv[0] === 'update' || argv[0] === 'explain' ? argv[0] : 'create';
      expect(io.out(), argv.join(' ')).toMatch(
        command === 'create' ? /^Usage: create-slim-python \[DIR\] \[flags\]\n/ : new RegExp(`^Usage: create-slim-python ${command} \\[DIR\\]`),
      );
    }
  });

  it('an explicit "create" takes the same arguments as none', async () => {
    for (const argv of [
      ['create', 'app', '--yes', '--dry-run'],
      ['app', '--yes', '--dry-run'],
    ]) {
      const io = testIo();
      expect(await main(argv, io), argv.join(' ')).toBe(0);
      expect(io.out()).toMatch(/^ {2}create {4}Dockerfile$/m);
      expect(readdirSync(io.cwd)).toEqual([]);
    }
  });

  it('2: a usage error is one line without "internal error"', async () => {
    const io = testIo();
    expect(await main(['--bogus'], io)).toBe(2);
    expect(io.err()).toBe('create-slim-python: unknown flag --bogus; run "create-slim-python --help" for the flags\n');
    expect(io.out()).toBe('');
  });

  it('3: refusing a non-empty target', async () => {
    const io = testIo();
    writeFileSync(join(io.cwd, 'notes.txt'), 'mine');
    expect(await main(['.', '--yes', '--name', 'app'], io)).toBe(3);
    expect(io.err()).toBe(`create-slim-python: ${io.cwd} is not empty (notes.txt): choose an empty or new DIR, or pass --force to write over the generated files only\n`);
  });

  it('1: update --check on an out-of-date project; 0 once updated', async () => {
    const io = testIo();
    expect(await main(['app', '--yes', '--python', '3.12', '--requirement', 'aiohttp'], io)).toBe(0);
    writeFileSync(join(io.cwd, 'app/requirements.txt'), 'aiohttp\npsycopg2\n');
    const check = testIo({ cwd: io.cwd });
    expect(await main(['update', 'app', '--check'], check)).toBe(1);
    expect(check.err()).toBe('create-slim-python: out of date: run "npx create-slim-python update" and commit the result\n');
    expect(await main(['update', 'app'], testIo({ cwd: io.cwd }))).toBe(0);
    expect(await main(['update', 'app', '--check'], testIo({ cwd: io.cwd }))).toBe(0);
  });

  it('130: cancelled while writing, and nothing is left behind', async () => {
    const io = testIo({ cancelled: true });
    expect(await main(['app', '--yes', '--requirement', 'aiohttp'], io)).toBe(130);
    expect(io.err()).toBe('create-slim-python: cancelled: nothing was written\n');
    expect(readdirSync(io.cwd)).toEqual([]);
  });

  it('70: an unexpected error is an internal error, one line, with the hint', async () => {
    const io = testIo({ stdout: brokenStdout(new TypeError('boom\nsecond line')) });
    expect(await main(['--help'], io)).toBe(70);
    expect(io.err()).toBe('create-slim-python: internal error: boom (set DEBUG=1 for details)\n');
  });

  it('70 with DEBUG=1: the stack first, then the line without the hint', async () => {
    const io = testIo({ env: { DEBUG: '1' }, stdout: brokenStdout(new TypeError('boom')) });
    expect(await main(['--help'], io)).toBe(70);
    const lines = io.err().split('\n');
    expect(lines[0]).toBe('TypeError: boom');
    expect(lines[1]).toMatch(/^ {4}at /);
    expect(lines.at(-2)).toBe('create-slim-python: internal error: boom');
    expect(lines.at(-1)).toBe('');
  });

  it('70: a thrown non-Error value is printed as text', async () => {
    const io = testIo({ stdout: brokenStdout('not an error object') });
    expect(await main(['--help'], io)).toBe(70);
    expect(io.err()).toBe('create-slim-python: internal error: not an error object (set DEBUG=1 for details)\n');
  });

  it('a documented error with DEBUG=1 still prints its stack, and keeps its own code', async () => {
    const io = testIo({ env: { DEBUG: '1' } });
    expect(await main(['--bogus'], io)).toBe(2);
    expect(io.err()).toMatch(/^UsageError: unknown flag --bogus.*\n {4}at /);
    expect(io.err().endsWith('\ncreate-slim-python: unknown flag --bogus; run "create-slim-python --help" for the flags\n')).toBe(true);
  });
});

/** A cancellation channel, already raised (Ctrl-C) when `cancelled`. */
function cancellation(cancelled: boolean) {
  const cancel = createCancellation();
  if (cancelled) cancel.request('SIGINT');
  return cancel;
}
