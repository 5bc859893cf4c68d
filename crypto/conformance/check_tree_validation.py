# SPDX-License-Identifier: Apache-2.0
"""Checker for ``tree-validation.json``: resolutions, tree hashes, joiner checks.

RFC 9420 sections 4.1.2, 7.8, 7.9 and 12.4.3.1.
"""

from __future__ import annotations

from crypto.conformance import Case, vector_file
from crypto.suites import get_suite
from crypto.tree import parse_ratchet_tree

__all__ = ["check_tree_validation"]


@vector_file("tree-validation.json")
def check_tree_validation(case: Case) -> None:
    """Every node's resolution and tree hash, then parent hashes and leaf signatures."""
    suite = get_suite(int(case["cipher_suite"]))
    tree = parse_ratchet_tree(suite, bytes.fromhex(case["tree"]))
    if len(case["resolutions"]) != tree.width or len(case["tree_hashes"]) != tree.width:
        raise AssertionError("node count mismatch")
    for x in range(tree.width):
        if tree.resolution(x) != case["resolutions"][x]:
            raise AssertionError(f"resolution of node {x} mismatch")
        if tree.tree_hash(x).hex() != case["tree_hashes"][x]:
            raise AssertionError(f"tree hash of node {x} mismatch")
    tree.verify(group_id=bytes.fromhex(case["group_id"]), tree_hash=tree.tree_hash())
