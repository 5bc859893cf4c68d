# SPDX-License-Identifier: Apache-2.0
"""HPKE base mode, DHKEM(X25519, HKDF-SHA256) + HKDF-SHA256 (RFC 9180), as MLS uses it.

Seal and open are cryptography's single-shot ``hpke.Suite.encrypt``/``decrypt``,
whose output is ``enc`` (32 bytes) followed by the AEAD ciphertext::

    seal_base(pkR, info, aad, pt)  ->  (enc, ct)       (enc || ct from Suite.encrypt)
    open_base(skR, enc, info, aad, ct) -> pt           (Suite.decrypt(enc || ct))

MLS (RFC 9420 section 5.1.3) always uses an empty AAD. A non-empty AAD, needed
only to check the RFC 9180 Appendix A vectors, goes through cryptography's
``_encrypt_with_aad``/``_decrypt_with_aad`` helpers where the installed version
has them; otherwise it is a :class:`~crypto.errors.UsageError`.

What cryptography does not expose is written here: ``DeriveKeyPair`` (RFC 9180
section 7.1.3) on the labeled HKDF of section 4 with ``suite_id = "KEM" || kem_id``.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable

import nacl.bindings as _nacl
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.bindings._rust import openssl as _rust_openssl
from cryptography.hazmat.primitives import hpke as _hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from crypto.errors import UsageError, VerificationError

__all__ = [
    "AEAD_AES_128_GCM",
    "AEAD_CHACHA20_POLY1305",
    "KEM_ID",
    "NENC",
    "derive_key_pair",
    "labeled_expand",
    "labeled_extract",
    "open_base",
    "seal_base",
]

KEM_ID = 0x0020  # DHKEM(X25519, HKDF-SHA256)
AEAD_AES_128_GCM = 0x0001
AEAD_CHACHA20_POLY1305 = 0x0003
NENC = 32
_NSK = 32

_KEM_SUITE_ID = b"KEM" + KEM_ID.to_bytes(2, "big")
_HPKE_V1 = b"HPKE-v1"

_SUITES = {
    AEAD_AES_128_GCM: _hpke.Suite(_hpke.KEM.X25519, _hpke.KDF.HKDF_SHA256, _hpke.AEAD.AES_128_GCM),
    AEAD_CHACHA20_POLY1305: _hpke.Suite(
        _hpke.KEM.X25519, _hpke.KDF.HKDF_SHA256, _hpke.AEAD.CHACHA20_POLY1305
    ),
}

# Private helpers of cryptography's Rust bindings (untyped), present in some versions.
_rust_hpke: object = getattr(_rust_openssl, "hpke", None)
_encrypt_with_aad: Callable[..., bytes] | None = getattr(_rust_hpke, "_encrypt_with_aad", None)
_decrypt_with_aad: Callable[..., bytes] | None = getattr(_rust_hpke, "_decrypt_with_aad", None)


def _suite(aead_id: int) -> _hpke.Suite:
    try:
        return _SUITES[aead_id]
    except KeyError:
        raise UsageError(f"unsupported HPKE AEAD 0x{aead_id:04x}") from None


def labeled_extract(
    salt: bytes, label: bytes, ikm: bytes, suite_id: bytes = _KEM_SUITE_ID
) -> bytes:
    """LabeledExtract (RFC 9180 section 4) over HKDF-SHA256."""
    return hmac.digest(salt, _HPKE_V1 + suite_id + label + ikm, "sha256")


def labeled_expand(
    prk: bytes, label: bytes, info: bytes, length: int, suite_id: bytes = _KEM_SUITE_ID
) -> bytes:
    """LabeledExpand (RFC 9180 section 4) over HKDF-SHA256, for ``length`` <= 32."""
    if not 0 <= length <= 32:
        raise UsageError("labeled_expand supports at most one hash block")
    labeled_info = length.to_bytes(2, "big") + _HPKE_V1 + suite_id + label + info
    return hmac.digest(prk, labeled_info + b"\x01", "sha256")[:length]


def derive_key_pair(ikm: bytes) -> tuple[bytes, bytes]:
    """DeriveKeyPair for DHKEM(X25519): (private, public) raw 32-byte keys.

    The derived scalar is used as is; X25519 clamps it when multiplying.
    """
    dkp_prk = labeled_extract(b"", b"dkp_prk", ikm)
    sk = labeled_expand(dkp_prk, b"sk", b"", _NSK)
    pk: bytes = _nacl.crypto_scalarmult_base(sk)
    return sk, pk


def seal_base(
    pk_r: bytes, info: bytes, aad: bytes, pt: bytes, aead_id: int
) -> tuple[bytes, bytes]:
    """SealBase: encrypt ``pt`` to ``pk_r``; returns (enc, ct)."""
    suite = _suite(aead_id)
    try:
        public = X25519PublicKey.from_public_bytes(pk_r)
    except ValueError:
        raise VerificationError("invalid HPKE public key") from None
    try:
        if aad:
            if _encrypt_with_aad is None:
                raise UsageError("this cryptography version cannot seal with an HPKE AAD")
            out: bytes = _encrypt_with_aad(suite, pt, public, info=info, aad=aad)
        else:
            out = suite.encrypt(pt, public, info=info)
    except ValueError:  # e.g. a low-order public key gives an all-zero shared secret
        raise VerificationError("invalid HPKE public key") from None
    return out[:NENC], out[NENC:]


def open_base(sk_r: bytes, enc: bytes, info: bytes, aad: bytes, ct: bytes, aead_id: int) -> bytes:
    """OpenBase: decrypt (enc, ct) with ``sk_r``; :class:`VerificationError` on failure."""
    suite = _suite(aead_id)
    if len(sk_r) != _NSK:
        raise UsageError("HPKE private key must be 32 bytes")
    if len(enc) != NENC:
        raise VerificationError("HPKE ciphertext does not open")
    private = X25519PrivateKey.from_private_bytes(sk_r)
    try:
        if aad:
            if _decrypt_with_aad is None:
                raise UsageError("this cryptography version cannot open with an HPKE AAD")
            pt: bytes = _decrypt_with_aad(suite, enc + ct, private, info=info, aad=aad)
        else:
            pt = suite.decrypt(enc + ct, private, info=info)
    except (InvalidTag, ValueError):
        raise VerificationError("HPKE ciphertext does not open") from None
    return pt
