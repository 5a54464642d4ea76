/** End-to-end: explain reads a lock file offline and decides every package it installs. */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

const LOCKS = fileURLToPath(new URL('../requirements/fixtures/locks/', import.meta.url));

describe('explain --requirements-file LOCK', () => {
  it.each(['uv.lock', 'poetry.lock', 'pylock.toml'])('%s: transitive packages decided, build packages for what compiles', async (file) => {
    const work = mkdtempSync(join(tmpdir(), 'csp-lock-'));
    copyFileSync(join(LOCKS, file), join(work, file));
    // No network: the lock alone decides (an unreachable proxy would make any request fail).
    const result = await runCli(['explain', '--requirements-file', file, '--python', '3.12', '--json'], {
      cwd: work,
      env: { ...process.env, HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' } as Record<string, string>,
    });
    expect(result.exitCode).toBe(0);
    const doc = JSON.parse(result.stdout);
    const status = Object.fromEntries(doc.packages.map((p: { name: string; status: string }) => [p.name, p.status]));
    expect(status).toMatchObject({ cryptography: 'wheel', 'psycopg-c': 'compile', rapidfuzz: 'wheel', yarl: 'compile', cffi: 'wheel' });
    expect(status.pywin32).toBeUndefined();
    expect(doc.apk.build).toEqual(['build-base', 'libpq-dev']);
    expect(doc.requirements.find((r: { name: string }) => r.name === 'yarl').specifiers).toEqual(['==1.9.2']);
  });
});
