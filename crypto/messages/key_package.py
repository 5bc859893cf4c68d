# SPDX-License-Identifier: Apache-2.0
"""KeyPackages: creation, validation and the private parts a client keeps (RFC 9420 §10).

::

    make_key_package(...) --> KeyPackageBundle(key_package, init_priv, leaf_priv, sig_priv)
                                  |                      '-- to_bytes()/from_bytes() (private;
                                  |                           the client stores it encrypted)
                                  '-- .key_package is published through the relay

    validate_key_package(suite, kp, validator, now)   (section 10.1: suite, signatures,
                                                       leaf node rules, init key != leaf key)
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from crypto import messages as m
from crypto.codec import Reader, Writer
from crypto.errors import DecodeError, PeerError, PolicyError, ProtocolError, UsageError
from crypto.messages import (
    Capabilities,
    Credential,
    Extension,
    KeyPackage,
    LeafNode,
    LeafNodeSource,
    Lifetime,
)
from crypto.messages.checks import check_hpke_public_key, check_unique_extensions
from crypto.suites import CipherSuite, get_suite

__all__ = [
    "CredentialValidator",
    "KeyPackageBundle",
    "default_capabilities",
    "make_key_package",
    "validate_key_package",
]

CredentialValidator = Callable[[Credential, bytes], None]
"""``(credential, signature public key)``; raises :class:`PolicyError` to refuse."""

_BUNDLE_VERSION = 1


def default_capabilities(suite_id: int, extra_extensions: Sequence[int] = ()) -> Capabilities:
    """Capabilities of a Corridor leaf: MLS 1.0, its suite, basic and x509 credentials."""
    return Capabilities(
        versions=(m.ProtocolVersion.mls10,),
        cipher_suites=(suite_id,),
        extensions=tuple(extra_extensions),
        proposals=(),
        credentials=(m.CredentialType.basic, m.CredentialType.x509),
    )


@dataclass(frozen=True, slots=True)
class KeyPackageBundle:
    """A KeyPackage and its three private keys; the keys never appear in a repr."""

    key_package: KeyPackage
    init_private_key: bytes = field(repr=False)
    encryption_private_key: bytes = field(repr=False)
    signature_private_key: bytes = field(repr=False)

    @property
    def suite(self) -> CipherSuite:
        return get_suite(self.key_package.cipher_suite)

    def ref(self) -> bytes:
        """The KeyPackageRef a Welcome names this package by."""
        return m.make_key_package_ref(self.suite, self.key_package)

    def to_bytes(self) -> bytes:
        """Versioned encoding of the package and its private keys (store it encrypted)."""
        w = Writer()
        w.u8(_BUNDLE_VERSION)
        w.opaque_v(self.key_package.to_bytes())
        w.opaque_v(self.init_private_key)
        w.opaque_v(self.encryption_private_key)
        w.opaque_v(self.signature_private_key)
        return w.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyPackageBundle:
        """Inverse of :meth:`to_bytes`; :class:`DecodeError` on anything else."""
        r = Reader(data)
        if r.u8() != _BUNDLE_VERSION:
            raise DecodeError("unknown key package bundle version")
        kp = KeyPackage.from_bytes(r.opaque_v())
        out = cls(kp, r.opaque_v(), r.opaque_v(), r.opaque_v())
        r.finish()
        return out


def make_key_package(
    suite_id: int,
    credential: Credential,
    signature_private_key: bytes,
    *,
    lifetime: tuple[int, int],
    capabilities: Capabilities | None = None,
    leaf_extensions: Sequence[Extension] = (),
    extensions: Sequence[Extension] = (),
    rng: Callable[[int], bytes] = secrets.token_bytes,
) -> KeyPackageBundle:
    """A fresh, signed KeyPackage (section 10) with new init and leaf HPKE keys.

    Args:
        lifetime: (not_before, not_after) in seconds since the Unix epoch.
    """
    suite = get_suite(suite_id)
    if lifetime[0] > lifetime[1]:
        raise UsageError("lifetime ends before it starts")
    init_priv, init_pub = suite.derive_key_pair(rng(32))
    leaf_priv, leaf_pub = suite.derive_key_pair(rng(32))
    sig_pub = suite.signature_public_key(signature_private_key)
    caps = capabilities if capabilities is not None else default_capabilities(suite_id)
    unsigned = LeafNode(
        encryption_key=leaf_pub,
        signature_key=sig_pub,
        credential=credential,
        capabilities=caps,
        leaf_node_source=LeafNodeSource.key_package,
        lifetime=Lifetime(not_before=lifetime[0], not_after=lifetime[1]),
        extensions=tuple(leaf_extensions),
    )
    sig = suite.sign_with_label(signature_private_key, "LeafNodeTBS", unsigned.tbs_bytes())
    leaf = _with_signature(unsigned, sig)
    kp_unsigned = KeyPackage(cipher_suite=suite_id, init_key=init_pub, leaf_node=leaf,
                             extensions=tuple(extensions))
    kp_sig = suite.sign_with_label(signature_private_key, "KeyPackageTBS",
                                   kp_unsigned.tbs_bytes())
    kp = KeyPackage(cipher_suite=suite_id, init_key=init_pub, leaf_node=leaf,
                    extensions=tuple(extensions), signature=kp_sig)
    return KeyPackageBundle(kp, init_priv, leaf_priv, signature_private_key)


def _with_signature(leaf: LeafNode, signature: bytes) -> LeafNode:
    return LeafNode(
        encryption_key=leaf.encryption_key, signature_key=leaf.signature_key,
        credential=leaf.credential, capabilities=leaf.capabilities,
        leaf_node_source=leaf.leaf_node_source, lifetime=leaf.lifetime,
        parent_hash=leaf.parent_hash, extensions=leaf.extensions, signature=signature,
    )


def validate_key_package(
    suite: CipherSuite,
    key_package: KeyPackage,
    credential_validator: CredentialValidator,
    *,
    now: int | None = None,
) -> None:
    """The KeyPackage checks of section 10.1 that do not need a tree.

    (Leaf-node rules relative to a group are checked by the tree when adding.)

    Raises:
        ProtocolError: wrong version or suite, wrong leaf source, init key equal to
            the leaf key, an invalid HPKE key, repeated extension types, lifetime
            outside ``now``.
        VerificationError: the KeyPackage signature does not verify.
        PolicyError: the credential validator refused the credential.
    """
    if key_package.version != m.ProtocolVersion.mls10:
        raise ProtocolError("key package has an unsupported protocol version")
    if key_package.cipher_suite != suite.id:
        raise ProtocolError("key package is for another cipher suite")
    leaf = key_package.leaf_node
    if leaf.leaf_node_source != LeafNodeSource.key_package:
        raise ProtocolError("key package leaf has the wrong source")
    if key_package.init_key == leaf.encryption_key:
        raise ProtocolError("key package init key equals its leaf encryption key")
    if len(key_package.init_key) != suite.npk or len(leaf.encryption_key) != suite.npk:
        raise ProtocolError("key package carries a key of the wrong length")
    # Keys a DH with would be all zero (RFC 9180 section 7.1.1): an Add of such a
    # package would wedge every later commit (section 7.3).
    check_hpke_public_key(suite, key_package.init_key)
    check_hpke_public_key(suite, leaf.encryption_key)
    check_unique_extensions(key_package.extensions)
    check_unique_extensions(leaf.extensions)
    suite.verify_with_label(leaf.signature_key, "KeyPackageTBS", key_package.tbs_bytes(),
                            key_package.signature)
    if now is not None and leaf.lifetime is not None and not (
        leaf.lifetime.not_before <= now <= leaf.lifetime.not_after
    ):
        raise ProtocolError("key package lifetime does not cover the current time")
    call_validator(credential_validator, leaf.credential, leaf.signature_key)


def call_validator(validator: CredentialValidator, credential: Credential, key: bytes) -> None:
    """Run the application's credential check; anything but a refusal is a bug upstream.

    A :class:`PolicyError` passes through; other crypto errors from the validator
    (a bad certificate) become :class:`PolicyError` too, so callers see one type.
    """
    try:
        validator(credential, key)
    except PolicyError:
        raise
    except PeerError as exc:  # e.g. CertificateError from the chain check
        raise PolicyError(f"credential refused: {type(exc).__name__}") from None
