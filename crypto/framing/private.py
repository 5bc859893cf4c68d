# SPDX-License-Identifier: Apache-2.0
"""PrivateMessage (RFC 9420 section 6.3): content sealed with the sender's ratchet
key, sender data sealed under the epoch's sender-data secret, and
ApplicationFraming, the fast path for application messages.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from crypto.codec import Reader, encode_varint, varint_size
from crypto.errors import DecodeError, UsageError, VerificationError
from crypto.framing.auth import (
    _MLS10,
    _SIGN_LABEL,
    VerificationKey,
    _check_group,
    _check_tag,
    _key,
    _resolve,
    sign_framed_content,
    verify_framed_content,
)
from crypto.framing.deferred import DeferredSignatures
from crypto.messages import (
    AuthenticatedContent,
    ContentType,
    FramedContent,
    GroupContext,
    PrivateMessage,
    PrivateMessageContent,
    Sender,
    SenderData,
    SenderType,
    WireFormat,
)
from crypto.schedule.secret_tree import RatchetType, SecretTree, sender_data_key_nonce
from crypto.secret_bytes import Secret
from crypto.suites import CipherSuite, HmacSha256


def _ratchet_for(content_type: ContentType) -> RatchetType:
    return RatchetType.APPLICATION if content_type == ContentType.application \
        else RatchetType.HANDSHAKE


def _content_aad(group_id: bytes, epoch: int, content_type: ContentType,
                 authenticated_data: bytes) -> bytes:
    """PrivateContentAAD, encoded directly (hot path)."""
    return (encode_varint(len(group_id)) + group_id + epoch.to_bytes(8, "big")
            + bytes((content_type,)) + encode_varint(len(authenticated_data))
            + authenticated_data)


def _sender_data_aad(group_id: bytes, epoch: int, content_type: ContentType) -> bytes:
    return encode_varint(len(group_id)) + group_id + epoch.to_bytes(8, "big") \
        + bytes((content_type,))


def _guard(nonce: bytes, reuse_guard: bytes) -> bytes:
    head = int.from_bytes(nonce[:4], "big") ^ int.from_bytes(reuse_guard, "big")
    return head.to_bytes(4, "big") + nonce[4:]


def _content_body(content: FramedContent) -> bytes:
    """The select(content_type) part of FramedContent / PrivateMessageContent."""
    if content.application_data is not None:
        return encode_varint(len(content.application_data)) + content.application_data
    if content.proposal is not None:
        return content.proposal.to_bytes()
    if content.commit is not None:
        return content.commit.to_bytes()
    raise UsageError("content has no body")  # pragma: no cover - FramedContent forbids it


def protect_private(
    suite: CipherSuite,
    content: FramedContent,
    *,
    signature_key: bytes | Secret,
    context: GroupContext | bytes,
    secret_tree: SecretTree,
    sender_data_secret: bytes | Secret,
    confirmation_tag: bytes | None = None,
    padding: int = 0,
    rng: Callable[[int], bytes] = secrets.token_bytes,
) -> PrivateMessage:
    """Sign, pad and encrypt ``content`` from member ``content.sender.leaf_index``.

    Consumes the sender's next ratchet key. ``context`` may be the encoded
    GroupContext (cheaper when sending many messages in one epoch); it must be the
    context of ``content.epoch``. ``padding`` zero bytes are appended.
    """
    if content.sender.sender_type != SenderType.member or content.sender.leaf_index is None:
        raise UsageError("only members send PrivateMessages")
    if padding < 0:
        raise UsageError("padding must be non-negative")
    _check_tag(content.content_type, confirmation_tag)
    if isinstance(context, GroupContext) and (
        content.group_id != context.group_id or content.epoch != context.epoch
    ):
        raise UsageError("content is for another group or epoch than the context")
    leaf = content.sender.leaf_index
    signature = sign_framed_content(suite, signature_key, WireFormat.mls_private_message,
                                    content, context)
    plaintext = _content_body(content) + encode_varint(len(signature)) + signature
    if confirmation_tag is not None:
        plaintext += encode_varint(len(confirmation_tag)) + confirmation_tag
    if padding:
        plaintext += bytes(padding)
    reuse_guard = rng(4)
    if len(reuse_guard) != 4:
        raise UsageError("rng returned the wrong number of bytes")
    rk = secret_tree.next_key(leaf, _ratchet_for(content.content_type))
    aad = _content_aad(content.group_id, content.epoch, content.content_type,
                       content.authenticated_data)
    ciphertext = suite.aead_seal(rk.key, _guard(rk.nonce, reuse_guard), aad, plaintext)
    sd_key, sd_nonce = sender_data_key_nonce(suite, _key(sender_data_secret), ciphertext)
    sender_data = leaf.to_bytes(4, "big") + rk.generation.to_bytes(4, "big") + reuse_guard
    encrypted_sender_data = suite.aead_seal(
        sd_key, sd_nonce, _sender_data_aad(content.group_id, content.epoch,
                                           content.content_type), sender_data)
    return PrivateMessage(group_id=content.group_id, epoch=content.epoch,
                          content_type=content.content_type,
                          authenticated_data=content.authenticated_data,
                          encrypted_sender_data=encrypted_sender_data, ciphertext=ciphertext)


def decrypt_sender_data(
    suite: CipherSuite, message: PrivateMessage, sender_data_secret: bytes | Secret
) -> SenderData:
    """Open and decode a PrivateMessage's SenderData (VerificationError, DecodeError)."""
    sd_key, sd_nonce = sender_data_key_nonce(suite, _key(sender_data_secret), message.ciphertext)
    if len(message.encrypted_sender_data) < 16:
        raise VerificationError("sender data does not open")
    raw = suite.aead_open(sd_key, sd_nonce,
                          _sender_data_aad(message.group_id, message.epoch,
                                           message.content_type),
                          message.encrypted_sender_data)
    if len(raw) != 12:
        raise DecodeError("SenderData is 12 bytes")
    return SenderData(leaf_index=int.from_bytes(raw[:4], "big"),
                      generation=int.from_bytes(raw[4:8], "big"), reuse_guard=raw[8:])


