# SPDX-License-Identifier: Apache-2.0
"""The relay's key-transparency log: every certificate and CRL it serves, in a Merkle log.

The log itself is the ``transparency_log`` table (index, leaf hash, entry); a device's
chain and a CRL are appended in the same transaction that stores them in the directory
(:meth:`Storage.put_directory_entry`'s ``log``), so the directory never holds a record
the log lacks. Each relay process keeps the tree of leaf hashes in memory
(:class:`crypto.certs.transparency.MerkleTree`, about 64 bytes per leaf), reads new leaves
from the store before it answers, and signs a tree head whenever the size it serves
changes.

Files in the data directory::

    log.key             the log's Ed25519 seed (raw, mode 0600). The relay signs heads
                        unattended, so it cannot be passphrase-sealed; whoever holds it
                        can sign a forked head, which is what clients detect.
    venue-policy.bin    the venue root's signed policy naming the log's public key
                        (crypto.certs.transparency.VenuePolicy), served at /v1/log/policy

A relay without them still logs (appending costs little), but serves no heads or
proofs; ``corridor-relay venue enable-transparency`` adds them to an existing venue.

A new policy (``corridor-relay venue set-markings``) takes effect without a restart:
each process looks at the policy file's modification time, size and inode whenever a
device asks for the policy (one ``stat``; every device asks at each sync), and re-reads
it on SIGHUP. A replacement is adopted only if the venue root signed it for this root,
names this relay's log key, carries a readable marking scheme and was issued later than
the one served; otherwise the running policy stays and the refusal is logged (event
``venue_policy_refused``, with the reason and issue times, no key material).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from struct import error as struct_error

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from crypto import certs
from crypto.certs.transparency import (
    LogEntry,
    MerkleTree,
    SignedTreeHead,
    VenuePolicy,
    chain_entries,
    crl_entry,
    sign_tree_head,
)
from crypto.corridor import markings
from crypto.errors import CryptoError

from .storage.base import Storage

__all__ = ["LOG_KEY", "POLICY", "TransparencyLog", "log_pairs"]

LOG_KEY, POLICY = "log.key", "venue-policy.bin"
#: the newest policy this relay has served (its copy, beside the file the venue tool
#: writes): an older file found at start is not served in its place
SERVED = "venue-policy.served"
log = logging.getLogger("corridor.relay.transparency")


def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


def _raw_public_key(root_der: bytes) -> bytes:
    key = x509.load_der_x509_certificate(root_der).public_key()
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def log_pairs(entries: Sequence[LogEntry]) -> list[tuple[bytes, bytes]]:
    """``(leaf hash, encoded entry)`` pairs for :meth:`Storage.put_directory_entry`."""
    return [(e.leaf_hash, e.encode()) for e in entries]


def chain_pairs(chain: Sequence[bytes]) -> list[tuple[bytes, bytes]]:
    return log_pairs(chain_entries(chain))


def crl_pairs(der: bytes) -> list[tuple[bytes, bytes]]:
    return log_pairs([crl_entry(der)])


class TransparencyLog:
    """The in-memory tree over the stored log, the signing key and the policy."""

    def __init__(self, storage: Storage, seed: bytes, policy: bytes,
                 clock_ms: Callable[[], int] = lambda: int(time.time() * 1000), *,
                 policy_path: Path | None = None, root_der: bytes | None = None) -> None:
        self.storage = storage
        self.seed = seed
        self.policy = policy
        self.clock_ms = clock_ms
        self.tree = MerkleTree()
        self.index: dict[bytes, int] = {}
        self._head: SignedTreeHead | None = None
        self._lock = asyncio.Lock()
        #: the file a new policy is read from (None: the policy is fixed) and the venue
        #: root that must have signed it
        self.policy_path = policy_path
        self.root_der = root_der
        self._policy_stat = _stat(policy_path) if policy_path is not None else None
        if policy_path is not None and root_der is not None:
            self._start_from_served(policy_path.parent / SERVED)

    @classmethod
    def load(cls, data_dir: Path, storage: Storage,
             root_der: bytes | None = None) -> TransparencyLog | None:
        """The log of the venue in ``data_dir``, or None when it has no log key yet.
        With ``root_der`` the policy file is watched (:meth:`current_policy`).

        Raises:
            ValueError: a log key or policy that is there but unreadable.
        """
        key_path, policy_path = data_dir / LOG_KEY, data_dir / POLICY
        if not key_path.exists() or not policy_path.exists():
            return None
        seed, policy = key_path.read_bytes(), policy_path.read_bytes()
        try:
            VenuePolicy.decode(policy)
        except CryptoError:
            raise ValueError(f"{policy_path} is not a venue policy") from None
        if len(seed) != 32:
            raise ValueError(f"{key_path} is not a 32-byte Ed25519 seed")
        return cls(storage, seed, policy, policy_path=policy_path if root_der else None,
                   root_der=root_der)

    def current_policy(self) -> bytes:
        """The policy to serve: the file re-read first when its modification time, size
        or inode changed since it was last looked at (a ``stat`` per call)."""
        if self.policy_path is not None:
            st = _stat(self.policy_path)
            if st is not None and st != self._policy_stat:
                self._policy_stat = st
                self.reload_policy("file changed")
        return self.policy

    def reload_policy(self, trigger: str) -> bool:
        """Re-read the policy file (on SIGHUP, or when it changed); adopt it if the venue
        root signed it for itself, it names this relay's log key, its marking scheme is
        readable and it was issued after the running one. Returns whether it was adopted;
        a refusal keeps the running policy and logs ``venue_policy_refused``."""
        if self.policy_path is None or self.root_der is None:
            return False
        try:
            data = self.policy_path.read_bytes()
        except OSError as exc:
            return self._refuse(trigger, "unreadable", None, detail=type(exc).__name__)
        if data == self.policy:
            return False
        running = VenuePolicy.decode(self.policy)
        new, reason = self._check(data)
        if reason:
            return self._refuse(trigger, reason, new)
        assert new is not None
        if new.issued_at <= running.issued_at:
            return self._refuse(trigger, "not_newer", new)
        self.policy = data
        self._keep_served(data)
        log.info("venue policy adopted", extra={"fields": {
            "event": "venue_policy_adopted", "trigger": trigger,
            "issued_at": new.issued_at, "replaced_issued_at": running.issued_at,
            "marking_scheme": bool(new.markings)}})
        return True

    def _check(self, data: bytes) -> tuple[VenuePolicy | None, str]:
        """The policy in ``data`` and why it may not be served ("" if it may): signed
        by the venue root for itself, naming this relay's log key, its marking scheme
        readable."""
        assert self.root_der is not None
        try:
            new = VenuePolicy.decode(data)
        except (CryptoError, ValueError, struct_error):
            return None, "malformed"
        try:
            new.verify(_raw_public_key(self.root_der), certs.fingerprint(self.root_der))
        except (CryptoError, ValueError, TypeError):
            return new, "not_signed_by_root"
        if not hmac.compare_digest(new.log_public_key, certs.public_key_of(self.seed)):
            return new, "another_log_key"
        if new.markings:
            try:
                markings.decode_scheme(new.markings)
            except markings.MarkingError:
                return new, "malformed_marking_scheme"
        return new, ""

    def _start_from_served(self, served_path: Path) -> None:
        """At start: serve the newest of the policy file and the copy of what this
        relay served before, so a restored backup or a stray older file cannot roll
        the venue's policy back (devices would refuse it anyway, and stop updating
        theirs). A file that is newer and valid becomes the copy."""
        try:
            kept = served_path.read_bytes()
        except FileNotFoundError:
            kept = b""
        except OSError as exc:
            log.warning("the copy of the served venue policy is unreadable (%s)",
                        type(exc).__name__, extra={"fields": {
                            "event": "venue_policy_copy_unreadable",
                            "file": str(served_path)}})
            kept = b""
        current, reason = self._check(self.policy)
        older, older_reason = self._check(kept) if kept else (None, "absent")
        if older is not None and not older_reason and (
                reason or current is None or older.issued_at > current.issued_at):
            self.policy = kept  # the refusal's log names the kept one as running
            self._refuse("start", reason or "older_than_served", current)
            return
        if reason:  # served as found (nothing better is kept); devices will refuse it
            log.warning("the venue policy file does not verify (%s)", reason,
                        extra={"fields": {"event": "venue_policy_unverified",
                                          "reason": reason, "file": str(self.policy_path)}})
        elif kept != self.policy:
            self._keep_served(self.policy)

    def _keep_served(self, data: bytes) -> None:
        """Record ``data`` as the newest policy served (atomically, durably); a failure
        is logged and the policy still served."""
        if self.policy_path is None:
            return
        path = self.policy_path.parent / SERVED
        tmp = path.with_name(f"{path.name}.{os.getpid()}.new")  # processes share the dir
        try:
            with open(tmp, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            log.warning("could not keep a copy of the served venue policy (%s)",
                        type(exc).__name__, extra={"fields": {
                            "event": "venue_policy_copy_failed", "file": str(path)}})

    def _refuse(self, trigger: str, reason: str, new: VenuePolicy | None, *,
                detail: str = "") -> bool:
        fields: dict[str, object] = {
            "event": "venue_policy_refused", "trigger": trigger, "reason": reason,
            "running_issued_at": VenuePolicy.decode(self.policy).issued_at,
            "file": str(self.policy_path)}
        if new is not None:
            fields["issued_at"] = new.issued_at
        if detail:
            fields["detail"] = detail
        log.warning("venue policy refused, the running one is kept (%s)", reason,
                    extra={"fields": fields})
        return False

    async def refresh(self) -> None:
        """Read leaves appended since (by any relay process on the store)."""
        async with self._lock:
            while True:
                leaves = await self.storage.log_leaves(self.tree.size, 10_000)
                for h in leaves:
                    self.index.setdefault(h, self.tree.append(h))
                if len(leaves) < 10_000:
                    return

    async def head(self) -> SignedTreeHead:
        """A head over everything stored now (re-signed only when the size changed)."""
        await self.refresh()
        head = self._head
        if head is None or head.size != self.tree.size:
            head = sign_tree_head(self.seed, self.tree.size, self.clock_ms(), self.tree.root())
            self._head = head
        return head

    def inclusion(self, entry: LogEntry, size: int) -> tuple[int, list[bytes]] | None:
        """``(index, proof)`` of ``entry`` in the tree of ``size``; None if not in it."""
        idx = self.index.get(entry.leaf_hash)
        if idx is None or idx >= size:
            return None
        return idx, self.tree.inclusion_proof(idx, size)

    def consistency(self, first: int, second: int) -> list[bytes]:
        return self.tree.consistency_proof(first, second)

    async def backfill(self, chains: Sequence[Sequence[bytes]], crls: Sequence[bytes],
                       now: int) -> None:
        """Log what a directory from before the log holds (an upgraded venue)."""
        pairs: list[tuple[bytes, bytes]] = []
        for chain in chains:
            pairs += chain_pairs(chain)
        for der in crls:
            pairs += crl_pairs(der)
        await self.refresh()
        missing = [p for p in dict.fromkeys(pairs) if p[0] not in self.index]
        if missing:
            await self.storage.append_log(missing, now)
            log.info("logged %d directory record(s) from before the log", len(missing))
