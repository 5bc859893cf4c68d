#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Screenshots of the desktop app on the demo venue, under Xvfb, into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
command -v Xvfb >/dev/null || { echo "Xvfb is needed (apt-get install xvfb)" >&2; exit 1; }
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
DISPLAY=":$display" QT_QPA_PLATFORM=xcb CORRIDOR_UI_CONFIG="$(mktemp -d)/app.ini" \
    "$PY" -m demo.screenshots "${1:-docs/screenshots}" ${2:+"$2"}
# the notices window's tabs and forms (a venue of its own, on its own relay)
if [ -z "${2:-}" ]; then
    DISPLAY=":$display" QT_QPA_PLATFORM=xcb CORRIDOR_UI_CONFIG="$(mktemp -d)/app.ini" \
        "$PY" -m demo.notices_screenshots "${1:-docs/screenshots}"
fi
