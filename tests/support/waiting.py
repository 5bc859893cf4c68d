# SPDX-License-Identifier: Apache-2.0
"""Waiting on a condition in an async test: how fast it happens is for bench/, so the
bounds are generous and a miss says what was awaited."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

#: Seconds to wait for what the client must do by itself (connect, notice a loss, drain
#: its outbox). Generous: a loaded 2-core machine starves the relay and the client for
#: seconds at a time.
WAIT = 60.0


async def until(pred: Callable[[], bool], timeout: float, what: str) -> None:
    """Return once ``pred()`` holds; AssertionError naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        await asyncio.sleep(0.02)
