# SPDX-License-Identifier: Apache-2.0
"""Compact plaintext of a sealed message row: raw DEFLATE (stdlib zlib) with a preset
dictionary, applied before sealing (:mod:`client.store.sealing`).

Why: a stored message is its sender and its payload's msgpack map, whose keys
(``"k"``, ``"id"``, ``"ts"``, ``"body"``, ``"requires_ack"``, ...) and message id (also
the row's key) repeat in every row. The dictionary holds those keys and, per row, the
row's own message id, so they shrink to back-references; the text compresses as text
does. A row is packed only when that makes it shorter; an unpacked row (and every row
written before this module) is the msgpack array itself, whose first byte ``0x92``
can never be :data:`PACKED`.

Confidentiality: the sealed length now follows the compressed length instead of the
plain length. A row holds one message by one author and the dictionary is public
(plus the row's message id, a plain column), so no secret shares a compression
context with text someone else chose: the length-based attacks on compression
(CRIME, BREACH) need both in one context and an attacker who watches lengths while
choosing text; here a reader of the file learns how compressible one message is,
where before it learned how long it was. See docs/threats.md (20).

The dictionary is fixed for :data:`PACKED` = 1: changing it needs a new marker, as
rows packed with it must still open.
"""

from __future__ import annotations

import zlib
from typing import Final

__all__ = ["PACKED", "pack", "unpack"]

#: First plaintext byte of a packed row (a msgpack array of two starts with 0x92).
PACKED: Final = 1
_LIMIT: Final = 64 << 20
_WBITS: Final = 12  # a 4 KiB window: rows are short, and a small window is fast to set up
#: Keys of the payload kinds (client.payloads) less common first; the row's own id and
#: a text message's shape last, nearest the data.
_DICT_HEAD: Final = (
    b"\xa5react\xa5emoji\xa6remove\xa4read\xabmessage_ids\x91\xa3ack\xa6attach"
    b"\xa7blob_id\xa3key\xc4 \xa6sha256\xc4 \xa4size\xa9mime_type\xa9file_name\xa7caption"
    b"\xa6agenda\xa5title\xa8revision\xa6pinned\xa5reply\xabin_reply_to\xc4\x10\xa4edit"
    b"\xa6target\xc4\x10\x92\xc4\x87\xa1k\xa4text\xa2id\xc4\x10"
)
_DICT_TAIL: Final = b"\xa2ts\xcf\x00\x00\x01\xa1v\x01\xa2mk\xa0\xa4body\xacrequires_ack\xc2"


def _dictionary(message_id: bytes) -> bytes:
    return _DICT_HEAD + message_id + _DICT_TAIL


def pack(plain: bytes, message_id: bytes) -> bytes:
    """``plain`` packed for the row of ``message_id``, or as it is when that is shorter."""
    z = zlib.compressobj(9, zlib.DEFLATED, -_WBITS, 8, zlib.Z_DEFAULT_STRATEGY,
                         _dictionary(message_id))
    packed = z.compress(plain) + z.flush()
    return bytes((PACKED,)) + packed if len(packed) + 1 < len(plain) else plain

def unpack(data: bytes, message_id: bytes) -> bytes:
    """The row's msgpack plaintext.

    Raises:
        ValueError: a packed row that does not inflate (the caller reports it damaged).
    """
    if not data or data[0] != PACKED:
        return data
    z = zlib.decompressobj(-_WBITS, zdict=_dictionary(message_id))
    try:
        out = z.decompress(data[1:], _LIMIT)
    except zlib.error as exc:
        raise ValueError(f"a packed row does not inflate: {exc}") from None
    if not z.eof or z.unconsumed_tail or z.unused_data:
        raise ValueError("a packed row is truncated, too long or has trailing bytes")
    return out
