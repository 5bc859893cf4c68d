# SPDX-License-Identifier: Apache-2.0
"""One client's desks share one read of the store (client.desk_base ``DeskFeed``).

The app keeps five desks over a client; each used to read and open every stored row,
so a catch-up was read five times over on the core's loop. Over a real relay: after a
catch-up the five desks together read each row once, and take what each took before;
a message deleted before a desk reads it is not taken (as when it read the store
itself); a desk refreshed while its own paged refresh is in flight takes nothing twice.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Sequence

import pytest

from client import payloads
from client.core import Client
from client.crisis.desk import Desk
from client.decisions.desk import Desk as DecisionsDesk
from client.desk_base import DESK_KINDS, StoredDesk
from client.notices.desk import NoticeDesk
from client.store.base import Channel, Message
from tests.support.client_venue import Venue, bilateral

A, B = "alderia-ana", "borduria-ana"


def _count_rows(client: Client, monkeypatch: pytest.MonkeyPatch) -> Counter[bytes]:
    """Every row the store hands out by page, counted by message id."""
    read: Counter[bytes] = Counter()
    inner = client.store.list_messages

    def counting(channel_id: bytes, **kw: object) -> list[Message]:
        page = inner(channel_id, **kw)  # type: ignore[arg-type]
        read.update(m.message_id for m in page)
        return page

    monkeypatch.setattr(client.store, "list_messages", counting)
    return read


def _desk_rows(client: Client, cid: bytes) -> list[Message]:
    return [m for m in client.store.list_messages(cid, limit=1000)
            if payloads.kind_of_body(m.body) in DESK_KINDS]


async def test_five_desks_read_each_row_once_and_take_what_they_took(
        venue: Venue, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, chan = await bilateral(venue, A, B, "hotline")
    cid = bytes.fromhex(chan)
    for i in range(70):
        await a.send_text(chan, f"before {i}")
    first = await Desk(a).call(chan, "Border incident", "Please call back.")
    for i in range(70):
        await a.send_text(chan, f"between {i}")
    second = await Desk(a).call(chan, "Second incident", "Call back too.")
    await b.sync()
    stored = {m.message_id for m in b.store.list_messages(cid, limit=1000)}
    assert len(stored) >= 142

    read = _count_rows(b, monkeypatch)
    alarm, view, decisions = Desk(b), NoticeDesk(b), DecisionsDesk(b)
    await alarm.refresh_async()  # and its notices desk
    await view.refresh_async()  # and its crisis desk
    await decisions.refresh_async()
    assert set(read) == stored
    assert max(read.values()) == 1  # five desks, each row read by page once

    now = alarm.now()
    for desk in (alarm, view.crisis_desk()):
        assert sorted(c.call.call_id.hex() for c in desk.book.calls(now)) == sorted(
            [first, second])
    positions = dict(alarm._position)
    others: tuple[StoredDesk, ...] = (alarm.notice_desk(), view, view.crisis_desk(),
                                      decisions)
    for other in others:
        assert other._position == positions  # every desk reached the same rows


async def test_a_message_deleted_before_a_desk_reads_it_is_not_taken(venue: Venue) -> None:
    a, b, chan = await bilateral(venue, A, B, "deleted")
    cid = bytes.fromhex(chan)
    call = await Desk(a).call(chan, "Border incident", "Please call back.")
    await b.sync()
    early = Desk(b)
    assert [c.call.call_id.hex() for c in early.refresh().calls(early.now())] == [call]
    [row] = _desk_rows(b, cid)
    assert b.store.delete_message(cid, row.message_id)
    late = Desk(b)  # the feed has the row; the store no longer does
    assert late.refresh().calls(late.now()) == []
    assert [c.call.call_id.hex() for c in early.refresh().calls(early.now())] == [call]


async def test_a_desk_refreshed_during_its_paged_refresh_takes_nothing_twice(
        venue: Venue) -> None:
    a, b, chan = await bilateral(venue, A, B, "turns")
    calls = []
    for n in range(3):
        for i in range(60):
            await a.send_text(chan, f"round {n} text {i}")
        calls.append(await Desk(a).call(chan, f"Incident {n}", "Call back."))
    await b.sync()

    desk = Desk(b)
    taken: Counter[bytes] = Counter()
    inner: Callable[[Channel, Message, Sequence[bytes]], None] = desk._take

    def counting(ch: Channel, m: Message, crls: Sequence[bytes]) -> None:
        taken[m.message_id] += 1
        inner(ch, m, crls)

    desk._take = counting  # type: ignore[method-assign]
    task = asyncio.create_task(desk.refresh_async())
    for _ in range(4):  # into the paged read, then a refresh in one go beside it
        await asyncio.sleep(0)
    desk.refresh()
    await task
    desk.refresh()
    assert len(taken) == 3 and set(taken.values()) == {1}
    assert sorted(c.call.call_id.hex() for c in desk.book.calls(desk.now())) == sorted(calls)


def test_the_kind_is_read_from_the_header_alone() -> None:
    text = payloads.encode(payloads.Text(message_id=payloads.new_message_id(),
                                         sent_at=1, body="hello"))
    assert payloads.kind_of_body(text) == "text"
    assert payloads.kind_of_body(text[:3]) is None  # truncated
    assert payloads.kind_of_body(b"") is None
    assert payloads.kind_of_body(b"\xff\x00garbage") is None
    assert "text" not in DESK_KINDS and {"crisis", "emergency"} <= DESK_KINDS
