# SPDX-License-Identifier: Apache-2.0
"""Push: routes committed events to this process's connected WebSockets.

Events are dispatched by one task. Those of one process arrive in commit order, but a
group's messages committed by several processes arrive interleaved (this process's own
at once, the others' when their NOTIFY comes), so the hub keeps per-group order
itself: a message whose predecessors were not pushed yet is preceded by them, read
from the store, and their own events are skipped when they arrive. Each
message is encoded once, as a finished WebSocket frame too, and goes to every connected
device routed for that seq except the sender (its ``sent`` reply or HTTP response
carries the seq): written straight to the socket's transport when nothing waits in its
send queue, else appended to that queue. A socket whose queue (or transport buffer)
overflows is closed; its device catches up by cursor when it reconnects, so nothing is
lost, only pushed later.

A :class:`RevocationEvent` (a device revoked through this process or, via
LISTEN/NOTIFY, through another) is handled on arrival, not queued: the device's
sockets close with 4403 and ``on_revoked`` (the relay's authentication cache) forgets
it, so a revoked device loses access on every relay process at once.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

import msgspec
from starlette.types import Message

from .errors import ServerError
from .storage.base import (
    Event,
    EventsMissed,
    MembershipEvent,
    MessageEvent,
    RevocationEvent,
    Storage,
    StoredMessage,
    StoredWelcome,
    WelcomeEvent,
)

__all__ = ["FULL", "NOT_READY", "WROTE", "Connection", "Frame", "Hub", "RawSink", "b64u",
           "message_frame",
           "welcome_commit_fields", "welcome_frame", "ws_frame", "ws_message"]

log = logging.getLogger("corridor.relay.push")
MAX_FILL = 1000  # a larger gap is left to the devices' catch-up
_enc = msgspec.json.Encoder()


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def ws_message(text: str) -> Message:
    """An ASGI send event for a text frame."""
    return {"type": "websocket.send", "text": text}


def ws_frame(payload: bytes) -> bytes:
    """An unmasked, unfragmented text frame (RFC 6455 section 5.2), as a server sends it."""
    n = len(payload)
    if n < 126:
        head = bytes((0x81, n))
    elif n < 65536:
        head = bytes((0x81, 126)) + n.to_bytes(2, "big")
    else:
        head = bytes((0x81, 127)) + n.to_bytes(8, "big")
    return head + payload


class Frame:
    """A pushed message, made once for all its recipients: the ASGI send event, and the
    same text as a finished WebSocket frame for a socket that takes bytes directly."""

    __slots__ = ("data", "msg")

    def __init__(self, text: str) -> None:
        self.msg = ws_message(text)
        self.data = ws_frame(text.encode())


#: What :meth:`RawSink.offer` did with a frame.
WROTE, NOT_READY, FULL = 0, 1, 2


class RawSink(Protocol):
    """The server's transport under one socket, when frames may be written to it as bytes
    (no compression): what ``send`` would write, without encoding it per recipient."""

    def offer(self, data: bytes, max_buffered: int) -> int:
        """Write ``data`` if the socket takes it now (WROTE); NOT_READY while its own
        ``send`` would not write at once (the caller queues it); FULL, unwritten, when
        more than ``max_buffered`` bytes wait in the transport already. One call per
        delivery, as the fan-out makes a thousand of them per message."""
        ...


def message_frame(m: StoredMessage) -> str:
    return _enc.encode({
        "type": "message", "group_id": b64u(m.group_id), "seq": m.seq, "sender": m.sender,
        "client_msg_id": m.client_msg_id, "message": m.payload, "received_at": m.created_at,
        **({"voided": True} if m.voided else {}),
    }).decode()


def welcome_frame(w: StoredWelcome) -> str:
    """A Welcome push, with the accepted commit it rode on (THREATS 6)."""
    return _enc.encode({
        "type": "welcome", "id": w.id, "sender": w.sender, "message": w.payload,
        "received_at": w.created_at, **welcome_commit_fields(w),
    }).decode()


def welcome_commit_fields(w: StoredWelcome) -> dict[str, object]:
    """``group_id``, ``seq`` and ``commit`` of a Welcome; nulls for rows stored without."""
    if not w.commit:
        return {"group_id": None, "seq": None, "commit": None}
    return {"group_id": b64u(w.group_id), "seq": w.seq, "commit": w.commit}


class Connection:
    """One authenticated socket: a bounded send queue drained by a short-lived task.

    Frames are queued as ready-made ASGI ``websocket.send`` messages, one dict shared by
    every recipient of a push. The queue is created on first use, so an idle socket
    costs only this object.
    """

    __slots__ = ("_close", "_draining", "_floor", "_max_buffered", "_out", "_pending",
                 "_queue", "_raw", "_send", "closed", "device_id", "limit", "live")

    def __init__(
        self, device_id: str, send: Callable[[Message], Awaitable[None]],
        close: Callable[[int, str], Awaitable[None]], limit: int,
        raw: RawSink | None = None,
    ) -> None:
        self.device_id = device_id
        self._send = send
        self._raw = raw
        self._close = close
        self.limit = limit
        self._max_buffered = limit * 1024  # a reader this far behind catches up later
        self._queue: deque[Message] | None = None
        self._draining = False
        #: frames for the transport, written together at the end of this loop turn
        self._out: list[tuple[bytes, str | Message]] | None = None
        self.closed = False
        self.live = False  # False while the backlog is being sent
        self._pending: list[tuple[bytes, int, Frame]] | None = []
        #: per group, the highest seq this socket was given (backlog, then pushes); a
        #: fill may re-read what one socket already has, and this drops it for that one
        self._floor: dict[bytes, int] = {}

    def push(self, frame: str | Message) -> None:
        """Send or queue a frame; never blocks. Overflow closes the socket (the client
        catches up). Text goes to the transport when nothing waits before it, at the end
        of this loop turn: the answers to one committed batch of pipelined sends leave
        in one write, not one system call each."""
        if self.closed:
            return
        if isinstance(frame, str):
            if self._raw is not None and not self._draining:
                out = self._out
                if out is None:
                    out = self._out = []
                    asyncio.get_running_loop().call_soon(self._flush)
                out.append((ws_frame(frame.encode()), frame))
                return
            msg = ws_message(frame)
        else:
            msg = frame
        self._enqueue(msg)

    def _enqueue(self, msg: Message) -> None:
        q = self._queue
        if q is None:
            q = self._queue = deque()
        elif len(q) >= self.limit:
            self.abort(4008, "send queue overflow")
            return
        q.append(msg)
        if not self._draining:
            self._draining = True
            asyncio.get_running_loop().create_task(self._drain())

    def push_routed(self, group_id: bytes, seq: int, frame: Frame) -> None:
        """A group message: held back while the backlog is sent, then de-duplicated;
        written to the transport at once when nothing is queued before it (the fan-out
        path: no task, no per-socket encoding), queued like any frame otherwise."""
        if self.live:
            floor = self._floor
            if seq <= floor.get(group_id, -1):
                return  # the backlog or an earlier push gave it already
            floor[group_id] = seq
            raw = self._raw
            if raw is not None and not self._draining and not self.closed:
                if self._out is not None:  # behind frames not written yet: keep order
                    self._out.append((frame.data, frame.msg))
                    return
                try:  # _offer, inline: this runs once per recipient of every message
                    done = raw.offer(frame.data, self._max_buffered)
                except Exception:
                    self.closed = True
                    return
                if done == WROTE:
                    return
                if done == FULL:
                    self.abort(4008, "send queue overflow")
                    return
            self.push(frame.msg)
        elif self._pending is not None:
            if len(self._pending) >= self.limit:
                self.abort(4008, "send queue overflow")
                return
            self._pending.append((group_id, seq, frame))

    def _flush(self) -> None:
        """Write the frames gathered this loop turn as one; queue them (in order) if
        the transport does not take writes now. Nothing was queued meanwhile: while
        frames wait here, every push joins them."""
        out, self._out = self._out, None
        if not out or self.closed:
            return
        data = out[0][0] if len(out) == 1 else b"".join([d for d, _f in out])
        if not self._draining and self._offer(data):
            return
        for _d, f in out:
            self._enqueue(ws_message(f) if isinstance(f, str) else f)
            if self.closed:
                return

    def _offer(self, data: bytes) -> bool:
        """True when the frame needs no queue: written, or the socket dropped (its
        transport over the limit, or failing)."""
        assert self._raw is not None
        try:
            done = self._raw.offer(data, self._max_buffered)
        except Exception:
            self.closed = True
            return True
        if done == NOT_READY:
            return False
        if done == FULL:
            self.abort(4008, "send queue overflow")
        return True

    def delivered(self, group_id: bytes, default: int) -> int:
        """The highest seq of the group this socket was given; ``default`` (the device's
        joined seq) while its backlog is still being sent or if it joined since."""
        return self._floor.get(group_id, default) if self.live else default

    def go_live(self, sent: dict[bytes, int]) -> None:
        """Backlog done: flush held pushes the backlog did not already cover."""
        pending, self._pending = self._pending or [], None
        self._floor = sent
        self.live = True
        for gid, seq, frame in pending:
            self.push_routed(gid, seq, frame)

    async def _drain(self) -> None:
        q = self._queue
        try:
            while q and not self.closed:
                await self._send(q.popleft())
        except Exception:
            self.closed = True
        finally:
            self._draining = False
            if not q:
                self._queue = None  # idle again: give the memory back

    def abort(self, code: int, reason: str) -> None:
        if self.closed:
            return
        self.closed = True
        self._queue = self._out = None
        asyncio.get_running_loop().create_task(self._safe_close(code, reason))

    async def _safe_close(self, code: int, reason: str) -> None:
        with contextlib.suppress(Exception):
            await self._close(code, reason)


class Hub:
    """Per-process registry of sockets plus the routing cache."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage
        self.conns: dict[str, set[Connection]] = {}
        self._members: dict[bytes, dict[str, tuple[int, int | None]]] = {}
        self._pushed: dict[bytes, int] = {}  # group -> highest seq dispatched
        self._events: deque[tuple[float, Event]] = deque()  # (arrival, event)
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.delivered = 0
        self.on_revoked: Callable[[Sequence[str]], None] | None = None
        #: (push latency in seconds, frames queued) per dispatched message event
        self.on_pushed: Callable[[float, int], None] | None = None
        #: a WebSocket frame refused, by reason (the error code sent back)
        self.on_refused: Callable[[str], None] | None = None

    def pending(self) -> int:
        """Committed events not yet pushed."""
        return len(self._events)

    def sockets(self) -> int:
        return sum(len(c) for c in self.conns.values())

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def add(self, conn: Connection) -> None:
        self.conns.setdefault(conn.device_id, set()).add(conn)

    def remove(self, conn: Connection) -> None:
        s = self.conns.get(conn.device_id)
        if s is not None:
            s.discard(conn)
            if not s:
                del self.conns[conn.device_id]

    def on_events(self, events: Sequence[Event]) -> None:
        """Storage callback (on the loop, in commit order)."""
        if any(isinstance(e, EventsMissed) for e in events):
            self._resync()
            events = [e for e in events if not isinstance(e, EventsMissed)]
            if not events:
                return
        if any(isinstance(e, RevocationEvent) for e in events):
            self._revoke([d for e in events if isinstance(e, RevocationEvent)
                          for d in e.device_ids])
            events = [e for e in events if not isinstance(e, RevocationEvent)]
            if not events:
                return
        if not self.conns:
            for e in events:  # nobody to push to; keep the cache honest only
                if isinstance(e, MembershipEvent) or (
                    isinstance(e, MessageEvent) and e.membership_changed
                ):
                    self._invalidate(e)
                if isinstance(e, MessageEvent):  # order starts again from the next one
                    self._pushed.pop(e.message.group_id, None)
            return
        now = time.perf_counter()
        self._events.extend((now, e) for e in events)
        self._wake.set()

    def _revoke(self, device_ids: Sequence[str]) -> None:
        """Revoked devices lose access now: no cached authentication, no open socket."""
        if self.on_revoked is not None:
            try:
                self.on_revoked(device_ids)
            except Exception:
                log.exception("revocation hook failed")
        for d in device_ids:
            for c in list(self.conns.get(d, ())):
                c.abort(4403, "device revoked")

    def _resync(self) -> None:
        """Pushes from other processes may have been missed: forget the routing cache
        and close every socket (1012); each client reconnects and its backlog (all it
        has not acknowledged) fills what this process did not push."""
        self._members.clear()
        self._pushed.clear()
        for conns in list(self.conns.values()):
            for c in list(conns):
                c.abort(1012, "relay resynchronising")

    def _invalidate(self, e: Event) -> None:
        if isinstance(e, MembershipEvent):
            if e.group_id:
                self._members.pop(e.group_id, None)
            else:
                self._members.clear()
        elif isinstance(e, MessageEvent):
            self._members.pop(e.message.group_id, None)

    async def _routing(self, group_id: bytes) -> dict[str, tuple[int, int | None]]:
        cached = self._members.get(group_id)
        if cached is None:
            rows = await self._storage.group_members(group_id)
            cached = {r.device_id: (r.joined_seq, r.left_seq) for r in rows}
            if len(self._members) > 50_000:
                self._members.clear()
            self._members[group_id] = cached
        return cached

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._events:
                arrived, e = self._events.popleft()
                before = self.delivered
                try:
                    if isinstance(e, MessageEvent):  # most events: one coroutine less
                        await self._dispatch_message(e)
                    else:
                        await self._dispatch(e)
                except Exception:
                    log.exception("push dispatch failed")
                if self.on_pushed is not None and isinstance(e, MessageEvent):
                    self.on_pushed(time.perf_counter() - arrived, self.delivered - before)

    async def _dispatch(self, e: Event) -> None:
        """Events other than messages (those go to :meth:`_dispatch_message`)."""
        if isinstance(e, MessageEvent):
            await self._dispatch_message(e)
        elif isinstance(e, MembershipEvent):
            self._invalidate(e)
        elif isinstance(e, RevocationEvent):  # normally handled on arrival (on_events)
            self._revoke(e.device_ids)
        elif isinstance(e, EventsMissed):  # likewise
            self._resync()
        elif isinstance(e, WelcomeEvent):
            wframe = welcome_frame(e.welcome)
            for dev in e.recipients:
                for c in self.conns.get(dev, ()):
                    c.push(wframe)

    async def _dispatch_message(self, e: MessageEvent) -> None:
        m = e.message
        if e.membership_changed:
            self._invalidate(e)
        last = self._pushed.get(m.group_id)
        if last is None:  # no order known here yet: start where the sockets stand
            last = await self._baseline(m)
        elif m.seq <= last:
            return  # pushed already, read from the store ahead of its own event
        if 1 < m.seq - last <= MAX_FILL:
            try:
                missed = await self._storage.group_range(m.group_id, last, m.seq - 1)
            except ServerError:  # the store is away: devices fill the gap by catch-up
                missed = []
            if missed:
                self._members.pop(m.group_id, None)  # a missed commit may route anew
            for earlier in missed:
                await self._push(earlier)
        if len(self._pushed) > 50_000:
            self._pushed.clear()
        self._pushed[m.group_id] = m.seq
        await self._push(m)

    async def _baseline(self, m: StoredMessage) -> int:
        """Where a group's push order starts when the hub holds none for it (since the
        process started or resynchronised, or while it had no socket).

        Not ``m.seq - 1``: this process's own commit reaches the hub at once, while an
        earlier seq committed by another process may still be on its way by NOTIFY, and
        would then be skipped as pushed although nobody pushed it. The lowest seq a
        connected routed device was given is where the fill starts instead; each
        socket drops what it already has.
        """
        routing = await self._routing(m.group_id)
        if len(self.conns) < len(routing):
            joined = [(d, routing[d][0]) for d in self.conns if d in routing]
        else:
            joined = [(d, r[0]) for d, r in routing.items() if d in self.conns]
        low = m.seq - 1
        for dev, j in joined:
            for c in self.conns[dev]:
                low = min(low, c.delivered(m.group_id, j))
        return max(low, m.seq - MAX_FILL)

    async def _push(self, m: StoredMessage) -> None:
        routing = self._members.get(m.group_id)  # cached: no coroutine to await
        if routing is None:
            routing = await self._routing(m.group_id)
        frame: Frame | None = None
        seq = m.seq
        if len(self.conns) < len(routing):
            targets = [(d, routing[d]) for d in self.conns if d in routing]
        else:
            targets = [(d, r) for d, r in routing.items() if d in self.conns]
        sender = m.sender  # the sender learns its seq from "sent"; no echo
        conns, gid, n = self.conns, m.group_id, 0
        for dev, (joined, left) in targets:
            if joined < seq and (left is None or seq <= left) and dev != sender:
                if frame is None:
                    frame = Frame(message_frame(m))
                for c in conns.get(dev, ()):
                    c.push_routed(gid, seq, frame)
                    n += 1
        self.delivered += n
