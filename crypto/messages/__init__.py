# SPDX-License-Identifier: Apache-2.0
"""Every RFC 9420 wire struct, decoded and re-encoded byte-exactly.

Sections: credentials (5.3), framing (6: ``Sender``, ``FramedContent``,
``FramedContentAuthData``, ``PublicMessage``, ``PrivateMessage``, ``SenderData``),
the ratchet tree's nodes (7.1-7.2, 12.4.3.3), ``UpdatePath`` (7.6), ``GroupContext``
(8.1), PSKs (8.4), ``KeyPackage`` (10), proposals and commits (12.1-12.4),
``GroupInfo``/``Welcome`` (12.4.3) and ``MLSMessage`` (6).

Shape of the module::

    bytes --from_bytes()--> struct (UNVERIFIED) --tree/framing/group checks--> trusted use
    struct --to_bytes()--> bytes (the same bytes it was decoded from)

Every value decoded here is *unverified*: signatures (``LeafNode``, ``KeyPackage``,
``GroupInfo``, ``FramedContentAuthData``), MACs (``membership_tag``,
``confirmation_tag``), lengths of keys and hashes, sortedness of
``unmerged_leaves`` and every other semantic rule are checked by the modules that
own them (``tree``, ``framing``, ``group``), never here. Decoding only guarantees
the bytes are a well-formed, minimal encoding that re-encodes to themselves.

Code points: where RFC 9420 leaves a registry open (cipher suites, protocol
versions, extension, proposal and credential types *as listed values*) fields are
plain ``int`` so unknown values survive a round trip; where the RFC fixes the set
(wire format of an ``MLSMessage``, content, sender, node and leaf-node-source
types, PSK types and usages, ``ProposalOrRefType``) an unknown value raises
:class:`~crypto.errors.DecodeError`. A ``Credential`` or ``Proposal`` of an unknown
type cannot be delimited (its body carries no length), so it is a ``DecodeError``
too.

A struct whose RFC form is a ``select`` keeps the discriminator as a field and one
optional field per arm, named as in the RFC; constructors check that exactly the
arm the discriminator names is present (``UsageError`` otherwise). Decoders never
allocate more than their input, never recurse on input-controlled depth, and
raise only ``DecodeError`` on bad input.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import ClassVar, Protocol, Self, TypeVar

from crypto.codec import Reader, Struct, Writer
from crypto.errors import DecodeError, UsageError

__all__ = [
    "KEY_PACKAGE_REF_LABEL",
    "PROPOSAL_REF_LABEL",
    "Add",
    "AuthenticatedContent",
    "AuthenticatedContentTBM",
    "Capabilities",
    "Commit",
    "ConfirmedTranscriptHashInput",
    "ContentType",
    "Credential",
    "CredentialType",
    "EncryptedGroupSecrets",
    "Extension",
    "ExtensionType",
    "ExternalInit",
    "ExternalPub",
    "ExternalSender",
    "FramedContent",
    "FramedContentAuthData",
    "FramedContentTBS",
    "GroupContext",
    "GroupContextExtensions",
    "GroupInfo",
    "GroupSecrets",
    "HPKECiphertext",
    "InterimTranscriptHashInput",
    "KeyPackage",
    "LeafNode",
    "LeafNodeSource",
    "Lifetime",
    "MLSMessage",
    "Node",
    "NodeType",
    "PSKLabel",
    "PSKType",
    "ParentNode",
    "PathSecret",
    "PreSharedKey",
    "PreSharedKeyID",
    "PrivateContentAAD",
    "PrivateMessage",
    "PrivateMessageContent",
    "Proposal",
    "ProposalBody",
    "ProposalOrRef",
    "ProposalOrRefType",
    "ProposalType",
    "ProtocolVersion",
    "PublicMessage",
    "RatchetTree",
    "ReInit",
    "RefHasher",
    "Remove",
    "RequiredCapabilities",
    "ResumptionPSKUsage",
    "Sender",
    "SenderData",
    "SenderDataAAD",
    "SenderType",
    "Update",
    "UpdatePath",
    "UpdatePathNode",
    "Welcome",
    "WireFormat",
    "decode_external_senders",
    "decode_ratchet_tree",
    "decode_ratchet_tree_with_encodings",
    "encode_external_senders",
    "encode_ratchet_tree",
    "find_extension",
    "framed_content_tbs_bytes",
    "make_key_package_ref",
    "make_proposal_ref",
    "read_ratchet_tree",
    "write_ratchet_tree",
]

E = TypeVar("E", bound=IntEnum)
S = TypeVar("S", bound=Struct)
T = TypeVar("T")


# --------------------------------------------------------------------------- code points


class ProtocolVersion(IntEnum):
    """``enum { reserved(0), mls10(1), (65535) } ProtocolVersion``."""

    mls10 = 1


class ContentType(IntEnum):
    """``enum { reserved(0), application(1), proposal(2), commit(3), (255) }``."""

    application = 1
    proposal = 2
    commit = 3


class SenderType(IntEnum):
    """``enum { reserved(0), member(1), external(2), new_member_proposal(3),
    new_member_commit(4), (255) } SenderType``."""

    member = 1
    external = 2
    new_member_proposal = 3
    new_member_commit = 4


class WireFormat(IntEnum):
    """The wire formats RFC 9420 defines (IANA "MLS Wire Formats", uint16)."""

    mls_public_message = 1
    mls_private_message = 2
    mls_welcome = 3
    mls_group_info = 4
    mls_key_package = 5


class ProposalType(IntEnum):
    """RFC 9420 proposal types (IANA "MLS Proposal Types", uint16, extensible)."""

    add = 1
    update = 2
    remove = 3
    psk = 4
    reinit = 5
    external_init = 6
    group_context_extensions = 7


class CredentialType(IntEnum):
    """RFC 9420 credential types (IANA "MLS Credential Types", uint16, extensible)."""

    basic = 1
    x509 = 2


class ExtensionType(IntEnum):
    """RFC 9420 extension types (IANA "MLS Extension Types", uint16, extensible)."""

    application_id = 1
    ratchet_tree = 2
    required_capabilities = 3
    external_pub = 4
    external_senders = 5


class LeafNodeSource(IntEnum):
    """``enum { reserved(0), key_package(1), update(2), commit(3), (255) }``."""

    key_package = 1
    update = 2
    commit = 3


class NodeType(IntEnum):
    """``enum { reserved(0), leaf(1), parent(2), (255) } NodeType``."""

    leaf = 1
    parent = 2


class PSKType(IntEnum):
    """``enum { reserved(0), external(1), resumption(2), (255) } PSKType``."""

    external = 1
    resumption = 2


class ResumptionPSKUsage(IntEnum):
    """``enum { reserved(0), application(1), reinit(2), branch(3), (255) }``."""

    application = 1
    reinit = 2
    branch = 3


class ProposalOrRefType(IntEnum):
    """``enum { reserved(0), proposal(1), reference(2), (255) } ProposalOrRefType``."""

    proposal = 1
    reference = 2


# --------------------------------------------------------------------------- helpers

KEY_PACKAGE_REF_LABEL = "MLS 1.0 KeyPackage Reference"
PROPOSAL_REF_LABEL = "MLS 1.0 Proposal Reference"


def _enum(kind: type[E], value: int) -> E:
    """A fixed-set code point, or DecodeError (never ValueError) if unknown."""
    try:
        return kind(value)
    except ValueError:
        raise DecodeError(f"unknown {kind.__name__} {value}") from None


def _require(condition: bool, what: str) -> None:
    if not condition:
        raise UsageError(what)


def _put(w: Writer, item: Struct) -> None:
    item.encode(w)


def _put_u16(w: Writer, v: int) -> None:
    w.u16(v)


def _put_u32(w: Writer, v: int) -> None:
    w.u32(v)


def _put_opaque(w: Writer, v: bytes) -> None:
    w.opaque_v(v)


def _get_opaque(r: Reader) -> bytes:
    return r.opaque_v()


def _structs(r: Reader, kind: Callable[[Reader], S]) -> tuple[S, ...]:
    return tuple(r.vector(kind))


def _decode_with(kind: str, data: bytes, fn: Callable[[Reader], T]) -> T:
    """Like ``Struct.from_bytes`` for decoders that need context arguments."""
    r = Reader(data)
    try:
        value = fn(r)
    except DecodeError:
        raise
    except (ValueError, TypeError, OverflowError) as exc:  # pragma: no cover - defensive
        raise DecodeError(f"invalid {kind}: {exc}") from None
    r.finish()
    return value


# --------------------------------------------------------------------------- basics


@dataclass(frozen=True, slots=True, kw_only=True)
class Extension(Struct):
    """``struct { ExtensionType extension_type; opaque extension_data<V>; } Extension``.

    ``extension_type`` stays an ``int`` so unknown (and GREASE) types round-trip.
    """

    extension_type: int
    extension_data: bytes

    def encode(self, w: Writer) -> None:
        w.u16(self.extension_type)
        w.opaque_v(self.extension_data)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(extension_type=r.u16(), extension_data=r.opaque_v())


def _put_extensions(w: Writer, exts: Sequence[Extension]) -> None:
    w.vector(exts, _put)


def _get_extensions(r: Reader) -> tuple[Extension, ...]:
    return _structs(r, Extension.decode)


def find_extension(extensions: Sequence[Extension], extension_type: int) -> Extension | None:
    """The first extension of ``extension_type``, or None (duplicates are a policy check)."""
    for ext in extensions:
        if ext.extension_type == extension_type:
            return ext
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Credential(Struct):
    """RFC 9420 section 5.3::

        struct {
            CredentialType credential_type;
            select (credential_type) {
                case basic: opaque identity<V>;
                case x509:  Certificate certificates<V>;   // Certificate = opaque cert_data<V>
            };
        } Credential;

    Only basic and x509 can be decoded: other types' bodies have no length.
    """

    credential_type: int
    identity: bytes | None = None
    certificates: tuple[bytes, ...] | None = None

    def __post_init__(self) -> None:
        if self.credential_type == CredentialType.basic:
            _require(self.identity is not None and self.certificates is None,
                     "basic credential needs identity only")
        elif self.credential_type == CredentialType.x509:
            _require(self.certificates is not None and self.identity is None,
                     "x509 credential needs certificates only")
        else:
            raise UsageError(f"unsupported credential type {self.credential_type}")

    @classmethod
    def basic(cls, identity: bytes) -> Credential:
        return cls(credential_type=CredentialType.basic, identity=identity)

    def encode(self, w: Writer) -> None:
        w.u16(self.credential_type)
        if self.identity is not None:
            w.opaque_v(self.identity)
        else:
            w.vector(self.certificates or (), _put_opaque)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        ctype = r.u16()
        if ctype == CredentialType.basic:
            return cls(credential_type=CredentialType.basic, identity=r.opaque_v())
        if ctype == CredentialType.x509:
            return cls(credential_type=CredentialType.x509,
                       certificates=tuple(r.vector(_get_opaque)))
        raise DecodeError(f"cannot decode credential type {ctype}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Capabilities(Struct):
    """RFC 9420 section 7.2::

        struct {
            ProtocolVersion versions<V>;    CipherSuite cipher_suites<V>;
            ExtensionType extensions<V>;    ProposalType proposals<V>;
            CredentialType credentials<V>;
        } Capabilities;

    All plain uint16 lists: unknown and GREASE values must survive.
    """

    versions: tuple[int, ...] = ()
    cipher_suites: tuple[int, ...] = ()
    extensions: tuple[int, ...] = ()
    proposals: tuple[int, ...] = ()
    credentials: tuple[int, ...] = ()

    def encode(self, w: Writer) -> None:
        for items in (self.versions, self.cipher_suites, self.extensions, self.proposals,
                      self.credentials):
            w.vector(items, _put_u16)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        lists = [r.uint_vector(2) for _ in range(5)]
        return cls(versions=lists[0], cipher_suites=lists[1], extensions=lists[2],
                   proposals=lists[3], credentials=lists[4])


@dataclass(frozen=True, slots=True, kw_only=True)
class Lifetime(Struct):
    """``struct { uint64 not_before; uint64 not_after; } Lifetime`` (seconds since epoch)."""

    not_before: int
    not_after: int

    def encode(self, w: Writer) -> None:
        w.u64(self.not_before)
        w.u64(self.not_after)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(not_before=r.u64(), not_after=r.u64())


# --------------------------------------------------------------------------- tree nodes


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


# --------------------------------------------------------------------------- group context, PSKs


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupContext(Struct):
    """RFC 9420 section 8.1::

        struct {
            ProtocolVersion version = mls10;   CipherSuite cipher_suite;
            opaque group_id<V>;                uint64 epoch;
            opaque tree_hash<V>;               opaque confirmed_transcript_hash<V>;
            Extension extensions<V>;
        } GroupContext;
    """

    version: int = ProtocolVersion.mls10
    cipher_suite: int
    group_id: bytes
    epoch: int
    tree_hash: bytes
    confirmed_transcript_hash: bytes
    extensions: tuple[Extension, ...] = ()

    def encode(self, w: Writer) -> None:
        w.u16(self.version)
        w.u16(self.cipher_suite)
        w.opaque_v(self.group_id)
        w.u64(self.epoch)
        w.opaque_v(self.tree_hash)
        w.opaque_v(self.confirmed_transcript_hash)
        _put_extensions(w, self.extensions)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(version=r.u16(), cipher_suite=r.u16(), group_id=r.opaque_v(),
                   epoch=r.u64(), tree_hash=r.opaque_v(),
                   confirmed_transcript_hash=r.opaque_v(), extensions=_get_extensions(r))


@dataclass(frozen=True, slots=True, kw_only=True)
class PreSharedKeyID(Struct):
    """RFC 9420 section 8.4::

        struct {
            PSKType psktype;
            select (psktype) {
                case external:   opaque psk_id<V>;
                case resumption: ResumptionPSKUsage usage;
                                 opaque psk_group_id<V>;  uint64 psk_epoch;
            };
            opaque psk_nonce<V>;
        } PreSharedKeyID;
    """

    psktype: PSKType
    psk_id: bytes | None = None
    usage: ResumptionPSKUsage | None = None
    psk_group_id: bytes | None = None
    psk_epoch: int | None = None
    psk_nonce: bytes

    def __post_init__(self) -> None:
        ext = self.psktype == PSKType.external
        _require((self.psk_id is not None) == ext, "psk_id is present exactly for external")
        res = (self.usage, self.psk_group_id, self.psk_epoch)
        _require(all(x is None for x in res) if ext else all(x is not None for x in res),
                 "usage, psk_group_id and psk_epoch are present exactly for resumption")

    def encode(self, w: Writer) -> None:
        w.u8(self.psktype)
        if self.psk_id is not None:
            w.opaque_v(self.psk_id)
        elif self.usage is not None and self.psk_group_id is not None \
                and self.psk_epoch is not None:
            w.u8(self.usage)
            w.opaque_v(self.psk_group_id)
            w.u64(self.psk_epoch)
        w.opaque_v(self.psk_nonce)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        psktype = _enum(PSKType, r.u8())
        if psktype == PSKType.external:
            return cls(psktype=psktype, psk_id=r.opaque_v(), psk_nonce=r.opaque_v())
        usage = _enum(ResumptionPSKUsage, r.u8())
        return cls(psktype=psktype, usage=usage, psk_group_id=r.opaque_v(),
                   psk_epoch=r.u64(), psk_nonce=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class PSKLabel(Struct):
    """``struct { PreSharedKeyID id; uint16 index; uint16 count; } PSKLabel`` (section 8.4)."""

    id: PreSharedKeyID
    index: int
    count: int

    def encode(self, w: Writer) -> None:
        self.id.encode(w)
        w.u16(self.index)
        w.u16(self.count)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(id=PreSharedKeyID.decode(r), index=r.u16(), count=r.u16())


# --------------------------------------------------------------------------- key packages


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyPackage(Struct):
    """RFC 9420 section 10 (unverified until its and its leaf's signatures check)::

        struct {
            ProtocolVersion version;    CipherSuite cipher_suite;
            HPKEPublicKey init_key;     LeafNode leaf_node;
            Extension extensions<V>;
            opaque signature<V>;        // SignWithLabel(., "KeyPackageTBS", KeyPackageTBS)
        } KeyPackage;
    """

    version: int = ProtocolVersion.mls10
    cipher_suite: int
    init_key: bytes
    leaf_node: LeafNode
    extensions: tuple[Extension, ...] = ()
    signature: bytes = b""

    def tbs_bytes(self) -> bytes:
        """The encoded ``KeyPackageTBS`` (every field but the signature)."""
        w = Writer()
        w.u16(self.version)
        w.u16(self.cipher_suite)
        w.opaque_v(self.init_key)
        self.leaf_node.encode(w)
        _put_extensions(w, self.extensions)
        return w.getvalue()

    tbs = tbs_bytes  # the name docs/crypto-interfaces.md uses

    def encode(self, w: Writer) -> None:
        w.write(self.tbs_bytes())
        w.opaque_v(self.signature)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(version=r.u16(), cipher_suite=r.u16(), init_key=r.opaque_v(),
                   leaf_node=LeafNode.decode(r), extensions=_get_extensions(r),
                   signature=r.opaque_v())


class _HasRefHash(Protocol):
    def ref_hash(self, label: str, value: bytes) -> bytes: ...


RefHasher = Callable[[str, bytes], bytes] | _HasRefHash
"""``suite.ref_hash`` (a callable ``(label, value) -> hash``) or a suite object itself.

The label passed is the RFC's full label (``"MLS 1.0 KeyPackage Reference"``):
``RefHash`` hashes ``RefHashInput{label, value}`` with the label as given.
"""


def _ref_hash(hasher: RefHasher, label: str, value: bytes) -> bytes:
    fn = hasher if callable(hasher) else hasher.ref_hash
    return fn(label, value)


def make_key_package_ref(ref_hash: RefHasher, key_package: KeyPackage | bytes) -> bytes:
    """``KeyPackageRef = RefHash("MLS 1.0 KeyPackage Reference", KeyPackage)`` (section 5.2).

    Args:
        ref_hash: the key package's suite's ``ref_hash`` (or the suite object).
        key_package: the KeyPackage, or its exact encoding as received.
    """
    value = key_package if isinstance(key_package, bytes) else key_package.to_bytes()
    return _ref_hash(ref_hash, KEY_PACKAGE_REF_LABEL, value)


def make_proposal_ref(
    ref_hash: RefHasher, authenticated_content: AuthenticatedContent | bytes
) -> bytes:
    """``ProposalRef = RefHash("MLS 1.0 Proposal Reference", AuthenticatedContent)``.

    Args:
        ref_hash: the group's suite's ``ref_hash`` (or the suite object).
        authenticated_content: the AuthenticatedContent carrying the proposal, or its
            encoding.
    """
    value = (authenticated_content if isinstance(authenticated_content, bytes)
             else authenticated_content.to_bytes())
    return _ref_hash(ref_hash, PROPOSAL_REF_LABEL, value)


# --------------------------------------------------------------------------- proposals


@dataclass(frozen=True, slots=True, kw_only=True)
class Add(Struct):
    """``struct { KeyPackage key_package; } Add``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.add
    key_package: KeyPackage

    def encode(self, w: Writer) -> None:
        self.key_package.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(key_package=KeyPackage.decode(r))


@dataclass(frozen=True, slots=True, kw_only=True)
class Update(Struct):
    """``struct { LeafNode leaf_node; } Update``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.update
    leaf_node: LeafNode

    def encode(self, w: Writer) -> None:
        self.leaf_node.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(leaf_node=LeafNode.decode(r))


@dataclass(frozen=True, slots=True, kw_only=True)
class Remove(Struct):
    """``struct { uint32 removed; } Remove``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.remove
    removed: int

    def encode(self, w: Writer) -> None:
        w.u32(self.removed)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(removed=r.u32())


@dataclass(frozen=True, slots=True, kw_only=True)
class PreSharedKey(Struct):
    """``struct { PreSharedKeyID psk; } PreSharedKey``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.psk
    psk: PreSharedKeyID

    def encode(self, w: Writer) -> None:
        self.psk.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(psk=PreSharedKeyID.decode(r))


@dataclass(frozen=True, slots=True, kw_only=True)
class ReInit(Struct):
    """``struct { opaque group_id<V>; ProtocolVersion version; CipherSuite cipher_suite;
    Extension extensions<V>; } ReInit``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.reinit
    group_id: bytes
    version: int = ProtocolVersion.mls10
    cipher_suite: int
    extensions: tuple[Extension, ...] = ()

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.group_id)
        w.u16(self.version)
        w.u16(self.cipher_suite)
        _put_extensions(w, self.extensions)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(group_id=r.opaque_v(), version=r.u16(), cipher_suite=r.u16(),
                   extensions=_get_extensions(r))


