/** Issue 13, finding 15: the published package carries its licence text (MIT, as package.json says). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.ts';

describe('the npm package', () => {
  it('includes LICENSE with the MIT text', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' }));
    expect(pack.files.map((file: { path: string }) => file.path)).toContain('LICENSE');
    expect(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).license).toBe('MIT');
    expect(readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 /);
  });
});
