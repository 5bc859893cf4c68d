# SPDX-License-Identifier: Apache-2.0
"""GroupContext (RFC 9420 section 8.1) and the PSK identifiers (section 8.4).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self

from crypto.codec import Reader, Struct, Writer
from crypto.messages.common import ProtocolVersion, PSKType, ResumptionPSKUsage, _enum, _require
from crypto.messages.credentials import Extension, _get_extensions, _put_extensions


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupContext(Struct):
    """RFC 9420 section 8.1::

        struct {
            ProtocolVersion version = mls10;   CipherSuite cipher_suite;
            opaque group_id<V>;                uint64 epoch;
            opaque tree_hash<V>;               opaque confirmed_transcript_hash<V>;
            Extension extensions<V>;
        } GroupContext;
    """

    version: int = ProtocolVersion.mls10
    cipher_suite: int
    group_id: bytes
    epoch: int
    tree_hash: bytes
    confirmed_transcript_hash: bytes
    extensions: tuple[Extension, ...] = ()

    def encode(self, w: Writer) -> None:
        w.u16(self.version)
        w.u16(self.cipher_suite)
        w.opaque_v(self.group_id)
        w.u64(self.epoch)
        w.opaque_v(self.tree_hash)
        w.opaque_v(self.confirmed_transcript_hash)
        _put_extensions(w, self.extensions)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(version=r.u16(), cipher_suite=r.u16(), group_id=r.opaque_v(),
                   epoch=r.u64(), tree_hash=r.opaque_v(),
                   confirmed_transcript_hash=r.opaque_v(), extensions=_get_extensions(r))


@dataclass(frozen=True, slots=True, kw_only=True)
class PreSharedKeyID(Struct):
    """RFC 9420 section 8.4::

        struct {
            PSKType psktype;
            select (psktype) {
                case external:   opaque psk_id<V>;
                case resumption: ResumptionPSKUsage usage;
                                 opaque psk_group_id<V>;  uint64 psk_epoch;
            };
            opaque psk_nonce<V>;
        } PreSharedKeyID;
    """

    psktype: PSKType
    psk_id: bytes | None = None
    usage: ResumptionPSKUsage | None = None
    psk_group_id: bytes | None = None
    psk_epoch: int | None = None
    psk_nonce: bytes

    def __post_init__(self) -> None:
        ext = self.psktype == PSKType.external
        _require((self.psk_id is not None) == ext, "psk_id is present exactly for external")
        res = (self.usage, self.psk_group_id, self.psk_epoch)
        _require(all(x is None for x in res) if ext else all(x is not None for x in res),
                 "usage, psk_group_id and psk_epoch are present exactly for resumption")

    def encode(self, w: Writer) -> None:
        w.u8(self.psktype)
        if self.psk_id is not None:
            w.opaque_v(self.psk_id)
        elif self.usage is not None and self.psk_group_id is not None \
                and self.psk_epoch is not None:
            w.u8(self.usage)
            w.opaque_v(self.psk_group_id)
            w.u64(self.psk_epoch)
        w.opaque_v(self.psk_nonce)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        psktype = _enum(PSKType, r.u8())
        if psktype == PSKType.external:
            return cls(psktype=psktype, psk_id=r.opaque_v(), psk_nonce=r.opaque_v())
        usage = _enum(ResumptionPSKUsage, r.u8())
        return cls(psktype=psktype, usage=usage, psk_group_id=r.opaque_v(),
                   psk_epoch=r.u64(), psk_nonce=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class PSKLabel(Struct):
    """``struct { PreSharedKeyID id; uint16 index; uint16 count; } PSKLabel`` (section 8.4)."""

    id: PreSharedKeyID
    index: int
    count: int

    def encode(self, w: Writer) -> None:
        self.id.encode(w)
        w.u16(self.index)
        w.u16(self.count)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(id=PreSharedKeyID.decode(r), index=r.u16(), count=r.u16())