@dataclass(frozen=True, slots=True, kw_only=True)
class ExternalInit(Struct):
    """``struct { opaque kem_output<V>; } ExternalInit``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.external_init
    kem_output: bytes

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.kem_output)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(kem_output=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupContextExtensions(Struct):
    """``struct { Extension extensions<V>; } GroupContextExtensions``."""

    proposal_type: ClassVar[ProposalType] = ProposalType.group_context_extensions
    extensions: tuple[Extension, ...] = ()

    def encode(self, w: Writer) -> None:
        _put_extensions(w, self.extensions)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(extensions=_get_extensions(r))


ProposalBody = Add | Update | Remove | PreSharedKey | ReInit | ExternalInit | GroupContextExtensions

_PROPOSAL_BODIES: dict[ProposalType, Callable[[Reader], ProposalBody]] = {
    ProposalType.add: Add.decode,
    ProposalType.update: Update.decode,
    ProposalType.remove: Remove.decode,
    ProposalType.psk: PreSharedKey.decode,
    ProposalType.reinit: ReInit.decode,
    ProposalType.external_init: ExternalInit.decode,
    ProposalType.group_context_extensions: GroupContextExtensions.decode,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Proposal(Struct):
    """RFC 9420 section 12.1::

        struct {
            ProposalType proposal_type;
            select (proposal_type) { case add: Add; case update: Update; ...
                                     case group_context_extensions: GroupContextExtensions; };
        } Proposal;

    ``body`` is the arm; ``Proposal.of(body)`` fills ``proposal_type`` in. Unknown
    proposal types cannot be delimited and raise ``DecodeError``.
    """

    proposal_type: ProposalType
    body: ProposalBody

    def __post_init__(self) -> None:
        _require(self.body.proposal_type == self.proposal_type,
                 "proposal_type must match the body")

    @classmethod
    def of(cls, body: ProposalBody) -> Proposal:
        return cls(proposal_type=body.proposal_type, body=body)

    def encode(self, w: Writer) -> None:
        w.u16(self.proposal_type)
        self.body.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        ptype = r.u16()
        try:
            kind = ProposalType(ptype)
        except ValueError:
            raise DecodeError(f"cannot decode proposal type {ptype}") from None
        return cls(proposal_type=kind, body=_PROPOSAL_BODIES[kind](r))


@dataclass(frozen=True, slots=True, kw_only=True)
class ProposalOrRef(Struct):
    """RFC 9420 section 12.4::

        struct {
            ProposalOrRefType type;
            select (type) { case proposal: Proposal proposal;
                            case reference: ProposalRef reference; };   // opaque<V>
        } ProposalOrRef;
    """

    type: ProposalOrRefType
    proposal: Proposal | None = None
    reference: bytes | None = None

    def __post_init__(self) -> None:
        _require((self.proposal is not None) == (self.type == ProposalOrRefType.proposal)
                 and (self.reference is not None) == (self.type == ProposalOrRefType.reference),
                 "type must match the arm present")

    @classmethod
    def of(cls, value: Proposal | bytes) -> ProposalOrRef:
        """By value (a Proposal) or by reference (a ProposalRef's bytes)."""
        if isinstance(value, bytes):
            return cls(type=ProposalOrRefType.reference, reference=value)
        return cls(type=ProposalOrRefType.proposal, proposal=value)

    def encode(self, w: Writer) -> None:
        w.u8(self.type)
        if self.proposal is not None:
            self.proposal.encode(w)
        else:
            w.opaque_v(self.reference or b"")

    @classmethod
    def decode(cls, r: Reader) -> Self:
        kind = _enum(ProposalOrRefType, r.u8())
        if kind == ProposalOrRefType.proposal:
            return cls(type=kind, proposal=Proposal.decode(r))
        return cls(type=kind, reference=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class Commit(Struct):
    """``struct { ProposalOrRef proposals<V>; optional<UpdatePath> path; } Commit``."""

    proposals: tuple[ProposalOrRef, ...] = ()
    path: UpdatePath | None = None

    def encode(self, w: Writer) -> None:
        w.vector(self.proposals, _put)
        w.optional(self.path, _put)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(proposals=_structs(r, ProposalOrRef.decode),
                   path=r.optional(UpdatePath.decode))


# --------------------------------------------------------------------------- framing


@dataclass(frozen=True, slots=True, kw_only=True)
class Sender(Struct):
    """RFC 9420 section 6::

        struct {
            SenderType sender_type;
            select (sender_type) {
                case member:   uint32 leaf_index;
                case external: uint32 sender_index;
                case new_member_commit: case new_member_proposal: struct{};
            };
        } Sender;
    """

    sender_type: SenderType
    leaf_index: int | None = None
    sender_index: int | None = None

    def __post_init__(self) -> None:
        _require((self.leaf_index is not None) == (self.sender_type == SenderType.member)
                 and (self.sender_index is not None)
                 == (self.sender_type == SenderType.external),
                 "sender_type must match the index present")

    @classmethod
    def member(cls, leaf_index: int) -> Sender:
        return cls(sender_type=SenderType.member, leaf_index=leaf_index)

    @classmethod
    def external(cls, sender_index: int) -> Sender:
        return cls(sender_type=SenderType.external, sender_index=sender_index)

    def encode(self, w: Writer) -> None:
        w.u8(self.sender_type)
        if self.leaf_index is not None:
            w.u32(self.leaf_index)
        elif self.sender_index is not None:
            w.u32(self.sender_index)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        kind = _enum(SenderType, r.u8())
        if kind == SenderType.member:
            return cls(sender_type=kind, leaf_index=r.u32())
        if kind == SenderType.external:
            return cls(sender_type=kind, sender_index=r.u32())
        return cls(sender_type=kind)


def _check_content(ct: ContentType, app: bytes | None, prop: Proposal | None,
                   commit: Commit | None) -> None:
    _require((app is not None) == (ct == ContentType.application)
             and (prop is not None) == (ct == ContentType.proposal)
             and (commit is not None) == (ct == ContentType.commit),
             "content_type must match the content present")


def _write_content(w: Writer, app: bytes | None, prop: Proposal | None,
                   commit: Commit | None) -> None:
    if app is not None:
        w.opaque_v(app)
    elif prop is not None:
        prop.encode(w)
    elif commit is not None:
        commit.encode(w)


def _read_content(
    r: Reader, ct: ContentType
) -> tuple[bytes | None, Proposal | None, Commit | None]:
    if ct == ContentType.application:
        return r.opaque_v(), None, None
    if ct == ContentType.proposal:
        return None, Proposal.decode(r), None
    return None, None, Commit.decode(r)


@dataclass(frozen=True, slots=True, kw_only=True)
class FramedContent(Struct):
    """RFC 9420 section 6::

        struct {
            opaque group_id<V>;  uint64 epoch;  Sender sender;
            opaque authenticated_data<V>;
            ContentType content_type;
            select (content_type) {
                case application: opaque application_data<V>;
                case proposal:    Proposal proposal;
                case commit:      Commit commit;
            };
        } FramedContent;
    """

    group_id: bytes
    epoch: int
    sender: Sender
    authenticated_data: bytes = b""
    content_type: ContentType
    application_data: bytes | None = None
    proposal: Proposal | None = None
    commit: Commit | None = None

    def __post_init__(self) -> None:
        _check_content(self.content_type, self.application_data, self.proposal, self.commit)

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.group_id)
        w.u64(self.epoch)
        self.sender.encode(w)
        w.opaque_v(self.authenticated_data)
        w.u8(self.content_type)
        _write_content(w, self.application_data, self.proposal, self.commit)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        group_id = r.opaque_v()
        epoch = r.u64()
        sender = Sender.decode(r)
        authenticated_data = r.opaque_v()
        ct = _enum(ContentType, r.u8())
        app, prop, commit = _read_content(r, ct)
        return cls(group_id=group_id, epoch=epoch, sender=sender,
                   authenticated_data=authenticated_data, content_type=ct,
                   application_data=app, proposal=prop, commit=commit)


@dataclass(frozen=True, slots=True, kw_only=True)
class FramedContentAuthData(Struct):
    """RFC 9420 section 6.1 (unverified until signature and tag are checked)::

        struct {
            opaque signature<V>;   // SignWithLabel(., "FramedContentTBS", FramedContentTBS)
            select (FramedContent.content_type) {
                case commit: MAC confirmation_tag;     // opaque<V>
                case application: case proposal: struct{};
            };
        } FramedContentAuthData;

    The tag's presence depends on the enclosing content's type, so decoding needs
    it: use :meth:`decode_for` / :meth:`from_bytes_for`.
    """

    signature: bytes
    confirmation_tag: bytes | None = None

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.signature)
        if self.confirmation_tag is not None:
            w.opaque_v(self.confirmation_tag)

    def check_content_type(self, content_type: ContentType) -> None:
        """Raise UsageError unless the tag is present exactly for a commit."""
        _require((self.confirmation_tag is not None) == (content_type == ContentType.commit),
                 "confirmation_tag is present exactly for commits")

    @classmethod
    def decode(cls, r: Reader) -> Self:
        raise UsageError("FramedContentAuthData needs its content_type: use decode_for")

    @classmethod
    def decode_for(cls, r: Reader, content_type: ContentType) -> Self:
        signature = r.opaque_v()
        tag = r.opaque_v() if content_type == ContentType.commit else None
        return cls(signature=signature, confirmation_tag=tag)

    @classmethod
    def from_bytes_for(cls, data: bytes, content_type: ContentType) -> Self:
        return _decode_with(cls.__name__, data, lambda r: cls.decode_for(r, content_type))


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthenticatedContent(Struct):
    """``struct { WireFormat wire_format; FramedContent content;
    FramedContentAuthData auth; } AuthenticatedContent`` (section 6; unverified)."""

    wire_format: WireFormat
    content: FramedContent
    auth: FramedContentAuthData

    def __post_init__(self) -> None:
        self.auth.check_content_type(self.content.content_type)

    def encode(self, w: Writer) -> None:
        w.u16(self.wire_format)
        self.content.encode(w)
        self.auth.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        wire_format = _enum(WireFormat, r.u16())
        content = FramedContent.decode(r)
        auth = FramedContentAuthData.decode_for(r, content.content_type)
        return cls(wire_format=wire_format, content=content, auth=auth)


