# shellcheck shell=bash
# Sourced by the tool-install scripts: point pip at the real PyPI index only. The machine's pip
# config and the variables that add local indexes, find-links or constraints are ignored, so what
# installs is what a fresh machine gets. The one config setting kept is a CA bundle (machines
# behind a TLS proxy need it), carried over as PIP_CERT.
if [ -z "${PIP_CERT:-}" ]; then
  cert="$(python3 -m pip config get global.cert 2>/dev/null || true)"
  if [ -n "$cert" ]; then export PIP_CERT="$cert"; fi
fi
export PIP_CONFIG_FILE=/dev/null
export PIP_DISABLE_PIP_VERSION_CHECK=1
unset PIP_FIND_LINKS PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_CONSTRAINT PIP_NO_INDEX PIP_REQUIRE_VIRTUALENV
