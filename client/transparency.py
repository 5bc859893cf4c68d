# SPDX-License-Identifier: Apache-2.0
"""Key transparency on the client: check the relay's log, keep the trusted head, alarm.

The relay keeps every certificate and CRL in an RFC 9162 Merkle log
(:mod:`crypto.certs.transparency`) and signs its heads with a key the venue root pins in
the venue policy (``venue-policy.bin`` in the home, from enrolment, or fetched once
from the relay and checked against the pinned root). With a policy pinned, this
device:

* checks the signature of every tree head it is served and keeps the newest as its
  *trusted head*; a newer head is adopted only with a valid consistency proof from
  the trusted one, and a head of the same size with another root, or one the relay
  cannot prove consistent, is a **split view**: a :class:`DirectoryAlarm` carrying
  both signed heads (each verifies under the log key, so anyone can check them);
* refuses every directory record (device chain, CRL) that comes without a valid
  inclusion proof against the head of its response, and every claimed KeyPackage
  whose certificate is not in the audited log (:meth:`LogVerifier.check_claimed`);
* audits the log entry by entry up to the trusted head (a compact range: a few
  hashes of state), so it sees every certificate and CRL ever logged. A CRL in the
  log that the relay's CRL listing lacks is a **withheld revocation**: alarmed, and
  applied all the same;
* gossips: the trusted head rides in the authenticated data of the application
  messages it sends (:mod:`client.payloads`, 112 bytes): the first one in each channel
  after the head changed, and at least hourly (:meth:`LogVerifier.gossip_for`). A head
  a member sends is compared with its own (same size: roots must match; otherwise the
  relay must prove consistency between the two), so two members shown different logs
  find out with the next message of the one whose view moved.

:class:`LogVerifier` is sans-I/O: the client core fetches, this module decides.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import msgspec
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from client.errors import PeerError
from client.events import DirectoryAlarm
from crypto import certs
from crypto.certs.transparency import (
    CompactRange,
    EntryKind,
    LogEntry,
    SignedTreeHead,
    VenuePolicy,
    chain_entries,
    crl_entry,
    verify_consistency,
    verify_inclusion,
)
from crypto.corridor import markings
from crypto.errors import CryptoError

__all__ = [
    "POLICY_FILE",
    "DirectoryAlarm",
    "DirectoryStatus",
    "LogVerifier",
    "MonitorFinding",
    "PolicyRollbackError",
    "TransparencyError",
    "monitor_mission",
]

POLICY_FILE = "venue-policy.bin"
AUDIT_PAGE = 1000
GOSSIP_REFRESH = 3600  # seconds: re-send an unchanged head in a channel at most hourly
MAX_ALARMS = 200


class TransparencyError(PeerError):
    """The relay served a head, proof or entry that does not verify (nothing adopted)."""


class PolicyRollbackError(TransparencyError):
    """A venue policy older than (or as old as, and other than) the one pinned: a
    rollback, refused; the pinned policy and its marking scheme stay."""


@dataclass(frozen=True, slots=True)
class DirectoryStatus:
    """Whether one conversation's members are all in a log this device trusts."""

    verified: bool
    summary: str
    problems: tuple[str, ...] = ()
    alarms: tuple[DirectoryAlarm, ...] = ()
    head_size: int = 0


class _Alarm(msgspec.Struct, frozen=True):
    kind: str
    detail: str
    channel_id: bytes
    evidence: list[bytes]


class _State(msgspec.Struct):
    policy: bytes = b""
    head: bytes = b""
    audit_size: int = 0
    audit_hashes: list[bytes] = []
    logged_devices: list[bytes] = []   # leaf hashes of every device certificate audited
    logged_crls: list[bytes] = []      # DER of every CRL audited
    alarms: list[_Alarm] = []