def _needs_context(sender_type: SenderType) -> bool:
    return sender_type in (SenderType.member, SenderType.new_member_commit)


@dataclass(frozen=True, slots=True, kw_only=True)
class FramedContentTBS(Struct):
    """RFC 9420 section 6.1, what a FramedContent's signature covers::

        struct {
            ProtocolVersion version = mls10;  WireFormat wire_format;
            FramedContent content;
            select (content.sender.sender_type) {
                case member: case new_member_commit: GroupContext context;
                case external: case new_member_proposal: struct{};
            };
        } FramedContentTBS;
    """

    version: int = ProtocolVersion.mls10
    wire_format: WireFormat
    content: FramedContent
    context: GroupContext | None = None

    def __post_init__(self) -> None:
        _require((self.context is not None) == _needs_context(self.content.sender.sender_type),
                 "context is present exactly for member and new_member_commit senders")

    def encode(self, w: Writer) -> None:
        w.u16(self.version)
        w.u16(self.wire_format)
        self.content.encode(w)
        if self.context is not None:
            self.context.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        version = r.u16()
        wire_format = _enum(WireFormat, r.u16())
        content = FramedContent.decode(r)
        context = GroupContext.decode(r) if _needs_context(content.sender.sender_type) else None
        return cls(version=version, wire_format=wire_format, content=content, context=context)


