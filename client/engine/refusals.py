# SPDX-License-Identifier: Apache-2.0
"""Refusals and gaps.

**Refusals.** A commit at our epoch refused by policy (or whose new credential is
refused at its timestamp, or that authenticated but breaks RFC 9420 in a way every
member checks alike: :class:`~crypto.errors.InvalidCommitError`, e.g. a bad
confirmation tag; the relay refuses most such commits itself) is queued as a refusal
for the relay (:meth:`Refusals.pending`, sent by the driver before it acks), and its
committer's (device, epoch) is remembered: its later messages, signed on the branch it
made, are an ``EpochError``, never fork evidence. The relay voids a commit once at
least two missions and more than half of the charter's missions refused it (one vote
per mission), and every later one; a message served ``voided`` is skipped without
processing (:class:`~client.events.CommitVoided`; every honest member refused it, so
skipping is what they all did), so the freed epoch takes the honest members' next
commit and everyone converges. Honest members never disagree on a refusal, so voiding
never splits them.

**Gaps** (THREATS 7). Missing seqs (reported as
:class:`~client.events.PossibleWithholding`) and messages of an epoch not reached yet
stay open per channel; catch-up restarts at the oldest (:meth:`Gaps.catch_up_after`),
acks never pass one, and a late message is processed if it still can be (a past epoch:
a reported typed error). Gaps more than ``GAP_HORIZON`` seqs behind, or beyond the
newest ``GAP_KEEP``, are given up.
"""

from __future__ import annotations

import contextlib
from typing import Final

from client.engine.context import EngineContext
from client.engine.envelope import header
from client.engine.model import ChannelMeta
from client.errors import ClientError, NotFoundError
from client.store.base import Channel
from client.transport import RelayMessage
from crypto.errors import CryptoError

__all__ = [
    "GAP_HORIZON",
    "GAP_KEEP",
    "REFUSED_KEEP",
    "GapList",
    "Gaps",
    "Refusals",
    "gap_add",
    "gap_prune",
    "gap_take",
]

#: Gaps further than this many seqs behind the cursor are given up (already reported).
GAP_HORIZON: Final = 1000
GAP_KEEP: Final = 64
REFUSED_KEEP: Final = 16
_PENDING_KEEP: Final = 64

#: sorted, disjoint, inclusive seq ranges ``[first, last]`` (mutable: edited in place)
GapList = list[list[int]]


def gap_add(gaps: GapList, start: int, end: int) -> None:
    """Add the inclusive range ``start..end`` to sorted, disjoint ``gaps``."""
    if start > end:
        return
    gaps.append([start, end])
    gaps.sort()
    merged: GapList = []
    for a, b in gaps:
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    gaps[:] = merged


def gap_take(gaps: GapList, seq: int) -> bool:
    """Remove ``seq`` from ``gaps``; whether it was in one."""
    for i, (a, b) in enumerate(gaps):
        if a <= seq <= b:
            gaps[i:i + 1] = [r for r in ([a, seq - 1], [seq + 1, b]) if r[0] <= r[1]]
            return True
    return False


def gap_prune(gaps: GapList, cursor: int) -> None:
    """Give up gaps far behind the cursor, and keep only the newest few: a relay that
    never delivers must not make every catch-up and ack start ever further back."""
    gaps[:] = [r for r in gaps if cursor - r[1] <= GAP_HORIZON][-GAP_KEEP:]


class Gaps:
    """The open gaps of each channel, in the store."""

    def __init__(self, ctx: EngineContext) -> None:
        self.ctx = ctx

    def load(self, group_id: bytes) -> GapList:
        return [[a, b] for a, b in self.ctx.store.get_gaps(group_id)]

    def save(self, group_id: bytes, gaps: GapList) -> None:
        self.ctx.store.put_gaps(group_id, [(a, b) for a, b in gaps])

    def of_channel(self, channel_id: bytes) -> list[tuple[int, int]]:
        """The open gaps of a channel: inclusive seq ranges still awaited."""
        return self.ctx.store.get_gaps(self.ctx.store.get_channel(channel_id).group_id)

    def catch_up_after(self, group_id: bytes) -> int:
        """Where a catch-up of ``group_id`` starts: before its oldest open gap (messages
        reported missing, or refused as from a future epoch), else at the cursor."""
        ch = self.ctx.store.get_channel_by_group(group_id)
        gaps = self.ctx.store.get_gaps(group_id)
        return min(ch.cursor, gaps[0][0] - 1) if gaps else ch.cursor


class Refusals:
    """Commits this device refused, until the relay has been told; and the branches
    their committers went on with."""

    def __init__(self, ctx: EngineContext) -> None:
        self.ctx = ctx
        #: refusals made by the current :meth:`Engine.receive` call
        self.fresh: list[tuple[bytes, int]] = []

    def pending(self) -> list[tuple[bytes, int]]:
        """Commits this device refused by policy that the relay has not been told of:
        ``(group id, seq)``. The driver sends each (``Transport.refuse``) and then calls
        :meth:`sent`; they survive restarts until then."""
        store = self.ctx.store
        out = []
        for gid in store.refusal_groups():  # almost always none
            try:
                store.get_channel_by_group(gid)
            except NotFoundError:
                continue  # its channel is gone: nothing to tell the relay of
            out += [(gid, seq) for seq in store.get_refusals(gid)]
        return out

    def sent(self, group_id: bytes, seq: int) -> None:
        store = self.ctx.store
        store.put_refusals(group_id, [x for x in store.get_refusals(group_id) if x != seq])

    def refuse(self, ch: Channel, meta: ChannelMeta, m: RelayMessage,
               epoch: int | None) -> ChannelMeta:
        """Queue a refusal of the commit ``m`` for the relay; with ``epoch``, remember
        that its committer goes on from there on a branch of its own."""
        store = self.ctx.store
        seqs = store.get_refusals(ch.group_id)
        if m.seq not in seqs:
            store.put_refusals(ch.group_id, [*seqs, m.seq][-_PENDING_KEEP:])
            self.fresh.append((ch.group_id, m.seq))
        if epoch is not None and (m.sender, epoch) not in meta.refused:
            meta = self.ctx.replace_meta(
                ch, meta, refused=(*meta.refused, (m.sender, epoch))[-REFUSED_KEEP:])
        return meta

    def voided(self, ch: Channel, m: RelayMessage) -> ChannelMeta:
        """A commit the relay voided: its committer's later messages are on its branch."""
        meta = self.ctx.fresh_meta(ch)  # a refusal may have changed it
        with contextlib.suppress(CryptoError, ClientError):
            head = header(m.message)
            if head is not None and m.sender != self.ctx.me.device_id:
                g = self.ctx.group(ch.group_id)
                epoch = head[0]
                if epoch >= g.epoch and (m.sender, epoch) not in meta.refused:
                    meta = self.ctx.replace_meta(
                        ch, meta, refused=(*meta.refused, (m.sender, epoch))[-REFUSED_KEEP:])
        return meta

    @staticmethod
    def on_refused_branch(meta: ChannelMeta, sender: str, epoch: int) -> bool:
        return any(d == sender and epoch > e for d, e in meta.refused)
