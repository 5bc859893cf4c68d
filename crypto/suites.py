# SPDX-License-Identifier: Apache-2.0
"""MLS cipher suites and their labeled primitives (RFC 9420 sections 5.1 to 5.2).

Corridor implements two suites, both 128-bit with X25519, HKDF-SHA256 and Ed25519:

====== ============================================== ===================
id     name                                           AEAD
====== ============================================== ===================
0x0001 MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519   AES-128-GCM
0x0003 MLS_128_DHKEMX25519_CHACHA20POLY1305_SHA256_Ed25519 ChaCha20-Poly1305
====== ============================================== ===================

Each primitive comes from the binding that is faster at MLS sizes (measured by
``bench/bench_crypto.py``)::

    hash, HMAC, HKDF      hashlib / hmac (one-shot C calls; HKDF is HMAC by RFC 5869)
    Ed25519 sign/verify   PyNaCl (libsodium), about 2x faster than cryptography
    AEAD                  cryptography (OpenSSL): ChaCha20-Poly1305 ~2x faster than
                          libsodium at 1 KiB; AES-128-GCM only exists there
    X25519 base mult      PyNaCl (no key object to build)
    HPKE                  cryptography, through :mod:`crypto.hpke`

The labeled functions prepend ``"MLS 1.0 "`` to the label the caller gives
(``expand_with_label(secret, "joiner", ...)``), except :meth:`CipherSuite.ref_hash`,
whose RFC labels already carry it ("MLS 1.0 KeyPackage Reference").
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final, Protocol

import nacl.bindings as _nacl
import nacl.exceptions
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305
from cryptography.hazmat.primitives.hashes import SHA256 as _SHA256
from cryptography.hazmat.primitives.hmac import HMAC as _HMAC

from crypto import hpke
from crypto.codec import encode_varint
from crypto.errors import UsageError, VerificationError

__all__ = [
    "MLS_PREFIX",
    "SUITES",
    "Aead",
    "CipherSuite",
    "HmacSha256",
    "expand_signature_key",
    "get_suite",
]

MLS_PREFIX = b"MLS 1.0 "

_SIG_LEN = 64
# Encoded KDFLabel heads (length + label) by (label, length). Labels are public
# constants; the bound keeps caller-chosen labels (exporter) from growing it.
_LABEL_HEADS: dict[tuple[str, int], bytes] = {}
_LABEL_CACHE_MAX = 512
# Encoded SignContent/EncryptContext label fields (``opaque label<V>``) by label.
_SIGN_HEADS: dict[str, bytes] = {}
_ED_PK_LEN = 32


class Aead(Protocol):
    """An AEAD bound to one key (cryptography's ``ChaCha20Poly1305``/``AESGCM``)."""

    def encrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None) -> bytes: ...

    def decrypt(self, nonce: bytes, data: bytes, associated_data: bytes | None) -> bytes: ...


def _vec(data: bytes) -> bytes:
    return encode_varint(len(data)) + data


def _label_head(label: str, length: int) -> bytes:
    """The fixed part of a KDFLabel: ``uint16 length; opaque label<V>`` (cached)."""
    if not 0 <= length <= 0xFFFF:
        raise UsageError("length must fit in uint16")
    head = length.to_bytes(2, "big") + _vec(MLS_PREFIX + label.encode())
    if len(_LABEL_HEADS) < _LABEL_CACHE_MAX:
        _LABEL_HEADS[(label, length)] = head
    return head


def expand_signature_key(private_key: bytes) -> bytes:
    """The 64-byte libsodium signing key (seed || public) for a 32-byte Ed25519 seed.

    Signing with the expanded form skips one scalar multiplication per signature;
    callers that sign often (a group's own leaf) keep it instead of the seed.
    """
    if len(private_key) == 64:
        return private_key
    if len(private_key) != 32:
        raise UsageError("Ed25519 private key must be 32 bytes")
    _pk, sk = _nacl.crypto_sign_seed_keypair(private_key)
    return bytes(sk)


_SHA256_ALG: Final = _SHA256()  # one instance: a hash algorithm object holds no state