def unprotect_private(
    suite: CipherSuite,
    message: PrivateMessage,
    *,
    context: GroupContext,
    secret_tree: SecretTree,
    sender_data_secret: bytes | Secret,
    verification_key: VerificationKey,
    context_bytes: bytes | None = None,
    sender_data: SenderData | None = None,
) -> AuthenticatedContent:
    """Decrypt and verify a PrivateMessage; delete its ratchet key only on success.

    ``context_bytes`` (the encoded ``context``) saves re-encoding it per message;
    ``sender_data``, already opened by :func:`decrypt_sender_data` for this very
    message, saves opening it twice.
    """
    _check_group(message.group_id, message.epoch, context)
    if sender_data is None:
        sender_data = decrypt_sender_data(suite, message, sender_data_secret)
    ratchet = _ratchet_for(message.content_type)
    rk = secret_tree.key_for(sender_data.leaf_index, ratchet, sender_data.generation)
    aad = _content_aad(message.group_id, message.epoch, message.content_type,
                       message.authenticated_data)
    plaintext = suite.aead_open(rk.key, _guard(rk.nonce, sender_data.reuse_guard), aad,
                                message.ciphertext)
    body = PrivateMessageContent.from_plaintext(plaintext, message.content_type)
    sender = Sender.member(sender_data.leaf_index)
    content = FramedContent(group_id=message.group_id, epoch=message.epoch, sender=sender,
                            authenticated_data=message.authenticated_data,
                            content_type=message.content_type,
                            application_data=body.application_data, proposal=body.proposal,
                            commit=body.commit)
    public_key = _resolve(verification_key, sender)
    verify_framed_content(suite, public_key, WireFormat.mls_private_message, content,
                          context_bytes if context_bytes is not None else context,
                          body.auth.signature)
    secret_tree.consume(rk)
    return AuthenticatedContent(wire_format=WireFormat.mls_private_message, content=content,
                                auth=body.auth)



def peek_private(message: bytes) -> tuple[bytes, int, int, bytes] | None:
    """(group_id, epoch, content_type, authenticated_data) of a well-formed MLSMessage
    holding a PrivateMessage, read without building the structs; ``None`` for anything
    else (a PublicMessage, or malformed bytes: the general decoder then gives the
    precise error). For a receiver that routes on the header before processing: the
    values are unauthenticated until the message is processed."""
    prefix = _MLS10 + int(WireFormat.mls_private_message).to_bytes(2, "big")
    if not isinstance(message, bytes) or not message.startswith(prefix):
        return None
    r = Reader(message, len(prefix))
    try:
        group_id = r.opaque_v()
        epoch = r.u64()
        content_type = r.u8()
        authenticated_data = r.opaque_v()
        r.opaque_v()
        r.opaque_v()
        r.finish()
    except DecodeError:
        return None
    if content_type not in _CONTENT_TYPES:
        return None
    return group_id, epoch, content_type, authenticated_data


