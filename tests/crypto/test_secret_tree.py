# SPDX-License-Identifier: Apache-2.0
"""Secret tree: vectors, deletion after use, replay, out-of-order window, bounds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crypto.errors import GenerationError, ProtocolError, ReplayError, UsageError
from crypto.schedule.secret_tree import RatchetType, SecretTree, sender_data_key_nonce
from crypto.suites import SUITES, get_suite

CASES = [c for c in json.loads((Path(__file__).resolve().parents[1] / "vectors"
                                / "secret-tree.json").read_text())
         if c["cipher_suite"] in SUITES]
APP, HS = RatchetType.APPLICATION, RatchetType.HANDSHAKE
SUITE = get_suite(3)


def h(x: str) -> bytes:
    return bytes.fromhex(x)


@pytest.mark.parametrize("case", CASES,
                         ids=lambda c: f"{c['cipher_suite']}-{len(c['leaves'])}")
def test_vectors(case: dict[str, Any]) -> None:
    suite = get_suite(case["cipher_suite"])
    sd = case["sender_data"]
    assert sender_data_key_nonce(suite, h(sd["sender_data_secret"]), h(sd["ciphertext"])) \
        == (h(sd["key"]), h(sd["nonce"]))
    tree = SecretTree(suite, h(case["encryption_secret"]), len(case["leaves"]))
    # Visit leaves in reverse to exercise lazy derivation from any starting point.
    for leaf in reversed(range(len(case["leaves"]))):
        for g in case["leaves"][leaf]:
            rk = tree.key_for(leaf, APP, g["generation"])
            assert (rk.key, rk.nonce) == (h(g["application_key"]), h(g["application_nonce"]))
            tree.consume(rk)
            rk = tree.key_for(leaf, HS, g["generation"])
            assert (rk.key, rk.nonce) == (h(g["handshake_key"]), h(g["handshake_nonce"]))
            tree.consume(rk)


def test_sender_and_receiver_agree_and_keys_are_deleted() -> None:
    sender = SecretTree(SUITE, b"\x05" * 32, 3)
    receiver = SecretTree(SUITE, b"\x05" * 32, 3)
    sent = [sender.next_key(2, APP) for _ in range(3)]
    assert [k.generation for k in sent] == [0, 1, 2]
    assert len({k.key for k in sent}) == 3
    for k in sent:
        got = receiver.key_for(2, APP, k.generation)
        assert (got.key, got.nonce) == (k.key, k.nonce)
        receiver.consume(got)
    with pytest.raises(ReplayError):
        receiver.key_for(2, APP, 1)
    assert receiver.next_generation(2, APP) == 3
    assert "05" * 8 not in repr(receiver)


def test_failed_decrypt_changes_nothing() -> None:
    tree = SecretTree(SUITE, b"\x06" * 32, 2)
    first = tree.key_for(1, APP, 5)  # computed, not consumed (say the AEAD failed)
    assert tree.next_generation(1, APP) == 0 and tree.skipped_count(1, APP) == 0
    again = tree.key_for(1, APP, 5)
    assert again.key == first.key
    tree.consume(again)
    assert tree.next_generation(1, APP) == 6 and tree.skipped_count(1, APP) == 5


def test_out_of_order_within_window() -> None:
    sender = SecretTree(SUITE, b"\x07" * 32, 2)
    keys = [sender.next_key(0, HS) for _ in range(5)]
    receiver = SecretTree(SUITE, b"\x07" * 32, 2)
    for g in (4, 0, 3, 1, 2):
        rk = receiver.key_for(0, HS, g)
        assert rk.key == keys[g].key
        receiver.consume(rk)
        with pytest.raises(ReplayError):
            receiver.key_for(0, HS, g)
    assert receiver.skipped_count(0, HS) == 0


def test_generation_beyond_window() -> None:
    tree = SecretTree(SUITE, b"\x08" * 32, 2, max_forward=10)
    tree.key_for(0, APP, 10)
    with pytest.raises(GenerationError):
        tree.key_for(0, APP, 11)
    with pytest.raises(GenerationError):
        tree.key_for(0, APP, 1 << 32)
    assert tree.next_generation(0, APP) == 0


def test_skipped_key_bound_drops_oldest() -> None:
    tree = SecretTree(SUITE, b"\x09" * 32, 2, max_forward=100, max_skipped=3)
    tree.consume(tree.key_for(1, APP, 6))  # skips 0..5, keeps only 3..5
    assert tree.skipped_count(1, APP) == 3
    with pytest.raises(GenerationError):
        tree.key_for(1, APP, 1)
    tree.consume(tree.key_for(1, APP, 4))
    with pytest.raises(ReplayError):
        tree.key_for(1, APP, 4)


def test_stale_key_and_double_consume() -> None:
    tree = SecretTree(SUITE, b"\x0a" * 32, 2)
    a = tree.key_for(0, APP, 2)
    b = tree.key_for(0, APP, 2)
    tree.consume(a)
    with pytest.raises(ReplayError):
        tree.consume(b)
    c = tree.key_for(0, APP, 0)  # from the skipped set
    tree.consume(c)
    with pytest.raises(ReplayError):
        tree.consume(c)
    # A key computed before the ratchet moved is recomputed, not misapplied.
    d = tree.key_for(0, APP, 5)
    tree.consume(tree.key_for(0, APP, 3))
    tree.consume(d)
    assert tree.next_generation(0, APP) == 6


def test_bad_leaf_and_sizes() -> None:
    tree = SecretTree(SUITE, b"\x0b" * 32, 3)
    with pytest.raises(ProtocolError):
        tree.key_for(3, APP, 0)
    with pytest.raises(ProtocolError):
        tree.key_for(-1, APP, 0)
    with pytest.raises(UsageError):
        SecretTree(SUITE, b"\x0b" * 32, 0)
    # Ratchets are independent: handshake use does not move the application ratchet.
    tree.next_key(1, HS)
    assert tree.next_generation(1, APP) == 0
