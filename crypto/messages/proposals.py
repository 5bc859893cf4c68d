# SPDX-License-Identifier: Apache-2.0
"""KeyPackage and its reference (RFC 9420 section 10), proposals and Commit
(sections 12.1 to 12.4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Self

from crypto.codec import Reader, Struct, Writer
from crypto.errors import DecodeError
from crypto.messages.common import (
    KEY_PACKAGE_REF_LABEL,
    ProposalOrRefType,
    ProposalType,
    ProtocolVersion,
    RefHasher,
    _enum,
    _put,
    _ref_hash,
    _require,
    _structs,
)
from crypto.messages.context import PreSharedKeyID
from crypto.messages.credentials import Extension, _get_extensions, _put_extensions
from crypto.messages.nodes import LeafNode, UpdatePath


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyPackage(Struct):
    """RFC 9420 section 10 (unverified until its and its leaf's signatures check)::

        struct {
            ProtocolVersion version;    CipherSuite cipher_suite;
            HPKEPublicKey init_key;     LeafNode leaf_node;
            Extension extensions<V>;
            opaque signature<V>;        // SignWithLabel(., "KeyPackageTBS", KeyPackageTBS)
        } KeyPackage;
    """

    version: int = ProtocolVersion.mls10
    cipher_suite: int
    init_key: bytes
    leaf_node: LeafNode
    extensions: tuple[Extension, ...] = ()
    signature: bytes = b""

    def tbs_bytes(self) -> bytes:
        """The encoded ``KeyPackageTBS`` (every field but the signature)."""
        w = Writer()
        w.u16(self.version)
        w.u16(self.cipher_suite)
        w.opaque_v(self.init_key)
        self.leaf_node.encode(w)
        _put_extensions(w, self.extensions)
        return w.getvalue()

    tbs = tbs_bytes  # the name docs/crypto-interfaces.md uses

    def encode(self, w: Writer) -> None:
        w.write(self.tbs_bytes())
        w.opaque_v(self.signature)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(version=r.u16(), cipher_suite=r.u16(), init_key=r.opaque_v(),
                   leaf_node=LeafNode.decode(r), extensions=_get_extensions(r),
                   signature=r.opaque_v())


def make_key_package_ref(ref_hash: RefHasher, key_package: KeyPackage | bytes) -> bytes:
    """``KeyPackageRef = RefHash("MLS 1.0 KeyPackage Reference", KeyPackage)`` (section 5.2).

    Args:
        ref_hash: the key package's suite's ``ref_hash`` (or the suite object).
        key_package: the KeyPackage, or its exact encoding as received.
    """
    value = key_package if isinstance(key_package, bytes) else key_package.to_bytes()
    return _ref_hash(ref_hash, KEY_PACKAGE_REF_LABEL, value)


@dataclass(frozen=True, slots=True, kw_only=True)
class Add(Struct):
    """``struct { KeyPackage key_package; } Add``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.add
    key_package: KeyPackage

    def encode(self, w: Writer) -> None:
        self.key_package.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(key_package=KeyPackage.decode(r))


@dataclass(frozen=True, slots=True, kw_only=True)
class Update(Struct):
    """``struct { LeafNode leaf_node; } Update``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.update
    leaf_node: LeafNode

    def encode(self, w: Writer) -> None:
        self.leaf_node.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(leaf_node=LeafNode.decode(r))


@dataclass(frozen=True, slots=True, kw_only=True)
class Remove(Struct):
    """``struct { uint32 removed; } Remove``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.remove
    removed: int

    def encode(self, w: Writer) -> None:
        w.u32(self.removed)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(removed=r.u32())


@dataclass(frozen=True, slots=True, kw_only=True)
class PreSharedKey(Struct):
    """``struct { PreSharedKeyID psk; } PreSharedKey``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.psk
    psk: PreSharedKeyID

    def encode(self, w: Writer) -> None:
        self.psk.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(psk=PreSharedKeyID.decode(r))


@dataclass(frozen=True, slots=True, kw_only=True)
class ReInit(Struct):
    """``struct { opaque group_id<V>; ProtocolVersion version; CipherSuite cipher_suite;
    Extension extensions<V>; } ReInit``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.reinit
    group_id: bytes
    version: int = ProtocolVersion.mls10
    cipher_suite: int
    extensions: tuple[Extension, ...] = ()

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.group_id)
        w.u16(self.version)
        w.u16(self.cipher_suite)
        _put_extensions(w, self.extensions)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(group_id=r.opaque_v(), version=r.u16(), cipher_suite=r.u16(),
                   extensions=_get_extensions(r))


