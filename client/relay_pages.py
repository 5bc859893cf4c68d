# SPDX-License-Identifier: Apache-2.0
"""What the relay delivers (:class:`RelayMessage`, :class:`RelayWelcome`), and its
catch-up pages decoded in one typed pass.

A page (``GET /v1/groups/{id}/messages``) is up to 1,000 messages; decoded by the json
module and then field by field it took about 9 ms here, during which the checking
child of a catch-up sat idle; msgspec decodes it, base64 included, in about 4 ms
(docs/benchmarks.md, session 9). A page that is not one is a typed refusal: the relay
is not trusted (THREATS 2), and a KeyError is no answer.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import msgspec

from client.errors import PeerError

__all__ = ["RelayMessage", "RelayWelcome", "decode_page", "unb64u"]


def unb64u(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class RelayMessage(msgspec.Struct, frozen=True):
    """One entry of a group's total order, as the relay delivered it (a frozen msgspec
    struct: a catch-up makes thousands, several times faster than a frozen dataclass)."""

    group_id: bytes
    seq: int
    sender: str
    client_msg_id: str
    message: bytes
    #: The relay voided this commit after the charter's missions refused it (at least
    #: two, and more than half), or it follows such a commit: the engine skips it.
    voided: bool = False


@dataclass(frozen=True, slots=True)
class RelayWelcome:
    """A Welcome and the accepted commit it rode on (``None`` if the relay sent none:
    the engine then refuses it, THREATS 6), at ``seq`` of the group's order (0 if the
    relay did not say): the joined channel's cursor starts there, so a message withheld
    right after the join is a reported gap."""

    id: int
    sender: str
    message: bytes
    commit: bytes | None = None
    seq: int = 0
    #: the group the commit at ``seq`` belongs to (empty if the relay did not say)
    group_id: bytes = b""


class _PageEntry(msgspec.Struct):
    group_id: str
    seq: int
    sender: str
    client_msg_id: str
    message: bytes  # standard base64 in the JSON, decoded by msgspec
    voided: bool = False


class _Page(msgspec.Struct):
    messages: list[_PageEntry]
    last_seq: int


_page_decoder = msgspec.json.Decoder(_Page)


def decode_page(data: bytes) -> tuple[list[RelayMessage], int]:
    """A catch-up page: its messages and the group's last sequence number.

    Raises:
        PeerError: the relay's answer is not a page of messages.
    """
    try:
        page = _page_decoder.decode(data)
        groups: dict[str, bytes] = {}  # a page is one group's: its id decoded once
        out = []
        for m in page.messages:
            gid = groups.get(m.group_id)
            if gid is None:
                gid = groups[m.group_id] = unb64u(m.group_id)
            out.append(RelayMessage(gid, m.seq, m.sender, m.client_msg_id, m.message,
                                    m.voided))
    except (msgspec.DecodeError, ValueError) as exc:  # binascii.Error is a ValueError
        raise PeerError(f"the relay's page of messages is malformed: {exc}") from None
    return out, page.last_seq
