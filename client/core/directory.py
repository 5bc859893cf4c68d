# SPDX-License-Identifier: Apache-2.0
"""The venue directory as the key-transparency log proves it: this delegate's devices,
revocation lists, the log's signed heads checked against the trusted one, audits of its
entries, and the heads members gossip inside their messages (:mod:`client.transparency`
decides; this module fetches).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from client.core.base import Driver
from client.errors import ClientError, UsageError
from client.events import ChannelJoined, ErrorEvent, MembershipChanged
from client.model import DeviceInfo
from client.transparency import DirectoryStatus, TransparencyError
from client.transport import RelayRefused
from client.trust import unverified_identity
from crypto.certs.transparency import SignedTreeHead
from crypto.errors import CryptoError, PolicyError

if TYPE_CHECKING:
    from client.core.facade import Client

__all__ = ["Directory"]

log = logging.getLogger("corridor.client")


class Directory(Driver):
    """The directory, revocations and the transparency log (see the module docstring)."""

    def __init__(self, client: Client) -> None:
        super().__init__(client)
        #: heads members gossiped that differ from ours: (channel, sender, head)
        self.gossip: list[tuple[bytes, str, SignedTreeHead]] = []

    async def devices(self) -> list[DeviceInfo]:
        """This delegate's devices in the venue directory (this one first).

        Matched on the verified (mission, delegate) of each chain, never on what the
        directory says about it; a chain that no longer verifies is listed with its
        reason, read from its unverified certificate, so a recalled device still shows."""
        me = self.engine.me.ident
        await self.syncer.ensure_login()
        rows = await self.transport.directory_devices(me.mission_id)
        retired = await self.retired(me.mission_id, rows)
        mine: dict[str, set[str]] = {}
        for ch in self.store.list_channels():
            try:
                if ch.damaged or self.engine.channel_state(ch.group_id)[1].left:
                    continue
                mine[ch.group_id.hex()] = set(self.upkeep.roster_devices(ch.group_id))
            except ClientError:
                continue
        out: list[DeviceInfo] = []
        for dev, _mission, chain in rows:
            problem = ""
            try:
                vid = self.engine.trust.verify_chain(chain)
                ident, name = (vid.mission_id, vid.delegate_id), vid.display_name
            except (CryptoError, ValueError) as exc:
                try:
                    u = unverified_identity(chain)
                except (CryptoError, ValueError):
                    continue
                ident, name, problem = (u.mission_id, u.delegate_id), "", str(exc)
            if ident != (me.mission_id, me.delegate_id):
                continue
            if dev in retired:
                problem = "removed by its delegate"
            out.append(DeviceInfo(dev, name, dev == self.device_id, problem,
                                  tuple(sorted(g for g, devs in mine.items() if dev in devs))))
        out.sort(key=lambda d: (not d.this_device, d.device_id))
        return out

    async def retired(self, mission: str, rows: Sequence[tuple[str, str, list[bytes]]]
                      ) -> set[str]:
        """The devices of ``rows`` their own delegate removed, each removal checked here:
        signed by a device whose chain verifies and names the same (mission, delegate)
        as the removed device's certificate. The relay cannot remove anyone by itself."""
        from client.engine.envelope import SUITE
        from crypto.corridor.charter import retire_proven
        from crypto.suites import get_suite

        try:
            got = await self.transport.retired_devices(mission)
        except RelayRefused as exc:
            if exc.status not in (404, 405, 501):
                raise
            return set()  # a relay that predates removals
        chains = {dev: chain for dev, _m, chain in rows}
        out: set[str] = set()
        for dev, by, sig in got:
            if dev not in chains or by not in chains:
                continue
            try:
                who = self.engine.trust.verify_chain(chains[by])
                target = unverified_identity(chains[dev])
            except (CryptoError, ValueError):
                continue
            if who.signature_key.hex() != by or (who.mission_id, who.delegate_id) != (
                    target.mission_id, target.delegate_id):
                continue
            if retire_proven(get_suite(SUITE), bytes.fromhex(by), bytes.fromhex(dev), sig):
                out.add(dev)
        return out

    async def remove_device(self, device: str) -> DeviceInfo:
        """Remove another device of this delegate (a lost laptop) from the venue and,
        through membership commits this device and the mission's others make, from every
        channel; returns the device as it was listed.

        The relay refuses the device's logins and KeyPackages at once; the commits
        follow at the next sync (run here), after which it decrypts nothing new.

        Raises:
            UsageError: unknown or ambiguous id (a prefix of 8+ hex digits is enough),
                or this device itself.
        """
        device = device.strip().lower()
        mine = await self.devices()
        hits = [d for d in mine if d.device_id.startswith(device)] if len(device) >= 8 else []
        if len(hits) != 1:
            raise UsageError(f"no single device of yours starts with {device!r} "
                             "(see corridor device list)")
        target = hits[0]
        if target.this_device:
            raise UsageError("this is the device you are using; remove it from another "
                             "of your devices")
        await self.transport.retire_device(target.device_id,
                                           self.engine.retire_signature(target.device_id))
        await self.client.sync()
        return target

    async def refresh_crls(self) -> None:
        if self.log.enabled:
            try:
                crls = await self._logged_crls()
            except TransparencyError as exc:
                self.save_log()
                self.emit([ErrorEvent(None, f"directory not trusted: {exc}")])
                return  # keep the CRLs we have
        else:
            crls = await self.transport.crls()
        self.engine.trust.set_crls(crls)
        self.store.put_crls(self.engine.trust.crls)

    def save_log(self) -> None:
        """Persist the log view and report new alarms."""
        if self.log.dirty:
            self.store.put_log_state(self.log.to_bytes())
            self.log.dirty = False
        self.emit(self.log.take_fresh())

    async def log_policy(self) -> None:
        """Pin the venue policy the relay serves: the first one (a home enrolled before
        the venue had a log), or a newer one (a new marking scheme); it must be signed
        by the pinned root, and an older one is refused (PolicyRollbackError, reported
        as an error event; the pinned policy stays). The venue's marking scheme in it
        becomes the engine's."""
        policy = await self.transport.log_policy()
        if policy is not None and policy != self.log.state.policy:
            try:
                self.log.adopt_policy(policy)
            except TransparencyError as exc:
                self.emit([ErrorEvent(None, f"venue policy refused: {exc}")])
        self.engine.marking_scheme = self.log.marking_scheme
        self.save_log()

    async def _accept_head(self, head: bytes | None,
                           consistency: Sequence[bytes]) -> SignedTreeHead:
        """The signed head of a directory response, checked against the trusted one.

        Raises:
            TransparencyError: no head, a bad signature, or a split view (alarmed).
        """
        try:
            if head is None:
                raise TransparencyError("the relay served the directory without a tree head")
            sth, alarm = self.log.accept_head(head, consistency)
            if alarm is not None:
                raise TransparencyError(alarm.detail)
            trusted = self.log.head
            if trusted is not None and sth.size < trusted.size:
                try:  # a log that shrank cannot prove it: that is the alarm
                    proof = await self.transport.log_consistency(sth.size, trusted.size)
                except RelayRefused:
                    proof = []
                if self.log.check_older(sth, proof) is not None:
                    raise TransparencyError("a tree head that is not a prefix of ours")
            return sth
        finally:
            self.save_log()

    async def directory_devices(self, mission: str) -> list[tuple[str, str, list[bytes]]]:
        """The directory rows of ``mission``; with a log, only rows proven in it; never
        a device its delegate removed (:meth:`retired`)."""
        rows = await self._directory_devices(mission)
        retired = await self.retired(mission, rows)
        return [r for r in rows if r[0] not in retired]

    async def _directory_devices(self, mission: str) -> list[tuple[str, str, list[bytes]]]:
        if not self.log.enabled:
            return await self.transport.directory_devices(mission)
        try:
            got = await self.transport.logged_devices(mission, self.log.since)
        except RelayRefused as exc:
            if exc.status != 400:
                raise
            got = await self.transport.logged_devices(mission, None)  # a shrunk log
        head = await self._accept_head(got.head, got.consistency)
        rows, _alarms = self.log.check_devices(got.rows, head)
        self.save_log()
        if self.log.audit_size < (self.log.head or head).size:
            await self._audit()  # the log grew: read the new entries now
        return rows

    async def _logged_crls(self) -> list[bytes]:
        try:
            got = await self.transport.logged_crls(self.log.since)
        except RelayRefused as exc:
            if exc.status != 400:
                raise
            got = await self.transport.logged_crls(None)  # a shrunk log: checked below
        head = await self._accept_head(got.head, got.consistency)
        good, _alarms = self.log.check_crls(got.crls, got.proofs, head)
        await self._audit()
        missing, _alarms = self.log.withheld(good)
        self.save_log()
        return good + missing

    async def check_key_package(self, device_id: str, raw: bytes) -> None:
        """With a log, a claimed KeyPackage's certificate must be in the audited log.

        Raises:
            TransparencyError: it is not (alarmed; the caller adds nothing).
        """
        if not self.log.enabled:
            return
        from client.trust import credential_chain
        from crypto.messages import KeyPackage

        try:
            chain = credential_chain(KeyPackage.from_bytes(raw).leaf_node.credential)
        except (CryptoError, PolicyError, ValueError):
            chain = []  # undecodable: the engine refuses it anyway
        if not chain:
            return
        await self._audit()  # up to the trusted head, which the directory query moved
        alarm = self.log.check_claimed(device_id, chain)
        self.save_log()
        if alarm is not None:
            raise TransparencyError(alarm.detail)

    async def check_added(self, events: Sequence[object]) -> None:
        """Alarm on members that a received Welcome or commit added whose certificate is
        not in the log (the adder's client should have refused their KeyPackage). The
        head is refreshed first, so a certificate logged since the last one is found."""
        if not self.log.enabled:
            return
        cids = {e.channel_id for e in events
                if isinstance(e, ChannelJoined) or (isinstance(e, MembershipChanged)
                                                     and e.added)}
        if not cids:
            return
        try:
            await self._logged_crls()  # the newest head, audited up to
        except TransparencyError:
            self.save_log()
            return  # alarmed already; the channels show "not verified"
        for cid in sorted(cids):
            try:
                members = self.engine.members(cid)
            except ClientError:
                continue  # left since
            for m in members:
                self.log.check_claimed(m.device_id, m.chain, cid)
        self.save_log()

    async def _audit(self) -> None:
        """Read the log up to the trusted head, entry by entry (client.transparency)."""
        from client.transparency import AUDIT_PAGE

        try:
            while (head := self.log.head) is not None and self.log.audit_size < head.size:
                start = self.log.audit_size
                entries = await self.transport.log_entries(
                    start, min(head.size, start + AUDIT_PAGE))
                if not entries:
                    raise TransparencyError("the relay serves no log entries up to its head")
                self.log.audit(start, entries)
        finally:
            self.save_log()

    def on_gossip(self, channel_id: bytes, sender: str, head: bytes) -> None:
        theirs, _alarm = self.log.gossip_received(channel_id, sender, head)
        if theirs is not None:
            self.gossip.append((channel_id, sender, theirs))

    async def resolve_gossip(self) -> None:
        """Ask the relay to prove that members' gossiped heads and ours are one log."""
        self.save_log()  # alarms from gossip compared on receipt
        pending, self.gossip = self.gossip, []
        done: set[tuple[int, bytes]] = set()
        grew = False
        for cid, sender, theirs in pending:
            ours = self.log.head
            if ours is None or (theirs.size, theirs.root) in done or theirs.same_tree(ours):
                continue
            done.add((theirs.size, theirs.root))
            lo, hi = sorted((ours.size, theirs.size))
            try:
                proof = await self.transport.log_consistency(lo, hi)
            except RelayRefused:
                proof = []
            before = ours.size
            self.log.gossip_resolve(cid, sender, theirs, proof)
            grew |= (self.log.head or ours).size > before
        self.save_log()
        if grew:  # a member has seen more of the log: read it, and any CRL withheld
            with contextlib.suppress(TransparencyError):
                await self._audit()
                missing, _alarms = self.log.withheld(self.engine.trust.crls)
                if missing:
                    self.engine.trust.set_crls([*self.engine.trust.crls, *missing])
                self.save_log()

    async def verified_log(self) -> tuple[SignedTreeHead, list[bytes]]:
        """Every entry of the log up to a freshly checked head, re-hashed to its root
        (for ``corridor mission monitor`` and venue auditors).

        Raises:
            UsageError: the venue has no transparency log.
            TransparencyError: a split view, or entries that do not hash to the head.
        """
        from crypto.certs.transparency import MerkleTree, leaf_hash

        async with self.lock:
            await self.syncer.ensure_login()
            await self.log_policy()
            if not self.log.enabled:
                raise UsageError("this venue has no transparency log")
            before = len(self.log.alarms())
            await self.refresh_crls()
            fresh = self.log.alarms()[before:]
            if any(a.kind == "split-view" for a in fresh):
                raise TransparencyError(fresh[-1].detail)
            head = self.log.head
            assert head is not None
            entries: list[bytes] = []
            while len(entries) < head.size:
                page = await self.transport.log_entries(len(entries), head.size)
                if not page:
                    raise TransparencyError("the relay serves no log entries up to its head")
                entries += page
            entries = entries[:head.size]
            if MerkleTree([leaf_hash(e) for e in entries]).root() != head.root:
                raise TransparencyError("the log's entries do not hash to its signed head")
            return head, entries

    def directory_status(self, channel: str | bytes) -> DirectoryStatus:
        """"Directory verified" for one conversation: every member's certificate is in
        the audited log, and no alarm (split view, withheld revocation) touches it."""
        cid = self.views.resolve_channel(channel)
        chains = self.engine.member_chains(cid)
        return self.log.status(cid, chains)

    async def publish_crl(self, crl_der: bytes) -> list[str]:
        """Publish a CRL (a mission's recall); returns the devices the relay revoked."""
        await self.syncer.ensure_login()
        revoked = await self.transport.publish_crl(crl_der)
        await self.refresh_crls()
        return revoked
