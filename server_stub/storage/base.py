# SPDX-License-Identifier: Apache-2.0
"""The relay's storage interface: one contract, SQLite and PostgreSQL behind it.

This module defines the contract only and imports no backend (they import it);
:func:`server_stub.storage.factory.open_storage` picks one by URL.

Writes are *durable when they return*: an implementation may batch concurrent writes
into one transaction (group commit), but it resolves a write only after that
transaction committed. Every committed write that a connected device should hear about
is reported as an :data:`Event` through the ``on_events`` callback, in commit order,
on the event loop; the PostgreSQL implementation also receives other relay processes'
events through LISTEN/NOTIFY and reports them the same way.

Domain refusals (not a member, epoch taken, quota) are raised as
:mod:`server_stub.errors` exceptions and leave no trace in the database.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "BlobRecord",
    "ClaimRecord",
    "CommitCheck",
    "CommitVerdict",
    "DeviceRecord",
    "Event",
    "EventSink",
    "EventsMissed",
    "GcStats",
    "MemberRow",
    "MembershipEvent",
    "MessageEvent",
    "PostOutcome",
    "RefusalOutcome",
    "Storage",
    "StoredMessage",
    "StoredWelcome",
    "WelcomeEvent",
    "refusal_voids",
]


@dataclass(frozen=True, slots=True)
class DeviceRecord:
    device_id: str
    public_key: bytes
    created_at: int
    revoked: bool


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """One KeyPackage handed out: whose (``target``), to whom (``claimer``), when."""

    target: str
    claimer: str
    last_resort: bool
    claimed_at: int


@dataclass(frozen=True, slots=True)
class StoredMessage:
    group_id: bytes
    seq: int
    sender: str
    client_msg_id: str
    payload: bytes
    created_at: int
    #: A commit voided by its members' refusals, or a commit after it: clients skip it.
    voided: bool = False


@dataclass(frozen=True, slots=True)
class StoredWelcome:
    """A Welcome and the accepted commit it rode on (``commit`` at ``seq`` of
    ``group_id``): the joiner needs that commit to refuse a losing commit's Welcome
    (THREATS 6). Rows stored before the commit was kept have ``commit`` empty."""

    id: int
    sender: str
    payload: bytes
    created_at: int
    group_id: bytes = b""
    seq: int = 0
    commit: bytes = b""


@dataclass(frozen=True, slots=True)
class MemberRow:
    """A device's routing entry: it receives seqs in (joined_seq, left_seq]."""

    device_id: str
    joined_seq: int
    acked_seq: int
    left_seq: int | None


@dataclass(frozen=True, slots=True)
class BlobRecord:
    """A stored blob as the relay keeps it: no uploader and no group in the clear, only
    tags keyed by the relay's secret and salted by the blob id (docs/padding.md), so
    two rows cannot be linked by comparing columns."""

    blob_id: str
    owner_tag: bytes
    group_tag: bytes | None
    data: bytes
    expires_at: int


@dataclass(frozen=True, slots=True)
class PostOutcome:
    seq: int
    duplicate: bool


@dataclass(frozen=True, slots=True)
class CommitVerdict:
    """What the relay's verifier decided about a commit, against the group's stored
    public state: the state after it (stored in the same transaction as the commit),
    the devices it routes in and out, the timestamp it carries, and how many missions
    the charter names after it (the electorate of a vote on the next commit).

    ``changes``: ``state`` holds only what changed since the state the commit was
    checked against (read back after it: see :data:`CommitCheck`); otherwise it is a
    whole state, from which later changes build again."""

    state: bytes
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    at: int = 0
    missions: int = 0
    changes: bool = False


#: Verifies a commit inside the storage transaction, after the group row is locked:
#: called with the stored state's version (the seq of the commit that made it, 0 at
#: creation), a loader of its stored chain (read only when the caller has no copy: the
#: last whole state, then the changes stored after it up to this version, oldest first)
#: and a loader of the CRLs the directory holds; raises a ServerError to refuse.
#: Nothing is written before it returns.
CommitCheck = Callable[[int, Callable[[], list[bytes]], Callable[[], list[bytes]]],
                       CommitVerdict]


def refusal_voids(refusals: int, electorate: int) -> bool:
    """Whether ``refusals`` missions refusing a commit void it, out of the ``electorate``
    (the missions its charter named before it): at least two and more than half, so no
    single device and no single mission can void an honest commit. One function, so the
    storage backends and the engine tests' in-memory relay apply the same rule."""
    return refusals >= 2 and 2 * refusals > electorate


@dataclass(frozen=True, slots=True)
class RefusalOutcome:
    """Members' refusals of the commit at ``seq``: how many missions of the charter
    refused it (a mission refuses through any of its devices routed before the commit,
    other than the committer), the ``electorate`` (missions the charter named before
    it), and whether it is now voided (at least two missions and more than half of the
    electorate did, or it already was)."""

    seq: int
    refusals: int
    electorate: int
    voided: bool


