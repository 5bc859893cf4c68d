# SPDX-License-Identifier: Apache-2.0
"""The engine's records and the values it hands its driver.

:class:`ChannelMeta` is the per-channel engine state kept (encrypted) in the channel
record; :class:`OutApp` and :class:`OutOp` are the outbox items (the payload to send,
or the intent of a commit, never ciphertext, so they survive epochs and restarts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

import msgspec

from client.events import Event
from client.policy import Ident, Roster
from client.trust import unverified_identity
from crypto.errors import EpochError
from crypto.group import Group

__all__ = [
    "AheadError",
    "AppWork",
    "ChannelMember",
    "ChannelMeta",
    "CommitWork",
    "DeviceIdentity",
    "MembershipPlan",
    "NewChannel",
    "OutApp",
    "OutOp",
    "Outbound",
    "ReceiveResult",
    "enc",
    "error_name",
]

enc: Final = msgspec.msgpack.Encoder()


class ChannelMeta(msgspec.Struct, frozen=True, kw_only=True):
    """Per-channel engine state kept (encrypted) in the channel record."""

    roster: bytes
    left: bool = False
    forked: str = ""
    #: the channel's encoded ChannelInfo (name): the charter commits to it
    info: bytes = b""
    joined_epoch: int = 0
    timer: int | None = None  # disappearing-message timer, seconds
    timer_by: str = ""
    pinned: bytes = b""  # the pinned agenda notice's message id
    pinned_rev: int = -1
    #: the timestamp (seconds) of the last commit merged: the next must not be older
    commit_at: int = 0
    #: (committer device, epoch) of commits refused by policy: the committer's later
    #: messages come from its own branch (refused, never fork evidence)
    refused: tuple[tuple[str, int], ...] = ()
    #: when this device's leaf key was last refreshed here (own commit merged, join or
    #: creation; 0: unknown, an older store) and messages it sent since
    updated_at: int = 0
    sent: int = 0
    #: members' verified requests to leave, not yet committed: (device id, signature)
    leaving: tuple[tuple[str, bytes], ...] = ()
    #: devices removed at their own request: never re-added by a membership commit
    departed: tuple[str, ...] = ()


class OutApp(msgspec.Struct, frozen=True, tag="app"):
    """An application message waiting to be sent: its encoded payload."""

    message_id: bytes
    body: bytes
    attempt: int = 0
    #: not sent before this time (engine clock, seconds): an attachment's reference
    #: held after its upload (docs/padding.md); 0 for everything else
    not_before: int = 0


class OutOp(msgspec.Struct, frozen=True, tag="op"):
    """A commit waiting to be built: the roster change it makes, if any."""

    roster: bytes | None = None
    #: a self-update: commit (with an update path) even when membership needs no change
    update: bool = False


meta_decoder: Final = msgspec.msgpack.Decoder(ChannelMeta)
out_decoder: Final = msgspec.msgpack.Decoder(OutApp | OutOp)


class AheadError(EpochError):
    """A message of a later epoch than ours: kept as a gap, it may decrypt once the
    missing commit arrives. Reported as an :class:`EpochError`."""


def error_name(exc: BaseException) -> str:
    return "EpochError" if isinstance(exc, AheadError) else type(exc).__name__


@dataclass(frozen=True, slots=True)
class DeviceIdentity:
    """This device: its signature key (secret), its certificate chain and role certs."""

    seed: bytes = field(repr=False)
    chain: tuple[bytes, ...]
    role_certs: tuple[bytes, ...] = ()
    #: derived once, on first use (every received message asks whether it is ours)
    _public: bytes = field(default=b"", init=False, repr=False, compare=False)
    _device_id: str = field(default="", init=False, repr=False, compare=False)
    _ident: Ident | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def public_key(self) -> bytes:
        if not self._public:
            from client.engine.envelope import SUITE
            from crypto.suites import get_suite

            object.__setattr__(self, "_public", get_suite(SUITE).signature_public_key(self.seed))
        return self._public

    @property
    def device_id(self) -> str:
        if not self._device_id:
            object.__setattr__(self, "_device_id", self.public_key.hex())
        return self._device_id

    @property
    def ident(self) -> Ident:
        if self._ident is None:
            object.__setattr__(self, "_ident", unverified_identity(self.chain))
        assert self._ident is not None
        return self._ident


@dataclass(frozen=True, slots=True)
class Outbound:
    """A request for the relay: post ``message`` to ``group_id``."""

    group_id: bytes
    client_msg_id: str
    message: bytes
    item_id: bytes
    is_commit: bool
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    welcome: bytes | None = None
    welcome_to: tuple[str, ...] = ()
    message_id: bytes = b""  # an application message's id (empty for a commit)


@dataclass(frozen=True, slots=True)
class NewChannel:
    """A channel made by :meth:`Engine.prepare_channel`, not stored yet."""

    group: Group
    kind: str
    name: str
    meta: ChannelMeta

    @property
    def group_info(self) -> bytes:
        """The creator's signed GroupInfo with the ratchet tree, for the relay."""
        return self.group.group_info(with_ratchet_tree=True)


@dataclass(frozen=True, slots=True)
class ChannelMember:
    """One device of a channel (one MLS leaf): its identity as its certificate names it."""

    leaf: int
    device_id: str
    ident: Ident
    chain: tuple[bytes, ...]


@dataclass(frozen=True, slots=True)
class AppWork:
    channel_id: bytes
    item_id: bytes
    data: bytes = field(default=b"", repr=False)


@dataclass(frozen=True, slots=True)
class CommitWork:
    channel_id: bytes
    item_id: bytes
    pending: bool  # a commit is already built and saved: resend it as is


@dataclass(frozen=True, slots=True)
class MembershipPlan:
    add: tuple[str, ...]  # device ids to claim KeyPackages for
    remove: tuple[int, ...]  # leaf indexes
    remove_devices: tuple[str, ...]
    roster: Roster | None

    @property
    def empty(self) -> bool:
        return not self.add and not self.remove and self.roster is None


@dataclass(slots=True)
class ReceiveResult:
    events: list[Event] = field(default_factory=list)
    acks: list[tuple[bytes, int]] = field(default_factory=list)
    welcome_acks: list[int] = field(default_factory=list)
    #: commits this device refused by policy, (group id, seq): tell the relay
    #: (:meth:`Engine.pending_refusals`, kept until :meth:`Engine.refusal_sent`)
    refusals: list[tuple[bytes, int]] = field(default_factory=list)
