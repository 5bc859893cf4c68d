# SPDX-License-Identifier: Apache-2.0
"""The command line's feature commands, each with --json, over a real relay process."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from client.cli import register
from tests.support.client_venue import start_venue


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="corridor")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))

A, B = "alderia-ana", "borduria-ana"


def test_cli_feature_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=2)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    home = {n: str(v.layout.home(n)) for n in (A, B)}

    def run(who: str, *argv: str) -> object:
        capsys.readouterr()
        rc = main([argv[0], "--json", "--home", home[who], *argv[1:]])
        out = capsys.readouterr().out
        assert rc == 0, out
        return json.loads(out)

    try:
        run(B, "sync")
        created = run(A, "create-channel", "bilateral", "--name", "hotline",
                      "--missions", "borduria")
        cid = created["channel_id"]  # type: ignore[index]
        run(B, "sync")
        sent = run(A, "send", "hotline", "call me back urgently", "--ack")
        mid = sent["message_id"]  # type: ignore[index]
        st = run(A, "acks", mid)
        assert st["pending"] == ["borduria"]  # type: ignore[index]
        msgs = run(B, "read", cid)
        assert [m["text"] for m in msgs] == ["call me back urgently"]  # type: ignore[union-attr]
        run(B, "ack", mid[:10])
        reply = run(B, "send", "hotline", "calling now", "--reply-to", mid)
        st = run(A, "acks", mid)
        assert st["pending"] == []  # type: ignore[index]
        assert st["missions"][1]["acked_by"] == ["borduria/ana"]  # type: ignore[index]
        run(A, "edit", mid, "call me back (edited)")
        run(A, "react", reply["message_id"], "+1")  # type: ignore[index]
        f = tmp_path / "note.txt"
        f.write_text("attached note")
        att = run(A, "send", "hotline", "see note", "--attach", str(f))
        got = run(B, "fetch-attachment", att["message_id"])  # type: ignore[index]
        assert Path(got["path"]).read_text() == "attached note"  # type: ignore[index]
        hits = run(B, "search", "edited")
        assert [h["message_id"] for h in hits] == [mid]  # type: ignore[union-attr]
        assert run(B, "search", "urgently") == []
        msgs = run(B, "read", cid, "--no-receipts")
        by_id = {m["message_id"]: m for m in msgs}  # type: ignore[union-attr]
        assert by_id[mid]["edited"] and by_id[reply["message_id"]]["reactions"] == {  # type: ignore[index]
            "+1": ["alderia/ana"]}
        assert by_id[reply["message_id"]]["reply_to"] == mid  # type: ignore[index]
        run(A, "redact", att["message_id"])  # type: ignore[index]
        run(B, "sync")
        assert not Path(got["path"]).exists()  # type: ignore[index]
        run(A, "timer", cid, "3600")
        assert run(B, "timer", cid) == {"seconds": 3600, "set_by": "alderia/ana"}
    finally:
        v.relay.stop()


def test_cli_chair_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=2)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    chair = str(v.layout.home(v.layout.chair))
    other = str(v.layout.home(B if v.layout.chair != B else A))

    def run(h: str, *argv: str) -> object:
        capsys.readouterr()
        rc = main([argv[0], "--json", "--home", h, *argv[1:]])
        out = capsys.readouterr().out
        assert rc == 0, out
        return json.loads(out)

    try:
        run(other, "sync")
        cid = run(chair, "create-channel", "notice", "--name", "Notices", "--missions",
                  *v.layout.missions)["channel_id"]  # type: ignore[index]
        run(chair, "pin", cid, "Agenda", "--body", "1. Opening")
        call = run(chair, "emergency-call", cid, "--at", "2030-01-01T09:00",
                   "--place", "Room 3", "--agenda", "Incident")
        st = run(chair, "acks", call["message_id"])  # type: ignore[index]
        assert len(st["pending"]) == 1  # type: ignore[index]
        run(other, "sync")
        run(chair, "pin", cid, "Agenda (revised)")
        pinned = run(other, "pin", cid)
        assert pinned["text"] == "Agenda (revised)"  # type: ignore[index]
        run(other, "ack", call["message_id"])  # type: ignore[index]
        assert run(chair, "acks", call["message_id"])["pending"] == []  # type: ignore[index]
    finally:
        v.relay.stop()
