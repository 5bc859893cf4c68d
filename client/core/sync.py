# SPDX-License-Identifier: Apache-2.0
"""Sync: one round with the relay. Login and registration, Welcomes, catch-up by cursor
from each channel's oldest open gap, refusals of commits the policy forbids, membership
upkeep against the directory, and the outbox.

Sending: a message stays in the outbox until the relay has numbered it. Temporary
failures (network, timeouts, 5xx, 408, 409, 425, 429) keep it queued; while the push
loop runs the outbox is retried with backoff (:mod:`client.core.connection`), otherwise
at the next sync or send. A retry re-sends the same ciphertext while the epoch is
unchanged, under the same client message id, so the relay stores it once. Only a
permanent refusal (any other 4xx) marks the message failed, with the relay's reason
(:class:`~client.events.MessageFailed`, ``MessageView.failed``). Application
messages go over the push socket while it is open, commits always by POST; the
answer, and every failure, is the same either way (:mod:`client.transport`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from client.core.base import Driver
from client.engine import AppWork, CommitWork, Outbound
from client.errors import ClientError, NotFoundError
from client.events import CommitVoided, ErrorEvent, Event, MessageSent
from client.transparency import TransparencyError
from client.transport import (
    EpochConflictError,
    RelayMessage,
    RelayRefused,
    RelayUnavailable,
    UnauthorizedError,
)

if TYPE_CHECKING:
    from client.core.facade import Client

__all__ = ["Syncer"]

log = logging.getLogger("corridor.client")

#: Messages of a catch-up page (up to 1,000) processed in one synchronous engine call;
#: between slices the loop runs other work (an app's reads, event delivery), so a
#: catch-up never monopolises the core's loop for a whole page.
RECEIVE_SLICE = 200
#: messages asked for per page of a catch-up (the relay may return fewer)
PAGE = 1000
#: a catch-up's rows indexed for search per transaction, after it (the loop runs between)
INDEX_SLICE = 200
#: seconds between looks at the clock while a held message waits (the engine's clock
#: may be a test's, so the wait is re-checked rather than slept in one go)
HELD_POLL = 1.0


def _retrieve(task: asyncio.Task[object]) -> None:
    """Take a dropped task's outcome, so that its failure is not reported as unseen."""
    if not task.cancelled():
        task.exception()


