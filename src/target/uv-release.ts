/**
 * The uv release the build stage installs when a project's dependencies come from a lock
 * (uv.lock: `uv sync --frozen`; pylock.toml: `uv pip install`). One pinned release, from PyPI:
 * its musllinux wheels carry the static uv binary (no Python code runs), so pip installs it on
 * every Alpine image of the build stage. The release stage never gets it.
 */

export interface UvRelease {
  version: string;
  /** Where the facts below were read. */
  source: string;
  /** The day they were read. */
  date: string;
  /** The musllinux wheels of this release, per architecture (file name, upload time, sha256). */
  wheels: Record<'x86_64' | 'aarch64', { file: string; uploaded: string; sha256: string }>;
}

/**
 * uv 0.13.9, the newest release on 2026-12-02 (and the uv that wrote the lock fixtures in
 * test/requirements/fixtures/locks/). `uv sync` there has --frozen, --no-default-groups,
 * --no-install-project, --no-editable and --project (checked with `uv sync --help` of this
 * release); `uv pip install -r pylock.toml` reads PEP 751 locks since 0.6.15
 * (https://github.com/astral-sh/uv/releases/tag/0.6.15) and checks the hashes they list.
 */
export const UV_RELEASE: UvRelease = {
  version: '0.13.9',
  source: 'https://pypi.org/pypi/uv/0.13.9/json',
  date: '2026-12-02',
  wheels: {
    x86_64: {
      file: 'uv-0.13.9-py3-none-musllinux_1_1_x86_64.whl',
      uploaded: '2026-11-17T09:44:15Z',
      sha256: '2c45530751517d6c3bbc69a19473f6effe47cce047bede01ffd8af7ea7b36b25',
    },
    aarch64: {
      file: 'uv-0.13.9-py3-none-manylinux_2_17_aarch64.manylinux2014_aarch64.musllinux_1_1_aarch64.whl',
      uploaded: '2026-11-17T09:43:43Z',
      sha256: '5435c5ce14a56431208ca0996416d310f1598e8c2c8ba707688985a16bb82dbe',
    },
  },
};
