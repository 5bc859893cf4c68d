# SPDX-License-Identifier: Apache-2.0
"""What a device must be told about its own standing: routing, certificates, KeyPackages.

Three checks whose outcome is a warning that stays until its cause is gone, kept in the
device's encrypted store so a restart does not hide it:

* **Routing** (THREATS 22). The relay routes each channel to a set of devices; the
  channel's MLS roster says who should be there. :func:`compare_routing` tells the two
  apart after every sync: a 404 for a channel this device is still a member of
  (``not_routed``: someone cut it off), member devices the relay does not route
  (``missing``), devices it routes that are not members (``extra``). A comparison is
  made only when the device has processed everything up to the relay's last seq, so a
  commit in flight is never mistaken for a mismatch.
* **Certificates** (THREATS 24). :func:`certificate_status` finds the link of the
  device's chain that expires first and warns :data:`EXPIRY_WARNING_DAYS` days before,
  with what to do: the relay refuses the device once the chain has expired.
* **KeyPackages** (THREATS 25). :func:`drain_verdict` reads the relay's record of who
  claimed this device's packages: :data:`DRAIN_THRESHOLD` or more claims within
  :data:`DRAIN_WINDOW` seconds is reported with the claimers.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final, TypedDict

import msgspec
from cryptography import x509

from client.store.engine_state import HEALTH, ClientRecordStore

__all__ = [
    "DRAIN_THRESHOLD",
    "DRAIN_WINDOW",
    "EXPIRY_WARNING_DAYS",
    "CertificateStatus",
    "Claim",
    "HealthRecord",
    "RoutingStatus",
    "certificate_status",
    "compare_routing",
    "drain_verdict",
    "routing_digest",
]

EXPIRY_WARNING_DAYS: Final = 14
DRAIN_WINDOW: Final = 3600
DRAIN_THRESHOLD: Final = 10  # half of the 20 packages a device keeps
DAY: Final = 86400


@dataclass(frozen=True, slots=True)
class RoutingStatus:
    """The outcome of one comparison of a channel's routing with its MLS roster."""

    problem: str  # "" (they agree), "not_routed" or "mismatch"
    detail: str = ""
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problem


def routing_digest(device_ids: Iterable[str]) -> str:
    """SHA-256 (hex) of the sorted device ids, each followed by a newline: the relay
    sends it for each group (``GET /v1/groups``), so one request checks every channel
    and the full list is fetched only for a channel whose digest differs."""
    return hashlib.sha256("".join(d + "\n" for d in sorted(device_ids)).encode()).hexdigest()


def compare_routing(roster: Iterable[str], routed: Iterable[str] | None,
                    me: str) -> RoutingStatus:
    """Compare the relay's routed devices (``None``: the relay answered 404) with the
    device ids of the MLS roster of a channel ``me`` is a member of."""
    if routed is None:
        return RoutingStatus(
            "not_routed",
            "The relay no longer delivers this channel to this device, although its "
            "members have not removed it: messages may be withheld from you. Tell the "
            "other members out of band.")
    want, got = set(roster), set(routed)
    missing, extra = tuple(sorted(want - got)), tuple(sorted(got - want))
    if me in missing:
        return RoutingStatus(
            "not_routed",
            "The relay does not count this device among the channel's recipients, although "
            "its members have not removed it: messages may be withheld from you.",
            missing, extra)
    if not missing and not extra:
        return RoutingStatus("")
    parts = []
    if missing:
        parts.append(f"the relay does not deliver this channel to {len(missing)} member "
                     "device(s): they may not receive its messages")
    if extra:
        parts.append(f"the relay routes this channel to {len(extra)} device(s) that are not "
                     "members (they cannot read it, but the routing is not what the "
                     "members agreed)")
    text = "; ".join(parts)
    return RoutingStatus("mismatch", text[0].upper() + text[1:] + ".", missing, extra)


class CertificateJson(TypedDict):
    """:meth:`CertificateStatus.to_json`: the ``certificate`` of ``corridor status``."""

    not_after: int
    not_after_iso: str
    days_left: int
    link: str
    state: str
    advice: str


