# SPDX-License-Identifier: Apache-2.0
"""Message protection: PublicMessage and PrivateMessage (RFC 9420 sections 6.1 to 6.3).

Both wire formats carry a FramedContent signed by its sender over
``FramedContentTBS`` (version, wire format, content and, for member senders, the
GroupContext). They differ in what else protects it::

    PublicMessage                       PrivateMessage
    -------------                       --------------
    content + auth in the clear         content + auth + zero padding, sealed with
    membership_tag = MAC(membership_key,   the sender's ratchet key (generation j,
        FramedContentTBS || auth)          nonce XOR reuse_guard), AAD PrivateContentAAD
                                        SenderData{leaf, j, reuse_guard} sealed with a
                                           key/nonce from sender_data_secret and the
                                           first Nh bytes of the ciphertext

Unprotecting checks, cheapest first, and changes no state until everything holds:
group and epoch, then (private) sender data and content decryption with a key the
secret tree has not yet consumed, then the membership tag (public), then the
signature; only then is the ratchet key deleted. Every failure is typed:
:class:`~crypto.errors.EpochError` (other epoch), :class:`~crypto.errors.ProtocolError`
(other group, application data in a PublicMessage, bad sender),
:class:`~crypto.errors.VerificationError` (tag, AEAD or signature),
:class:`~crypto.errors.DecodeError` (malformed plaintext),
:class:`~crypto.errors.ReplayError`/:class:`~crypto.errors.GenerationError` (ratchet).

Confirmation tags of commits are the caller's to check: they need the next epoch's
``confirmation_key`` (:meth:`crypto.schedule.key_schedule.EpochSecrets.verify_confirmation_tag`).

Modules: ``auth`` (FramedContentTBS, signing and the checks both formats share),
``public`` (PublicMessage), ``private`` (PrivateMessage, sender data, and
:class:`ApplicationFraming`, the application-message fast path).
"""

from crypto.framing.auth import (
    VerificationKey,
    framed_content_tbs,
    sign_framed_content,
    verify_framed_content,
)
from crypto.framing.deferred import DeferredSignatures, SignatureBatch, check_encoded
from crypto.framing.private import (
    ApplicationFraming,
    decrypt_sender_data,
    peek_private,
    protect_private,
    unprotect_private,
)
from crypto.framing.public import protect_public, unprotect_public, verify_public

__all__ = [
    "ApplicationFraming",
    "DeferredSignatures",
    "SignatureBatch",
    "VerificationKey",
    "check_encoded",
    "decrypt_sender_data",
    "framed_content_tbs",
    "peek_private",
    "protect_private",
    "protect_public",
    "sign_framed_content",
    "unprotect_private",
    "unprotect_public",
    "verify_framed_content",
    "verify_public",
]
