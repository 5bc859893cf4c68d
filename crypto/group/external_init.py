# SPDX-License-Identifier: Apache-2.0
"""The external init secret (RFC 9420 section 8.3): HPKE export to the group's
external_pub, for a joiner by external commit and for the members processing it.
"""

from __future__ import annotations

from crypto.errors import VerificationError
from crypto.group.state import Rng, _State
from crypto.suites import CipherSuite


def _hpke_suite_id(suite: CipherSuite) -> bytes:
    return b"HPKE" + (0x0020).to_bytes(2, "big") + (0x0001).to_bytes(2, "big") + \
        suite.hpke_aead_id.to_bytes(2, "big")


def _export_external_init(suite: CipherSuite, dh: bytes, enc: bytes, pk_r: bytes) -> bytes:
    """HPKE base-mode key schedule with empty info, then Export (RFC 9180 5.1, 5.3)."""
    from crypto import hpke

    eae_prk = hpke.labeled_extract(b"", b"eae_prk", dh)
    shared = hpke.labeled_expand(eae_prk, b"shared_secret", enc + pk_r, 32)
    sid = _hpke_suite_id(suite)
    psk_id_hash = hpke.labeled_extract(b"", b"psk_id_hash", b"", sid)
    info_hash = hpke.labeled_extract(b"", b"info_hash", b"", sid)
    ks_context = b"\x00" + psk_id_hash + info_hash
    secret = hpke.labeled_extract(shared, b"secret", b"", sid)
    exporter = hpke.labeled_expand(secret, b"exp", ks_context, 32, sid)
    return hpke.labeled_expand(exporter, b"sec", b"MLS 1.0 external init secret", suite.nh,
                               sid)


def _x25519(sk: bytes, pk: bytes) -> bytes:
    import nacl.bindings
    import nacl.exceptions

    try:
        out: bytes = nacl.bindings.crypto_scalarmult(sk, pk)
    except (nacl.exceptions.RuntimeError, nacl.exceptions.CryptoError, ValueError):
        raise VerificationError("invalid X25519 public key") from None
    if out == bytes(32):
        raise VerificationError("invalid X25519 public key")
    return out


def _external_init_sender(suite: CipherSuite, external_pub: bytes,
                          rng: Rng) -> tuple[bytes, bytes]:
    """(kem_output, init_secret) of an ExternalInit (section 8.3)."""
    sk_e, pk_e = suite.derive_key_pair(rng(32))
    dh = _x25519(sk_e, external_pub)
    return pk_e, _export_external_init(suite, dh, pk_e, external_pub)


def _external_init_secret_receiver(st: _State, kem_output: bytes) -> bytes:
    if len(kem_output) != 32:
        raise VerificationError("ExternalInit kem_output has the wrong length")
    sk, pk = st.secrets.external_key_pair()
    dh = _x25519(sk, kem_output)
    return _export_external_init(st.suite, dh, kem_output, pk)
