/** init's apply step: exclusive creates, numbered backups, and a full undo when a write fails. */
import { createCancellation } from '../../src/io/cancel.ts';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeInit } from '../../src/apply/write-init.ts';
import { ConflictError, ToolError } from '../../src/errors.ts';
import type { InitPlannedFile } from '../../src/plan/init-files.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dir(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'csp-write-init-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return root;
}

const create = (path: string, content = `new ${path}\n`): InitPlannedFile => ({ path, content, managed: false, action: 'create', backup: null });

describe('writeInit', () => {
  it('creates files and folders, and backs up before replacing', async () => {
    const root = dir({ Dockerfile: 'FROM mine\n' });
    await writeInit(root, [{ ...create('Dockerfile'), action: 'replace', backup: 'Dockerfile.orig' }, create('.slim-python/generated/Dockerfile')], createCancellation());
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toBe('new Dockerfile\n');
    expect(readFileSync(join(root, 'Dockerfile.orig'), 'utf8')).toBe('FROM mine\n');
    expect(readFileSync(join(root, '.slim-python/generated/Dockerfile'), 'utf8')).toBe('new .slim-python/generated/Dockerfile\n');
  });

  it('undoes everything when a later write fails: created files removed, replaced ones restored', async () => {
    const root = dir({ Dockerfile: 'FROM mine\n', blocker: 'a file where a folder must go\n' });
    const files = [{ ...create('Dockerfile'), action: 'replace' as const, backup: 'Dockerfile.orig' }, create('.dockerignore'), create('blocker/inner')];
    await expect(writeInit(root, files, createCancellation())).rejects.toBeInstanceOf(ToolError);
    expect(readdirSync(root).sort()).toEqual(['Dockerfile', 'blocker']);
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toBe('FROM mine\n');
  });

  it('never replaces a file that appeared after the plan, and never overwrites a backup', async () => {
    const root = dir({ Dockerfile: 'appeared\n' });
    await expect(writeInit(root, [create('.dockerignore'), create('Dockerfile')], createCancellation())).rejects.toBeInstanceOf(ConflictError);
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toBe('appeared\n');
    expect(existsSync(join(root, '.dockerignore'))).toBe(false);
    const taken = dir({ Dockerfile: 'mine\n', 'Dockerfile.orig': 'older backup\n' });
    await expect(writeInit(taken, [{ ...create('Dockerfile'), action: 'replace', backup: 'Dockerfile.orig' }], createCancellation())).rejects.toThrow();
    expect(readFileSync(join(taken, 'Dockerfile.orig'), 'utf8')).toBe('older backup\n');
    expect(readFileSync(join(taken, 'Dockerfile'), 'utf8')).toBe('mine\n');
  });

  it('Ctrl-C between files: cancelled, nothing left behind', async () => {
    const root = dir();
    let calls = 0;
    await expect(writeInit(root, [create('a'), create('b')], { ...createCancellation(), isRequested: () => ++calls > 1 })).rejects.toThrow(/cancelled: nothing was written/);
    expect(readdirSync(root)).toEqual([]);
  });
});
