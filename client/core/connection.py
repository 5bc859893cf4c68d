# SPDX-License-Identifier: Apache-2.0
"""Staying connected: the push loop keeps one WebSocket to the relay. Any loss of it
(the relay restarting, a network error, a link that went silent and stopped answering
pings) clears ``Client.connected`` and publishes
:class:`~client.events.ConnectionChanged`; the loop reconnects by itself with exponential
backoff and jitter (``RECONNECT_BASE`` doubling to ``RECONNECT_CAP``, each delay drawn
from its upper half), catches up by cursor, sends the outbox, and publishes
``ConnectionChanged(connected=True)`` once the relay says the socket is live. Beside it
run the outbox retry loop and the periodic sweep (expiry, drain watch, routing check).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from client.core.base import Driver
from client.core.upkeep import KP_WATCH_SECONDS
from client.errors import ClientError, NotFoundError
from client.events import ConnectionChanged, ErrorEvent
from client.transport import (
    PushEvent,
    RelayCertificateError,
    RelayMessage,
    RelayRefused,
    RelayUnavailable,
    UnauthorizedError,
)

if TYPE_CHECKING:
    from client.core.facade import Client

__all__ = ["Connection"]

log = logging.getLogger("corridor.client")

#: How often a started client deletes expired disappearing messages.
SWEEP_SECONDS = 30.0
#: Push reconnects: the n-th retry waits a delay drawn from [d/2, d], d =
#: min(RECONNECT_CAP, RECONNECT_BASE * 2**n). The cap keeps a restarted relay found
#: within seconds; the jitter spreads its clients' reconnects.
RECONNECT_BASE = 0.25
RECONNECT_CAP = 4.0
#: Outbox retries after a temporary failure while the push loop runs (same shape).
OUTBOX_RETRY_BASE = 0.5
OUTBOX_RETRY_CAP = 15.0
#: The longest ``retry_after`` (s) of a 429 that is honoured.
RETRY_AFTER_CAP = 60.0
HELD_POLL = 1.0  # seconds between looks at the engine's clock while a message is held
#: Acknowledgements of pushed messages go this long (s) after the first one stored:
#: together, and not in the way of the next message (each is a durable write on the
#: relay, which a message arriving then waited behind). One not sent (the link lost,
#: the client closed) only has the relay send those messages again at the next
#: connection, which the engine recognises as delivered already.
ACK_DELAY = 0.2


class Connection(Driver):
    """The push loop, the outbox retry loop and the sweep (see the module docstring)."""

    def __init__(self, client: Client) -> None:
        super().__init__(client)
        self._push_task: asyncio.Task[None] | None = None
        self._sweep_task: asyncio.Task[None] | None = None
        self._retry_task: asyncio.Task[None] | None = None
        #: sends the outbox when a held message (an attachment's reference) is due
        self._release_task: asyncio.Task[None] | None = None
        self._release_at: int | None = None
        #: acknowledgements waiting for ACK_DELAY: group -> highest seq stored durably
        self._acks: dict[bytes, int] = {}
        self._ack_task: asyncio.Task[None] | None = None
        #: set when a flush left the outbox after a temporary failure (retry loop)
        self._retry_wanted = asyncio.Event()
        self._retry_after = 0.0
        #: the last connection state published (None: not reported yet)
        self._link: bool | None = None
        self._watched = client.engine.now()  # last periodic routing/KeyPackage check

    def stalled(self, exc: RelayRefused | None = None) -> None:
        """The outbox stopped on a temporary failure: ask the retry loop to try again."""
        after = 0.0
        if exc is not None:
            with contextlib.suppress(TypeError, ValueError):
                after = float(exc.body.get("retry_after") or 0)
            log.info("the relay is busy (%d %s): messages stay queued", exc.status, exc.code)
        self._retry_after = min(max(after, 0.0), RETRY_AFTER_CAP)
        self._retry_wanted.set()

    def release_at(self, at: int | None) -> None:
        """Flush the outbox at ``at`` (engine clock), when a held message may go. Only
        while the push loop runs (the app, ``watch``); a one-shot command waits itself
        (:meth:`client.core.sync.Syncer.deliver_held`)."""
        if at is None or self._push_task is None:
            return
        task = self._release_task
        if task is not None and not task.done() and self._release_at is not None \
                and self._release_at <= at:
            return  # an earlier wake flushes, and reschedules for this one
        if task is not None and task is not asyncio.current_task():
            task.cancel()
        self._release_at = at
        self._release_task = asyncio.get_running_loop().create_task(self._release(at))

    async def _release(self, at: int) -> None:
        while self.engine.clock() < at:
            await asyncio.sleep(min(at - self.engine.clock(), HELD_POLL))
        self._release_at = None
        try:
            await self.syncer.flush()
        except RelayUnavailable:
            pass  # still queued; the retry loop and the next reconnect send it
        except ClientError as exc:
            log.warning("sending a held message failed: %s", exc)

    async def start(self) -> None:
        """Start the push loop (WebSocket, reconnect with backoff and jitter), the
        outbox retry loop and the expiry sweep."""
        loop = asyncio.get_running_loop()
        if self._push_task is None:
            self._push_task = loop.create_task(self._push_loop())
        if self._retry_task is None:
            self._retry_task = loop.create_task(self._retry_loop())
        if self._sweep_task is None:
            self._sweep_task = loop.create_task(self.sweep_loop())

    async def sweep_loop(self, period: float = SWEEP_SECONDS) -> None:
        while True:
            await asyncio.sleep(period)
            try:
                async with self.lock:
                    self.syncer.sweep_expired()
                    if self.syncer.logged_in and \
                            self.engine.now() - self._watched >= KP_WATCH_SECONDS:
                        self._watched = self.engine.now()
                        await self.upkeep.key_packages()  # a drain between syncs
                        await self.upkeep.check_routing()  # a cut between syncs
                    self.upkeep.check_certificate(only_changes=True)
            except ClientError:
                log.exception("expiry sweep failed")

    async def stop(self) -> None:
        for name in ("_push_task", "_retry_task", "_sweep_task", "_release_task",
                     "_ack_task"):
            task = getattr(self, name)
            setattr(self, name, None)
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        self.connected.clear()
        self._link = None

    @property
    def link(self) -> bool | None:
        """The push connection as last reported: True up, False down (retrying), None
        not known yet (connecting, or the push loop is not running)."""
        return self._link

    def set_link(self, up: bool, detail: str = "", retry_in: float | None = None) -> None:
        """Record the push connection's state; publish it when it changed."""
        if up:
            self.connected.set()
        else:
            self.connected.clear()
        if self._link is not up:
            self._link = up
            self.emit([ConnectionChanged(up, detail, retry_in)])

    async def _push_loop(self) -> None:
        failures = 0
        last_bug = ""  # a failure that repeats at every retry logs its traceback once
        while True:
            try:
                await self.syncer.sync()
                async with self.transport.push() as frames:
                    await self._consume(frames)
                detail = "the relay closed the connection"
            except asyncio.CancelledError:
                raise
            except RelayCertificateError as exc:  # not a lost link: someone in between
                detail = str(exc)
                log.warning("relay connection refused: %s", detail)
                self.emit([ErrorEvent(None, "the relay's certificate is not trusted",
                                       detail)])
            except (RelayUnavailable, UnauthorizedError) as exc:
                # the ordinary loss of a network connection: no traceback, no alarm
                detail = str(exc)
                log.info("relay connection lost: %s", detail)
            except ClientError as exc:
                detail = str(exc)
                log.warning("relay connection lost: %s", detail)
                self.emit([ErrorEvent(None, "connection to the relay lost",
                                       type(exc).__name__)])
            except Exception as exc:  # a bug: keep the loop alive, report it
                detail = type(exc).__name__
                if detail != last_bug:
                    log.exception("push loop failure")
                    self.emit([ErrorEvent(None, "push loop failure", detail)])
                else:
                    log.warning("push loop failure again: %s", detail)
                last_bug = detail
            if self.connected.is_set():
                failures = 0  # it was up: start again from the shortest delay
                last_bug = ""
            failures += 1
            delay = backoff(failures, RECONNECT_BASE, RECONNECT_CAP)
            self.syncer.logged_in = False
            self.set_link(False, detail, delay)
            await asyncio.sleep(delay)

    async def _retry_loop(self) -> None:
        """Retry the outbox after a temporary failure, with backoff, while connected
        (a reconnect sends the outbox anyway)."""
        failures = 0
        while True:
            await self._retry_wanted.wait()
            self._retry_wanted.clear()
            failures += 1
            await asyncio.sleep(max(backoff(failures, OUTBOX_RETRY_BASE, OUTBOX_RETRY_CAP),
                                    self._retry_after))
            if not self.connected.is_set():
                failures = 0
                continue
            try:
                await self.syncer.flush()
            except RelayUnavailable:
                pass  # still queued; the flush asked for another retry
            except ClientError as exc:
                log.warning("sending the outbox failed: %s", exc)
            if not self._retry_wanted.is_set():
                failures = 0

    async def _consume(self, frames: AsyncIterator[PushEvent]) -> None:
        """Handle push frames in batches until the stream ends; a lost connection
        ends it with the reader's exception (never a reader that dies unheard)."""
        queue: asyncio.Queue[PushEvent | _StreamEnd] = asyncio.Queue()

        async def reader() -> None:
            try:
                async for f in frames:
                    queue.put_nowait(f)
            except Exception as exc:
                queue.put_nowait(_StreamEnd(exc))
            else:
                queue.put_nowait(_StreamEnd(None))

        task = asyncio.get_running_loop().create_task(reader())
        try:
            while True:
                batch = [await queue.get()]
                while not queue.empty():
                    batch.append(queue.get_nowait())
                end = next((f for f in batch if isinstance(f, _StreamEnd)), None)
                got = [f for f in batch[:batch.index(end) if end is not None else None]
                       if isinstance(f, PushEvent)]
                if end is None:
                    await self._handle_frames(got)
                    continue
                if got:
                    await self._handle_frames(got)
                if end.error is not None:
                    raise end.error
                return
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def _handle_frames(self, batch: Sequence[PushEvent]) -> None:
        msgs: list[RelayMessage] = []
        welcome = False
        for f in batch:
            if f.kind == "message" and f.message is not None:
                msgs.append(f.message)
            elif f.kind == "welcome":
                welcome = True
            elif f.kind == "ready":
                self.set_link(True)
        async with self.lock:
            if welcome:
                await self.syncer.welcomes()
            if msgs:
                gaps = set()
                for m in msgs:
                    try:
                        ch = self.store.get_channel_by_group(m.group_id)
                    except NotFoundError:
                        gaps.add(m.group_id)
                        continue
                    contiguous = [x for x in msgs if x.group_id == m.group_id]
                    if min(x.seq for x in contiguous) > ch.cursor + 1 and ch.cursor:
                        gaps.add(m.group_id)
                ready = [m for m in msgs if m.group_id not in gaps]
                if ready:
                    # Shown before its commit reaches the disk, flushed right after:
                    # a killed process keeps the commit (it is in the log already); a
                    # power cut before the flush undoes it, but the relay still holds
                    # the message (acknowledged only after the flush) and serves it
                    # again, so it is neither lost nor stored twice (docs/benchmarks.md,
                    # send-to-display).
                    try:
                        with self.store.deferred_sync():
                            res = self.engine.receive(ready)
                        self.emit(res.events)
                    finally:
                        self.store.sync()
                    await self.syncer.send_refusals()
                    self._ack_soon(res.acks)
                for gid in gaps:
                    await self.syncer.catch_up(gid)
                if gaps:
                    self.syncer.index_soon()  # a long gap's rows wait for their terms
                if any(m.sender == self.device_id for m in msgs) or welcome:
                    await self.syncer.flush_locked()
                if self.directory.gossip or self.log.dirty:
                    with contextlib.suppress(RelayUnavailable, RelayRefused):
                        await self.directory.resolve_gossip()  # members' log heads, at once
            self.engine.compact()

    def _ack_soon(self, acks: Sequence[tuple[bytes, int]]) -> None:
        """Acknowledge what was stored durably (after :meth:`SqliteStore.sync`), a
        moment later and together with what follows (``ACK_DELAY``)."""
        for gid, seq in acks:
            if seq > self._acks.get(gid, -1):
                self._acks[gid] = seq
        if self._acks and (self._ack_task is None or self._ack_task.done()):
            self._ack_task = asyncio.get_running_loop().create_task(self._send_acks())

    async def _send_acks(self) -> None:
        while self._acks:  # more may come while one is sent: they go in the next round
            await asyncio.sleep(ACK_DELAY)
            acks, self._acks = list(self._acks.items()), {}
            try:
                await self.transport.ack(acks, [])
            except (RelayUnavailable, RelayRefused) as exc:
                # sent again by the relay at the next connection, recognised then
                log.info("acknowledgement not delivered: %s", exc)


def backoff(failures: int, base: float, cap: float,
            rng: Callable[[], float] = random.random) -> float:
    """Seconds to wait before retry number ``failures`` (1, 2, ...): exponential,
    capped, drawn from the upper half so no client retries in a tight loop."""
    d: float = min(cap, base * 2.0 ** min(max(failures, 1) - 1, 30))
    return d / 2 + rng() * d / 2


@dataclass(frozen=True, slots=True)
class _StreamEnd:
    """The push stream ended: cleanly (``error`` None) or with a lost connection."""

    error: Exception | None
