# SPDX-License-Identifier: Apache-2.0
"""A ratchet tree from the wire (RFC 9420 sections 12.4.3.1, 12.4.3.3): decoded but not
trusted until :meth:`UnverifiedRatchetTree.verify` has run the joiner's checks.
"""

from __future__ import annotations

from collections.abc import Sequence

from crypto import messages as m
from crypto.errors import DecodeError, ProtocolError, VerificationError
from crypto.messages import LeafNode, ParentNode
from crypto.messages.checks import check_hpke_public_key
from crypto.suites import CipherSuite
from crypto.tree import treemath as tm
from crypto.tree.base import _MAX_LEAVES, RequiredCapabilitiesView, TreeNode
from crypto.tree.leaf_rules import _ValidatingTree
from crypto.tree.ratchet_tree import RatchetTree


def _nodes_from_wire(wire: Sequence[m.Node | None]) -> list[TreeNode]:
    if not wire:
        raise DecodeError("empty ratchet tree")
    if wire[-1] is None:
        raise DecodeError("ratchet tree ends with a blank node")
    n_leaves = 1
    while tm.node_width(n_leaves) < len(wire):
        n_leaves *= 2
        if n_leaves > _MAX_LEAVES:
            raise DecodeError("ratchet tree too large")
    nodes: list[TreeNode] = [None] * tm.node_width(n_leaves)
    for x, entry in enumerate(wire):
        if entry is None:
            continue
        if x & 1 == 0:
            if entry.node_type != m.NodeType.leaf or entry.leaf_node is None:
                raise DecodeError("parent node in a leaf position")
            nodes[x] = entry.leaf_node
        else:
            if entry.node_type != m.NodeType.parent or entry.parent_node is None:
                raise DecodeError("leaf node in a parent position")
            nodes[x] = entry.parent_node
    return nodes


def _nodes_from_bodies(wire: Sequence[LeafNode | ParentNode | None]) -> list[TreeNode]:
    """As :func:`_nodes_from_wire` for unwrapped nodes (the type is the class)."""
    if not wire:
        raise DecodeError("empty ratchet tree")
    if wire[-1] is None:
        raise DecodeError("ratchet tree ends with a blank node")
    n_leaves = 1
    while tm.node_width(n_leaves) < len(wire):
        n_leaves *= 2
        if n_leaves > _MAX_LEAVES:
            raise DecodeError("ratchet tree too large")
    nodes: list[TreeNode] = list(wire)
    nodes.extend([None] * (tm.node_width(n_leaves) - len(wire)))
    for x in range(0, len(wire), 2):
        if isinstance(wire[x], ParentNode):
            raise DecodeError("parent node in a leaf position")
    for x in range(1, len(wire), 2):
        if isinstance(wire[x], LeafNode):
            raise DecodeError("leaf node in a parent position")
    return nodes


def parse_ratchet_tree(suite: CipherSuite, data: bytes) -> UnverifiedRatchetTree:
    """Decode ``optional<Node> ratchet_tree<V>`` from untrusted bytes.

    The tree keeps each node's encoding as read, so its tree hash costs one SHA-256
    per node instead of re-encoding every node first.

    Raises:
        DecodeError: malformed bytes, a node of the wrong kind for its position,
            an empty tree or trailing blank nodes.
    """
    bodies, encodings = m.decode_ratchet_tree_with_encodings(data)
    nodes = _nodes_from_bodies(bodies)
    encoded: list[tuple[TreeNode, bytes] | None] = [
        None if node is None or enc is None else (node, enc)
        for node, enc in zip(nodes, encodings, strict=False)]
    return UnverifiedRatchetTree(suite, nodes, None, encoded)


def restore_ratchet_tree(suite: CipherSuite, data: bytes) -> RatchetTree:
    """A tree from the application's own stored group state (which its store
    authenticates): decoded, not re-verified, as it was trusted when stored. Its
    hash cache starts empty and is recomputed on demand from the stored bytes."""
    unverified = parse_ratchet_tree(suite, data)
    return RatchetTree(suite, unverified._nodes, None, unverified._encoded)


