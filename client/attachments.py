# SPDX-License-Identifier: Apache-2.0
"""Encrypted attachments: sealed on the device, stored as opaque blobs by the relay.

Sending: a fresh random 32-byte key per attachment (never reused, so a fixed zero
nonce is safe) seals the file with ChaCha20-Poly1305 (pyca/cryptography). What
:func:`upload` sends is ``0x02 | ciphertext+tag`` of the file followed by zeros, padded
so the whole blob is a size bucket (:func:`blob_bucket`, docs/padding.md); the
reference's ``size`` says where the file ends. (``0x01`` blobs, unpadded, still read.)
The blob goes to ``POST /v1/blobs?group_id=``, and the
reference (blob id, key, SHA-256 **of the blob**, plaintext size, MIME type, bare file
name) travels inside MLS as an :class:`client.payloads.Attachment`. The relay sees a
random-looking blob of about the file's size and nothing else.

Receiving: the blob is downloaded, its SHA-256 is compared with the reference in
constant time *before* decryption (a swapped blob, THREATS 9, is refused with
:class:`AttachmentTampered` and nothing is written), then decrypted (the AEAD tag is
a second check) and its size compared with the reference.

Hashing the ciphertext (not the plaintext) lets the check run before any decryption
and lets a member verify a blob without the key.

Cache: a verified blob is kept, still encrypted, under ``home/cache/blobs``; files a
user saves without choosing a place go to ``home/downloads/<message id>/``. Both are
deleted when the message is redacted or expires (:func:`purge_files`). Saving to a
place outside the home is the user's explicit export and is not tracked.
"""

from __future__ import annotations

import hashlib
import hmac
import mimetypes
import os
import random
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from client import payloads
from client.errors import PeerError, UsageError
from client.paths import atomic_write
from client.transport import RelayRefused, Transport

__all__ = [
    "HOLD_MAX",
    "HOLD_MEAN",
    "MAX_ATTACHMENT_BYTES",
    "AttachmentError",
    "AttachmentTampered",
    "AttachmentTooLarge",
    "QuotaExceeded",
    "Uploaded",
    "blob_bucket",
    "decrypt_blob",
    "encrypt_file",
    "fetch",
    "purge_files",
    "reference_hold",
    "upload",
]

#: The reference to an uploaded blob is held after the upload for an exponentially
#: distributed time of this mean (seconds), cut at :data:`HOLD_MAX` (docs/padding.md):
#: memoryless, so how long ago an upload was says nothing about whether the next
#: message of its uploader is its reference.
HOLD_MEAN: Final = 10.0
HOLD_MAX: Final = 60.0


def reference_hold(rng: random.Random, mean: float = HOLD_MEAN, cap: float = HOLD_MAX
                   ) -> float:
    """Seconds to hold a reference after its blob's upload (0 with ``mean`` 0)."""
    if mean <= 0:
        return 0.0
    return min(rng.expovariate(1.0 / mean), max(cap, 0.0))


@dataclass(frozen=True, slots=True)
class Uploaded:
    """A blob on the relay whose reference is not sent yet (the app uploads when the
    user picks the file, before the caption is typed and the dialog confirmed)."""

    channel_id: bytes
    ref: payloads.Attachment
    #: when the upload finished, by the engine's clock (the hold counts from here)
    uploaded_at: float


#: The relay's default blob cap (16 MiB) minus the blob header and tag.
MAX_ATTACHMENT_BYTES: Final = 16 * 1024 * 1024 - 17
BLOB_VERSION: Final = 1
PADDED_VERSION: Final = 2
_NONCE: Final = bytes(12)
_AAD: Final = b"corridor attachment v1"
_PADDED_AAD: Final = b"corridor attachment v2"
#: The smallest blob bucket: every attachment of up to about 4 KiB looks alike.
MIN_BLOB_BUCKET: Final = 4096
_OVERHEAD: Final = 17  # version byte and AEAD tag


class AttachmentError(UsageError):
    """An attachment cannot be sent or saved (the message says why)."""


class AttachmentTooLarge(AttachmentError):
    """The file is over the size limit (ours, or the relay's answer 413 too_large)."""


class QuotaExceeded(AttachmentError):
    """The relay's per-device blob quota is used up (413 quota_exceeded)."""


class AttachmentTampered(PeerError):
    """The downloaded blob does not match the reference sent inside MLS (swapped or
    damaged by the relay): refused, nothing decrypted or written."""


def blob_bucket(size: int) -> int:
    """The padded size of a blob of ``size`` bytes: at least :data:`MIN_BLOB_BUCKET`,
    then Padmé (the size rounded up so that only its top bits vary: at most about 12 %
    more bytes, and O(log log size) bits of the size show)."""
    if size <= MIN_BLOB_BUCKET:
        return MIN_BLOB_BUCKET
    e = size.bit_length() - 1
    s = e.bit_length()
    mask = (1 << (e - s)) - 1
    return (size + mask) & ~mask


