/**
 * Issue 13 finding 2: a conflicted update does not move the merge base. Throwing the conflicted
 * file away (`git checkout Dockerfile`) brings the conflict back instead of "up to date", while a
 * hand resolution is kept as the user's edit.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

let project: string;
let dockerfile: string;
let edited: string;

beforeEach(async () => {
  const work = mkdtempSync(join(tmpdir(), 'csp-base-'));
  expect((await runCli(['app', '--yes', '--python', '3.12', '-r', 'psycopg2', '-r', 'aiohttp'], { cwd: work })).exitCode).toBe(0);
  project = join(work, 'app');
  dockerfile = join(project, 'Dockerfile');
  // A hand edit on the very line the regeneration changes when psycopg2 goes away. Not only a
  // package added (update carries that into the new line by itself): xargs -t changes the line's
  // frame too, so it stays a conflict.
  edited = readFileSync(dockerfile, 'utf8').replace('xargs apk add --no-cache ca-certificates tzdata libpq <', 'xargs -t apk add --no-cache ca-certificates tzdata libpq tini <');
  expect(edited).toContain('libpq tini');
  writeFileSync(dockerfile, edited);
  writeFileSync(join(project, 'requirements.txt'), 'aiohttp\n');
});

async function conflictedUpdate(): Promise<string> {
  const update = await runCli(['update'], { cwd: project });
  expect(update.exitCode).toBe(3);
  const withMarkers = readFileSync(dockerfile, 'utf8');
  expect(withMarkers).toMatch(/^<<<<<<< /m);
  return withMarkers;
}

describe('update after a conflict', () => {
  it('keeps the old base: a thrown-away conflict is still out of date (check exit 1, update exit 3)', async () => {
    const baseBefore = readFileSync(join(project, '.slim-python/generated/Dockerfile'), 'utf8');
    await conflictedUpdate();
    expect(readFileSync(join(project, '.slim-python/generated/Dockerfile'), 'utf8')).toBe(baseBefore);
    writeFileSync(dockerfile, edited); // git checkout Dockerfile
    const check = await runCli(['update', '--check'], { cwd: project });
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toMatch(/Dockerfile: would be conflict/);
    const again = await runCli(['update'], { cwd: project });
    expect(again.exitCode).toBe(3);
    expect(again.stdout).not.toMatch(/Dockerfile: up to date/);
  });

  it('--keep leaves the base too', async () => {
    const baseBefore = readFileSync(join(project, '.slim-python/generated/Dockerfile'), 'utf8');
    const keep = await runCli(['update', '--keep'], { cwd: project });
    expect(keep.exitCode).toBe(0);
    expect(readFileSync(dockerfile, 'utf8')).toBe(edited);
    expect(readFileSync(join(project, '.slim-python/generated/Dockerfile'), 'utf8')).toBe(baseBefore);
    expect((await runCli(['update', '--check'], { cwd: project })).exitCode).toBe(1);
  });

  it('a hand resolution (keeping tini, dropping libpq) is kept by the next update and passes --check', async () => {
    const withMarkers = await conflictedUpdate();
    // Resolve: take the new render's lines, then add tini again by hand.
    const resolved = withMarkers
      .replace(/^<<<<<<< [^\n]*\n[\s\S]*?^=======\n/gm, '')
      .replace(/^>>>>>>> [^\n]*\n/gm, '')
      .replace('xargs apk add --no-cache ca-certificates tzdata <', 'xargs -t apk add --no-cache ca-certificates tzdata tini <');
    expect(resolved).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    expect(resolved).toContain('--no-cache ca-certificates tzdata tini <');
    writeFileSync(dockerfile, resolved);
    const update = await runCli(['update'], { cwd: project });
    expect(update.stderr).toBe('');
    expect(update.exitCode).toBe(0);
    expect(readFileSync(dockerfile, 'utf8')).toBe(resolved);
    expect(existsSync(join(project, '.slim-python/pending-merge.json'))).toBe(false);
    expect((await runCli(['update', '--check'], { cwd: project })).exitCode).toBe(0);
    // The base is now the render the conflict was resolved against: a later change merges cleanly.
    const later = await runCli(['update', '--python', '3.13'], { cwd: project });
    expect(later.exitCode).toBe(0);
    expect(readFileSync(dockerfile, 'utf8')).toContain('FROM python:3.13-alpine${ALPINE_VERSION} AS build');
    expect(readFileSync(dockerfile, 'utf8')).toContain('--no-cache ca-certificates tzdata tini <');
  });
});
