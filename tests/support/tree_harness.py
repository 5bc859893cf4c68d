# SPDX-License-Identifier: Apache-2.0
"""A tiny in-memory TreeKEM harness for the ratchet-tree tests: deterministic leaves and
a :class:`Group` that grows the way the WG's ``get_tree(n)`` does (member ``i`` adds
member ``i + 1`` with a full commit). Tree, TreeKEM and fast-path tests share it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace

from crypto import messages as m
from crypto.suites import CipherSuite, get_suite
from crypto.tree import RatchetTree
from crypto.tree.treekem import PrivateTreeState, merge_update_path, prepare_update_path

__all__ = ["CAPS", "GROUP_ID", "NOW", "SUITE", "Group", "context", "det_rng", "make_leaf"]


SUITE = get_suite(3)


GROUP_ID = b"corridor-test-group"


NOW = 1_700_000_000


def det_rng(seed: bytes) -> Callable[[int], bytes]:
    """Deterministic randomness so failures reproduce."""
    counter = [0]

    def rng(n: int) -> bytes:
        counter[0] += 1
        out = b""
        while len(out) < n:
            out += hashlib.sha256(
                seed + counter[0].to_bytes(4, "big") + len(out).to_bytes(2, "big")
            ).digest()
        return out[:n]

    return rng


CAPS = m.Capabilities(versions=(1,), cipher_suites=(1, 3), credentials=(1,))


def make_leaf(
    suite: CipherSuite,
    name: str,
    *,
    caps: m.Capabilities = CAPS,
    lifetime: tuple[int, int] = (0, 2**63),
) -> tuple[m.LeafNode, bytes, bytes]:
    """A signed key_package leaf: (leaf, encryption private key, signature private key)."""
    rng = det_rng(name.encode())
    esk, epk = suite.derive_key_pair(rng(32))
    ssk, spk = suite.generate_signature_key_pair(rng)
    leaf = m.LeafNode(
        encryption_key=epk,
        signature_key=spk,
        credential=m.Credential.basic(name.encode()),
        capabilities=caps,
        leaf_node_source=m.LeafNodeSource.key_package,
        lifetime=m.Lifetime(not_before=lifetime[0], not_after=lifetime[1]),
    )
    sig = suite.sign_with_label(ssk, "LeafNodeTBS", leaf.tbs_bytes())
    return replace(leaf, signature=sig), esk, ssk


def context(suite: CipherSuite, epoch: int, tree_hash: bytes) -> bytes:
    return m.GroupContext(
        cipher_suite=suite.id,
        group_id=GROUP_ID,
        epoch=epoch,
        tree_hash=tree_hash,
        confirmed_transcript_hash=b"\x00" * 32,
    ).to_bytes()


class Group:
    """Every member's view in one place: the shared tree, private states, signing keys."""

    def __init__(self, suite: CipherSuite, n: int) -> None:
        self.suite = suite
        leaf, esk, ssk = make_leaf(suite, "m0")
        self.tree = RatchetTree.create(suite, leaf)
        self.states = {0: PrivateTreeState.for_leaf(0, esk)}
        self.sig = {0: ssk}
        self.epoch = 0
        for i in range(1, n):
            self.add_by(i - 1, f"m{i}")

    def add_by(self, committer: int, name: str) -> int:
        leaf, esk, ssk = make_leaf(self.suite, name)
        tree, added = self.tree.apply_proposals(adds=[leaf])
        idx = added[0]
        secret = self.commit(committer, tree, exclude=added)
        self.sig[idx] = ssk
        prepared_ps = self._last_joiner_secret
        state = PrivateTreeState.for_leaf(idx, esk)
        if prepared_ps is not None:
            state = state.with_path_secret(self.suite, self.tree, committer, prepared_ps)
        state.check_against(self.suite, self.tree)
        self.states[idx] = state
        del secret
        return idx

    def commit(self, committer: int, tree: RatchetTree, exclude: list[int]) -> bytes:
        """Full commit by ``committer`` over ``tree``; every old member processes it."""
        rng = det_rng(f"commit{self.epoch}".encode())
        prepared = prepare_update_path(
            tree, committer, self.sig[committer], group_id=GROUP_ID, rng=rng
        )
        ctx = context(self.suite, self.epoch + 1, prepared.tree.tree_hash())
        path = m.UpdatePath.from_bytes(prepared.encrypt(ctx, exclude=exclude, rng=rng).to_bytes())
        merged = merge_update_path(tree, committer, path, group_id=GROUP_ID, exclude=exclude)
        assert merged.tree == prepared.tree
        for j, state in list(self.states.items()):
            if j == committer or merged.tree.leaf(j) is None:
                continue
            result = merged.decrypt(state, ctx)
            assert result.commit_secret == prepared.commit_secret
            self.states[j] = result.private_state
        self.states[committer] = prepared.private_state
        self.tree = prepared.tree
        self.epoch += 1
        ps = prepared.path_secret_for(exclude[0]) if exclude else None
        self._last_joiner_secret = None if ps is None else ps.value
        return prepared.commit_secret.value