def encrypt_file(data: bytes, *, padded: bool = False) -> tuple[bytes, bytes]:
    """(key, blob) for ``data`` under a fresh random key; ``padded``: the blob is a
    bucket's size (what :func:`upload` sends)."""
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise AttachmentTooLarge(
            f"attachment of {len(data)} bytes is over the limit of {MAX_ATTACHMENT_BYTES}")
    key = secrets.token_bytes(32)
    if not padded:
        return key, bytes((BLOB_VERSION,)) + ChaCha20Poly1305(key).encrypt(_NONCE, data, _AAD)
    target = min(blob_bucket(len(data) + _OVERHEAD), MAX_ATTACHMENT_BYTES + _OVERHEAD)
    body = data + bytes(target - _OVERHEAD - len(data))
    return key, bytes((PADDED_VERSION,)) + ChaCha20Poly1305(key).encrypt(_NONCE, body,
                                                                         _PADDED_AAD)


def decrypt_blob(ref: payloads.Attachment, blob: bytes) -> bytes:
    """Check ``blob`` against the reference, then decrypt it.

    Raises:
        AttachmentTampered: hash, format, tag or size do not match.
    """
    if not hmac.compare_digest(hashlib.sha256(blob).digest(), ref.sha256):
        raise AttachmentTampered("the attachment from the relay does not match its hash: "
                                 "it was replaced or damaged, and is refused")
    if not blob or blob[0] not in (BLOB_VERSION, PADDED_VERSION):
        raise AttachmentTampered("unknown attachment format")
    padded = blob[0] == PADDED_VERSION
    try:
        data = ChaCha20Poly1305(ref.key).decrypt(_NONCE, blob[1:],
                                                 _PADDED_AAD if padded else _AAD)
    except InvalidTag:
        raise AttachmentTampered("the attachment does not decrypt with its key") from None
    if padded:
        tail = data[ref.size:]
        if len(data) < ref.size or tail != bytes(len(tail)):
            raise AttachmentTampered("the attachment's size differs from its reference")
        data = data[:ref.size]
    if len(data) != ref.size:
        raise AttachmentTampered("the attachment's size differs from its reference")
    return data


async def upload(transport: Transport, group_id: bytes, path: Path, *, caption: str = "",
                 requires_ack: bool = False, mime_type: str | None = None
                 ) -> payloads.Attachment:
    """Encrypt and upload ``path``; returns the reference payload to send in MLS.

    Raises:
        AttachmentTooLarge, QuotaExceeded, AttachmentError; RelayUnavailable.
    """
    try:
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise AttachmentTooLarge(
                f"{path.name} is {size} bytes, over the limit of {MAX_ATTACHMENT_BYTES}")
        data = path.read_bytes()
    except OSError as exc:
        raise AttachmentError(f"cannot read the file: {exc.strerror}") from None
    key, blob = encrypt_file(data, padded=True)
    try:
        blob_id = await transport.upload_blob(group_id, blob)
    except RelayRefused as exc:
        if exc.code == "quota_exceeded":
            raise QuotaExceeded("the relay's attachment quota for this device is used up; "
                                "delete old attachments or wait for them to expire") from None
        if exc.code == "too_large" or exc.status == 413:
            raise AttachmentTooLarge("the relay refuses attachments this large") from None
        raise
    mime = mime_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return payloads.Attachment(
        message_id=payloads.new_message_id(), sent_at=payloads.now_ms(), blob_id=blob_id,
        key=key, sha256=hashlib.sha256(blob).digest(), size=len(data), mime_type=mime,
        file_name=path.name, caption=caption, requires_ack=requires_ack)


def cache_path(home: Path, message_id: bytes) -> Path:
    return home / "cache" / "blobs" / f"{message_id.hex()}.blob"


def downloads_dir(home: Path, message_id: bytes) -> Path:
    return home / "downloads" / message_id.hex()


async def fetch(transport: Transport, home: Path, ref: payloads.Attachment) -> bytes:
    """The attachment's plaintext, from the encrypted cache or the relay (verified)."""
    cached = cache_path(home, ref.message_id)
    blob = None
    if cached.exists():
        blob = cached.read_bytes()
        if hashlib.sha256(blob).digest() != ref.sha256:
            cached.unlink()
            blob = None
    if blob is None:
        blob = await transport.download_blob(ref.blob_id)
        data = decrypt_blob(ref, blob)
        cached.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(cached, blob)
        return data
    return decrypt_blob(ref, blob)


def purge_files(home: Path, message_id: bytes) -> None:
    """Remove the cached blob and any save under the home for this message."""
    with_cache = cache_path(home, message_id)
    if with_cache.exists():
        os.unlink(with_cache)
    d = downloads_dir(home, message_id)
    if d.exists():
        shutil.rmtree(d, ignore_errors=True)
