# SPDX-License-Identifier: Apache-2.0
"""``--marking`` on the crisis and decisions commands over the real relay: a marked
hotline call, request for explanation, silence text and draft shown marked on the other
mission's command line (JSON and text); a marking above the channel's ceiling refused
with the ``invalid`` JSON error code and a message naming the ceiling."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.client_venue import start_venue
from tests.support.json_cli import CorridorCli

A, B = "alderia-ana", "borduria-ana"


def test_marking_options(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=2)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    run = CorridorCli(capsys, {n: str(v.layout.home(n)) for n in (A, B)})
    try:
        run(B, "sync")
        pair = run(A, "create-channel", "bilateral", "--name", "Hotline", "--missions",
                   "borduria", "--ceiling", "confidential")["channel_id"]
        plenary = run(A, "create-channel", "multilateral", "--name", "Plenary",
                      "--missions", "borduria")["channel_id"]
        run(B, "sync")

        call = run(A, "hotline call", pair, "Troop movement", "--marking",
                   "confidential//bilateral only")
        assert call["marking"] == "CONFIDENTIAL//BILATERAL ONLY"
        err = run(A, "hotline call", pair, "Too high", "--marking", "SECRET", ok=False)
        assert err["error"] == "invalid"
        assert "above the channel's ceiling CONFIDENTIAL" in err["message"]
        req = run(A, "explain request", pair, "--to", "borduria", "--what", "Exercise",
                  "--marking", "RESTRICTED")
        assert req["marking"] == "RESTRICTED"
        # the plenary's ceiling is the venue's default, RESTRICTED
        err = run(A, "silence put", plenary, "Regime", "--text", "x", "--for", "1h",
                  "--marking", "CONFIDENTIAL", ok=False)
        assert err["error"] == "invalid" and "ceiling RESTRICTED" in err["message"]
        put = run(A, "silence put", plenary, "Regime", "--text", "The forum welcomes it.",
                  "--for", "1h", "--marking", "restricted")
        assert put["marking"] == "RESTRICTED"
        doc = run(A, "draft new", plenary, "Statement", "--text", "First.")
        assert doc["marking"] == "UNCLASSIFIED"

        calls = run(B, "hotline calls")
        assert [(c["subject"], c["marking"]) for c in calls] == [
            ("Troop movement", "CONFIDENTIAL//BILATERAL ONLY")]
        assert "[CONFIDENTIAL//BILATERAL ONLY]" in run(B, "hotline calls", "--offline",
                                                       as_json=False)
        asked = run(B, "explain list", "--offline")
        assert [r["marking"] for r in asked] == ["RESTRICTED"]
        procs = run(B, "silence status", "--offline")
        assert [(p["title"], p["marking"]) for p in procs] == [("Regime", "RESTRICTED")]
        assert "[RESTRICTED] Regime" in run(B, "silence status", "--offline",
                                            as_json=False)
        edited = run(B, "draft edit", doc["doc_id"][:10], "--text", "Second.",
                     "--marking", "RESTRICTED")
        assert edited["marking"] == "RESTRICTED"
        run(A, "sync")
        docs = run(A, "draft show", "--offline")
        assert [d["marking"] for d in docs] == ["RESTRICTED"]
    finally:
        v.relay.stop()
