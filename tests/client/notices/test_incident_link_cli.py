# SPDX-License-Identifier: Apache-2.0
"""``notice incident --explains``, ``notice link`` and ``notice incidents`` over the real
relay with --json: the link is shown from the incident (``notice incidents``) and from
the request (``explain list``); a link to a request the device does not hold is refused
with a clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.client_venue import start_venue
from tests.support.json_cli import CorridorCli

A, B = "alderia-ana", "borduria-ana"


def test_incident_link_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=2)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    home = {n: str(v.layout.home(n)) for n in (A, B)}

    run = CorridorCli(capsys, home)

    try:
        run(B, "sync")
        cid = run(A, "create-channel", "multilateral", "--name", "Plenary", "--missions",
                  "borduria")["channel_id"]
        run(B, "sync")
        rid = run(A, "explain request", cid, "--to", "borduria", "--what",
                  "ships in the strait")["request_id"]
        run(B, "sync")
        bad = run(B, "notice incident", cid, "--at", "+1m", "--lat", "40", "--lon", "20",
                  "--what", "x", "--explains", "abcdef12", ok=False)
        assert "no single request for explanation" in json.dumps(bad)
        iid = run(B, "notice incident", cid, "--at", "+1m", "--lat", "40", "--lon", "20",
                  "--what", "close pass")["incident_id"]
        [row] = run(B, "notice link", iid[:8], rid[:8])
        assert (row["incident_id"], row["explains"]) == (iid, rid)
        assert row["request"]["what"] == "ships in the strait"
        [seen] = run(A, "notice incidents", "--request", rid[:8])
        assert seen["incident_id"] == iid and seen["request"]["to_mission"] == "borduria"
        # the requester as their certificate names them (JSON keeps the id)
        assert seen["request"]["requester"] == "alderia/ana"
        assert f"explains {rid[:12]} (Ana (alderia/ana) to borduria: ships in the strait)" \
            in run.human(A, "notice incidents", "--request", rid[:8])
        [req] = run(A, "explain list")
        assert req["incidents"] == [iid]
    finally:
        v.relay.stop()
