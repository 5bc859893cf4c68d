# SPDX-License-Identifier: Apache-2.0
"""Senders by name: each channel member's display name and mission name, read from the
certificate chain that verifies to the venue root, never from what a message says.

A name is only as good as its certificate: a delegate whose devices carry different
names, or two delegates who share a name in one channel, get their id shown beside the
name, so that nobody can pass for someone else by choosing a look-alike name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from client.errors import ClientError
from client.trust import Trust
from crypto.errors import CryptoError

if TYPE_CHECKING:
    from client.engine import Engine

__all__ = ["SenderName", "channel_names", "member_label", "member_labels", "names_from_chains",
           "person_label"]


@dataclass(frozen=True, slots=True)
class SenderName:
    """What a delegate's verified certificates say about them in one channel."""

    display_name: str
    mission_name: str
    #: the name alone does not single the delegate out: show their id beside it
    ambiguous: bool = False


def names_from_chains(trust: Trust, chains: Iterable[Iterable[bytes]]
                      ) -> dict[str, SenderName]:
    """``"mission/delegate"`` -> name, from every chain that verifies (others are left
    out: their senders keep their bare id)."""
    seen: dict[str, set[tuple[str, str]]] = {}
    for chain in chains:
        try:
            vid = trust.verify_chain(list(chain))
        except (CryptoError, ValueError):
            continue
        if not vid.display_name.strip():
            continue
        seen.setdefault(f"{vid.mission_id}/{vid.delegate_id}", set()).add(
            (vid.display_name, vid.mission_name))
    holders: dict[str, set[str]] = {}
    for who, names in seen.items():
        for display, _mission in names:
            holders.setdefault(display.casefold(), set()).add(who)
    out: dict[str, SenderName] = {}
    for who, names in seen.items():
        display, mission = sorted(names)[0]
        shared = len(holders[display.casefold()]) > 1
        out[who] = SenderName(display, mission, ambiguous=len(names) > 1 or shared)
    return out


def channel_names(engine: Engine, cid: bytes) -> Mapping[str, SenderName]:
    """The names of a channel's current members; none for a channel this device holds
    no group for (left, never joined)."""
    try:
        members = engine.members(cid)
    except ClientError:
        return {}
    return names_from_chains(engine.trust, (m.chain for m in members))



def member_label(who: str, names: Mapping[str, SenderName]) -> str:
    """How the desks write a member id: "Ana (alderia/ana)". The id always stands
    beside the name there (calls, sign-offs, votes carry authority, and the desks span
    channels), and alone when no verified certificate names the member."""
    n = names.get(who)
    return f"{n.display_name} ({who})" if n is not None else who


def person_label(who: str, names: Mapping[str, SenderName]) -> str:
    """How a person is written where a conversation names them in passing (who read a
    message, who reacted, who set the timer): the verified name alone when it singles
    them out, "Ana (alderia/ana)" beside a name another member shares (or their devices
    disagree on), the bare id when no verified certificate names them, the rule of the
    member pane and the emergency banner (:attr:`client.model.MemberView.label`), with
    the whole id where there is no mission around to place a bare delegate id."""
    n = names.get(who)
    if n is None:
        return who
    return f"{n.display_name} ({who})" if n.ambiguous else n.display_name


def member_labels(engine: Engine, channel_ids: Iterable[bytes]) -> dict[str, str]:
    """Member id -> :func:`member_label`, for every current member of the given
    channels (each distinct chain verified once): what a desk view carries, computed
    once per refresh on the core's thread."""
    chains: dict[tuple[bytes, ...], None] = {}
    for cid in channel_ids:
        try:
            members = engine.members(cid)
        except ClientError:
            continue
        for m in members:
            chains.setdefault(tuple(bytes(c) for c in m.chain), None)
    names = names_from_chains(engine.trust, chains)
    return {who: member_label(who, names) for who in names}
