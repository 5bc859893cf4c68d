# SPDX-License-Identifier: Apache-2.0
"""Checker for ``secret-tree.json``: sender-data keys and per-leaf ratchets (RFC 9420 §9)."""

from __future__ import annotations

from crypto.conformance import Case, vector_file
from crypto.errors import VerificationError
from crypto.schedule.secret_tree import RatchetType, SecretTree, sender_data_key_nonce
from crypto.suites import get_suite


def _h(value: str) -> bytes:
    return bytes.fromhex(value)


@vector_file("secret-tree.json")
def check(case: Case) -> None:
    suite = get_suite(case["cipher_suite"])
    sd = case["sender_data"]
    key, nonce = sender_data_key_nonce(suite, _h(sd["sender_data_secret"]), _h(sd["ciphertext"]))
    if (key, nonce) != (_h(sd["key"]), _h(sd["nonce"])):
        raise VerificationError("sender data key/nonce differ from the vector")
    tree = SecretTree(suite, _h(case["encryption_secret"]), len(case["leaves"]))
    for leaf, generations in enumerate(case["leaves"]):
        for g in generations:
            for ratchet, prefix in ((RatchetType.HANDSHAKE, "handshake"),
                                    (RatchetType.APPLICATION, "application")):
                rk = tree.key_for(leaf, ratchet, g["generation"])
                if (rk.key, rk.nonce) != (_h(g[f"{prefix}_key"]), _h(g[f"{prefix}_nonce"])):
                    raise VerificationError(
                        f"leaf {leaf} generation {g['generation']}: {prefix} key/nonce differ")
                tree.consume(rk)
