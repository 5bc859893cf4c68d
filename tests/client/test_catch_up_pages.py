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


async def test_a_page_is_flushed_once_and_before_its_acks(
        venue: Venue, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page's slices commit without an fsync each; the page is flushed before its
    acknowledgement (or anything else) reaches the relay, and after a failure too."""
    v = venue
    await v.sync_all(1)
    a, b = v.client(A), v.client(B)
    cid = await a.create_channel("bilateral", "flush", ["borduria"])
    await v.sync_all()
    for i in range(9):
        await a.send_text(cid, f"m{i}")
    monkeypatch.setattr(core_sync, "PAGE", 6)
    monkeypatch.setattr(core_sync, "RECEIVE_SLICE", 2)
    store = b.store
    after_slice: list[bool] = []
    at_ack: list[bool] = []
    flushes = 0
    receive, ack, sync = b.engine.receive, b.transport.ack, store.sync

    def watched(msgs: Any) -> Any:
        out = receive(msgs)
        after_slice.append(store.unsynced)  # committed to the log, not yet fsynced
        return out

    async def acked(acks: Any, welcomes: Any) -> None:
        at_ack.append(store.unsynced)
        await ack(acks, welcomes)

    def counted() -> None:
        nonlocal flushes
        flushes += store.unsynced
        sync()

    monkeypatch.setattr(b.engine, "receive", watched)
    monkeypatch.setattr(b.transport, "ack", acked)
    monkeypatch.setattr(store, "sync", counted)
    await b.sync()
    assert [m.text for m in b.messages(cid)] == [f"m{i}" for i in range(9)]
    assert after_slice and all(after_slice)  # no slice waited for the disk
    assert at_ack and not any(at_ack)  # every ack after the flush
    assert flushes == 2  # once per page (6 + 3 messages), not once per slice (5)

    for i in range(3):
        await a.send_text(cid, f"n{i}")

    def failing(msgs: Any) -> Any:
        receive(msgs)
        raise RuntimeError("the store went away")

    monkeypatch.setattr(b.engine, "receive", failing)
    with pytest.raises(RuntimeError):
        await b.sync()
    assert not store.unsynced  # the slice committed before the failure is on the disk
