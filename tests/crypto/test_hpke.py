# SPDX-License-Identifier: Apache-2.0
"""HPKE base mode against RFC 9180 Appendix A (A.1.1, A.2.1) and under tampering."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crypto import hpke
from crypto.errors import UsageError, VerificationError
from crypto.suites import get_suite

DOC = json.loads((Path(__file__).resolve().parents[1] / "vectors" / "hpke-rfc9180.json")
                 .read_text())
CASES: list[dict[str, Any]] = DOC["cases"]


def h(x: str) -> bytes:
    return bytes.fromhex(x)


def test_vectors_cover_both_aeads() -> None:
    assert sorted(c["aead_id"] for c in CASES) == [1, 3]
    assert all(c["mode"] == 0 and c["kem_id"] == 0x20 and c["kdf_id"] == 1 for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"aead{c['aead_id']}")
def test_derive_key_pair(case: dict[str, Any]) -> None:
    assert hpke.derive_key_pair(h(case["ikmR"])) == (h(case["skRm"]), h(case["pkRm"]))
    assert hpke.derive_key_pair(h(case["ikmE"])) == (h(case["skEm"]), h(case["pkEm"]))
    assert case["enc"] == case["pkEm"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"aead{c['aead_id']}")
def test_open_vector_encryption(case: dict[str, Any]) -> None:
    # Single-shot open is sequence 0 of the context.
    e = next(x for x in case["encryptions"] if x["sequence_number"] == 0)
    assert e["nonce"] == case["base_nonce"]
    pt = hpke.open_base(h(case["skRm"]), h(case["enc"]), h(case["info"]), h(e["aad"]),
                        h(e["ct"]), case["aead_id"])
    assert pt == h(e["pt"])
    # The vector's key/base_nonce agree with the AEAD the MLS suite uses.
    suite = get_suite(case["aead_id"])
    assert suite.aead_open(h(case["key"]), h(case["base_nonce"]), h(e["aad"]), h(e["ct"])) == pt
    with pytest.raises(VerificationError):
        hpke.open_base(h(case["skRm"]), h(case["enc"]), h(case["info"]), b"Count-1",
                       h(e["ct"]), case["aead_id"])
    with pytest.raises(VerificationError):
        hpke.open_base(h(case["skRm"]), h(case["enc"]), h(case["info"])[:-1], h(e["aad"]),
                       h(e["ct"]), case["aead_id"])
    later = next(x for x in case["encryptions"] if x["sequence_number"] == 1)
    with pytest.raises(VerificationError):  # sequence 1 is not a single-shot message
        hpke.open_base(h(case["skRm"]), h(case["enc"]), h(case["info"]), h(later["aad"]),
                       h(later["ct"]), case["aead_id"])


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"aead{c['aead_id']}")
def test_seal_round_trip_and_tamper(case: dict[str, Any]) -> None:
    sk, pk, info, aead = h(case["skRm"]), h(case["pkRm"]), h(case["info"]), case["aead_id"]
    enc, ct = hpke.seal_base(pk, info, b"", b"attack at dawn", aead)
    enc2, _ = hpke.seal_base(pk, info, b"", b"attack at dawn", aead)
    assert len(enc) == hpke.NENC and enc != enc2  # fresh ephemeral key each time
    assert hpke.open_base(sk, enc, info, b"", ct, aead) == b"attack at dawn"
    enc_a, ct_a = hpke.seal_base(pk, info, b"aad", b"x", aead)
    assert hpke.open_base(sk, enc_a, info, b"aad", ct_a, aead) == b"x"
    flipped = bytes([enc[0] ^ 1]) + enc[1:]
    for args in ((sk, flipped, info, b"", ct), (sk, enc, info, b"", ct[:-1]),
                 (sk, enc, info, b"", bytes([ct[0] ^ 1]) + ct[1:]),
                 (sk, enc[:16], info, b"", ct), (sk, enc, info, b"x", ct),
                 (sk, bytes(32), info, b"", ct)):
        with pytest.raises(VerificationError):
            hpke.open_base(*args, aead)


def test_unknown_aead_and_bad_key() -> None:
    sk, pk = hpke.derive_key_pair(b"x")
    with pytest.raises(UsageError):
        hpke.seal_base(pk, b"", b"", b"", 2)
    with pytest.raises(UsageError):
        hpke.open_base(sk[:31], bytes(32), b"", b"", b"", 1)
    with pytest.raises(VerificationError):
        hpke.seal_base(bytes(32), b"", b"", b"", 1)  # low-order point


def test_encrypt_with_label_to_many_opens_for_each() -> None:
    suite = get_suite(3)
    keys = [hpke.derive_key_pair(bytes([i]) * 32) for i in range(3)]
    ctx = b"encrypted group info" * 50
    sealed = suite.encrypt_with_label_to_many("Welcome", ctx,
                                             [(pk, b"secret %d" % i) for i, (_sk, pk)
                                              in enumerate(keys)])
    for i, ((sk, _pk), (kem, ct)) in enumerate(zip(keys, sealed, strict=True)):
        assert suite.decrypt_with_label(sk, "Welcome", ctx, kem, ct) == b"secret %d" % i
        with pytest.raises(VerificationError):
            suite.decrypt_with_label(sk, "Welcome", ctx + b"x", kem, ct)
