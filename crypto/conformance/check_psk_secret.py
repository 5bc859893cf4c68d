# SPDX-License-Identifier: Apache-2.0
"""Checker for ``psk_secret.json``: PSK secret derivation (RFC 9420 section 8.4)."""

from __future__ import annotations

from crypto.conformance import Case, vector_file
from crypto.errors import VerificationError
from crypto.schedule.psk import external_psk_id, psk_secret
from crypto.suites import get_suite


@vector_file("psk_secret.json")
def check(case: Case) -> None:
    suite = get_suite(case["cipher_suite"])
    psks = [
        (external_psk_id(bytes.fromhex(p["psk_id"]), bytes.fromhex(p["psk_nonce"])),
         bytes.fromhex(p["psk"]))
        for p in case["psks"]
    ]
    if psk_secret(suite, psks) != bytes.fromhex(case["psk_secret"]):
        raise VerificationError("psk_secret differs from the vector")