def framed_content_tbs_bytes(
    wire_format: WireFormat, content: FramedContent, context: GroupContext | None
) -> bytes:
    """Encoded ``FramedContentTBS``; ``context`` is dropped for senders that omit it.

    Raises:
        UsageError: a member or new_member_commit sender but no context.
    """
    needed = context if _needs_context(content.sender.sender_type) else None
    return FramedContentTBS(wire_format=wire_format, content=content, context=needed).to_bytes()


@dataclass(frozen=True, slots=True, kw_only=True)
class AuthenticatedContentTBM(Struct):
    """``struct { FramedContentTBS content_tbs; FramedContentAuthData auth; }``: what
    ``membership_tag`` MACs (section 6.2)."""

    content_tbs: FramedContentTBS
    auth: FramedContentAuthData

    def encode(self, w: Writer) -> None:
        self.content_tbs.encode(w)
        self.auth.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        tbs = FramedContentTBS.decode(r)
        return cls(content_tbs=tbs,
                   auth=FramedContentAuthData.decode_for(r, tbs.content.content_type))


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicMessage(Struct):
    """RFC 9420 section 6.2 (unverified until membership tag and signature check)::

        struct {
            FramedContent content;  FramedContentAuthData auth;
            select (content.sender.sender_type) {
                case member: MAC membership_tag;
                case external: case new_member_commit: case new_member_proposal: struct{};
            };
        } PublicMessage;
    """

    content: FramedContent
    auth: FramedContentAuthData
    membership_tag: bytes | None = None

    def __post_init__(self) -> None:
        self.auth.check_content_type(self.content.content_type)
        _require((self.membership_tag is not None)
                 == (self.content.sender.sender_type == SenderType.member),
                 "membership_tag is present exactly for member senders")

    def encode(self, w: Writer) -> None:
        self.content.encode(w)
        self.auth.encode(w)
        if self.membership_tag is not None:
            w.opaque_v(self.membership_tag)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        content = FramedContent.decode(r)
        auth = FramedContentAuthData.decode_for(r, content.content_type)
        tag = r.opaque_v() if content.sender.sender_type == SenderType.member else None
        return cls(content=content, auth=auth, membership_tag=tag)