def _public_key(root_der: bytes) -> bytes:
    key = x509.load_der_x509_certificate(root_der).public_key()
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class LogVerifier:
    """The device's view of the transparency log (persisted by the caller as bytes)."""

    def __init__(self, root_der: bytes, state: bytes | None = None,
                 home_policy: bytes | None = None) -> None:
        self.root_der = root_der
        self.state = msgspec.msgpack.decode(state, type=_State) if state else _State()
        self._devices = set(self.state.logged_devices)
        self.dirty = False
        self._fresh: list[DirectoryAlarm] = []
        self._gossiped: dict[bytes, tuple[bytes, int]] = {}
        if home_policy and not self.state.policy:
            self.adopt_policy(home_policy)

    # ------------------------------------------------------------------ state

    def to_bytes(self) -> bytes:
        self.state.logged_devices = sorted(self._devices)
        return msgspec.msgpack.encode(self.state)

    @property
    def enabled(self) -> bool:
        return bool(self.state.policy)

    @property
    def marking_scheme(self) -> markings.MarkingScheme:
        """The venue's marking scheme from the pinned policy (the default without one)."""
        if self.state.policy:
            body = VenuePolicy.decode(self.state.policy).markings
            if body:
                return markings.decode_scheme(body)
        return markings.DEFAULT_SCHEME

    @property
    def log_key(self) -> bytes:
        return VenuePolicy.decode(self.state.policy).log_public_key

    @property
    def head(self) -> SignedTreeHead | None:
        return SignedTreeHead.decode(self.state.head) if self.state.head else None

    @property
    def gossip(self) -> bytes:
        """The trusted head as gossiped (empty before one)."""
        return self.state.head

    def gossip_for(self, channel_id: bytes, now: int) -> bytes:
        """The head to put in a message of ``channel_id``: the trusted head when this
        device has not yet sent it there, or sent it over ``GOSSIP_REFRESH`` seconds ago;
        else nothing. A head changes only when the log grows, so the 112 bytes (which
        can move a short message into the next padding bucket) ride on few messages,
        and every change still reaches every conversation with the next message."""
        head = self.state.head
        if not head:
            return b""
        last = self._gossiped.get(channel_id)
        if last is not None and last[0] == head and now - last[1] < GOSSIP_REFRESH:
            return b""
        self._gossiped[channel_id] = (head, now)
        return head

    @property
    def since(self) -> int | None:
        h = self.head
        return h.size if h is not None else None

    def alarms(self, channel_id: bytes | None = None) -> list[DirectoryAlarm]:
        return [DirectoryAlarm(a.kind, a.detail, a.channel_id or None, tuple(a.evidence))
                for a in self.state.alarms
                if channel_id is None or not a.channel_id or a.channel_id == channel_id]

    def _alarm(self, kind: str, detail: str, evidence: Sequence[bytes],
               channel_id: bytes | None = None) -> DirectoryAlarm:
        rec = _Alarm(kind, detail, channel_id or b"", list(evidence))
        alarm = DirectoryAlarm(kind, detail, channel_id, tuple(evidence))
        if rec not in self.state.alarms:
            self.state.alarms = [*self.state.alarms, rec][-MAX_ALARMS:]
            self._fresh.append(alarm)
        self.dirty = True
        return alarm

    def take_fresh(self) -> list[DirectoryAlarm]:
        """Alarms raised since the last call (each reported once)."""
        out, self._fresh = self._fresh, []
        return out

    # ------------------------------------------------------------------ policy

    def adopt_policy(self, policy: bytes) -> None:
        """Pin the venue policy if the pinned root signed it for itself.

        Raises:
            TransparencyError: not signed by the pinned root, or another log key than
                the one pinned (a newer policy must be issued later to replace it).
        """
        try:
            p = VenuePolicy.decode(policy)
            p.verify(_public_key(self.root_der), certs.fingerprint(self.root_der))
        except (CryptoError, ValueError, TypeError):
            raise TransparencyError("the venue policy is not signed by the pinned root") \
                from None
        if p.markings:
            try:
                markings.decode_scheme(p.markings)
            except markings.MarkingError as exc:
                raise TransparencyError(f"the venue policy's marking scheme: {exc}") from None
        if self.state.policy and self.state.policy != policy:
            old = VenuePolicy.decode(self.state.policy)
            if p.issued_at <= old.issued_at:
                raise PolicyRollbackError(
                    "an older or conflicting venue policy was served (issued "
                    f"{p.issued_at}, the pinned one {old.issued_at}): kept the pinned one")
        if self.state.policy != policy:
            self.state.policy = policy
            self.dirty = True

    # ------------------------------------------------------------------ heads

    def _decode_head(self, data: bytes) -> SignedTreeHead:
        try:
            head = SignedTreeHead.decode(data)
            head.verify(self.log_key)
        except CryptoError:
            raise TransparencyError("a tree head not signed by the venue's log key") from None
        return head

    def accept_head(self, data: bytes, consistency: Sequence[bytes]) -> tuple[
            SignedTreeHead, DirectoryAlarm | None]:
        """Check a head the relay served (with the consistency proof from the trusted
        size); adopt it if it extends the trusted head. A split view returns an alarm
        and keeps the trusted head.

        Raises:
            TransparencyError: the head is not signed by the log key.
        """
        new = self._decode_head(data)
        old = self.head
        if old is None:
            self._trust(new)
            return new, None
        if new.size < old.size:
            # an older head: fine only if it is a prefix (checked by the caller with a
            # proof from new to old); never adopted.
            return new, None
        try:
            verify_consistency(old.size, new.size, old.root, new.root, consistency)
        except CryptoError:
            return new, self._alarm(
                "split-view", f"the relay served a tree head of size {new.size} that is "
                f"not an extension of the trusted head of size {old.size}",
                [old.encode(), new.encode()])
        self._trust(new)
        return new, None

    def check_older(self, older: SignedTreeHead, proof: Sequence[bytes],
                    channel_id: bytes | None = None) -> DirectoryAlarm | None:
        """An older head (from gossip or a lagging response) must be a prefix of ours."""
        cur = self.head
        assert cur is not None
        try:
            verify_consistency(older.size, cur.size, older.root, cur.root, proof)
        except CryptoError:
            return self._alarm(
                "split-view", f"a tree head of size {older.size} is not a prefix of the "
                f"trusted head of size {cur.size}", [older.encode(), cur.encode()],
                channel_id)
        return None

    def _trust(self, head: SignedTreeHead) -> None:
        cur = self.head
        if cur is None or head.size > cur.size:
            self.state.head = head.encode()
            self.dirty = True

    # ------------------------------------------------------------------ records

    def _proven(self, entry: LogEntry, proof: tuple[int, Sequence[bytes]] | None,
                head: SignedTreeHead) -> bool:
        if proof is None:
            return False
        try:
            verify_inclusion(entry.leaf_hash, proof[0], head.size, proof[1], head.root)
        except CryptoError:
            return False
        return True

    def check_devices(
        self, rows: Sequence[tuple[str, str, list[bytes],
                                   Sequence[tuple[int, Sequence[bytes]]] | None]],
        head: SignedTreeHead,
    ) -> tuple[list[tuple[str, str, list[bytes]]], list[DirectoryAlarm]]:
        """Keep the rows whose every certificate is proven in ``head``; alarm on the rest."""
        good: list[tuple[str, str, list[bytes]]] = []
        alarms: list[DirectoryAlarm] = []
        for device_id, mission, chain, proofs in rows:
            entries = chain_entries(chain)
            ok = proofs is not None and len(proofs) == len(entries) and all(
                self._proven(e, p, head) for e, p in zip(entries, proofs, strict=True))
            if ok:
                good.append((device_id, mission, chain))
            else:
                alarms.append(self._alarm(
                    "unproven", f"device {device_id[:16]} of {mission} was served without "
                    "a valid inclusion proof; refused", [head.encode(), bytes(chain[0])]))
        return good, alarms

    def check_crls(self, crls: Sequence[bytes],
                   proofs: Sequence[tuple[int, Sequence[bytes]]] | None,
                   head: SignedTreeHead) -> tuple[list[bytes], list[DirectoryAlarm]]:
        good: list[bytes] = []
        alarms: list[DirectoryAlarm] = []
        for i, der in enumerate(crls):
            p = proofs[i] if proofs is not None and i < len(proofs) else None
            if self._proven(crl_entry(der), p, head):
                good.append(der)
            else:
                alarms.append(self._alarm("unproven", "a CRL was served without a valid "
                                          "inclusion proof; refused", [head.encode(), der]))
        return good, alarms

    def logged(self, chain: Sequence[bytes]) -> bool:
        """Whether the chain's device certificate is among the audited entries (they
        hash to the trusted head, so membership is proof of inclusion)."""
        return bool(chain) and LogEntry(kind=EntryKind.DEVICE, der=bytes(chain[0])
                                        ).leaf_hash in self._devices

    def check_claimed(self, device_id: str, chain: Sequence[bytes],
                      channel_id: bytes | None = None) -> DirectoryAlarm | None:
        """A claimed KeyPackage's (or a newly added member's) device certificate must be
        one the audited log holds: a certificate the relay never logged (a stolen
        mission key, a swapped credential) would otherwise join a channel unseen by
        every monitor. Returns the alarm when it is not there."""
        if self.logged(chain):
            return None
        head = self.head
        what = "a member added to this channel" if channel_id else "a KeyPackage"
        return self._alarm(
            "unproven", f"{what}, device {device_id[:16]}, carries a certificate "
            "that is not in the log" + ("" if channel_id else "; refused"),
            [head.encode() if head else b"", bytes(chain[0]) if chain else b""], channel_id)

    # ------------------------------------------------------------------ audit

    @property
    def audit_size(self) -> int:
        return self.state.audit_size

    def audit(self, start: int, entries: Sequence[bytes]) -> None:
        """Fold log entries ``[start, start+len)`` into the audited prefix; when it
        reaches the trusted head, the recomputed root must be the head's.

        Raises:
            TransparencyError: out of order, undecodable, or a root that differs.
        """
        head = self.head
        if head is None or start != self.state.audit_size:
            raise TransparencyError("log entries out of order")
        rng = CompactRange(self.state.audit_size, self.state.audit_hashes)
        devices, crls = set(), []
        for raw in entries[: head.size - start]:
            try:
                e = LogEntry.decode(raw)
            except CryptoError:
                raise TransparencyError("an undecodable log entry") from None
            rng.append(e.leaf_hash)
            if e.kind is EntryKind.DEVICE:
                devices.add(e.leaf_hash)
            elif e.kind is EntryKind.CRL:
                crls.append(e.der)
        if rng.size == head.size and rng.root() != head.root:
            self._alarm("split-view", "the log's entries do not hash to its signed head",
                        [head.encode()])
            raise TransparencyError("the log's entries do not hash to the signed head")
        self._devices |= devices
        self.state.audit_size, self.state.audit_hashes = rng.size, rng.hashes
        self.state.logged_crls = [*self.state.logged_crls, *crls]
        self.dirty = True

    def withheld(self, served: Sequence[bytes]) -> tuple[list[bytes], list[DirectoryAlarm]]:
        """Logged CRLs the relay's listing lacks (neither it nor a newer one of the same
        issuer): alarmed, and returned so the caller applies them all the same."""
        newest: dict[bytes, int] = {}
        for der in served:
            try:
                crl = x509.load_der_x509_crl(der)
                key = crl.issuer.public_bytes()
                newest[key] = max(newest.get(key, -1), certs.crl_number(der))
            except (ValueError, CryptoError):
                continue
        missing, alarms = [], []
        head = self.head
        for der in self.state.logged_crls:
            try:
                crl = x509.load_der_x509_crl(der)
                number = certs.crl_number(der)
            except (ValueError, CryptoError):
                continue
            if newest.get(crl.issuer.public_bytes(), -1) < number:
                missing.append(der)
                alarms.append(self._alarm(
                    "withheld-revocation", f"the relay did not list CRL #{number} of "
                    f"{crl.issuer.rfc4514_string()}, which its own log holds; applied",
                    [head.encode() if head else b"", der]))
        return missing, alarms

    # ------------------------------------------------------------------ gossip

    def gossip_received(self, channel_id: bytes, sender: str,
                        data: bytes) -> tuple[SignedTreeHead | None, DirectoryAlarm | None]:
        """A member's trusted head from a message. Returns the head when the relay must
        prove consistency with ours (sizes differ), or an alarm for an outright split."""
        if not self.enabled or not data:
            return None, None
        try:
            theirs = self._decode_head(data)
        except TransparencyError:
            return None, None  # not the log's signature: a member's bug, not the relay's
        ours = self.head
        if ours is None:
            return theirs, None
        if theirs.size == ours.size:
            if theirs.same_tree(ours):
                return None, None
            return None, self._alarm(
                "split-view", f"{sender} trusts a tree head of size {theirs.size} with "
                "another root than ours: the relay shows us different logs",
                [ours.encode(), theirs.encode()], channel_id)
        return theirs, None

    def gossip_resolve(self, channel_id: bytes, sender: str, theirs: SignedTreeHead,
                       proof: Sequence[bytes]) -> bool:
        """Check the relay's consistency proof between a member's head and ours (in
        whichever order their sizes go); a newer head that checks out becomes ours.
        Returns False (and alarms, with both heads) when it does not check out."""
        ours = self.head
        if ours is None:
            return True
        first, second = (ours, theirs) if theirs.size > ours.size else (theirs, ours)
        try:
            verify_consistency(first.size, second.size, first.root, second.root, proof)
        except CryptoError:
            self._alarm(
                "split-view", f"the relay cannot prove that {sender}'s tree head (size "
                f"{theirs.size}) and ours (size {ours.size}) are one log: it shows "
                "members different directories", [ours.encode(), theirs.encode()],
                channel_id)
            return False
        self._trust(theirs)
        return True

    # ------------------------------------------------------------------ status

    def status(self, channel_id: bytes, member_chains: Sequence[Sequence[bytes]]) -> \
            DirectoryStatus:
        """"Directory verified" for one conversation, or why not."""
        if not self.enabled:
            return DirectoryStatus(False, "not verified: this venue has no transparency log")
        # A refused (unproven) certificate elsewhere in the venue does not touch this
        # conversation; one added to *this* conversation does, and is its evidence.
        alarms = tuple(a for a in self.alarms(channel_id)
                       if a.kind != "unproven" or a.channel_id == channel_id)
        head = self.head
        problems = [a.detail for a in alarms]
        if head is None:
            problems.append("no tree head yet (sync first)")
        elif self.state.audit_size < head.size:
            problems.append(f"log audited to {self.state.audit_size} of {head.size} entries")
        for chain in member_chains:
            h = LogEntry(kind=EntryKind.DEVICE, der=bytes(chain[0]))
            if h.leaf_hash not in self._devices:
                fp = hashlib.sha256(bytes(chain[0])).hexdigest()[:16]
                problems.append(f"a member's certificate ({fp}) is not in the log")
        if problems:
            return DirectoryStatus(False, "not verified: " + problems[0], tuple(problems),
                                   alarms, head.size if head else 0)
        assert head is not None
        return DirectoryStatus(True, f"directory verified (log of {head.size} entries)",
                               (), (), head.size)


