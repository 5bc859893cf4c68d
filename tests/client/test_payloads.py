# SPDX-License-Identifier: Apache-2.0
"""Application payload encoding: round trips, forward compatibility, hostile bytes."""

from __future__ import annotations

import contextlib
import hashlib
import os

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from client import payloads as p
from client.errors import PayloadError, UsageError


def _mid() -> bytes:
    return p.new_message_id()


def _common() -> dict[str, object]:
    return {"message_id": _mid(), "sent_at": p.now_ms()}


def _blob_sha(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def every_kind() -> list[p.Payload]:
    """One instance of every known kind, with non-default field values."""
    return [
        p.Text(**_common(), body="guten Tag ✓", requires_ack=True),
        p.Reply(**_common(), body="agreed", in_reply_to=_mid()),
        p.Edit(**_common(), target=_mid(), body="corrected text"),
        p.Redact(**_common(), target=_mid()),
        p.Reaction(**_common(), target=_mid(), emoji="👍🏽", remove=True),
        p.ReadReceipt(**_common(), message_ids=(_mid(), _mid(), _mid())),
        p.Ack(**_common(), target=_mid()),
        p.Attachment(
            **_common(),
            blob_id="b-01H8XZ",
            key=os.urandom(32),
            sha256=_blob_sha(b"ciphertext"),
            size=10,
            mime_type="application/pdf",
            file_name="draft statement v3.pdf",
            caption="for Thursday",
            requires_ack=True,
        ),
        p.AgendaNotice(
            **_common(), title="Plenary 14", body="1. Opening", revision=3, pinned=False
        ),
        p.EmergencyCall(
            **_common(), meeting_at=p.now_ms() + 3_600_000, place="Room B", link="", agenda="x"
        ),
        p.Activity(**_common(), title="CBM drill", status="started", starts_at=5, exercise=True),
        p.DisappearingTimer(**_common(), seconds=86_400),
        p.DisappearingTimer(**_common(), seconds=None),
        p.LeaveRequest(**_common(), signature=os.urandom(64)),
        p.Crisis(**_common(), item=os.urandom(300)),
    ]


def test_every_kind_is_covered() -> None:
    kinds = {type(x) for x in every_kind()}
    assert kinds == set(p.KINDS.values())


@pytest.mark.parametrize("payload", every_kind(), ids=lambda x: type(x).__name__)
def test_round_trip(payload: p.Payload) -> None:
    data = p.encode(payload)
    back = p.decode(data)
    assert back == payload
    assert type(back) is type(payload)
    assert back.message_id == payload.message_id
    assert msgspec.msgpack.decode(data)["k"] == type(payload).__struct_config__.tag
    assert p.encode(back) == data  # deterministic re-encoding


def test_requires_ack_defaults() -> None:
    call = p.EmergencyCall(**_common(), meeting_at=1, link="https://meet.example/x")
    assert call.requires_ack is True
    assert p.Text(**_common(), body="x").requires_ack is False


def test_unknown_kind_is_kept_not_dropped() -> None:
    mid = _mid()
    raw = msgspec.msgpack.encode({"k": "poll", "v": 1, "id": mid, "ts": 7, "q": "lunch?"})
    got = p.decode(raw)
    assert isinstance(got, p.Unknown)
    assert (got.kind, got.version, got.message_id, got.sent_at) == ("poll", 1, mid, 7)
    assert got.raw == raw
    assert p.encode(got) == raw  # stored and re-read unchanged


def test_newer_format_version_of_known_kind_is_unknown() -> None:
    raw = msgspec.msgpack.encode({"k": "text", "v": 2, "id": _mid(), "ts": 1, "body": 5})
    got = p.decode(raw)
    assert isinstance(got, p.Unknown)
    assert got.kind == "text" and got.version == 2


def test_extra_fields_from_newer_clients_are_ignored() -> None:
    mid = _mid()
    raw = msgspec.msgpack.encode(
        {"k": "text", "v": 1, "id": mid, "ts": 1, "body": "hi", "mentions": ["x"]}
    )
    got = p.decode(raw)
    assert got == p.Text(message_id=mid, sent_at=1, body="hi")


def _raw(kind: str, **fields: object) -> bytes:
    return msgspec.msgpack.encode({"k": kind, "v": 1, "id": b"\x01" * 16, "ts": 1, **fields})


MALFORMED = {
    "not msgpack": b"\xc1",
    "empty": b"",
    "not a map": msgspec.msgpack.encode([1, 2, 3]),
    "no id": msgspec.msgpack.encode({"k": "text", "v": 1, "ts": 1, "body": "x"}),
    "short id": msgspec.msgpack.encode({"k": "text", "v": 1, "id": b"1" * 15, "ts": 1}),
    "str id": msgspec.msgpack.encode({"k": "text", "v": 1, "id": "1" * 16, "ts": 1}),
    "negative ts": msgspec.msgpack.encode({"k": "text", "v": 1, "id": b"1" * 16, "ts": -1}),
    "version 0": msgspec.msgpack.encode({"k": "text", "v": 0, "id": b"1" * 16, "ts": 1}),
    "empty kind": msgspec.msgpack.encode({"k": "", "v": 1, "id": b"1" * 16, "ts": 1}),
    "text missing body": _raw("text"),
    "text empty body": _raw("text", body=""),
    "text body int": _raw("text", body=3),
    "text oversized": _raw("text", body="a" * (p.MAX_TEXT_CHARS + 1)),
    "ack bool coerced": _raw("text", body="x", requires_ack=1),
    "reply bad target": _raw("reply", body="x", in_reply_to=b"short"),
    "reaction long emoji": _raw("react", target=b"2" * 16, emoji="x" * 33),
    "receipt empty": _raw("read", message_ids=[]),
    "receipt too many": _raw("read", message_ids=[b"3" * 16] * (p.MAX_RECEIPT_IDS + 1)),
    "attachment traversal": _raw(
        "attach",
        blob_id="b",
        key=b"k" * 32,
        sha256=b"h" * 32,
        size=1,
        mime_type="text/plain",
        file_name="../../.bashrc",
    ),
    "attachment short key": _raw(
        "attach",
        blob_id="b",
        key=b"k" * 31,
        sha256=b"h" * 32,
        size=1,
        mime_type="text/plain",
        file_name="a.txt",
    ),
    "attachment bad mime": _raw(
        "attach",
        blob_id="b",
        key=b"k" * 32,
        sha256=b"h" * 32,
        size=1,
        mime_type="text",
        file_name="a.txt",
    ),
    "attachment negative size": _raw(
        "attach",
        blob_id="b",
        key=b"k" * 32,
        sha256=b"h" * 32,
        size=-1,
        mime_type="text/plain",
        file_name="a.txt",
    ),
    "emergency nowhere": _raw("emergency", meeting_at=5),
    "agenda no title": _raw("agenda", revision=1),
    "activity bad status": _raw("activity", title="t", status="paused"),
    "timer zero": _raw("timer", seconds=0),
    "timer too long": _raw("timer", seconds=p.MAX_TIMER_SECONDS + 1),
    "oversized payload": b"\x00" * (p.MAX_PAYLOAD_BYTES + 1),
}


@pytest.mark.parametrize("data", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_raises_payload_error(data: bytes) -> None:
    with pytest.raises(PayloadError):
        p.decode(data)


def test_payload_error_does_not_echo_content() -> None:
    secret = "TOPSECRET-MARKER"
    with pytest.raises(PayloadError) as info:
        p.decode(_raw("react", target=b"2" * 16, emoji=secret * 3))
    assert secret not in str(info.value)


def test_encode_refuses_invalid_payloads() -> None:
    with pytest.raises(UsageError):
        p.encode(p.Text(message_id=b"short", sent_at=1, body="x"))
    with pytest.raises(UsageError):
        p.encode(p.Text(**_common(), body="y" * (p.MAX_TEXT_CHARS + 1)))
    with pytest.raises(UsageError):
        p.EmergencyCall(**_common(), meeting_at=1)  # no place and no link


def test_aad_round_trip_and_binding() -> None:
    text = p.Text(**_common(), body="hello")
    aad = p.build_aad(text.message_id)
    assert len(aad) == 17 and aad[0] == p.AAD_VERSION
    assert p.parse_aad(aad) == text.message_id
    assert p.decode_application(p.encode(text), aad) == text
    with pytest.raises(PayloadError):
        p.decode_application(p.encode(text), p.build_aad(_mid()))


@pytest.mark.parametrize("aad", [b"", b"\x01" + b"x" * 15, b"\x02" + b"x" * 16, b"\x01" * 18])
def test_bad_aad(aad: bytes) -> None:
    with pytest.raises(PayloadError):
        p.parse_aad(aad)


def test_build_aad_checks_length() -> None:
    with pytest.raises(UsageError):
        p.build_aad(b"x" * 15)


def test_message_ids_are_random() -> None:
    ids = {p.new_message_id() for _ in range(200)}
    assert len(ids) == 200 and all(len(i) == 16 for i in ids)


_fuzz_settings = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@_fuzz_settings
@given(st.binary(max_size=512))
def test_fuzz_random_bytes(data: bytes) -> None:
    with contextlib.suppress(PayloadError):  # anything else fails the test
        p.decode(data)


_msgpack_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**64 - 1)
    | st.text(max_size=40)
    | st.binary(max_size=40)
    | st.floats(allow_nan=False),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


@_fuzz_settings
@given(
    kind=st.sampled_from([*p.KINDS, "poll", ""]),
    mid=st.binary(min_size=14, max_size=18),
    fields=st.dictionaries(
        st.sampled_from(
            [
                "body",
                "target",
                "in_reply_to",
                "emoji",
                "message_ids",
                "key",
                "sha256",
                "size",
                "mime_type",
                "file_name",
                "blob_id",
                "title",
                "revision",
                "meeting_at",
                "place",
                "link",
                "seconds",
                "status",
                "remove",
                "requires_ack",
                "v",
                "ts",
            ]
        ),
        _msgpack_values,
        max_size=8,
    ),
)
def test_fuzz_structured(kind: str, mid: bytes, fields: dict[str, object]) -> None:
    data = msgspec.msgpack.encode({"k": kind, "v": 1, "id": mid, "ts": 1, **fields})
    try:
        got = p.decode(data)
    except PayloadError:
        return
    # Whatever decodes must re-encode to something that decodes to the same value.
    assert p.decode(p.encode(got)) == got


def test_invalid_utf8_key_is_payload_error() -> None:
    data = bytearray(_raw("text", body="xyz"))
    data[data.index(b"xyz")] = 0xFF
    with pytest.raises(PayloadError) as info:
        p.decode(bytes(data))
    assert "UTF-8" in str(info.value)


@_fuzz_settings
@given(st.integers(0, 200), st.integers(1, 255))
def test_fuzz_bit_flips_of_valid_payload(pos: int, byte: int) -> None:
    data = bytearray(p.encode(every_kind()[7]))
    data[pos % len(data)] ^= byte
    with contextlib.suppress(PayloadError):
        p.decode(bytes(data))
