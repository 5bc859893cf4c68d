# SPDX-License-Identifier: Apache-2.0
"""``corridor mission monitor`` over the real relay: a stolen mission key is seen.

The test holds carpania's mission key (as a thief would), signs a device certificate
the mission admin never issued, and enrols that device with the relay: its chain is
valid, so the relay admits it and logs it. The mission's monitor, reading the whole
log through a device of the venue, lists the certificate and exits 1 naming it; the
mission's own devices (recorded in ``issued/`` when signed) raise nothing.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from client import pki
from client.transport import HttpTransport
from crypto import certs
from crypto.certs.keyfile import open_key
from tests.support.client_venue import start_venue

C = "carpania-ana"


def monitor(mdir: Path, home: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code = pki.main(["mission", "monitor", "--mission-cert", str(mdir / "mission.pem"),
                     "--home", str(home), "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else {}


def test_stolen_mission_key_flagged_by_monitor(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path)
    try:
        monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
        mdir = Path(v.layout.missions["carpania"]["dir"])
        home = v.layout.home(C)
        code, report = monitor(mdir, home, capsys)
        assert code == 0, report
        own = {int(v.layout.homes[n]["serial"]) for n in v.layout.homes
               if v.layout.homes[n]["mission"] == "carpania"}
        # only devices that have registered are in the log: carpania-ana did, to read it
        listed = {e["serial"] for e in report["entries"] if e["kind"] == "device"}
        assert listed and listed <= own and report["alarms"] == 0

        # the thief signs a device with the stolen key and enrols it
        mission_der = certs.der_of((mdir / "mission.pem").read_bytes(), "certificate")
        stolen = open_key((mdir / "mission.key").read_bytes(), v.layout.passphrase,
                          label="corridor-mission").secret
        rogue_seed = certs.new_signing_key()
        now = datetime.now(UTC)
        rogue = certs.issue_device_certificate(
            mission_der, stolen, public_key=certs.public_key_of(rogue_seed),
            delegate_id="mole", display_name="Mole", not_before=now - timedelta(minutes=1),
            not_after=now + timedelta(days=30))

        async def enrol() -> None:
            t = HttpTransport(v.layout.relay_url, rogue_seed)
            try:
                await t.register([rogue, mission_der])
            finally:
                await t.close()

        asyncio.run(enrol())
        code, report = monitor(mdir, home, capsys)
        assert code == 1
        alarms = [e for e in report["entries"] if e["alarm"]]
        assert [a["serial"] for a in alarms] == [certs.certificate_serial(rogue)]
        assert "not issued by this mission" in alarms[0]["alarm"]
        assert "Mole" in alarms[0]["subject"]

        # text output names it too
        assert pki.main(["mission", "monitor", "--mission-cert", str(mdir / "mission.pem"),
                         "--home", str(home)]) == 1
        assert "ALARM" in capsys.readouterr().out

        # --home before the command (as every other command takes it), or CORRIDOR_HOME
        from demo.cli import main as corridor

        assert corridor(["--json", "--home", str(home), "mission", "monitor",
                         "--mission-cert", str(mdir / "mission.pem")]) == 1
        assert json.loads(capsys.readouterr().out)["alarms"] == 1
        monkeypatch.setenv("CORRIDOR_HOME", str(home))
        assert corridor(["mission", "monitor", "--mission-cert",
                         str(mdir / "mission.pem")]) == 1
        assert "ALARM" in capsys.readouterr().out
    finally:
        asyncio.run(v.close())
        v.relay.stop()
