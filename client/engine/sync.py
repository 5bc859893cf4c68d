# SPDX-License-Identifier: Apache-2.0
"""Receiving: relay messages in, events and acks out.

* **Order.** Each channel is processed strictly in the relay's sequence order; a
  message at or below the cursor is a redelivery and ignored unless it fills an open
  gap (:mod:`client.engine.refusals`); a gap is reported as
  :class:`~client.events.PossibleWithholding`.
* **Atomicity.** Processing a batch of one channel (commits merged, keys used,
  messages stored, cursor advanced, own outbox items completed) is one store
  transaction; the in-memory group is reloaded if it fails. A crash at any point
  leaves the old epoch or the new one and never shows a message twice (messages are
  unique per id). Acks go to the relay only after the commit. A message that fails
  is refused and the batch goes on, but a failing store (other than one corrupt
  record) undoes the whole batch: no key is used up without its message kept.
* **Own messages.** Commits are merged when they come back in the relay's order, never
  on the POST answer, so every member applies the same sequence. An own application
  message that comes back at another epoch than it was sent in (a commit overtook it)
  is re-sent at the current epoch with the same message id; receivers de-duplicate by
  id.
* **Wire formats.** Commits are PublicMessages, application messages PrivateMessages;
  any other shape is refused (THREATS 15).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Final, NamedTuple

from client import payloads
from client.engine.channels import Channels
from client.engine.context import EngineContext
from client.engine.envelope import Envelope, commit_info, open_envelope
from client.engine.forks import ForkCheck
from client.engine.membership import Membership, left_by_request
from client.engine.model import AheadError, ChannelMeta, OutApp, ReceiveResult, error_name
from client.engine.outbox import Outbox
from client.engine.refusals import Gaps, Refusals, gap_add, gap_prune, gap_take
from client.engine.sigchecks import DeferredCheckFailed, ParallelChecks, parallel_checks
from client.errors import (
    ClientError,
    CorruptRecordError,
    NotFoundError,
    PayloadError,
    StorageError,
)
from client.events import (
    CommitVoided,
    ErrorEvent,
    Event,
    MessageReceived,
    PolicyRefused,
    PossibleWithholding,
)
from client.features import ANSWER_KINDS, MODIFIER_KINDS, kind_of
from client.msgids import APP
from client.policy import Ident, PolicyViolation, check_post
from client.rowjobs import RowJob
from client.store.base import Channel, NewRow
from client.transport import RelayMessage
from crypto.corridor.charter import commit_stamp
from crypto.errors import CryptoError, EpochError, InvalidCommitError, ReplayError
from crypto.errors import PolicyError as CryptoPolicyError
from crypto.framing import peek_private
from crypto.group import ApplicationMessage, Group, StagedCommit
from crypto.messages import ContentType, MLSMessage

__all__ = ["CLOCK_TOLERANCE", "FAR_FUTURE", "Receiver"]

#: A commit stamped more than this ahead of our clock waits (it is kept as a gap and
#: retried); see client.policy on clock skew.
CLOCK_TOLERANCE: Final = 600
#: ... and more than this ahead, we also ask the relay to void it (never merged by anyone
#: honest whose clock is within CLOCK_TOLERANCE of ours).
FAR_FUTURE: Final = 86400

#: key transparency: called with (channel, sender delegate, the log head it gossiped)
GossipSink = Callable[[bytes, str, bytes], None]


#: Kinds whose only effect is their row: a second copy is refused by the store's insert
#: itself (no event), so they skip the read that de-duplicates the others first.
_STORED_ONLY: Final = (payloads.Text, payloads.Reply, payloads.Attachment)


class _Row(NamedTuple):
    """A received row being prepared beside this thread: what its insert and its
    event need (:meth:`Receiver._insert_rows`)."""

    payload: payloads.Text | payloads.Reply | payloads.Attachment
    author: Ident
    received_at: int
    seq: int
    expires_at: int | None
    event: MessageReceived


class Receiver:
    """Processes relay batches per channel in sequence order."""

    def __init__(self, ctx: EngineContext, *, gaps: Gaps, refusals: Refusals,
                 forks: ForkCheck, channels: Channels, outbox: Outbox,
                 membership: Membership) -> None:
        self.ctx = ctx
        self.gaps = gaps
        self.refusals = refusals
        self.forks = forks
        self.channels = channels
        self.outbox = outbox
        self.membership = membership
        #: where members' key-transparency log heads are handed on receipt
        self.on_gossip: GossipSink | None = None

    def receive(self, messages: Sequence[RelayMessage]) -> ReceiveResult:
        """Process relay messages (any groups, any order): per group in seq order."""
        ctx = self.ctx
        result = ReceiveResult()
        by_group: dict[bytes, list[RelayMessage]] = {}
        for m in messages:
            by_group.setdefault(m.group_id, []).append(m)
        self.refusals.fresh = []
        for gid, msgs in by_group.items():
            msgs.sort(key=lambda m: m.seq)
            try:
                ch = ctx.store.get_channel_by_group(gid)
            except NotFoundError:
                continue  # not (yet) joined: its Welcome comes first
            last = self._receive_batch(ch, msgs, result.events)
            if last is not None:
                result.acks.append((gid, last))
        result.refusals = list(self.refusals.fresh)
        return result

    def _receive_batch(self, ch: Channel, msgs: list[RelayMessage],
                       events: list[Event]) -> int | None:
        """One channel's messages in one transaction; a long batch has its signature
        checks run beside it (:mod:`client.engine.sigchecks`) and, should one fail, is
        undone and processed again checking each message in line."""
        ctx = self.ctx
        checks = parallel_checks(len(msgs), ctx.store.row_key())
        while True:
            mark, fresh = len(events), len(self.refusals.fresh)
            try:
                with ctx.store.transaction(), ctx.metas_cached():
                    return self._receive_group(ch, msgs, events, checks)
            except DeferredCheckFailed:
                ctx.forget_group(ch.group_id)
                del events[mark:]
                del self.refusals.fresh[fresh:]
                checks = None
            except BaseException:
                ctx.forget_group(ch.group_id)
                raise

    def _insert_rows(self, ch: Channel, checks: ParallelChecks | None,
                     events: list[Event]) -> None:
        """Insert the rows prepared beside this thread, in the order received. Each
        one's event was added when it was queued; a row already stored (a
        redelivered copy) takes its event back out."""
        if checks is None or not checks.takes_rows:
            return
        rows = checks.take_rows()
        if not rows:
            return
        ctx, cid = self.ctx, ch.channel_id
        # stored pending, its search terms come after the catch-up (index_pending)
        searchable = ctx.features.index is not None
        infos: list[_Row] = []
        new: list[NewRow] = []
        for info, sealed in rows:
            assert isinstance(info, _Row)
            infos.append(info)
            new.append(NewRow(info.payload.message_id, sealed, info.payload.sent_at,
                              info.received_at, info.seq, info.expires_at, searchable))
        stale = set()
        for row, fresh in zip(infos, ctx.store.insert_prepared_messages(cid, new), strict=True):
            if fresh:
                ctx.features.stored(cid, row.author, row.payload)
            else:
                stale.add(id(row.event))
        if stale:
            events[:] = [e for e in events if id(e) not in stale]

    def _receive_group(self, ch: Channel, msgs: list[RelayMessage], events: list[Event],
                       checks: ParallelChecks | None = None) -> int | None:
        ctx = self.ctx
        meta = ctx.meta(ch)
        cursor = ch.cursor
        last = None
        if meta.left:
            return msgs[-1].seq
        g = ctx.group(ch.group_id)
        gaps = self.gaps.load(ch.group_id)
        gaps_before = [list(r) for r in gaps]
        dirty = False
        for i, m in enumerate(msgs):
            late = m.seq <= cursor
            if late:
                if not gap_take(gaps, m.seq):
                    continue  # a redelivery
            else:
                if cursor and m.seq != cursor + 1:
                    events.append(PossibleWithholding(ch.channel_id, cursor + 1, m.seq))
                    gap_add(gaps, cursor + 1, m.seq - 1)
                cursor = m.seq
            last = m.seq
            if i == len(msgs) // 2:
                ctx.crashpoint("receive-mid")
            if m.voided:
                # A commit the charter's missions refused (or one after it, which can
                # only build on it). Every honest member refused it, so skipping it is
                # what they all did; its committer is on its own branch.
                meta = self.refusals.voided(ch, m)
                events.append(CommitVoided(ch.channel_id, m.seq, m.sender))
                continue
            try:
                changed, meta = self._receive_one(ch, g, m, events, checks)
            except (CryptoError, ClientError) as exc:
                if isinstance(exc, StorageError) and not isinstance(exc, CorruptRecordError):
                    # the store failed, not the message: going on would commit the
                    # used key without the message; the whole batch is undone instead
                    # (nothing acked) and fetched again at the next catch-up
                    raise
                if isinstance(exc, AheadError):
                    gap_add(gaps, m.seq, m.seq)  # may decrypt once a missing commit comes
                events.append(ErrorEvent(ch.channel_id, f"{'late ' if late else ''}message "
                                         f"{m.seq} refused", error_name(exc)))
                continue
            dirty = True
            if changed and meta.left:
                break
            if changed:
                g = ctx.group(ch.group_id)
        if checks is not None:
            # The rows go in first, while the child works through the signatures it
            # has left (session 9: it idled here); nothing of the batch is kept before
            # they pass: a failed check rolls the whole transaction back.
            self._insert_rows(ch, checks, events)
            checks.settle()
        if not meta.left and dirty:
            ctx.save_group(g)
        if cursor > ch.cursor:
            ctx.store.set_channel_cursor(ch.channel_id, cursor)
        gap_prune(gaps, cursor)
        if gaps != gaps_before and not meta.left:
            self.gaps.save(ch.group_id, gaps)
        if last is None or meta.left:
            return last
        # Acks are cumulative: never past a gap, so an honest relay keeps what it missed.
        return min(cursor, gaps[0][0] - 1) if gaps else cursor

    def _receive_one(self, ch: Channel, g: Group, m: RelayMessage, events: list[Event],
                     checks: ParallelChecks | None = None) -> tuple[bool, ChannelMeta]:
        ctx = self.ctx
        meta = ctx.fresh_meta(ch)  # features may change it
        # Application messages are PrivateMessages; commits travel as PublicMessages
        # (RFC 9420 section 6.2), which the relay verified; anything else is refused
        # (THREATS 15), whatever it would decrypt to. The common case (an application
        # message of the current epoch: a catch-up's thousands) is parsed once, by the
        # group, which reuses the parse to open it; other PrivateMessages' headers are
        # read in place; the rest is decoded whole.
        current = g.application_aad(m.message)
        msg = None
        if current is not None:
            head: tuple[bytes, int, int, bytes] | None = (
                g.group_id, g.epoch, ContentType.application, current)
        else:
            head = peek_private(m.message)
            msg = None if head is not None else MLSMessage.from_bytes(m.message)
        if msg is not None and msg.private_message is not None:
            priv = msg.private_message
            head = (priv.group_id, priv.epoch, priv.content_type, priv.authenticated_data)
        if head is not None:
            _gid, epoch, ctype, aad = head
            if ctype != ContentType.application:
                raise PolicyViolation("handshake messages travel as PublicMessages here")
        elif msg is not None and msg.public_message is not None:
            content = msg.public_message.content
            epoch, ctype, aad = content.epoch, content.content_type, content.authenticated_data
            if ctype == ContentType.application:
                raise PolicyViolation("application messages must be PrivateMessages")
        else:
            raise PolicyViolation("Corridor channels carry only Public and PrivateMessages")
        env = open_envelope(aad)
        own = m.sender == ctx.me.device_id
        if ctype == ContentType.application:
            if own:  # never decryptable by its sender: its id says which it was
                self._insert_rows(ch, checks, events)  # it may read its own row
                ref = ctx.send_ids.lookup(m.client_msg_id)
                if ref is not None and ref.kind == APP:
                    self._own_app(ch, g, m, ref.ref, ref.attempt, epoch)
                return False, meta  # unknown: handed back before, its entry dropped
            if self.forks.evidence(g, m, epoch, env):
                if self.refusals.on_refused_branch(meta, m.sender, epoch):
                    raise EpochError("a message built on a commit this channel refused")
                return False, self.forks.flag(ch, meta, epoch, events,
                                              "a member's signed message is from another "
                                              "history of this channel")
            if epoch > g.epoch:
                raise AheadError("message from a later epoch: commits are missing")
            if epoch != g.epoch:
                raise EpochError("message from another epoch (cannot be decrypted)")
            if checks is None:
                res = g.process(m.message, now=ctx.now())
            else:
                res = g.process(m.message, now=ctx.now(), deferred=checks.deferred)
                checks.opened()
            assert isinstance(res, ApplicationMessage)
            # the envelope read from the header is the one just authenticated when the
            # bytes are the same (the usual case: one parse); else it is read again
            self._application(ch, g, res, m, events, checks,
                              env if res.authenticated_data == aad else None)
            return False, meta
        if checks is not None:
            checks.settle()  # a commit's effects reach beyond the store: authentic first
            self._insert_rows(ch, checks, events)
        if ctype != ContentType.commit:
            raise PolicyViolation("proposals by reference are not used in Corridor")
        if self.forks.evidence(g, m, epoch, env):
            if self.refusals.on_refused_branch(meta, m.sender, epoch):
                raise EpochError("a commit built on a commit this channel refused")
            return False, self.forks.flag(ch, meta, epoch, events,
                                          "a member's signed commit is built on another "
                                          "history of this channel")
        if epoch < g.epoch:
            if epoch < meta.joined_epoch or self.forks.merged_before(g.group_id, m.message):
                raise ReplayError("a replayed commit (merged, or before this device joined)")
            # Another commit for an epoch we left, on our history of it: it cannot be
            # authenticated any more (its epoch's keys are gone), so the relay may have
            # forged it from the one we merged. Not evidence; a real fork shows in the
            # other half's next messages, whose signed fingerprints differ from ours.
            raise EpochError("a second commit for an epoch this device already left")
        if epoch > g.epoch:
            raise AheadError("commit for a future epoch: commits are missing")
        crls, at = commit_info(env.inner) if env is not None else ([], None)
        stamp = commit_stamp(env.inner) if env is not None else None
        sealed = stamp.info if stamp is not None else b""
        if at is None:  # an older client's commit: the previous commit's time, else ours
            at = meta.commit_at or ctx.now()
        if not own and at > ctx.now() + CLOCK_TOLERANCE:
            # Not refused (that would depend on our clock): it waits as a gap and is
            # retried; far ahead, we also ask the relay to void it.
            if at > ctx.now() + FAR_FUTURE:
                self.refusals.refuse(ch, meta, m, None)
            raise AheadError("a commit stamped ahead of this device's clock")
        try:
            with ctx.trust.evaluated_at(at):
                staged = g.process(m.message, now=at)
        except CryptoPolicyError as exc:
            if own:
                raise
            # a credential the commit brings in is refused at the commit's time: as
            # deterministic as the channel policy, so refused the same way
            events.append(PolicyRefused(ch.channel_id, m.seq, str(exc)))
            self.refusals.refuse(ch, meta, m, epoch)
            raise
        except InvalidCommitError as exc:
            if own:
                raise
            # the commit authenticated (the relay cannot have made or damaged it) and
            # breaks RFC 9420 in a way every member checks alike (crypto.group): the
            # committer's fault, refused like a policy break. A local failure (our own
            # path secret does not decrypt) is a plain CryptoError: never a refusal.
            events.append(PolicyRefused(ch.channel_id, m.seq, f"invalid commit: {exc}"))
            self.refusals.refuse(ch, meta, m, epoch)
            raise
        if not isinstance(staged, StagedCommit):
            raise PolicyViolation("not a commit")
        meta = self.membership.merge(ch, meta, g, staged, m, crls, at, events, sealed,
                                     list(stamp.leaves) if stamp is not None else [])
        return True, meta

    def _own_app(self, ch: Channel, g: Group, m: RelayMessage, mid: bytes, attempt: int,
                 epoch: int) -> None:
        ctx = self.ctx
        ctx.send_ids.forget(ch.channel_id, m.client_msg_id)
        if epoch == g.epoch:
            with contextlib.suppress(ClientError):
                ctx.store.set_message_seq(ch.channel_id, mid, m.seq)
            return
        try:
            stored = ctx.store.get_message(ch.channel_id, mid)
        except ClientError:
            return
        # A commit overtook it: nobody can decrypt it; send it again at this epoch.
        self.outbox.enqueue_app(ch.channel_id, OutApp(mid, stored.body, attempt + 1))

    def _application(self, ch: Channel, g: Group, res: ApplicationMessage, m: RelayMessage,
                     events: list[Event], checks: ParallelChecks | None = None,
                     env: Envelope | None = None) -> None:
        ctx = self.ctx
        if env is None:
            env = open_envelope(res.authenticated_data)
        if env is None:
            raise PayloadError("application message without Corridor's envelope")
        payload = payloads.decode_application(res.data, env.inner)
        sender = ctx.leaf_ident(g, res.sender_leaf)
        head = payloads.aad_tree_head(env.inner)
        if head and self.on_gossip is not None:  # key transparency: compare log heads
            if checks is None:
                self.on_gossip(ch.channel_id, sender.delegate, head)
            else:  # outside the store: only once the message is known authentic
                sink, cid, who = self.on_gossip, ch.channel_id, sender.delegate
                checks.later(lambda: sink(cid, who, head))
        roster = ctx.epoch_charter(g)
        kind = kind_of(payload)
        try:
            if kind not in ANSWER_KINDS:
                check_post(roster, sender, ctx.post_chairs(roster))
            reason = ctx.act_refusal(roster, sender, payload)
            if reason:
                raise PolicyViolation(reason)
        except PolicyViolation as exc:
            events.append(PolicyRefused(ch.channel_id, m.seq, str(exc)))
            return
        stored_only = isinstance(payload, _STORED_ONLY)
        if not stored_only:  # it may read or change rows still being prepared
            self._insert_rows(ch, checks, events)
        if isinstance(payload, payloads.LeaveRequest):
            self._leave_request(ch, g, res.sender_leaf, payload)
            return
        if not stored_only:
            try:
                ctx.store.get_message(ch.channel_id, payload.message_id)
                return  # already stored (de-duplication by message id)
            except NotFoundError:
                pass
        meta = ctx.fresh_meta(ch)
        try:
            if kind in MODIFIER_KINDS:  # may write, then refuse: undone as a whole
                with ctx.store.transaction():
                    store_row, extra, meta = self.channels.apply(ch, meta, roster, sender,
                                                                 payload)
            else:  # never refused here (the policy was checked above)
                store_row, extra, meta = self.channels.apply(ch, meta, roster, sender, payload)
        except PolicyViolation as exc:
            ctx.forget_meta(ch.channel_id)
            events.append(PolicyRefused(ch.channel_id, m.seq, str(exc)))
            return
        except NotFoundError:
            ctx.forget_meta(ch.channel_id)
            return  # the target is gone (redacted, expired) or predates this device
        if (store_row and checks is not None and checks.takes_rows
                and isinstance(payload, _STORED_ONLY)):
            # sealed on the second core, inserted before the batch ends
            event = MessageReceived(ch.channel_id, payload.message_id, sender.delegate,
                                    kind, m.seq)
            events.append(event)
            now = ctx.now()
            checks.add_row(RowJob(ch.channel_id, payload.message_id, sender.delegate.encode(),
                                  res.data),
                           _Row(payload, sender, now, m.seq,
                                now + meta.timer if meta.timer else None, event))
        elif not store_row or self.channels.store_row(ch, meta, sender, payload, res.data,
                                                      m.seq):
            events.append(MessageReceived(ch.channel_id, payload.message_id, sender.delegate,
                                          kind, m.seq))
        events.extend(extra)

    def _leave_request(self, ch: Channel, g: Group, leaf: int,
                       payload: payloads.LeaveRequest) -> None:
        """Keep a member's valid request to leave; the next membership commit of any
        member removes it, carrying the request as proof (charter rule 5)."""
        ctx = self.ctx
        mem = next((x for x in g.members() if x.leaf_index == leaf), None)
        if mem is None or mem.signature_key.hex() == ctx.me.device_id \
                or not left_by_request(g, mem, [payload.signature]):
            return
        meta = ctx.fresh_meta(ch)
        dev = mem.signature_key.hex()
        if any(d == dev for d, _s in meta.leaving):
            return
        ctx.replace_meta(ch, meta, leaving=(*meta.leaving, (dev, payload.signature)))
