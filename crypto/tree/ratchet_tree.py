# SPDX-License-Identifier: Apache-2.0
"""The trusted ratchet tree (RFC 9420 sections 7.7, 12.1, 12.3): immutable, every
change (add, remove, update, a commit's proposals) returns a new tree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from crypto import messages as m
from crypto.codec import Reader, Writer, encode_varint
from crypto.errors import DecodeError, ProtocolError, UsageError
from crypto.messages import LeafNode, ParentNode
from crypto.suites import CipherSuite
from crypto.tree import treemath as tm
from crypto.tree.base import _MAX_LEAVES, TreeNode
from crypto.tree.leaf_rules import _ValidatingTree


class RatchetTree(_ValidatingTree):
    """A trusted ratchet tree. Immutable: every operation returns a new tree.

    Get one from :meth:`create` (a new group), from
    :meth:`UnverifiedRatchetTree.verify` (a joiner) or from operations on another
    trusted tree. The constructor takes a node array as is and checks nothing
    beyond its shape: never feed it nodes that came off the wire.
    """

    __slots__ = ()

    @classmethod
    def create(cls, suite: CipherSuite, leaf: LeafNode) -> RatchetTree:
        """The one-member tree of a new group (section 11)."""
        return cls(suite, [leaf])

    def copy(self) -> RatchetTree:
        """A shallow copy sharing nodes (immutable) and the valid hash cache."""
        return RatchetTree(self.suite, list(self._nodes), list(self._hashes),
                           list(self._encoded))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RatchetTree):
            return NotImplemented
        return self.suite.id == other.suite.id and self._nodes == other._nodes

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"RatchetTree(suite={self.suite.id}, leaves={self.n_leaves}, "
            f"members={self.member_count()})"
        )

    # -- in-place primitives, used only on fresh copies --------------------------

    def _set(self, x: int, node: TreeNode) -> None:
        self._nodes[x] = node
        self._hashes[x] = None
        n = self.n_leaves
        r = tm.root(n)
        while x != r:
            x = tm.parent(x, n)
            self._hashes[x] = None

    def _blank_path(self, leaf_index: int) -> None:
        for p in tm.direct_path(2 * leaf_index, self.n_leaves):
            if self._nodes[p] is not None:
                self._nodes[p] = None
            self._hashes[p] = None

    def _extend(self) -> None:
        # The old tree becomes the left subtree: its node indices and hashes stay.
        width = len(self._nodes)
        self._nodes.extend([None] * (width + 1))
        self._hashes.extend([None] * (width + 1))
        self._hashes[width] = None  # new root

    def _truncate(self) -> None:
        while self.n_leaves > 1:
            n = self.n_leaves
            if any(self._nodes[2 * i] is not None for i in range(n // 2, n)):
                return
            half = tm.node_width(n // 2)
            del self._nodes[half:]
            del self._hashes[half:]

    def _add(self, leaf: LeafNode, start: int = 0) -> int:
        # ``start``: no blank leaf lies left of it (adds in one batch fill left to right).
        index = next(
            (i for i in range(start, self.n_leaves) if self._nodes[2 * i] is None), self.n_leaves
        )
        if index >= _MAX_LEAVES:
            raise ProtocolError("tree is full")
        while index >= self.n_leaves:
            self._extend()
        self._set(2 * index, leaf)
        for p in tm.direct_path(2 * index, self.n_leaves):
            node = self._nodes[p]
            if isinstance(node, ParentNode):
                # Section 7.1: unmerged_leaves stay sorted in increasing order.
                self._nodes[p] = replace(node, unmerged_leaves=tuple(
                    sorted((*node.unmerged_leaves, index))))
        return index

    def _remove(self, leaf_index: int) -> None:
        self.check_leaf_index(leaf_index)
        self._set(2 * leaf_index, None)
        self._blank_path(leaf_index)
        self._truncate()

    def _update(self, leaf_index: int, leaf: LeafNode) -> None:
        self.check_leaf_index(leaf_index)
        self._set(2 * leaf_index, leaf)
        self._blank_path(leaf_index)

    # -- public operations --------------------------------------------------------

    def add_leaf(self, leaf: LeafNode) -> tuple[RatchetTree, int]:
        """Add ``leaf`` at the leftmost blank leaf, extending when full (12.1.1).

        The caller has validated ``leaf`` (``validate_leaf_node``).
        Returns the new tree and the leaf index used.
        """
        t = self.copy()
        return t, t._add(leaf)

    def remove_leaf(self, leaf_index: int) -> RatchetTree:
        """Blank the leaf and its direct path, then truncate (12.1.3).

        Raises:
            ProtocolError: ``leaf_index`` is not a member.
        """
        t = self.copy()
        t._remove(leaf_index)
        return t

    def update_leaf(self, leaf_index: int, leaf: LeafNode) -> RatchetTree:
        """Replace a member's leaf and blank its direct path (12.1.2)."""
        t = self.copy()
        t._update(leaf_index, leaf)
        return t

    def apply_proposals(
        self,
        *,
        updates: Iterable[tuple[int, LeafNode]] = (),
        removes: Iterable[int] = (),
        adds: Iterable[LeafNode] = (),
    ) -> tuple[RatchetTree, list[int]]:
        """Apply the tree effects of a proposal list in the order of section 12.3.

        Updates (sender leaf index, new leaf), then removes (leaf indices), then adds
        (in list order). Validating each proposal is the caller's job; this checks
        only that updated and removed leaves are members and that no leaf is removed
        twice.

        Returns:
            The new tree and the leaf indices the adds landed on (the exclusion
            list of section 12.4.2 and the Welcome's recipients).

        Raises:
            ProtocolError: a structural rule fails; ``self`` is unchanged.
        """
        t = self.copy()
        for idx, leaf in updates:
            t._update(idx, leaf)
        for idx in removes:
            t._remove(idx)
        added: list[int] = []
        for leaf in adds:
            added.append(t._add(leaf, added[-1] + 1 if added else 0))
        return t, added

    def unmerged_leaves(self, x: int) -> tuple[int, ...]:
        """Unmerged leaves of parent node ``x`` (empty for blank nodes)."""
        node = self.node(x)
        return tuple(node.unmerged_leaves) if isinstance(node, ParentNode) else ()

    def find_leaf(self, leaf: LeafNode) -> int | None:
        """Index of the leaf equal to ``leaf`` (a joiner finding itself), if any."""
        for idx, other in self.leaves():
            if other == leaf:
                return idx
        return None

    # -- storage deltas -----------------------------------------------------------

    def changes_since(self, older: RatchetTree) -> bytes:
        """The nodes of this tree that differ from ``older``'s, encoded for a holder that
        stores a group's tree commit after commit: a commit changes a direct path and a
        few leaves, not the whole tree. ``older.with_changes(...)`` gives this tree back.

        Layout: ``uint32 width; opaque indices<V> (uint32 each, increasing);
        optional<Node> nodes<V>`` (the nodes as the ``ratchet_tree`` extension encodes
        them, one per index).
        """
        nodes, old = self._nodes, older._nodes
        changed = [x for x, node in enumerate(nodes)
                   if (node is not None if x >= len(old)
                       else node is not old[x] and node != old[x])]
        w = Writer()
        w.u32(len(nodes))
        w.opaque_v(b"".join(x.to_bytes(4, "big") for x in changed))
        w.opaque_v(b"".join([self._wire_node(x) for x in changed]))
        return w.getvalue()

    def with_changes(self, data: bytes) -> RatchetTree:
        """This tree with the nodes of :meth:`changes_since` put in (the holder's own
        stored bytes: decoded, not re-verified; DecodeError if malformed)."""
        r = Reader(data)
        width = r.u32()
        raw = r.opaque_v()
        body = r.opaque_v()
        r.finish()
        changed, encodings = m.decode_ratchet_tree_with_encodings(encode_varint(len(body))
                                                                  + body)
        if len(raw) % 4 or len(raw) // 4 != len(changed):
            raise DecodeError("tree changes: indices and nodes differ in number")
        nodes: list[TreeNode] = list(self._nodes[:width])
        nodes.extend([None] * (width - len(nodes)))
        encoded = list(self._encoded[:width])
        encoded.extend([None] * (width - len(encoded)))
        last = -1
        for i, (node, enc) in enumerate(zip(changed, encodings, strict=True)):
            x = int.from_bytes(raw[4 * i:4 * i + 4], "big")
            if not last < x < width:
                raise DecodeError("tree changes: index out of order or range")
            last = x
            nodes[x] = node
            encoded[x] = (node, enc) if node is not None and enc is not None else None
        try:
            return RatchetTree(self.suite, nodes, None, encoded)
        except UsageError:
            raise DecodeError("tree changes: not a full tree") from None

    def verify_parent_hashes(self) -> None:
        """Re-run the joiner's parent-hash check on this tree (tests, audits)."""
        self._verify_parent_hashes()
