#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The desktop bundle's smoke test (CI runs it after the suite): build the bundle, start it
# under Xvfb on a fresh demo venue, wait for its window to settle, save a screenshot
# (argument 1, default build/bundle/smoke.png), stop it. Bounded: each step has a timeout.
source "$(dirname "$0")/_venv.sh"
OUT_PNG="$(realpath -m "${1:-build/bundle/smoke.png}")"
BIN="${CORRIDOR_BUNDLE_DIR:-$ROOT/build/bundle}/dist/corridor/corridor"
command -v Xvfb >/dev/null || { echo "Xvfb is needed (apt-get install xvfb)" >&2; exit 1; }
if [ -z "${CORRIDOR_BUNDLE_PREBUILT:-}" ] || [ ! -x "$BIN" ]; then
    timeout 900 bash tools/bundle.sh
fi
mkdir -p "$(dirname "$OUT_PNG")"
work="$(mktemp -d)"
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
# a home, config and cache of its own: nothing of the machine's user is read or written
mkdir -p "$work/home"
env DISPLAY=":$display" QT_QPA_PLATFORM=xcb HOME="$work/home" XDG_CONFIG_HOME="$work/config" \
    XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" \
    CORRIDOR_UI_CONFIG="$work/app.ini" \
    "$BIN" --demo --data-dir "$work/venue" >"$work/app.log" 2>&1 &
app=$!
pids=("$app" "${pids[@]}")
if ! DISPLAY=":$display" QT_QPA_PLATFORM=xcb timeout 200 \
        python tools/bundle_shot.py --out "$OUT_PNG" --pid "$app" --timeout 150; then
    echo "== the bundle's output" >&2
    tail -n 60 "$work/app.log" >&2
    exit 1
fi
kill -0 "$app" 2>/dev/null || { echo "bundle smoke: the app died" >&2; exit 1; }
echo "bundle smoke: passed"
