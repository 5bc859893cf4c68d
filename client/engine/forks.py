# SPDX-License-Identifier: Apache-2.0
"""The fork check.

Every message this engine sends carries, in MLS ``authenticated_data``, a fingerprint
of the sender's epoch and the sender device's signature over it
(:mod:`client.engine.envelope`). Only a valid signature by the device the relay names
as sender, a member of our tree with a chain that verifies now, on a fingerprint that
differs from ours for that epoch (current or remembered, ``FP_KEEP`` epochs) is
:class:`~client.events.ForkDetected`; any other fingerprint mismatch is a
``VerificationError`` for that message alone, no state change. A commit for an epoch we
left that is not the one we merged is an ``EpochError``: its keys are gone, so it could
be the relay's damaged copy; a real fork shows in the other half's next, signed,
messages. (An insider member can still sign a false statement: a member can disrupt
anyway.)
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Final

from client.engine.context import EngineContext
from client.engine.envelope import FORK_LABEL, SUITE, Envelope, epoch_fingerprint, fork_statement
from client.engine.model import ChannelMeta
from client.events import Event, ForkDetected
from client.store.base import Channel
from client.store.engine_state import EpochFingerprint
from client.transport import RelayMessage
from client.trust import credential_chain
from crypto.corridor.charter import SIG_LEN
from crypto.errors import CryptoError, VerificationError
from crypto.group import Group
from crypto.suites import get_suite

__all__ = ["FP_KEEP", "MERGED_KEEP", "ForkCheck"]

FP_KEEP: Final = 256
MERGED_KEEP: Final = 64


def _digest(message: bytes) -> bytes:
    return hashlib.sha256(message).digest()[:16]


class ForkCheck:
    """Remembers this device's epochs and merged commits and judges claimed forks."""

    def __init__(self, ctx: EngineContext) -> None:
        self.ctx = ctx

    def evidence(self, g: Group, m: RelayMessage, epoch: int, env: Envelope | None) -> bool:
        """Whether ``m`` proves a fork: a member device's valid signature on "I am at
        ``epoch`` with epoch fingerprint F" where F is not ours for that epoch.

        False when there is no such claim (no envelope, an epoch we never were in, the
        same fingerprint as ours). A claim that is not signed by the device the relay
        names as sender, or by a device that is not a (validly certified) member in our
        view, raises :class:`VerificationError`: relay-made or damaged bytes are a
        refused message, never a fork flag (the relay could otherwise mark any channel
        forked by flipping one byte).
        """
        if env is None:
            return False
        ours = self.fingerprint_at(g, epoch)
        if ours is None or hmac.compare_digest(ours, env.fp):
            return False
        key = self._member_key(g, m.sender)
        if key is None or len(env.sig) != SIG_LEN:
            raise VerificationError("an epoch fingerprint that is not ours, without a member "
                                    "device's signature")
        get_suite(SUITE).verify_with_label(
            key, FORK_LABEL, fork_statement(g.group_id, epoch, env.fp, env.inner), env.sig)
        return True

    def _member_key(self, g: Group, device_id: str) -> bytes | None:
        """The signature key of ``device_id`` if it is a member of our view of ``g``
        whose certificate chain still verifies (not revoked, not expired)."""
        for mem in g.members():
            if mem.signature_key.hex() == device_id:
                try:
                    verified = self.ctx.trust.verify_chain(credential_chain(mem.credential))
                except CryptoError:
                    return None
                return mem.signature_key if verified.signature_key == mem.signature_key \
                    else None
        return None

    def fingerprint_at(self, g: Group, epoch: int) -> bytes | None:
        """Our epoch fingerprint at ``epoch``: the current one, or a remembered past one."""
        if epoch == g.epoch:
            return self.ctx.fingerprint(g)
        for fp in self.ctx.store.get_fingerprints(g.group_id):
            if fp.epoch == epoch:
                return fp.fingerprint
        return None

    def remember(self, g: Group) -> None:
        """Keep the fingerprint of the epoch ``g`` is now at (for late fork evidence)."""
        store = self.ctx.store
        kept = store.get_fingerprints(g.group_id)
        kept.append(EpochFingerprint(g.epoch, epoch_fingerprint(g)))
        store.put_fingerprints(g.group_id, kept[-FP_KEEP:])

    def forget(self, group_id: bytes) -> None:
        """Drop the fingerprints of a former membership (a new join starts afresh)."""
        self.ctx.store.put_fingerprints(group_id, [])

    def merged_before(self, group_id: bytes, message: bytes) -> bool:
        return _digest(message) in set(self.ctx.store.get_merged_commits(group_id))

    def remember_merged(self, group_id: bytes, message: bytes) -> None:
        store = self.ctx.store
        kept = store.get_merged_commits(group_id)
        kept.append(_digest(message))
        store.put_merged_commits(group_id, kept[-MERGED_KEEP:])

    def flag(self, ch: Channel, meta: ChannelMeta, epoch: int, events: list[Event],
             detail: str) -> ChannelMeta:
        """Report a proven fork; the channel is marked forked (nothing more is sent)."""
        events.append(ForkDetected(ch.channel_id, epoch, detail))
        if not meta.forked:
            meta = self.ctx.replace_meta(ch, meta, forked=detail)
        return meta
