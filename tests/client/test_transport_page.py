# SPDX-License-Identifier: Apache-2.0
"""A catch-up page from the relay is decoded in one typed pass (client.relay_pages):
the same messages as the relay's JSON says, and anything else (a relay that is broken
or hostile, THREATS 2) a typed :class:`PeerError`, never a KeyError or a half-read
page."""

from __future__ import annotations

import base64
import json
import os

import pytest

from client.errors import PeerError
from client.relay_pages import decode_page
from client.transport import RelayMessage, b64u


def _entry(gid: bytes, seq: int, **extra: object) -> dict[str, object]:
    return {"group_id": b64u(gid), "seq": seq, "sender": os.urandom(32).hex(),
            "client_msg_id": os.urandom(16).hex(),
            "message": base64.b64encode(os.urandom(40 + seq)).decode(),
            "received_at": 1_800_000_000_000, **extra}


def _gid(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def test_a_page_decodes_to_what_its_json_says() -> None:
    gid, other = os.urandom(32), os.urandom(16)
    entries = [_entry(gid, 1), _entry(gid, 2, voided=True), _entry(other, 7)]
    msgs, last = decode_page(json.dumps({"messages": entries, "last_seq": 9}).encode())
    assert last == 9
    assert msgs == [RelayMessage(_gid(str(e["group_id"])), int(str(e["seq"])), str(e["sender"]),
                                 str(e["client_msg_id"]), base64.b64decode(str(e["message"])),
                                 e.get("voided") is True) for e in entries]
    assert [m.group_id for m in msgs] == [gid, gid, other]
    assert [m.voided for m in msgs] == [False, True, False]
    assert decode_page(b'{"messages": [], "last_seq": 0}') == ([], 0)


@pytest.mark.parametrize("mangle", [
    lambda p: p.replace(b'"seq"', b'"sequence"'),  # a field missing
    lambda p: p.replace(b'"seq": 1', b'"seq": "1"'),  # a field of the wrong type
    lambda p: p.replace(b'"last_seq": 9', b'"last_seq": null'),
    lambda p: p[: len(p) // 2],  # truncated
    lambda p: b"[" + p + b"]",  # not an object
    lambda p: p.replace(b'"message": "', b'"message": "!!'),  # not base64
    lambda p: p.replace(b'"group_id": "', b'"group_id": "%'),  # not base64url
    lambda p: b"\xff" + p,  # not UTF-8
])
def test_a_malformed_page_is_a_typed_refusal(mangle: object) -> None:
    page = json.dumps({"messages": [_entry(os.urandom(32), 1)], "last_seq": 9}).encode()
    decode_page(page)  # the page itself is fine
    assert callable(mangle)
    with pytest.raises(PeerError, match="page of messages is malformed"):
        decode_page(mangle(page))
