# SPDX-License-Identifier: Apache-2.0
"""The few unencrypted MLSMessage header fields the relay may read (RFC 9420 section 6).

::

    struct {
        ProtocolVersion version = mls10;      // uint16, 1
        WireFormat wire_format;               // uint16
        select (wire_format) {
            case mls_public_message:  PublicMessage;   // FramedContent first:
                //   opaque group_id<V>; uint64 epoch; Sender sender;
                //   opaque authenticated_data<V>; ContentType content_type; ...
            case mls_private_message: PrivateMessage;
                //   opaque group_id<V>; uint64 epoch; ContentType content_type; ...
            ...
        };
    } MLSMessage;

Of an application PrivateMessage everything after ``content_type`` stays opaque: the
relay routes ciphertext, it never parses it. A commit is a PublicMessage, which the
relay parses and verifies in full (:mod:`server_stub.authority`). Parsing raises
:class:`~crypto.errors.DecodeError` only.
"""

from __future__ import annotations

from dataclasses import dataclass

from crypto.codec import Reader
from crypto.errors import DecodeError

__all__ = [
    "COMMIT",
    "PRIVATE_MESSAGE",
    "PUBLIC_MESSAGE",
    "GroupMessageHeader",
    "parse_group_message",
]

MLS10 = 1
PUBLIC_MESSAGE = 1
PRIVATE_MESSAGE = 2
APPLICATION = 1
PROPOSAL = 2
COMMIT = 3
_SENDER_MEMBER, _SENDER_EXTERNAL = 1, 2
_SENDER_NEW_MEMBER_PROPOSAL, _SENDER_NEW_MEMBER_COMMIT = 3, 4


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupMessageHeader:
    """Routing fields of a PublicMessage or PrivateMessage."""

    wire_format: int
    group_id: bytes
    epoch: int
    content_type: int

    @property
    def is_commit(self) -> bool:
        return self.content_type == COMMIT


def _sender(r: Reader) -> None:
    kind = r.u8()
    if kind in (_SENDER_MEMBER, _SENDER_EXTERNAL):
        r.u32()
    elif kind not in (_SENDER_NEW_MEMBER_PROPOSAL, _SENDER_NEW_MEMBER_COMMIT):
        raise DecodeError("unknown sender type")


def parse_group_message(data: bytes) -> GroupMessageHeader:
    """Read version, wire format, group id, epoch and content type of a group message."""
    r = Reader(data)
    if r.u16() != MLS10:
        raise DecodeError("unsupported protocol version")
    wire_format = r.u16()
    if wire_format == PRIVATE_MESSAGE:
        group_id = r.opaque_v()
        epoch = r.u64()
        content_type = r.u8()
    elif wire_format == PUBLIC_MESSAGE:
        group_id = r.opaque_v()
        epoch = r.u64()
        _sender(r)
        r.opaque_v()  # authenticated_data
        content_type = r.u8()
    else:
        raise DecodeError("not a group message (PublicMessage or PrivateMessage)")
    if content_type not in (APPLICATION, PROPOSAL, COMMIT):
        raise DecodeError("unknown content type")
    if not group_id:
        raise DecodeError("empty group id")
    return GroupMessageHeader(
        wire_format=wire_format, group_id=group_id, epoch=epoch, content_type=content_type
    )
