# SPDX-License-Identifier: Apache-2.0
"""What every part of the engine shares: the store, this device, trust, the clock, the
settings, the crash hook and the cache of loaded MLS groups.

One instance per :class:`~client.engine.Engine`; the parts hold it rather than copies
of its fields, so a test that swaps the engine's clock or trust swaps them for all.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable, Iterator

import msgspec

from client import payloads
from client.crisis.authority import Handover, act_of, chair_office, refusal
from client.crisis.handovers import handover_in, stored_handovers
from client.engine.envelope import epoch_fingerprint, info_name
from client.engine.model import ChannelMeta, DeviceIdentity, enc, meta_decoder
from client.engine.settings import CrashHook, EngineSettings
from client.errors import CorruptRecordError, NotFoundError
from client.features import Features
from client.msgids import SendIds
from client.policy import Charter, Ident, PolicyViolation, Roster, roster_from_extensions
from client.store.base import Channel, GroupState
from client.store.engine_state import EngineStore
from client.trust import Trust, credential_chain, unverified_identity
from crypto.corridor import markings
from crypto.errors import DecodeError
from crypto.group import Group
from crypto.suites import expand_signature_key

__all__ = ["EngineContext", "MemberRow", "load_group"]

#: (leaf index, device id, identity, certificate chain)
MemberRow = tuple[int, str, Ident, list[bytes]]


def load_group(st: GroupState, trust: Trust) -> Group:
    """The group of a stored state, whole or in two parts.

    Raises:
        CorruptRecordError: the parts do not belong together (a crash could not
            cause it: they are written in one transaction; a swapped row could).
    """
    if st.ratchets is None:
        return Group.from_bytes(st.state, credential_validator=trust)
    try:
        return Group.from_parts(st.state, st.ratchets, credential_validator=trust)
    except DecodeError:
        raise CorruptRecordError("group_ratchets", st.group_id.hex()) from None


class _EpochFacts:
    """Per group and epoch: its members' identities as read, and its charter."""

    __slots__ = ("charter", "fingerprint", "idents", "key")

    def __init__(self, key: tuple[int, bytes]) -> None:
        self.key = key
        self.idents: dict[int, Ident] = {}
        self.charter: Charter | None = None
        self.fingerprint = b""


