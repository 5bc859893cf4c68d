#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job: Corridor's desktop app against an embedded relay on 127.0.0.1.
CORRIDOR_EXTRAS="${CORRIDOR_EXTRAS:-desktop}"
source "$(dirname "$0")/_venv.sh"
# The translations, compiled (lrelease) into the user's cache; the app would on first start.
python -m ui.translations build >/dev/null
exec corridor "$@"
