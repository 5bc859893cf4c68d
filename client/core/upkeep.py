# SPDX-License-Identifier: Apache-2.0
"""Upkeep: the device's own health. KeyPackages on the relay (topped up, the last-resort
one rotated, a drain noticed), the relay's routing of each channel compared with its MLS
roster, and the device certificate's end (see :mod:`client.health`, sans-I/O).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NotRequired, TypedDict

from client.core.base import Driver
from client.errors import ClientError
from client.events import (
    CertificateExpiring,
    KeyPackagesDraining,
    RoutingMismatch,
    RoutingRestored,
)
from client.health import (
    DRAIN_WINDOW,
    CertificateJson,
    CertificateStatus,
    Claim,
    HealthRecord,
    RoutingStatus,
    certificate_status,
    compare_routing,
    drain_verdict,
    routing_digest,
)
from client.transport import RelayRefused
from crypto.errors import CryptoError

if TYPE_CHECKING:
    from client.core.facade import Client

__all__ = ["Upkeep"]


KEY_PACKAGE_TARGET = 20
KEY_PACKAGE_LOW = 8
#: How often a started client looks at its KeyPackages on the relay (drain watch).
KP_WATCH_SECONDS = 300
DAY_SECONDS = 86400


class DeviceStatus(TypedDict):
    """``corridor status`` (JSON): what the device knows about itself, offline."""

    identity: dict[str, object]
    relay_url: str
    certificate: CertificateJson
    routing: list[dict[str, str]]
    key_packages: dict[str, object]
    outbox: int
    warnings: list[str]
    synced: NotRequired[bool]  # set by the CLI once it tried to sync


class Upkeep(Driver):
    """The device's KeyPackages, routing checks and certificate (see the module docstring)."""

    def __init__(self, client: Client) -> None:
        super().__init__(client)
        self.kp_check = True  # ask the relay for our KeyPackage counts at the next sync
        self._kp_seen = KEY_PACKAGE_TARGET + 1  # ours on the relay at the last look
        self._kp_watched = 0  # when we last looked
        self._cert_state = "ok"  # the certificate state last reported

    async def key_packages(self) -> None:
        """Keep our KeyPackages on the relay (THREATS 5): one-time packages topped up to
        KEY_PACKAGE_TARGET when fewer than KEY_PACKAGE_LOW are left, and one last-resort
        package, replaced after a Welcome used it and every ``last_resort_seconds``.
        Asks the relay after a login or a Welcome, when a rotation is due, and every
        KP_WATCH_SECONDS; when packages went since the last look, it reads who claimed
        them (THREATS 25: a drain is reported as :class:`KeyPackagesDraining`)."""
        watch = self.engine.now() - self._kp_watched >= KP_WATCH_SECONDS
        if not self.kp_check and not self.engine.last_resort_due() and not watch:
            return
        available, has_last_resort = await self.transport.key_package_count()
        self._kp_watched = self.engine.now()
        if available < min(self._kp_seen, KEY_PACKAGE_TARGET):
            await self._watch_drain()
        self._kp_seen = KEY_PACKAGE_TARGET if available < KEY_PACKAGE_LOW else available
        kps = self.engine.make_key_packages(KEY_PACKAGE_TARGET - available) \
            if available < KEY_PACKAGE_LOW else []
        last_resort = self.engine.make_last_resort() \
            if self.engine.last_resort_due(has_last_resort) else None
        if kps or last_resort:
            await self.transport.publish_key_packages(
                kps, last_resort[1] if last_resort else None)
            if last_resort:
                self.engine.last_resort_published(last_resort[0])
        self.kp_check = False

    async def _watch_drain(self) -> None:
        try:
            claims = await self.key_package_claims(self.engine.now() - DRAIN_WINDOW)
        except RelayRefused:
            return  # a relay without a claim record: nothing to judge by
        now = self.engine.now()
        verdict = drain_verdict(claims, self.device_id, now)
        health = HealthRecord.load(self.store)
        if verdict is None:
            if health.drain is not None and health.drain[1] < now - DAY_SECONDS:
                health.drain = None
                health.save(self.store)
            return
        claimed, claimers = verdict
        health.drain = (claimed, now, list(claimers))
        health.save(self.store)
        self.emit([_drain_event(claimed, now, claimers)])

    async def key_package_claims(self, since: int = 0) -> list[Claim]:
        """The relay's record of who claimed the KeyPackages of this device's mission
        (every device of it), newest first: what a mission admin checks (THREATS 25)."""
        await self.syncer.ensure_login()
        return [Claim(str(c["target"]), str(c["claimer"]), str(c["claimer_mission"]),
                      bool(c["last_resort"]), int(c["claimed_at"]))
                for c in await self.transport.key_package_claims(since)]

    def key_package_warning(self) -> KeyPackagesDraining | None:
        """The last KeyPackage drain seen (kept a day after it was last seen)."""
        drain = HealthRecord.load(self.store).drain
        if drain is None:
            return None
        claimed, at, who = drain
        return _drain_event(claimed, at, tuple((str(d), str(m), int(n)) for d, m, n in who))

    def routing_status(self, channel: str | bytes) -> RoutingStatus:
        """The last comparison of the channel's routing with its MLS roster."""
        cid = self.views.resolve_channel(channel)
        return HealthRecord.load(self.store).routing_status(cid.hex())

    async def check_routing(self) -> None:
        """Compare the relay's routing of every channel with its MLS roster (THREATS 22).

        One request gives every routed group's last seq and a digest of its routed
        devices; a channel whose digest differs from its roster's, or that is missing
        (a 404), is looked at on its own. A verdict is reached only where this device
        has processed everything up to the relay's last seq (a commit in flight changes
        both at once); otherwise one more catch-up, and no verdict this time if the
        relay is still ahead."""
        try:
            routing: dict[bytes, tuple[int, int, str]] | None = await self.transport.routing()
        except RelayRefused as exc:
            if exc.status != 501:
                return  # rate-limited or the like: no verdict this time
            routing = None
        for ch in self.store.list_channels():
            if ch.damaged:
                continue
            try:
                _c, meta = self.engine.channel_state(ch.group_id)
            except ClientError:
                continue
            if meta.left:
                self.note_routing(ch.group_id, None)  # drops a stale warning
                continue
            entry = routing.get(ch.group_id) if routing is not None else None
            if entry is not None and entry[0] <= ch.cursor:
                roster = self.roster_devices(ch.group_id)
                if routing_digest(roster) == entry[2]:
                    self.note_routing(ch.group_id, roster)
                    continue
            await self._check_channel_routing(ch.group_id)

    async def _check_channel_routing(self, group_id: bytes) -> None:
        for _attempt in range(2):
            try:
                last, routed = await self.transport.group_members(group_id)
            except RelayRefused as exc:
                if exc.status == 404:
                    await self.syncer.catch_up(group_id)  # a removal we have not seen?
                    self.note_routing(group_id, None)
                return
            if last <= self.store.get_channel_by_group(group_id).cursor:
                self.note_routing(group_id, routed)
                return
            await self.syncer.catch_up(group_id)

    def roster_devices(self, group_id: bytes) -> list[str]:
        return [m.device_id for m in self.engine.members(group_id)]

    def note_routing(self, group_id: bytes, routed: list[str] | None) -> None:
        try:
            ch, meta = self.engine.channel_state(group_id)
        except ClientError:
            return
        health = HealthRecord.load(self.store)
        key = ch.channel_id.hex()
        if meta.left:
            if health.routing.pop(key, None) is not None:
                health.save(self.store)
            return
        st = compare_routing(self.roster_devices(group_id), routed, self.device_id)
        before = health.routing.get(key)
        if st.ok:
            if before is not None:
                del health.routing[key]
                health.save(self.store)
                self.emit([RoutingRestored(ch.channel_id)])
            return
        health.routing[key] = (st.problem, st.detail, list(st.missing), list(st.extra))
        health.save(self.store)
        self.emit([RoutingMismatch(ch.channel_id, st.problem, st.detail, st.missing,
                                    st.extra)])

    def certificate_status(self) -> CertificateStatus:
        """When this device's chain ends, and how to renew it (THREATS 24)."""
        return certificate_status(self.engine.me.chain, self.engine.trust.root_der,
                                  self.engine.now(), self.home.root)

    def check_certificate(self, *, only_changes: bool = False) -> None:
        """Report a chain near (or past) its end: on every sync, and between syncs when
        its state changes (a running app crosses into the warning period)."""
        st = self.certificate_status()
        changed, self._cert_state = st.state != self._cert_state, st.state
        if st.warning and (changed or not only_changes):
            self.emit([CertificateExpiring(st.not_after, st.days_left, st.link, st.advice)])

    def status(self) -> DeviceStatus:
        """What the device should know about itself, offline: identity, certificate
        expiry, routing warnings, KeyPackage drain, the outbox (``corridor status``)."""
        cert = self.certificate_status()
        ident: dict[str, object]
        try:
            ident = self.client.identity()
        except (ClientError, CryptoError) as exc:  # an expired or revoked chain: say so
            ident = {"device_id": self.device_id, "error": type(exc).__name__}
        routing = [{"channel_id": c.channel_id, "name": c.name, "problem": c.routing_problem,
                    "warning": c.routing_warning}
                   for c in self.views.channels() if c.routing_warning]
        drain = self.key_package_warning()
        warnings = [cert.advice] if cert.warning else []
        warnings += [f"channel {r['name'] or r['channel_id'][:12]}: {r['warning']}"
                     for r in routing]
        if drain is not None:
            warnings.append(drain.detail)
        return {"identity": ident, "relay_url": self.relay_url, "certificate": cert.to_json(),
                "routing": routing,
                "key_packages": {"draining": None if drain is None else {
                    "claimed": drain.claimed, "window": drain.window,
                    "claimers": [list(c) for c in drain.claimers], "detail": drain.detail}},
                "outbox": len(self.store.list_outbox(limit=10_000)),
                "warnings": warnings}


def _drain_event(claimed: int, at: int,
                 claimers: tuple[tuple[str, str, int], ...]) -> KeyPackagesDraining:
    who = ", ".join(f"{d[:12]} ({m or 'unknown mission'}): {n}" for d, m, n in claimers[:5])
    return KeyPackagesDraining(
        claimed, DRAIN_WINDOW, claimers,
        f"{claimed} of this device's KeyPackages were claimed within an hour (by {who}); "
        "someone may be draining them so this device cannot be added to channels. It "
        "publishes new ones and keeps a last-resort package; tell your mission admin "
        "(`corridor device claims` lists every claim).")
