# SPDX-License-Identifier: Apache-2.0
"""Extensions, credentials, capabilities and lifetimes (RFC 9420 sections 5.3,
7.2, 13), and the payloads of the extensions Corridor reads: external_pub,
external_senders, required_capabilities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Self

from crypto.codec import Reader, Struct, Writer
from crypto.errors import DecodeError, UsageError
from crypto.messages.common import (
    CredentialType,
    ExtensionType,
    _decode_with,
    _get_opaque,
    _put,
    _put_opaque,
    _put_u16,
    _require,
    _structs,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Extension(Struct):
    """``struct { ExtensionType extension_type; opaque extension_data<V>; } Extension``.

    ``extension_type`` stays an ``int`` so unknown (and GREASE) types round-trip.
    """

    extension_type: int
    extension_data: bytes

    def encode(self, w: Writer) -> None:
        w.u16(self.extension_type)
        w.opaque_v(self.extension_data)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(extension_type=r.u16(), extension_data=r.opaque_v())


def _put_extensions(w: Writer, exts: Sequence[Extension]) -> None:
    w.vector(exts, _put)


def _get_extensions(r: Reader) -> tuple[Extension, ...]:
    return _structs(r, Extension.decode)


def find_extension(extensions: Sequence[Extension], extension_type: int) -> Extension | None:
    """The first extension of ``extension_type``, or None (duplicates are a policy check)."""
    for ext in extensions:
        if ext.extension_type == extension_type:
            return ext
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Credential(Struct):
    """RFC 9420 section 5.3::

        struct {
            CredentialType credential_type;
            select (credential_type) {
                case basic: opaque identity<V>;
                case x509:  Certificate certificates<V>;   // Certificate = opaque cert_data<V>
            };
        } Credential;

    Only basic and x509 can be decoded: other types' bodies have no length.
    """

    credential_type: int
    identity: bytes | None = None
    certificates: tuple[bytes, ...] | None = None

    def __post_init__(self) -> None:
        if self.credential_type == CredentialType.basic:
            _require(self.identity is not None and self.certificates is None,
                     "basic credential needs identity only")
        elif self.credential_type == CredentialType.x509:
            _require(self.certificates is not None and self.identity is None,
                     "x509 credential needs certificates only")
        else:
            raise UsageError(f"unsupported credential type {self.credential_type}")

    @classmethod
    def basic(cls, identity: bytes) -> Credential:
        return cls(credential_type=CredentialType.basic, identity=identity)

    def encode(self, w: Writer) -> None:
        w.u16(self.credential_type)
        if self.identity is not None:
            w.opaque_v(self.identity)
        else:
            w.vector(self.certificates or (), _put_opaque)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        ctype = r.u16()
        if ctype == CredentialType.basic:
            return cls(credential_type=CredentialType.basic, identity=r.opaque_v())
        if ctype == CredentialType.x509:
            return cls(credential_type=CredentialType.x509,
                       certificates=tuple(r.vector(_get_opaque)))
        raise DecodeError(f"cannot decode credential type {ctype}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Capabilities(Struct):
    """RFC 9420 section 7.2::

        struct {
            ProtocolVersion versions<V>;    CipherSuite cipher_suites<V>;
            ExtensionType extensions<V>;    ProposalType proposals<V>;
            CredentialType credentials<V>;
        } Capabilities;

    All plain uint16 lists: unknown and GREASE values must survive.
    """

    versions: tuple[int, ...] = ()
    cipher_suites: tuple[int, ...] = ()
    extensions: tuple[int, ...] = ()
    proposals: tuple[int, ...] = ()
    credentials: tuple[int, ...] = ()

    def encode(self, w: Writer) -> None:
        for items in (self.versions, self.cipher_suites, self.extensions, self.proposals,
                      self.credentials):
            w.vector(items, _put_u16)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        lists = [r.uint_vector(2) for _ in range(5)]
        return cls(versions=lists[0], cipher_suites=lists[1], extensions=lists[2],
                   proposals=lists[3], credentials=lists[4])


@dataclass(frozen=True, slots=True, kw_only=True)
class Lifetime(Struct):
    """``struct { uint64 not_before; uint64 not_after; } Lifetime`` (seconds since epoch)."""

    not_before: int
    not_after: int

    def encode(self, w: Writer) -> None:
        w.u64(self.not_before)
        w.u64(self.not_after)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(not_before=r.u64(), not_after=r.u64())


@dataclass(frozen=True, slots=True, kw_only=True)
class ExternalPub(Struct):
    """``struct { HPKEPublicKey external_pub; } ExternalPub`` (section 12.4.3.2)."""

    external_pub: bytes

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.external_pub)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(external_pub=r.opaque_v())

    def to_extension(self) -> Extension:
        return Extension(extension_type=ExtensionType.external_pub,
                         extension_data=self.to_bytes())


@dataclass(frozen=True, slots=True, kw_only=True)
class ExternalSender(Struct):
    """``struct { SignaturePublicKey signature_key; Credential credential; }``
    (section 12.1.8.1; the extension carries ``ExternalSender external_senders<V>``)."""

    signature_key: bytes
    credential: Credential

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.signature_key)
        self.credential.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(signature_key=r.opaque_v(), credential=Credential.decode(r))


def encode_external_senders(senders: Sequence[ExternalSender]) -> Extension:
    """The ``external_senders`` group-context extension."""
    w = Writer()
    w.vector(senders, _put)
    return Extension(extension_type=ExtensionType.external_senders,
                     extension_data=w.getvalue())


def decode_external_senders(extension_data: bytes) -> tuple[ExternalSender, ...]:
    """``ExternalSender external_senders<V>`` from an extension's data."""
    return _decode_with("external_senders", extension_data,
                        lambda r: _structs(r, ExternalSender.decode))


@dataclass(frozen=True, slots=True, kw_only=True)
class RequiredCapabilities(Struct):
    """``struct { ExtensionType extension_types<V>; ProposalType proposal_types<V>;
    CredentialType credential_types<V>; } RequiredCapabilities`` (section 11.1)."""

    extension_types: tuple[int, ...] = ()
    proposal_types: tuple[int, ...] = ()
    credential_types: tuple[int, ...] = ()

    def encode(self, w: Writer) -> None:
        for items in (self.extension_types, self.proposal_types, self.credential_types):
            w.vector(items, _put_u16)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        lists = [r.uint_vector(2) for _ in range(3)]
        return cls(extension_types=lists[0], proposal_types=lists[1],
                   credential_types=lists[2])

    def to_extension(self) -> Extension:
        return Extension(extension_type=ExtensionType.required_capabilities,
                         extension_data=self.to_bytes())
