# SPDX-License-Identifier: Apache-2.0
"""A signed export names a sender who has since left the channel, by the certificate
chain their leaf carried when this device saw them go, and, once this device has been
removed itself, names everyone it left behind; each chain still has to verify at the
export's time (the rules of tests/client/test_export_names.py). The app and the command
line both export through :func:`client.history_export.export_from`."""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path

import pytest

from client._cli import run_guarded
from client.cli import register
from client.history_export import export_from, verify_export
from crypto import certs
from tests.support.client_venue import Venue, start_venue

A, B, C = "alderia-ana", "borduria-ana", "carpania-ana"


def _cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="corridor")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return run_guarded(args.func, args)


def _now() -> int:
    return int(time.time() * 1000)


def _senders(page: str, root: bytes) -> dict[str, str]:
    x = verify_export(page, root)
    return {m.sender: x.label(m.sender) for m in x.messages}


async def _scenario(v: Venue, root: bytes) -> dict[str, str]:
    """Carpania speaks, then is removed; returns the labels while it was a member."""
    a, b, c = v.client(A), v.client(B), v.client(C)
    try:
        await v.sync_all(1)
        cid = await a.create_channel("multilateral", "Working group",
                                     ["borduria", "carpania"])
        await v.sync_all()
        await c.send_text(cid, "Carpania reserves its position.")
        await b.send_text(cid, "Noted.")
        await v.sync_all()
        before = _senders(export_from(a, cid, _now())[0], root)
        assert before["carpania/ana"].endswith("(carpania/ana)") and \
            before["carpania/ana"] != "carpania/ana"  # named while a member

        await a.change_roster(cid, remove_missions=["carpania"])
        await v.sync_all()
        assert "carpania" not in next(ch for ch in a.channels()
                                      if ch.channel_id == cid).missions
        for who in (a, b):  # every remaining member, not just the one who removed them
            named = _senders(export_from(who, cid, _now())[0], root)
            assert named["carpania/ana"] == before["carpania/ana"], named
            assert named["borduria/ana"] == before["borduria/ana"]
        # the removed device itself: its own history still names those it left behind
        left = _senders(export_from(c, cid, _now())[0], root)
        assert left == before, left
        return before
    finally:
        await v.close()


def test_former_members_keep_their_names_in_an_export(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=3)
    try:
        root = certs.der_of((v.layout.home(A) / "root.pem").read_bytes(), "certificate")
        before = asyncio.run(_scenario(v, root))
        # the same through the command line
        monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
        monkeypatch.chdir(tmp_path)
        capsys.readouterr()
        assert _cli(["export", "--json", "--home", str(v.layout.home(B)),
                     "Working group"]) == 0
        out = json.loads(capsys.readouterr().out)
        page = Path(str(out["file"])).read_text(encoding="utf-8")
        assert f"<td>{before['carpania/ana']}</td>" in page
    finally:
        v.relay.stop()
