/**
 * End-to-end: pins that cannot build or import on the target (issue 10, defect 4), or cannot install
 * at all (issue 12: a release without an sdist or a fitting wheel), get a warning
 * naming the pin and the first good release, and exit 2 with --strict in create, update and explain.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'csp-strict-'));
});

describe('pins that cannot build or import on the target', () => {
  it('explain: cryptography==2.3 is named with the first release that installs; its build needs no cargo', async () => {
    writeFileSync(join(work, 'requirements.txt'), 'cryptography==2.3\n');
    const result = await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '3.12', '--json'], { cwd: work });
    expect(result.exitCode).toBe(0);
    const doc = JSON.parse(result.stdout);
    const crypto = doc.packages.find((item: { name: string }) => item.name === 'cryptography');
    expect(crypto.status).toBe('compile');
    // cryptography took Rust in 3.4: 2.3 builds with C and cffi only.
    expect(crypto.build).toEqual(['build-base', 'libffi-dev', 'openssl-dev']);
    const warning = doc.warnings.find((text: string) => text.startsWith('cryptography==2.3 '));
    expect(warning).toMatch(/pkg_resources/);
    expect(warning).toMatch(/pin cryptography>=3\.4\.8/);
  });

  it('explain --strict: exit 2 naming the pin, after showing the document', async () => {
    writeFileSync(join(work, 'requirements.txt'), 'cryptography==2.3\naiohttp\n');
    const result = await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '3.12', '--strict'], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(/cryptography +compile/);
    expect(result.stderr).toMatch(/--strict: a requirement will not install or work on the target: cryptography==2\.3 will not work on CPython 3\.12/);
  });

  it('psycopg2==2.9.9 builds on 3.13 but fails at import: flagged there, not on 3.12', async () => {
    writeFileSync(join(work, 'requirements.txt'), 'psycopg2==2.9.9\n');
    const on313 = await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '3.13', '--strict'], { cwd: work });
    expect(on313.exitCode).toBe(2);
    expect(on313.stderr).toMatch(/psycopg2==2\.9\.9 will not work on CPython 3\.13: releases before 2\.9\.10 build but fail at import .*pin psycopg2>=2\.9\.10/);
    const on312 = await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '3.12', '--strict'], { cwd: work });
    expect(on312.exitCode).toBe(0);
    expect(on312.stdout).not.toMatch(/will not work/);
  });

  it('create --strict refuses before writing anything; without it, a warning', async () => {
    const strict = await runCli(['app', '--yes', '--python', '3.13', '-r', 'psycopg2==2.9.9', '--strict'], { cwd: work });
    expect(strict.exitCode).toBe(2);
    expect(strict.stderr).toMatch(/psycopg2==2\.9\.9 will not work on CPython 3\.13/);
    expect(existsSync(join(work, 'app'))).toBe(false);
    const lenient = await runCli(['app', '--yes', '--python', '3.13', '-r', 'psycopg2==2.9.9'], { cwd: work });
    expect(lenient.exitCode).toBe(0);
    expect(lenient.stderr).toMatch(/warning: psycopg2==2\.9\.9 will not work on CPython 3\.13: .*pin psycopg2>=2\.9\.10/);
  });

  it('update --strict exits 2 and changes nothing', async () => {
    expect((await runCli(['app', '--yes', '--python', '3.12', '-r', 'cryptography'], { cwd: work })).exitCode).toBe(0);
    const dockerfile = readFileSync(join(work, 'app', 'Dockerfile'), 'utf8');
    writeFileSync(join(work, 'app', 'requirements.txt'), 'cryptography==2.3\n');
    const result = await runCli(['update', 'app', '--strict'], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/cryptography==2\.3 will not work on CPython 3\.12/);
    expect(readFileSync(join(work, 'app', 'Dockerfile'), 'utf8')).toBe(dockerfile);
  });
});

describe('extras and pip format options reach the build plan', () => {
  it('psycopg[c] adds psycopg-c, which compiles against libpq', async () => {
    writeFileSync(join(work, 'requirements.txt'), 'psycopg[c]==3.2.9\n');
    const doc = JSON.parse((await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '3.12', '--json'], { cwd: work })).stdout);
    const psycopgC = doc.packages.find((item: { name: string }) => item.name === 'psycopg-c');
    expect(psycopgC).toMatchObject({ status: 'compile', why: expect.stringMatching(/\(required by psycopg\[c\]\)$/) });
    expect(doc.apk.build).toEqual(expect.arrayContaining(['build-base', 'libpq-dev']));
  });

  it('--no-binary lxml compiles lxml with its headers; --only-binary :all: makes a sdist-only project uninstallable', async () => {
    writeFileSync(join(work, 'requirements.txt'), '--no-binary lxml\nlxml\n');
    const noBinary = JSON.parse((await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '3.12', '--json'], { cwd: work })).stdout);
    const lxml = noBinary.packages.find((item: { name: string }) => item.name === 'lxml');
    expect(lxml.status).toBe('compile');
    expect(lxml.why).toBe('--no-binary (requirements.txt:1) makes pip build it from source');
    expect(lxml.build).toEqual(expect.arrayContaining(['build-base', 'libxml2-dev']));
    writeFileSync(join(work, 'requirements.txt'), '--only-binary :all:\npsycopg2\n');
    const onlyBinary = await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '3.12', '--strict'], { cwd: work });
    expect(onlyBinary.exitCode).toBe(2);
    expect(onlyBinary.stdout).toMatch(/psycopg2 +unavailable/);
    expect(onlyBinary.stderr).toMatch(/psycopg2 cannot be installed on Alpine .*--only-binary \(requirements\.txt:1\) forbids building it/);
  });
});

describe("a pinned release that ships no sdist (the knowledge base's per-release sdist history)", () => {
  it('yara-x==1.19.0 (no musllinux wheel, no sdist) cannot install: a loud warning, exit 2 under --strict; 1.0.1 and 1.23.0 compile with cargo', async () => {
    writeFileSync(join(work, 'requirements.txt'), 'yara-x==1.19.0\n');
    const lenient = await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '3.12', '--arch', 'x86_64'], { cwd: work });
    expect(lenient.exitCode).toBe(0);
    expect(lenient.stdout).toMatch(
      /yara-x +unavailable ships no musllinux wheel, and 1\.19\.0 publishes no sdist \(releases 1\.1\.0 to 1\.22\.1 have none; the nearest with one are 1\.0\.1 and 1\.23\.0\)/,
    );
    expect(lenient.stdout).toMatch(/^warning: yara-x==1\.19\.0 cannot be installed on Alpine \(CPython 3\.12, x86_64\)/m);
    const strict = await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '3.12', '--arch', 'x86_64', '--strict'], { cwd: work });
    expect(strict.exitCode).toBe(2);
    expect(strict.stderr).toMatch(/--strict: a requirement will not install or work on the target: yara-x==1\.19\.0 cannot be installed on Alpine/);
    for (const pin of ['1.0.1', '1.23.0']) {
      writeFileSync(join(work, 'requirements.txt'), `yara-x==${pin}\n`);
      const result = await runCli(['explain', '--requirements-file', 'requirements.txt', '--python', '3.12', '--arch', 'x86_64', '--strict', '--json'], { cwd: work });
      expect(result.exitCode).toBe(0);
      const yara = JSON.parse(result.stdout).packages.find((item: { name: string }) => item.name === 'yara-x');
      expect(yara).toMatchObject({ status: 'compile', build: ['build-base', 'cargo'], runtime: ['libgcc'] });
    }
  });

  it('create --strict refuses the pin before writing anything', async () => {
    const result = await runCli(['app', '--yes', '--python', '3.12', '-r', 'yara-x==1.19.0', '--strict'], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/yara-x==1\.19\.0 cannot be installed on Alpine/);
    expect(existsSync(join(work, 'app'))).toBe(false);
  });
});
