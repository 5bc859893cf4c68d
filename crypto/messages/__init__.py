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

Modules, each importing only those before it: ``common`` (code points, helpers),
``credentials`` (extensions, credentials, capabilities), ``nodes`` (tree nodes,
UpdatePath), ``context`` (GroupContext, PSK ids), ``proposals`` (KeyPackage, proposals,
Commit), ``content`` (framing structs), ``welcome`` (GroupInfo, Welcome) and
``mls_message``; ``key_package`` holds KeyPackage creation and validation. This package
re-exports every struct, so ``from crypto.messages import X`` names any of them.
"""

from crypto.messages.common import (
    KEY_PACKAGE_REF_LABEL,
    PROPOSAL_REF_LABEL,
    ContentType,
    CredentialType,
    ExtensionType,
    LeafNodeSource,
    NodeType,
    ProposalOrRefType,
    ProposalType,
    ProtocolVersion,
    PSKType,
    RefHasher,
    ResumptionPSKUsage,
    SenderType,
    WireFormat,
)
from crypto.messages.content import (
    AuthenticatedContent,
    AuthenticatedContentTBM,
    ConfirmedTranscriptHashInput,
    FramedContent,
    FramedContentAuthData,
    FramedContentTBS,
    InterimTranscriptHashInput,
    PrivateContentAAD,
    PrivateMessage,
    PrivateMessageContent,
    PublicMessage,
    Sender,
    SenderData,
    SenderDataAAD,
    framed_content_tbs_bytes,
    make_proposal_ref,
)
from crypto.messages.context import GroupContext, PreSharedKeyID, PSKLabel
from crypto.messages.credentials import (
    Capabilities,
    Credential,
    Extension,
    ExternalPub,
    ExternalSender,
    Lifetime,
    RequiredCapabilities,
    decode_external_senders,
    encode_external_senders,
    find_extension,
)
from crypto.messages.mls_message import MLSMessage
from crypto.messages.nodes import (
    HPKECiphertext,
    LeafNode,
    Node,
    ParentNode,
    RatchetTree,
    UpdatePath,
    UpdatePathNode,
    decode_ratchet_tree,
    decode_ratchet_tree_with_encodings,
    encode_ratchet_tree,
    read_ratchet_tree,
    write_ratchet_tree,
)
from crypto.messages.proposals import (
    Add,
    Commit,
    ExternalInit,
    GroupContextExtensions,
    KeyPackage,
    PreSharedKey,
    Proposal,
    ProposalBody,
    ProposalOrRef,
    ReInit,
    Remove,
    Update,
    make_key_package_ref,
)
from crypto.messages.welcome import (
    EncryptedGroupSecrets,
    GroupInfo,
    GroupSecrets,
    PathSecret,
    Welcome,
)

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
