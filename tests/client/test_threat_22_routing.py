# SPDX-License-Identifier: Apache-2.0
"""THREATS 22 over a real relay process: a member cut off from routing (here by editing
the relay's database, as a malicious relay or an insider at its host would) sees a
warning within one sync, in the core, in ``corridor channels`` and ``corridor status``;
the honest members see the relay's routing miss a device; the warning persists across a
restart until the routing is right again; healthy channels, right after adds and
removes, never warn."""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
from typing import Any

import pytest

from client.cli import register
from client.core import Client
from client.events import RoutingMismatch, RoutingRestored
from tests.support.client_venue import Venue

A, A2, B, B2, C, C2 = ("alderia-ana", "alderia-ben", "borduria-ana", "borduria-ben",
                       "carpania-ana", "carpania-ben")
ALL = (A, A2, B, B2, C, C2)


def _cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="corridor")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


def _db(v: Venue) -> sqlite3.Connection:
    return sqlite3.connect(v.layout.relay_dir / "relay.sqlite3", timeout=30)


def _set_routed(v: Venue, cid: str, device_id: str, routed: bool) -> None:
    """What a malicious relay does: change a member's routing with no commit."""
    gid = bytes.fromhex(cid)
    with _db(v) as db:
        if routed:
            db.execute("UPDATE members SET left_seq = NULL WHERE group_id = ? AND device_id = ?",
                       (gid, device_id))
        else:
            db.execute("UPDATE members SET left_seq = (SELECT last_seq FROM groups WHERE "
                       "group_id = ?) WHERE group_id = ? AND device_id = ?",
                       (gid, gid, device_id))


def _warnings(c: Client) -> dict[str, str]:
    return {ch.channel_id: ch.routing_problem for ch in c.channels() if ch.routing_problem}


def _mismatches(events: list[Any]) -> list[RoutingMismatch]:
    return [e for e in events if isinstance(e, RoutingMismatch)]


async def test_cut_off_member_is_warned_within_one_sync(
    venue: Venue, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    v = venue
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    for n in ALL:
        v.client(n)
    await v.sync_all(1)
    a = v.client(A)
    cid = await a.create_channel("multilateral", "Working group", ["borduria"])
    # healthy, and right after adds and removes: no warning on any device, any sync
    for _round in range(2):
        for n in ALL:
            assert not _mismatches(await v.client(n).sync()), n
    await a.change_roster(cid, add_missions=["carpania"])
    for n in (A, C, C2, B, A2, B2):  # the newcomers sync first, before the others
        assert not _mismatches(await v.client(n).sync()), n
    await a.change_roster(cid, remove_missions=["carpania"])
    for n in (C, A, C2, B, A2, B2):
        assert not _mismatches(await v.client(n).sync()), n
    assert all(not _warnings(v.client(n)) for n in ALL)
    assert any(ch.channel_id == cid and ch.left for ch in v.client(C).channels())

    # the relay stops routing B's device without any commit
    b_dev = v.client(B).device_id
    _set_routed(v, cid, b_dev, False)
    got = _mismatches(await v.client(B).sync())
    assert [(e.channel_id.hex(), e.problem) for e in got] == [(cid, "not_routed")]
    assert _warnings(v.client(B)) == {cid: "not_routed"}
    st = v.client(B).status()
    assert [r["problem"] for r in st["routing"]] == ["not_routed"]
    assert any("no longer delivers this channel" in w for w in st["warnings"])
    # the honest members see a member device the relay does not route
    for n in (A, A2, B2):
        got = _mismatches(await v.client(n).sync())
        assert [(e.problem, e.missing, e.extra) for e in got] == [
            ("mismatch", (b_dev,), ())], n
    # a device outside the channel sees nothing wrong
    assert not _mismatches(await v.client(C).sync())

    # the warning persists: a restart, and the command line, offline and online
    await v.close(B)
    home = str(v.layout.home(B))
    for offline in (["--offline"], []):
        capsys.readouterr()
        assert await asyncio.to_thread(_cli, ["channels", "--json", "--home", home, *offline]) == 0
        chans = json.loads(capsys.readouterr().out)
        assert [c["routing_problem"] for c in chans if c["channel_id"] == cid] == ["not_routed"]
        assert await asyncio.to_thread(_cli, ["status", "--json", "--home", home, *offline]) == 0
        st = json.loads(capsys.readouterr().out)
        assert [r["channel_id"] for r in st["routing"]] == [cid]
        assert st["warnings"]
    assert await asyncio.to_thread(_cli, ["channels", "--home", home, "--offline"]) == 0
    assert "[ROUTING: The relay no longer delivers" in capsys.readouterr().out

    # the relay routes B again: the warning goes, on the next sync
    _set_routed(v, cid, b_dev, True)
    events = await v.client(B).sync()
    assert any(isinstance(e, RoutingRestored) for e in events)
    assert not _warnings(v.client(B))
    events = await v.client(A).sync()
    assert any(isinstance(e, RoutingRestored) for e in events) and not _warnings(v.client(A))

    # the relay routes a device that is no member (C's): the members see it
    c_dev = v.client(C).device_id
    with _db(v) as db:
        db.execute("INSERT INTO members (group_id, device_id, joined_seq, acked_seq) "
                   "VALUES (?, ?, (SELECT last_seq FROM groups WHERE group_id = ?), 0) "
                   "ON CONFLICT (group_id, device_id) DO UPDATE SET left_seq = NULL",
                   (bytes.fromhex(cid), c_dev, bytes.fromhex(cid)))
    got = _mismatches(await v.client(A).sync())
    assert [(e.problem, e.missing, e.extra) for e in got] == [("mismatch", (), (c_dev,))]
    assert "not members" in got[0].detail


async def test_no_warning_for_a_channel_created_while_a_sync_runs(venue: Venue) -> None:
    """A channel exists on the device a moment before the relay has its group: a sync
    running then must not take the relay's 404 for a cut."""
    v = venue
    a = v.client(A)
    await a.sync()
    seen: list[Any] = []
    a.subscribe(lambda e: seen.append(e) if isinstance(e, RoutingMismatch) else None)
    for i in range(4):
        await asyncio.gather(a.sync(), a.create_channel("multilateral", f"race {i}",
                                                        ["borduria"]))
    await a.sync()
    assert seen == [] and not _warnings(a)
