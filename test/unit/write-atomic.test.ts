/**
 * An interrupted write never leaves a half-written file: a child process rewrites a file with
 * large contents and is killed (SIGKILL) mid-way; the file is then exactly the old or the new text.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/apply/write-atomic.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('writeFileAtomic', () => {
  it('replaces content and keeps the mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csp-atomic-'));
    const path = join(dir, 'Dockerfile');
    writeFileSync(path, 'old\n');
    chmodSync(path, 0o600);
    await writeFileAtomic(path, 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['Dockerfile']);
  });

  it('a write killed mid-way leaves the old file intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csp-atomic-'));
    const path = join(dir, 'Dockerfile');
    const old = 'FROM old\n';
    writeFileSync(path, old);
    const big = 'x'.repeat(64 * 1024 * 1024);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `
      const { writeFileAtomic } = await import(${JSON.stringify(join(ROOT, 'src/apply/write-atomic.ts'))});
      process.stdout.write('start\\n');
      for (;;) await writeFileAtomic(${JSON.stringify(path)}, 'x'.repeat(${big.length}));
    `,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 40));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const text = readFileSync(path, 'utf8');
    expect(text === old || text === big).toBe(true);
  });
});
