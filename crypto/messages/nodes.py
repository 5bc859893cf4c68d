# SPDX-License-Identifier: Apache-2.0
"""The ratchet tree's nodes and the UpdatePath (RFC 9420 sections 7.1, 7.2, 7.6,
12.4.3.3), as bytes on the wire; the tree's rules live in crypto.tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Self

from crypto.codec import Reader, Struct, Writer
from crypto.errors import UsageError
from crypto.messages.common import (
    ExtensionType,
    LeafNodeSource,
    NodeType,
    _decode_with,
    _enum,
    _put,
    _put_u32,
    _require,
    _structs,
)
from crypto.messages.credentials import (
    Capabilities,
    Credential,
    Extension,
    Lifetime,
    _get_extensions,
    _put_extensions,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class LeafNode(Struct):
    """RFC 9420 section 7.2 (unverified until its signature and rules are checked)::

        struct {
            HPKEPublicKey encryption_key;  SignaturePublicKey signature_key;
            Credential credential;         Capabilities capabilities;
            LeafNodeSource leaf_node_source;
            select (leaf_node_source) {
                case key_package: Lifetime lifetime;
                case update:      struct{};
                case commit:      opaque parent_hash<V>;
            };
            Extension extensions<V>;
            opaque signature<V>;   // SignWithLabel(., "LeafNodeTBS", LeafNodeTBS)
        } LeafNode;
    """

    encryption_key: bytes
    signature_key: bytes
    credential: Credential
    capabilities: Capabilities
    leaf_node_source: LeafNodeSource
    lifetime: Lifetime | None = None
    parent_hash: bytes | None = None
    extensions: tuple[Extension, ...] = ()
    signature: bytes = b""
    # The encoding of every field but the signature, made once: a leaf is encoded for
    # tree hashes, the ratchet tree, KeyPackage refs and signatures many times over.
    # Not a field of the struct (no init, compare, hash or repr; replace() drops it).
    _body: bytes | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        src = self.leaf_node_source
        _require((self.lifetime is not None) == (src == LeafNodeSource.key_package),
                 "lifetime is present exactly for key_package leaves")
        _require((self.parent_hash is not None) == (src == LeafNodeSource.commit),
                 "parent_hash is present exactly for commit leaves")

    def _body_bytes(self) -> bytes:
        body = self._body
        if body is None:
            w = Writer()
            self._encode_body(w)
            body = w.getvalue()
            object.__setattr__(self, "_body", body)
        return body

    def _encode_body(self, w: Writer) -> None:
        w.opaque_v(self.encryption_key)
        w.opaque_v(self.signature_key)
        self.credential.encode(w)
        self.capabilities.encode(w)
        w.u8(self.leaf_node_source)
        if self.lifetime is not None:
            self.lifetime.encode(w)
        if self.parent_hash is not None:
            w.opaque_v(self.parent_hash)
        _put_extensions(w, self.extensions)

    def encode(self, w: Writer) -> None:
        w.write(self._body_bytes())
        w.opaque_v(self.signature)

    def tbs_bytes(self, group_id: bytes | None = None, leaf_index: int | None = None) -> bytes:
        """The encoded ``LeafNodeTBS`` this leaf's signature covers.

        ``group_id`` and ``leaf_index`` are required for update and commit leaves and
        ignored for key_package leaves.

        Raises:
            UsageError: a group_id or leaf_index is needed but missing.
        """
        body = self._body_bytes()
        if self.leaf_node_source == LeafNodeSource.key_package:
            return body
        if group_id is None or leaf_index is None:
            raise UsageError("LeafNodeTBS of an update/commit leaf needs group and index")
        w = Writer()
        w.write(body)
        w.opaque_v(group_id)
        w.u32(leaf_index)
        return w.getvalue()

    tbs = tbs_bytes  # the name docs/crypto-interfaces.md uses

    @classmethod
    def decode(cls, r: Reader) -> Self:
        start = r.position
        encryption_key = r.opaque_v()
        signature_key = r.opaque_v()
        credential = Credential.decode(r)
        capabilities = Capabilities.decode(r)
        source = _enum(LeafNodeSource, r.u8())
        lifetime = Lifetime.decode(r) if source == LeafNodeSource.key_package else None
        parent_hash = r.opaque_v() if source == LeafNodeSource.commit else None
        extensions = _get_extensions(r)
        body = r.span(start)
        leaf = cls(encryption_key=encryption_key, signature_key=signature_key,
                   credential=credential, capabilities=capabilities, leaf_node_source=source,
                   lifetime=lifetime, parent_hash=parent_hash,
                   extensions=extensions, signature=r.opaque_v())
        # Decoding is canonical (minimal varints, strict presence bytes), so the bytes
        # read are the body's encoding.
        object.__setattr__(leaf, "_body", body)
        return leaf


@dataclass(frozen=True, slots=True, kw_only=True)
class ParentNode(Struct):
    """RFC 9420 section 7.1::

        struct {
            HPKEPublicKey encryption_key;
            opaque parent_hash<V>;
            uint32 unmerged_leaves<V>;    // sorted: checked by tree validation
        } ParentNode;
    """

    encryption_key: bytes
    parent_hash: bytes = b""
    unmerged_leaves: tuple[int, ...] = ()

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.encryption_key)
        w.opaque_v(self.parent_hash)
        w.vector(self.unmerged_leaves, _put_u32)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(encryption_key=r.opaque_v(), parent_hash=r.opaque_v(),
                   unmerged_leaves=r.uint_vector(4))


@dataclass(frozen=True, slots=True, kw_only=True)
class Node(Struct):
    """RFC 9420 section 12.4.3.3::

        struct {
            NodeType node_type;
            select (node_type) {
                case leaf:   LeafNode leaf_node;
                case parent: ParentNode parent_node;
            };
        } Node;
    """

    node_type: NodeType
    leaf_node: LeafNode | None = None
    parent_node: ParentNode | None = None

    def __post_init__(self) -> None:
        _require((self.leaf_node is not None) == (self.node_type == NodeType.leaf)
                 and (self.parent_node is not None) == (self.node_type == NodeType.parent),
                 "node_type must match the node present")

    @classmethod
    def leaf(cls, leaf_node: LeafNode) -> Node:
        return cls(node_type=NodeType.leaf, leaf_node=leaf_node)

    @classmethod
    def parent(cls, parent_node: ParentNode) -> Node:
        return cls(node_type=NodeType.parent, parent_node=parent_node)

    def encode(self, w: Writer) -> None:
        w.u8(self.node_type)
        if self.leaf_node is not None:
            self.leaf_node.encode(w)
        elif self.parent_node is not None:
            self.parent_node.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        node_type = _enum(NodeType, r.u8())
        if node_type == NodeType.leaf:
            return cls(node_type=node_type, leaf_node=LeafNode.decode(r))
        return cls(node_type=node_type, parent_node=ParentNode.decode(r))


def _put_optional_node(w: Writer, node: Node | None) -> None:
    w.optional(node, _put)


def _get_optional_node(r: Reader) -> Node | None:
    return r.optional(Node.decode)


def write_ratchet_tree(w: Writer, nodes: Sequence[Node | None]) -> None:
    """Append ``optional<Node> ratchet_tree<V>`` (None is a blank node)."""
    w.vector(nodes, _put_optional_node)


def read_ratchet_tree(r: Reader) -> tuple[Node | None, ...]:
    """Read ``optional<Node> ratchet_tree<V>``; tree validity is ``tree``'s job."""
    return tuple(r.vector(_get_optional_node))


