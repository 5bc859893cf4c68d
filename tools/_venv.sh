# SPDX-License-Identifier: Apache-2.0
# Sourced by tools/*.sh: make .venv (once) and keep it in step with pyproject.toml.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${CORRIDOR_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi
# Extras: dev (the default: everything, for tests) is a superset of desktop, the app's.
EXTRAS="${CORRIDOR_EXTRAS:-dev}"
STAMP="$VENV/.corridor-installed"
HASH="$(sha256sum < "$ROOT/pyproject.toml" | cut -c1-16)"
HAVE="$(cat "$STAMP" 2>/dev/null || true)"
if [ "$HAVE" != "$HASH-$EXTRAS" ] && [ "$HAVE" != "$HASH-dev" ]; then
    "$VENV/bin/python" -m pip install --quiet -e "$ROOT[$EXTRAS]"
    echo "$HASH-$EXTRAS" > "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
cd "$ROOT"
