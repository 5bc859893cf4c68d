# SPDX-License-Identifier: Apache-2.0
"""A lone message is not held for company (issue 25, send-to-display).

The writer thread commits whatever is queued when it wakes (group commit) and never
waits for more: a batch window would add its whole length to every message of a quiet
conversation. Pinned here by how the writer takes its jobs: one blocking ``get`` with
no timeout, then ``get_nowait`` until the queue is empty, and a batch of one committed
at once.
"""

from __future__ import annotations

import asyncio
import queue
import secrets
from pathlib import Path

from server_stub.storage.factory import open_storage
from server_stub.storage.sqlite import SQLiteStorage
from tests.support.relay_storage import NOW, devices, post


async def test_a_lone_post_is_committed_without_waiting_for_more(tmp_path: Path) -> None:
    s = open_storage(f"sqlite:///{tmp_path / 'relay.db'}")
    assert isinstance(s, SQLiteStorage)
    await s.open()
    try:
        (a,) = await devices(s, 1)
        gid = secrets.token_bytes(16)
        await s.create_group(gid, a, NOW)

        taken: list[tuple[str, object]] = []
        real = s._q

        class Recording:
            """The writer's queue, recording how the writer takes from it."""

            def put(self, item: object) -> None:
                real.put(item)  # type: ignore[arg-type]

            def get(self, block: bool = True, timeout: float | None = None) -> object:
                taken.append(("get", timeout if block else "nowait"))
                return real.get(block, timeout)

            def get_nowait(self) -> object:
                taken.append(("get_nowait", None))
                return real.get_nowait()

            def qsize(self) -> int:
                return real.qsize()

        batches: list[int] = []
        s.on_commit = lambda stored, _seconds: batches.append(stored)
        s._q = Recording()  # type: ignore[assignment]
        # the writer is blocked in the real queue's get(): the post wakes it
        seq = await asyncio.wait_for(post(s, gid, a), 10)
        assert seq >= 1
        assert batches == [1]  # committed alone, at once
        await asyncio.sleep(0.05)  # the writer is back waiting for the next job
        # (the writer may have started its wait on this queue already.) After the job:
        # one look for company that does not wait, then a wait with no timeout for the
        # next job: no batch window, no timer
        while taken and taken[0] == ("get", None):
            taken.pop(0)
        assert taken == [("get_nowait", None), ("get", None)], taken
        assert real.qsize() == 0
        assert isinstance(real, queue.SimpleQueue)
    finally:
        s._q = real  # type: ignore[assignment]
        await s.close()
