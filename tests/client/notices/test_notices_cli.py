# SPDX-License-Identifier: Apache-2.0
"""The notices command line over the real relay, every command with --json: notice
new, amend, cancel, list (with CSV and iCalendar); aid request, offer, accept, deliver,
board; exchange due, submit, status; template publish, list, use; and a malformed form
refused with a clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.client_venue import start_venue
from tests.support.json_cli import CorridorCli
from tests.support.pdf_pages import pages

A, B = "alderia-ana", "borduria-ana"


def test_notices_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str],
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
        row = run(B, "notice new", cid, "--name", "Shield", "--start", "+2h", "--end",
                  "+50h", "--area", "coast", "--lat", "54.5", "--lon", "18.6", "--force",
                  "troops=3000", "--marking", "restricted")
        nid = row["notice_id"]
        assert (row["status"], row["marking"]) == ("notified", "RESTRICTED")
        assert run(B, "notice amend", nid[:8], "--force", "troops=4000", "--reason",
                   "bigger")["status"] == "amended"
        assert run(B, "notice cancel", nid[:8])["status"] == "cancelled"
        csv, ics, pdf = tmp_path / "reg.csv", tmp_path / "reg.ics", tmp_path / "reg.pdf"
        [listed] = run(A, "notice list", "--mission", "borduria", "--csv", str(csv),
                       "--ics", str(ics), "--pdf", str(pdf))
        printed = pages(pdf.read_bytes())
        assert printed and all(p.at_top("RESTRICTED") and p.at_bottom("RESTRICTED")
                               for p in printed)
        assert [h["action"] for h in listed["history"]] == ["new", "amend", "cancel"]
        assert listed["forces"] == [["troops", 4000]]
        assert "RESTRICTED" in csv.read_text() and b"STATUS:CANCELLED" in ics.read_bytes()
        bad = run(B, "notice new", cid, "--name", "X", "--start", "+5h", "--end", "+1h",
                  ok=False)
        assert "must end after it starts" in json.dumps(bad)

        board = run(A, "aid request", cid, "--line", "water=1000:litres", "--line",
                    "tents=50", "--location", "Riverside", "--urgency", "flash")
        rid = board["id"]
        oid = run(B, "aid offer", rid[:8], "1", "1000")["id"]
        run(A, "aid accept", rid[:8], oid[:8])
        run(B, "aid deliver", rid[:8], oid[:8])
        final = run(A, "aid board")
        assert [ln["state"] for ln in final["board"][0]["lines"]] == ["delivered",
                                                                      "requested"]
        assert final["unmet"] == {"tents": 50} == run(B, "aid board")["unmet"]
        # who offered, as their certificate names them (JSON keeps the id)
        assert final["board"][0]["lines"][0]["offers"][0]["by"] == "borduria/ana"
        assert f"offer {oid[:12]} Ana (borduria/ana) 1000 delivered" in run.human(
            A, "aid board")
        assert "quantity of line 1 (tents) must be positive" in json.dumps(
            run(A, "aid request", cid, "--line", "tents=0", ok=False))

        run(A, "exchange due", cid, "2027", "--by", "+1h")
        run(A, "exchange submit", cid, "2027", "holdings")
        st = run(B, "exchange status", "2027")
        assert {r["mission"]: r["late"] for r in st["missions"]} == {"alderia": False,
                                                                     "borduria": False}

        run(A, "template publish", cid, "ship-incident", "--title", "Incident at sea",
            "--field", "ship", "--field", "intent")
        assert [t["template_id"] for t in run(B, "template list")] == ["ship-incident"]
        run(B, "template use", cid, "ship-incident", "ship=Aurora", "intent=transit")
        assert "fill in intent" in json.dumps(
            run(B, "template use", cid, "ship-incident", "ship=Aurora", ok=False))
    finally:
        v.relay.stop()
