/**
 * Issue 13, finding 9, end to end on real generated Dockerfiles: a LABEL under a FROM line and a
 * package added to the generated apk add line survive updates that change those lines; a
 * missing merge base is reported as such (exit 3, file untouched, no base invented).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLI_BIN, REPO_ROOT, runCli } from '../support/cli.ts';

let root: string;
beforeEach(async () => {
  const work = mkdtempSync(join(tmpdir(), 'csp-flows2-'));
  const result = await runCli(['svc', '--yes', '--python', '3.12', '-r', 'aiohttp'], { cwd: work });
  expect(result.exitCode, result.stderr).toBe(0);
  root = join(work, 'svc');
});
const dockerfile = () => readFileSync(join(root, 'Dockerfile'), 'utf8');
const update = (...args: string[]) => runCli(['update', ...args], { cwd: root });

describe('hand edits next to regenerated lines', () => {
  it('a LABEL right after FROM ... AS build survives update --python', async () => {
    writeFileSync(join(root, 'Dockerfile'), dockerfile().replace(/^(FROM \S+ AS build)$/m, '$1\nLABEL team="core"'));
    const result = await update('--python', '3.13');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(dockerfile()).toMatch(/^FROM python:3\.13-alpine\$\{ALPINE_VERSION\} AS build\nLABEL team="core"$/m);
    expect((await update('--check')).exitCode).toBe(0);
  });

  it('a package added by hand to the release apk add line survives a runtime change, with the flag to record it', async () => {
    writeFileSync(join(root, 'Dockerfile'), dockerfile().replace(/(xargs apk add --no-cache [^<]*?) </, '$1 curl <'));
    const result = await update('--runtime-libs', '+libmagic');
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(dockerfile()).toMatch(/xargs apk add --no-cache .*\blibmagic curl < \/tmp\/runtime-deps/);
    expect(result.stdout).toContain('you added curl to a generated apk add line: kept; record it with `update --runtime-libs +curl`');
    // Recording it, as advised, leaves nothing to merge the next time.
    expect((await update('--runtime-libs', '+curl')).exitCode).toBe(0);
    expect(dockerfile().match(/\bcurl\b/g)).toHaveLength(2); // the apk line and its "#   curl: added by you" note
  });
});

describe('a real conflict on the apk add line', () => {
  it('names the flag that records the package you added', async () => {
    writeFileSync(join(root, 'Dockerfile'), dockerfile().replace(/xargs (apk add --no-cache [^<]*?) </, 'xargs -t $1 tini <'));
    const result = await update('--runtime-libs', '+libmagic');
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toContain('  you added tini to a generated apk add line: `update --runtime-libs +tini` records it');
  });
});

describe('a missing merge base', () => {
  it('says so, exits 3 and leaves the edited file and the base as they are', async () => {
    rmSync(join(root, '.slim-python/generated/Dockerfile'));
    const edited = `${dockerfile()}# mine\n`;
    writeFileSync(join(root, 'Dockerfile'), edited);
    const result = await update('--python', '3.13');
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(
      /Dockerfile: no merge base \(\.slim-python\/generated\/Dockerfile is missing\), so update cannot tell your edits from generated lines and left it unchanged: restore \.slim-python\/generated\/ from version control, or rerun with --force/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(dockerfile()).toBe(edited);
    expect(dockerfile()).not.toMatch(/^<<<<<<< /m);
    expect(existsSync(join(root, '.slim-python/generated/Dockerfile'))).toBe(false);
    const forced = await update('--python', '3.13', '--force');
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(join(root, 'Dockerfile.orig'), 'utf8')).toBe(edited);
  });

  it('records no pending merge: a further edit is still refused until the base is restored (wip/flows pending merges meet wip/flows2 missing bases)', async () => {
    rmSync(join(root, '.slim-python/generated/Dockerfile'));
    writeFileSync(join(root, 'Dockerfile'), `${dockerfile()}# mine\n`);
    const first = await update('--python', '3.13');
    expect(first.exitCode).toBe(3);
    expect(first.stdout).toContain('Dockerfile: conflict: no merge base stored, left unchanged\n');
    expect(existsSync(join(root, '.slim-python/pending-merge.json'))).toBe(false);
    const edited = `${dockerfile()}# more\n`;
    writeFileSync(join(root, 'Dockerfile'), edited);
    const second = await update('--python', '3.13');
    expect(second.exitCode).toBe(3);
    expect(dockerfile()).toBe(edited);
    expect(existsSync(join(root, '.slim-python/generated/Dockerfile'))).toBe(false);
    expect((await update('--check')).exitCode).toBe(1);
  });
});

describe('a missing merge base in a terminal', () => {
  it('asks keep or take the new render, and offers no markers', () => {
    rmSync(join(root, '.slim-python/generated/Dockerfile'));
    const edited = `${dockerfile()}# mine\n`;
    writeFileSync(join(root, 'Dockerfile'), edited);
    const script = join(root, '..', 'pty.json');
    writeFileSync(
      script,
      JSON.stringify({
        argv: [process.execPath, CLI_BIN, 'update', '--python', '3.13'],
        cwd: root,
        timeout: 30,
        steps: [['take the new render', '\x1b[B\r']], // down: take the new render
      }),
    );
    const result = JSON.parse(execFileSync('python3', [join(REPO_ROOT, 'test/support/pty-drive.py'), script], { encoding: 'utf8', timeout: 40_000 }));
    expect(result.pendingSteps).toEqual([]);
    expect(result.output).toContain('no merge base is stored, so update cannot tell your edits from');
    expect(result.output).not.toContain('write conflict markers');
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(root, 'Dockerfile.orig'), 'utf8')).toBe(edited);
    expect(dockerfile()).toMatch(/^FROM python:3\.13-alpine/m);
    expect(existsSync(join(root, '.slim-python/generated/Dockerfile'))).toBe(true);
  });
});
