/**
 * Issue 13, finding 11: advice that works. Every error that tells the user what to write is
 * followed by running exactly that, and the advised form must then succeed (or lead, in one more
 * step, to a form that does). Bare URLs, VCS URLs, local paths, pip options and `--hash` given
 * to --requirement say what to write instead of the parser's raw text.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'csp-flows2-'));
});

async function refused(args: string[]): Promise<string> {
  const result = await runCli(args, { cwd: work });
  expect(result.exitCode, result.stderr).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(readdirSync(work)).toEqual([]);
  return result.stderr;
}

describe('a flag value starting with "-"', () => {
  it('-r "-e ." advises the --requirement= form, which then explains how to install a local path', async () => {
    const first = await refused(['app', '--yes', '-r', '-e .']);
    expect(first).toMatch(/the value of -r starts with "-": write it as --requirement=VALUE, here --requirement="-e \."/);
    const second = await refused(['app', '--yes', '--requirement=-e .']);
    expect(second).toMatch(/--requirement #1 \("-e \."\) is a pip option line, not a requirement: put it in a requirements file and pass --requirements-file FILE/);
    // ... and that works.
    writeFileSync(join(work, 'reqs.txt'), '-e .\n');
    const third = await runCli(['app', '--yes', '--requirements-file', 'reqs.txt'], { cwd: work });
    expect(third.exitCode).toBe(0);
  });

  it('-r=VALUE (the short form with "=") means the value, as --requirement=VALUE does', async () => {
    const result = await runCli(['app', '--yes', '-r=aiohttp', '-r=-e .'], { cwd: work });
    expect(result.stderr).toMatch(/--requirement #2 \("-e \."\) is a pip option line/);
    const ok = await runCli(['app', '--yes', '-r=aiohttp'], { cwd: work });
    expect(ok.exitCode).toBe(0);
    expect(readFileSync(join(work, 'app/requirements.txt'), 'utf8')).toBe('aiohttp\n');
  });

  it('--build-deps -cargo advises --build-deps=-cargo, which works', async () => {
    // cargo has to be in the inferred list for -cargo to remove something (a -name that removes
    // nothing is an error): cryptography installs from a musllinux wheel, but a project unknown to
    // the knowledge base gets a C and a Rust toolchain (build-base, cargo).
    const message = await refused(['app', '--yes', '-r', 'cryptography', '-r', 'unknown-rust-ext', '--build-deps', '-cargo']);
    expect(message).toMatch(/write it as --build-deps=VALUE, here --build-deps=-cargo/);
    const ok = await runCli(['app', '--yes', '-r', 'cryptography', '-r', 'unknown-rust-ext', '--build-deps=-cargo'], { cwd: work });
    expect(ok.exitCode).toBe(0);
  });

  it('a flag with no value before the next flag says so', async () => {
    const message = await refused(['app', '--python', '--yes']);
    expect(message).toMatch(/--python needs a value \(it is followed by the flag --yes\)/);
  });
});

describe('--requirement values that are not PEP 508 say what to write', () => {
  it.each([
    [
      'https://files.example.org/demo_pkg-1.0-py3-none-any.whl',
      /a bare URL: write it as "NAME @ URL", e\.g\. "demo-pkg @ https:\/\/files\.example\.org\/demo_pkg-1\.0-py3-none-any\.whl"/,
    ],
    ['git+https://github.com/acme/widget.git@v2', /a bare URL: write it as "NAME @ URL", e\.g\. "widget @ git\+https:\/\/github\.com\/acme\/widget\.git@v2"/],
    ['git+https://github.com/acme/x#egg=acme-tools', /e\.g\. "acme-tools @ git\+https:\/\/github\.com\/acme\/x#egg=acme-tools"/],
    ['aiohttp --hash=sha256:abc', /per-requirement options \(--hash=sha256:abc\), which belong in a requirements file: put the line in one and pass --requirements-file FILE/],
    ['./vendor/pkg', /a local path: put it in a requirements file and pass --requirements-file FILE/],
    ['-r base.txt', /includes another requirements file: pass --requirements-file base\.txt/],
  ])('%s', async (value, message) => {
    expect(await refused(['app', '--yes', `--requirement=${value}`])).toMatch(message);
  });

  it('the advised "NAME @ URL" form works', async () => {
    const result = await runCli(['app', '--yes', '--app', 'cli', '-r', 'widget @ git+https://github.com/acme/widget.git@v2'], { cwd: work });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(join(work, 'app/requirements.txt'), 'utf8')).toBe('widget @ git+https://github.com/acme/widget.git@v2\n');
  });
});
