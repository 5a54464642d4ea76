#!/usr/bin/env bash
# Creates, or reuses when it is already right, the venv the differential tests compare against:
# current pip (26.x) and packaging (26.x) from the real PyPI index only (PIP_CONFIG_FILE=/dev/null
# drops machine config with extra indexes or constraints). Location: $SLIM_PYTHON_VENV, else .venv-ci/.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/pip-real-index.sh
source scripts/pip-real-index.sh
venv="${SLIM_PYTHON_VENV:-$PWD/.venv-ci}"
python="${CSP_TEST_PYTHON:-python3}"

is_ready() {
  "$venv/bin/python" - <<'PY' 2>/dev/null
import sys
import packaging, pip
from packaging.version import Version
sys.exit(0 if Version(pip.__version__).major >= 26 and Version(packaging.__version__).major >= 26 else 1)
PY
}

if is_ready; then
  echo "setup-python-venv: $venv is ready"
  exit 0
fi
# Debian's python3 lacks ensurepip unless python3-venv is installed: then make the venv without
# pip and install pip into it with the outer pip (`pip --python`, pip >= 22.3).
if "$python" -m venv "$venv" 2>/dev/null; then
  pip=("$venv/bin/python" -m pip)
else
  rm -rf "$venv"
  "$python" -m venv --without-pip "$venv"
  pip=("$python" -m pip --python "$venv/bin/python")
fi
"${pip[@]}" install --quiet --no-input 'pip==26.*' 'packaging==26.*'
is_ready
echo "setup-python-venv: created $venv"
