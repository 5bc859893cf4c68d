# SPDX-License-Identifier: Apache-2.0
"""The relay's commit verification, between the HTTP layer and the storage transaction.

The relay has no authority of its own: it routes exactly the leaves of each group's
public ratchet tree, which it learns from the creator's verified GroupInfo and then
only from commits it verified (:mod:`crypto.corridor.routing`: MLS against the public state,
certificate chains to the venue root under the CRLs it holds, the channel's charter).
Verification runs inside the storage transaction that appends the commit, after the
group row is locked (several relay processes on one PostgreSQL), so the state it
checks against is the state the commit lands on; the new state is stored in the same
transaction.

Each process keeps the latest decoded state of recently used groups in memory, keyed by
the stored state's version (the seq of the commit that made it); a version it does not
hold (another process moved on, a restart, a voided commit) is decoded from storage.

A commit's state is stored as what it changed (the tree nodes that differ, the new
GroupContext: a few KiB where a 1,000-member group's whole state is over a MiB), and
as a whole state once every :data:`WHOLE_EVERY` commits, so a state is read back from
its last whole state and at most that many changes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

from crypto.corridor.routing import (
    ChannelState,
    RoutingChange,
    verifiers_for,
    verify_channel_commit,
    verify_creation,
)
from crypto.errors import CryptoError

from .errors import CommitRefused, StorageUnavailable
from .storage.base import CommitCheck, CommitVerdict

__all__ = ["WHOLE_EVERY", "CommitAuthority", "read_chain"]

_CACHE_GROUPS = 64
#: A whole state is stored at least once every this many commits of a group.
WHOLE_EVERY = 64


class CommitAuthority:
    """Verifies new groups and commits for one relay process (thread-safe: commits are
    checked on the storage's writer thread)."""

    def __init__(self, root_der: bytes, *, tolerance: int = 600) -> None:
        self.root_der = root_der
        self.tolerance = tolerance
        # group id -> (version, state, changes stored since its last whole state)
        self._cache: OrderedDict[bytes, tuple[int, ChannelState, int]] = OrderedDict()
        self._verified: dict[tuple[bytes, bytes], tuple[ChannelState, int]] = {}
        self._lock = threading.Lock()

    def creation(self, group_info: bytes, *, creator: str, crls: Sequence[bytes],
                 now: int) -> ChannelState:
        """The verified state of a new group (CommitRefused otherwise)."""
        try:
            return verify_creation(group_info, creator=creator,
                                   verifiers=verifiers_for(self.root_der, crls), now=now)
        except CryptoError as exc:
            raise CommitRefused(f"group refused: {exc}") from None

    def remember(self, group_id: bytes, version: int, state: ChannelState,
                 depth: int = 0) -> None:
        """Keep ``state`` (stored at ``version``, ``depth`` changes after a whole one)."""
        with self._lock:
            self._cache[group_id] = (version, state, depth)
            self._cache.move_to_end(group_id)
            while len(self._cache) > _CACHE_GROUPS:
                self._cache.popitem(last=False)

    def _state(self, group_id: bytes, version: int,
               load: Callable[[], list[bytes]]) -> tuple[ChannelState, int]:
        with self._lock:
            hit = self._cache.get(group_id)
        if hit is not None and hit[0] == version:
            return hit[1], hit[2]
        chain = load()
        return read_chain(chain), len(chain) - 1

    def check(self, group_id: bytes, message: bytes, *, now: int) -> CommitCheck:
        """The storage-side check of one commit (run in its transaction)."""

        def run(version: int, load: Callable[[], list[bytes]],
                crls: Callable[[], list[bytes]]) -> CommitVerdict:
            state, depth = self._state(group_id, version, load)
            try:
                change: RoutingChange = verify_channel_commit(
                    state, message, verifiers=verifiers_for(self.root_der, crls()), now=now,
                    tolerance=self.tolerance)
            except CryptoError as exc:
                raise CommitRefused(f"commit refused: {exc}") from None
            nxt = change.state
            changes = depth + 1 < WHOLE_EVERY
            with self._lock:  # adopted once stored (its seq is known then)
                self._verified[(group_id, message)] = (nxt, depth + 1 if changes else 0)
            return CommitVerdict(
                state=nxt.changes_since(state) if changes else nxt.to_bytes(),
                changes=changes, added=change.added, removed=change.removed, at=change.at,
                missions=len(set(nxt.charter.missions)))

        return run

    def adopt(self, group_id: bytes, message: bytes, seq: int | None) -> None:
        """The commit ``message`` was stored at ``seq`` (None: it was not): its state is
        now the group's, kept decoded for the next commit."""
        with self._lock:
            verified = self._verified.pop((group_id, message), None)
        if verified is not None and seq is not None:
            self.remember(group_id, seq, *verified)


def read_chain(chain: Sequence[bytes]) -> ChannelState:
    """A stored state from its chain (StorageUnavailable if it does not decode)."""
    try:
        return ChannelState.from_chain(chain)
    except CryptoError:
        raise StorageUnavailable("the group's stored public state is unreadable") from None
