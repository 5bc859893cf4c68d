# SPDX-License-Identifier: Apache-2.0
"""The engine's one public face: :class:`Engine` composes the concerns of this package
and is what drivers (:class:`client.core.Client`) and tests call."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from random import Random

from client import payloads
from client.crisis.authority import Handover
from client.engine.channels import Channels
from client.engine.commits import Commits, Directory
from client.engine.context import EngineContext, MemberRow
from client.engine.forks import ForkCheck
from client.engine.keypackages import KeyPackages
from client.engine.membership import Membership
from client.engine.model import (
    AppWork,
    ChannelMember,
    ChannelMeta,
    CommitWork,
    DeviceIdentity,
    MembershipPlan,
    NewChannel,
    Outbound,
    OutOp,
    ReceiveResult,
)
from client.engine.outbox import Outbox
from client.engine.refusals import Gaps, Refusals
from client.engine.settings import CrashHook, EngineSettings
from client.engine.sync import GossipSink, Receiver
from client.errors import UsageError
from client.events import Event
from client.features import Features
from client.msgids import SendIds
from client.policy import Charter, Roster
from client.store.base import Channel
from client.store.engine_state import EngineStore, LastResortRecord
from client.transport import RelayMessage, RelayWelcome
from client.trust import Trust
from crypto.corridor import markings
from crypto.group import Group

__all__ = ["Engine"]


class Engine:
    """One device's protocol state over its store. Not thread-safe: one driver task.

    ``settings`` (self-update and last-resort triggers) and ``crash`` (the crash tests'
    hook, called at named points) come from whoever opens the device; the engine reads
    no environment.
    """

    def __init__(self, store: EngineStore, me: DeviceIdentity, trust: Trust, *,
                 clock: Callable[[], float] = time.time,
                 settings: EngineSettings | None = None,
                 crash: CrashHook | None = None) -> None:
        ctx = EngineContext(store, me, trust, clock=clock,
                            settings=settings or EngineSettings(), crash=crash)
        self._ctx = ctx
        self._key_packages = KeyPackages(ctx)
        self._forks = ForkCheck(ctx)
        self._gaps = Gaps(ctx)
        self._refusals = Refusals(ctx)
        self._outbox = Outbox(ctx)
        self._commits = Commits(ctx, self._outbox)
        self._channels = Channels(ctx, self._outbox, self._forks)
        self._membership = Membership(ctx, refusals=self._refusals, forks=self._forks,
                                      key_packages=self._key_packages)
        self._receiver = Receiver(ctx, gaps=self._gaps, refusals=self._refusals,
                                  forks=self._forks, channels=self._channels,
                                  outbox=self._outbox, membership=self._membership)

    # ------------------------------------------------------------------ shared state

    @property
    def store(self) -> EngineStore:
        return self._ctx.store

    @property
    def me(self) -> DeviceIdentity:
        return self._ctx.me

    @property
    def trust(self) -> Trust:
        return self._ctx.trust

    @trust.setter
    def trust(self, value: Trust) -> None:
        self._ctx.trust = value

    @property
    def clock(self) -> Callable[[], float]:
        return self._ctx.clock

    @clock.setter
    def clock(self, value: Callable[[], float]) -> None:
        self._ctx.clock = value

    @property
    def random(self) -> Random:
        """The random source of the engine's timing choices (tests inject one)."""
        return self._ctx.random

    @random.setter
    def random(self, value: Random) -> None:
        self._ctx.random = value

    @property
    def settings(self) -> EngineSettings:
        return self._ctx.settings

    @settings.setter
    def settings(self, value: EngineSettings) -> None:
        self._ctx.settings = value

    def _set(self, **changes: int) -> None:
        from dataclasses import replace

        self._ctx.settings = replace(self._ctx.settings, **changes)

    @property
    def self_update_seconds(self) -> int:
        return self._ctx.settings.self_update_seconds

    @self_update_seconds.setter
    def self_update_seconds(self, value: int) -> None:
        self._set(self_update_seconds=value)

    @property
    def self_update_messages(self) -> int:
        return self._ctx.settings.self_update_messages

    @self_update_messages.setter
    def self_update_messages(self, value: int) -> None:
        self._set(self_update_messages=value)

    @property
    def last_resort_seconds(self) -> int:
        return self._ctx.settings.last_resort_seconds

    @last_resort_seconds.setter
    def last_resort_seconds(self, value: int) -> None:
        self._set(last_resort_seconds=value)

    @property
    def features(self) -> Features:
        return self._ctx.features

    @property
    def send_ids(self) -> SendIds:
        return self._ctx.send_ids

    @property
    def gossip(self) -> Callable[[bytes], bytes]:
        """Key transparency: the log head to send in an application message of a
        channel (b"" for none)."""
        return self._outbox.gossip

    @gossip.setter
    def gossip(self, value: Callable[[bytes], bytes]) -> None:
        self._outbox.gossip = value

    @property
    def on_gossip(self) -> GossipSink | None:
        """Key transparency: where members' log heads are handed on receipt."""
        return self._receiver.on_gossip

    @on_gossip.setter
    def on_gossip(self, value: GossipSink | None) -> None:
        self._receiver.on_gossip = value

    def now(self) -> int:
        return self._ctx.now()

    # the loaded MLS groups (tests reach in to drop or inspect them)
    @property
    def _groups(self) -> dict[bytes, Group]:
        return self._ctx.groups

    @property
    def _signer(self) -> bytes:
        return self._ctx.signer

    def _group(self, group_id: bytes) -> Group:
        return self._ctx.group(group_id)

    def _save_group(self, g: Group) -> None:
        self._ctx.save_group(g)

    def _members(self, g: Group) -> list[MemberRow]:
        return self._ctx.members(g)

    def _remember_fp(self, g: Group) -> None:
        self._forks.remember(g)

    def _last_resort(self) -> LastResortRecord:
        return self._key_packages.last_resort()

    # ------------------------------------------------------------------ public views

    def epoch(self, channel_id: bytes) -> int:
        """The channel's current MLS epoch.

        Raises:
            NotFoundError: no group state (never joined, or left).
        """
        return self._ctx.group(channel_id).epoch

    def members(self, channel_id: bytes) -> list[ChannelMember]:
        """The channel's devices as our MLS tree has them, one per leaf.

        Raises:
            NotFoundError: no group state (never joined, or left).
        """
        return [ChannelMember(leaf, dev, ident, tuple(chain))
                for leaf, dev, ident, chain in self._ctx.members(self._ctx.group(channel_id))]

    def member_chains(self, channel_id: bytes) -> list[list[bytes]]:
        """Every member's certificate chain as its credential carries it (empty for a
        credential without certificates): what key transparency audits."""
        return [list(m.credential.certificates or ())
                for m in self._ctx.group(channel_id).members()]

    def former_chains(self, channel_id: bytes) -> list[list[bytes]]:
        """The chains of the channel's former members as this device saw them go
        (also once it left): an export names them by these.

        Raises:
            NotFoundError: no such channel.
        """
        return self._ctx.store.get_former_chains(self._ctx.store.get_channel(channel_id).group_id)

    def queued_roster(self, channel_id: bytes, item_id: bytes) -> bytes | None:
        """The encoded roster change a queued membership commit carries, if any.

        Raises:
            NotFoundError: the outbox item is gone.
        """
        item = self._outbox.item(channel_id, item_id)
        return item.roster if isinstance(item, OutOp) else None

    def chairs(self, roster: Roster | Charter) -> frozenset[str]:
        return self._ctx.chairs(roster)

    def roster(self, channel_id: bytes) -> Roster:
        """The channel's charter and name (the name from the channel information the
        charter commits to)."""
        return self._ctx.roster(channel_id)

    def charter(self, channel_id: bytes) -> Charter:
        """The channel's public charter (what the relay sees too)."""
        return self._ctx.charter(channel_id)

    def handovers(self) -> list[Handover]:
        """The venue's chair handovers among this device's stored crisis items: read
        from the store once, then kept as items arrive (what the engine's own chair
        checks use)."""
        return list(self._ctx.handovers())

    def check_marking(self, channel_id: bytes, marking: str) -> str:
        """``marking`` as the venue's scheme writes it, if the channel's ceiling allows
        it (UsageError otherwise: nothing above the ceiling is sent, nor uploaded)."""
        charter = self._ctx.charter(channel_id)
        try:
            return str(markings.check(marking, charter.ceiling, charter.kind,
                                      self._ctx.markings))
        except markings.MarkingError as exc:
            raise UsageError(f"classification: {exc}") from None

    @property
    def marking_scheme(self) -> markings.MarkingScheme:
        """The venue's scheme (from its signed policy; the default until one)."""
        return self._ctx.markings

    @marking_scheme.setter
    def marking_scheme(self, value: markings.MarkingScheme) -> None:
        self._ctx.markings = value

    def levels_allowed(self, channel_id: bytes) -> tuple[str, ...]:
        """The scheme's levels at or under the channel's ceiling, lowest first: what a
        member may choose to mark an item in it."""
        scheme = self._ctx.markings
        top = scheme.rank(markings.parse(self.ceiling(channel_id), scheme).level)
        return tuple(scheme.levels[:top + 1])

    def ceiling(self, channel_id: bytes) -> str:
        """The channel's ceiling as the venue's scheme writes it."""
        charter = self._ctx.charter(channel_id)
        return str(markings.ceiling_of(charter.ceiling, self._ctx.markings, charter.kind))

    def group_info(self, channel_id: bytes) -> bytes:
        """A signed GroupInfo with the ratchet tree: the public state the relay verifies
        commits against (posted when the relay group is created)."""
        return self._ctx.group(channel_id).group_info(with_ratchet_tree=True)

    def channel_state(self, channel_id: bytes) -> tuple[Channel, ChannelMeta]:
        return self._ctx.channel_state(channel_id)

    def message_meta(self, channel_id: bytes) -> ChannelMeta:
        return self._ctx.channel_state(channel_id)[1]

    # ------------------------------------------------------------------ KeyPackages

    def make_key_packages(self, n: int) -> list[bytes]:
        return self._key_packages.make(n)

    def make_last_resort(self) -> tuple[bytes, bytes]:
        return self._key_packages.make_last_resort()

    def last_resort_published(self, ref: bytes) -> None:
        self._key_packages.last_resort_published(ref)

    def last_resort_due(self, relay_has_one: bool = True) -> bool:
        return self._key_packages.last_resort_due(relay_has_one)

    # ------------------------------------------------------------------ channels

    def create_channel(self, group_id: bytes, kind: str, name: str,
                       missions: Sequence[str], ceiling: str = "") -> bytes:
        """A new channel of ``kind``, stored at once; queues its population. (A driver
        creates the relay group between :meth:`prepare_channel` and
        :meth:`store_channel` instead, so no sync ever sees the channel before the relay
        routes it.)"""
        return self.store_channel(self.prepare_channel(group_id, kind, name, missions,
                                                       ceiling))

    def prepare_channel(self, group_id: bytes, kind: str, name: str,
                        missions: Sequence[str], ceiling: str = "") -> NewChannel:
        return self._channels.prepare(group_id, kind, name, missions, ceiling)

    def store_channel(self, new: NewChannel) -> bytes:
        return self._channels.store(new)

    def enqueue_payload(self, channel_id: bytes, payload: payloads.Decoded, *,
                        check_policy: bool = True, not_before: int = 0) -> bytes:
        return self._channels.enqueue_payload(channel_id, payload, check_policy=check_policy,
                                              not_before=not_before)

    def take_local_events(self) -> list[Event]:
        return self._channels.take_local_events()

    def sweep_expired(self) -> list[Event]:
        return self._channels.sweep_expired()

    def compact(self) -> None:
        self._channels.compact()

    def leave_request(self, channel_id: bytes) -> payloads.LeaveRequest:
        return self._channels.leave_request(channel_id)

    def left(self, channel_id: bytes) -> list[Event]:
        return self._channels.left(channel_id)

    def retire_signature(self, device_id: str) -> bytes:
        """This device's signed removal of ``device_id``, another device of its delegate
        (:func:`crypto.corridor.charter.retire_content`)."""
        from client.engine.envelope import SUITE
        from crypto.corridor.charter import RETIRE_LABEL, retire_content
        from crypto.suites import get_suite

        return get_suite(SUITE).sign_with_label(
            self._ctx.signer, RETIRE_LABEL, retire_content(bytes.fromhex(device_id)))

    # ------------------------------------------------------------------ outbox

    def enqueue_membership(self, channel_id: bytes, roster: Roster | None = None) -> bytes:
        """Queue a membership commit (devices of the roster's missions; roster change);
        returns its outbox item id.

        Raises:
            UsageError: a roster change this device's delegate may not make.
        """
        current = self.roster(channel_id) if roster is not None else None
        return self._outbox.enqueue_membership(channel_id, roster, current)

    def self_update_due(self, channel_id: bytes) -> bool:
        return self._outbox.self_update_due(channel_id)

    def queue_self_updates(self) -> list[bytes]:
        return self._outbox.queue_self_updates()

    def enqueue_self_update(self, channel_id: bytes) -> None:
        """Queue an empty commit with an update path (a fresh leaf key) for the channel."""
        self._outbox.enqueue_op(channel_id, OutOp(update=True))

    def outbox_work(self) -> list[AppWork | CommitWork]:
        return self._outbox.work()

    def outbox_next_release(self) -> int | None:
        """When the earliest held message (an attachment's reference) may go."""
        return self._outbox.next_release()

    def encrypt(self, work: AppWork) -> Outbound:
        return self._outbox.encrypt(work)

    def posted(self, out: Outbound, seq: int | None = None) -> None:
        self._outbox.posted(out, seq)

    def membership_plan(self, work: CommitWork, directory: Directory) -> MembershipPlan:
        return self._commits.plan(work, directory)

    def build_commit(self, work: CommitWork, plan: MembershipPlan,
                     key_packages: dict[str, bytes]) -> Outbound | None:
        return self._commits.build(work, plan, key_packages)

    def drop_work(self, work: AppWork | CommitWork) -> None:
        self._outbox.drop(work)

    def refused(self, work: AppWork | CommitWork, reason: str) -> list[Event]:
        return self._outbox.refused(work, reason)

    def retry_failed(self, channel_id: bytes, message_id: bytes) -> None:
        self._outbox.retry_failed(channel_id, message_id)

    # ------------------------------------------------------------------ receiving

    def receive(self, messages: Sequence[RelayMessage]) -> ReceiveResult:
        return self._receiver.receive(messages)

    def receive_welcome(self, w: RelayWelcome, ratchet_tree: bytes | None = None) -> list[Event]:
        return self._membership.receive_welcome(w, ratchet_tree)

    def pending_refusals(self) -> list[tuple[bytes, int]]:
        return self._refusals.pending()

    def refusal_sent(self, group_id: bytes, seq: int) -> None:
        self._refusals.sent(group_id, seq)

    def catch_up_after(self, group_id: bytes) -> int:
        return self._gaps.catch_up_after(group_id)

    def gaps(self, channel_id: bytes) -> list[tuple[int, int]]:
        return self._gaps.of_channel(channel_id)
