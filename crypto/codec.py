# SPDX-License-Identifier: Apache-2.0
"""The TLS presentation language as MLS uses it (RFC 9420 section 2.1).

Integers are big-endian and fixed-width; variable-length vectors ``<V>`` carry a
QUIC-style varint length (RFC 9420 section 2.1.2) that must be minimal, may not use
the 8-byte form, and may not exceed the bytes that remain. Optionals are a one-byte
presence flag (0 or 1, nothing else).

Decoding reads from a :class:`Reader` that never slices beyond its buffer and raises
only :class:`~crypto.errors.DecodeError`, so hostile input costs at most its own size.
Wire structs implement :class:`Struct`: ``encode(w)`` and ``decode(r)``, with
``to_bytes()``/``from_bytes()`` wrappers that demand the whole input be consumed.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar, Self, TypeVar

from crypto.errors import DecodeError, UsageError

__all__ = [
    "MAX_VARINT",
    "Reader",
    "Struct",
    "Writer",
    "decode_varint",
    "encode_varint",
    "opaque_v",
    "varint_size",
]

T = TypeVar("T")

_UINT_CODES = {1: "B", 2: "H", 4: "I", 8: "Q"}  # struct codes of big-endian uintN

MAX_VARINT = (1 << 30) - 1


def varint_size(n: int) -> int:
    """Bytes the minimal varint encoding of ``n`` takes."""
    if n < 0 or n > MAX_VARINT:
        raise UsageError("varint out of range")
    if n < 1 << 6:
        return 1
    if n < 1 << 14:
        return 2
    return 4


def encode_varint(n: int) -> bytes:
    """Minimal MLS varint (1, 2 or 4 bytes)."""
    size = varint_size(n)
    if size == 1:
        return bytes((n,))
    if size == 2:
        return (0x4000 | n).to_bytes(2, "big")
    return (0x80000000 | n).to_bytes(4, "big")


def decode_varint(
    data: bytes | memoryview, pos: int = 0, end: int | None = None
) -> tuple[int, int]:
    """Decode a varint at ``pos`` not reading at or past ``end``; return (value, new position)."""
    limit = len(data) if end is None else min(end, len(data))
    if pos >= limit:
        raise DecodeError("truncated varint")
    first = data[pos]
    prefix = first >> 6
    if prefix == 3:
        raise DecodeError("invalid varint prefix")
    size = 1 << prefix
    if pos + size > limit:
        raise DecodeError("truncated varint")
    value = first & 0x3F
    for i in range(1, size):
        value = (value << 8) | data[pos + i]
    if size > 1 and value < (1 << (8 * (size // 2) - 2)):
        raise DecodeError("non-minimal varint")
    return value, pos + size


def opaque_v(data: bytes) -> bytes:
    """``opaque data<V>``: varint length then the bytes."""
    return encode_varint(len(data)) + data


class Reader:
    """A bounded cursor over untrusted bytes."""

    __slots__ = ("_data", "_end", "_pos")

    def __init__(
        self, data: bytes | bytearray | memoryview, start: int = 0, end: int | None = None
    ) -> None:
        self._data = bytes(data) if not isinstance(data, bytes) else data
        self._pos = start
        self._end = len(self._data) if end is None else end

    @property
    def remaining(self) -> int:
        return self._end - self._pos

    @property
    def position(self) -> int:
        return self._pos

    def read(self, n: int) -> bytes:
        if n < 0 or self._pos + n > self._end:
            raise DecodeError("truncated input")
        out = self._data[self._pos : self._pos + n]
        self._pos += n
        return out

    def _uint(self, n: int) -> int:
        pos = self._pos
        stop = pos + n
        if stop > self._end:
            raise DecodeError("truncated input")
        self._pos = stop
        return int.from_bytes(self._data[pos:stop], "big")

    def u8(self) -> int:
        pos = self._pos
        if pos >= self._end:
            raise DecodeError("truncated input")
        self._pos = pos + 1
        return self._data[pos]

    def u16(self) -> int:
        return self._uint(2)

    def u32(self) -> int:
        return self._uint(4)

    def u64(self) -> int:
        return self._uint(8)

    def varint(self) -> int:
        # Bounded by ``end`` rather than a slice: slicing would copy the buffer per varint.
        value, pos = decode_varint(self._data, self._pos, self._end)
        self._pos = pos
        return value

    def span(self, start: int) -> bytes:
        """The bytes from position ``start`` (already read) up to the current one."""
        if not 0 <= start <= self._pos:
            raise UsageError("span start after the current position")
        return self._data[start : self._pos]

    def opaque_v(self) -> bytes:
        """``opaque x<V>``."""
        pos, end, data = self._pos, self._end, self._data
        first = data[pos] if pos < end else 0xFF
        if first < 0x40:  # one-byte length: the common case, inline
            start = pos + 1
            stop = start + first
        elif first < 0x80 and pos + 1 < end:  # two bytes: a message's body and signature
            n = ((first & 0x3F) << 8) | data[pos + 1]
            if n < 0x40:
                raise DecodeError("non-minimal varint")
            start = pos + 2
            stop = start + n
        else:
            n = self.varint()
            start = self._pos
            stop = start + n
        if stop > end:
            raise DecodeError("truncated input")
        self._pos = stop
        return data[start:stop]

    def opaque_fixed(self, n: int) -> bytes:
        return self.read(n)

    def boolean(self) -> bool:
        b = self.u8()
        if b > 1:
            raise DecodeError("invalid boolean")
        return b == 1

    def optional(self, item: Callable[[Reader], T]) -> T | None:
        """``optional<T>``: presence byte 0 or 1."""
        if self.boolean():
            return item(self)
        return None

    def sub(self) -> Reader:
        """A reader over the next ``<V>`` vector's contents; skips them here."""
        length = self.varint()
        if length > self.remaining:
            raise DecodeError("vector longer than input")
        sub = Reader(self._data, self._pos, self._pos + length)
        self._pos += length
        return sub

    def vector(self, item: Callable[[Reader], T]) -> list[T]:
        """``T items<V>``: items until the vector's bytes are used up exactly."""
        pos = self._pos
        if pos < self._end and self._data[pos] == 0:  # empty: the common case, inline
            self._pos = pos + 1
            return []
        sub = self.sub()
        out: list[T] = []
        while sub.remaining:
            before = sub.position
            out.append(item(sub))
            if sub.position == before:  # pragma: no cover - zero-width items never occur in MLS
                raise DecodeError("zero-length vector element")
        return out

    def uint_vector(self, n: int) -> tuple[int, ...]:
        """``uintN items<V>`` (``n`` bytes each): as ``vector`` with a uint reader, in
        one slice; DecodeError if the vector's length is not a multiple of ``n``."""
        data = self.opaque_v()
        if len(data) % n:
            raise DecodeError("truncated input")
        if not data:
            return ()
        values: tuple[int, ...] = struct.unpack(f">{len(data) // n}{_UINT_CODES[n]}", data)
        return values

    def finish(self) -> None:
        if self._pos != self._end:
            raise DecodeError("trailing bytes")


