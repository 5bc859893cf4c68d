# SPDX-License-Identifier: Apache-2.0
"""Checker for ``crypto-basics.json``: the labeled primitives of RFC 9420 section 5."""

from __future__ import annotations

from crypto.conformance import Case, vector_file
from crypto.errors import VerificationError
from crypto.suites import get_suite


def _h(value: str) -> bytes:
    return bytes.fromhex(value)


def _expect(cond: bool, what: str) -> None:
    if not cond:
        raise VerificationError(f"{what} differs from the vector")


@vector_file("crypto-basics.json")
def check(case: Case) -> None:
    suite = get_suite(case["cipher_suite"])

    rh = case["ref_hash"]
    _expect(suite.ref_hash(rh["label"], _h(rh["value"])) == _h(rh["out"]), "ref_hash")

    ewl = case["expand_with_label"]
    out = suite.expand_with_label(_h(ewl["secret"]), ewl["label"], _h(ewl["context"]),
                                  ewl["length"])
    _expect(out == _h(ewl["out"]), "expand_with_label")

    ds = case["derive_secret"]
    _expect(suite.derive_secret(_h(ds["secret"]), ds["label"]) == _h(ds["out"]), "derive_secret")

    dts = case["derive_tree_secret"]
    out = suite.derive_tree_secret(_h(dts["secret"]), dts["label"], dts["generation"],
                                   dts["length"])
    _expect(out == _h(dts["out"]), "derive_tree_secret")

    swl = case["sign_with_label"]
    pub, content, label = _h(swl["pub"]), _h(swl["content"]), swl["label"]
    suite.verify_with_label(pub, label, content, _h(swl["signature"]))
    suite.verify_with_label(pub, label, content,
                            suite.sign_with_label(_h(swl["priv"]), label, content))
    _expect(suite.signature_public_key(_h(swl["priv"])) == pub, "signature public key")

    ewl = case["encrypt_with_label"]
    priv, label, ctx, pt = _h(ewl["priv"]), ewl["label"], _h(ewl["context"]), _h(ewl["plaintext"])
    got = suite.decrypt_with_label(priv, label, ctx, _h(ewl["kem_output"]), _h(ewl["ciphertext"]))
    _expect(got == pt, "decrypt_with_label")
    kem_output, ciphertext = suite.encrypt_with_label(_h(ewl["pub"]), label, ctx, pt)
    _expect(suite.decrypt_with_label(priv, label, ctx, kem_output, ciphertext) == pt,
            "encrypt_with_label round trip")
