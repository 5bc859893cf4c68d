# SPDX-License-Identifier: Apache-2.0
"""A small in-memory venue for the crisis tests: root, missions, devices, role
certificates, all real X.509 from crypto.certs (no relay, no files)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from crypto import certs

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


@dataclass
class MiniVenue:
    root_seed: bytes = field(default_factory=certs.new_signing_key)
    root: bytes = b""
    missions: dict[str, tuple[bytes, bytes]] = field(default_factory=dict)  # id -> (seed, der)
    devices: dict[str, Device] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.root = certs.make_root_certificate(
            self.root_seed, name="Test Forum", not_before=T0 - timedelta(days=30),
            not_after=T0 + timedelta(days=3650))

    def mission(self, mission_id: str) -> tuple[bytes, bytes]:
        if mission_id not in self.missions:
            seed = certs.new_signing_key()
            der = certs.issue_mission_certificate(
                self.root, self.root_seed, public_key=certs.public_key_of(seed),
                mission_id=mission_id, name=f"Mission {mission_id}",
                not_before=T0 - timedelta(days=20), not_after=T0 + timedelta(days=700))
            self.missions[mission_id] = (seed, der)
        return self.missions[mission_id]

    def device(self, who: str) -> Device:
        if who not in self.devices:
            mission_id, delegate = who.split("/")
            m_seed, m_der = self.mission(mission_id)
            seed = certs.new_signing_key()
            der = certs.issue_device_certificate(
                m_der, m_seed, public_key=certs.public_key_of(seed), delegate_id=delegate,
                display_name=delegate.title(), not_before=T0 - timedelta(days=10),
                not_after=T0 + timedelta(days=365))
            self.devices[who] = Device(mission_id, delegate, seed, (der, m_der))
        return self.devices[who]

    def chair_role(self, who: str, *, days: int = 90,
                   start: datetime = T0 - timedelta(days=1)) -> bytes:
        mission_id, delegate = who.split("/")
        self.mission(mission_id)
        return certs.issue_role_certificate(
            self.root, self.root_seed, role="chair", channel=None, delegate_id=delegate,
            mission_id=mission_id, not_before=start, not_after=start + timedelta(days=days))
