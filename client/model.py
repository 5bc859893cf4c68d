# SPDX-License-Identifier: Apache-2.0
"""The shapes the client core hands out: one :class:`MessageView` per shown message, and
the channel, device, member, search and acknowledgement views built around it.

They are frozen, slotted dataclasses (safe to pass to the UI thread) and carry no
behaviour beyond presenting their own fields. The store keeps encrypted records
(:mod:`client.store.base`); the core's views decode them into these, once, and the CLI
and the desktop app both consume the result: the CLI through ``to_json`` (whose keys are
the CLI's documented output), the app through the fields and display properties.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = [
    "AckStatus",
    "AttachmentInfo",
    "ChannelInfo",
    "DeviceInfo",
    "MemberView",
    "MessageView",
    "MissionAck",
    "SearchHit",
    "fmt_size",
]

#: What an attachment whose sender named no type is shown as.
DEFAULT_MIME: Final = "application/octet-stream"

JsonDict = dict[str, object]


def fmt_size(n: int) -> str:
    """A byte count for people: "512 B", "1.5 KiB", "3.0 MiB"."""
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    """The file an attachment message refers to (the key and hash stay in the payload)."""

    file_name: str
    mime_type: str
    size: int
    caption: str

    @property
    def label(self) -> str:
        """"name · type · size", as a conversation shows it."""
        return f"{self.file_name} · {self.mime_type or DEFAULT_MIME} · {fmt_size(self.size)}"

    def to_json(self) -> JsonDict:
        return {"file_name": self.file_name, "mime_type": self.mime_type, "size": self.size,
                "caption": self.caption}


@dataclass(frozen=True, slots=True)
class MessageView:
    """One message as shown: edits, reactions, read receipts and acknowledgements folded
    in. The one shape of a message outside the store, for the CLI and the app alike."""

    message_id: str  # hex
    sender: str  # "mission/delegate"
    kind: str
    #: the message's own words: the body of a text or reply, the title and body of an
    #: agenda notice, the reason of an emergency call, the caption of an attachment; a
    #: notice for kinds from a newer Corridor (see :attr:`summary` for a one-liner)
    text: str
    sent_at: int  # ms
    seq: int | None
    own: bool
    position: int  # opaque paging key in relay order: pass as ``before=``
    edited: bool = False
    reply_to: str = ""  # hex id of the message answered
    #: the start of the message answered (its summary), "" when it is not shown here
    reply_excerpt: str = ""
    requires_ack: bool = False
    reactions: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (emoji, delegates)
    attachment: AttachmentInfo | None = None
    expires_at: int | None = None  # seconds since the epoch (disappearing messages)
    sending: bool = False  # still in the outbox (no relay seq yet)
    # emergency calls ("emergency"): when and where the meeting is
    meeting_at: int | None = None  # ms since the epoch
    place: str = ""
    link: str = ""
    # agenda notices ("agenda"): the title (also the first line of ``text``) and revision
    title: str = ""
    revision: int | None = None
    activity: str = ""  # an activity notification's status
    timer: int | None = None  # a timer change's seconds (None: off)
    #: an own message the relay refused for good: its reason (``retry_message`` or
    #: ``discard_message``); "" otherwise
    failed: str = ""
    #: tracked messages (asked to acknowledge, or own): the channel's missions that
    #: acknowledged, and every delegate who sent a read receipt
    acked_missions: tuple[str, ...] = ()
    read_by: tuple[str, ...] = ()
    #: the classification marking it carries, as the venue's scheme writes it
    marking: str = ""
    #: the sender's mission is accredited as an observer (its certificate says so)
    observer: bool = False
    #: the sender's display name and mission name from their verified certificate chain
    #: ("" when no current member's chain names them: the id stands alone)
    sender_name: str = ""
    sender_mission_name: str = ""
    #: the name does not single the sender out (another delegate here shares it, or
    #: the sender's devices disagree on it): show the id beside it
    sender_ambiguous: bool = False
    #: ("mission/delegate", how it is written) for the readers and reactors this row
    #: names, from the members' verified certificates (:func:`client.core.names.
    #: person_label`); one left out is written as its bare id
    people: tuple[tuple[str, str], ...] = ()

    def person(self, who: str) -> str:
        """A reader's or reactor's id as the app writes it: the verified name alone, the
        id beside a name that clashes, the bare id without a name."""
        return next((label for w, label in self.people if w == who), who)

    @property
    def sender_label(self) -> str:
        """How the sender is written: "Ana Petrova (alderia)", the full id in place of
        the mission when the name is ambiguous, the bare id when there is no name."""
        if not self.sender_name:
            return self.sender
        return f"{self.sender_name} ({self.sender if self.sender_ambiguous else self.mission})"

    @property
    def status(self) -> str:
        """``failed``, ``sending`` (queued: not numbered by the relay yet) or ``sent``
        (own messages; a received message is ``sent``)."""
        return "failed" if self.failed else "sending" if self.sending else "sent"

    @property
    def mission(self) -> str:
        return self.sender.split("/", 1)[0]

    @property
    def summary(self) -> str:
        """The text, or what stands in for it: an emergency call's place or link, an
        attachment's file name (what the CLI prints and search rechecks)."""
        if self.text:
            return self.text
        if self.kind == "emergency":
            return self.place or self.link
        return self.attachment.file_name if self.attachment is not None else ""

    @property
    def detail(self) -> str:
        """The line under the text: an emergency call's place and link (its time is
        written by the UI, in the user's locale), an agenda notice's revision, an
        activity's status, a timer's seconds ("off")."""
        if self.kind == "agenda" and self.revision is not None:
            return f"revision {self.revision}"
        if self.kind == "emergency" and self.meeting_at is not None:
            return " · ".join(x for x in (self.place, self.link) if x)
        if self.kind == "activity":
            return self.activity
        if self.kind == "timer":
            return "off" if self.timer is None else f"{self.timer}"
        return ""

    @property
    def has_attachment(self) -> bool:
        return self.attachment is not None and bool(self.attachment.file_name)

    @property
    def file_name(self) -> str:
        return self.attachment.file_name if self.attachment is not None else ""

    @property
    def mime_type(self) -> str:
        return (self.attachment.mime_type or DEFAULT_MIME) if self.attachment else ""

    @property
    def size(self) -> int:
        return self.attachment.size if self.attachment is not None else 0

    @property
    def attachment_label(self) -> str:
        return self.attachment.label if self.has_attachment and self.attachment else ""

    def to_json(self) -> JsonDict:
        out: JsonDict = {
            "message_id": self.message_id, "sender": self.sender, "kind": self.kind,
            "text": self.summary, "sent_at": self.sent_at, "seq": self.seq, "own": self.own,
            "edited": self.edited, "reply_to": self.reply_to,
            "requires_ack": self.requires_ack,
            "reactions": {e: list(w) for e, w in self.reactions},
            "attachment": self.attachment.to_json() if self.attachment else None,
            "expires_at": self.expires_at, "status": self.status, "marking": self.marking,
            "sender_name": self.sender_name, "sender_mission_name": self.sender_mission_name,
            "sender_label": self.sender_label}
        if self.failed:
            out["failed"] = self.failed
        if self.meeting_at is not None:
            out.update(meeting_at=self.meeting_at, place=self.place, link=self.link)
        if self.revision is not None:
            out.update(title=self.title, revision=self.revision)
        return out


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A message found by local search, with the channel it is in."""

    channel_id: str
    channel_name: str
    message: MessageView

    @property
    def message_id(self) -> str:
        return self.message.message_id

    @property
    def text(self) -> str:
        return self.message.summary

    def to_json(self) -> JsonDict:
        return {"channel_id": self.channel_id, "channel_name": self.channel_name,
                **self.message.to_json()}


@dataclass(frozen=True, slots=True)
class MissionAck:
    """One mission's answer to a message: who read it, who acknowledged it."""

    mission: str
    state: str  # "acknowledged" | "read" | "pending" | "author"
    read_by: tuple[str, ...]
    acked_by: tuple[str, ...]

    def to_json(self) -> JsonDict:
        return {"mission": self.mission, "state": self.state, "read_by": list(self.read_by),
                "acked_by": list(self.acked_by)}


