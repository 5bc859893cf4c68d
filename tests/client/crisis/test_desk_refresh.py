# SPDX-License-Identifier: Apache-2.0
"""The app's desks after a long catch-up: each reads every message that arrived, and
does it a page at a time (client.desk_base ``refresh_async``), so the core's other
work on the same event loop (a channel's first page, a send) runs between pages
instead of waiting a second or more. What it reads is what a refresh in one go
reads; a desk whose client closes meanwhile stops."""

from __future__ import annotations

import asyncio

import pytest

from client.crisis.desk import Desk
from client.notices.desk import NoticeDesk
from tests.support.client_venue import Venue, bilateral

A, B = "alderia-ana", "borduria-ana"


async def test_a_desk_reads_a_long_catch_up_a_page_at_a_time(venue: Venue) -> None:
    a, b, cid = await bilateral(venue, A, B, "hotline")
    for i in range(60):
        await a.send_text(cid, f"before the call {i}")
    call = await Desk(a).call(cid, "Border incident", "Please call back.")
    for i in range(70):
        await a.send_text(cid, f"after the call {i}")
    await b.sync()

    turns = 0

    async def other_work() -> None:
        nonlocal turns
        while True:
            turns += 1
            await asyncio.sleep(0)

    desk = Desk(b)
    task = asyncio.create_task(other_work())
    await desk.refresh_async()
    task.cancel()
    # 130-odd messages in pages of 50, read once for the desk and its notices desk
    # (client.desk_base.DeskFeed), then the call taken by each
    assert turns >= 4
    at_once = Desk(b).refresh()
    now = desk.now()
    assert [c.call.call_id.hex() for c in desk.book.calls(now)] == [call] == \
        [c.call.call_id.hex() for c in at_once.calls(now)]
    positions = dict(desk._position)
    desk.refresh()
    assert desk._position == positions  # nothing was left for the next refresh
    notices = desk.notice_desk()
    assert notices._position == positions  # the desk it keeps was read too


async def test_a_refresh_in_flight_stops_when_its_client_closes(
        venue: Venue, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, cid = await bilateral(venue, A, B, "closing")
    for i in range(120):
        await a.send_text(cid, f"m {i}")
    await b.sync()
    desk = NoticeDesk(b)
    task = asyncio.create_task(desk.refresh_async())
    await asyncio.sleep(0)  # the first page is read
    monkeypatch.setattr(b, "closed", True)  # as Client.close sets it
    with pytest.raises(asyncio.CancelledError):
        await task
