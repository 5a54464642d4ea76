/**
 * The init fixture projects (test/fixtures/init/) copied to a temporary folder, with a record of
 * every file's bytes and mode so a test can prove init changed none of them.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INIT_FIXTURES = fileURLToPath(new URL('../fixtures/init/', import.meta.url));

/** What init writes: nothing else may appear. */
export const INIT_OUTPUTS = [
  '.dockerignore',
  '.slim-python/generated/.dockerignore',
  '.slim-python/generated/Dockerfile',
  '.slim-python/generated/packages.json',
  'Dockerfile',
  'slim-python.json',
];

/** Copies fixture `name` into a new temporary folder; returns the project path. */
export function copyFixture(name: string): string {
  const work = mkdtempSync(join(tmpdir(), `csp-init-${name}-`));
  const root = join(work, name);
  cpSync(join(INIT_FIXTURES, name), root, { recursive: true });
  return root;
}

/** Every file under `dir` (relative path -> bytes as base64 and mode), sorted. */
export function fileRecord(dir: string): Map<string, string> {
  const record = new Map<string, string>();
  for (const path of (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).sort()) {
    const full = join(dir, path);
    const stats = statSync(full);
    if (stats.isFile()) record.set(path.split('\\').join('/'), `${(stats.mode & 0o7777).toString(8)}:${readFileSync(full).toString('base64')}`);
  }
  return record;
}

/** The CMD argv of a Dockerfile's last stage (JSON form), or null. */
export function cmdOf(dockerfile: string): string[] | null {
  const lines = dockerfile.split('\n').filter((line) => line.startsWith('CMD '));
  const last = lines[lines.length - 1];
  return last === undefined ? null : (JSON.parse(last.slice(4)) as string[]);
}
