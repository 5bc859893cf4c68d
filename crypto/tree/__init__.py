# SPDX-License-Identifier: Apache-2.0
"""The MLS ratchet tree (RFC 9420 sections 4, 7.1-7.9, 12.1, 12.3, 12.4.3).

A tree is an array of optional nodes (leaves at even indices, parents at odd ones;
see :mod:`crypto.tree.treemath`) whose leaf count is always a power of two::

    bytes --parse_ratchet_tree--> UnverifiedRatchetTree --verify(...)--> RatchetTree
                                                                          |  ^
            add / remove / update / apply_proposals / merge a path ------'  |
            (each returns a NEW RatchetTree; the old one is untouched) -----'

:class:`RatchetTree` values are immutable from the outside: every operation works
on a copy and returns it, so a failure (a typed error) can never leave a half-changed
tree behind. Tree hashes (section 7.8) are cached per node; a change invalidates only
the changed node's direct path, and a copy shares the still-valid entries, so a
commit on a 1,024-leaf tree re-hashes about a dozen nodes.

Trust: a tree decoded from bytes is an :class:`UnverifiedRatchetTree`; only
:meth:`UnverifiedRatchetTree.verify` (the joiner's checks of section 12.4.3.1: tree
hash, parent hashes, leaf validation, unmerged leaves, key uniqueness) turns it into
a :class:`RatchetTree`.

Errors: :class:`~crypto.errors.DecodeError` for bytes, :class:`~crypto.errors.
VerificationError` for a bad signature, tree hash or parent hash,
:class:`~crypto.errors.ProtocolError` for structure the protocol forbids,
:class:`~crypto.errors.UsageError` for caller mistakes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Final

from crypto import messages as m
from crypto.codec import Writer, encode_varint
from crypto.errors import (
    DecodeError,
    ProtocolError,
    UsageError,
    VerificationError,
)
from crypto.messages import LeafNode, LeafNodeSource, ParentNode
from crypto.suites import CipherSuite
from crypto.tree import treemath as tm

__all__ = [
    "DEFAULT_EXTENSION_TYPES",
    "DEFAULT_PROPOSAL_TYPES",
    "MLS10",
    "RatchetTree",
    "RequiredCapabilitiesView",
    "TreeNode",
    "UnverifiedRatchetTree",
    "parent_hash_input",
    "parse_ratchet_tree",
    "restore_ratchet_tree",
]

TreeNode = LeafNode | ParentNode | None

MLS10: Final = 1
# Section 7.2: types every client implements; they never need to be listed.
DEFAULT_PROPOSAL_TYPES: Final = frozenset(range(1, 8))
DEFAULT_EXTENSION_TYPES: Final = frozenset(range(1, 6))
_LEAF_TAG: Final = b"\x01"
_PARENT_TAG: Final = b"\x02"
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

    # -- leaf node validation (section 7.3) --------------------------------------

    def validate_leaf_node(
        self,
        leaf: LeafNode,
        *,
        group_id: bytes,
        leaf_index: int | None,
        source: LeafNodeSource | None,
        now: int | None = None,
        required_capabilities: RequiredCapabilitiesView | None = None,
        replacing: int | None = None,
        check_against_members: bool = True,
    ) -> None:
        """Validate ``leaf`` as it enters (or sits in) this tree (section 7.3).

        Args:
            group_id: signature context for ``update``/``commit`` leaves.
            leaf_index: the leaf's position (signature context; ignored for
                ``key_package`` leaves).
            source: the ``leaf_node_source`` this context demands, or ``None``
                for any (a tree being joined).
            now: seconds since the epoch for the lifetime check, or ``None`` to
                skip it (section 7.3 makes it optional for received leaves).
            required_capabilities: the group's ``required_capabilities``.
            replacing: leaf index whose own keys do not count as duplicates
                (an Update or a commit replacing that member's leaf).
            check_against_members: compare keys and credential types with the
                other members (a joiner checks the whole tree at once instead).

        Credential validation (the certificate chain) is the caller's: it lives in
        ``crypto.certs`` and depends on the application's trust roots.

        Raises:
            VerificationError: the signature does not verify.
            ProtocolError: a capability, lifetime, source or uniqueness rule fails.
        """
        if source is not None and leaf.leaf_node_source != source:
            raise ProtocolError("leaf node has the wrong source")
        if leaf.leaf_node_source == LeafNodeSource.key_package:
            if leaf.lifetime is None:
                raise ProtocolError("key package leaf without lifetime")
        elif leaf_index is None:
            raise UsageError("leaf index needed to verify this leaf node")
        _check_leaf_keys(self.suite, leaf)
        tbs = leaf.tbs_bytes(group_id, leaf_index)
        self.suite.verify_with_label(leaf.signature_key, "LeafNodeTBS", tbs, leaf.signature)
        self._check_capabilities(leaf, required_capabilities, replacing, check_against_members)
        lifetime = leaf.lifetime
        if (
            now is not None
            and lifetime is not None
            and not (lifetime.not_before <= now <= lifetime.not_after)
        ):
            raise ProtocolError("leaf node lifetime does not cover the current time")
        if (
            replacing is not None
            and leaf.leaf_node_source != LeafNodeSource.key_package
            and 0 <= replacing < self.n_leaves
        ):
            old = self._nodes[2 * replacing]
            if old is not None and old is not leaf and old.encryption_key == leaf.encryption_key:
                raise ProtocolError("replacement leaf reuses the old encryption key")
        if check_against_members:
            skip = None if replacing is None else 2 * replacing
            for x, node in enumerate(self._nodes):
                if node is None or x == skip:
                    continue
                if node.encryption_key == leaf.encryption_key:
                    raise ProtocolError("duplicate encryption key in the tree")
                if isinstance(node, LeafNode) and node.signature_key == leaf.signature_key:
                    raise ProtocolError("duplicate signature key in the tree")

    def validate_entering_leaves(
        self,
        entries: Sequence[tuple[int, LeafNode]],
        *,
        group_id: bytes,
        required_capabilities: RequiredCapabilitiesView | None = None,
    ) -> None:
        """Validate leaves that just entered this tree (added or updated), each as
        ``validate_leaf_node(leaf, group_id=group_id, leaf_index=idx, source=None,
        required_capabilities=..., replacing=idx)`` would, in the same order, but
        with one pass over the tree for all of them instead of one per leaf: the
        uniqueness and credential-support rules against the other members are
        answered from counts of keys and credential types.

        Raises:
            VerificationError: a signature does not verify.
            ProtocolError: a capability, source or uniqueness rule fails.
            UsageError: an entry is not the leaf at its index.
        """
        if not entries:
            return
        enc_count: dict[bytes, int] = {}
        sig_count: dict[bytes, int] = {}
        in_use: set[int] = set()
        leaves: list[LeafNode] = []
        for node in self._nodes:
            if node is None:
                continue
            key = node.encryption_key
            enc_count[key] = enc_count.get(key, 0) + 1
            if isinstance(node, LeafNode):
                leaves.append(node)
                key = node.signature_key
                sig_count[key] = sig_count.get(key, 0) + 1
                in_use.add(int(node.credential.credential_type))
        lacking: dict[int, int] = {}  # credential type -> members not supporting it
        for idx, leaf in entries:
            if not 0 <= idx < self.n_leaves or self._nodes[2 * idx] is not leaf:
                raise UsageError("entering leaf is not at its index")
            if leaf.leaf_node_source == LeafNodeSource.key_package and leaf.lifetime is None:
                raise ProtocolError("key package leaf without lifetime")
            _check_leaf_keys(self.suite, leaf)
            self.suite.verify_with_label(leaf.signature_key, "LeafNodeTBS",
                                         leaf.tbs_bytes(group_id, idx), leaf.signature)
            self._check_capabilities(leaf, required_capabilities, idx, False)
            # Against the other members. The leaf supports its own credential type
            # (checked just above), so counting over every leaf, itself included,
            # gives the same answers as counting over the others.
            cred_type = int(leaf.credential.credential_type)
            if cred_type not in lacking:
                lacking[cred_type] = sum(
                    1 for other in leaves if cred_type not in other.capabilities.credentials)
            if lacking[cred_type]:
                raise ProtocolError("a member does not support this credential type")
            if not in_use <= set(leaf.capabilities.credentials):
                raise ProtocolError("leaf node does not support a member's credential type")
            if enc_count[leaf.encryption_key] > 1:
                raise ProtocolError("duplicate encryption key in the tree")
            if sig_count[leaf.signature_key] > 1:
                raise ProtocolError("duplicate signature key in the tree")

    def validate_added_leaves(
        self,
        leaves: Sequence[LeafNode],
        *,
        now: int | None = None,
        required_capabilities: RequiredCapabilitiesView | None = None,
    ) -> None:
        """Validate the KeyPackage leaves of a batch of Adds at once (section 7.3).

        Same rules as :meth:`validate_leaf_node` with ``source=key_package``, in one
        pass over the tree instead of one per leaf, and also across the batch
        (two new leaves may not share a key).

        Raises:
            VerificationError: a leaf signature does not verify.
            ProtocolError: lifetime, capability, credential or uniqueness rule fails.
        """
        enc = {n.encryption_key for n in self._nodes if n is not None}
        sig = {leaf.signature_key for _, leaf in self.leaves()}
        everyone = [leaf for _, leaf in self.leaves()]
        for leaf in leaves:
            self.validate_leaf_node(
                leaf,
                group_id=b"",
                leaf_index=None,
                source=LeafNodeSource.key_package,
                now=now,
                required_capabilities=required_capabilities,
                check_against_members=False,
            )
            if leaf.encryption_key in enc or leaf.signature_key in sig:
                raise ProtocolError("added leaf repeats a key already in the group")
            enc.add(leaf.encryption_key)
            sig.add(leaf.signature_key)
            everyone.append(leaf)
        in_use = {int(leaf.credential.credential_type) for leaf in everyone}
        for leaf in everyone:
            if not in_use <= set(leaf.capabilities.credentials):
                raise ProtocolError("a member does not support a credential type in use")

    def _check_capabilities(
        self,
        leaf: LeafNode,
        required: RequiredCapabilitiesView | None,
        replacing: int | None,
        against_members: bool,
    ) -> None:
        caps = leaf.capabilities
        if MLS10 not in caps.versions or self.suite.id not in caps.cipher_suites:
            raise ProtocolError("leaf node does not support the group's version or suite")
        cred_type = int(leaf.credential.credential_type)
        if cred_type not in caps.credentials:
            raise ProtocolError("leaf node does not support its own credential type")
        for ext in leaf.extensions:
            et = int(ext.extension_type)
            if et not in DEFAULT_EXTENSION_TYPES and et not in caps.extensions:
                raise ProtocolError("leaf node uses an extension it does not list")
        if required is not None:
            if not set(required.extension_types) - DEFAULT_EXTENSION_TYPES <= set(caps.extensions):
                raise ProtocolError("leaf node lacks a required extension")
            if not set(required.proposal_types) - DEFAULT_PROPOSAL_TYPES <= set(caps.proposals):
                raise ProtocolError("leaf node lacks a required proposal type")
            if not set(required.credential_types) <= set(caps.credentials):
                raise ProtocolError("leaf node lacks a required credential type")
        if not against_members:
            return
        for idx, other in self.leaves():
            if idx == replacing or other is leaf:
                continue
            if cred_type not in other.capabilities.credentials:
                raise ProtocolError("a member does not support this credential type")
            if int(other.credential.credential_type) not in caps.credentials:
                raise ProtocolError("leaf node does not support a member's credential type")

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
        leaf_head = b"\x01" + bytes((m.NodeType.leaf,))
        parent_head = b"\x01" + bytes((m.NodeType.parent,))
        parts: list[bytes] = []
        for x in range(last):
            node = nodes[x]
            if node is None:
                parts.append(b"\x00")
                continue
            parts.append(leaf_head if isinstance(node, LeafNode) else parent_head)
            parts.append(self._encoding(x, node))
        body = b"".join(parts)
        return encode_varint(len(body)) + body


def _check_leaf_keys(suite: CipherSuite, leaf: LeafNode) -> None:
    """A leaf's encryption key can be encrypted to; its extension types are distinct."""
    from crypto.group.validation import check_hpke_public_key, check_unique_extensions

    check_hpke_public_key(suite, leaf.encryption_key)
    check_unique_extensions(leaf.extensions)


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


class UnverifiedRatchetTree(_TreeBase):
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
        from crypto.group.validation import check_hpke_public_key

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


class RatchetTree(_TreeBase):
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

    def verify_parent_hashes(self) -> None:
        """Re-run the joiner's parent-hash check on this tree (tests, audits)."""
        self._verify_parent_hashes()