@dataclass(frozen=True, slots=True, kw_only=True)
class PrivateMessage(Struct):
    """RFC 9420 section 6.3::

        struct {
            opaque group_id<V>;  uint64 epoch;  ContentType content_type;
            opaque authenticated_data<V>;
            opaque encrypted_sender_data<V>;  opaque ciphertext<V>;
        } PrivateMessage;
    """

    group_id: bytes
    epoch: int
    content_type: ContentType
    authenticated_data: bytes = b""
    encrypted_sender_data: bytes
    ciphertext: bytes

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.group_id)
        w.u64(self.epoch)
        w.u8(self.content_type)
        w.opaque_v(self.authenticated_data)
        w.opaque_v(self.encrypted_sender_data)
        w.opaque_v(self.ciphertext)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(group_id=r.opaque_v(), epoch=r.u64(),
                   content_type=_enum(ContentType, r.u8()),
                   authenticated_data=r.opaque_v(), encrypted_sender_data=r.opaque_v(),
                   ciphertext=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class PrivateMessageContent(Struct):
    """RFC 9420 section 6.3.1, the plaintext of ``PrivateMessage.ciphertext``::

        struct {
            select (PrivateMessage.content_type) {
                case application: opaque application_data<V>;
                case proposal:    Proposal proposal;
                case commit:      Commit commit;
            };
            FramedContentAuthData auth;
            opaque padding[length_of_padding];   // all zero
        } PrivateMessageContent;

    ``padding`` is the number of zero bytes. Decoding needs the outer content type
    (:meth:`from_plaintext`); non-zero padding is a ``DecodeError``.
    """

    content_type: ContentType
    application_data: bytes | None = None
    proposal: Proposal | None = None
    commit: Commit | None = None
    auth: FramedContentAuthData
    padding: int = 0

    def __post_init__(self) -> None:
        _check_content(self.content_type, self.application_data, self.proposal, self.commit)
        self.auth.check_content_type(self.content_type)
        _require(self.padding >= 0, "padding length is non-negative")

    def encode(self, w: Writer) -> None:
        _write_content(w, self.application_data, self.proposal, self.commit)
        self.auth.encode(w)
        w.write(bytes(self.padding))

    @classmethod
    def decode(cls, r: Reader) -> Self:
        raise UsageError("PrivateMessageContent needs its content_type: use decode_for")

    @classmethod
    def decode_for(cls, r: Reader, content_type: ContentType) -> Self:
        """Decode content and auth, then take every remaining byte as zero padding."""
        app, prop, commit = _read_content(r, content_type)
        auth = FramedContentAuthData.decode_for(r, content_type)
        padding = r.read(r.remaining)
        if padding.count(0) != len(padding):
            raise DecodeError("non-zero padding")
        return cls(content_type=content_type, application_data=app, proposal=prop,
                   commit=commit, auth=auth, padding=len(padding))

    @classmethod
    def from_plaintext(cls, data: bytes, content_type: ContentType) -> Self:
        return _decode_with(cls.__name__, data, lambda r: cls.decode_for(r, content_type))


@dataclass(frozen=True, slots=True, kw_only=True)
class PrivateContentAAD(Struct):
    """``struct { opaque group_id<V>; uint64 epoch; ContentType content_type;
    opaque authenticated_data<V>; } PrivateContentAAD`` (section 6.3.1)."""

    group_id: bytes
    epoch: int
    content_type: ContentType
    authenticated_data: bytes = b""

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.group_id)
        w.u64(self.epoch)
        w.u8(self.content_type)
        w.opaque_v(self.authenticated_data)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(group_id=r.opaque_v(), epoch=r.u64(),
                   content_type=_enum(ContentType, r.u8()), authenticated_data=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class SenderData(Struct):
    """``struct { uint32 leaf_index; uint32 generation; opaque reuse_guard[4]; }``
    (section 6.3.2)."""

    leaf_index: int
    generation: int
    reuse_guard: bytes

    def __post_init__(self) -> None:
        _require(len(self.reuse_guard) == 4, "reuse_guard is 4 bytes")

    def encode(self, w: Writer) -> None:
        w.u32(self.leaf_index)
        w.u32(self.generation)
        w.opaque_fixed(self.reuse_guard, 4)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(leaf_index=r.u32(), generation=r.u32(), reuse_guard=r.read(4))


@dataclass(frozen=True, slots=True, kw_only=True)
class SenderDataAAD(Struct):
    """``struct { opaque group_id<V>; uint64 epoch; ContentType content_type; }``
    (section 6.3.2)."""

    group_id: bytes
    epoch: int
    content_type: ContentType

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.group_id)
        w.u64(self.epoch)
        w.u8(self.content_type)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(group_id=r.opaque_v(), epoch=r.u64(),
                   content_type=_enum(ContentType, r.u8()))


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfirmedTranscriptHashInput(Struct):
    """``struct { WireFormat wire_format; FramedContent content; opaque signature<V>; }``
    (section 8.2; content is a commit)."""

    wire_format: WireFormat
    content: FramedContent
    signature: bytes

    def encode(self, w: Writer) -> None:
        w.u16(self.wire_format)
        self.content.encode(w)
        w.opaque_v(self.signature)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(wire_format=_enum(WireFormat, r.u16()), content=FramedContent.decode(r),
                   signature=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class InterimTranscriptHashInput(Struct):
    """``struct { MAC confirmation_tag; } InterimTranscriptHashInput`` (section 8.2)."""

    confirmation_tag: bytes

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.confirmation_tag)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(confirmation_tag=r.opaque_v())


