# SPDX-License-Identifier: Apache-2.0
"""PublicMessage (RFC 9420 section 6.2): content in the clear, authenticated to the
group by a membership tag and to the sender by a signature.
"""

from __future__ import annotations

from crypto.errors import ProtocolError, UsageError, VerificationError
from crypto.framing.auth import (
    _SIGN_LABEL,
    VerificationKey,
    _check_group,
    _check_tag,
    _key,
    _resolve,
    framed_content_tbs,
)
from crypto.messages import (
    AuthenticatedContent,
    ContentType,
    FramedContent,
    FramedContentAuthData,
    GroupContext,
    PublicMessage,
    SenderType,
    WireFormat,
)
from crypto.secret_bytes import Secret
from crypto.suites import CipherSuite


def _membership_input(tbs: bytes, auth: FramedContentAuthData) -> bytes:
    return tbs + auth.to_bytes()


def protect_public(
    suite: CipherSuite,
    content: FramedContent,
    *,
    signature_key: bytes | Secret,
    context: GroupContext,
    membership_key: bytes | Secret | None,
    confirmation_tag: bytes | None = None,
) -> PublicMessage:
    """Sign ``content`` and, for a member sender, add the membership tag.

    Raises:
        UsageError: application data (RFC 9420 requires PrivateMessage for it), a
            member sender without ``membership_key``, a tag on a non-commit, or a
            content for another group or epoch than ``context``.
    """
    if content.content_type == ContentType.application:
        raise UsageError("application data is sent only as PrivateMessage")
    _check_tag(content.content_type, confirmation_tag)
    if content.group_id != context.group_id or content.epoch != context.epoch:
        raise UsageError("content is for another group or epoch than the context")
    tbs = framed_content_tbs(WireFormat.mls_public_message, content, context)
    signature = suite.sign_with_label(_key(signature_key), _SIGN_LABEL, tbs)
    auth = FramedContentAuthData(signature=signature, confirmation_tag=confirmation_tag)
    tag = None
    if content.sender.sender_type == SenderType.member:
        if membership_key is None:
            raise UsageError("a member's PublicMessage needs the membership key")
        tag = suite.mac(_key(membership_key), _membership_input(tbs, auth))
    return PublicMessage(content=content, auth=auth, membership_tag=tag)


def _checked_tbs(message: PublicMessage, context: GroupContext,
                 context_bytes: bytes | None, content_bytes: bytes | None) -> bytes:
    content = message.content
    if content.content_type == ContentType.application:
        raise ProtocolError("application data in a PublicMessage")
    _check_group(content.group_id, content.epoch, context)
    return framed_content_tbs(WireFormat.mls_public_message, content,
                              context_bytes if context_bytes is not None else context,
                              content_bytes if content_bytes is not None else content.to_bytes())


def _signed(suite: CipherSuite, message: PublicMessage, tbs: bytes,
            verification_key: VerificationKey) -> AuthenticatedContent:
    public_key = _resolve(verification_key, message.content.sender)
    suite.verify_with_label(public_key, _SIGN_LABEL, tbs, message.auth.signature)
    return AuthenticatedContent(wire_format=WireFormat.mls_public_message,
                                content=message.content, auth=message.auth)


def unprotect_public(
    suite: CipherSuite,
    message: PublicMessage,
    *,
    context: GroupContext,
    membership_key: bytes | Secret | None,
    verification_key: VerificationKey,
) -> AuthenticatedContent:
    """Check a PublicMessage's group, epoch, membership tag and signature.

    Returns the (signature-verified) AuthenticatedContent; the commit's
    confirmation tag, if any, is left to the caller.
    """
    tbs = _checked_tbs(message, context, None, None)
    if message.content.sender.sender_type == SenderType.member:
        if membership_key is None:
            raise UsageError("a member's PublicMessage needs the membership key")
        if message.membership_tag is None:  # pragma: no cover - PublicMessage forbids it
            raise VerificationError("membership tag missing")
        suite.verify_mac(_key(membership_key), _membership_input(tbs, message.auth),
                         message.membership_tag)
    return _signed(suite, message, tbs, verification_key)


def verify_public(
    suite: CipherSuite,
    message: PublicMessage,
    *,
    context: GroupContext,
    verification_key: VerificationKey,
    context_bytes: bytes | None = None,
    content_bytes: bytes | None = None,
) -> AuthenticatedContent:
    """The checks of :func:`unprotect_public` a party without the epoch's secrets can
    make (a delivery service): group, epoch, no application data, the signature. The
    membership tag is not checked: it needs the membership key.

    ``context_bytes``/``content_bytes``: the encodings, if the caller holds them.
    """
    tbs = _checked_tbs(message, context, context_bytes, content_bytes)
    return _signed(suite, message, tbs, verification_key)


# -- PrivateMessage ----------------------------------------------------------------------
