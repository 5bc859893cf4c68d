# SPDX-License-Identifier: Apache-2.0
"""Checkers for ``passive-client-*.json`` (a client following a group, RFC 9420 §12).

The client joins from the Welcome (with the given ratchet tree or the one in the
GroupInfo, and the external PSKs), then applies each epoch's proposals and commit
through :class:`crypto.group.Group` and compares epoch authenticators.
"""

from __future__ import annotations

from crypto import messages as m
from crypto.conformance import Case, vector_file
from crypto.errors import ProtocolError
from crypto.group import Group, StagedCommit, StoredProposal
from crypto.messages.key_package import KeyPackageBundle
from crypto.suites import get_suite

__all__ = ["check_passive_client"]

_NOW = 1_700_000_000


def _accept(credential: m.Credential, key: bytes) -> None:
    del credential, key


@vector_file("passive-client-welcome.json")
@vector_file("passive-client-handling-commit.json")
def check_passive_client(case: Case) -> None:
    """Join, follow every epoch, compare the epoch authenticators."""
    suite = get_suite(int(case["cipher_suite"]))
    kp_msg = m.MLSMessage.from_bytes(bytes.fromhex(case["key_package"]))
    kp = kp_msg.key_package
    if kp is None:
        raise AssertionError("key_package is not a KeyPackage")
    sig_priv = bytes.fromhex(case["signature_priv"])
    if suite.signature_public_key(sig_priv) != kp.leaf_node.signature_key:
        raise AssertionError("signature_priv does not match")
    bundle = KeyPackageBundle(kp, bytes.fromhex(case["init_priv"]),
                              bytes.fromhex(case["encryption_priv"]), sig_priv)
    psks = {bytes.fromhex(p["psk_id"]): bytes.fromhex(p["psk"]) for p in case["external_psks"]}
    tree = bytes.fromhex(case["ratchet_tree"]) if case["ratchet_tree"] else None
    group = Group.join(bytes.fromhex(case["welcome"]), bundle, ratchet_tree=tree,
                       credential_validator=_accept, now=_NOW, external_psks=psks)
    if group.epoch_authenticator.hex() != case["initial_epoch_authenticator"]:
        raise AssertionError("initial epoch authenticator mismatch")
    for i, epoch in enumerate(case["epochs"]):
        for p in epoch["proposals"]:
            out = group.process(bytes.fromhex(p), now=_NOW)
            if not isinstance(out, StoredProposal):
                raise AssertionError("proposal did not give a StoredProposal")
        staged = group.process(bytes.fromhex(epoch["commit"]), now=_NOW)
        if not isinstance(staged, StagedCommit):
            raise ProtocolError("commit did not stage")
        group.merge_staged_commit(staged)
        if group.epoch_authenticator.hex() != epoch["epoch_authenticator"]:
            raise AssertionError(f"epoch authenticator mismatch after epoch {i}")