# --------------------------------------------------------------------------- monitor


@dataclass(frozen=True, slots=True)
class MonitorFinding:
    """One log entry about the monitored mission: expected or an alarm."""

    index: int
    kind: str  # "mission" | "device" | "crl"
    serial: int
    subject: str
    alarm: str  # "" when the mission issued it


def monitor_mission(entries: Sequence[bytes], mission_der: bytes,
                    issued_serials: set[int]) -> list[MonitorFinding]:
    """Every log entry signed by (or naming) this mission, with alarms on a device
    certificate the mission did not issue (a stolen or misused mission key) and on a
    mission certificate for this mission id that is not the mission's own."""
    mission = x509.load_der_x509_certificate(mission_der)
    out: list[MonitorFinding] = []
    for i, raw in enumerate(entries):
        try:
            e = LogEntry.decode(raw)
        except CryptoError:
            out.append(MonitorFinding(i, "?", 0, "", "an undecodable log entry"))
            continue
        if e.kind is EntryKind.CRL:
            try:
                crl = x509.load_der_x509_crl(e.der)
            except ValueError:
                continue
            if crl.issuer == mission.subject:
                out.append(MonitorFinding(i, "crl", certs.crl_number(e.der),
                                          crl.issuer.rfc4514_string(), ""))
            continue
        try:
            cert = x509.load_der_x509_certificate(e.der)
        except ValueError:
            continue
        if e.kind is EntryKind.MISSION:
            if cert.subject == mission.subject and e.der != mission_der:
                out.append(MonitorFinding(i, "mission", cert.serial_number,
                                          cert.subject.rfc4514_string(),
                                          "another certificate for this mission"))
            continue
        if cert.issuer != mission.subject:
            continue
        alarm = "" if cert.serial_number in issued_serials else \
            "not issued by this mission (a stolen or misused mission key?)"
        out.append(MonitorFinding(i, "device", cert.serial_number,
                                  cert.subject.rfc4514_string(), alarm))
    return out
