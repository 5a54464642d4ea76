/**
 * Proof by execution (issue 11): the default release image carries the standard library as .pyc
 * files in place of its sources. This runs the Dockerfile's own compile step (read from a generated
 * Dockerfile, paths moved into a temporary prefix) over a real CPython's standard library (this
 * machine's python3, copied with its interpreter binary), deletes the sources as the step does, and
 * starts that interpreter: it must find its prefix from the bytecode alone (getpath's os.pyc
 * landmark), import the modules a web app loads with the sourceless loader, and name file and line
 * in tracebacks.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRuntime } from '../../src/target/runtimes.ts';
import { extractRunScripts } from '../support/linters.ts';
import { PYTHON } from '../support/python-venv.ts';
import { invokedCommands } from '../support/shell-commands.ts';
import { generateDockerfile, PROOF_PROJECTS } from './cases.ts';

const work = mkdtempSync(join(tmpdir(), 'csp-sourceless-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const info = JSON.parse(
  execFileSync(
    PYTHON,
    ['-c', 'import json, sys, sysconfig; print(json.dumps({"exe": sys.executable, "stdlib": sysconfig.get_paths()["stdlib"], "version": "%d.%d" % sys.version_info[:2]}))'],
    { encoding: 'utf8' },
  ),
) as { exe: string; stdlib: string; version: string };

/** The compileall invocation of the generated Dockerfile's bytecode step, as argv after `python3`. */
function compileStep(version: string): string[] {
  const { text } = generateDockerfile(PROOF_PROJECTS[0]!, version);
  const step = extractRunScripts(text).find((run) => run.script.includes('compileall') && run.script.includes('-b'));
  if (!step) throw new Error('no standard-library compile step in the generated Dockerfile');
  const call = invokedCommands(step.script).find((c) => c.name === 'python3' && c.args.includes('-b'))!;
  return call.args.map((arg) => arg!);
}

describe('the standard library as bytecode only (the default release layout)', () => {
  it(`a real CPython ${info.version} starts, imports and reports tracebacks from it`, () => {
    const prefix = join(work, 'prefix');
    const stem = `python${info.version}`;
    mkdirSync(join(prefix, 'bin'), { recursive: true });
    copyFileSync(info.exe, join(prefix, 'bin', stem));
    const skip = new Set(['test', 'tests', 'idle_test', '__pycache__', 'site-packages', 'dist-packages', 'idlelib', 'tkinter', 'turtledemo', 'lib2to3', 'ensurepip']);
    cpSync(info.stdlib, join(prefix, 'lib', stem), { recursive: true, filter: (src) => !skip.has(basename(src)) });
    mkdirSync(join(prefix, 'lib', stem, 'site-packages'));

    // The Dockerfile's own arguments, with its build paths moved into the temporary prefix.
    const args = compileStep(findRuntime(info.version) ? info.version : '3.12').map((arg) =>
      arg
        .replace('/opt/python/lib/', `${prefix}/lib/`)
        .replace(/^\/opt\/python$/, prefix)
        .replace(/python3\.\d+$/, stem),
    );
    expect(args).toEqual(['-m', 'compileall', '-q', '-b', '-j', '0', '--invalidation-mode', 'unchecked-hash', '-s', prefix, '-p', '/usr/local', join(prefix, 'lib', stem)]);
    execFileSync(join(prefix, 'bin', stem), args, { env: { PATH: process.env.PATH ?? '' }, stdio: 'pipe' });
    const remove = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) remove(path);
        else if (entry.name.endsWith('.py')) rmSync(path);
      }
    };
    remove(join(prefix, 'lib', stem));
    expect(existsSync(join(prefix, 'lib', stem, 'os.py'))).toBe(false);
    expect(existsSync(join(prefix, 'lib', stem, 'os.pyc'))).toBe(true);

    const probe = [
      'import sys, asyncio, json, ssl, email.message, http.client, zoneinfo, decimal, traceback',
      'print(sys.prefix)',
      'print(type(asyncio.__spec__.loader).__name__)',
      'try:\n    json.loads("{")\nexcept ValueError:\n    traceback.print_exc(limit=3, file=sys.stdout)',
    ].join('\n');
    const out = execFileSync(join(prefix, 'bin', stem), ['-c', probe], { env: { PATH: process.env.PATH ?? '', PYTHONDONTWRITEBYTECODE: '1' }, encoding: 'utf8' });
    const [foundPrefix, loader, ...traceback] = out.trimEnd().split('\n');
    expect(foundPrefix).toBe(prefix);
    expect(loader).toBe('SourcelessFileLoader');
    // File and line of the standard library frame, under the image's path; no source text line.
    expect(traceback.join('\n')).toMatch(new RegExp(`File "/usr/local/lib/${stem.replace('.', '\\.')}/json/__init__\\.py", line \\d+, in loads\\n {2}File`));
  }, 300_000);
});
