# SPDX-License-Identifier: Apache-2.0
"""``corridor demo``: a complete local venue, for trying Corridor and for tests.

It does what the secretariat, the mission admins and the delegates would do with
``corridor-relay venue ...``, ``corridor mission ...`` and ``corridor device ...``,
calling the same ``crypto.certs`` / ``crypto.certs.keyfile`` functions and writing the same
file layout::

    DIR/relay/                 root.key root.pem root.crl.pem log.key venue-policy.bin
                               (the relay's data dir: it admits devices by chain to
                               this root and logs every certificate and CRL)
    DIR/missions/<id>/         mission.key mission.pem (mission admin)
    DIR/homes/<mission>-<delegate>[-<n>]/
                               keystore.json secrets.key chain.pem root.pem relay.json
                               venue-policy.bin (pins the log key)
                               [roles/chair.pem]
    DIR/layout.json            what was made (printed too)

Then it runs a relay on 127.0.0.1:PORT (in this process), creates channels of every
kind through real clients, lets every device join them, and stops the relay (or keeps
serving with ``--serve``). Every key file is sealed with the demo passphrase
(``CORRIDOR_PASSPHRASE``, default ``corridor-demo``: a demo, not a secret). A device's
signature key goes into its home's keystore, as ``corridor device init`` puts it;
demo homes always use the keystore's passphrase file (``secrets.key``), never the OS
keyring, so a throwaway venue leaves nothing in the user's keyring.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NotRequired, TypedDict

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from client.keystore import (
    DEVICE_SIGNATURE_KEY,
    PASSPHRASE_ENV,
    KdfLimits,
    kdf_from_env,
    open_keystore,
)
from client.paths import resolve_home
from crypto import certs
from crypto.certs import transparency
from crypto.certs.keyfile import STRENGTHS, open_key, seal_key

if TYPE_CHECKING:
    from server_stub.embedded import EmbeddedRelay

POLICY_FILE = "venue-policy.bin"

__all__ = ["DemoLayout", "add_device", "provision", "recall_device", "run_demo", "serve_relay"]

MISSION_NAMES = ("alderia", "borduria", "carpania", "dravonia", "elbonia", "freedonia",
                 "genovia", "hyrkania")
DELEGATES = ("ana", "ben", "chloe", "dev")
DEFAULT_PASSPHRASE = "corridor-demo"  # noqa: S105 - the documented demo passphrase


def _pem(der: bytes) -> bytes:
    return x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)


def _write(path: Path, data: bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class MissionJson(TypedDict):
    """A mission of the demo layout: its directory (its key) and its delegates."""

    dir: str
    delegates: list[str]


class HomeJson(TypedDict):
    """A device home of the demo layout."""

    home: str
    mission: str
    delegate: str
    device_id: str
    serial: int


class ChannelJson(TypedDict):
    """A channel the demo created."""

    channel_id: str
    kind: str
    name: str
    missions: list[str]


class LayoutJson(TypedDict):
    """``layout.json``: what :meth:`DemoLayout.to_json` writes and the live demo reads."""

    data_dir: str
    relay_dir: str
    relay_url: str
    port: int
    serve: str
    passphrase_env: str
    root_fingerprint: str
    missions: dict[str, MissionJson]
    homes: dict[str, HomeJson]
    channels: list[ChannelJson]
    chair: str
    passphrase: NotRequired[str]  # absent: the demo's default passphrase


@dataclass
class DemoLayout:
    data_dir: Path
    relay_dir: Path
    port: int
    passphrase: str
    root_fingerprint: str
    missions: dict[str, MissionJson] = field(default_factory=dict)
    homes: dict[str, HomeJson] = field(default_factory=dict)  # name -> info
    channels: list[ChannelJson] = field(default_factory=list)
    chair: str = ""

    @property
    def relay_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def home(self, name: str) -> Path:
        return Path(self.homes[name]["home"])

    def to_json(self) -> LayoutJson:
        return {"data_dir": str(self.data_dir), "relay_dir": str(self.relay_dir),
                "relay_url": self.relay_url, "port": self.port,
                "serve": f"corridor-relay serve --data-dir {self.relay_dir} --port {self.port}",
                "passphrase_env": "CORRIDOR_PASSPHRASE", "root_fingerprint":
                self.root_fingerprint, "missions": self.missions, "homes": self.homes,
                "channels": self.channels, "chair": self.chair}

    def save(self) -> None:
        _write(self.data_dir / "layout.json", json.dumps(self.to_json(), indent=2).encode())


def _limits(strength: str) -> tuple[int, int]:
    """Argon2id limits for the venue's and missions' key files: ``strength``, or the
    minimum the tests ask for (``CORRIDOR_INSECURE_FAST_KDF=1``) as the device keystores
    already take it; each file is opened once per device provisioned."""
    limits = kdf_from_env(KdfLimits(*STRENGTHS[strength]))
    return limits.opslimit, limits.memlimit


def _device_home(layout: DemoLayout, mission_id: str, delegate: str, name: str,
                 strength: str) -> None:
    mdir = layout.data_dir / "missions" / mission_id
    mission_der = x509.load_pem_x509_certificate(
        (mdir / "mission.pem").read_bytes()).public_bytes(serialization.Encoding.DER)
    mseed = open_key((mdir / "mission.key").read_bytes(), layout.passphrase,
                     label="corridor-mission").secret
    root_pem = (layout.relay_dir / "root.pem").read_bytes()
    home = layout.data_dir / "homes" / name
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    seed = certs.new_signing_key()
    now = _now()
    dev = certs.issue_device_certificate(
        mission_der, mseed, public_key=certs.public_key_of(seed), delegate_id=delegate,
        display_name=delegate.capitalize(), not_before=now - timedelta(minutes=5),
        not_after=now + timedelta(days=80))
    from client.pki import record_issued

    record_issued(mdir, dev)  # as `corridor mission sign-device` does
    keystore = open_keystore(resolve_home(home), backend="file",
                             env={PASSPHRASE_ENV: layout.passphrase},
                             kdf=kdf_from_env(KdfLimits(*STRENGTHS[strength])))
    keystore.put(DEVICE_SIGNATURE_KEY, seed)
    _write(home / "root.pem", root_pem)
    if (layout.relay_dir / POLICY_FILE).exists():  # pinned with the root, like an enrolment
        _write(home / POLICY_FILE, (layout.relay_dir / POLICY_FILE).read_bytes())
    _write(home / "mission.pem", _pem(mission_der))
    _write(home / "device.pem", _pem(dev))
    _write(home / "chain.pem", _pem(dev) + _pem(mission_der))
    _write(home / "relay.json", json.dumps({"relay_url": layout.relay_url}).encode())
    layout.homes[name] = {"home": str(home), "mission": mission_id, "delegate": delegate,
                          "device_id": certs.public_key_of(seed).hex(),
                          "serial": certs.certificate_serial(dev)}


def provision(data_dir: Path, port: int, *, missions: int = 3, delegates: int = 2,
              passphrase: str | None = None, strength: str = "interactive",
              observers: Sequence[str] = (), name: str = "Corridor Demo Venue") -> DemoLayout:
    """Venue root (named ``name``), ``missions`` missions with ``delegates`` delegates
    (one device each), and the ``observers`` (mission ids the venue accredits as
    observers, one delegate each)."""
    if not 1 <= missions <= len(MISSION_NAMES) or not 1 <= delegates <= len(DELEGATES):
        raise ValueError("missions must be 1..8 and delegates 1..4")
    pw = passphrase or os.environ.get("CORRIDOR_PASSPHRASE") or DEFAULT_PASSPHRASE
    relay_dir = data_dir / "relay"
    if (relay_dir / "root.pem").exists():
        raise FileExistsError(f"{relay_dir} already holds a venue")
    relay_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    seed = certs.new_signing_key()
    now = _now()
    root = certs.make_root_certificate(seed, name=name,
                                       not_before=now - timedelta(minutes=5),
                                       not_after=now + timedelta(days=365))
    _write(relay_dir / "root.key", seal_key(seed, pw, label="corridor-venue-root",
                                            strength=_limits(strength)), 0o600)
    _write(relay_dir / "root.pem", _pem(root))
    crl = certs.make_crl(root, seed, revoked=[], this_update=now,
                         next_update=now + timedelta(days=7), number=1)
    _write(relay_dir / "root.crl.pem", x509.load_der_x509_crl(crl).public_bytes(
        serialization.Encoding.PEM))
    log_seed = certs.new_signing_key()  # the transparency log (server_stub.transparency)
    policy = transparency.sign_policy(seed, certs.fingerprint(root),
                                      certs.public_key_of(log_seed), int(now.timestamp()))
    _write(relay_dir / "log.key", log_seed, 0o600)
    _write(relay_dir / POLICY_FILE, policy.encode())
    layout = DemoLayout(data_dir, relay_dir, port, pw, certs.fingerprint_hex(root))
    accredited = [(m, False) for m in MISSION_NAMES[:missions]] + [(m, True) for m in observers]
    for mission_id, observer in accredited:
        mseed = certs.new_signing_key()
        mcert = certs.issue_mission_certificate(
            root, seed, public_key=certs.public_key_of(mseed), mission_id=mission_id,
            name=f"Mission of {mission_id.capitalize()}", not_before=now - timedelta(minutes=5),
            not_after=now + timedelta(days=180), observer=observer)
        mdir = data_dir / "missions" / mission_id
        _write(mdir / "mission.key", seal_key(mseed, pw, label="corridor-mission",
                                              strength=_limits(strength)), 0o600)
        _write(mdir / "mission.pem", _pem(mcert))
        names = DELEGATES[:1] if observer else DELEGATES[:delegates]
        layout.missions[mission_id] = {"dir": str(mdir), "delegates": list(names)}
        for delegate in names:
            _device_home(layout, mission_id, delegate, f"{mission_id}-{delegate}", strength)
    chair_name = f"{MISSION_NAMES[0]}-{DELEGATES[0]}"
    chair = layout.homes[chair_name]
    role = certs.issue_role_certificate(
        root, seed, role="chair", channel=None, delegate_id=chair["delegate"],
        mission_id=chair["mission"], not_before=now - timedelta(minutes=5),
        not_after=now + timedelta(days=30))
    _write(layout.home(chair_name) / "roles" / "chair.pem", _pem(role))
    layout.chair = chair_name
    layout.save()
    return layout


def add_device(layout: DemoLayout, mission_id: str, delegate: str,
               strength: str = "interactive") -> str:
    """Certify one more device for ``delegate`` (its mission admin's job); returns its name."""
    n = 2
    while f"{mission_id}-{delegate}-{n}" in layout.homes:
        n += 1
    name = f"{mission_id}-{delegate}-{n}"
    _device_home(layout, mission_id, delegate, name, strength)
    layout.save()
    return name


def recall_device(layout: DemoLayout, name: str, number: int = 1) -> bytes:
    """The mission admin recalls a device: a mission CRL (DER) naming its serial."""
    info = layout.homes[name]
    mdir = layout.data_dir / "missions" / info["mission"]
    mission_der = x509.load_pem_x509_certificate(
        (mdir / "mission.pem").read_bytes()).public_bytes(serialization.Encoding.DER)
    mseed = open_key((mdir / "mission.key").read_bytes(), layout.passphrase,
                     label="corridor-mission").secret
    now = _now()
    return certs.make_crl(mission_der, mseed, revoked=[(int(info["serial"]), now)],
                          this_update=now, next_update=now + timedelta(days=7), number=number)


def serve_relay(relay_dir: Path, port: int) -> EmbeddedRelay:
    """The relay in this process on 127.0.0.1:port; use as a context manager.

    Every demo device registers from 127.0.0.1, so the per-source registration limit
    is raised for this one-person venue.
    """
    from server_stub.embedded import EmbeddedRelay

    return EmbeddedRelay(relay_dir, port, register_rate_per_minute=6000.0)


async def create_channels(layout: DemoLayout) -> None:
    """One channel of every kind, created by real clients; every member device joins."""
    from client.core import Client

    ms = list(layout.missions)
    names = list(layout.homes)
    clients = {n: Client.open(layout.home(n), layout.relay_url, passphrase=layout.passphrase)
               for n in names}
    try:
        for c in clients.values():
            await c.sync()  # register, publish KeyPackages
        first = clients[f"{ms[0]}-{DELEGATES[0]}"]
        specs: list[tuple[Client, str, str, Sequence[str]]] = [
            (first, "bilateral", f"{ms[0]} / {ms[-1]}", [ms[-1]]),
            (first, "multilateral", "Working group on confidence-building", ms),
            (first, "caucus", "Like-minded caucus", ms[:2] if len(ms) > 2 else ms),
            (clients[layout.chair], "notice", "Plenary notices", ms),
        ]
        for client, kind, name, missions in specs:
            cid = await client.create_channel(kind, name, missions)
            layout.channels.append({"channel_id": cid, "kind": kind, "name": name,
                                    "missions": sorted(set(missions))})
        for c in clients.values():
            await c.sync()
    finally:
        for c in clients.values():
            await c.close()
    layout.save()


def run_demo(data_dir: Path, port: int, missions: int, *, serve: bool = False) -> DemoLayout:
    layout = provision(data_dir, port, missions=missions)
    with serve_relay(layout.relay_dir, port):
        asyncio.run(create_channels(layout))
        if serve:
            print(json.dumps(layout.to_json()), flush=True)
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                pass
    return layout
