/**
 * How the build stage installs a project whose dependencies come from a lock file, as plain data
 * for the template: uv.lock with `uv sync --frozen` (uv's Docker guide,
 * https://docs.astral.sh/uv/guides/integration/docker/#intermediate-layers), pylock.toml (PEP 751)
 * with `uv pip install`, which checks the hashes the lock lists. uv itself comes from PyPI, pinned
 * by version and hash (src/target/uv-release.ts), into /opt/uv of the build stage only. Pure.
 */
import { lockKindOf } from '../requirements/lock-readers.ts';
import type { PythonRuntime } from '../target/runtimes.ts';
import { UV_RELEASE } from '../target/uv-release.ts';

export interface UvInstall {
  /** The requirement line pip installs uv from (version and the hashes of its musllinux wheels). */
  requirement: string;
  version: string;
  /** The interpreter uv installs for: the image's, never one uv downloads. */
  python: string;
  /** uv.lock: `uv sync` from the lock and the pyproject.toml beside it (paths in the build context). */
  sync: { lockFile: string; pyproject: string; projectDir: string } | null;
  /** pylock.toml: `uv pip install -r` it (path in the build context). */
  pylock: string | null;
}

/** The install plan for a dependency file that is a uv.lock or pylock.toml; null for anything pip reads. */
export function planLockInstall(dependencyFile: string, runtime: Pick<PythonRuntime, 'system'>): UvInstall | null {
  const kind = lockKindOf(dependencyFile);
  if (kind !== 'uv' && kind !== 'pylock') return null;
  const dir = dependencyFile.includes('/') ? dependencyFile.slice(0, dependencyFile.lastIndexOf('/') + 1) : '';
  const hashes = [UV_RELEASE.wheels.x86_64.sha256, UV_RELEASE.wheels.aarch64.sha256].map((sha) => ` --hash=sha256:${sha}`).join('');
  return {
    requirement: `uv==${UV_RELEASE.version}${hashes}`,
    version: UV_RELEASE.version,
    // Alpine's python3 package installs /usr/bin/python3; the official images build /usr/local.
    python: runtime.system ? '/usr/bin/python3' : '/usr/local/bin/python3',
    // The project's own install (--install-project) runs in the copied source tree, where the lock is.
    sync: kind === 'uv' ? { lockFile: dependencyFile, pyproject: `${dir}pyproject.toml`, projectDir: `/tmp/src${dir === '' ? '' : `/${dir.slice(0, -1)}`}` } : null,
    pylock: kind === 'pylock' ? dependencyFile : null,
  };
}
