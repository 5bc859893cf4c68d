# SPDX-License-Identifier: Apache-2.0
"""Leaving a channel (``Client.leave``, ``corridor leave``), over a real relay.

A device sends its signed request to leave; a member of another mission, which could
not otherwise remove it from a bilateral channel, commits the removal with the request
as proof (charter rule 5), and the relay, checking the same rule, stops routing to it.
The leaver shows the channel as left and receives nothing more; its own mission's other
device does not add it back; a forged or replayed request removes nobody."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from client._cli import run_guarded
from client.cli import register
from client.core import Client
from client.errors import AlreadyDoneError, UsageError
from client.payloads import LeaveRequest, new_message_id, now_ms
from crypto.corridor.charter import LEAVE_LABEL, leave_content, leave_proven
from crypto.suites import get_suite
from tests.support.client_venue import Venue, start_venue

A, A2, B, B2 = "alderia-ana", "alderia-ben", "borduria-ana", "borduria-ben"


def roster(c: Client, cid: str) -> set[str]:
    return {m.signature_key.hex() for m in c.engine._group(bytes.fromhex(cid)).members()}


async def test_leave_removes_the_device_from_roster_and_routing(venue: Venue) -> None:
    v = venue
    for n in (A, A2, B, B2):
        await v.client(n).sync()
    cid = await v.client(A).create_channel("bilateral", "hotline", ["borduria"])
    await v.sync_all()
    gid = bytes.fromhex(cid)
    a, b = v.client(A), v.client(B)
    assert b.device_id in roster(a, cid)
    await b.send_text(cid, "before leaving")

    assert await b.leave(cid) is True
    info = next(ch for ch in b.channels() if ch.channel_id == cid)
    assert info.left and [m.text for m in b.messages(cid)] == ["before leaving"]
    with pytest.raises(AlreadyDoneError):
        await b.leave(cid)
    with pytest.raises(UsageError):
        await b.send_text(cid, "after leaving")

    # alderia (another mission, no authority in a bilateral channel) commits the removal
    await a.sync()
    assert b.device_id not in roster(a, cid)
    _last, routed = await a.transport.group_members(gid)
    assert b.device_id not in routed and v.client(B2).device_id in routed
    await v.sync_all(3)  # borduria's other device must not add the leaver back
    for n in (A, A2, B2):
        assert b.device_id not in roster(v.client(n), cid), n
        assert v.client(n).routing_status(cid).problem == "", n
    assert set((await a.transport.group_members(gid))[1]) == roster(a, cid)

    await a.send_text(cid, "after B left")
    await v.sync_all()
    assert "after B left" in [m.text for m in v.client(B2).messages(cid)]
    assert "after B left" not in [m.text for m in b.messages(cid)]
    assert all(ch.routing_warning == "" for ch in b.channels())
    assert all(ch.routing_warning == "" for ch in a.channels())
    # nothing shows the request as a message
    assert all(m.kind != "leave" for m in a.messages(cid))


async def test_forged_or_replayed_leave_requests_remove_nobody(venue: Venue) -> None:
    v = venue
    for n in (A, A2, B, B2):
        await v.client(n).sync()
    one = await v.client(A).create_channel("bilateral", "one", ["borduria"])
    two = await v.client(A).create_channel("bilateral", "two", ["borduria"])
    await v.sync_all()
    b, b2 = v.client(B), v.client(B2)
    # b2's request for channel one, replayed into channel two by b2 itself
    real = b2.engine.leave_request(bytes.fromhex(one))
    b2.engine.enqueue_payload(bytes.fromhex(two), real)
    # b sends a request with a signature that is not its own
    forged = LeaveRequest(message_id=new_message_id(), sent_at=now_ms(),
                          signature=bytes(64))
    b.engine.enqueue_payload(bytes.fromhex(two), forged)
    await b2.flush()
    await b.flush()
    await v.sync_all(2)
    for n in (A, A2, B):
        r = roster(v.client(n), two)
        assert {b.device_id, b2.device_id} <= r, n
    assert not any(ch.left for ch in b.channels())


def test_leave_proof_binds_group_and_leaf_key() -> None:
    suite = get_suite(1)
    seed = bytes(range(32))
    pub = suite.signature_public_key(seed)
    gid, enc = b"g" * 16, b"e" * 32
    sig = suite.sign_with_label(seed, LEAVE_LABEL, leave_content(gid, enc))
    assert leave_proven(suite, gid, pub, enc, [sig])
    assert leave_proven(suite, gid, pub, enc, [bytes(64), sig])
    assert not leave_proven(suite, b"h" * 16, pub, enc, [sig])  # another channel
    assert not leave_proven(suite, gid, pub, b"f" * 32, [sig])  # a later leaf
    assert not leave_proven(suite, gid, pub, enc, [sig[:-1] + bytes([sig[-1] ^ 1])])
    other = suite.signature_public_key(bytes(32))
    assert not leave_proven(suite, gid, other, enc, [sig])  # someone else's request
    assert not leave_proven(suite, gid, pub, enc, [])


def _main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="corridor")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return run_guarded(args.func, args)


def test_cli_leave(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> None:
    v = start_venue(tmp_path, missions=2)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    home = {n: str(v.layout.home(n)) for n in (A, B)}

    def run(who: str, *argv: str) -> tuple[int, dict[str, object]]:
        capsys.readouterr()
        rc = _main([argv[0], "--json", "--home", home[who], *argv[1:]])
        return rc, json.loads(capsys.readouterr().out)

    try:
        run(B, "sync")
        rc, _created = run(A, "create-channel", "bilateral", "--name", "hotline",
                          "--missions", "borduria")
        assert rc == 0
        run(B, "sync")
        rc, err = run(B, "leave", "hotline")  # --json without --yes: never a prompt
        assert rc != 0 and "--yes" in str(err["message"])
        rc, out = run(B, "channels")
        assert [ch["left"] for ch in out] == [False]  # type: ignore[attr-defined]
        rc, out = run(B, "leave", "hotline", "--yes")
        assert rc == 0 and out["left"] is True and out["name"] == "hotline"
        rc, out = run(B, "channels")
        assert [ch["left"] for ch in out] == [True]  # type: ignore[attr-defined]
        rc, err = run(B, "leave", "hotline", "--yes")
        assert rc != 0 and err["error"]
        run(A, "sync")
        rc, out = run(A, "channels")
        assert out[0]["devices"] == 1  # type: ignore[index]  # (only A and B registered)
    finally:
        v.relay.stop()
