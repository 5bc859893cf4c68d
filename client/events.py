# SPDX-License-Identifier: Apache-2.0
"""Typed events the client core reports (frozen, slotted: safe to hand to any thread).

The UI and the command line subscribe to them (:meth:`client.core.Client.events`);
tests assert on them. Ids are raw bytes; ``channel_id.hex()`` is the public form.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HISTORY_NOTE = (
    "Messages sent before this device joined are not available on it "
    "(end-to-end encryption: earlier keys were never shared with it).")

__all__ = [
    "HISTORY_NOTE",
    "AckUpdated",
    "CertificateExpiring",
    "ChannelJoined",
    "ChannelLeft",
    "CommitVoided",
    "ConnectionChanged",
    "DirectoryAlarm",
    "EmergencyCallReceived",
    "ErrorEvent",
    "Event",
    "ForkDetected",
    "KeyPackagesDraining",
    "MembershipChanged",
    "MessageEdited",
    "MessageFailed",
    "MessageReceived",
    "MessageRedacted",
    "MessageSent",
    "MessagesExpired",
    "NoticePinned",
    "PolicyRefused",
    "PossibleWithholding",
    "ReactionChanged",
    "RoutingMismatch",
    "RoutingRestored",
    "TimerChanged",
]


@dataclass(frozen=True, slots=True)
class MessageReceived:
    """A new message is stored and may be shown (never reported twice for one id)."""

    channel_id: bytes
    message_id: bytes
    sender: str  # "mission/delegate"
    kind: str  # payload kind ("text", ..., or the unknown kind's name)
    seq: int | None
    own: bool = False


@dataclass(frozen=True, slots=True)
class MessageSent:
    """The relay accepted and numbered one of this device's messages (it has left the
    outbox: its view is no longer ``sending`` and it moves to its relay place, ``seq``)."""

    channel_id: bytes
    message_id: bytes
    seq: int


@dataclass(frozen=True, slots=True)
class MessageFailed:
    """The relay refused one of this device's messages for good (a 4xx other than
    408/409/425/429: too large, not a member any more, revoked): it left the outbox and
    its view shows ``failed`` with the relay's ``reason``. Temporary failures (5xx,
    429, network) are retried and never reported this way."""

    channel_id: bytes
    message_id: bytes
    reason: str


@dataclass(frozen=True, slots=True)
class ConnectionChanged:
    """The push connection to the relay came up (``connected``) or went down.

    Reported on every change while the push loop runs (:meth:`client.core.Client.start`),
    and once at its first failed attempt. While down the client retries by itself
    (``retry_in`` seconds until the next attempt, with backoff and jitter) and catches
    up by cursor when it is back; sends meanwhile stay queued.
    """

    connected: bool
    detail: str = ""
    retry_in: float | None = None


@dataclass(frozen=True, slots=True)
class ChannelJoined:
    """This device is now in a channel. ``history_note`` says plainly what it cannot read."""

    channel_id: bytes
    kind: str
    name: str
    epoch: int
    history_note: str = field(default=(
        "Messages sent before this device joined are not available on it "
        "(end-to-end encryption: earlier keys were never shared with it)."))


@dataclass(frozen=True, slots=True)
class ChannelLeft:
    """This device was removed from a channel (recalled, or its mission left)."""

    channel_id: bytes
    reason: str


@dataclass(frozen=True, slots=True)
class MembershipChanged:
    """A commit changed the channel's devices or roster."""

    channel_id: bytes
    epoch: int
    added: tuple[str, ...]  # "mission/delegate" of added devices
    removed: tuple[str, ...]
    by: str


@dataclass(frozen=True, slots=True)
class ForkDetected:
    """The relay showed members of one channel different histories; nothing was merged."""

    channel_id: bytes
    epoch: int
    detail: str


@dataclass(frozen=True, slots=True)
class DirectoryAlarm:
    """The relay's directory cannot be trusted (key transparency): a security alarm.

    ``kind``: ``split-view`` (two signed log heads that are not one log),
    ``unproven`` (a certificate or CRL served without a valid inclusion proof: refused),
    ``withheld-revocation`` (a logged CRL the relay did not list: applied anyway).
    ``evidence``: the signed tree heads (112 bytes each, crypto.certs.transparency) and, where
    there is one, the DER the alarm is about. ``channel_id`` when a member's gossip
    in that channel revealed it.
    """

    kind: str
    detail: str
    channel_id: bytes | None
    evidence: tuple[bytes, ...]


