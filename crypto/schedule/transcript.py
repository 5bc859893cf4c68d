# SPDX-License-Identifier: Apache-2.0
"""Confirmed and interim transcript hashes (RFC 9420 section 8.2).

Each commit extends the transcript in two steps::

    confirmed_transcript_hash_[n] =
        Hash(interim_transcript_hash_[n-1] || ConfirmedTranscriptHashInput_[n])
    interim_transcript_hash_[n] =
        Hash(confirmed_transcript_hash_[n] || InterimTranscriptHashInput_[n])

    ConfirmedTranscriptHashInput = { WireFormat wire_format; FramedContent content;
                                     opaque signature<V>; }
    InterimTranscriptHashInput   = { MAC confirmation_tag; }

The confirmed hash enters the new epoch's GroupContext; the confirmation tag is
``MAC(confirmation_key, confirmed_transcript_hash)`` of that new epoch
(see :meth:`crypto.schedule.key_schedule.EpochSecrets.confirmation_tag`).
"""

from __future__ import annotations

from crypto.codec import encode_varint
from crypto.errors import ProtocolError
from crypto.messages import AuthenticatedContent, ContentType, FramedContent, WireFormat
from crypto.suites import CipherSuite

__all__ = [
    "confirmed_transcript_hash",
    "initial_interim_transcript_hash",
    "interim_transcript_hash",
    "update_transcript",
]


def confirmed_transcript_hash(
    suite: CipherSuite, interim_before: bytes, wire_format: WireFormat,
    content: FramedContent, signature: bytes, content_bytes: bytes | None = None,
) -> bytes:
    """Hash(interim_[n-1] || ConfirmedTranscriptHashInput) for a commit's content
    (``content_bytes``: its encoding, when the caller holds it already)."""
    body = content_bytes if content_bytes is not None else content.to_bytes()
    data = (interim_before + int(wire_format).to_bytes(2, "big") + body
            + encode_varint(len(signature)) + signature)
    return suite.hash(data)


def interim_transcript_hash(suite: CipherSuite, confirmed: bytes, confirmation_tag: bytes) -> bytes:
    """Hash(confirmed_[n] || InterimTranscriptHashInput)."""
    return suite.hash(confirmed + encode_varint(len(confirmation_tag)) + confirmation_tag)


def initial_interim_transcript_hash(
    suite: CipherSuite, confirmed: bytes, confirmation_tag: bytes
) -> bytes:
    """The interim hash of epoch 0 (group creation, section 8.2): same formula."""
    return interim_transcript_hash(suite, confirmed, confirmation_tag)


def update_transcript(
    suite: CipherSuite, interim_before: bytes, commit: AuthenticatedContent
) -> tuple[bytes, bytes]:
    """(confirmed, interim) after ``commit``.

    Raises:
        ProtocolError: the content is not a commit (only commits carry a tag).
    """
    if commit.content.content_type != ContentType.commit or commit.auth.confirmation_tag is None:
        raise ProtocolError("transcript hashes advance only on commits")
    confirmed = confirmed_transcript_hash(suite, interim_before, commit.wire_format,
                                          commit.content, commit.auth.signature)
    return confirmed, interim_transcript_hash(suite, confirmed, commit.auth.confirmation_tag)