_CONTENT_TYPES = frozenset(int(c) for c in ContentType)


# -- application messages, per epoch ---------------------------------------------------


class ApplicationFraming:
    """The application-message path of one epoch, with its constants encoded once.

    Produces and opens exactly the bytes :func:`protect_private` /
    :func:`unprotect_private` do for ``content_type = application`` from a member
    sender, wrapped in an MLSMessage, but builds no intermediate structs: the
    FramedContentTBS, the AADs and the MLSMessage header are byte prefixes fixed
    by the epoch (group id, epoch, encoded GroupContext), and the signed content is
    taken from the received bytes instead of being re-encoded. Every check of
    :func:`unprotect_private` happens, in the same order; keys are consumed only
    after the signature verified.
    """

    __slots__ = ("_aad_head", "_ctx", "_last", "_msg_head", "_sd_secret", "_tbs_head", "suite")

    def __init__(self, suite: CipherSuite, group_id: bytes, epoch: int, context_bytes: bytes,
                 sender_data_secret: bytes | Secret) -> None:
        gid_epoch = encode_varint(len(group_id)) + group_id + epoch.to_bytes(8, "big")
        app = bytes((ContentType.application,))
        self.suite = suite
        # PrivateContentAAD / SenderDataAAD up to and including content_type.
        self._aad_head = gid_epoch + app
        # MLSMessage{version, wire_format, PrivateMessage up to content_type}.
        self._msg_head = _MLS10 + int(WireFormat.mls_private_message).to_bytes(2, "big") \
            + gid_epoch + app
        # FramedContentTBS up to the member sender's type; the leaf index follows.
        self._tbs_head = _MLS10 + int(WireFormat.mls_private_message).to_bytes(2, "big") \
            + gid_epoch + bytes((SenderType.member,))
        self._ctx = context_bytes
        # the sender-data secret as its MAC states: every message derives its key
        self._sd_secret = HmacSha256(_key(sender_data_secret))
        #: the last message parsed and its parts: a receiver that routes on the header
        #: (:meth:`crypto.group.Group.application_aad`) and then processes the same
        #: bytes object parses it once
        self._last: tuple[bytes, tuple[bytes, bytes, bytes, bytes] | None] | None = None

    def __repr__(self) -> str:
        return "ApplicationFraming(<redacted>)"

    def seal(
        self, leaf: int, signature_key: bytes, secret_tree: SecretTree, data: bytes, *,
        authenticated_data: bytes = b"", padding: int = 0,
        rng: Callable[[int], bytes] = secrets.token_bytes,
    ) -> bytes:
        """MLSMessage bytes of a PrivateMessage carrying ``data`` from member ``leaf``;
        consumes the leaf's next application ratchet key."""
        if padding < 0:
            raise UsageError("padding must be non-negative")
        suite = self.suite
        leaf4 = leaf.to_bytes(4, "big")
        ad = encode_varint(len(authenticated_data)) + authenticated_data
        body = encode_varint(len(data)) + data
        signature = suite.sign_with_label(
            signature_key, _SIGN_LABEL,
            self._tbs_head + leaf4 + ad + bytes((ContentType.application,)) + body + self._ctx)
        plaintext = body + encode_varint(len(signature)) + signature
        if padding:
            plaintext += bytes(padding)
        reuse_guard = rng(4)
        if len(reuse_guard) != 4:
            raise UsageError("rng returned the wrong number of bytes")
        rk = secret_tree.next_key(leaf, RatchetType.APPLICATION)
        ciphertext = suite.aead_seal(rk.key, _guard(rk.nonce, reuse_guard),
                                     self._aad_head + ad, plaintext)
        sd_key, sd_nonce = suite.derive_key_nonce(self._sd_secret, ciphertext[: suite.nh])
        sender_data = suite.aead_seal(sd_key, sd_nonce, self._aad_head,
                                      leaf4 + rk.generation.to_bytes(4, "big") + reuse_guard)
        return (self._msg_head + ad + encode_varint(len(sender_data)) + sender_data
                + encode_varint(len(ciphertext)) + ciphertext)

    def sealed_size(self, data_len: int, aad_len: int, padding: int = 0) -> int:
        """The exact length of the MLSMessage :meth:`seal` returns for ``data_len`` bytes
        of data, ``aad_len`` of authenticated data and ``padding`` (for padding a message
        to a chosen size). Both of Corridor's suites sign with Ed25519 (64 bytes) and
        seal with 16-byte AEAD tags; sender data is 12 bytes sealed."""
        plaintext = varint_size(data_len) + data_len + varint_size(64) + 64 + padding
        ciphertext = plaintext + 16
        sender_data = 12 + 16
        return (len(self._msg_head) + varint_size(aad_len) + aad_len
                + varint_size(sender_data) + sender_data + varint_size(ciphertext) + ciphertext)

    def parse(self, message: bytes) -> tuple[bytes, bytes, bytes, bytes] | None:
        """(authenticated_data<V> as encoded, authenticated_data, encrypted_sender_data,
        ciphertext) of an
        MLSMessage that is an application PrivateMessage of exactly this group and
        epoch; ``None`` for anything else, malformed bytes included (the general
        decoder then produces the precise error)."""
        if not isinstance(message, bytes):
            message = bytes(message)
        last = self._last
        if last is not None and last[0] is message:  # the same immutable object
            return last[1]
        parsed = self._parse(message)
        self._last = (message, parsed)
        return parsed

    def _parse(self, message: bytes) -> tuple[bytes, bytes, bytes, bytes] | None:
        head = self._msg_head
        if not message.startswith(head):
            return None
        r = Reader(message, len(head))
        try:
            ad_start = r.position
            authenticated_data = r.opaque_v()
            ad = message[ad_start:r.position]
            encrypted_sender_data = r.opaque_v()
            ciphertext = r.opaque_v()
            r.finish()
        except DecodeError:
            return None
        return ad, authenticated_data, encrypted_sender_data, ciphertext

    def open_sender_data(self, encrypted_sender_data: bytes,
                         ciphertext: bytes) -> tuple[int, int, bytes]:
        """(leaf index, generation, reuse guard); as :func:`decrypt_sender_data`."""
        suite = self.suite
        sd_key, sd_nonce = suite.derive_key_nonce(self._sd_secret, ciphertext[: suite.nh])
        if len(encrypted_sender_data) < 16:
            raise VerificationError("sender data does not open")
        raw = suite.aead_open(sd_key, sd_nonce, self._aad_head, encrypted_sender_data)
        if len(raw) != 12:
            raise DecodeError("SenderData is 12 bytes")
        return int.from_bytes(raw[:4], "big"), int.from_bytes(raw[4:8], "big"), raw[8:]

    def open(
        self, secret_tree: SecretTree, leaf: int, generation: int, reuse_guard: bytes,
        ad: bytes, ciphertext: bytes, member_key: Callable[[int], bytes],
        deferred: DeferredSignatures | None = None,
    ) -> bytes:
        """Decrypt and verify; returns the application data and deletes its key.

        ``ad`` is the encoded ``authenticated_data<V>`` from :meth:`parse`;
        ``member_key`` maps the sender's leaf to its signature key (raising for a
        blank leaf). Same checks and errors as :func:`unprotect_private`. With
        ``deferred``, the signature check is added there instead of run here (the
        caller's group must then not persist until it is settled:
        :mod:`crypto.framing.deferred`).
        """
        suite = self.suite
        rk = secret_tree.key_for(leaf, RatchetType.APPLICATION, generation)
        plaintext = suite.aead_open(rk.key, _guard(rk.nonce, reuse_guard),
                                    self._aad_head + ad, ciphertext)
        # PrivateMessageContent{application_data<V>, signature<V>, zero padding}
        r = Reader(plaintext)
        data = r.opaque_v()
        body_end = r.position
        signature = r.opaque_v()
        padding = plaintext[r.position:]
        if padding.count(0) != len(padding):
            raise DecodeError("non-zero padding")
        public_key = member_key(leaf)
        tbs = (self._tbs_head + leaf.to_bytes(4, "big") + ad
               + bytes((ContentType.application,)) + plaintext[:body_end] + self._ctx)
        if deferred is None:
            suite.verify_with_label(public_key, _SIGN_LABEL, tbs, signature)
        else:
            deferred.add(suite, public_key, tbs, signature)
        secret_tree.consume(rk)
        return data
