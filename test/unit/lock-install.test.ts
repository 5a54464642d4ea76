import { describe, expect, it } from 'vitest';
import { planLockInstall } from '../../src/plan/lock-install.ts';

// The sha256 of uv 0.13.9's musllinux wheels, read from https://pypi.org/pypi/uv/0.13.9/json on 2026-12-02.
const UV_LINE =
  'uv==0.13.9 --hash=sha256:2c45530751517d6c3bbc69a19473f6effe47cce047bede01ffd8af7ea7b36b25 --hash=sha256:5435c5ce14a56431208ca0996416d310f1598e8c2c8ba707688985a16bb82dbe';

describe('planLockInstall', () => {
  it('installs a uv.lock with uv sync, for the image interpreter, with the pyproject.toml beside it', () => {
    expect(planLockInstall('uv.lock', { system: false })).toEqual({
      requirement: UV_LINE,
      version: '0.13.9',
      python: '/usr/local/bin/python3',
      sync: { lockFile: 'uv.lock', pyproject: 'pyproject.toml', projectDir: '/tmp/src' },
      pylock: null,
    });
    expect(planLockInstall('services/api/uv.lock', { system: true })).toMatchObject({
      python: '/usr/bin/python3',
      sync: { lockFile: 'services/api/uv.lock', pyproject: 'services/api/pyproject.toml', projectDir: '/tmp/src/services/api' },
    });
  });
  it('installs a pylock.toml with uv pip install', () => {
    expect(planLockInstall('pylock.toml', { system: false })).toMatchObject({ sync: null, pylock: 'pylock.toml' });
    expect(planLockInstall('deps/pylock.prod.toml', { system: false })).toMatchObject({ sync: null, pylock: 'deps/pylock.prod.toml' });
  });
  it('leaves everything else to pip', () => {
    for (const file of ['requirements.txt', 'pyproject.toml', 'poetry.lock', 'requirements/uv.lock.txt']) expect(planLockInstall(file, { system: false }), file).toBeNull();
  });
});
