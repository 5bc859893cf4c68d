# SPDX-License-Identifier: Apache-2.0
"""The decisions command line over the real relay, every command with --json: silence
put, break, status (the other side acknowledges), withdraw, revise, export, and
verify-decision; draft new, edit, diff, comment, sign-off, lock, show, export, and the
exported PDF checked against its record offline, also after it travelled as an
attachment."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.client_venue import start_venue
from tests.support.json_cli import CorridorCli

A, B = "alderia-ana", "borduria-ana"


def test_decision_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=2)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    monkeypatch.setenv("CORRIDOR_VENUE_TZ", "Europe/Vienna")
    home = {n: str(v.layout.home(n)) for n in (A, B)}

    run = CorridorCli(capsys, home)
    human = run.human

    try:
        run(B, "sync")
        cid = run(A, "create-channel", "multilateral", "--name", "Plenary drafting",
                  "--missions", "borduria")["channel_id"]
        run(B, "sync")
        put = run(A, "silence put", cid, "Notification regime", "--text",
                  "The forum welcomes the regime.", "--for", "2h")
        proc = put["proc_id"]
        assert put["deadline"] - put["put_at"] == 7_200_000 and put["state"] == "under silence"
        refused = run(B, "silence put", cid, "Rival", "--text", "x", "--for", "1h", ok=False)
        assert "chair" in refused["message"]
        brk = run(B, "silence break", proc[:10], "Instructions awaited")
        assert brk["breaks"][0]["member"] == "borduria/ana"
        st = run(A, "silence status", proc[:10])  # Alderia acknowledges the break
        assert st["breaks"][0]["reason"] == "Instructions awaited"
        st = run(B, "silence status", proc[:10])
        assert st["breaks"][0]["confirmed"] is True and st["alerts"] == []
        # members as their certificates name them, the id beside (both are "Ana")
        lines = human(B, "silence status", proc[:10], "--offline")
        assert "(revision 1, by Ana (alderia/ana)): under silence until" in lines
        assert "; broken so far by Ana (borduria/ana)\n" in lines
        assert "break by Ana (borduria/ana) at" in lines
        wd = run(B, "silence withdraw", proc[:10])
        assert wd["breaks"][0]["withdrawn_at"] is not None
        rev = run(A, "silence revise", proc[:10], "--text", "The forum welcomes it warmly.")
        assert rev["revision"] == 2 and rev["breaks"] == []
        listed = run(B, "silence status")
        assert [p["revision"] for p in listed] == [2]
        out = str(tmp_path / "outcome.corridor")
        assert run(B, "silence export", proc[:10], "--out", out)["state"] == "under silence"
        checked = run(None, "verify-decision", out, "--root",
                      str(v.layout.relay_dir / "root.pem"))
        assert checked["verified"] and checked["outcome"]["revision"] == 2
        bad = bytearray(Path(out).read_bytes())
        bad[-5] ^= 1
        Path(out).write_bytes(bytes(bad))
        assert run(None, "verify-decision", out, "--root", str(v.layout.relay_dir / "root.pem"),
                   ok=False)["verified"] is False
        # the exported outcome's breakers as their certificates name them
        run(B, "silence break", proc[:10], "Still awaited")
        assert "broken so far by Ana (borduria/ana)) written to" in human(
            B, "silence export", proc[:10], "--out", str(tmp_path / "broken.corridor"))

        doc = run(A, "draft new", cid, "Joint statement", "--text",
                  "First paragraph.\n\nSecond paragraph.")["doc_id"]
        run(B, "sync")
        ed = run(B, "draft edit", doc[:10], "--text", "First paragraph.\n\nSecond, amended.")
        assert ed["version"] == 2
        diff = run(A, "draft diff", doc[:10], "1", "2")["diff"]
        assert "-Second paragraph." in diff and "+Second, amended." in diff
        run(A, "draft comment", doc[:10], "2", "Fine by us")
        run(A, "draft sign-off", doc[:10], "--version", "2")
        shown = run(B, "draft sign-off", doc[:10])
        assert shown["summary"] == "agreed by 2 of 2 missions at version 2"
        one = run(A, "draft show", doc[:10])
        assert one["comments"][0]["paragraph"] == 1 and one["summary"].startswith("agreed by 2")
        assert one["comments"][0]["member"] == "alderia/ana"  # JSON keeps the id
        assert "   [Ana (alderia/ana)] Fine by us" in human(B, "draft show", doc[:10],
                                                         "--offline")
        assert run(B, "draft lock", doc[:10])["released"] is False
        stem = tmp_path / "statement"
        exported = run(A, "draft export", doc[:10], "--out", str(stem), "--attach")
        files = exported["files"]
        assert sorted(Path(f).suffix for f in files) == [".corridor", ".docx", ".pdf"]
        # the files travel as ordinary attachments (their encryption and hash checks)
        got = tmp_path / "received"
        got.mkdir()
        for mid in exported["attachments"]:
            run(B, "fetch-attachment", mid, "--out", str(got))
        assert sorted(p.name for p in got.iterdir()) == [
            "statement.corridor", "statement.docx", "statement.pdf"]
        assert run(None, "verify-decision", str(got / "statement.corridor"), "--file",
                   str(got / "statement.pdf"), "--root",
                   str(v.layout.relay_dir / "root.pem"))["verified"]
        ok = run(None, "verify-decision", f"{stem}.corridor", "--file", f"{stem}.pdf",
                 "--file", f"{stem}.docx", "--root", str(v.layout.relay_dir / "root.pem"))
        assert ok["document"]["summary"] == "agreed by 2 of 2 missions at version 2"
        pdf = bytearray(Path(f"{stem}.pdf").read_bytes())
        pdf[100] ^= 1
        Path(f"{stem}.pdf").write_bytes(bytes(pdf))
        no = run(None, "verify-decision", f"{stem}.corridor", "--file", f"{stem}.pdf",
                 "--root", str(v.layout.relay_dir / "root.pem"), ok=False)
        assert "differs" in no["reason"]
    finally:
        v.relay.stop()
