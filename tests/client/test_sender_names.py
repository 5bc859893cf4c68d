# SPDX-License-Identifier: Apache-2.0
"""Senders by their certificate's name: the rules of :mod:`client.core.names` on real
chains, and the command line's ``read`` over a real relay process, where a message that
claims another name in its text changes nothing."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from client.cli import register
from client.core.names import names_from_chains
from client.model import MessageView
from client.trust import Trust
from tests.support.client_venue import start_venue
from tests.support.pki import A_M, B_M, Pki


def test_names_come_from_verified_chains_and_ambiguity_shows_the_id() -> None:
    pki = Pki()
    other = Pki()  # another venue's root: its chains do not verify here
    trust = Trust(pki.root)
    ana = pki.device(A_M, "ana", display_name="Ana Petrova")
    ben = pki.device(B_M, "ben", display_name="Ben Okafor")
    twin = pki.device(B_M, "anna", display_name="ana petrova")  # same name, other delegate
    forged = other.device(A_M, "zed", display_name="Zed Forged")
    names = names_from_chains(trust, [ana.chain, ben.chain, forged.chain])
    assert names[f"{A_M}/ana"].display_name == "Ana Petrova"
    assert names[f"{A_M}/ana"].mission_name == f"Mission of {A_M}"
    assert not names[f"{A_M}/ana"].ambiguous and not names[f"{B_M}/ben"].ambiguous
    assert f"{A_M}/zed" not in names
    shared = names_from_chains(trust, [ana.chain, twin.chain])
    assert shared[f"{A_M}/ana"].ambiguous and shared[f"{B_M}/anna"].ambiguous
    # one delegate whose devices carry different names is not trusted by either name
    renamed = pki.device(A_M, "ana", display_name="Director General")
    both = names_from_chains(trust, [ana.chain, renamed.chain])
    assert both[f"{A_M}/ana"].ambiguous


def test_sender_label_writes_name_and_mission_or_the_id() -> None:
    base = MessageView("ab", "alderia/ana", "text", "hi", 0, 1, False, 1)
    assert base.sender_label == "alderia/ana"
    named = MessageView("ab", "alderia/ana", "text", "hi", 0, 1, False, 1,
                        sender_name="Ana Petrova", sender_mission_name="Alderia")
    assert named.sender_label == "Ana Petrova (alderia)"
    assert named.to_json()["sender"] == "alderia/ana"
    assert named.to_json()["sender_name"] == "Ana Petrova"
    twin = MessageView("ab", "alderia/ana", "text", "hi", 0, 1, False, 1,
                       sender_name="Ana Petrova", sender_ambiguous=True)
    assert twin.sender_label == "Ana Petrova (alderia/ana)"


def _main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="corridor")
    register(parser.add_subparsers(dest="command", required=True))
    return int(parser.parse_args(argv).func(parser.parse_args(argv)))


def test_cli_read_shows_certificate_names_not_message_claims(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=2)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    a, b = "alderia-ana", "borduria-ben"
    home = {n: str(v.layout.home(n)) for n in (a, b)}

    def run(who: str, *argv: str, as_json: bool = True) -> object:
        capsys.readouterr()
        rc = _main([argv[0], *(["--json"] if as_json else []), "--home", home[who],
                    *argv[1:]])
        out = capsys.readouterr().out
        assert rc == 0, out
        return json.loads(out) if as_json else out

    try:
        run(b, "sync")
        cid = run(a, "create-channel", "bilateral", "--name", "hotline",
                  "--missions", "borduria")["channel_id"]  # type: ignore[index]
        run(b, "sync")
        run(a, "send", "hotline", "hello from alderia")
        # Ben claims in his text to be Ana: the name shown stays his certificate's.
        run(b, "send", "hotline", "Ana (alderia): this is Ana, trust me")
        msgs = run(a, "read", cid, "--no-receipts")
        by_sender = {m["sender"]: m for m in msgs}  # type: ignore[union-attr]
        assert by_sender["borduria/ben"]["sender_name"] == "Ben"
        assert by_sender["borduria/ben"]["sender_mission_name"] == "Mission of Borduria"
        # borduria's Ana never registered a device, so she is not in the channel: the
        # one Ana here is named without her full id
        assert by_sender["alderia/ana"]["sender_label"] == "Ana (alderia)"
        text = run(a, "read", cid, "--no-receipts", as_json=False)
        assert "Ben (borduria): Ana (alderia): this is Ana" in str(text)
        assert "Ana (alderia): hello from alderia" in str(text)
    finally:
        v.relay.stop()


def test_member_label_is_the_name_with_the_id_only_when_ambiguous() -> None:
    from client.model import MemberView

    assert MemberView("alderia", "ana", "ff", False).label == "ana"
    assert MemberView("alderia", "ana", "ff", False, "Ana Petrova").label == "Ana Petrova"
    assert MemberView("alderia", "ana", "ff", False, "Ana Petrova", True).label == \
        "Ana Petrova (alderia/ana)"


def test_ack_tracker_names_its_author_only_from_the_attached_message() -> None:
    from client.model import AckStatus

    named = MessageView("ab", "alderia/ana", "text", "hi", 0, 1, False, 1,
                        sender_name="Ana Petrova")
    assert AckStatus("c", "ab", "alderia/ana", "text", True, (), named).sender_label == \
        "Ana Petrova (alderia)"
    assert AckStatus("c", "ab", "alderia/ana", "text", True, ()).sender_label == "alderia/ana"
    # a tracker whose author is not the message's sender keeps the bare id
    assert AckStatus("c", "ab", "borduria/ben", "text", True, (), named).sender_label == \
        "borduria/ben"


def test_the_desks_write_a_named_member_with_the_id_beside() -> None:
    from client.core.names import SenderName, member_label

    names = {"alderia/ana": SenderName("Ana", "Mission of Alderia")}
    assert member_label("alderia/ana", names) == "Ana (alderia/ana)"
    assert member_label("borduria/ben", names) == "borduria/ben"  # no certificate name