def encode_ratchet_tree(nodes: Sequence[Node | None]) -> bytes:
    """The ratchet tree as carried in the ``ratchet_tree`` extension (section 12.4.3.3)."""
    w = Writer()
    write_ratchet_tree(w, nodes)
    return w.getvalue()


def decode_ratchet_tree(data: bytes) -> tuple[Node | None, ...]:
    """Decode exactly ``data`` as a ratchet tree (array form, blanks as None).

    Raises:
        DecodeError: malformed or trailing bytes.
    """
    return RatchetTree.from_bytes(data).nodes


def decode_ratchet_tree_with_encodings(
    data: bytes,
) -> tuple[tuple[LeafNode | ParentNode | None, ...], tuple[bytes | None, ...]]:
    """:func:`decode_ratchet_tree` without the ``Node`` wrappers (the node type is the
    body's class), plus each body's bytes as read (``None`` for blanks): the tree hash
    input, without re-encoding the node.

    Raises:
        DecodeError: malformed or trailing bytes.
    """
    def read(r: Reader) -> tuple[tuple[LeafNode | ParentNode | None, ...],
                                 tuple[bytes | None, ...]]:
        sub = r.sub()
        nodes: list[LeafNode | ParentNode | None] = []
        encodings: list[bytes | None] = []
        while sub.remaining:
            if not sub.boolean():
                nodes.append(None)
                encodings.append(None)
                continue
            node_type = _enum(NodeType, sub.u8())
            start = sub.position
            if node_type == NodeType.leaf:
                nodes.append(LeafNode.decode(sub))
            else:
                nodes.append(ParentNode.decode(sub))
            encodings.append(sub.span(start))
        return tuple(nodes), tuple(encodings)
    return _decode_with("RatchetTree", data, read)


@dataclass(frozen=True, slots=True, kw_only=True)
class RatchetTree(Struct):
    """``optional<Node> ratchet_tree<V>`` as a struct (the ``ratchet_tree`` extension data)."""

    nodes: tuple[Node | None, ...]

    def encode(self, w: Writer) -> None:
        write_ratchet_tree(w, self.nodes)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(nodes=read_ratchet_tree(r))

    def to_extension(self) -> Extension:
        return Extension(extension_type=ExtensionType.ratchet_tree,
                         extension_data=self.to_bytes())


@dataclass(frozen=True, slots=True, kw_only=True)
class HPKECiphertext(Struct):
    """``struct { opaque kem_output<V>; opaque ciphertext<V>; } HPKECiphertext``."""

    kem_output: bytes
    ciphertext: bytes

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.kem_output)
        w.opaque_v(self.ciphertext)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(kem_output=r.opaque_v(), ciphertext=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdatePathNode(Struct):
    """``struct { HPKEPublicKey encryption_key; HPKECiphertext encrypted_path_secret<V>; }``."""

    encryption_key: bytes
    encrypted_path_secret: tuple[HPKECiphertext, ...] = ()

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.encryption_key)
        w.vector(self.encrypted_path_secret, _put)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(encryption_key=r.opaque_v(),
                   encrypted_path_secret=_structs(r, HPKECiphertext.decode))


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdatePath(Struct):
    """``struct { LeafNode leaf_node; UpdatePathNode nodes<V>; } UpdatePath`` (section 7.6)."""

    leaf_node: LeafNode
    nodes: tuple[UpdatePathNode, ...] = ()

    def encode(self, w: Writer) -> None:
        self.leaf_node.encode(w)
        w.vector(self.nodes, _put)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(leaf_node=LeafNode.decode(r), nodes=_structs(r, UpdatePathNode.decode))