@dataclass(frozen=True, slots=True)
class AckStatus:
    """The tracker of one message, per mission of the channel's roster.

    ``message`` is the message as shown, when the core attached it (the facade does;
    the engine's feature layer, which only keeps the tracker, does not)."""

    channel_id: str
    message_id: str
    author: str
    kind: str
    requires_ack: bool
    missions: tuple[MissionAck, ...]
    message: MessageView | None = None

    @property
    def pending(self) -> tuple[str, ...]:
        return tuple(m.mission for m in self.missions if m.state in ("pending", "read"))

    @property
    def acknowledged(self) -> tuple[str, ...]:
        return tuple(m.mission for m in self.missions if m.state in ("acknowledged", "author"))

    @property
    def waiting(self) -> tuple[str, ...]:
        """Missions that have not acknowledged yet (``pending``)."""
        return self.pending

    @property
    def answered(self) -> dict[str, str]:
        """Mission -> the first of its delegates who acknowledged."""
        return {m.mission: m.acked_by[0] for m in self.missions
                if m.state == "acknowledged" and m.acked_by}

    @property
    def read(self) -> tuple[str, ...]:
        """Of the missions waiting: those where someone has read the message."""
        return tuple(m.mission for m in self.missions if m.state == "read")

    @property
    def complete(self) -> bool:
        return not self.pending

    @property
    def sender(self) -> str:
        return self.author or (self.message.sender if self.message else "")

    @property
    def sender_label(self) -> str:
        """The sender as the message names them from their certificate (see
        :attr:`MessageView.sender_label`); the bare id without the message."""
        m = self.message
        return m.sender_label if m is not None and m.sender == self.sender else self.sender

    @property
    def text(self) -> str:
        return self.message.text if self.message is not None else ""

    @property
    def detail(self) -> str:
        return self.message.detail if self.message is not None else ""

    @property
    def sent_at(self) -> int:
        return self.message.sent_at if self.message is not None else 0

    @property
    def meeting_at(self) -> int:
        return int(self.message.meeting_at or 0) if self.message is not None else 0

    def to_json(self) -> JsonDict:
        return {"channel_id": self.channel_id, "message_id": self.message_id,
                "author": self.author, "kind": self.kind, "requires_ack": self.requires_ack,
                "missions": [m.to_json() for m in self.missions],
                "pending": list(self.pending), "acknowledged": list(self.acknowledged)}


