import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTopLevelFile } from '../../src/online/sdist-pyproject.ts';

describe('findTopLevelFile (an sdist made by GNU tar, as setuptools and hatch lay them out)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sdist-'));
    const top = join(dir, 'demo_pkg-1.0');
    await mkdir(join(top, 'sub', 'deep'), { recursive: true });
    await writeFile(join(top, 'sub', 'pyproject.toml'), '[build-system]\nrequires = ["wrong"]\n');
    await writeFile(join(top, 'pyproject.toml'), '[build-system]\nrequires = ["maturin"]\n');
    // A name past 100 characters forces a GNU long-name record before it.
    await writeFile(join(top, 'sub', 'deep', `${'x'.repeat(120)}.txt`), 'filler');
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  for (const format of ['gnu', 'pax', 'ustar']) {
    it(`reads <top>/pyproject.toml, not a nested one (${format})`, async () => {
      const archive = join(dir, `demo_pkg-1.0-${format}.tar.gz`);
      const members = format === 'ustar' ? ['demo_pkg-1.0/sub/pyproject.toml', 'demo_pkg-1.0/pyproject.toml'] : ['demo_pkg-1.0/sub', 'demo_pkg-1.0/pyproject.toml'];
      await execa('tar', [`--format=${format}`, '-czf', archive, '-C', dir, ...members]);
      const tar = gunzipSync(await readFile(archive));
      expect(findTopLevelFile(tar, 'pyproject.toml')).toBe('[build-system]\nrequires = ["maturin"]\n');
      expect(findTopLevelFile(tar, 'setup.py')).toBeNull();
    });
  }
});
