/**
 * Issue 13 finding 8: --force never loses work. `create --force` over an existing project backs
 * up every file it replaces (NAME.orig, then NAME.1.orig, ...: an old backup is never
 * overwritten), leaves identical files alone and names each backup; `update --force` keeps the
 * edits that do not conflict. Backups are git-ignored by the generated .gitignore.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

describe('create --force over an existing project', () => {
  it('backs up each edited file it replaces, numbered, named in the output; identical files untouched', async () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-force-'));
    const args = ['app', '--yes', '-r', 'aiohttp'];
    expect((await runCli(args, { cwd: work })).exitCode).toBe(0);
    const dir = join(work, 'app');
    const read = (path: string): string => readFileSync(join(dir, path), 'utf8');
    const edits = { 'app/app.py': `${read('app/app.py')}# my handler\n`, 'README.md': '# my notes\n', 'requirements.txt': 'aiohttp\nrequests\n' };
    for (const [path, text] of Object.entries(edits)) writeFileSync(join(dir, path), text);

    const first = await runCli([...args, '--force'], { cwd: dir.replace(/app$/, '') });
    expect(first.exitCode).toBe(0);
    for (const path of Object.keys(edits)) {
      expect(first.stdout).toContain(`overwrite ${path} (yours saved as ${path}.orig)`);
      expect(read(`${path}.orig`)).toBe(edits[path as keyof typeof edits]);
    }
    expect(first.stdout).toContain('unchanged Dockerfile');
    expect(first.stdout).not.toMatch(/\.slim-python\/generated\/\S+\.orig/);

    // A second forced run never overwrites the first backups.
    writeFileSync(join(dir, 'README.md'), '# newer notes\n');
    const second = await runCli([...args, '--force', '--json'], { cwd: work });
    expect(second.exitCode).toBe(0);
    const readme = JSON.parse(second.stdout).files.find((file: { path: string }) => file.path === 'README.md');
    expect(readme).toEqual({ path: 'README.md', action: 'overwrite', backup: 'README.md.1.orig' });
    expect(read('README.md.orig')).toBe('# my notes\n');
    expect(read('README.md.1.orig')).toBe('# newer notes\n');

    // --dry-run names the backup it would make and makes none.
    writeFileSync(join(dir, 'README.md'), '# third\n');
    const dry = await runCli([...args, '--force', '--dry-run'], { cwd: work });
    expect(dry.stdout).toContain('overwrite README.md (yours would be saved as README.md.2.orig)');
    expect(existsSync(join(dir, 'README.md.2.orig'))).toBe(false);

    // The generated .gitignore ignores them.
    expect(read('.gitignore').split('\n')).toContain('*.orig');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir, encoding: 'utf8' });
    expect(status).not.toMatch(/\.orig/);
    expect(status).toMatch(/README\.md/);
  });
});

describe('update --force', () => {
  it('takes the new render only where both changed, keeps the other edits, and numbers its backups', async () => {
    const work = mkdtempSync(join(tmpdir(), 'csp-force-'));
    expect((await runCli(['app', '--yes', '--python', '3.12', '-r', 'aiohttp'], { cwd: work })).exitCode).toBe(0);
    const dir = join(work, 'app');
    const dockerfile = join(dir, 'Dockerfile');
    // On the line python-magic changes: a package added and the frame changed (xargs -t), so it
    // is a real conflict (a bare added package is carried into the new line by update itself).
    const edited = readFileSync(dockerfile, 'utf8')
      .replace(/^ {4}xargs apk add --no-cache ca-certificates tzdata < \/tmp\/runtime-deps$/m, '    xargs -t apk add --no-cache ca-certificates tzdata tini < /tmp/runtime-deps')
      .replace(/^WORKDIR \/app$/m, 'LABEL org.opencontainers.image.vendor="me"\nWORKDIR /app');
    expect(edited).toContain('    xargs -t apk add --no-cache ca-certificates tzdata tini < /tmp/runtime-deps\n');
    expect(edited).toContain('LABEL org.opencontainers.image.vendor="me"\nWORKDIR /app\n');
    writeFileSync(dockerfile, edited);
    writeFileSync(join(dir, 'Dockerfile.orig'), 'an older backup\n');
    writeFileSync(join(dir, 'requirements.txt'), 'aiohttp\npython-magic\n');
    const forced = await runCli(['update', '--force'], { cwd: dir });
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toContain('Dockerfile: conflict: took the new render where both changed, kept your other edits (yours saved as Dockerfile.1.orig)');
    const text = readFileSync(dockerfile, 'utf8');
    expect(text).toContain('LABEL org.opencontainers.image.vendor="me"');
    expect(text).toMatch(/libmagic/);
    expect(text).not.toContain('tini');
    expect(readFileSync(join(dir, 'Dockerfile.orig'), 'utf8')).toBe('an older backup\n');
    expect(readFileSync(join(dir, 'Dockerfile.1.orig'), 'utf8')).toBe(edited);
    expect((await runCli(['update', '--check'], { cwd: dir })).exitCode).toBe(0);
  });
});
