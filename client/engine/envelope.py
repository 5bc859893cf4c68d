# SPDX-License-Identifier: Apache-2.0
"""What rides around an MLS message: the AAD envelope with the fork statement, the
commit stamp, the sealed channel information, and the padding of application messages.

AAD envelope: ``0x02 | fingerprint[16] | n | signature[n] | inner`` (n is 64, or 0 for
unsigned test messages; ``0x01 | fingerprint | inner`` from older clients parses as
unsigned) where inner is :func:`client.payloads.build_aad` for application messages
and, for commits, msgpack of a :class:`crypto.corridor.charter.CommitStamp` (the CRLs proving
its removals, its timestamp, the sealed channel information), which the relay reads too
(older commits: a bare CRL list).

The fingerprint (SHA-256 over group id, epoch and epoch authenticator) is signed by
the sending device with its certified MLS signature key, over the labelled tuple
(group id, epoch, fingerprint, digest of the inner AAD): the AAD is only authenticated
by decryption, and a message from the other half of a real fork can never be
decrypted, so MLS cannot vouch for exactly the messages that prove a fork (see
:mod:`client.engine.forks`).
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Final

from client import payloads
from client.msgids import padding_for
from client.policy import Charter, PolicyViolation, decode_info
from crypto.corridor.charter import (
    AAD_ENVELOPE,
    FP_LEN,
    CommitStamp,
    commit_stamp,
    info_commitment,
)
from crypto.corridor.charter import Envelope as Envelope
from crypto.corridor.charter import open_envelope as open_envelope
from crypto.group import Group
from crypto.messages import ContentType, MLSMessage
from crypto.suites import get_suite

__all__ = [
    "FORK_LABEL",
    "SUITE",
    "CommitInfo",
    "Envelope",
    "app_aad",
    "app_padding",
    "commit_info",
    "envelope",
    "epoch_fingerprint",
    "fork_statement",
    "header",
    "info_name",
    "open_envelope",
    "open_info",
    "seal_info",
]

SUITE: Final = 0x0003
FORK_LABEL: Final = "corridor fork statement v1"
_INFO_LABEL: Final = "corridor channel info v1"

#: A commit's inner AAD (CRLs proving its removals, its timestamp, the sealed channel
#: information): crypto.corridor.charter.CommitStamp, which the relay reads too.
CommitInfo = CommitStamp


def epoch_fingerprint(group: Group) -> bytes:
    h = hashlib.sha256(b"corridor fork check v1\x00")
    h.update(len(group.group_id).to_bytes(2, "big") + group.group_id)
    h.update(group.epoch.to_bytes(8, "big") + group.epoch_authenticator)
    return h.digest()[:FP_LEN]


def fork_statement(group_id: bytes, epoch: int, fp: bytes, inner: bytes) -> bytes:
    """The signed tuple: group id, epoch, epoch fingerprint, digest of the inner AAD
    (which holds the message id of an application message)."""
    return (len(group_id).to_bytes(2, "big") + group_id + epoch.to_bytes(8, "big") + fp
            + hashlib.sha256(inner).digest())


def envelope(group: Group, inner: bytes, signer: bytes | None = None) -> bytes:
    """The AAD envelope; with ``signer`` (the device's signature seed) it carries the
    fork statement's signature, without it none (tests craft such messages)."""
    fp = epoch_fingerprint(group)
    sig = b""
    if signer is not None:
        sig = get_suite(SUITE).sign_with_label(
            signer, FORK_LABEL, fork_statement(group.group_id, group.epoch, fp, inner))
    return bytes((AAD_ENVELOPE,)) + fp + bytes((len(sig),)) + sig + inner


def app_aad(group: Group, message_id: bytes, tree_head: bytes, signer: bytes) -> bytes:
    """An application message's signed envelope: its id and the key-transparency log
    head to gossip (b"" for none)."""
    return envelope(group, payloads.build_aad(message_id, tree_head), signer)


def app_padding(group: Group, body_len: int, aad_len: int) -> int:
    """The padding that brings an application message to its size bucket."""
    return padding_for(lambda p: group.application_size(body_len, aad_len, p))


def commit_info(inner: bytes) -> tuple[list[bytes], int | None]:
    """CRLs and timestamp of a commit's inner AAD (older commits: a bare CRL list)."""
    stamp = commit_stamp(inner)
    if stamp is None:
        return [], None
    return list(stamp.crls), (stamp.at if stamp.at >= 0 else None)


def header(message: bytes) -> tuple[int, ContentType, bytes] | None:
    """Epoch, content type and authenticated data of a Public or PrivateMessage."""
    msg = MLSMessage.from_bytes(message)
    if msg.private_message is not None:
        p = msg.private_message
        return p.epoch, p.content_type, p.authenticated_data
    if msg.public_message is not None:
        c = msg.public_message.content
        return c.epoch, c.content_type, c.authenticated_data
    return None


def info_name(charter: Charter, info: bytes) -> str:
    """The channel's name if ``info`` is the information ``charter`` commits to."""
    if not info or info_commitment(info) != charter.info:
        return ""
    try:
        return decode_info(info).name
    except PolicyViolation:
        return ""


def _info_key(g: Group) -> bytes:
    """The key sealing channel information in a commit: exported from the epoch the
    commit is made in, so every member of that epoch (and not the relay) opens it."""
    return g.export_secret(_INFO_LABEL, b"", 32)


def seal_info(g: Group, info: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    nonce = secrets.token_bytes(12)
    return nonce + ChaCha20Poly1305(_info_key(g)).encrypt(nonce, info, g.group_id)


def open_info(g: Group, sealed: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    if len(sealed) < 12 + 16:
        return None
    try:
        return ChaCha20Poly1305(_info_key(g)).decrypt(sealed[:12], sealed[12:], g.group_id)
    except InvalidTag:
        return None
