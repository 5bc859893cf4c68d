# SPDX-License-Identifier: Apache-2.0
"""A desk command whose item is stored and queued but not taken by the relay (stopped,
or answering 503 to sends) succeeds and says ``queued``, as ``corridor send`` does: a
delegate who read "failed" would send it again and the venue would see it twice. Each
case then lets the relay back and checks the item arrives exactly once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.client_venue import small_venue
from tests.support.json_cli import CorridorCli, corridor_main

A, B = "alderia-ana", "borduria-ana"
QUEUED_WORDS = "do not send it again"


def _venue(tmp_path: Path, capsys: pytest.CaptureFixture[str],
           monkeypatch: pytest.MonkeyPatch, *, faulty: bool):
    v, flag = small_venue(tmp_path, faulty=faulty)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    return v, flag, CorridorCli(capsys, {n: str(v.layout.home(n)) for n in (A, B)})


def _channels(cli: CorridorCli) -> tuple[str, str]:
    """A multilateral and a bilateral channel of both missions, known to both."""
    cli(B, "sync")
    multi = cli(A, "create-channel", "multilateral", "--name", "Plenary", "--missions",
                "borduria")["channel_id"]
    bi = cli(A, "create-channel", "bilateral", "--name", "Hotline", "--missions",
             "borduria")["channel_id"]
    cli(B, "sync")
    return multi, bi


def test_notice_refused_503_after_it_is_stored_is_queued_then_arrives_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    v, flag, cli = _venue(tmp_path, capsys, monkeypatch, faulty=True)
    try:
        multi, _bi = _channels(cli)
        sent = cli(B, "notice new", multi, "--name", "Sent", "--start", "+1h", "--end", "+2h")
        assert (sent["delivery"], sent["status"]) == ("sent", "notified")

        flag.write_text("503")  # every send refused as busy; catch-up still answers
        row = cli(B, "notice new", multi, "--name", "Shield", "--start", "+2h", "--end",
                  "+5h")
        # the record's own status is untouched; the delivery is said beside it
        assert (row["status"], row["delivery"], row["queued"]) == ("notified", "queued", 1)
        text = cli(B, "aid request", multi, "--line", "water=10", as_json=False)
        assert "queued: the relay is busy" in text and QUEUED_WORDS in text
        assert "failed" not in text and "error" not in text

        flag.unlink()
        assert cli(B, "sync") is not None
        names = [r["name"] for r in cli(A, "notice list")]
        assert sorted(names) == ["Sent", "Shield"]  # once each, never twice
        assert len(cli(A, "aid board")["board"]) == 1
    finally:
        v.relay.stop()


def test_desk_commands_with_the_relay_stopped_are_queued_not_failed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    v, _flag, cli = _venue(tmp_path, capsys, monkeypatch, faulty=False)
    try:
        multi, bi = _channels(cli)
        v.relay.stop()
        # notices: the trailing sync used to fail here (exit 1) after "notified"
        row = cli(B, "notice new", multi, "--name", "Shield", "--start", "+2h", "--end",
                  "+5h")
        assert (row["status"], row["delivery"]) == ("notified", "queued")
        # a command whose JSON is a list says it in a JSON note on stderr
        capsys.readouterr()
        assert corridor_main(["template", "publish", "--json", "--home", cli.homes[A],
                              multi, "ship", "--title", "Ship", "--field", "ship"]) == 0
        out, err = capsys.readouterr()
        assert [t["template_id"] for t in json.loads(out.splitlines()[-1])] == ["ship"]
        note = json.loads(err.strip().splitlines()[-1])
        assert (note["note"], note["delivery"], note["queued"]) == ("queued", "queued", 1)
        text = cli(B, "exchange submit", multi, "2027", "holdings", as_json=False)
        assert "queued: the relay cannot be reached" in text and QUEUED_WORDS in text
        # the crisis and decisions desks: no longer "sent" while the item waits
        call = cli(A, "hotline call", bi, "Convoy stopped")
        assert (call["delivery"], call["queued"]) == ("queued", 2)  # with the template
        put = cli(A, "silence put", multi, "Regime", "--text", "Welcome.", "--for", "2h")
        assert put["delivery"] == "queued" and put["queued"] == 3
        # a reading command writes nothing: no delivery is claimed
        assert "delivery" not in cli(A, "silence status", proc := put["proc_id"])

        v.relay.start()
        cli(A, "sync")
        cli(B, "sync")
        assert [r["name"] for r in cli(A, "notice list")] == ["Shield"]
        [theirs] = cli(B, "hotline calls")
        assert theirs["call_id"] == call["call_id"]
        assert cli(B, "silence status", proc)["proc_id"] == proc
        st = cli(A, "exchange status", "2027")
        assert [r["mission"] for r in st["missions"] if r["submitted_at"]] == ["borduria"]
        assert [t["template_id"] for t in cli(B, "template list")] == ["ship"]
        assert cli(A, "sync")["outbox"] == cli(B, "sync")["outbox"] == 0
    finally:
        v.relay.stop()
