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
    "ChannelJoined",
    "ChannelLeft",
    "ErrorEvent",
    "Event",
    "ForkDetected",
    "MembershipChanged",
    "MessageReceived",
    "PolicyRefused",
    "PossibleWithholding",
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
class ErrorEvent:
    """Something failed that the user may need to know about (never with secrets)."""

    channel_id: bytes | None
    reason: str
    detail: str = field(default="")


Event = (
    MessageReceived | ChannelJoined | ChannelLeft | MembershipChanged | ForkDetected
    | PossibleWithholding | PolicyRefused | ErrorEvent
)
