# SPDX-License-Identifier: Apache-2.0
"""Signature checks of received application messages, set aside to run elsewhere.

A catch-up opens thousands of PrivateMessages; the Ed25519 check is two fifths of
what each costs and the only step that needs no state. :class:`DeferredSignatures`
lets a receiver open messages in order (sender data, ratchet key, AEAD, content) and
collect their FramedContentTBS signatures, so a caller can check them on another
core while it goes on. The order of RFC 9420 section 6.3.2 is kept where it matters:
a message's key is deleted before its signature is checked, but the group that
deleted it refuses to serialize its state until every set-aside check has run and
passed (:meth:`crypto.group.Group.to_bytes`), so no used key becomes durable unless
its message was authentic. When a check fails the caller discards that group and
processes the same messages again with checks in line, where a forged message is
refused with its key kept. This module holds no threads and does no I/O: the caller
chooses where a batch is checked, here (:meth:`SignatureBatch.run`) or in another
process (:meth:`SignatureBatch.encode`, :func:`check_encoded`,
:meth:`SignatureBatch.report`).
"""

from __future__ import annotations

import struct

from crypto.codec import Reader, Writer
from crypto.errors import CryptoError, UsageError
from crypto.framing.auth import _SIGN_LABEL
from crypto.suites import CipherSuite, get_suite

__all__ = ["DeferredSignatures", "SignatureBatch", "check_encoded"]

_COUNT = struct.Struct(">HI")  # cipher suite, number of checks


class SignatureBatch:
    """Signatures taken out of a :class:`DeferredSignatures`, checked by :meth:`run`
    (callable from any thread: it reads only its own items)."""

    __slots__ = ("_items", "_suite", "checked")

    def __init__(self, suite: CipherSuite, items: list[tuple[bytes, bytes, bytes]]) -> None:
        self._suite = suite
        self._items = items
        #: every signature verified (set by :meth:`run`, never reset)
        self.checked = False

    def __len__(self) -> int:
        return len(self._items)

    def run(self) -> None:
        """Verify every signature; :class:`~crypto.errors.VerificationError` at the
        first that does not verify (the batch then stays unchecked for good)."""
        verify = self._suite.verify_with_label
        for public_key, content, signature in self._items:
            verify(public_key, _SIGN_LABEL, content, signature)
        self.checked = True

    def encode(self) -> bytes:
        """The batch for :func:`check_encoded` in another process: public data only
        (keys, signed content, signatures), nothing secret."""
        w = Writer()
        w.write(_COUNT.pack(self._suite.id, len(self._items)))
        for public_key, content, signature in self._items:
            w.opaque_v(public_key)
            w.opaque_v(content)
            w.opaque_v(signature)
        return w.getvalue()

    def report(self, verdict: bool) -> None:
        """Record what :func:`check_encoded` answered for :meth:`encode`'s bytes."""
        if verdict:
            self.checked = True


def check_encoded(data: bytes) -> bool:
    """Whether every signature of an encoded :class:`SignatureBatch` verifies; False
    for any malformed input too."""
    try:
        suite_id, count = _COUNT.unpack_from(data)
        suite = get_suite(suite_id)
        r = Reader(data, _COUNT.size)
        items = [(r.opaque_v(), r.opaque_v(), r.opaque_v()) for _ in range(count)]
        r.finish()
        batch = SignatureBatch(suite, items)
        batch.run()
    except (CryptoError, struct.error):
        return False
    return batch.checked


class DeferredSignatures:
    """The set-aside signature checks of messages one group opened; see the module."""

    __slots__ = ("_batches", "_open", "_suite")

    def __init__(self) -> None:
        self._suite: CipherSuite | None = None
        self._open: list[tuple[bytes, bytes, bytes]] = []
        self._batches: list[SignatureBatch] = []

    def __repr__(self) -> str:
        return f"DeferredSignatures(open={len(self._open)}, batches={len(self._batches)})"

    def add(self, suite: CipherSuite, public_key: bytes, content: bytes,
            signature: bytes) -> None:
        """Set aside the check of ``signature`` over FramedContentTBS ``content``."""
        if self._suite is None:
            self._suite = suite
        elif suite is not self._suite and suite.id != self._suite.id:
            raise UsageError("one set of deferred checks per cipher suite")
        self._open.append((public_key, content, signature))

    @property
    def open_count(self) -> int:
        """Checks added and not yet taken."""
        return len(self._open)

    def take(self) -> SignatureBatch | None:
        """The checks added since the last take, as a batch to run; ``None`` if none."""
        if not self._open or self._suite is None:
            return None
        batch = SignatureBatch(self._suite, self._open)
        self._open = []
        self._batches.append(batch)
        return batch

    @property
    def settled(self) -> bool:
        """Every check added was taken, run and passed."""
        return not self._open and all(b.checked for b in self._batches)
