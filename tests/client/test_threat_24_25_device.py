# SPDX-License-Identifier: Apache-2.0
"""THREATS 24 and 25 on the device, over a real relay process.

24: a device warns 14 days before its chain ends (which link, and how to renew), says
"expired" after, and a renewed certificate imported into its home reaches the relay at
the next sync (the relay then serves the renewed chain).
25: a device draining another's KeyPackages is stopped by the pair limit while another
claimer still gets packages; the target notices the drain and says so (event, status);
any device of the target's mission lists who claimed (``corridor device claims``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from client.core import Client
from client.events import CertificateExpiring, KeyPackagesDraining
from client.health import EXPIRY_WARNING_DAYS, certificate_status
from client.pki import main as pki_main
from client.transport import RelayRefused
from crypto import certs
from crypto.certs.keyfile import open_key
from tests.support.client_venue import Venue
from tests.support.pki import Pki

A, B, C, C2 = "alderia-ana", "borduria-ana", "carpania-ana", "carpania-ben"
DAY = 86400


def _cert_end(home: Path) -> float:
    return x509.load_pem_x509_certificates((home / "chain.pem").read_bytes())[0] \
        .not_valid_after_utc.timestamp()


async def test_device_warns_before_expiry_and_a_renewal_reaches_the_relay(venue: Venue) -> None:
    v = venue
    home = v.layout.home(A)
    end = _cert_end(home)
    pw = v.layout.passphrase
    # 20 days before the end: no warning; 13 days before: a warning naming the device
    # certificate and the renewal commands; after the end: expired
    for days_before, state in ((20, "ok"), (EXPIRY_WARNING_DAYS - 1, "expiring"), (-1, "expired")):
        c = Client.open(home, passphrase=pw, clock=lambda d=days_before: end - d * DAY)
        try:
            st = c.status()["certificate"]
            assert st["state"] == state and st["link"] == "device"
            assert st["days_left"] == days_before
            if state == "ok":
                assert st["advice"] == "" and c.status()["warnings"] == []
            else:
                assert "corridor mission sign-device" in st["advice"]
                assert "corridor device import" in st["advice"]
                assert c.status()["warnings"][0] == st["advice"]
        finally:
            await c.close()
    c = Client.open(home, passphrase=pw, clock=lambda: end - 3 * DAY)
    try:  # a sync reports it as an event too (the relay's own clock is today)
        events = await c.sync()
        warned = [e for e in events if isinstance(e, CertificateExpiring)]
        assert [(e.link, e.days_left) for e in warned] == [("device", 3)]
    finally:
        await c.close()

    # the mission admin renews the certificate; the device imports it (same key)
    a = v.client(A)
    await a.sync()
    info = v.layout.homes[A]
    mdir = Path(v.layout.missions[info["mission"]]["dir"])
    mission = x509.load_pem_x509_certificate((mdir / "mission.pem").read_bytes())
    mission_der = mission.public_bytes(Encoding.DER)
    mseed = open_key((mdir / "mission.key").read_bytes(), pw, label="corridor-mission").secret
    now = datetime.now(UTC)
    renewed = certs.issue_device_certificate(
        mission_der, mseed, public_key=bytes.fromhex(a.device_id),
        delegate_id=info["delegate"], display_name="Ana", not_before=now,
        not_after=now + timedelta(days=120))
    await v.close(A)
    pem = x509.load_der_x509_certificate(renewed).public_bytes(Encoding.PEM)
    (home / "chain.pem").write_bytes(pem + mission.public_bytes(Encoding.PEM))
    a = v.client(A)
    await a.sync()  # registers the renewed chain, then logs in
    rows = [r for r in await a.transport.directory_devices(info["mission"])
            if r[0] == a.device_id]
    assert [r[2][0] for r in rows] == [renewed]
    assert a.certificate_status().not_after > end + 30 * DAY


def test_certificate_status_names_the_link_that_ends_first(tmp_path: Path) -> None:
    venue = Pki(missions=("m1",), name="Status Venue")
    dev = venue.device("m1")
    mission_end = x509.load_der_x509_certificate(dev.chain[1]).not_valid_after_utc.timestamp()
    device_end = x509.load_der_x509_certificate(dev.chain[0]).not_valid_after_utc.timestamp()
    st = certificate_status(dev.chain, venue.root, device_end - 5 * DAY, tmp_path)
    assert (st.link, st.state, st.days_left) == ("device", "expiring", 5)
    # a mission certificate ending before the device's (as re-accredited for less)
    short = venue.reaccredited("m1", datetime.fromtimestamp(device_end - 10 * DAY, UTC))
    st = certificate_status((dev.chain[0], short), venue.root, device_end - 12 * DAY, tmp_path)
    assert (st.link, st.state) == ("mission", "expiring")
    assert "secretariat" in st.advice and "accredit-mission" in st.advice
    assert mission_end > device_end
    st = certificate_status(dev.chain, venue.root, time.time(), tmp_path)
    assert st.state == "ok" and not st.warning


async def test_drained_key_packages_are_stopped_noticed_and_listed(
    venue: Venue, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    v = venue
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    for n in (A, B, C, C2):
        await v.client(n).sync()
    target = v.client(C2).device_id
    drainer, honest = v.client(B), v.client(A)
    claimed = 0
    with pytest.raises(RelayRefused) as e:
        for _ in range(30):
            await drainer.transport.claim_key_package(target)
            claimed += 1
    assert e.value.status == 429 and claimed == 8  # the pair limit (8 an hour)
    for _ in range(2):  # another claimer is not held back
        assert await honest.transport.claim_key_package(target)
    # the target notices at its next look (a restart here; a running client looks every
    # five minutes), says who, and tops its packages up again
    await v.close(C2)
    events = await v.client(C2).sync()
    drains = [e for e in events if isinstance(e, KeyPackagesDraining)]
    assert len(drains) == 1 and drains[0].claimed == 10
    assert drains[0].claimers[0] == (drainer.device_id, "borduria", 8)
    assert drains[0].claimers[1] == (honest.device_id, "alderia", 2)
    st = v.client(C2).status()
    assert st["key_packages"]["draining"]["claimed"] == 10
    assert any("draining" in w for w in st["warnings"])
    assert (await v.client(C2).transport.key_package_count())[0] >= 8
    # nothing drained: no warning for the others
    assert v.client(C).key_package_warning() is None

    # the mission admin (on any device of the mission) lists who claimed
    await v.close(C)
    capsys.readouterr()
    home = str(v.layout.home(C))
    assert await asyncio.to_thread(pki_main, ["device", "claims", "--json", "--home", home]) == 0
    out = json.loads(capsys.readouterr().out)
    on_target = [x for x in out["claims"] if x["target"] == target]
    assert len(on_target) == 10
    assert sorted({(x["claimer"], x["claimer_mission"]) for x in on_target}) == sorted(
        {(drainer.device_id, "borduria"), (honest.device_id, "alderia")})
    # another mission does not see them
    await v.close(B)
    assert await asyncio.to_thread(
        pki_main, ["device", "claims", "--json", "--home", str(v.layout.home(B))]) == 0
    theirs = json.loads(capsys.readouterr().out)["claims"]
    assert all(x["target"] != target for x in theirs)


async def test_a_running_client_reports_entering_the_warning_period_once(venue: Venue) -> None:
    """Between syncs (an app left running for days) the sweep reports the certificate
    when its state changes, not every 30 s."""
    home = venue.layout.home(A)
    end = _cert_end(home)
    now = [end - 20 * DAY]
    c = Client.open(home, passphrase=venue.layout.passphrase, clock=lambda: now[0])
    seen: list[CertificateExpiring] = []
    c.subscribe(lambda e: seen.append(e) if isinstance(e, CertificateExpiring) else None)
    task = asyncio.get_running_loop().create_task(c.connection.sweep_loop(period=0.01))
    try:
        await asyncio.sleep(0.1)
        assert seen == []
        now[0] = end - 10 * DAY  # the app is still running ten days later
        for _ in range(100):
            await asyncio.sleep(0.01)
            if seen:
                break
        await asyncio.sleep(0.1)
        assert [(e.link, e.days_left) for e in seen] == [("device", 10)]
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await c.close()
