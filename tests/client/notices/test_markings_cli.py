# SPDX-License-Identifier: Apache-2.0
"""Markings on the command line over the real relay: ``create-channel --ceiling``,
``send --marking``, and ``channels`` / ``read`` showing the ceiling and each marking."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.client_venue import start_venue
from tests.support.json_cli import CorridorCli

A, B = "alderia-ana", "borduria-ana"


def test_markings_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=2)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    home = {n: str(v.layout.home(n)) for n in (A, B)}

    run = CorridorCli(capsys, home)

    try:
        run(B, "sync")
        made = run(A, "create-channel", "bilateral", "--name", "Pair", "--missions",
                   "borduria", "--ceiling", "confidential")
        assert made["ceiling"] == "CONFIDENTIAL"
        cid = made["channel_id"]
        run(A, "send", cid, "marked", "--marking", "confidential//bilateral only")
        err = run(A, "send", cid, "too high", "--marking", "SECRET", ok=False,
                  as_json=False)
        assert "above the channel's ceiling CONFIDENTIAL" in err
        run(B, "sync")
        chans = run(B, "channels")
        assert [c["ceiling"] for c in chans if c["channel_id"] == cid] == ["CONFIDENTIAL"]
        msgs = run(B, "read", cid)
        assert [(m["text"], m["marking"]) for m in msgs] == [
            ("marked", "CONFIDENTIAL//BILATERAL ONLY")]
        text = run(B, "read", cid, as_json=False)
        # the marking leads the line, before the sender as its certificate names it
        assert "[CONFIDENTIAL//BILATERAL ONLY] Ana (alderia/ana): marked" in text
        assert "ceiling CONFIDENTIAL" in run(B, "channels", as_json=False)
    finally:
        v.relay.stop()