@dataclass(frozen=True, slots=True)
class ChannelInfo:
    """A channel as the device knows it (``Client.channels``)."""

    channel_id: str  # hex
    kind: str
    name: str
    missions: tuple[str, ...]
    devices: int
    epoch: int
    left: bool
    forked: str  # "" unless a fork was detected
    history_note: str
    #: "" unless the relay's routing differs from the MLS roster (see client.health)
    routing_warning: str = ""
    routing_problem: str = ""  # "", "not_routed" or "mismatch"
    #: the highest classification marking the channel carries (its charter's ceiling)
    ceiling: str = ""

    def to_json(self) -> JsonDict:
        return {"channel_id": self.channel_id, "kind": self.kind, "name": self.name,
                "missions": list(self.missions), "devices": self.devices, "epoch": self.epoch,
                "left": self.left, "forked": self.forked, "history_note": self.history_note,
                "routing_warning": self.routing_warning,
                "routing_problem": self.routing_problem, "ceiling": self.ceiling}


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """One device of this delegate, as the venue directory lists it."""

    device_id: str
    display_name: str
    this_device: bool
    #: "" when its chain verifies to the pinned root now; else why not (revoked, expired)
    problem: str
    channels: tuple[str, ...]  # hex ids of this device's channels it is a member of

    def to_json(self) -> JsonDict:
        return {"device_id": self.device_id, "display_name": self.display_name,
                "this_device": self.this_device, "problem": self.problem,
                "channels": list(self.channels)}


@dataclass(frozen=True, slots=True)
class MemberView:
    """One device of a channel (one MLS leaf), named by its verified credential."""

    mission: str
    delegate: str
    device_id: str
    own: bool
    #: the delegate's display name from their verified certificate chain ("" if none)
    display_name: str = ""
    #: another delegate here shares the name, or this delegate's devices disagree on it
    name_ambiguous: bool = False

    @property
    def label(self) -> str:
        """How the delegate is written: the name, the id beside an ambiguous one, the id
        alone when no certificate names them."""
        if not self.display_name:
            return self.delegate
        if self.name_ambiguous:
            return f"{self.display_name} ({self.mission}/{self.delegate})"
        return self.display_name