# --------------------------------------------------------------------------- joining


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupInfo(Struct):
    """RFC 9420 section 12.4.3 (unverified until the signer's signature checks)::

        struct {
            GroupContext group_context;  Extension extensions<V>;
            MAC confirmation_tag;        uint32 signer;
            opaque signature<V>;         // SignWithLabel(., "GroupInfoTBS", GroupInfoTBS)
        } GroupInfo;
    """

    group_context: GroupContext
    extensions: tuple[Extension, ...] = ()
    confirmation_tag: bytes
    signer: int
    signature: bytes = b""

    def tbs_bytes(self) -> bytes:
        """The encoded ``GroupInfoTBS`` (every field but the signature)."""
        w = Writer()
        self.group_context.encode(w)
        _put_extensions(w, self.extensions)
        w.opaque_v(self.confirmation_tag)
        w.u32(self.signer)
        return w.getvalue()

    tbs = tbs_bytes  # the name docs/crypto-interfaces.md uses

    def encode(self, w: Writer) -> None:
        w.write(self.tbs_bytes())
        w.opaque_v(self.signature)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(group_context=GroupContext.decode(r), extensions=_get_extensions(r),
                   confirmation_tag=r.opaque_v(), signer=r.u32(), signature=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class PathSecret(Struct):
    """``struct { opaque path_secret<V>; } PathSecret`` (a secret: its repr hides it)."""

    path_secret: bytes

    def __repr__(self) -> str:
        return f"PathSecret(<{len(self.path_secret)} bytes>)"

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.path_secret)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(path_secret=r.opaque_v())


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupSecrets(Struct):
    """``struct { opaque joiner_secret<V>; optional<PathSecret> path_secret;
    PreSharedKeyID psks<V>; } GroupSecrets`` (section 12.4.3.1).

    Holds secrets: its repr hides them.
    """

    joiner_secret: bytes
    path_secret: PathSecret | None = None
    psks: tuple[PreSharedKeyID, ...] = ()

    def __repr__(self) -> str:
        return (f"GroupSecrets(joiner_secret=<{len(self.joiner_secret)} bytes>, "
                f"path_secret={'<hidden>' if self.path_secret else None}, "
                f"psks={self.psks!r})")

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.joiner_secret)
        w.optional(self.path_secret, _put)
        w.vector(self.psks, _put)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(joiner_secret=r.opaque_v(), path_secret=r.optional(PathSecret.decode),
                   psks=_structs(r, PreSharedKeyID.decode))


