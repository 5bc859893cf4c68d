#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The whole test suite: lint, types, then pytest. Extra arguments go to pytest.
source "$(dirname "$0")/_venv.sh"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
echo "== ruff"; ruff check .
echo "== mypy"; mypy crypto client server_stub ui demo
echo "== translations"; python -m ui.translations build >/dev/null
# Two workers (pytest-xdist): most tests wait on relay processes and sockets, so two
# halve the wall time even on two cores; CORRIDOR_TEST_WORKERS=0 runs them in one process.
echo "== pytest"; python -m pytest -n "${CORRIDOR_TEST_WORKERS:-2}" "$@"
