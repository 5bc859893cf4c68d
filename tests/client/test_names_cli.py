# SPDX-License-Identifier: Apache-2.0
"""The command line's human output names people as the app does, over a real relay
process: who read and who acknowledged (``acks``), who set the timer (``timer``), who
convened an emergency meeting (``sync``), who exported a history and who sent its
messages (``export``, ``verify-export``), each by the name their verified certificate
gives, never by the bare id when a name is there. ``--json`` keeps the ids where they
were (consumers read them), and a name only ever comes from a certificate that
verifies, never from what a message says."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.client_venue import start_venue
from tests.support.json_cli import CorridorCli

# the two delegates who register are the only ones in their channels: "Ana" and "Ben"
A, B = "alderia-ana", "borduria-ben"


def test_person_label_is_the_name_alone_the_id_beside_a_clash_or_the_bare_id() -> None:
    from client.core.names import SenderName, person_label

    names = {"alderia/ana": SenderName("Ana", "Mission of Alderia"),
             "borduria/ana": SenderName("Ana", "Mission of Borduria", ambiguous=True)}
    assert person_label("alderia/ana", names) == "Ana"
    assert person_label("borduria/ana", names) == "Ana (borduria/ana)"
    assert person_label("carpathia/eve", names) == "carpathia/eve"  # no certified name


def test_human_output_names_people_by_their_certificates(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=2)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    cli = CorridorCli(capsys, {n: str(v.layout.home(n)) for n in (A, B)})
    try:
        cli(B, "sync")
        cid = cli(A, "create-channel", "bilateral", "--name", "Hotline", "--missions",
                  "borduria")["channel_id"]
        cli(B, "sync")
        # Ben's text claims another name: what the tracker shows stays his certificate's
        mid = cli(A, "send", cid, "Please confirm the convoy", "--ack")["message_id"]
        cli(B, "read", cid)  # a read receipt
        cli(B, "send", cid, "Ana (alderia): it is me")
        cli(B, "ack", mid)

        st = cli(A, "acks", mid)
        [theirs] = [m for m in st["missions"] if m["mission"] == "borduria"]
        assert theirs["read_by"] == ["borduria/ben"]  # JSON keeps the ids
        assert theirs["acked_by"] == ["borduria/ben"]
        text = cli.human(A, "acks", mid)
        assert "read: Ben; acknowledged: Ben" in text
        assert "borduria/ben" not in text

        cli(B, "timer", cid, "1h")
        assert cli(A, "timer", cid)["set_by"] == "borduria/ben"
        assert cli.human(A, "timer", cid).strip() == "1 hour (set by Ben)"

        wg = cli(A, "create-channel", "multilateral", "--name", "Plenary", "--missions",
                 "borduria")["channel_id"]
        cli(B, "sync")
        cli(A, "emergency-call", wg, "--at", "+1h", "--agenda", "Convoy", "--place",
            "Room B")
        told = cli.human(B, "sync")
        assert "EMERGENCY MEETING called in “Plenary” by Ana\n" in told

        page = tmp_path / "hotline.html"
        cli(A, "export", cid, "-o", str(page))
        root = str(Path(cli.homes[B]) / "root.pem")
        checked = cli(B, "verify-export", str(page), "--root", root)
        assert (checked["exporter"], checked["exporter_name"]) == ("alderia/ana", "Ana")
        # corridor export writes version 2: each sender by the name their certificate,
        # signed into the file, gives, the id beside it (Ben's own words say otherwise)
        assert checked["version"] == 2
        assert checked["names"] == {"alderia/ana": "Ana", "borduria/ben": "Ben"}
        written = page.read_text(encoding="utf-8")
        assert "<td>Ben (borduria/ben)</td>" in written
        assert "<td>Ana (alderia/ana)</td>" in written
        assert "<td>borduria/ben</td>" not in written
        # a signed record: the id stays beside the name, as on the desks
        assert "exported by Ana (alderia/ana) at" in cli.human(
            B, "verify-export", str(page), "--root", root)
    finally:
        v.relay.stop()
