# SPDX-License-Identifier: Apache-2.0
"""A catch-up over several pages, the next page fetched while this one is stored:
every message once and in order, and a failure part-way leaves nothing acknowledged
past what was stored and no fetch running."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from client.core import sync as core_sync
from tests.support.client_venue import Venue

A, B = "alderia-ana", "borduria-ana"


async def test_pages_fetched_ahead_arrive_once_in_order(
        venue: Venue, monkeypatch: pytest.MonkeyPatch) -> None:
    v = venue
    await v.sync_all(1)
    a, b = v.client(A), v.client(B)
    cid = await a.create_channel("bilateral", "pages", ["borduria"])
    await v.sync_all()
    texts = [f"m{i}" for i in range(11)]
    for t in texts:
        await a.send_text(cid, t)
    monkeypatch.setattr(core_sync, "PAGE", 3)
    asked: list[int] = []
    calls = 0
    fetch = b.transport.messages

    async def counted(group_id: bytes, after: int, limit: int = 1000) -> Any:
        asked.append(after)
        if calls == 2:  # after the failure, before the retry: a fetch never answered
            await asyncio.sleep(60)
        return await fetch(group_id, after, limit)

    monkeypatch.setattr(b.transport, "messages", counted)
    receive = b.engine.receive

    def failing(msgs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("the store went away")
        return receive(msgs)

    monkeypatch.setattr(b.engine, "receive", failing)
    with pytest.raises(RuntimeError):  # at once, not after the fetch ahead
        await asyncio.wait_for(b.sync(), 20)
    await asyncio.sleep(0.05)
    pending = [t for t in asyncio.all_tasks() if "counted" in repr(t.get_coro())]
    assert pending == []  # the page fetched ahead was dropped with the failure
    stored = [m.text for m in b.messages(cid)]
    assert stored == texts[:len(stored)] and len(stored) < len(texts)
    monkeypatch.setattr(b.engine, "receive", receive)
    calls = 3
    asked.clear()
    await b.sync()
    assert [m.text for m in b.messages(cid)] == texts  # once each, in order
    assert asked == sorted(asked) and len(asked) >= 3  # several pages, moving forward
