# SPDX-License-Identifier: Apache-2.0
"""The push hub's per-group order rule, driven event by event without a relay process.

Several relay processes commit one group's seqs in order, but a process hears its own
commits at once and the others' later (NOTIFY), so the hub fills a gap from the store
and skips the late event. These tests pin the case where the hub had no order yet for
the group (no socket was open when its last event came): the first push must still be
preceded by an earlier seq that is on its way, never let it be skipped unpushed.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, cast

from server_stub.hub import FULL, NOT_READY, WROTE, Connection, Frame, Hub, Message
from server_stub.storage.base import MemberRow, MessageEvent, Storage, StoredMessage

G = b"g" * 16


def message(seq: int, sender: str) -> StoredMessage:
    return StoredMessage(G, seq, sender, f"m{seq}", b"ciphertext", 0)


class Store:
    """The two reads the hub makes: routing rows and a seq range of committed messages."""

    def __init__(self, joined: dict[str, int], messages: list[StoredMessage]) -> None:
        self.joined = joined
        self.messages = messages
        self.ranges: list[tuple[int, int]] = []

    async def group_members(self, group_id: bytes) -> list[MemberRow]:
        return [MemberRow(d, j, j, None) for d, j in self.joined.items()]

    async def group_range(self, group_id: bytes, after: int, upto: int) -> list[StoredMessage]:
        self.ranges.append((after, upto))
        return [m for m in self.messages if after < m.seq <= upto]


class Socket:
    def __init__(self, hub: Hub, device: str) -> None:
        self.seqs: list[int] = []
        self.conn = Connection(device, self._send, self._close, 100)
        hub.add(self.conn)

    async def _send(self, msg: Message) -> None:
        self.seqs.append(json.loads(cast(str, msg["text"]))["seq"])

    async def _close(self, code: int, reason: str) -> None:
        raise AssertionError(f"closed {code} {reason}")


async def settle(hub: Hub) -> None:
    for _ in range(200):
        await asyncio.sleep(0)
        if not hub.pending():
            await asyncio.sleep(0.01)
            if not hub.pending():
                return
    raise AssertionError("the hub did not settle")


def event(m: StoredMessage) -> list[Any]:
    return [MessageEvent(m, False)]


async def test_first_push_after_a_spell_without_sockets_waits_for_no_late_event() -> None:
    """Seq 1 came while no socket was open (the hub kept no order); then this process's
    own seq 3 arrives before another process's seq 2. Device b (given up to 1) gets 2
    then 3, filled from the store; d, whose backlog already reached 3, gets neither
    again; the late event for 2 is skipped as pushed."""
    store = Store({"a": 0, "b": 1, "c": 1, "d": 1},
                  [message(1, "a"), message(2, "a"), message(3, "c"), message(4, "a")])
    hub = Hub(cast(Storage, store))
    hub.start()
    try:
        hub.on_events(event(store.messages[0]))  # nobody connected: no order kept
        b, d = Socket(hub, "b"), Socket(hub, "d")
        b.conn.go_live({G: 1})
        d.conn.go_live({G: 3})
        hub.on_events(event(store.messages[2]))  # own commit, at once
        await settle(hub)
        hub.on_events(event(store.messages[1]))  # the other process's, by NOTIFY
        hub.on_events(event(store.messages[3]))
        await settle(hub)
        assert b.seqs == [2, 3, 4]
        assert d.seqs == [4]
        assert store.ranges == [(1, 2)]
    finally:
        await hub.stop()


async def test_first_push_while_a_backlog_is_being_sent_is_filled_from_the_joined_seq() -> None:
    """A socket still sending its backlog has no known position: the fill starts at the
    device's joined seq and the socket drops what its backlog covered when it goes live."""
    store = Store({"a": 0, "b": 1, "c": 1},
                  [message(2, "a"), message(3, "a"), message(4, "c")])
    hub = Hub(cast(Storage, store))
    hub.start()
    try:
        b = Socket(hub, "b")  # connected, backlog (up to 2) still being sent
        hub.on_events(event(store.messages[2]))  # own seq 4 first
        await settle(hub)
        hub.on_events(event(store.messages[1]))  # then seq 3 by NOTIFY: already filled
        await settle(hub)
        b.conn.go_live({G: 2})
        await settle(hub)
        assert b.seqs == [3, 4]
    finally:
        await hub.stop()


class Transport:
    """A RawSink that records what is written; ``paused`` stands for flow control."""

    def __init__(self) -> None:
        self.data: list[bytes] = []
        self.paused = False
        self.backlog = 0

    def offer(self, data: bytes, max_buffered: int) -> int:
        if self.paused:
            return NOT_READY
        if self.backlog > max_buffered:
            return FULL
        self.data.append(data)
        return WROTE


