# SPDX-License-Identifier: Apache-2.0
"""Send generations reserved in blocks, so that an application message's own commit
need not wait for the disk (issue 25) and a power cut still never reuses a key.

Why a sender's state must be durable at all: an application message is encrypted
with its sender's next ratchet generation, whose key is then deleted. A sender whose
stored state went back to an older generation (its last commits lost in a power cut)
would encrypt a *different* message under a generation receivers already consumed:
they refuse it as a replay (the message is lost) and a key and nonce are used twice
(RFC 9420 section 6.3.1). Until session 6 the commit that records the used key was
fsynced before each message left.

Now one fsynced write records, per group and epoch, "this device may have used its
application generations below ``until``" (``until`` = the next generation +
:data:`RESERVE_BLOCK`), made before the first generation at or past the previous
``until`` is used; each message's own commit then waits for no fsync. When a group
state is first read from the store in a process (a restart: the only moment a lost
commit can show), its own application ratchet jumps to ``until`` if it is below it,
the keys in between deleted unused (:meth:`crypto.group.Group.skip_own_application_to`).

Why no generation is used twice: a generation ``n`` is used only after a reservation
with ``n < until`` is on the disk, and the reservation is never lowered within its
epoch; whatever older state a power cut leaves, the jump takes it to at least
``until`` > ``n``. A reservation names its epoch by number and by a digest of the
epoch authenticator, so it never applies to another epoch; a new epoch starts a
new one (a fresh ratchet at generation 0). The reservation is written in one commit
with the group state as it stands (at ``until`` - :data:`RESERVE_BLOCK`), and later
commits only move that state on, so the stored state is never more than one block
behind its reservation (a jump made on load is saved with the next reservation, so
repeated power cuts do not widen it): the jump is at most :data:`RESERVE_BLOCK`
generations, well inside the window receivers accept (``DEFAULT_MAX_FORWARD``, 1,000
ahead; receivers keep the passed keys as skipped keys, bounded by
``DEFAULT_MAX_SKIPPED``, until they are dropped as the oldest: a restart costs each
receiver up to 64 such keys, about 3 KiB of its group state, until the next epoch; a
device restarted more than 15 times within one epoch makes receivers drop its oldest
skipped keys, as any large gap would). A stored reservation
further ahead than one block is not one this code wrote: it is read as one block
ahead. One lower than the ratchet (an older record) moves nothing: a ratchet never
goes back.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Final

from client.store.engine_state import EngineStore, SendReservation
from crypto.group import Group

__all__ = ["RESERVE_BLOCK", "SendReservations"]

#: generations reserved by one fsynced write: one message in this many waits for it
RESERVE_BLOCK: Final = 64


def epoch_tag(g: Group) -> bytes:
    """Which epoch of its number ``g`` is in (a fork or a rejoin may reuse a number)."""
    return hashlib.sha256(b"corridor send reservation\x00" + g.epoch_authenticator).digest()[:16]


class SendReservations:
    """The device's send reservations, and the jump past them on first load."""

    def __init__(self, store: EngineStore) -> None:
        self.store = store
        #: group id -> the reservation known to be on the disk
        self._durable: dict[bytes, SendReservation] = {}
        #: groups whose stored state was already checked in this process
        self._loaded: set[bytes] = set()

    def _current(self, g: Group) -> SendReservation | None:
        rec = self._durable.get(g.group_id)
        if rec is None:
            rec = self.store.get_send_reservation(g.group_id)
        if rec is None or rec.epoch != g.epoch or rec.epoch_tag != epoch_tag(g):
            return None
        self._durable[g.group_id] = rec
        return rec

    def loaded(self, g: Group) -> int:
        """``g`` was read from the store: on the first read in this process, move its own
        application ratchet past every generation its reservation covers (commits of
        the last sends may have been lost). Returns the generations passed over."""
        if g.group_id in self._loaded:
            return 0  # the store holds every commit this process made
        self._loaded.add(g.group_id)
        rec = self._current(g)
        if rec is None:
            return 0
        nxt = g.own_application_generation
        return g.skip_own_application_to(min(rec.until, nxt + RESERVE_BLOCK))

    def reserve(self, g: Group, save: Callable[[Group], None]) -> None:
        """Before ``g`` encrypts at its next generation: make sure a reservation past it
        is on the disk, written with ``g`` (``save``) in one fsynced commit, once per
        :data:`RESERVE_BLOCK` messages and at the first message of an epoch. Call it
        outside any store transaction."""
        nxt = g.own_application_generation
        rec = self._current(g)
        if rec is not None and nxt < rec.until:
            return
        rec = SendReservation(g.epoch, epoch_tag(g), min(nxt + RESERVE_BLOCK, 1 << 32))
        with self.store.transaction():
            self.store.put_send_reservation(g.group_id, rec)
            save(g)
        self.store.sync()  # committed inside a deferred_sync() block, it is flushed here
        self._durable[g.group_id] = rec
        self._loaded.add(g.group_id)
