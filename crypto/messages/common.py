# SPDX-License-Identifier: Apache-2.0
"""Code points and the encoding helpers every wire struct shares (RFC 9420
sections 5.2, 6, 7, 8.4, 12.1), and the RefHash of section 5.2.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Protocol, TypeVar

from crypto.codec import Reader, Struct, Writer
from crypto.errors import DecodeError, UsageError

E = TypeVar("E", bound=IntEnum)
S = TypeVar("S", bound=Struct)
T = TypeVar("T")


# --------------------------------------------------------------------------- code points


class ProtocolVersion(IntEnum):
    """``enum { reserved(0), mls10(1), (65535) } ProtocolVersion``."""

    mls10 = 1


class ContentType(IntEnum):
    """``enum { reserved(0), application(1), proposal(2), commit(3), (255) }``."""

    application = 1
    proposal = 2
    commit = 3


class SenderType(IntEnum):
    """``enum { reserved(0), member(1), external(2), new_member_proposal(3),
    new_member_commit(4), (255) } SenderType``."""

    member = 1
    external = 2
    new_member_proposal = 3
    new_member_commit = 4


class WireFormat(IntEnum):
    """The wire formats RFC 9420 defines (IANA "MLS Wire Formats", uint16)."""

    mls_public_message = 1
    mls_private_message = 2
    mls_welcome = 3
    mls_group_info = 4
    mls_key_package = 5


class ProposalType(IntEnum):
    """RFC 9420 proposal types (IANA "MLS Proposal Types", uint16, extensible)."""

    add = 1
    update = 2
    remove = 3
    psk = 4
    reinit = 5
    external_init = 6
    group_context_extensions = 7


class CredentialType(IntEnum):
    """RFC 9420 credential types (IANA "MLS Credential Types", uint16, extensible)."""

    basic = 1
    x509 = 2


class ExtensionType(IntEnum):
    """RFC 9420 extension types (IANA "MLS Extension Types", uint16, extensible)."""

    application_id = 1
    ratchet_tree = 2
    required_capabilities = 3
    external_pub = 4
    external_senders = 5


class LeafNodeSource(IntEnum):
    """``enum { reserved(0), key_package(1), update(2), commit(3), (255) }``."""

    key_package = 1
    update = 2
    commit = 3


class NodeType(IntEnum):
    """``enum { reserved(0), leaf(1), parent(2), (255) } NodeType``."""

    leaf = 1
    parent = 2


class PSKType(IntEnum):
    """``enum { reserved(0), external(1), resumption(2), (255) } PSKType``."""

    external = 1
    resumption = 2


class ResumptionPSKUsage(IntEnum):
    """``enum { reserved(0), application(1), reinit(2), branch(3), (255) }``."""

    application = 1
    reinit = 2
    branch = 3


class ProposalOrRefType(IntEnum):
    """``enum { reserved(0), proposal(1), reference(2), (255) } ProposalOrRefType``."""

    proposal = 1
    reference = 2


# --------------------------------------------------------------------------- helpers

KEY_PACKAGE_REF_LABEL = "MLS 1.0 KeyPackage Reference"
PROPOSAL_REF_LABEL = "MLS 1.0 Proposal Reference"


def _enum(kind: type[E], value: int) -> E:
    """A fixed-set code point, or DecodeError (never ValueError) if unknown."""
    try:
        return kind(value)
    except ValueError:
        raise DecodeError(f"unknown {kind.__name__} {value}") from None


def _require(condition: bool, what: str) -> None:
    if not condition:
        raise UsageError(what)


def _put(w: Writer, item: Struct) -> None:
    item.encode(w)


def _put_u16(w: Writer, v: int) -> None:
    w.u16(v)


def _put_u32(w: Writer, v: int) -> None:
    w.u32(v)


def _put_opaque(w: Writer, v: bytes) -> None:
    w.opaque_v(v)


def _get_opaque(r: Reader) -> bytes:
    return r.opaque_v()


def _structs(r: Reader, kind: Callable[[Reader], S]) -> tuple[S, ...]:
    return tuple(r.vector(kind))


def _decode_with(kind: str, data: bytes, fn: Callable[[Reader], T]) -> T:
    """Like ``Struct.from_bytes`` for decoders that need context arguments."""
    r = Reader(data)
    try:
        value = fn(r)
    except DecodeError:
        raise
    except (ValueError, TypeError, OverflowError) as exc:  # pragma: no cover - defensive
        raise DecodeError(f"invalid {kind}: {exc}") from None
    r.finish()
    return value


class _HasRefHash(Protocol):
    def ref_hash(self, label: str, value: bytes) -> bytes: ...


RefHasher = Callable[[str, bytes], bytes] | _HasRefHash
"""``suite.ref_hash`` (a callable ``(label, value) -> hash``) or a suite object itself.

The label passed is the RFC's full label (``"MLS 1.0 KeyPackage Reference"``):
``RefHash`` hashes ``RefHashInput{label, value}`` with the label as given.
"""


def _ref_hash(hasher: RefHasher, label: str, value: bytes) -> bytes:
    fn = hasher if callable(hasher) else hasher.ref_hash
    return fn(label, value)