class Syncer(Driver):
    """Catch-up, outbox and membership upkeep against the relay (see the module docstring)."""

    def __init__(self, client: Client) -> None:
        super().__init__(client)
        self.logged_in = False
        #: app items encrypted but not yet accepted: item id -> (epoch, request), so a
        #: retry re-sends the same ciphertext instead of using up another generation
        self._sealed: dict[bytes, tuple[int, Outbound]] = {}
        self._indexer: asyncio.Task[None] | None = None

    def index_soon(self) -> None:
        """Index the rows a catch-up stored without search terms (the store's
        ``index_pending``) in the background, a slice at a time, once the loop is free
        of the catch-up. A search meanwhile indexes what is still pending first, so it
        never misses a message; this only makes that first search fast."""
        if self._indexer is not None and not self._indexer.done():
            return
        self._indexer = asyncio.get_running_loop().create_task(self._index_pending())
        self._indexer.add_done_callback(_retrieve)

    async def _index_pending(self) -> None:
        try:
            while not self.client.closed and self.store.index_pending(INDEX_SLICE):
                await asyncio.sleep(0)
        except ClientError as exc:  # the rows stay pending: the next search or sync retries
            log.warning("indexing received messages for search failed: %s",
                        type(exc).__name__)

    async def indexed(self) -> None:
        """Wait until every row stored pending is indexed (the background indexing, and
        whatever it left): a benchmark's "searchable after", or a caller that wants it
        done now."""
        if self._indexer is not None:
            await self._indexer
        while self.store.index_pending(INDEX_SLICE):
            await asyncio.sleep(0)

    async def stop_indexing(self) -> None:
        """Stop the background indexing (what is left stays pending, on disk)."""
        task, self._indexer = self._indexer, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def sweep_expired(self) -> list[Event]:
        """Delete expired disappearing messages now (also runs on open, sync and every
        30 s while started); returns and publishes the events."""
        events = self.engine.sweep_expired()
        self.emit(events)
        return events

    async def ensure_login(self) -> None:
        if self.logged_in:
            return
        chain_tag = _chain_tag(self.engine.me.chain)
        if not self.store.get_cursor("registered") or \
                self.store.get_cursor("registered_chain") != chain_tag:
            # first registration, or a renewed certificate (`corridor device import`)
            await self.transport.register(list(self.engine.me.chain))
            self.store.set_cursor("registered", 1)
            self.store.set_cursor("registered_chain", chain_tag)
        try:
            await self.transport.login()
        except UnauthorizedError as exc:
            if exc.code == "certificate_expired":
                raise UnauthorizedError(exc.status, exc.code, " ".join((
                    "the relay refuses this device: its certificate has expired.",
                    self.upkeep.certificate_status().advice)), exc.body) from None
            raise
        self.logged_in = True
        self.upkeep.kp_check = True
        await self.upkeep.key_packages()

    async def sync(self) -> list[Event]:
        """Catch up everything, keep memberships right, send the outbox. Returns events."""
        collected: list[Event] = []
        unsub = self.client.subscribe(collected.append)
        try:
            async with self.lock:
                self.sweep_expired()
                await self.ensure_login()
                await self.directory.log_policy()
                await self.directory.refresh_crls()
                await self.welcomes()
                await self.upkeep.key_packages()
                await self.send_refusals()
                await self.catch_up_all()
                await self.directory.resolve_gossip()
                await self._maintain()
                await self.flush_locked()
                await self.catch_up_all()
                await self.directory.resolve_gossip()
                await self.directory.check_added(collected)
                await self.upkeep.check_routing()
                self.upkeep.check_certificate()
                self.engine.compact()
        finally:
            unsub()
        self.index_soon()
        return collected

    async def flush(self) -> None:
        """Send the outbox (see :meth:`flush_locked`); what is queued is durable before
        this waits for anything (the lock, the login, the relay)."""
        try:
            if self.lock.locked() or not self.logged_in:
                self.store.sync()
            async with self.lock:
                await self.ensure_login()
                await self.flush_locked()
        except BaseException:
            self.store.sync()
            raise

    async def welcomes(self) -> None:
        _msgs, welcomes = await self.transport.inbox(messages=False)
        done = []
        for w in welcomes:
            # a large group's Welcome leaves the ratchet tree out: the relay serves it
            tree = await self.transport.ratchet_tree(w.group_id, w.seq) \
                if w.group_id and w.seq else None
            self.emit(self.engine.receive_welcome(w, tree))
            done.append(w.id)
        if done:
            self.upkeep.kp_check = True  # a Welcome used a package: top up, rotate
            await self.transport.ack([], done)

    async def catch_up(self, group_id: bytes) -> None:
        """Fetch what the channel lacks, from its oldest open gap (THREATS 7: a withheld
        message the relay delivers later is still processed), page by page."""
        try:
            after = self.engine.catch_up_after(group_id)
        except NotFoundError:
            return
        ahead: asyncio.Task[tuple[list[RelayMessage], int]] | None = None
        try:
            while True:
                try:
                    if ahead is not None:
                        msgs, last = await ahead
                        ahead = None
                    else:
                        msgs, last = await self.transport.messages(group_id, after, PAGE)
                except RelayRefused as exc:
                    if exc.status == 404:  # not routed to us: fine only if we left
                        self.upkeep.note_routing(group_id, None)
                        return
                    raise
                if not msgs:
                    return
                msgs = sorted(msgs, key=lambda m: m.seq)
                # The relay may return short pages (it caps by bytes too): stop only at
                # its last sequence number, or when the pages no longer move forward.
                top = max(m.seq for m in msgs)
                more = after < top < last
                if more:
                    # the relay reads the next page while this one is processed (this
                    # loop yields between slices); a page is only ever fetched, never
                    # acknowledged, before the one before it is stored
                    ahead = asyncio.ensure_future(self.transport.messages(group_id, top, PAGE))
                acks: list[tuple[bytes, int]] = []
                # Each slice is its own transaction, committed to the log without an
                # fsync; the page is flushed once, before anything about it reaches
                # the relay (refusals, acks). As on the push path: a killed process
                # keeps every commit; a power cut undoes the page's last ones, which
                # the relay still holds and serves again (docs/benchmarks.md, session 7).
                try:
                    for i in range(0, len(msgs), RECEIVE_SLICE):
                        if i:
                            await asyncio.sleep(0)  # let other work on this loop run
                        with self.store.deferred_sync():
                            res = self.engine.receive(msgs[i:i + RECEIVE_SLICE])
                        self.emit(res.events)
                        acks = res.acks or acks
                finally:
                    self.store.sync()
                await self.send_refusals()
                if acks:
                    with contextlib.suppress(RelayRefused):
                        await self.transport.ack(acks, [])
                if not more:
                    return
                after = top
        finally:
            if ahead is not None:  # stopped early (an error, a cancel): not wanted now
                ahead.cancel()  # not awaited: this task's own cancel must go through
                ahead.add_done_callback(_retrieve)

    async def send_refusals(self) -> bool:
        """Tell the relay of every commit this device refused by policy; whether
        one of them is now voided (its epoch is free: our commits can go through)."""
        voided = False
        for gid, seq in self.engine.pending_refusals():
            try:
                out = await self.transport.refuse(gid, seq)
            except RelayRefused as exc:
                if exc.status >= 500:
                    return voided
                out = None  # not routed any more, or not ours to refuse: drop it
            if out is not None and out.voided:
                voided = True
                # the outcome of the vote, shown here as to every member served the
                # voided commit (engine: CommitVoided)
                self.emit([CommitVoided(gid, seq, "")])
            self.engine.refusal_sent(gid, seq)
        return voided

    async def catch_up_all(self) -> None:
        for ch in self.store.list_channels():
            if not ch.damaged:
                await self.catch_up(ch.group_id)

    async def _maintain(self) -> None:
        """Queue membership commits where the directory and a channel disagree."""
        pending = {it.channel_id for it in self.store.list_outbox(limit=10_000)}
        directory: dict[str, list[tuple[str, str, list[bytes]]]] = {}
        for info in self.views.channels():
            cid = bytes.fromhex(info.channel_id)
            if info.left or info.forked or cid in pending:
                continue
            dir_rows = []
            try:
                for m in info.missions:
                    if m not in directory:
                        directory[m] = await self.directory.directory_devices(m)
                    dir_rows += directory[m]
            except TransparencyError:
                continue  # no membership change from a directory we cannot trust
            # the id enqueue returns: a send during the awaits above may have queued
            # an application message for this channel ahead of it
            probe = self.engine.enqueue_membership(cid)
            plan = self.engine.membership_plan(CommitWork(cid, probe, False), dir_rows)
            if plan.empty:
                self.store.mark_sent(probe)

    async def _dir_for(self, channel_id: bytes) -> list[tuple[str, str, list[bytes]]]:
        rows = []
        for m in self.engine.roster(channel_id).missions:
            rows += await self.directory.directory_devices(m)
        # a roster change queued in the outbox may name new missions
        return rows

    async def flush_locked(self) -> None:
        """Send the outbox in order. A temporary failure stops the round and keeps
        everything queued (retried later); a permanent refusal fails that item only.

        Raises:
            RelayUnavailable: the relay cannot be reached (everything stays queued).
        """
        self.engine.queue_self_updates()  # post-compromise security: fresh leaf keys
        for _round in range(10):
            work = self.engine.outbox_work()
            if not work:
                self._sealed.clear()
                self.connection.release_at(self.engine.outbox_next_release())
                return
            for w in work:
                try:
                    if not isinstance(w, AppWork):
                        self.store.sync()  # a commit's preparation asks the relay first
                    # an application message: its encryption commits with an fsync
                    out = await self.prepare(w)
                    if out is None:
                        continue
                    self.store.sync()  # a no-op after that fsync; a re-send had none
                    if out.is_commit or out.welcome is not None:
                        res = await self.transport.post(
                            out.group_id, out.client_msg_id, out.message,
                            welcome=out.welcome, welcome_to=list(out.welcome_to))
                    else:  # over the push socket when it is open (issue 25)
                        res = await self.transport.send_app_message(
                            out.group_id, out.client_msg_id, out.message)
                    self._sealed.pop(w.item_id, None)
                    seq = getattr(res, "seq", None)
                    # undone by a power cut, this only sends the message again under
                    # the same client message id, which the relay answers as the
                    # duplicate it is (as after a crash before it: "send-posted")
                    with self.store.deferred_sync():
                        self.engine.posted(out, seq)
                    sent = _sent_event(out, seq)
                    if sent is not None:
                        self.emit([sent])
                    if out.is_commit:
                        await self.catch_up(out.group_id)
                except EpochConflictError:
                    await self.catch_up(w.channel_id)  # the winner merges; ours is discarded
                    break
                except RelayUnavailable:
                    self.connection.stalled()
                    raise
                except RelayRefused as exc:
                    if exc.temporary:
                        self.connection.stalled(exc)
                        return
                    self._sealed.pop(w.item_id, None)
                    log.warning("the relay refused a send for good (%d %s)", exc.status,
                                exc.code)
                    self.emit(self.engine.refused(w, exc.reason) or [
                        ErrorEvent(w.channel_id, "the relay refused a send", exc.code)])
        self.emit([ErrorEvent(None, "outbox not drained after 10 rounds")])

    async def deliver_held(self) -> None:
        """Wait until every held message (an attachment's reference) may go and send
        it: a one-shot command's last step, with no push loop to do it later.

        Raises:
            RelayUnavailable: the relay cannot be reached (everything stays queued).
        """
        while (at := self.engine.outbox_next_release()) is not None:
            await asyncio.sleep(min(max(at - self.engine.clock(), 0.0), HELD_POLL))
            await self.flush()

    def pending_sends(self) -> int:
        """How many items wait in the outbox (messages, roster changes)."""
        return len(self.store.list_outbox(limit=10_000))

    async def prepare(self, w: AppWork | CommitWork) -> Outbound | None:
        if isinstance(w, AppWork):
            epoch = self.engine.epoch(w.channel_id)
            sealed = self._sealed.get(w.item_id)
            if sealed is not None and sealed[0] == epoch:
                return sealed[1]
            out = self.engine.encrypt(w)
            self._sealed[w.item_id] = (epoch, out)
            return out
        if w.pending:
            from client.engine import MembershipPlan

            return self.engine.build_commit(w, MembershipPlan((), (), (), None), {})
        try:
            rows = await self._dir_for(w.channel_id)
        except TransparencyError:
            return None  # retried at the next sync; alarmed already
        roster = self.engine.queued_roster(w.channel_id, w.item_id)
        if roster is not None:
            from client.policy import decode_roster

            extra = set(decode_roster(roster).missions) - set(
                self.engine.roster(w.channel_id).missions)
            for m in sorted(extra):
                rows += await self.directory.directory_devices(m)
        plan = self.engine.membership_plan(w, rows)
        kps: dict[str, bytes] = {}
        for dev in plan.add:
            try:
                raw = await self.transport.claim_key_package(dev)
                await self.directory.check_key_package(dev, raw)
            except (RelayRefused, TransparencyError):
                continue  # not added; an unlogged certificate is alarmed already
            kps[dev] = raw
        return self.engine.build_commit(w, plan, kps)


def _chain_tag(chain: Sequence[bytes]) -> int:
    """A short digest of the device's chain: a change means a renewed certificate."""
    import hashlib

    return int.from_bytes(hashlib.sha256(b"".join(chain)).digest()[:7], "big")


def _sent_event(out: Outbound, seq: int | None) -> MessageSent | None:
    """MessageSent for an own application message the relay numbered."""
    if out.is_commit or seq is None or not out.message_id:
        return None
    return MessageSent(out.group_id, out.message_id, int(seq))
