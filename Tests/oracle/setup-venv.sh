#!/usr/bin/env bash
# Creates or updates the Python virtual environment .venv at the project root from
# Tests/oracle/requirements.txt. Idempotent and quiet: when the requirements have not changed since
# the last successful install it does nothing. Exits non-zero with a message when venv or pip fails.
# Python is for the test oracle, benchmarks and notebooks only, never for the product.
#   usage: bash Tests/oracle/setup-venv.sh        (PYTHON=python3.11 to choose the interpreter)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="$root/.venv"
requirements="$root/Tests/oracle/requirements.txt"
python="${PYTHON:-python3}"
stamp="$venv/.oracle-requirements.sha256"

fail() { echo "setup-venv: $*" >&2; exit 1; }

[ -f "$requirements" ] || fail "missing $requirements"
command -v "$python" >/dev/null 2>&1 || fail "'$python' not found; set PYTHON to a Python 3.11+ interpreter"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || fail "$("$python" --version 2>&1) is too old: the pinned wheels need Python 3.11+"

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv" || fail "'$python -m venv $venv' failed (on Debian: apt-get install python3-venv)"
fi

want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
    && "$venv/bin/python" -c 'import geopandas, pandas, pyogrio, pyproj, shapely, nbclient, matplotlib' 2>/dev/null; then
    exit 0
fi

"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" \
    || fail "pip could not install $requirements into $venv (see pip's message above)"
echo "$want" > "$stamp"
