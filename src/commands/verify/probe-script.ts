/**
 * The script verify runs inside the release image (`docker run --rm --entrypoint /bin/sh IMAGE -c
 * PROBE_SCRIPT`) to list what a release image must not contain. Fixed text: nothing from the user
 * or the project reaches it. POSIX sh, written for busybox ash (the only shell an Alpine image has),
 * checked with shellcheck and run under real busybox by the tests. It also measures the files in the
 * image (`du -sx /`): with the containerd image store, `docker image inspect` reported only the packed
 * (compressed) size until moby/moby#53426 (2026-08), so the engine's figure alone is not enough.
 */

/** Compilers and the binutils a compiler needs: none belongs in a release image. */
export const TOOLCHAIN = ['gcc', 'cc', 'c++', 'g++', 'clang', 'clang++', 'tcc', 'gfortran', 'rustc', 'cargo', 'ld', 'as'] as const;

export const PROBE_SCRIPT = `set -u
dirs="\${PATH:-}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/opt/venv/bin"
old_ifs=$IFS
IFS=:
for dir in $dirs; do
  [ -n "$dir" ] || continue
  for tool in ${TOOLCHAIN.join(' ')}; do
    if [ -f "$dir/$tool" ] && [ -x "$dir/$tool" ]; then printf 'compiler %s\\n' "$dir/$tool"; fi
  done
  for tool in "$dir"/pip "$dir"/pip3 "$dir"/pip3.*; do
    if [ -f "$tool" ] && [ -x "$tool" ]; then printf 'pip %s\\n' "$tool"; fi
  done
done
IFS=$old_ifs
db=
for candidate in /lib/apk/db/installed /usr/lib/apk/db/installed; do
  if [ -r "$candidate" ]; then db=$candidate; break; fi
done
if [ -n "$db" ]; then
  sed -n 's/^P:\\(.*-dev\\)$/dev-package \\1/p' "$db"
else
  echo 'no-apk-db'
fi
find /usr/include /usr/local/include -type f -name '*.h' 2>/dev/null | head -n 5 | sed 's/^/header /'
find / -xdev \\( -type d -name pip -path '*-packages/pip' -o -type d -name ensurepip -path '*/python3*/ensurepip' \\) -print -prune 2>/dev/null | sed 's/^/pip /'
bytes=$(du -sxb / 2>/dev/null | sed -n 's/^\\([0-9][0-9]*\\).*/\\1/p')
if [ -n "$bytes" ]; then
  echo "content-bytes $bytes"
else
  kib=$(du -sxk / 2>/dev/null | sed -n 's/^\\([0-9][0-9]*\\).*/\\1/p')
  if [ -n "$kib" ]; then echo "content-kib $kib"; fi
fi
echo probe-done
`;

/** What the probe found, each list sorted and without duplicates. */
export interface ProbeFindings {
  compilers: string[];
  devPackages: string[];
  headers: string[];
  pip: string[];
  /** False when the script did not run to its end (no /bin/sh, killed): nothing can be concluded. */
  complete: boolean;
  /** False when the image has no apk database: the -dev check cannot say anything. */
  apkDatabase: boolean;
  /** Bytes of the files in the image's root filesystem (`du -sx /`, apparent size where busybox has -b), null when du failed. */
  contentBytes: number | null;
}

/** Parses the probe's stdout. */
export function parseProbeOutput(stdout: string): ProbeFindings {
  const sets = { compiler: new Set<string>(), 'dev-package': new Set<string>(), header: new Set<string>(), pip: new Set<string>() };
  let complete = false;
  let apkDatabase = true;
  let contentBytes: number | null = null;
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    if (line === 'probe-done') complete = true;
    else if (line === 'no-apk-db') apkDatabase = false;
    else if (/^content-(bytes|kib) \d+$/.test(line)) {
      const [kind, value] = line.split(' ') as [string, string];
      contentBytes = Number(value) * (kind === 'content-kib' ? 1024 : 1);
    } else {
      const match = /^(compiler|dev-package|header|pip) (.+)$/.exec(line);
      if (match) sets[match[1] as keyof typeof sets].add(match[2]!);
    }
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return {
    compilers: sorted(sets.compiler),
    devPackages: sorted(sets['dev-package']),
    headers: sorted(sets.header),
    pip: sorted(sets.pip),
    complete,
    apkDatabase,
    contentBytes,
  };
}
