# SPDX-License-Identifier: Apache-2.0
"""The app's own display shapes: a channel in the channel list, and a chunk of newly
arrived messages. Messages, members, trackers and search hits are painted straight from
the core's shapes (:mod:`client.model`); these two add what only the app asks for (what
this device may post, where the unread count starts, how far the app has read).
"""

from __future__ import annotations

from dataclasses import dataclass

from client.model import MessageView

__all__ = ["ChannelSummary", "Newer"]


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
    #: the highest classification marking the channel carries (its charter's ceiling)
    ceiling: str = ""
    #: the venue's classification levels, lowest first (its signed policy's scheme)
    levels: tuple[str, ...] = ()
    #: the levels this channel's ceiling allows, lowest first (what the composer offers)
    allowed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Newer:
    """What :meth:`ConversationAdapter.newer` found after an arrival position."""

    rows: list[MessageView]
    high_water: int  # newest arrival position read
    more: bool  # a chunk limit was hit: ask again from ``high_water``
