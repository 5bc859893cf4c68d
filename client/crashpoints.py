# SPDX-License-Identifier: Apache-2.0
"""The crash tests' hook: ``CORRIDOR_CRASH_AT=<point>`` makes the process SIGKILL itself
when the engine reaches that point (:data:`client.engine.settings.CRASH_POINTS`).

Read where a device home is opened, never inside the engine, which only calls the hook
it was handed; without the variable there is no hook at all.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Mapping
from typing import Final

from client.engine.settings import CrashHook

__all__ = ["CRASH_ENV", "crash_hook_from_env"]

CRASH_ENV: Final = "CORRIDOR_CRASH_AT"


def crash_hook_from_env(environ: Mapping[str, str] | None = None) -> CrashHook | None:
    """A hook that kills this process at the point ``CORRIDOR_CRASH_AT`` names, if set."""
    point = (os.environ if environ is None else environ).get(CRASH_ENV)
    if not point:
        return None

    def kill_at(name: str) -> None:
        if name == point:
            os.kill(os.getpid(), signal.SIGKILL)

    return kill_at
