# SPDX-License-Identifier: Apache-2.0
"""Checker for ``tree-operations.json``: one Add/Update/Remove applied to a tree (12.1)."""

from __future__ import annotations

from crypto import messages as m
from crypto.conformance import Case, vector_file
from crypto.suites import get_suite
from crypto.tree import RatchetTree, parse_ratchet_tree

__all__ = ["check_tree_operations"]


@vector_file("tree-operations.json")
def check_tree_operations(case: Case) -> None:
    """Tree hash before, apply the proposal, compare bytes and tree hash after."""
    suite = get_suite(int(case["cipher_suite"]))
    before = parse_ratchet_tree(suite, bytes.fromhex(case["tree_before"]))
    if before.tree_hash().hex() != case["tree_hash_before"]:
        raise AssertionError("tree hash before mismatch")
    # The vectors carry no group id, so leaf signatures cannot be checked here;
    # the tree is taken as given (tree-validation.json covers verification).
    tree = RatchetTree(suite, list(before.nodes()))
    proposal = m.Proposal.from_bytes(bytes.fromhex(case["proposal"]))
    sender = int(case["proposal_sender"])
    body = proposal.body
    if isinstance(body, m.Add):
        after, _ = tree.apply_proposals(adds=[body.key_package.leaf_node])
    elif isinstance(body, m.Update):
        after, _ = tree.apply_proposals(updates=[(sender, body.leaf_node)])
    elif isinstance(body, m.Remove):
        after, _ = tree.apply_proposals(removes=[body.removed])
    else:
        raise AssertionError("unexpected proposal type")
    if after.encode().hex() != case["tree_after"]:
        raise AssertionError("tree after mismatch")
    if after.tree_hash().hex() != case["tree_hash_after"]:
        raise AssertionError("tree hash after mismatch")