@dataclass(frozen=True, slots=True)
class GcStats:
    messages: int = 0
    welcomes: int = 0
    blobs: int = 0
    other: int = 0


@dataclass(frozen=True, slots=True)
class MessageEvent:
    message: StoredMessage
    membership_changed: bool


@dataclass(frozen=True, slots=True)
class WelcomeEvent:
    welcome: StoredWelcome
    recipients: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MembershipEvent:
    """Routing of ``group_id`` changed outside a message (group creation)."""

    group_id: bytes
    extra: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class RevocationEvent:
    """Devices just revoked: every relay process drops their logins and sockets."""

    device_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventsMissed:
    """This process may have missed other processes' events (its listener lost the
    database for a while): its sockets must catch up from the store."""


Event = MessageEvent | WelcomeEvent | MembershipEvent | RevocationEvent | EventsMissed
EventSink = Callable[[Sequence[Event]], None]


class Storage(abc.ABC):
    """Everything the relay persists. All methods are coroutines safe to call concurrently."""

    url: str

    @abc.abstractmethod
    async def open(self, on_events: EventSink | None = None) -> None:
        """Connect, create the schema if missing, start background machinery."""

    @abc.abstractmethod
    async def close(self) -> None: ...

    # -- relay secrets, challenges ---------------------------------------------------
    @abc.abstractmethod
    async def relay_secret(self) -> bytes:
        """A random key shared by every relay process on this store (made once)."""

    @abc.abstractmethod
    async def consume_nonce(self, nonce_hash: bytes, expires_at: int) -> bool:
        """Record a challenge as used; False if it already was."""

    # -- devices ---------------------------------------------------------------------
    @abc.abstractmethod
    async def register_device(self, device_id: str, public_key: bytes, now: int) -> bool:
        """False if the device already exists."""

    @abc.abstractmethod
    async def get_device(self, device_id: str) -> DeviceRecord | None: ...

    @abc.abstractmethod
    async def revoke_device(self, device_id: str, now: int) -> bool:
        """Mark the device revoked; True if it was not already. Emits a
        :class:`RevocationEvent` (to every relay process on the store)."""

    # -- directory -------------------------------------------------------------------
    async def put_directory_entry(
        self, kind: str, key: str, scope: str, value: bytes, version: int, now: int,
        log: Sequence[tuple[bytes, bytes]] = (),
    ) -> bool:
        """Store a public directory record (a device's certificate chain, a CRL).

        Replaces an existing ``(kind, key)`` only with a higher ``version``; returns
        whether it stored. The relay has checked the record; clients check it again.
        When it stores, the ``(leaf hash, entry)`` pairs of ``log`` not yet in the
        transparency log are appended in the same transaction, in order.
        """
        raise NotImplementedError

    # -- transparency log (see server_stub.transparency) ------------------------------
    async def append_log(self, log: Sequence[tuple[bytes, bytes]], now: int) -> None:
        """Append the ``(leaf hash, entry)`` pairs not yet in the log, in order."""
        raise NotImplementedError

    async def log_leaves(self, start: int, limit: int = 10_000) -> list[bytes]:
        """Leaf hashes from index ``start`` on, in log order."""
        raise NotImplementedError

    async def log_entries(self, start: int, end: int) -> list[bytes]:
        """The entries with indices in ``[start, end)``, in log order."""
        raise NotImplementedError

    async def directory_entry(self, kind: str, key: str) -> tuple[str, bytes, int] | None:
        """``(scope, value, version)`` of one record, or None."""
        raise NotImplementedError

    async def directory_entries(
        self, kind: str, scope: str | None = None, limit: int = 10_000,
    ) -> list[tuple[str, str, bytes]]:
        """``(key, scope, value)`` of ``kind``, optionally only one scope (a mission)."""
        raise NotImplementedError

    # -- KeyPackages -----------------------------------------------------------------
    @abc.abstractmethod
    async def publish_key_packages(
        self, device_id: str, packages: Sequence[bytes], last_resort: bytes | None,
        now: int, max_stored: int,
    ) -> int:
        """Store packages (and replace the last-resort one); return how many are available."""

    @abc.abstractmethod
    async def claim_key_package(
        self, device_id: str, claimer: str = "", now: int = 0
    ) -> tuple[bytes, bool] | None:
        """Hand out one package exactly once; the last-resort one (never consumed) only
        when none is left. A ``claimer`` is recorded with ``now`` (see
        :meth:`key_package_claims`)."""

    async def key_package_claims(
        self, targets: Sequence[str], since: int, limit: int = 1000,
    ) -> list[ClaimRecord]:
        """Recorded claims of the ``targets``' packages at or after ``since``, newest
        first (kept for the retention period)."""
        raise NotImplementedError

    @abc.abstractmethod
    async def count_key_packages(self, device_id: str) -> tuple[int, bool]: ...

    # -- groups and messages -------------------------------------------------------------
    @abc.abstractmethod
    async def create_group(self, group_id: bytes, creator: str, now: int,
                           state: bytes = b"", missions: int = 0) -> None:
        """Create the group routed to ``creator`` with its verified public ``state``
        (and the number of missions its charter names). Raises Conflict if it exists."""

    @abc.abstractmethod
    async def group_view(self, group_id: bytes, device_id: str) -> tuple[int, list[str]]:
        """(last_seq, active member ids); NotFound unless ``device_id`` is routed in it."""

    @abc.abstractmethod
    async def post_message(
        self, *, group_id: bytes, sender: str, client_msg_id: str, payload: bytes,
        epoch: int, is_commit: bool, welcome: bytes | None, welcome_to: Sequence[str],
        now: int, check: CommitCheck | None = None,
    ) -> PostOutcome:
        """Append to the group's total order (first commit per epoch wins).

        A commit needs ``check``: run with the group row locked, before anything is
        written; its verdict's routing changes and new state are stored in the same
        transaction as the commit. Welcome recipients must be devices it added."""

    @abc.abstractmethod
    async def refuse_commit(
        self, group_id: bytes, seq: int, device_id: str, now: int
    ) -> RefusalOutcome:
        """Record ``device_id``'s refusal of the commit at ``seq`` (for what the relay
        cannot check: the membership and confirmation tags, the encrypted path).

        One vote per mission of the charter: a mission refuses through any of its
        devices (its mission read from the relay's verified directory) routed before the
        commit, the committer aside. Once at least two missions and more than half of
        the missions the charter named before the commit refused it, the commit and
        every later commit of the group are voided: their epochs are free again, the
        routing and public state they changed are undone, and they are served with
        ``voided`` set. NotFound unless the device is routed and a commit was accepted
        at ``seq``; Forbidden for the committer itself or a device the commit (or a
        later one) added; Conflict when the state before the commit is no longer kept.
        """

    @abc.abstractmethod
    async def messages_after(
        self, group_id: bytes, device_id: str, after: int, limit: int
    ) -> tuple[list[StoredMessage], int]:
        """Messages routed to ``device_id`` with seq > after, and the group's last seq."""

    @abc.abstractmethod
    async def memberships(self, device_id: str) -> list[tuple[bytes, MemberRow]]: ...

    @abc.abstractmethod
    async def group_members(self, group_id: bytes) -> list[MemberRow]:
        """All routing rows (including leavers still owed their last messages)."""

    async def group_range(self, group_id: bytes, after: int, upto: int) -> list[StoredMessage]:
        """The group's messages with after < seq <= upto, in order (for push gap filling;
        a store without it returns none, and devices catch up by cursor instead)."""
        return []

    @abc.abstractmethod
    async def pending_welcomes(self, device_id: str, limit: int) -> list[StoredWelcome]: ...

    @abc.abstractmethod
    async def ack(self, device_id: str, group_id: bytes, seq: int) -> int:
        """Advance the device's cumulative ack; return the acked seq. NotFound if not routed."""

    @abc.abstractmethod
    async def ack_welcome(self, device_id: str, welcome_id: int) -> bool: ...

    # -- blobs -------------------------------------------------------------------------
    @abc.abstractmethod
    async def put_blob(
        self, *, blob_id: str, owner: str, group_id: bytes | None, data: bytes,
        now: int, expires_at: int, quota: int,
    ) -> None:
        """Raises QuotaExceeded if the owner's uploads today would pass ``quota``."""

    @abc.abstractmethod
    async def get_blob(self, blob_id: str, now: int) -> BlobRecord | None: ...

    @abc.abstractmethod
    async def blob_owned_by(self, rec: BlobRecord, device_id: str) -> bool:
        """``device_id`` uploaded ``rec`` (its owner tag matches)."""

    @abc.abstractmethod
    async def may_read_blob(self, rec: BlobRecord, device_id: str) -> bool:
        """The uploader, or a routed member of the group it was uploaded for."""

    @abc.abstractmethod
    async def delete_blob(self, blob_id: str, owner: str) -> bool: ...

    @abc.abstractmethod
    async def is_member(self, group_id: bytes, device_id: str) -> bool:
        """Routed in the group now (not a leaver)."""

    @abc.abstractmethod
    async def public_state_for(self, group_id: bytes, device_id: str,
                               seq: int) -> list[bytes] | None:
        """The group's public state stored at ``seq`` (the commit a Welcome rode on) as
        its stored chain (see :data:`CommitCheck`), if ``device_id`` may read it: routed
        in the group now and since at most ``seq``, or the recipient of a pending
        Welcome at that seq. None otherwise or if no longer kept (the states a pending
        Welcome names are kept)."""

    # -- housekeeping ----------------------------------------------------------------------
    @abc.abstractmethod
    async def gc(self, now: int, retention: int) -> GcStats:
        """Delete what every recipient acked, and whatever is older than ``retention``."""
