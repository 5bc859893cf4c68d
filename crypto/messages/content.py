# SPDX-License-Identifier: Apache-2.0
"""The framing structs of RFC 9420 section 6: Sender, FramedContent and its
authentication, PublicMessage, PrivateMessage and their encryption inputs, the
transcript-hash inputs (8.2) and the ProposalRef (5.2) taken over them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self

from crypto.codec import Reader, Struct, Writer
from crypto.errors import DecodeError, UsageError
from crypto.messages.common import (
    PROPOSAL_REF_LABEL,
    ContentType,
    ProtocolVersion,
    RefHasher,
    SenderType,
    WireFormat,
    _decode_with,
    _enum,
    _ref_hash,
    _require,
)
from crypto.messages.context import GroupContext
from crypto.messages.proposals import Commit, Proposal


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