@dataclass(frozen=True, slots=True)
class CertificateStatus:
    """When this device's chain ends, and what to do about it."""

    not_after: int  # seconds since the epoch: the earliest notAfter of the chain
    days_left: int  # whole days left (negative once expired)
    link: str  # "device", "mission" or "root": the certificate that expires first
    state: str  # "ok", "expiring" (within EXPIRY_WARNING_DAYS) or "expired"
    advice: str  # empty when "ok"

    @property
    def warning(self) -> bool:
        return self.state != "ok"

    def to_json(self) -> CertificateJson:
        return {"not_after": self.not_after,
                "not_after_iso": datetime.fromtimestamp(self.not_after, UTC).isoformat(),
                "days_left": self.days_left, "link": self.link, "state": self.state,
                "advice": self.advice}


def _advice(link: str, home: Path) -> str:
    renew_device = (
        f"ask your mission admin to certify this device again from its request "
        f"({home / 'device-request.pem'}): `corridor mission sign-device --request ... "
        f"--mission-cert ... --key ... --out device.pem`; then run `corridor device import "
        f"--home {home} --cert device.pem --mission-cert mission.pem --root root.pem "
        f"--root-fingerprint ...`. Corridor registers the renewed certificate with the "
        f"relay at the next sync.")
    if link == "device":
        return "This device's certificate expires first: " + renew_device
    if link == "mission":
        return ("Your mission's certificate expires first: the mission admin asks the "
                "secretariat to renew it (`corridor-relay venue accredit-mission`); then "
                + renew_device)
    return ("The venue root certificate expires: only the secretariat can issue a new "
            "venue root; ask it how the venue moves to the new one.")


def certificate_status(chain: Sequence[bytes], root_der: bytes, now: float,
                       home: Path) -> CertificateStatus:
    """The earliest expiry of ``chain`` (leaf first, then mission) and the root."""
    links = [("device", chain[0])] + ([("mission", chain[1])] if len(chain) > 1 else [])
    links.append(("root", root_der))
    ends = [(int(x509.load_der_x509_certificate(der).not_valid_after_utc.timestamp()), name)
            for name, der in links]
    not_after, link = min(ends)
    left = not_after - now
    days = int(left // DAY)
    state = "expired" if left < 0 else "expiring" if left <= EXPIRY_WARNING_DAYS * DAY \
        else "ok"
    advice = "" if state == "ok" else _advice(link, home)
    if state == "expired":
        advice = "The relay refuses this device until it is renewed. " + advice
    return CertificateStatus(not_after, days, link, state, advice)


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim of a KeyPackage, as the relay recorded it."""

    target: str
    claimer: str
    claimer_mission: str
    last_resort: bool
    claimed_at: int


def drain_verdict(claims: Iterable[Claim], me: str,
                  now: int) -> tuple[int, tuple[tuple[str, str, int], ...]] | None:
    """(claims within the window, claimers most first) if ``me``'s packages drain fast."""
    recent = [c for c in claims if c.target == me and c.claimed_at >= now - DRAIN_WINDOW]
    if len(recent) < DRAIN_THRESHOLD:
        return None
    counts = Counter((c.claimer, c.claimer_mission) for c in recent)
    ranked = tuple((dev, mission, n) for (dev, mission), n in counts.most_common())
    return len(recent), ranked


class HealthRecord(msgspec.Struct, kw_only=True):
    """The persistent warnings: per channel (hex id) its routing problem, and the last
    KeyPackage drain seen (with when it was seen)."""

    routing: dict[str, tuple[str, str, list[str], list[str]]] = {}
    drain: tuple[int, int, list[tuple[str, str, int]]] | None = None  # claimed, at, who

    @classmethod
    def load(cls, store: ClientRecordStore) -> HealthRecord:
        raw = store.get_client_record(HEALTH)
        if raw is None:
            return cls()
        try:
            return msgspec.msgpack.decode(raw, type=cls)
        except msgspec.MsgspecError:
            return cls()

    def save(self, store: ClientRecordStore) -> None:
        store.put_client_record(HEALTH, msgspec.msgpack.encode(self))

    def routing_status(self, channel_hex: str) -> RoutingStatus:
        got = self.routing.get(channel_hex)
        if got is None:
            return RoutingStatus("")
        problem, detail, missing, extra = got
        return RoutingStatus(problem, detail, tuple(missing), tuple(extra))