class HmacSha256:
    """HMAC-SHA-256 under one key, for a key that MACs several messages in a row (a
    ratchet step's three expansions, an epoch's sender-data keys, the search terms).

    pyca/cryptography's HMAC, keyed once; each MAC finishes a copy of the keyed
    context. Why: a one-shot HMAC sets the key up again on every call (OpenSSL 3: 1.70
    µs here, against 0.54 µs from a copy; docs/benchmarks.md, catch-up session 7).
    """

    __slots__ = ("_keyed",)

    def __init__(self, key: bytes) -> None:
        self._keyed = _HMAC(bytes(key), _SHA256_ALG)

    def __repr__(self) -> str:
        return "HmacSha256(<redacted>)"

    def digest(self, data: bytes) -> bytes:
        mac = self._keyed.copy()
        mac.update(data)
        return mac.finalize()


@dataclass(frozen=True, slots=True)
class CipherSuite:
    """One MLS cipher suite: sizes, ids and the labeled operations of RFC 9420 §5."""

    id: int
    name: str
    hpke_aead_id: int
    nh: int = 32
    nk: int = 16
    nn: int = 12
    npk: int = 32
    nsk: int = 32
    _aead_cls: type[ChaCha20Poly1305] | type[AESGCM] = field(
        default=ChaCha20Poly1305, repr=False
    )

    def __post_init__(self) -> None:
        # derive_key_nonce and ratchet_step expand in one HMAC-SHA256 block.
        if max(self.nk, self.nn, self.nh) > 32:
            raise UsageError("suite sizes exceed one HKDF-SHA256 block")

    # -- hash, MAC, KDF ----------------------------------------------------------

    def hash(self, data: bytes) -> bytes:
        return hashlib.sha256(data).digest()

    def mac(self, key: bytes, data: bytes) -> bytes:
        return hmac.digest(key, data, "sha256")

    def verify_mac(self, key: bytes, data: bytes, tag: bytes) -> None:
        """Check a MAC in constant time; :class:`VerificationError` if it differs."""
        if not hmac.compare_digest(hmac.digest(key, data, "sha256"), tag):
            raise VerificationError("MAC does not verify")

    def extract(self, salt: bytes, ikm: bytes) -> bytes:
        """HKDF-Extract (RFC 5869): HMAC with the salt as key."""
        return hmac.digest(salt, ikm, "sha256")

    def expand(self, prk: bytes, info: bytes, length: int) -> bytes:
        """HKDF-Expand (RFC 5869)."""
        if length <= 32:
            if length < 0:
                raise UsageError("negative HKDF length")
            return hmac.digest(prk, info + b"\x01", "sha256")[:length]
        if length > 255 * 32:
            raise UsageError("HKDF output too long")
        out = b""
        t = b""
        i = 1
        while len(out) < length:
            t = hmac.digest(prk, t + info + bytes((i,)), "sha256")
            out += t
            i += 1
        return out[:length]

    def expand_with_label(self, secret: bytes, label: str, context: bytes, length: int) -> bytes:
        """ExpandWithLabel: HKDF-Expand with a KDFLabel struct as info (§5.1).

        ``KDFLabel = { uint16 length; opaque label<V>; opaque context<V>; }``; the
        fixed part (length and label) is cached per (label, length): this is the
        hot path of the secret tree and sender-data keys.
        """
        head = _LABEL_HEADS.get((label, length)) or _label_head(label, length)
        n = len(context)
        info = head + (bytes((n,)) if n < 64 else encode_varint(n)) + context
        if length <= 32:
            return hmac.digest(secret, info + b"\x01", "sha256")[:length]
        return self.expand(secret, info, length)

    def derive_key_nonce(self, secret: bytes | HmacSha256,
                         context: bytes) -> tuple[bytes, bytes]:
        """(ExpandWithLabel(secret, "key", context, Nk), ExpandWithLabel(secret, "nonce",
        context, Nn)): the sender-data key and nonce (section 6.3.2), in one call.
        ``secret`` may be given as its :class:`HmacSha256` (kept for an epoch)."""
        n = len(context)
        tail = (bytes((n,)) if n < 64 else encode_varint(n)) + context + b"\x01"
        kh = _LABEL_HEADS.get(("key", self.nk)) or _label_head("key", self.nk)
        nh = _LABEL_HEADS.get(("nonce", self.nn)) or _label_head("nonce", self.nn)
        mac = secret if isinstance(secret, HmacSha256) else HmacSha256(secret)
        return mac.digest(kh + tail)[: self.nk], mac.digest(nh + tail)[: self.nn]

    def ratchet_step(self, secret: bytes, generation: int) -> tuple[bytes, bytes, bytes]:
        """One secret-tree ratchet step (section 9.1): DeriveTreeSecret of "key" (Nk),
        "nonce" (Nn) and "secret" (Nh) at ``generation``, in one call."""
        if not 0 <= generation <= 0xFFFFFFFF:
            raise UsageError("generation must fit in uint32")
        tail = b"\x04" + generation.to_bytes(4, "big") + b"\x01"
        kh = _LABEL_HEADS.get(("key", self.nk)) or _label_head("key", self.nk)
        nh = _LABEL_HEADS.get(("nonce", self.nn)) or _label_head("nonce", self.nn)
        sh = _LABEL_HEADS.get(("secret", self.nh)) or _label_head("secret", self.nh)
        digest = HmacSha256(secret).digest
        return (digest(kh + tail)[: self.nk], digest(nh + tail)[: self.nn],
                digest(sh + tail)[: self.nh])

    def derive_secret(self, secret: bytes, label: str) -> bytes:
        """DeriveSecret(Secret, Label) = ExpandWithLabel(Secret, Label, "", Nh)."""
        return self.expand_with_label(secret, label, b"", self.nh)

    def derive_tree_secret(self, secret: bytes, label: str, generation: int, length: int) -> bytes:
        """DeriveTreeSecret: ExpandWithLabel with the uint32 generation as context (§9)."""
        if not 0 <= generation <= 0xFFFFFFFF:
            raise UsageError("generation must fit in uint32")
        return self.expand_with_label(secret, label, generation.to_bytes(4, "big"), length)

    def ref_hash(self, label: str, value: bytes) -> bytes:
        """RefHash (§5.2): the label is used verbatim (RFC labels include "MLS 1.0 ")."""
        return hashlib.sha256(_vec(label.encode()) + _vec(value)).digest()

    # -- AEAD ---------------------------------------------------------------------

    def aead(self, key: bytes) -> Aead:
        """An AEAD object for ``key``; build it once when a key seals more than once."""
        if len(key) != self.nk:
            raise UsageError("wrong AEAD key length")
        return self._aead_cls(key)

    def aead_seal(self, key: bytes, nonce: bytes, aad: bytes, plaintext: bytes) -> bytes:
        if len(key) != self.nk or len(nonce) != self.nn:
            raise UsageError("wrong AEAD key or nonce length")
        return self._aead_cls(key).encrypt(nonce, plaintext, aad)

    def aead_open(self, key: bytes, nonce: bytes, aad: bytes, ciphertext: bytes) -> bytes:
        """Decrypt and authenticate; :class:`VerificationError` on any failure."""
        if len(key) != self.nk or len(nonce) != self.nn:
            raise UsageError("wrong AEAD key or nonce length")
        try:
            return self._aead_cls(key).decrypt(nonce, ciphertext, aad)
        except InvalidTag:
            raise VerificationError("AEAD tag does not verify") from None

    # -- signatures -----------------------------------------------------------------

    @staticmethod
    def _sign_content(label: str, content: bytes) -> bytes:
        head = _SIGN_HEADS.get(label)
        if head is None:
            head = _vec(MLS_PREFIX + label.encode())
            if len(_SIGN_HEADS) < _LABEL_CACHE_MAX:
                _SIGN_HEADS[label] = head
        return head + encode_varint(len(content)) + content

    def sign_with_label(self, private_key: bytes, label: str, content: bytes) -> bytes:
        """SignWithLabel (§5.1.2) with Ed25519.

        ``private_key`` is the 32-byte seed or its 64-byte expanded form
        (:func:`expand_signature_key`), which signs faster.
        """
        sk = private_key if len(private_key) == 64 else expand_signature_key(private_key)
        signed: bytes = _nacl.crypto_sign(self._sign_content(label, content), sk)
        return signed[:_SIG_LEN]

    def verify_with_label(
        self, public_key: bytes, label: str, content: bytes, signature: bytes
    ) -> None:
        """VerifyWithLabel; :class:`VerificationError` if it does not verify."""
        if len(public_key) != _ED_PK_LEN or len(signature) != _SIG_LEN:
            raise VerificationError("signature does not verify")
        try:
            _nacl.crypto_sign_open(signature + self._sign_content(label, content), public_key)
        except (nacl.exceptions.BadSignatureError, nacl.exceptions.CryptoError, ValueError):
            raise VerificationError("signature does not verify") from None

    def generate_signature_key_pair(
        self, rng: Callable[[int], bytes] = secrets.token_bytes
    ) -> tuple[bytes, bytes]:
        """A fresh Ed25519 key pair: (32-byte seed, 32-byte public key)."""
        seed = rng(32)
        pk, _sk = _nacl.crypto_sign_seed_keypair(seed)
        return seed, bytes(pk)

    def signature_public_key(self, private_key: bytes) -> bytes:
        """The Ed25519 public key of a 32-byte seed (or 64-byte expanded key)."""
        return expand_signature_key(private_key)[32:]

    # -- HPKE -----------------------------------------------------------------------

    def encrypt_with_label(
        self,
        public_key: bytes,
        label: str,
        context: bytes,
        plaintext: bytes,
        rng: Callable[[int], bytes] | None = None,
    ) -> tuple[bytes, bytes]:
        """EncryptWithLabel (§5.1.3): HPKE base-mode SealBase with an EncryptContext info.

        Returns (kem_output, ciphertext). The ephemeral key comes from OpenSSL's
        generator inside cryptography's HPKE; ``rng`` is accepted for interface
        symmetry but cannot be injected there.
        """
        info = _vec(MLS_PREFIX + label.encode()) + _vec(context)
        return hpke.seal_base(public_key, info, b"", plaintext, self.hpke_aead_id)

    def encrypt_with_label_to_many(
        self, label: str, context: bytes, items: Sequence[tuple[bytes, bytes]]
    ) -> list[tuple[bytes, bytes]]:
        """EncryptWithLabel of each (public key, plaintext) under one ``label`` and
        ``context``, each sealed by cryptography's HPKE. The context (a Welcome's whole
        encrypted GroupInfo) is hashed once per recipient inside HPKE; that is why large
        groups leave the ratchet tree out of the Welcome's GroupInfo (the relay serves
        it), which keeps the context small and a Welcome to n joiners O(n)."""
        info = _vec(MLS_PREFIX + label.encode()) + _vec(context)
        return [hpke.seal_base(pk, info, b"", pt, self.hpke_aead_id) for pk, pt in items]

    def decrypt_with_label(
        self, private_key: bytes, label: str, context: bytes, kem_output: bytes, ciphertext: bytes
    ) -> bytes:
        """DecryptWithLabel; :class:`VerificationError` if it does not open."""
        info = _vec(MLS_PREFIX + label.encode()) + _vec(context)
        return hpke.open_base(private_key, kem_output, info, b"", ciphertext, self.hpke_aead_id)

    def derive_key_pair(self, secret: bytes) -> tuple[bytes, bytes]:
        """HPKE DeriveKeyPair: (X25519 private, public), 32 raw bytes each."""
        return hpke.derive_key_pair(secret)


SUITES: dict[int, CipherSuite] = {
    0x0001: CipherSuite(
        id=0x0001,
        name="MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519",
        hpke_aead_id=hpke.AEAD_AES_128_GCM,
        nk=16,
        _aead_cls=AESGCM,
    ),
    0x0003: CipherSuite(
        id=0x0003,
        name="MLS_128_DHKEMX25519_CHACHA20POLY1305_SHA256_Ed25519",
        hpke_aead_id=hpke.AEAD_CHACHA20_POLY1305,
        nk=32,
        _aead_cls=ChaCha20Poly1305,
    ),
}


def get_suite(suite_id: int) -> CipherSuite:
    """The suite for ``suite_id``; :class:`UsageError` if Corridor does not implement it."""
    try:
        return SUITES[suite_id]
    except KeyError:
        raise UsageError(f"unsupported cipher suite 0x{suite_id:04x}") from None
