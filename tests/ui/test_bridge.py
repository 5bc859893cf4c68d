# SPDX-License-Identifier: Apache-2.0
"""ui/bridge.py: work submitted and forgotten still runs to its end."""

from __future__ import annotations

import asyncio
import gc
import threading
import weakref

from ui.bridge import Bridge


def test_a_dropped_submission_survives_a_full_garbage_collection(bridge: Bridge) -> None:
    """The loop holds its tasks weakly. A coroutine awaiting a future that only its own
    frame references (LiveDemo.run_delegates did: ``await asyncio.Event().wait()``)
    was a cycle nothing outside pointed to once the caller dropped the returned
    future; a full collection destroyed the pending task mid-way."""
    waiting: list[weakref.ref[asyncio.Future[None]]] = []
    finished = threading.Event()

    async def work() -> None:
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        waiting.append(weakref.ref(fut))
        await fut
        finished.set()

    bridge.submit(work)  # the concurrent future is dropped at once
    for _ in range(200):
        if waiting:
            break
        threading.Event().wait(0.01)
    assert waiting
    gc.collect()
    fut = waiting[0]()
    assert fut is not None, "the pending task was garbage-collected"
    bridge.loop.call_soon_threadsafe(fut.set_result, None)
    del fut
    assert finished.wait(5)