@dataclass(frozen=True, slots=True, kw_only=True)
class ExternalInit(Struct):
    """``struct { opaque kem_output<V>; } ExternalInit``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.external_init
    kem_output: bytes

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.kem_output)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(kem_output=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupContextExtensions(Struct):
    """``struct { Extension extensions<V>; } GroupContextExtensions``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.group_context_extensions
    extensions: tuple[Extension, ...] = ()

    def encode(self, w: Writer) -> None:
        _put_extensions(w, self.extensions)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(extensions=_get_extensions(r))


ProposalBody = Add | Update | Remove | PreSharedKey | ReInit | ExternalInit | GroupContextExtensions

_PROPOSAL_BODIES: dict[ProposalType, Callable[[Reader], ProposalBody]] = {
    ProposalType.add: Add.decode,
    ProposalType.update: Update.decode,
    ProposalType.remove: Remove.decode,
    ProposalType.psk: PreSharedKey.decode,
    ProposalType.reinit: ReInit.decode,
    ProposalType.external_init: ExternalInit.decode,
    ProposalType.group_context_extensions: GroupContextExtensions.decode,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Proposal(Struct):
    """RFC 9420 section 12.1::

        struct {
            ProposalType proposal_type;
            select (proposal_type) { case add: Add; case update: Update; ...
                                     case group_context_extensions: GroupContextExtensions; };
        } Proposal;

    ``body`` is the arm; ``Proposal.of(body)`` fills ``proposal_type`` in. Unknown
    proposal types cannot be delimited and raise ``DecodeError``.
    """

    proposal_type: ProposalType
    body: ProposalBody

    def __post_init__(self) -> None:
        _require(self.body.proposal_type == self.proposal_type,
                 "proposal_type must match the body")

    @classmethod
    def of(cls, body: ProposalBody) -> Proposal:
        return cls(proposal_type=body.proposal_type, body=body)

    def encode(self, w: Writer) -> None:
        w.u16(self.proposal_type)
        self.body.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        ptype = r.u16()
        try:
            kind = ProposalType(ptype)
        except ValueError:
            raise DecodeError(f"cannot decode proposal type {ptype}") from None
        return cls(proposal_type=kind, body=_PROPOSAL_BODIES[kind](r))


@dataclass(frozen=True, slots=True, kw_only=True)
class ProposalOrRef(Struct):
    """RFC 9420 section 12.4::

        struct {
            ProposalOrRefType type;
            select (type) { case proposal: Proposal proposal;
                            case reference: ProposalRef reference; };   // opaque<V>
        } ProposalOrRef;
    """

    type: ProposalOrRefType
    proposal: Proposal | None = None
    reference: bytes | None = None

    def __post_init__(self) -> None:
        _require((self.proposal is not None) == (self.type == ProposalOrRefType.proposal)
                 and (self.reference is not None) == (self.type == ProposalOrRefType.reference),
                 "type must match the arm present")

    @classmethod
    def of(cls, value: Proposal | bytes) -> ProposalOrRef:
        """By value (a Proposal) or by reference (a ProposalRef's bytes)."""
        if isinstance(value, bytes):
            return cls(type=ProposalOrRefType.reference, reference=value)
        return cls(type=ProposalOrRefType.proposal, proposal=value)

    def encode(self, w: Writer) -> None:
        w.u8(self.type)
        if self.proposal is not None:
            self.proposal.encode(w)
        else:
            w.opaque_v(self.reference or b"")

    @classmethod
    def decode(cls, r: Reader) -> Self:
        kind = _enum(ProposalOrRefType, r.u8())
        if kind == ProposalOrRefType.proposal:
            return cls(type=kind, proposal=Proposal.decode(r))
        return cls(type=kind, reference=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class Commit(Struct):
    """``struct { ProposalOrRef proposals<V>; optional<UpdatePath> path; } Commit``."""

    proposals: tuple[ProposalOrRef, ...] = ()
    path: UpdatePath | None = None

    def encode(self, w: Writer) -> None:
        w.vector(self.proposals, _put)
        w.optional(self.path, _put)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(proposals=_structs(r, ProposalOrRef.decode),
                   path=r.optional(UpdatePath.decode))
