#!/usr/bin/env bash
# Installs a static busybox (Debian package busybox-static) for test/verify/probe-script.test.ts,
# which runs verify's probe script under the same shell and applets as an Alpine image
# (busybox ash, find, sed, head, du), idempotently. Needs root for apt-get (CI runs as root).
set -euo pipefail
if command -v busybox >/dev/null 2>&1 && busybox --list | grep -x ash >/dev/null; then
  echo "install-busybox: $(busybox | head -n 1)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-busybox: not root; install busybox-static yourself to run the probe script test" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null
echo "install-busybox: $(busybox | head -n 1)"
