# SPDX-License-Identifier: Apache-2.0
"""Claimed KeyPackages are checked against the transparency log (real relay, loopback).

A device added to a channel must carry a certificate the log holds: an honest claim
passes (its certificate is among the audited entries that hash to the trusted head),
and a KeyPackage whose certificate was never logged (here: the holder of a stolen
mission key and of a device's key issues that device a fresh certificate and the relay
hands out a KeyPackage made with it) is refused by the adding client, with an alarm and
nothing added; and a member receiving a Welcome from an adder that skipped the check
alarms on that certificate for the channel.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from client.engine.envelope import SUITE
from client.engine.keypackages import KEY_PACKAGE_LIFETIME
from client.engine.model import DeviceIdentity
from client.events import DirectoryAlarm
from client.policy import LEAF_EXTENSIONS
from client.trust import x509_credential
from crypto import certs
from crypto.certs.keyfile import open_key
from crypto.certs.transparency import EntryKind, LogEntry
from crypto.messages.key_package import default_capabilities, make_key_package
from tests.support.client_venue import Venue

A, C, C2 = "alderia-ana", "carpania-ana", "carpania-ben"


def members(venue: Venue, cid: str) -> set[str]:
    a = venue.client(A)
    return {m.signature_key.hex() for m in a.engine._group(bytes.fromhex(cid)).members()}


async def test_honest_claim_passes_with_its_certificate_logged(venue: Venue) -> None:
    for n in (A, C):
        venue.client(n)
    await venue.sync_all(1)
    a = venue.client(A)
    collected: list[object] = []
    a.subscribe(collected.append)
    checked: list[str] = []
    check = a.directory.check_key_package

    async def spy(device_id: str, raw: bytes) -> None:
        await check(device_id, raw)
        checked.append(device_id)

    a.directory.check_key_package = spy  # type: ignore[method-assign]
    cid = await a.create_channel("bilateral", "a-c", ["carpania"])
    await a.sync()
    target = venue.layout.homes[C]["device_id"]
    assert target in checked  # the claim went through the log check and passed
    assert target in members(venue, cid)
    chain = venue.client(C).engine.me.chain
    assert a.log.check_claimed(target, chain) is None
    assert not [e for e in collected if isinstance(e, DirectoryAlarm)]


def hostile_key_package(venue: Venue, victim: DeviceIdentity) -> tuple[bytes, bytes]:
    """(certificate, KeyPackage): the victim's key certified anew with the stolen mission
    key, never registered, so never logged."""
    mdir = Path(venue.layout.missions["carpania"]["dir"])
    mission_der = certs.der_of((mdir / "mission.pem").read_bytes(), "certificate")
    stolen = open_key((mdir / "mission.key").read_bytes(), venue.layout.passphrase,
                      label="corridor-mission").secret
    now = datetime.now(UTC)
    rogue = certs.issue_device_certificate(
        mission_der, stolen, public_key=certs.public_key_of(victim.seed),
        delegate_id="mole", display_name="Mole", not_before=now - timedelta(minutes=1),
        not_after=now + timedelta(days=30))
    t = int(now.timestamp())
    kp = make_key_package(SUITE, x509_credential([rogue, mission_der]), victim.seed,
                          lifetime=(t - 3600, t + KEY_PACKAGE_LIFETIME),
                          capabilities=default_capabilities(SUITE, LEAF_EXTENSIONS)
                          ).key_package.to_bytes()
    return rogue, kp


async def test_keypackage_with_unlogged_certificate_refused(venue: Venue,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    for n in (A, C, C2):
        venue.client(n)
    await venue.sync_all(1)
    victim = venue.client(C2).engine.me
    rogue, kp = hostile_key_package(venue, victim)
    a = venue.client(A)
    assert LogEntry(kind=EntryKind.DEVICE, der=rogue).leaf_hash not in a.log._devices
    claim = a.transport.claim_key_package

    async def hostile_claim(device_id: str) -> bytes:
        return kp if device_id == victim.device_id else await claim(device_id)

    monkeypatch.setattr(a.transport, "claim_key_package", hostile_claim)
    collected: list[object] = []
    a.subscribe(collected.append)
    cid = await a.create_channel("bilateral", "a-c", ["carpania"])
    await a.sync()
    refused = [e for e in collected if isinstance(e, DirectoryAlarm) and e.kind == "unproven"]
    assert refused and victim.device_id[:16] in refused[0].detail
    assert "not in the log" in refused[0].detail
    assert rogue in refused[0].evidence
    got = members(venue, cid)
    assert venue.layout.homes[C]["device_id"] in got  # the honest one is added
    assert victim.device_id not in got  # the unlogged certificate is not


async def test_member_added_with_unlogged_certificate_alarmed_on_receipt(
        venue: Venue, monkeypatch: pytest.MonkeyPatch) -> None:
    """An adder that skips the check (an older client) adds the unlogged certificate;
    the other member's client, processing the Welcome, alarms on it for the channel."""
    for n in (A, C, C2):
        venue.client(n)
    await venue.sync_all(1)
    victim = venue.client(C2).engine.me
    rogue, kp = hostile_key_package(venue, victim)
    a = venue.client(A)
    claim = a.transport.claim_key_package

    async def hostile_claim(device_id: str) -> bytes:
        return kp if device_id == victim.device_id else await claim(device_id)

    async def unchecked(device_id: str, raw: bytes) -> None:
        return None

    monkeypatch.setattr(a.transport, "claim_key_package", hostile_claim)
    monkeypatch.setattr(a.directory, "check_key_package", unchecked)
    cid = await a.create_channel("bilateral", "a-c", ["carpania"])
    await a.sync()
    assert victim.device_id in members(venue, cid)  # the careless adder let it in
    events = await venue.client(C).sync()
    found = [e for e in events if isinstance(e, DirectoryAlarm) and e.kind == "unproven"]
    assert found and victim.device_id[:16] in found[0].detail, events
    assert found[0].channel_id == bytes.fromhex(cid)
    assert rogue in found[0].evidence
    status = venue.client(C).directory_status(cid)
    assert not status.verified
    assert any(al.kind == "unproven" for al in status.alarms), status  # shown as evidence