def client_reads(data: bytes) -> list[str]:
    """What a WebSocket client (wsproto) makes of the bytes the server wrote."""
    import wsproto
    from wsproto.events import AcceptConnection, Request, TextMessage

    server = wsproto.WSConnection(wsproto.ConnectionType.SERVER)
    client = wsproto.WSConnection(wsproto.ConnectionType.CLIENT)
    server.receive_data(client.send(Request(host="relay", target="/v1/ws")))
    list(server.events())
    client.receive_data(server.send(AcceptConnection()))
    list(client.events())
    client.receive_data(data)
    return [e.data for e in client.events() if isinstance(e, TextMessage)]


def test_a_ready_made_frame_is_what_a_client_reads() -> None:
    """The fan-out writes one encoded frame to every socket; each length form of RFC 6455
    (7-bit, 16-bit, 64-bit) reads back as the text."""
    texts = ["", "x" * 125, "y" * 126, "é" * 40_000, "z" * 65_535, "w" * 70_000]
    assert client_reads(b"".join(Frame(t).data for t in texts)) == texts


async def test_pushes_go_straight_to_the_transport_unless_a_frame_is_queued() -> None:
    """An idle socket takes a frame as bytes (a routed message at once, a reply at the
    end of the loop turn); while a frame waits in its queue (the transport was paused
    by flow control) later ones queue behind it, so order holds; a transport that far
    behind its reader is closed as an overflowing queue would be."""
    sent: list[str] = []
    closed: list[int] = []
    gate = asyncio.Event()

    async def send(msg: Message) -> None:
        await gate.wait()
        sent.append(cast(str, msg["text"]))

    async def close(code: int, _reason: str) -> None:
        closed.append(code)

    t = Transport()
    conn = Connection("b", send, close, 4, t)
    conn.go_live({G: 0})
    conn.push_routed(G, 1, Frame("one"))
    assert client_reads(b"".join(t.data)) == ["one"] and not sent
    t.paused = True
    conn.push('{"type":"sent"}')  # written at the end of the turn: the transport is paused
    await asyncio.sleep(0)  # one loop turn (no time passes): it is queued now
    assert len(t.data) == 1
    t.paused = False
    conn.push_routed(G, 2, Frame("two"))  # so this one queues behind it
    conn.push('{"type":"pong"}')
    await asyncio.sleep(0)
    assert len(t.data) == 1
    gate.set()
    await asyncio.sleep(0.01)
    assert sent == ['{"type":"sent"}', "two", '{"type":"pong"}']
    conn.push_routed(G, 3, Frame("three"))  # idle again: straight to the transport
    conn.push('{"type":"acked"}')
    await asyncio.sleep(0)
    assert client_reads(b"".join(t.data)) == ["one", "three", '{"type":"acked"}']
    t.backlog = 4 * 1024 + 1
    conn.push_routed(G, 4, Frame("four"))
    await asyncio.sleep(0.01)
    assert closed == [4008] and conn.closed and len(t.data) == 3


async def test_replies_of_one_loop_turn_leave_in_one_write_and_in_order() -> None:
    """The acknowledgements of a committed batch of pipelined sends are written together;
    a routed message pushed among them keeps its place."""

    async def send(_msg: Message) -> None:
        raise AssertionError("nothing is queued")

    async def close(_code: int, _reason: str) -> None:
        raise AssertionError("nothing is closed")

    t = Transport()
    conn = Connection("b", send, close, 4, t)
    conn.go_live({G: 0})
    for i in range(50):
        conn.push(f'{{"type":"sent","seq":{i}}}')
        if i == 20:
            conn.push_routed(G, 1, Frame("routed"))
    assert t.data == []
    await asyncio.sleep(0)  # one loop turn (no time passes)
    assert len(t.data) == 1
    want = [f'{{"type":"sent","seq":{i}}}' for i in range(50)]
    want.insert(21, "routed")
    assert client_reads(t.data[0]) == want


async def test_the_relay_writes_frames_directly_only_to_uvicorn_without_compression() -> None:
    """The server the relay runs on (uvicorn, wsproto, no permessage-deflate) hands the
    push path its transport; with compression, or any other server, frames go through
    ``send`` (a compressed stream cannot take a frame encoded once for everyone)."""
    from uvicorn.protocols.websockets.wsproto_impl import WSProtocol
    from uvicorn.server import ServerState

    from server_stub.embedded import uvicorn_config
    from server_stub.routes.ws import raw_sink
    from server_stub.settings import Settings

    async def app(_scope: Any, _receive: Any, _send: Any) -> None:
        return None

    def protocol(**options: Any) -> WSProtocol:
        config = uvicorn_config(app, Settings(), "127.0.0.1", 1, **options)
        config.load()
        return WSProtocol(config=config, server_state=ServerState(), app_state={})

    assert raw_sink(protocol().send) is not None
    assert raw_sink(protocol(ws_per_message_deflate=True).send) is None
    assert raw_sink(app) is None
