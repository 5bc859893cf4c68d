# SPDX-License-Identifier: Apache-2.0
"""Opaque client message ids, and padded sizes: what the relay stores says nothing of kind.

The relay de-duplicates a resend by its ``client_msg_id`` (same sender, same group), so
an id must stay the same when a crash makes the device send the same thing again. It
must also tell the relay nothing (THREATS 26): earlier builds sent ``m.<message id>.<n>``
for application messages and ``c.<outbox item>`` for commits, which marked commits and
exposed message ids. Now every id is 16 random bytes (22 characters of base64url), made
when the item is first sent; what it stands for stays in the device's encrypted store::

    by digest   SHA-256(kind | channel | ref | attempt)[:16]  ->  id
    by id       id                                            ->  kind, ref, attempt

(``ref`` is the message id of an application message, the outbox item id of a commit.)
(:class:`client.store.engine_state.SendIdStore`.) The first key is a digest so no
message id sits in the clear in the store's keys; the values are sealed like every
group state. The entry by id is read when the relay
hands the message back (the device cannot decrypt its own message; this is how it knows
which of its messages came back) and dropped then.

Sizes (the same threat): an application message is padded so that the whole MLSMessage
is a power of two of at least :data:`MIN_BUCKET` bytes (512, 1,024, 2,048, ... up to the
relay's 1 MiB cap). A text, a read receipt, an acknowledgement and a hotline call of
similar length are the same size; the bucket says only "short" or "long".
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from client.store.engine_state import EngineStore, SendIdRecord

__all__ = ["APP", "COMMIT", "MIN_BUCKET", "SendIds", "SendRef", "bucket", "padding_for"]

APP: Final = "app"
COMMIT: Final = "commit"
MIN_BUCKET: Final = 512
MAX_BUCKET: Final = 1 << 20


@dataclass(frozen=True, slots=True)
class SendRef:
    """What an own client message id stands for."""

    kind: str  # APP or COMMIT
    ref: bytes  # message id (APP) or outbox item id (COMMIT)
    attempt: int = 0


def _unb64u(text: str) -> bytes | None:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError):
        return None
    return raw if len(raw) == 16 else None


class SendIds:
    """Random client message ids and their meaning, kept in the device's store."""

    def __init__(self, store: EngineStore,
                 rng: Callable[[int], bytes] = secrets.token_bytes) -> None:
        self.store = store
        self._rng = rng

    def _digest(self, kind: str, channel_id: bytes, ref: bytes, attempt: int) -> bytes:
        h = hashlib.sha256(b"corridor client_msg_id\x00" + kind.encode() + b"\x00"
                           + len(channel_id).to_bytes(2, "big") + channel_id + ref
                           + attempt.to_bytes(8, "big"))
        return h.digest()[:16]

    def id_for(self, kind: str, channel_id: bytes, ref: bytes, attempt: int = 0) -> str:
        """The id of this send: the one made before (a resend after a crash), or a new
        random one, recorded before it is returned (so before it can reach the relay)."""
        digest = self._digest(kind, channel_id, ref, attempt)
        known = self.store.get_send_id(digest)
        if known is not None:
            return known
        raw = self._rng(16)
        cmid = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
        with self.store.transaction():
            self.store.put_send_id(digest, raw, cmid, SendIdRecord(kind, ref, attempt))
        return cmid

    def lookup(self, client_msg_id: str) -> SendRef | None:
        """What an own id stands for; None for an id this device did not make (or has
        forgotten). Ids of earlier builds (``m.<hex>.<n>``, ``c.<hex>``) still resolve, so
        messages in flight across an upgrade are recognised."""
        raw = _unb64u(client_msg_id)
        if raw is not None:
            rec = self.store.get_send_ref(raw)
            if rec is None:
                return None
            return SendRef(rec.kind, rec.ref, rec.attempt)
        parts = client_msg_id.split(".")
        try:
            if len(parts) == 3 and parts[0] == "m" and parts[1]:
                return SendRef(APP, bytes.fromhex(parts[1]), int(parts[2]))
            if len(parts) == 2 and parts[0] == "c" and parts[1]:
                return SendRef(COMMIT, bytes.fromhex(parts[1]))
        except ValueError:
            return None
        return None

    def forget(self, channel_id: bytes, client_msg_id: str) -> None:
        """Drop both entries once the relay handed the message back."""
        raw = _unb64u(client_msg_id)
        if raw is None:
            return
        ref = self.lookup(client_msg_id)
        with self.store.transaction():
            self.store.delete_send_id(
                self._digest(ref.kind, channel_id, ref.ref, ref.attempt)
                if ref is not None else None, raw)


def bucket(size: int) -> int:
    """The padded size of an MLSMessage of ``size`` bytes: the next power of two of at
    least MIN_BUCKET; above MAX_BUCKET, ``size`` itself (the relay refuses it anyway)."""
    b = MIN_BUCKET
    while b < size:
        b <<= 1
    return b if b <= MAX_BUCKET else size


def padding_for(size_with: Callable[[int], int]) -> int:
    """The zero padding that makes a message exactly a bucket's size.

    ``size_with(p)`` is the message's exact size with ``p`` bytes of padding (a length
    prefix can grow by a byte or two as ``p`` grows, so a bucket is sometimes out of
    reach by a byte; then the next one is taken).
    """
    base = size_with(0)
    target = bucket(base)
    while True:
        p = target - base
        for _ in range(4):
            got = size_with(p)
            if got == target:
                return p
            p -= got - target
            if p < 0:
                break
        if target >= MAX_BUCKET:
            return 0
        target <<= 1
