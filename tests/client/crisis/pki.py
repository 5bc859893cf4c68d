# SPDX-License-Identifier: Apache-2.0
"""The crisis tests' timeline (T0 and its units) and their venue: root, missions,
devices, role certificates from the shared builder, all real X.509 (no relay, no files)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tests.support.pki import Lifetimes, Pki

T0 = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)
T0_MS = int(T0.timestamp() * 1000)
MIN = 60_000
HOUR = 60 * MIN


@dataclass
class Device:
    mission: str
    delegate: str
    seed: bytes
    chain: tuple[bytes, bytes]

    @property
    def who(self) -> str:
        return f"{self.mission}/{self.delegate}"


#: Validity windows wide around T0, so the timelines these tests replay stay inside them.
LIFETIMES = Lifetimes(root=(timedelta(days=30), timedelta(days=3650)),
                      mission=(timedelta(days=20), timedelta(days=700)),
                      device=(timedelta(days=10), timedelta(days=365)),
                      role=(timedelta(days=1), timedelta(days=89)))


class MiniVenue:
    """The shared venue builder (:class:`tests.support.pki.Pki`) at the fixed time T0,
    named the crisis tests' way: one device per ``"mission/delegate"``."""

    def __init__(self) -> None:
        self.pki = Pki(missions=(), name="Test Forum", now=T0, lifetimes=LIFETIMES)
        self.devices: dict[str, Device] = {}

    @property
    def root(self) -> bytes:
        return self.pki.root

    @property
    def root_seed(self) -> bytes:
        return self.pki.root_seed

    def mission(self, mission_id: str) -> tuple[bytes, bytes]:
        """The mission's key seed and certificate (this order), accredited on first use."""
        der, seed = self.pki.mission(mission_id)
        return seed, der

    def device(self, who: str) -> Device:
        if who not in self.devices:
            mission_id, delegate = who.split("/")
            issued = self.pki.device(mission_id, delegate, display_name=delegate.title())
            chain = (issued.chain[0], issued.chain[1])
            self.devices[who] = Device(mission_id, delegate, issued.seed, chain)
        return self.devices[who]

    def chair_role(self, who: str, *, days: int = 90,
                   start: datetime = T0 - timedelta(days=1)) -> bytes:
        mission_id, delegate = who.split("/")
        return self.pki.role("chair", mission_id, delegate, not_before=start,
                             not_after=start + timedelta(days=days))
