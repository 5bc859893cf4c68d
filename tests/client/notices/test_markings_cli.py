# SPDX-License-Identifier: Apache-2.0
"""Markings on the command line over the real relay: ``create-channel --ceiling``,
``send --marking``, and ``channels`` / ``read`` showing the ceiling and each marking."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from client._cli import Parser, run_guarded
from client.cli import register as register_client
from tests.support.client_venue import start_venue

A, B = "alderia-ana", "borduria-ana"


def main(argv: list[str]) -> int:
    p = Parser(prog="corridor")
    p.add_argument("--json", action="store_true")
    register_client(p.add_subparsers(dest="command", required=True))
    args = p.parse_args(argv)
    return run_guarded(args.func, args)


def test_markings_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=2)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    home = {n: str(v.layout.home(n)) for n in (A, B)}

    def run(who: str, *argv: str, ok: bool = True, as_json: bool = True) -> Any:
        capsys.readouterr()
        rc = main([*argv[0].split(), *(["--json"] if as_json else []), "--home", home[who],
                   *argv[1:]])
        out, err = capsys.readouterr()
        assert (rc == 0) is ok, out + err
        return json.loads(out.strip().splitlines()[-1]) if as_json and ok else out + err

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
