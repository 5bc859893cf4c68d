# SPDX-License-Identifier: Apache-2.0
"""Cipher suites: labeled primitives against crypto-basics vectors and misuse/forgery."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

import pytest

from crypto.errors import UsageError, VerificationError
from crypto.suites import SUITES, expand_signature_key, get_suite

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
CASES = [c for c in json.loads((VECTORS / "crypto-basics.json").read_text())
         if c["cipher_suite"] in SUITES]


def h(x: str) -> bytes:
    return bytes.fromhex(x)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"suite{c['cipher_suite']}")
def test_crypto_basics_vectors(case: dict[str, Any]) -> None:
    s = get_suite(case["cipher_suite"])
    rh = case["ref_hash"]
    assert s.ref_hash(rh["label"], h(rh["value"])) == h(rh["out"])
    e = case["expand_with_label"]
    assert s.expand_with_label(h(e["secret"]), e["label"], h(e["context"]), e["length"]) \
        == h(e["out"])
    d = case["derive_secret"]
    assert s.derive_secret(h(d["secret"]), d["label"]) == h(d["out"])
    t = case["derive_tree_secret"]
    assert s.derive_tree_secret(h(t["secret"]), t["label"], t["generation"], t["length"]) \
        == h(t["out"])
    sw = case["sign_with_label"]
    # Ed25519 is deterministic: our signature equals the vector's.
    assert s.sign_with_label(h(sw["priv"]), sw["label"], h(sw["content"])) == h(sw["signature"])


def test_suite_parameters() -> None:
    assert set(SUITES) == {1, 3}
    assert get_suite(1).nk == 16 and get_suite(3).nk == 32
    assert all(s.nh == 32 and s.nn == 12 for s in SUITES.values())
    with pytest.raises(UsageError):
        get_suite(2)


def test_expand_matches_rfc5869_multi_block() -> None:
    s = get_suite(3)
    prk, info = b"\x0b" * 32, b"info"
    out = s.expand(prk, info, 80)
    t1 = hmac.digest(prk, info + b"\x01", "sha256")
    t2 = hmac.digest(prk, t1 + info + b"\x02", "sha256")
    t3 = hmac.digest(prk, t2 + info + b"\x03", "sha256")
    assert out == (t1 + t2 + t3)[:80]
    assert s.expand_with_label(prk, "x", b"c" * 100, 64)[:32] != \
        s.expand_with_label(prk, "x", b"c" * 100, 32)  # length is bound into KDFLabel
    assert s.hash(b"abc") == hashlib.sha256(b"abc").digest()


def test_long_context_uses_two_byte_varint() -> None:
    s = get_suite(3)
    ctx = bytes(range(100))
    expected_info = (32).to_bytes(2, "big") + bytes((len(b"MLS 1.0 l"),)) + b"MLS 1.0 l" \
        + b"\x40\x64" + ctx
    assert s.expand_with_label(b"k" * 32, "l", ctx, 32) == \
        hmac.digest(b"k" * 32, expected_info + b"\x01", "sha256")


@pytest.mark.parametrize("suite_id", [1, 3])
def test_signature_forgeries_rejected(suite_id: int) -> None:
    s = get_suite(suite_id)
    seed, pub = s.generate_signature_key_pair(lambda n: b"\x07" * n)
    assert s.signature_public_key(seed) == pub
    assert expand_signature_key(seed)[32:] == pub
    sig = s.sign_with_label(seed, "L", b"content")
    s.verify_with_label(pub, "L", b"content", sig)
    assert s.sign_with_label(expand_signature_key(seed), "L", b"content") == sig
    bad = bytearray(sig)
    bad[5] ^= 1
    for args in ((pub, "L", b"content", bytes(bad)),       # flipped bit
                 (pub, "M", b"content", sig),               # other label
                 (pub, "L", b"contenT", sig),               # other content
                 (pub, "L", b"content", sig[:-1]),          # truncated
                 (pub[:31], "L", b"content", sig),          # truncated key
                 (bytes(32), "L", b"content", sig)):        # small-order key
        with pytest.raises(VerificationError):
            s.verify_with_label(*args)
    with pytest.raises(UsageError):
        s.sign_with_label(seed[:31], "L", b"content")


@pytest.mark.parametrize("suite_id", [1, 3])
def test_aead_tamper_and_misuse(suite_id: int) -> None:
    s = get_suite(suite_id)
    key, nonce = b"k" * s.nk, b"n" * s.nn
    ct = s.aead_seal(key, nonce, b"aad", b"hello")
    assert s.aead_open(key, nonce, b"aad", ct) == b"hello"
    assert s.aead(key).decrypt(nonce, ct, b"aad") == b"hello"
    tampered = bytes([ct[0] ^ 1]) + ct[1:]
    for args in ((key, nonce, b"aad", tampered), (key, nonce, b"aaD", ct),
                 (key, nonce, b"aad", ct[:-1]), (key, nonce, b"aad", b""),
                 (bytes(s.nk), nonce, b"aad", ct)):
        with pytest.raises(VerificationError):
            s.aead_open(*args)
    with pytest.raises(UsageError):
        s.aead_seal(key[:-1], nonce, b"", b"x")
    with pytest.raises(UsageError):
        s.aead_open(key, nonce[:-1], b"", ct)


@pytest.mark.parametrize("suite_id", [1, 3])
def test_encrypt_with_label_binds_label_and_context(suite_id: int) -> None:
    s = get_suite(suite_id)
    sk, pk = s.derive_key_pair(b"ikm")
    kem, ct = s.encrypt_with_label(pk, "UpdatePathNode", b"ctx", b"secret")
    assert len(kem) == 32
    assert s.decrypt_with_label(sk, "UpdatePathNode", b"ctx", kem, ct) == b"secret"
    other_sk, _ = s.derive_key_pair(b"other")
    for args in ((sk, "Welcome", b"ctx", kem, ct), (sk, "UpdatePathNode", b"ctX", kem, ct),
                 (other_sk, "UpdatePathNode", b"ctx", kem, ct),
                 (sk, "UpdatePathNode", b"ctx", kem[:31], ct),
                 (sk, "UpdatePathNode", b"ctx", kem, ct[:-1])):
        with pytest.raises(VerificationError):
            s.decrypt_with_label(*args)
    with pytest.raises(VerificationError):
        s.encrypt_with_label(pk[:31], "UpdatePathNode", b"ctx", b"x")


def test_derive_tree_secret_range() -> None:
    s = get_suite(3)
    with pytest.raises(UsageError):
        s.derive_tree_secret(b"k" * 32, "key", 1 << 32, 32)
    with pytest.raises(UsageError):
        s.expand_with_label(b"k" * 32, "key", b"", 1 << 16)
