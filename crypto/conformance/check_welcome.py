# SPDX-License-Identifier: Apache-2.0
"""Checker for ``welcome.json`` (RFC 9420 section 12.4.3.1: decrypting a Welcome)."""

from __future__ import annotations

from crypto import messages as m
from crypto.conformance import Case, vector_file
from crypto.schedule.key_schedule import from_joiner_secret, welcome_key_nonce
from crypto.suites import get_suite

__all__ = ["check_welcome"]


@vector_file("welcome.json")
def check_welcome(case: Case) -> None:
    """Decrypt the group secrets and GroupInfo, verify its signature and tag."""
    suite = get_suite(int(case["cipher_suite"]))
    kp_msg = m.MLSMessage.from_bytes(bytes.fromhex(case["key_package"]))
    w_msg = m.MLSMessage.from_bytes(bytes.fromhex(case["welcome"]))
    kp, welcome = kp_msg.key_package, w_msg.welcome
    if kp is None or welcome is None:
        raise AssertionError("wrong message types")
    ref = m.make_key_package_ref(suite, kp)
    entry = next((e for e in welcome.secrets if e.new_member == ref), None)
    if entry is None:
        raise AssertionError("no secrets for the key package")
    egs = entry.encrypted_group_secrets
    gs = m.GroupSecrets.from_bytes(suite.decrypt_with_label(
        bytes.fromhex(case["init_priv"]), "Welcome", welcome.encrypted_group_info,
        egs.kem_output, egs.ciphertext))
    member = suite.extract(gs.joiner_secret, bytes(suite.nh))
    key, nonce = welcome_key_nonce(suite, suite.derive_secret(member, "welcome"))
    gi = m.GroupInfo.from_bytes(suite.aead_open(key, nonce, b"", welcome.encrypted_group_info))
    suite.verify_with_label(bytes.fromhex(case["signer_pub"]), "GroupInfoTBS", gi.tbs_bytes(),
                            gi.signature)
    secrets = from_joiner_secret(suite, gs.joiner_secret, gi.group_context)
    secrets.verify_confirmation_tag(gi.group_context.confirmed_transcript_hash,
                                    gi.confirmation_tag)
