# SPDX-License-Identifier: Apache-2.0
"""The TLS presentation codec: byte-exact, minimal, and typed errors on hostile input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crypto.codec import Reader, Writer, decode_varint, encode_varint
from crypto.errors import DecodeError, UsageError

# RFC 9420 section 2.1.2 / RFC 9000 appendix A.1 examples, limited to MLS's 1-4 byte forms.
VARINT_CASES = [
    (0, "00"), (37, "25"), (63, "3f"), (64, "4040"), (15293, "7bbd"),
    (16383, "7fff"), (16384, "80004000"), (494878333, "9d7f3e7d"), ((1 << 30) - 1, "bfffffff"),
]


@pytest.mark.parametrize(("value", "hexed"), VARINT_CASES)
def test_varint_known_encodings(value: int, hexed: str) -> None:
    assert encode_varint(value).hex() == hexed
    assert decode_varint(bytes.fromhex(hexed)) == (value, len(hexed) // 2)


@pytest.mark.parametrize("hexed", ["4025", "40", "80000025", "80003fff", "c000000000000001", "ff"])
def test_varint_rejects_non_minimal_truncated_and_8_byte(hexed: str) -> None:
    with pytest.raises(DecodeError):
        decode_varint(bytes.fromhex(hexed))


@pytest.mark.parametrize("n", [0, 1, 63, 64, 65, 300, 16383, 16384, 70000])
def test_opaque_v_reads_every_length_form(n: int) -> None:
    """``Reader.opaque_v`` reads one- and two-byte lengths in place (a message's body
    and signature take two): the same bytes and position as the general varint path."""
    body = bytes(range(256)) * (n // 256) + bytes(range(n % 256))
    data = b"\xaa" + encode_varint(n) + body + b"\xbb"
    r = Reader(data, 1)
    assert r.opaque_v() == body and r.position == len(data) - 1


@pytest.mark.parametrize("hexed", ["4000", "4025", "403f", "40", "4100", "7fff00",
                                   "80000025", "80003fff", "c000"])
def test_opaque_v_refuses_non_minimal_truncated_and_8_byte_lengths(hexed: str) -> None:
    with pytest.raises(DecodeError):
        Reader(bytes.fromhex(hexed)).opaque_v()
    with pytest.raises(DecodeError):  # the same within a bounded reader
        Reader(bytes.fromhex(hexed) + b"\x00" * 70, 0, len(hexed) // 2).opaque_v()


def test_varint_range() -> None:
    with pytest.raises(UsageError):
        encode_varint(1 << 30)
    with pytest.raises(UsageError):
        encode_varint(-1)


@given(st.integers(min_value=0, max_value=(1 << 30) - 1))
def test_varint_roundtrip(n: int) -> None:
    data = encode_varint(n)
    assert decode_varint(data) == (n, len(data))


def test_vector_length_beyond_input() -> None:
    r = Reader(bytes.fromhex("05aabb"))
    with pytest.raises(DecodeError):
        r.opaque_v()


def test_vector_item_overrun_is_caught() -> None:
    # Vector claims 3 bytes holding a uint16 then a partial uint16.
    r = Reader(bytes.fromhex("03000100"))
    with pytest.raises(DecodeError):
        r.vector(lambda rr: rr.u16())


def test_optional_rejects_bad_flag() -> None:
    with pytest.raises(DecodeError):
        Reader(b"\x02").optional(lambda rr: rr.u8())


def test_finish_rejects_trailing_bytes() -> None:
    r = Reader(b"\x00\x01")
    r.u8()
    with pytest.raises(DecodeError):
        r.finish()


def test_writer_reader_roundtrip() -> None:
    w = Writer()
    w.u8(1)
    w.u16(513)
    w.u32(7)
    w.u64(1 << 40)
    w.opaque_v(b"corridor")
    w.optional(None, Writer.u8)
    w.optional(9, Writer.u8)
    w.vector([1, 2, 3], Writer.u16)
    data = w.getvalue()
    r = Reader(data)
    assert (r.u8(), r.u16(), r.u32(), r.u64()) == (1, 513, 7, 1 << 40)
    assert r.opaque_v() == b"corridor"
    assert r.optional(Reader.u8) is None
    assert r.optional(Reader.u8) == 9
    assert r.vector(Reader.u16) == [1, 2, 3]
    r.finish()


def test_writer_refuses_overflow() -> None:
    with pytest.raises(UsageError):
        Writer().u8(256)


@given(st.binary(max_size=64))
def test_reader_never_raises_untyped(data: bytes) -> None:
    r = Reader(data)
    try:
        while r.remaining:
            r.vector(lambda rr: rr.opaque_v())
    except DecodeError:
        pass