class EngineContext:
    """Shared state and the small helpers every concern uses."""

    def __init__(self, store: EngineStore, me: DeviceIdentity, trust: Trust, *,
                 clock: Callable[[], float], settings: EngineSettings,
                 crash: CrashHook | None) -> None:
        self.store = store
        self.me = me
        self.trust = trust
        self.clock = clock
        self.settings = settings
        self.crash = crash
        self.groups: dict[bytes, Group] = {}
        #: group id -> epoch_part_serial of the epoch part in the store (as this
        #: process wrote or read it); dropped whenever the store may differ
        self._saved: dict[bytes, int] = {}
        self.features = Features(store)
        self.send_ids = SendIds(store)
        self.signer = expand_signature_key(me.seed)  # signs fork statements faster
        self._handovers: list[Handover] | None = None
        #: group id -> what was read of its current epoch
        self._epochs: dict[bytes, _EpochFacts] = {}
        #: channel id -> meta while :meth:`metas_cached` is active
        self._metas: dict[bytes, ChannelMeta] | None = None
        #: the venue's marking scheme (its signed one once a device holds it)
        self.markings: markings.MarkingScheme = markings.DEFAULT_SCHEME
        #: (marking, ceiling, kind) -> refusal under the scheme they were judged by
        self._verdicts: dict[tuple[str, str, str], str] = {}
        self._verdicts_scheme: markings.MarkingScheme | None = None
        #: timing choices the relay must not predict (the attachment hold)
        self.random: random.Random = random.SystemRandom()

    def now(self) -> int:
        return int(self.clock())

    def crashpoint(self, name: str) -> None:
        """A named point between durable writes (see :data:`settings.CRASH_POINTS`)."""
        if self.crash is not None:
            self.crash(name)

    # ------------------------------------------------------------------ groups

    def group(self, group_id: bytes) -> Group:
        g = self.groups.get(group_id)
        if g is None:
            st = self.store.get_group_state(group_id)
            if st is None:
                raise NotFoundError("no group state for this channel")
            g = load_group(st, self.trust)
            if st.ratchets is not None:  # the stored epoch part is this group's
                self._saved[group_id] = g.epoch_part_serial
            self.groups[group_id] = g
        return g

    def save_group(self, g: Group) -> None:
        """Store ``g``: its ratchet part alone when its epoch part is the one this
        process last saved or loaded (an application message), else both parts in
        one write (never apart: an older ratchet part would bring used keys back)."""
        gid = g.group_id
        try:
            if self._saved.get(gid) == g.epoch_part_serial:
                # refused when the stored parts are not the ones this memo names (the
                # row went, or its write was rolled back): then both are written
                with contextlib.suppress(NotFoundError):
                    self.store.put_group_ratchets(gid, g.epoch, g.ratchet_part(),
                                                  binding=g.epoch_part_digest())
                    return
            epoch_part = g.epoch_part()
            self.store.put_group_state(gid, g.epoch, epoch_part, g.ratchet_part(),
                                       binding=g.epoch_part_digest())
            self._saved[gid] = g.epoch_part_serial
        except BaseException:
            self._saved.pop(gid, None)
            raise

    def forget_group(self, group_id: bytes) -> None:
        """Drop the in-memory group (reloaded from the store on next use)."""
        self.groups.pop(group_id, None)
        self._epochs.pop(group_id, None)
        self._saved.pop(group_id, None)

    def _epoch(self, g: Group) -> _EpochFacts:
        """What this device read of ``g``'s current epoch (reset by the next epoch)."""
        key = (g.epoch, g.epoch_authenticator)  # the authenticator binds the tree
        facts = self._epochs.get(g.group_id)
        if facts is None or facts.key != key:
            facts = self._epochs[g.group_id] = _EpochFacts(key)
        return facts

    def leaf_ident(self, g: Group, leaf: int) -> Ident:
        """Who sits at ``leaf`` (read once per epoch: every message asks)."""
        facts = self._epoch(g)
        ident = facts.idents.get(leaf)
        if ident is None:
            for m in g.members():
                if m.leaf_index == leaf:
                    ident = unverified_identity(credential_chain(m.credential))
                    break
            else:
                raise PolicyViolation("unknown sender leaf")
            facts.idents[leaf] = ident
        return ident

    def fingerprint(self, g: Group) -> bytes:
        """The epoch fingerprint of ``g``'s current epoch (computed once per epoch)."""
        facts = self._epoch(g)
        if not facts.fingerprint:
            facts.fingerprint = epoch_fingerprint(g)
        return facts.fingerprint

    def epoch_charter(self, g: Group) -> Charter:
        """The group's charter at its current epoch (decoded once per epoch)."""
        facts = self._epoch(g)
        if facts.charter is None:
            facts.charter = roster_from_extensions(g.extensions)
        return facts.charter

    def members(self, g: Group) -> list[MemberRow]:
        out = []
        for m in g.members():
            chain = credential_chain(m.credential)
            out.append((m.leaf_index, m.signature_key.hex(), unverified_identity(chain), chain))
        return out

    def chairs(self, roster: Roster | Charter) -> frozenset[str]:
        return self.trust.chairs(roster.chairs)

    def post_chairs(self, roster: Roster | Charter) -> frozenset[str]:
        """Who holds the chair for posting now: the charter's chair role certificates
        as the venue's handovers leave them (an outgoing chair's authority ends at its
        handover, the incoming chair's begins). Roster changes keep :meth:`chairs`,
        judged at the commit's own time, so that members never fork over a handover
        one of them has not yet seen."""
        handovers = self.handovers()
        if not roster.chairs and not handovers:
            return frozenset()  # no role certificate to hold the chair by (most channels)
        return chair_office(roster.chairs, handovers, int(self.clock() * 1000),
                            lambda certs, _at: self.trust.chairs(certs))

    def act_refusal(self, roster: Roster | Charter, sender: Ident,
                    payload: payloads.Decoded) -> str:
        """Why an emergency call, pin or chair's notice from ``sender`` is refused here
        ("" if allowed, or if the payload is none of those): the chair and convener rule
        of :mod:`client.crisis.authority`, at this device's clock (as notice posts are),
        with the venue's chair handovers this device holds."""
        reason = self.marking_refusal(roster, payload)
        if reason or act_of(payload) is None:
            return reason
        return refusal(roster, sender, payload, at_ms=int(self.clock() * 1000),
                       roles=lambda certs, _at: self.trust.chairs(certs),
                       handovers=self.handovers())

    def marking_refusal(self, roster: Roster | Charter, payload: payloads.Decoded) -> str:
        """Why the payload's classification marking is refused in this channel ("" if
        the channel's ceiling allows it): the same check on send and on receipt, so an
        item a modified client sends above the ceiling is refused by every member."""
        if isinstance(payload, payloads.Unknown):
            return ""
        # Every message of a catch-up asks, nearly always with the same few values.
        key = (payload.marking, roster.ceiling, roster.kind)
        if self._verdicts_scheme is not self.markings or len(self._verdicts) > 256:
            self._verdicts, self._verdicts_scheme = {}, self.markings
        verdict = self._verdicts.get(key)
        if verdict is None:
            try:
                markings.check(payload.marking, roster.ceiling, roster.kind, self.markings)
                verdict = ""
            except markings.MarkingError as exc:
                verdict = f"classification: {exc}"
            self._verdicts[key] = verdict
        return verdict

    def handovers(self) -> list[Handover]:
        """The venue's chair handovers among this device's stored crisis items (read
        once, then kept up to date by :meth:`note_crisis_item`)."""
        if self._handovers is None:
            self._handovers = list(stored_handovers(self.store, self.trust.root_der))
        return self._handovers

    def note_crisis_item(self, item: bytes) -> None:
        """A crisis item was stored: keep a handover it carries."""
        h = handover_in(item, self.trust.root_der)
        if h is not None and self._handovers is not None and h not in self._handovers:
            self._handovers.append(h)

    def charter(self, channel_id: bytes) -> Charter:
        """The channel's public charter (what the relay sees too)."""
        return self.epoch_charter(self.group(channel_id))

    def roster(self, channel_id: bytes) -> Roster:
        """The channel's charter and name (the name from the channel information the
        charter commits to)."""
        charter = self.charter(channel_id)
        _ch, meta = self.channel_state(channel_id)
        return Roster.of(charter, info_name(charter, meta.info))

    # ------------------------------------------------------------------ channel meta

    def meta(self, ch: Channel) -> ChannelMeta:
        return meta_decoder.decode(ch.roster)

    def fresh_meta(self, ch: Channel) -> ChannelMeta:
        """The meta as stored now (an earlier step may have changed it)."""
        if self._metas is not None:
            meta = self._metas.get(ch.channel_id)
            if meta is None:
                meta = self._metas[ch.channel_id] = self.meta(
                    self.store.get_channel(ch.channel_id))
            return meta
        return self.meta(self.store.get_channel(ch.channel_id))

    @contextlib.contextmanager
    def metas_cached(self) -> Iterator[None]:
        """Within one store transaction: :meth:`fresh_meta` answers from memory what
        :meth:`put_meta` wrote, instead of reading and opening the sealed channel row
        twice per received message. Only for a block whose every meta write goes
        through :meth:`put_meta`; dropped when the block ends (also on a rollback)."""
        outer = self._metas
        self._metas = {} if outer is None else outer
        try:
            yield
        finally:
            self._metas = outer

    def forget_meta(self, channel_id: bytes) -> None:
        """Read the channel's meta from the store next time (after a rollback)."""
        if self._metas is not None:
            self._metas.pop(channel_id, None)

    def put_meta(self, ch: Channel, meta: ChannelMeta, name: str | None = None) -> None:
        self.store.update_channel(ch.channel_id, roster=enc.encode(meta), name=name)
        if self._metas is not None:
            self._metas[ch.channel_id] = meta

    def replace_meta(self, ch: Channel, meta: ChannelMeta, **changes: object) -> ChannelMeta:
        """Store ``meta`` with ``changes``; returns the new meta."""
        meta = msgspec.structs.replace(meta, **changes)
        self.put_meta(ch, meta)
        return meta

    def channel_state(self, channel_id: bytes) -> tuple[Channel, ChannelMeta]:
        ch = self.store.get_channel(channel_id)
        return ch, self.meta(ch)
