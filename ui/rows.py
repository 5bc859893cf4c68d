# SPDX-License-Identifier: Apache-2.0
"""The display shapes the app paints: channels, message rows, members, trackers, hits.

Plain frozen dataclasses (no Qt), made by :class:`ui.adapter.ConversationAdapter` from
the client core's answers, so the Qt models and views never touch the core's types.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["AckStatus", "ChannelSummary", "Member", "Newer", "Row", "SearchHit", "fmt_size"]


@dataclass(frozen=True, slots=True)
class ChannelSummary:
    channel_id: str
    kind: str
    name: str
    missions: tuple[str, ...]
    can_post: bool
    history_note: str
    left: bool
    last_position: int
    can_answer: bool = True  # acknowledge / read receipts (every member, notices too)
    #: the relay's routing differs from the channel's MLS roster (client.health)
    routing_warning: str = ""


@dataclass(frozen=True, slots=True)
class Row:
    """One message as shown: the core's MessageView, shaped for painting.

    ``position`` is the core's relay-order paging key (pass it back as ``before``);
    ``arrival`` is the store's arrival position (for "what is new since").
    """

    message_id: str
    position: int
    sender: str  # mission/delegate
    kind: str
    text: str
    sent_at: int
    own: bool
    sending: bool = False
    failed: str = ""  # the relay refused it for good: its reason
    reply_to: str = ""
    reply_excerpt: str = ""
    edited: bool = False
    redacted: bool = False
    reactions: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (emoji, delegates)
    requires_ack: bool = False
    acked_missions: tuple[str, ...] = ()
    read_by: tuple[str, ...] = ()
    attachment: str = ""  # "name · type · size" when the message carries a file
    file_name: str = ""
    mime_type: str = ""
    size: int = 0
    detail: str = ""  # an emergency call's place and link, agenda revision, timer
    expires_at: int | None = None
    arrival: int = 0
    meeting_at: int | None = None  # ms; the UI writes it in the user's locale

    @property
    def mission(self) -> str:
        return self.sender.split("/", 1)[0]

    @property
    def has_attachment(self) -> bool:
        return bool(self.file_name)


@dataclass(frozen=True, slots=True)
class Member:
    mission: str
    delegate: str
    device_id: str
    own: bool


@dataclass(frozen=True, slots=True)
class AckStatus:
    """The core's tracker of one message (client.features.AckStatus), for display."""

    channel_id: str
    message_id: str
    kind: str
    text: str
    detail: str
    sender: str
    sent_at: int
    answered: dict[str, str]  # mission -> first "mission/delegate" that acknowledged
    waiting: tuple[str, ...]  # missions that have not acknowledged yet
    read: tuple[str, ...] = ()  # of those waiting: missions where someone has read it
    meeting_at: int = 0  # ms, emergency calls

    @property
    def complete(self) -> bool:
        return not self.waiting


@dataclass(frozen=True, slots=True)
class SearchHit:
    channel_id: str
    channel_name: str
    message_id: str
    position: int
    sender: str
    text: str
    sent_at: int


@dataclass(frozen=True, slots=True)
class Newer:
    """What :meth:`ConversationAdapter.newer` found after an arrival position."""

    rows: list[Row]
    high_water: int  # newest arrival position read
    more: bool  # a chunk limit was hit: ask again from ``high_water``


def fmt_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"