def unverified_from_nodes(
    suite: CipherSuite, wire: Sequence[m.Node | None]
) -> UnverifiedRatchetTree:
    """An untrusted tree from an already-decoded ``ratchet_tree`` extension."""
    return UnverifiedRatchetTree(suite, _nodes_from_wire(wire))


class UnverifiedRatchetTree(_ValidatingTree):
    """A tree from the wire: readable, hashable, but not yet usable for MLS."""

    __slots__ = ()

    def verify(
        self,
        *,
        group_id: bytes,
        tree_hash: bytes,
        now: int | None = None,
        required_capabilities: RequiredCapabilitiesView | None = None,
    ) -> RatchetTree:
        """The joiner's checks (section 12.4.3.1); returns the trusted tree.

        Args:
            group_id: the group's id (signature context of update/commit leaves).
            tree_hash: the GroupContext ``tree_hash`` the tree must match.
            now: seconds since the epoch for leaf lifetimes, or ``None`` to skip.
            required_capabilities: the GroupContext's ``required_capabilities``.

        Raises:
            VerificationError: tree hash, a parent hash or a leaf signature fails.
            ProtocolError: structural rules (unmerged leaves, duplicates, capabilities).
        """
        if tree_hash != self.tree_hash():
            raise VerificationError("tree hash does not match the group context")
        self.verify_structure(
            group_id=group_id, now=now, required_capabilities=required_capabilities
        )
        return RatchetTree(self.suite, list(self._nodes), list(self._hashes),
                           list(self._encoded))

    def verify_structure(
        self,
        *,
        group_id: bytes,
        now: int | None = None,
        required_capabilities: RequiredCapabilitiesView | None = None,
    ) -> None:
        """All checks of :meth:`verify` except the comparison with a known tree hash."""
        if not any(isinstance(n, LeafNode) for n in self._nodes):
            raise ProtocolError("tree has no members")
        self._check_rightmost()
        self._verify_unmerged_and_keys()
        self._verify_parent_hashes()
        in_use = {int(leaf.credential.credential_type) for _, leaf in self.leaves()}
        for idx, leaf in self.leaves():
            if not in_use <= set(leaf.capabilities.credentials):
                raise ProtocolError("a member does not support a credential type in use")
            self.validate_leaf_node(
                leaf,
                group_id=group_id,
                leaf_index=idx,
                source=None,
                now=now,
                required_capabilities=required_capabilities,
                replacing=idx,
                check_against_members=False,
            )

    def _check_rightmost(self) -> None:
        # A minimal tree has a non-blank leaf in the root's right half (12.1.3).
        n = self.n_leaves
        if n > 1 and not any(self._nodes[2 * i] is not None for i in range(n // 2, n)):
            raise ProtocolError("tree is not truncated")

    def _verify_unmerged_and_keys(self) -> None:
        enc_keys: set[bytes] = set()
        sig_keys: set[bytes] = set()

        for x, node in enumerate(self._nodes):
            if node is None:
                continue
            if node.encryption_key in enc_keys:
                raise ProtocolError("duplicate encryption key in the tree")
            enc_keys.add(node.encryption_key)
            check_hpke_public_key(self.suite, node.encryption_key)
            if isinstance(node, LeafNode):
                if node.signature_key in sig_keys:
                    raise ProtocolError("duplicate signature key in the tree")
                sig_keys.add(node.signature_key)
                continue
            if list(node.unmerged_leaves) != sorted(set(node.unmerged_leaves)):
                raise ProtocolError("unmerged leaves are not sorted or repeat a leaf")
            for u in node.unmerged_leaves:
                if not 0 <= u < self.n_leaves or self._nodes[2 * u] is None:
                    raise ProtocolError("unmerged leaf is blank or out of range")
                if not tm.is_in_subtree(x, 2 * u):
                    raise ProtocolError("unmerged leaf is not under its parent")
                for between in tm.direct_path(2 * u, self.n_leaves):
                    if between == x:
                        break
                    mid = self._nodes[between]
                    if isinstance(mid, ParentNode) and u not in mid.unmerged_leaves:
                        raise ProtocolError("unmerged leaf missing from an intermediate node")

