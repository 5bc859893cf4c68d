# SPDX-License-Identifier: Apache-2.0
"""The crisis command line over the real relay, every workflow with --json: hotline
call, calls, ack, log and verify-log; duty sign, publish, show; explain request, list,
reply; meeting call, attend, tally, propose, accept, proposals; available."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.client_venue import start_venue
from tests.support.json_cli import CorridorCli

A, B = "alderia-ana", "borduria-ana"


def test_crisis_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=2)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    home = {n: str(v.layout.home(n)) for n in (A, B)}

    run = CorridorCli(capsys, home)
    human = run.human

    try:
        run(B, "sync")
        cid = run(A, "create-channel", "bilateral", "--name", "Hotline", "--missions",
                  "borduria")["channel_id"]
        run(B, "sync")
        call = run(A, "hotline call", cid, "Convoy stopped at the crossing", "--priority",
                   "urgent", "--body", "Please confirm the convoy's status.")
        call_id = call["call_id"]
        assert call["reply_by"] - call["sent_at"] == 3_600_000
        [theirs] = run(B, "hotline calls")
        assert theirs["call_id"] == call_id and theirs["ladder"]["state"] == "delivered"
        # the caller as their certificate names them (both delegates are "Ana": the id
        # beside the name tells them apart); JSON keeps the id and adds the label
        assert theirs["caller"] == "alderia/ana"
        assert theirs["caller_label"] == "Ana (alderia/ana)"
        assert "Ana (alderia/ana) -> borduria: Convoy stopped at the crossing" in \
            human(B, "hotline calls", "--offline")
        acked = run(B, "hotline ack", call_id[:10])
        assert acked["ladder"]["state"] == "acknowledged"
        assert acked["already_acknowledged"] is False
        again = run(B, "hotline ack", call_id[:10])  # nothing more is sent, and it says so
        assert again["already_acknowledged"] is True
        [ours] = run(A, "hotline calls")
        assert ours["escalation"]["summary"] == "acknowledged"
        assert [r["rung"] for r in ours["ladder"]["rungs"]] == ["delivered", "acknowledged"]
        log, page = tmp_path / "hotline.log", tmp_path / "hotline.html"
        assert run(A, "hotline log", "--out", str(log), "--html", str(page))["calls"] == 1
        checked = run(A, "verify-log", str(log))
        assert checked["verified"] is True
        assert "Convoy stopped" in page.read_text()

        req = run(A, "explain request", cid, "--to", "borduria", "--what",
                  "Unannounced exercise", "--where", "Sector 4", "--deadline", "1h")
        rid = req["request_id"]
        [row] = run(B, "explain list")
        assert row["state"] == "sent" and row["what"] == "Unannounced exercise"
        assert row["requester"] == "alderia/ana"
        assert row["requester_label"] == "Ana (alderia/ana)"
        assert "Ana (alderia/ana) -> borduria: Unannounced exercise" in \
            human(B, "explain list", "--offline")
        run(B, "explain reply", rid[:10], "A scheduled drill.")
        [row] = run(A, "explain list")
        assert row["state"] == "replied" and not row["late"]
        refused = run(A, "explain reply", rid[:10], "not ours", ok=False)
        assert refused["error"] == "invalid"

        wg = run(A, "create-channel", "multilateral", "--name", "Working group",
                 "--missions", "borduria")["channel_id"]
        run(B, "sync")
        mid = run(A, "meeting call", wg, "--at", "+1h", "--agenda", "The convoy",
                  "--place", "Room 3")["message_id"]
        run(A, "meeting attend", wg, mid, "--answer", "in-person")
        run(B, "meeting attend", wg, mid, "--answer", "represented", "--by",
            "Ambassador of Alderia")
        t_a, t_b = run(A, "meeting tally", wg, mid), run(B, "meeting tally", wg, mid)
        assert t_a == t_b and t_a["not_answered"] == []
        assert t_a["counts"]["represented"] == 1

        pid = run(B, "meeting propose", cid, "--at", "+2h", "--place", "Café",
                  "--agenda", "The convoy")["proposal_id"]
        run(A, "meeting accept", pid[:10])
        [prop] = run(B, "meeting proposals")
        assert prop["answers"] == {"alderia/ana": True} and prop["by"] == "borduria/ana"
        shown = human(B, "meeting proposals", "--offline")
        assert "Ana (borduria/ana) proposes" in shown
        assert "[Ana (alderia/ana) accepts]" in shown
        told = run(A, "available", "--to", "borduria", "--for", "30m", "--note", "lounge")
        assert told["told"] == ["borduria"]

        spec = tmp_path / "roster.json"
        spec.write_text(json.dumps({"mission": "borduria", "revision": 1,
                                    "deputy": "borduria/ana", "head": "borduria/ana",
                                    "disclose_on_duty": True,
                                    "shifts": [{"starts_at": "+0s", "ends_at": "+8h",
                                                "on_duty": ["borduria/ana"]}]}))
        signed = tmp_path / "roster.signed"
        key = v.layout.data_dir / "missions" / "borduria" / "mission.key"
        run(None, "duty sign", str(spec), "--key", str(key), "--out", str(signed))
        own = run(B, "create-channel", "multilateral", "--name", "Borduria desk",
                  "--missions", "borduria")["channel_id"]
        run(B, "duty publish", own, str(signed))
        shown = run(B, "duty show")
        assert shown["on_duty"] == ["borduria/ana"] and shown["revision"] == 1
        # who is on duty, the deputy and the head as their certificates name them
        assert "on duty now: Ana (borduria/ana); deputy Ana (borduria/ana); head of " \
            "mission Ana (borduria/ana) (revision 1)" in human(B, "duty show")
        # the other side sees only whether someone is on duty, never who
        theirs = run(A, "duty show")
        assert theirs == {"others": {"borduria": True}}
    finally:
        v.relay.stop()