class Writer:
    """Accumulates an encoding."""

    __slots__ = ("_buf",)

    def __init__(self) -> None:
        self._buf = bytearray()

    def getvalue(self) -> bytes:
        return bytes(self._buf)

    def write(self, data: bytes) -> None:
        self._buf += data

    def _uint(self, value: int, n: int) -> None:
        if value < 0 or value >= 1 << (8 * n):
            raise UsageError(f"value does not fit in uint{8 * n}")
        self._buf += value.to_bytes(n, "big")

    def u8(self, v: int) -> None:
        self._uint(v, 1)

    def u16(self, v: int) -> None:
        self._uint(v, 2)

    def u32(self, v: int) -> None:
        self._uint(v, 4)

    def u64(self, v: int) -> None:
        self._uint(v, 8)

    def varint(self, v: int) -> None:
        self._buf += encode_varint(v)

    def opaque_v(self, data: bytes) -> None:
        self.varint(len(data))
        self._buf += data

    def opaque_fixed(self, data: bytes, n: int) -> None:
        if len(data) != n:
            raise UsageError(f"expected {n} bytes")
        self._buf += data

    def boolean(self, v: bool) -> None:
        self.u8(1 if v else 0)

    def optional(self, value: T | None, item: Callable[[Writer, T], None]) -> None:
        if value is None:
            self.u8(0)
        else:
            self.u8(1)
            item(self, value)

    def vector(self, items: Iterable[T], item: Callable[[Writer, T], None]) -> None:
        inner = Writer()
        for it in items:
            item(inner, it)
        self.opaque_v(inner.getvalue())


class Struct:
    """Base of wire structs: subclasses define ``encode`` and ``decode``."""

    __slots__ = ()
    _wire_name: ClassVar[str] = ""

    def encode(self, w: Writer) -> None:
        raise NotImplementedError

    @classmethod
    def decode(cls, r: Reader) -> Self:
        raise NotImplementedError

    def to_bytes(self) -> bytes:
        w = Writer()
        self.encode(w)
        return w.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> Self:
        """Decode exactly ``data``; any error is a :class:`DecodeError`."""
        r = Reader(data)
        try:
            value = cls.decode(r)
        except DecodeError:
            raise
        except (ValueError, TypeError, OverflowError) as exc:  # enum or field validation
            raise DecodeError(f"invalid {cls.__name__}: {exc}") from None
        r.finish()
        return value


def write_structs(w: Writer, items: Sequence[Struct]) -> None:
    """``T items<V>`` for structs."""
    w.vector(items, lambda ww, it: it.encode(ww))
