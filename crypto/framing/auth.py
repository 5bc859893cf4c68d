# SPDX-License-Identifier: Apache-2.0
"""What both wire formats share (RFC 9420 section 6.1): FramedContentTBS, the
sender's signature over it, and the group, epoch and confirmation-tag checks.
"""

from __future__ import annotations

from collections.abc import Callable

from crypto.errors import EpochError, ProtocolError, UsageError
from crypto.messages import ContentType, FramedContent, GroupContext, Sender, SenderType, WireFormat
from crypto.secret_bytes import Secret
from crypto.suites import CipherSuite

# The sender's signature public key, or a lookup from the (decrypted) sender to it.
# A lookup should raise a PeerError subclass for a sender with no leaf.
VerificationKey = bytes | Callable[[Sender], bytes]

_MLS10 = b"\x00\x01"
_SIGN_LABEL = "FramedContentTBS"


def _key(value: bytes | Secret) -> bytes:
    return value.value if isinstance(value, Secret) else value


def framed_content_tbs(
    wire_format: WireFormat, content: FramedContent, context: GroupContext | bytes | None,
    content_bytes: bytes | None = None,
) -> bytes:
    """Encoded FramedContentTBS; the context is included for member and
    new_member_commit senders (it may be passed pre-encoded)."""
    body = content_bytes if content_bytes is not None else content.to_bytes()
    head = _MLS10 + int(wire_format).to_bytes(2, "big") + body
    if content.sender.sender_type in (SenderType.member, SenderType.new_member_commit):
        if context is None:
            raise UsageError("a member sender's signature covers the GroupContext")
        return head + (context if isinstance(context, bytes) else context.to_bytes())
    return head


def sign_framed_content(
    suite: CipherSuite, signature_key: bytes | Secret, wire_format: WireFormat,
    content: FramedContent, context: GroupContext | bytes | None,
    content_bytes: bytes | None = None,
) -> bytes:
    """SignWithLabel(., "FramedContentTBS", FramedContentTBS)."""
    tbs = framed_content_tbs(wire_format, content, context, content_bytes)
    return suite.sign_with_label(_key(signature_key), _SIGN_LABEL, tbs)


def verify_framed_content(
    suite: CipherSuite, public_key: bytes, wire_format: WireFormat, content: FramedContent,
    context: GroupContext | bytes | None, signature: bytes, content_bytes: bytes | None = None,
) -> None:
    """VerifyWithLabel over FramedContentTBS; :class:`VerificationError` if it fails."""
    tbs = framed_content_tbs(wire_format, content, context, content_bytes)
    suite.verify_with_label(public_key, _SIGN_LABEL, tbs, signature)


def _resolve(key: VerificationKey, sender: Sender) -> bytes:
    return key(sender) if callable(key) else key


def _check_group(content_group: bytes, content_epoch: int, context: GroupContext) -> None:
    if content_group != context.group_id:
        raise ProtocolError("message for another group")
    if content_epoch != context.epoch:
        raise EpochError("message for another epoch")


def _check_tag(content_type: ContentType, confirmation_tag: bytes | None) -> None:
    if (confirmation_tag is not None) != (content_type == ContentType.commit):
        raise UsageError("a confirmation tag goes with a commit and nothing else")


# -- PublicMessage -----------------------------------------------------------------------