@dataclass(frozen=True, slots=True)
class PossibleWithholding:
    """A gap in the channel's sequence: the relay may be withholding messages."""

    channel_id: bytes
    expected_seq: int
    got_seq: int


@dataclass(frozen=True, slots=True)
class PolicyRefused:
    """A commit or message broke the channel policy and was refused."""

    channel_id: bytes
    seq: int | None
    reason: str


@dataclass(frozen=True, slots=True)
class CommitVoided:
    """The relay serves the commit at ``seq`` (by device ``committer``) as voided: the
    channel's missions refused it (one vote per mission of the charter), so every member
    skips it and its epoch is free again. Shown to every member, whatever it voted."""

    channel_id: bytes
    seq: int
    committer: str


@dataclass(frozen=True, slots=True)
class ErrorEvent:
    """Something failed that the user may need to know about (never with secrets)."""

    channel_id: bytes | None
    reason: str
    detail: str = field(default="")


@dataclass(frozen=True, slots=True)
class AckUpdated:
    """A member read or acknowledged a message that asked for acknowledgement.

    ``state`` is ``"read"`` or ``"acknowledged"``; ``pending`` lists the missions that
    have still not acknowledged after this change (the live tracker).
    """

    channel_id: bytes
    message_id: bytes
    mission: str
    delegate: str  # "mission/delegate"
    state: str
    pending: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MessageEdited:
    """The author replaced a message's text (the old text is gone from this device)."""

    channel_id: bytes
    message_id: bytes
    by: str


@dataclass(frozen=True, slots=True)
class MessageRedacted:
    """The author withdrew a message; it is deleted from the store, index and cache."""

    channel_id: bytes
    message_id: bytes
    by: str


@dataclass(frozen=True, slots=True)
class ReactionChanged:
    channel_id: bytes
    message_id: bytes
    by: str
    emoji: str
    removed: bool


@dataclass(frozen=True, slots=True)
class NoticePinned:
    """A chair's agenda notice is now the channel's pinned one (or unpinned it)."""

    channel_id: bytes
    message_id: bytes
    title: str
    revision: int
    pinned: bool
    by: str


@dataclass(frozen=True, slots=True)
class EmergencyCallReceived:
    """The chair convened an emergency meeting; every mission is asked to acknowledge."""

    channel_id: bytes
    message_id: bytes
    by: str
    meeting_at: int  # ms since the epoch
    place: str
    link: str
    agenda: str


@dataclass(frozen=True, slots=True)
class TimerChanged:
    """A member set the channel's disappearing-message timer (``None``: off)."""

    channel_id: bytes
    seconds: int | None
    by: str


@dataclass(frozen=True, slots=True)
class MessagesExpired:
    """Disappearing messages were deleted (store, search index, cached attachments)."""

    channel_id: bytes
    message_ids: tuple[bytes, ...]


@dataclass(frozen=True, slots=True)
class RoutingMismatch:
    """The relay's routing of a channel differs from the channel's MLS roster (THREATS
    22): ``not_routed`` (the relay no longer delivers it to this device, which is still
    a member) or ``mismatch`` (``missing``: member devices it does not route; ``extra``:
    devices it routes that are no members). Reported on every sync until it is gone."""

    channel_id: bytes
    problem: str
    detail: str
    missing: tuple[str, ...] = ()  # device ids
    extra: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoutingRestored:
    """The relay's routing of a channel matches its MLS roster again."""

    channel_id: bytes


@dataclass(frozen=True, slots=True)
class CertificateExpiring:
    """This device's chain ends within the warning period (or has ended): ``link`` is
    the certificate that expires first (device, mission or root); ``advice`` says how
    to renew."""

    not_after: int  # seconds since the epoch
    days_left: int
    link: str
    advice: str


@dataclass(frozen=True, slots=True)
class KeyPackagesDraining:
    """This device's KeyPackages were claimed unusually fast (THREATS 25): ``claimed``
    within ``window`` seconds, by ``claimers`` ((device id, mission, claims), most
    first)."""

    claimed: int
    window: int
    claimers: tuple[tuple[str, str, int], ...]
    detail: str


Event = (
    MessageReceived | ChannelJoined | ChannelLeft | MembershipChanged | ForkDetected
    | PossibleWithholding | PolicyRefused | ErrorEvent | AckUpdated | MessageEdited
    | MessageRedacted | ReactionChanged | NoticePinned | EmergencyCallReceived
    | TimerChanged | MessagesExpired | MessageSent | RoutingMismatch | RoutingRestored
    | CertificateExpiring | KeyPackagesDraining | CommitVoided | MessageFailed
    | ConnectionChanged | DirectoryAlarm
)
