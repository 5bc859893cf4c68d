# SPDX-License-Identifier: Apache-2.0
"""Joining (RFC 9420 section 12.4.3): GroupInfo, GroupSecrets, Welcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self

from crypto.codec import Reader, Struct, Writer
from crypto.messages.common import _put, _structs
from crypto.messages.context import GroupContext, PreSharedKeyID
from crypto.messages.credentials import Extension, _get_extensions, _put_extensions
from crypto.messages.nodes import HPKECiphertext


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupInfo(Struct):
    """RFC 9420 section 12.4.3 (unverified until the signer's signature checks)::

        struct {
            GroupContext group_context;  Extension extensions<V>;
            MAC confirmation_tag;        uint32 signer;
            opaque signature<V>;         // SignWithLabel(., "GroupInfoTBS", GroupInfoTBS)
        } GroupInfo;
    """

    group_context: GroupContext
    extensions: tuple[Extension, ...] = ()
    confirmation_tag: bytes
    signer: int
    signature: bytes = b""

    def tbs_bytes(self) -> bytes:
        """The encoded ``GroupInfoTBS`` (every field but the signature)."""
        w = Writer()
        self.group_context.encode(w)
        _put_extensions(w, self.extensions)
        w.opaque_v(self.confirmation_tag)
        w.u32(self.signer)
        return w.getvalue()

    tbs = tbs_bytes  # the name docs/crypto-interfaces.md uses

    def encode(self, w: Writer) -> None:
        w.write(self.tbs_bytes())
        w.opaque_v(self.signature)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(group_context=GroupContext.decode(r), extensions=_get_extensions(r),
                   confirmation_tag=r.opaque_v(), signer=r.u32(), signature=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class PathSecret(Struct):
    """``struct { opaque path_secret<V>; } PathSecret`` (a secret: its repr hides it)."""

    path_secret: bytes

    def __repr__(self) -> str:
        return f"PathSecret(<{len(self.path_secret)} bytes>)"

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.path_secret)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(path_secret=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupSecrets(Struct):
    """``struct { opaque joiner_secret<V>; optional<PathSecret> path_secret;
    PreSharedKeyID psks<V>; } GroupSecrets`` (section 12.4.3.1).

    Holds secrets: its repr hides them.
    """

    joiner_secret: bytes
    path_secret: PathSecret | None = None
    psks: tuple[PreSharedKeyID, ...] = ()

    def __repr__(self) -> str:
        return (f"GroupSecrets(joiner_secret=<{len(self.joiner_secret)} bytes>, "
                f"path_secret={'<hidden>' if self.path_secret else None}, "
                f"psks={self.psks!r})")

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.joiner_secret)
        w.optional(self.path_secret, _put)
        w.vector(self.psks, _put)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(joiner_secret=r.opaque_v(), path_secret=r.optional(PathSecret.decode),
                   psks=_structs(r, PreSharedKeyID.decode))


@dataclass(frozen=True, slots=True, kw_only=True)
class EncryptedGroupSecrets(Struct):
    """``struct { KeyPackageRef new_member; HPKECiphertext encrypted_group_secrets; }``."""

    new_member: bytes
    encrypted_group_secrets: HPKECiphertext

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.new_member)
        self.encrypted_group_secrets.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(new_member=r.opaque_v(), encrypted_group_secrets=HPKECiphertext.decode(r))


@dataclass(frozen=True, slots=True, kw_only=True)
class Welcome(Struct):
    """``struct { CipherSuite cipher_suite; EncryptedGroupSecrets secrets<V>;
    opaque encrypted_group_info<V>; } Welcome`` (section 12.4.3.1)."""

    cipher_suite: int
    secrets: tuple[EncryptedGroupSecrets, ...] = ()
    encrypted_group_info: bytes

    def encode(self, w: Writer) -> None:
        w.u16(self.cipher_suite)
        w.vector(self.secrets, _put)
        w.opaque_v(self.encrypted_group_info)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(cipher_suite=r.u16(), secrets=_structs(r, EncryptedGroupSecrets.decode),
                   encrypted_group_info=r.opaque_v())