@dataclass(frozen=True, slots=True, kw_only=True)
class EncryptedGroupSecrets(Struct):
    """``struct { KeyPackageRef new_member; HPKECiphertext encrypted_group_secrets; }``."""

    new_member: bytes
    encrypted_group_secrets: HPKECiphertext

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.new_member)
        self.encrypted_group_secrets.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(new_member=r.opaque_v(), encrypted_group_secrets=HPKECiphertext.decode(r))


@dataclass(frozen=True, slots=True, kw_only=True)
class Welcome(Struct):
    """``struct { CipherSuite cipher_suite; EncryptedGroupSecrets secrets<V>;
    opaque encrypted_group_info<V>; } Welcome`` (section 12.4.3.1)."""

    cipher_suite: int
    secrets: tuple[EncryptedGroupSecrets, ...] = ()
    encrypted_group_info: bytes

    def encode(self, w: Writer) -> None:
        w.u16(self.cipher_suite)
        w.vector(self.secrets, _put)
        w.opaque_v(self.encrypted_group_info)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(cipher_suite=r.u16(), secrets=_structs(r, EncryptedGroupSecrets.decode),
                   encrypted_group_info=r.opaque_v())


# --------------------------------------------------------------------------- extension payloads


@dataclass(frozen=True, slots=True, kw_only=True)
class ExternalPub(Struct):
    """``struct { HPKEPublicKey external_pub; } ExternalPub`` (section 12.4.3.2)."""

    external_pub: bytes

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.external_pub)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(external_pub=r.opaque_v())

    def to_extension(self) -> Extension:
        return Extension(extension_type=ExtensionType.external_pub,
                         extension_data=self.to_bytes())


