# SPDX-License-Identifier: Apache-2.0
"""Checker for ``treekem.json``: UpdatePath processing and creation (RFC 9420 7.4-7.6)."""

from __future__ import annotations

from crypto import messages as m
from crypto.conformance import Case, vector_file
from crypto.secret_bytes import Secret
from crypto.suites import CipherSuite, get_suite
from crypto.tree import RatchetTree, parse_ratchet_tree
from crypto.tree.treekem import PrivateTreeState, merge_update_path, prepare_update_path

__all__ = ["check_treekem"]


def _context(suite: CipherSuite, case: Case, tree_hash: bytes) -> bytes:
    return m.GroupContext(
        version=m.ProtocolVersion.mls10,
        cipher_suite=suite.id,
        group_id=bytes.fromhex(case["group_id"]),
        epoch=int(case["epoch"]),
        tree_hash=tree_hash,
        confirmed_transcript_hash=bytes.fromhex(case["confirmed_transcript_hash"]),
        extensions=(),
    ).to_bytes()


@vector_file("treekem.json")
def check_treekem(case: Case) -> None:
    """Process each UpdatePath as every other member; then create one and process it."""
    suite = get_suite(int(case["cipher_suite"]))
    group_id = bytes.fromhex(case["group_id"])
    unverified = parse_ratchet_tree(suite, bytes.fromhex(case["ratchet_tree"]))
    unverified.verify_structure(group_id=group_id)
    tree = RatchetTree(suite, list(unverified.nodes()))
    states: dict[int, PrivateTreeState] = {}
    sig_keys: dict[int, bytes] = {}
    for entry in case["leaves_private"]:
        idx = int(entry["index"])
        keys = {2 * idx: Secret(bytes.fromhex(entry["encryption_priv"]))}
        for ps in entry["path_secrets"]:
            secret = bytes.fromhex(ps["path_secret"])
            sk, _pk = suite.derive_key_pair(suite.derive_secret(secret, "node"))
            keys[int(ps["node"])] = Secret(sk)
        state = PrivateTreeState(idx, keys)
        state.check_against(suite, tree)
        states[idx] = state
        sig_keys[idx] = bytes.fromhex(entry["signature_priv"])

    for up in case["update_paths"]:
        sender = int(up["sender"])
        path = m.UpdatePath.from_bytes(bytes.fromhex(up["update_path"]))
        merged = merge_update_path(tree, sender, path, group_id=group_id)
        if merged.tree.tree_hash().hex() != up["tree_hash_after"]:
            raise AssertionError("tree hash after merge mismatch")
        ctx = _context(suite, case, merged.tree.tree_hash())
        for j, state in states.items():
            if j == sender or tree.leaf(j) is None:
                continue
            result = merged.decrypt(state, ctx)
            if result.path_secret.value.hex() != up["path_secrets"][j]:
                raise AssertionError(f"path secret of leaf {j} mismatch")
            if result.commit_secret.value.hex() != up["commit_secret"]:
                raise AssertionError(f"commit secret of leaf {j} mismatch")

        prepared = prepare_update_path(tree, sender, sig_keys[sender], group_id=group_id)
        ctx2 = _context(suite, case, prepared.tree.tree_hash())
        new_path = m.UpdatePath.from_bytes(prepared.encrypt(ctx2).to_bytes())
        merged2 = merge_update_path(tree, sender, new_path, group_id=group_id)
        if merged2.tree.tree_hash() != prepared.tree.tree_hash():
            raise AssertionError("receiver's merged tree differs from the committer's")
        merged2.tree.verify_parent_hashes()
        for j, state in states.items():
            if j == sender or tree.leaf(j) is None:
                continue
            if merged2.decrypt(state, ctx2).commit_secret != prepared.commit_secret:
                raise AssertionError(f"leaf {j} derived another commit secret")
