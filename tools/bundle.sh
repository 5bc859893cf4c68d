#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Build the desktop bundle with PyInstaller: build/bundle/dist/corridor/corridor.
# PyInstaller is installed here only (not an extra): nothing else needs it.
source "$(dirname "$0")/_venv.sh"
python -c "import PyInstaller" 2>/dev/null || python -m pip install --quiet "pyinstaller>=6.10,<7"
OUT="${CORRIDOR_BUNDLE_DIR:-$ROOT/build/bundle}"
python -m PyInstaller --noconfirm --log-level WARN --distpath "$OUT/dist" \
    --workpath "$OUT/work" deploy/bundle/corridor.spec
echo "$OUT/dist/corridor/corridor"
