# SPDX-License-Identifier: Apache-2.0
"""Application messages over the open push socket (issue 25), against a real relay
process: the same guarantees as the POST they replace.

* Not connected: the message goes by POST (the relay's access log shows it); connected:
  over the socket, and the relay logs no POST for it.
* The socket cut after the send frame was written, before the relay's answer: the
  message is sent again (once, by POST, answered as the duplicate it is) and arrives
  exactly once; the relay also answers a repeated send on the socket as a duplicate.
* A permanent refusal on the socket marks the message failed with the relay's reason,
  as on HTTP; a temporary one keeps it queued until it goes through.
* Commits stay on POST.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from client.core import Client
from client.events import Event, MessageFailed
from client.transport import PostResult
from tests.support.client_venue import Venue, small_venue
from tests.support.waiting import WAIT, until

A, B = "alderia-ana", "borduria-ana"
_POST = re.compile(r"POST /v1/groups/\{id\}/messages (\d+)")


@pytest.fixture
async def pair(tmp_path: Path) -> AsyncIterator[tuple[Venue, Path]]:
    v, flag = small_venue(tmp_path, faulty=True)
    try:
        yield v, flag
    finally:
        await v.close()
        v.relay.stop()


def posts(v: Venue) -> list[int]:
    """The statuses of the message POSTs in the relay's access log, in order."""
    return [int(m.group(1)) for m in _POST.finditer(v.relay.log_path.read_text())]


async def connected_pair(v: Venue) -> tuple[Client, Client, str]:
    a, b = v.client(A), v.client(B)
    await v.sync_all(1)
    cid = await a.create_channel("bilateral", "alderia-borduria", ["borduria"])
    await v.sync_all()
    await a.start()
    await until(a.connected.is_set, WAIT, "connected")
    return a, b, cid


def texts(c: Client, cid: str) -> list[str]:
    return [m.text for m in c.messages(cid, limit=500)]


async def test_by_post_when_not_connected_over_the_socket_when_connected(
        pair: tuple[Venue, Path]) -> None:
    v, _flag = pair
    a, b = v.client(A), v.client(B)
    await v.sync_all(1)
    cid = await a.create_channel("bilateral", "alderia-borduria", ["borduria"])
    await v.sync_all()
    before = len(posts(v))
    mid = await a.send_text(cid, "by post")  # no push loop: no socket
    assert a.message(mid).status == "sent"
    await until(lambda: len(posts(v)) == before + 1, WAIT, "the POST in the access log")
    assert posts(v)[-1] == 201

    await a.start()
    await until(a.connected.is_set, WAIT, "connected")
    n = len(posts(v))
    sent = [await a.send_text(cid, f"over the socket {i}") for i in range(3)]
    assert all(a.message(m).status == "sent" for m in sent)
    await b.sync()  # logged by the relay after these sends: the log is current
    await until(lambda: "GET /v1/groups/{id}/messages" in v.relay.log_path.read_text()
                .split("POST /v1/groups/{id}/messages")[-1], WAIT, "b's catch-up logged")
    assert len(posts(v)) == n  # none of the three went by POST
    assert texts(b, cid) == ["by post"] + [f"over the socket {i}" for i in range(3)]


async def test_socket_cut_before_the_answer_sends_again_once_delivered_once(
        pair: tuple[Venue, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    v, flag = pair
    a, b, cid = await connected_pair(v)
    frames: list[tuple[bytes, str, bytes]] = []
    real = type(a.transport).send_app_message

    async def spy(self: object, group_id: bytes, cmid: str, message: bytes) -> PostResult:
        frames.append((group_id, cmid, message))
        return await real(a.transport, group_id, cmid, message)

    monkeypatch.setattr(a.transport, "send_app_message",
                        lambda g, c, m: spy(a.transport, g, c, m))
    n = len(posts(v))
    flag.write_text("cut")  # the relay stores it; the socket closes instead of the answer
    mid = await a.send_text(cid, "cut mid-send")
    flag.unlink()
    assert a.message(mid).status == "sent" and a.pending_sends() == 0
    assert len(frames) == 1
    # sent again once, by POST, and the relay knew it: 200 duplicate, not 201
    await until(lambda: len(posts(v)) == n + 1, WAIT, "the re-send in the access log")
    assert posts(v)[n:] == [200]
    await b.sync()
    assert texts(b, cid) == ["cut mid-send"]  # exactly once

    # the relay de-duplicates on the socket too: the same send again, once reconnected
    await until(a.connected.is_set, WAIT, "connected again")
    await until(lambda: a.transport._sends is not None, WAIT, "the socket ready")  # type: ignore[attr-defined]
    gid, cmid, message = frames[0]
    again = await real(a.transport, gid, cmid, message)
    first = b.store.get_channel_by_group(gid).cursor
    assert again.duplicate and again.seq == first
    assert len(posts(v)) == n + 1  # that one went over the socket
    await b.sync()
    assert texts(b, cid) == ["cut mid-send"]


async def test_permanent_refusal_on_the_socket_fails_the_message_like_on_http(
        pair: tuple[Venue, Path]) -> None:
    v, flag = pair
    a, b, cid = await connected_pair(v)
    seen: list[Event] = []
    a.subscribe(seen.append)
    n = len(posts(v))
    flag.write_text("403 this device may not post here")
    refused = await a.send_text(cid, "refused")
    view = a.message(refused)
    assert view.status == "failed" and view.failed == "this device may not post here"
    ev = [e for e in seen if isinstance(e, MessageFailed)]
    assert [e.message_id.hex() for e in ev] == [refused]
    assert ev[0].reason == "this device may not post here"
    assert a.pending_sends() == 0  # out of the outbox: later sends are not blocked
    assert len(posts(v)) == n  # refused on the socket, never tried by POST

    # temporary: kept, retried, delivered once (after the fault is lifted)
    flag.write_text("503")
    queued = await a.send_text(cid, "kept")
    await asyncio.sleep(0.5)
    assert a.message(queued).status == "sending" and a.pending_sends() == 1
    flag.unlink()
    await until(lambda: a.pending_sends() == 0, WAIT, "the retry loop sent it")
    await a.retry_message(refused)
    assert a.message(refused).status == "sent"
    await b.sync()
    assert texts(b, cid) == ["kept", "refused"]


async def test_commits_stay_on_post(pair: tuple[Venue, Path],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    v, _flag = pair
    a, _b, cid = await connected_pair(v)
    on_socket: list[str] = []
    real = a.transport.send_app_message

    async def spy(group_id: bytes, cmid: str, message: bytes) -> PostResult:
        on_socket.append(cmid)
        return await real(group_id, cmid, message)

    monkeypatch.setattr(a.transport, "send_app_message", spy)
    n = len(posts(v))
    a.engine.enqueue_self_update(bytes.fromhex(cid))  # a commit (a fresh leaf key)
    await a.flush()
    await until(lambda: len(posts(v)) > n, WAIT, "the commit POSTed")
    assert on_socket == [] and a.pending_sends() == 0
    await a.send_text(cid, "after the commit")  # the next message: on the socket again
    assert len(on_socket) == 1
