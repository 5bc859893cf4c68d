# SPDX-License-Identifier: Apache-2.0
"""The shared read side of every ratchet tree (RFC 9420 sections 4, 7.8, 7.9, 12.4.3.3):
shape and resolution, tree and parent hashes, the ``ratchet_tree`` encoding.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Final

from crypto import messages as m
from crypto.codec import Writer, encode_varint
from crypto.errors import ProtocolError, UsageError, VerificationError
from crypto.messages import LeafNode, LeafNodeSource, ParentNode
from crypto.suites import CipherSuite
from crypto.tree import treemath as tm

TreeNode = LeafNode | ParentNode | None

MLS10: Final = 1
# Section 7.2: types every client implements; they never need to be listed.
DEFAULT_PROPOSAL_TYPES: Final = frozenset(range(1, 8))
DEFAULT_EXTENSION_TYPES: Final = frozenset(range(1, 6))
_LEAF_TAG: Final = b"\x01"
_PARENT_TAG: Final = b"\x02"
_LEAF_HEAD: Final = b"\x01" + bytes((m.NodeType.leaf,))
_PARENT_HEAD: Final = b"\x01" + bytes((m.NodeType.parent,))
# Section 7.8 leaf/parent hash inputs are bounded by uint32 leaf indices.
_MAX_LEAVES: Final = 1 << 31


@dataclass(frozen=True, slots=True)
class RequiredCapabilitiesView:
    """The content of a ``required_capabilities`` extension (section 11.1)."""

    extension_types: tuple[int, ...] = ()
    proposal_types: tuple[int, ...] = ()
    credential_types: tuple[int, ...] = ()


def _opt_struct(node: LeafNode | ParentNode | None) -> bytes:
    return b"\x00" if node is None else b"\x01" + node.to_bytes()


def _vec(data: bytes) -> bytes:
    w = Writer()
    w.opaque_v(data)
    return w.getvalue()


def parent_hash_input(encryption_key: bytes, parent_hash: bytes, sibling_hash: bytes) -> bytes:
    """``ParentHashInput`` (section 7.9) serialized."""
    return _vec(encryption_key) + _vec(parent_hash) + _vec(sibling_hash)


def _leaf_parent_hash(leaf: LeafNode) -> bytes | None:
    if leaf.leaf_node_source != LeafNodeSource.commit:
        return None
    return leaf.parent_hash



class _TreeBase:
    """Shared read-only operations of trusted and untrusted trees."""

    __slots__ = ("_encoded", "_hashes", "_nodes", "suite")

    suite: CipherSuite
    _nodes: list[TreeNode]
    _hashes: list[bytes | None]
    # (node, its encoding) by node index: the bytes a node was decoded from, or its
    # encoding made once; tree hashes and the ratchet_tree extension reuse them. An
    # entry counts only while that very (immutable) node object sits at its index,
    # so nothing needs invalidating when a node changes. Each tree owns its list.
    _encoded: list[tuple[TreeNode, bytes] | None]

    def __init__(
        self,
        suite: CipherSuite,
        nodes: list[TreeNode],
        hashes: list[bytes | None] | None = None,
        encoded: list[tuple[TreeNode, bytes] | None] | None = None,
    ) -> None:
        n_leaves = (len(nodes) + 1) // 2
        if not nodes or n_leaves & (n_leaves - 1) or len(nodes) != tm.node_width(n_leaves):
            raise UsageError("node array must hold a full tree")
        self.suite = suite
        self._nodes = nodes
        self._hashes = hashes if hashes is not None else [None] * len(nodes)
        self._encoded = encoded if encoded is not None else []

    # -- shape ---------------------------------------------------------------

    @property
    def n_leaves(self) -> int:
        """Number of leaf slots (a power of two), blank ones included."""
        return (len(self._nodes) + 1) // 2

    @property
    def width(self) -> int:
        """Number of node slots."""
        return len(self._nodes)

    @property
    def root(self) -> int:
        return tm.root(self.n_leaves)

    def __len__(self) -> int:
        return len(self._nodes)

    def node(self, x: int) -> TreeNode:
        """Node at array index ``x`` (``None`` when blank)."""
        if not 0 <= x < len(self._nodes):
            raise UsageError("node index out of range")
        return self._nodes[x]

    def nodes(self) -> tuple[TreeNode, ...]:
        """All node slots, left to right."""
        return tuple(self._nodes)

    def leaf(self, leaf_index: int) -> LeafNode | None:
        """The leaf at ``leaf_index`` or ``None`` when blank."""
        if not 0 <= leaf_index < self.n_leaves:
            raise UsageError("leaf index out of range")
        node = self._nodes[2 * leaf_index]
        return node if isinstance(node, LeafNode) else None

    def parent_node(self, x: int) -> ParentNode | None:
        node = self.node(x)
        return node if isinstance(node, ParentNode) else None

    def leaves(self) -> Iterator[tuple[int, LeafNode]]:
        """(leaf index, leaf) for every non-blank leaf."""
        for i in range(0, len(self._nodes), 2):
            node = self._nodes[i]
            if isinstance(node, LeafNode):
                yield i // 2, node

    def member_count(self) -> int:
        return sum(1 for _ in self.leaves())

    def check_leaf_index(self, leaf_index: int) -> None:
        """ProtocolError unless ``leaf_index`` names a non-blank leaf (peer-supplied)."""
        if not 0 <= leaf_index < self.n_leaves or self._nodes[2 * leaf_index] is None:
            raise ProtocolError("leaf index does not name a member")

    # -- resolution and filtered direct path (section 4.1.2) -------------------

    def resolution(self, x: int, exclude: frozenset[int] = frozenset()) -> list[int]:
        """Resolution of node ``x``: the non-blank nodes covering its subtree.

        ``exclude`` holds leaf indices left out (new joiners of this commit, whose
        leaves and unmerged-leaf entries are not encryption targets).
        """
        if not 0 <= x < len(self._nodes):
            raise UsageError("node index out of range")
        out: list[int] = []
        self._resolve(x, exclude, out)
        return out

    def _resolve(self, x: int, exclude: frozenset[int], out: list[int]) -> None:
        node = self._nodes[x]
        if node is not None:
            if x & 1 == 0:
                if (x >> 1) not in exclude:
                    out.append(x)
                return
            out.append(x)
            assert isinstance(node, ParentNode)
            out.extend(2 * u for u in node.unmerged_leaves if u not in exclude)
            return
        if x & 1 == 0:
            return
        self._resolve(tm.left(x), exclude, out)
        self._resolve(tm.right(x), exclude, out)

    def _has_nonblank(self, x: int) -> bool:
        """Whether the subtree under ``x`` has any non-blank node (resolution non-empty)."""
        if self._nodes[x] is not None:
            return True
        if x & 1 == 0:
            return False
        return self._has_nonblank(tm.left(x)) or self._has_nonblank(tm.right(x))

    def filtered_direct_path(self, leaf_index: int) -> list[tuple[int, int]]:
        """(parent, copath child) pairs of the leaf's filtered direct path, bottom up.

        Section 4.1.2: a direct-path node whose copath child has an empty resolution
        is left out.
        """
        if not 0 <= leaf_index < self.n_leaves:
            raise UsageError("leaf index out of range")
        x = 2 * leaf_index
        path = tm.direct_path(x, self.n_leaves)
        cop = tm.copath(x, self.n_leaves)
        return [(p, c) for p, c in zip(path, cop, strict=True) if self._has_nonblank(c)]

    # -- tree hash (section 7.8) -----------------------------------------------

    def tree_hash(self, x: int | None = None) -> bytes:
        """Tree hash of node ``x`` (default: the root, the GroupContext's value)."""
        if x is None:
            x = self.root
        if not 0 <= x < len(self._nodes):
            raise UsageError("node index out of range")
        return self._th(x)

    def _encoding(self, x: int, node: LeafNode | ParentNode) -> bytes:
        """``node.to_bytes()`` for the node at index ``x``, kept for reuse."""
        encoded = self._encoded
        if x < len(encoded):
            entry = encoded[x]
            # Decoding is canonical (minimal varints, strict booleans, no defaults), so
            # the bytes a node was decoded from are exactly node.to_bytes().
            if entry is not None and entry[0] is node:
                return entry[1]
        else:
            encoded.extend([None] * (x + 1 - len(encoded)))
        data = node.to_bytes()
        encoded[x] = (node, data)
        return data

    def _node_bytes(self, x: int, node: LeafNode | ParentNode | None) -> bytes:
        """``optional<LeafNode/ParentNode>`` of node ``x`` as the tree hash encodes it."""
        if node is None:
            return b"\x00"
        return b"\x01" + self._encoding(x, node)

    def _th(self, x: int) -> bytes:
        cached = self._hashes[x]
        if cached is not None:
            return cached
        node = self._nodes[x]
        if x & 1 == 0:
            assert node is None or isinstance(node, LeafNode)
            data = _LEAF_TAG + (x >> 1).to_bytes(4, "big") + self._node_bytes(x, node)
        else:
            assert node is None or isinstance(node, ParentNode)
            left, right = self._th(tm.left(x)), self._th(tm.right(x))
            # Hashes are Nh = 32 < 64 bytes: a one-byte varint length each.
            data = (
                _PARENT_TAG
                + self._node_bytes(x, node)
                + bytes((len(left),)) + left
                + bytes((len(right),)) + right
            )
        h = self.suite.hash(data)
        self._hashes[x] = h
        return h

    def _th_without(self, x: int, removed: frozenset[int]) -> bytes:
        """Tree hash of ``x`` with the leaves ``removed`` blanked and unlisted (7.9)."""
        lvl = tm.level(x)
        lo = (x >> (lvl + 1)) << lvl  # first leaf index under x
        if not any(lo <= u < lo + (1 << lvl) for u in removed):
            return self._th(x)
        node = self._nodes[x]
        if x & 1 == 0:
            return self.suite.hash(_LEAF_TAG + (x >> 1).to_bytes(4, "big") + b"\x00")
        if isinstance(node, ParentNode):
            node = replace(
                node, unmerged_leaves=tuple(u for u in node.unmerged_leaves if u not in removed)
            )
        data = (
            _PARENT_TAG
            + _opt_struct(node)
            + _vec(self._th_without(tm.left(x), removed))
            + _vec(self._th_without(tm.right(x), removed))
        )
        return self.suite.hash(data)

    # -- parent hash (section 7.9) ---------------------------------------------

    def parent_hash_of(self, p: int, sibling: int) -> bytes:
        """Parent hash of parent node ``p`` with copath child ``sibling``."""
        node = self._nodes[p]
        if not isinstance(node, ParentNode):
            raise UsageError("parent hash of a blank or leaf node")
        original = self._th_without(sibling, frozenset(node.unmerged_leaves))
        return self.suite.hash(parent_hash_input(node.encryption_key, node.parent_hash, original))

    def _verify_parent_hashes(self) -> None:
        """Every non-blank parent must have exactly one parent-hash-valid child link.

        The top-down check of section 7.9.2: for parent P with children C and S,
        exactly one node D in the resolution of C (over both choices of C) carries
        the parent hash of P with copath child S, with the rest of C's resolution
        being P's unmerged leaves under C.
        """
        for p in range(1, len(self._nodes), 2):
            node = self._nodes[p]
            if node is None:
                continue
            assert isinstance(node, ParentNode)
            unmerged = {2 * u for u in node.unmerged_leaves}
            found = 0
            for c, s in ((tm.left(p), tm.right(p)), (tm.right(p), tm.left(p))):
                res = self.resolution(c)
                others = [d for d in res if d not in unmerged]
                if len(others) != 1:
                    continue
                d = others[0]
                under_c = {u for u in unmerged if tm.is_in_subtree(c, u)}
                if under_c != set(res) - {d}:
                    continue
                d_node = self._nodes[d]
                d_hash = (
                    _leaf_parent_hash(d_node)
                    if isinstance(d_node, LeafNode)
                    else d_node.parent_hash
                    if isinstance(d_node, ParentNode)
                    else None
                )
                if d_hash is not None and d_hash == self.parent_hash_of(p, s):
                    found += 1
            if found != 1:
                raise VerificationError("parent node is not parent-hash valid")

    # -- encoding (section 12.4.3.3) --------------------------------------------

    def to_nodes(self) -> list[m.Node | None]:
        """The ``ratchet_tree`` array with trailing blank nodes dropped."""
        last = len(self._nodes)
        while last > 0 and self._nodes[last - 1] is None:
            last -= 1
        out: list[m.Node | None] = []
        for node in self._nodes[:last]:
            if node is None:
                out.append(None)
            elif isinstance(node, LeafNode):
                out.append(m.Node.leaf(node))
            else:
                out.append(m.Node.parent(node))
        return out

    def _wire_node(self, x: int) -> bytes:
        """Node ``x`` as ``optional<Node>`` of the ``ratchet_tree`` encoding."""
        node = self._nodes[x]
        if node is None:
            return b"\x00"
        head = _LEAF_HEAD if isinstance(node, LeafNode) else _PARENT_HEAD
        return head + self._encoding(x, node)

    def encode(self) -> bytes:
        """``optional<Node> ratchet_tree<V>`` as sent in the ``ratchet_tree`` extension.

        The bytes of ``m.encode_ratchet_tree(self.to_nodes())``, joined from each
        node's own encoding (kept from decoding or made once) instead of through
        per-node wrapper structs.
        """
        nodes = self._nodes
        last = len(nodes)
        while last > 0 and nodes[last - 1] is None:
            last -= 1
        body = b"".join([self._wire_node(x) for x in range(last)])
        return encode_varint(len(body)) + body