@dataclass(frozen=True, slots=True, kw_only=True)
class ExternalSender(Struct):
    """``struct { SignaturePublicKey signature_key; Credential credential; }``
    (section 12.1.8.1; the extension carries ``ExternalSender external_senders<V>``)."""

    signature_key: bytes
    credential: Credential

    def encode(self, w: Writer) -> None:
        w.opaque_v(self.signature_key)
        self.credential.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        return cls(signature_key=r.opaque_v(), credential=Credential.decode(r))


def encode_external_senders(senders: Sequence[ExternalSender]) -> Extension:
    """The ``external_senders`` group-context extension."""
    w = Writer()
    w.vector(senders, _put)
    return Extension(extension_type=ExtensionType.external_senders,
                     extension_data=w.getvalue())


def decode_external_senders(extension_data: bytes) -> tuple[ExternalSender, ...]:
    """``ExternalSender external_senders<V>`` from an extension's data."""
    return _decode_with("external_senders", extension_data,
                        lambda r: _structs(r, ExternalSender.decode))


@dataclass(frozen=True, slots=True, kw_only=True)
class RequiredCapabilities(Struct):
    """``struct { ExtensionType extension_types<V>; ProposalType proposal_types<V>;
    CredentialType credential_types<V>; } RequiredCapabilities`` (section 11.1)."""

    extension_types: tuple[int, ...] = ()
    proposal_types: tuple[int, ...] = ()
    credential_types: tuple[int, ...] = ()

    def encode(self, w: Writer) -> None:
        for items in (self.extension_types, self.proposal_types, self.credential_types):
            w.vector(items, _put_u16)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        lists = [r.uint_vector(2) for _ in range(3)]
        return cls(extension_types=lists[0], proposal_types=lists[1],
                   credential_types=lists[2])

    def to_extension(self) -> Extension:
        return Extension(extension_type=ExtensionType.required_capabilities,
                         extension_data=self.to_bytes())


# --------------------------------------------------------------------------- MLSMessage


@dataclass(frozen=True, slots=True, kw_only=True)
class MLSMessage(Struct):
    """RFC 9420 section 6 (version must be mls10; unknown wire formats are rejected)::

        struct {
            ProtocolVersion version = mls10;  WireFormat wire_format;
            select (wire_format) {
                case mls_public_message:  PublicMessage public_message;
                case mls_private_message: PrivateMessage private_message;
                case mls_welcome:         Welcome welcome;
                case mls_group_info:      GroupInfo group_info;
                case mls_key_package:     KeyPackage key_package;
            };
        } MLSMessage;
    """

    version: ProtocolVersion = ProtocolVersion.mls10
    wire_format: WireFormat
    public_message: PublicMessage | None = None
    private_message: PrivateMessage | None = None
    welcome: Welcome | None = None
    group_info: GroupInfo | None = None
    key_package: KeyPackage | None = None

    def __post_init__(self) -> None:
        present = [wf for wf, v in self._arms() if v is not None]
        _require(present == [self.wire_format], "wire_format must match the one body present")

    def _arms(self) -> tuple[tuple[WireFormat, Struct | None], ...]:
        return ((WireFormat.mls_public_message, self.public_message),
                (WireFormat.mls_private_message, self.private_message),
                (WireFormat.mls_welcome, self.welcome),
                (WireFormat.mls_group_info, self.group_info),
                (WireFormat.mls_key_package, self.key_package))

    @property
    def body(self) -> PublicMessage | PrivateMessage | Welcome | GroupInfo | KeyPackage:
        """The one arm present."""
        for value in (self.public_message, self.private_message, self.welcome,
                      self.group_info, self.key_package):
            if value is not None:
                return value
        raise UsageError("empty MLSMessage")  # pragma: no cover - __post_init__ forbids it

    @classmethod
    def of(cls, body: PublicMessage | PrivateMessage | Welcome | GroupInfo | KeyPackage
           ) -> MLSMessage:
        """Wrap ``body`` with the wire format its type implies."""
        match body:
            case PublicMessage():
                return cls(wire_format=WireFormat.mls_public_message, public_message=body)
            case PrivateMessage():
                return cls(wire_format=WireFormat.mls_private_message, private_message=body)
            case Welcome():
                return cls(wire_format=WireFormat.mls_welcome, welcome=body)
            case GroupInfo():
                return cls(wire_format=WireFormat.mls_group_info, group_info=body)
            case KeyPackage():
                return cls(wire_format=WireFormat.mls_key_package, key_package=body)
        raise UsageError("not an MLSMessage body")  # pragma: no cover

    def encode(self, w: Writer) -> None:
        w.u16(self.version)
        w.u16(self.wire_format)
        self.body.encode(w)

    @classmethod
    def decode(cls, r: Reader) -> Self:
        version = _enum(ProtocolVersion, r.u16())
        wf = _enum(WireFormat, r.u16())
        if wf == WireFormat.mls_public_message:
            return cls(version=version, wire_format=wf, public_message=PublicMessage.decode(r))
        if wf == WireFormat.mls_private_message:
            return cls(version=version, wire_format=wf,
                       private_message=PrivateMessage.decode(r))
        if wf == WireFormat.mls_welcome:
            return cls(version=version, wire_format=wf, welcome=Welcome.decode(r))
        if wf == WireFormat.mls_group_info:
            return cls(version=version, wire_format=wf, group_info=GroupInfo.decode(r))
        return cls(version=version, wire_format=wf, key_package=KeyPackage.decode(r))
