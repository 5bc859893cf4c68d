# SPDX-License-Identifier: Apache-2.0
"""End to end against a real relay process on loopback: real MLS, real certificates.

Three missions with two delegates each (one delegate later gets a second device): a
bilateral conversation, a caucus the relay cannot name, a notice only the chair posts,
a second device that joins without history, a recalled device that reads nothing
after, and two devices committing at once.
"""

from __future__ import annotations

import asyncio
import secrets
from pathlib import Path

import pytest

from client.engine import CommitWork, MembershipPlan
from client.errors import UsageError
from client.events import ChannelJoined, PolicyRefused
from client.payloads import Text, new_message_id, now_ms
from client.transport import EpochConflictError, RelayRefused
from demo.venue import add_device, recall_device
from tests.support.client_venue import Venue, start_venue

A, A2, B, C = "alderia-ana", "alderia-ben", "borduria-ana", "carpania-ana"
C2 = "carpania-ben"


def texts(v: Venue, name: str, channel: str) -> list[str]:
    return [m.text for m in v.client(name).messages(channel, limit=500)]


async def scenario(v: Venue, tmp: Path) -> None:
    for n in v.layout.homes:
        v.client(n)
    await v.sync_all(1)
    a = v.client(A)

    # -- bilateral ------------------------------------------------------------------
    bil = await a.create_channel("bilateral", "alderia-carpania", ["carpania"])
    await v.sync_all()
    assert any(ch.channel_id == bil for ch in v.client(C2).channels())
    assert not any(ch.channel_id == bil for ch in v.client(B).channels())
    await a.send_text(bil, "hello carpania")
    await v.client(C2).sync()
    assert texts(v, C2, bil) == ["hello carpania"]
    await v.client(C2).send_text(bil, "hello alderia")
    await a.sync()
    assert texts(v, A, bil) == ["hello carpania", "hello alderia"]
    with pytest.raises(UsageError):  # a bilateral pair is fixed
        await a.change_roster(bil, add_missions=["borduria"])
        await a.sync()
        raise AssertionError("unreachable")  # pragma: no cover

    # -- caucus: neither its name nor its content reach the relay ----------------------
    secret_name = "Caucus-" + secrets.token_hex(6)
    marker = "caucus-marker-" + secrets.token_hex(6)
    cau = await a.create_channel("caucus", secret_name, ["borduria"])
    await v.sync_all()
    await v.client(B).send_text(cau, marker)
    await a.sync()
    assert texts(v, A, cau) == [marker]
    assert not any(ch.channel_id == cau for ch in v.client(C).channels())
    assert [ch.name for ch in v.client(B).channels() if ch.channel_id == cau] == [secret_name]

    # -- notice: only the chair posts; a forced post by anyone else is refused by all ----
    chair = v.client(v.layout.chair)
    notice = await chair.create_channel("notice", "Plenary notices",
                                        list(v.layout.missions))
    await v.sync_all()
    await chair.send_text(notice, "agenda v1")
    with pytest.raises(UsageError):
        await v.client(B).send_text(notice, "not the chair")
    forged = Text(message_id=new_message_id(), sent_at=now_ms(), body="forged notice")
    await v.client(B).send_payload(notice, forged, _check_policy=False)
    for n in (A, A2, C, C2):
        events = await v.client(n).sync()
        assert any(isinstance(e, PolicyRefused) for e in events), n
        assert texts(v, n, notice) == ["agenda v1"], n

    # -- a second device of a delegate: new messages yes, history no ---------------------
    name2 = add_device(v.layout, "alderia", "ana")
    new = v.client(name2)
    await new.sync()  # registers, publishes KeyPackages
    await v.client(A2).sync()  # a device of the same mission adds it everywhere
    events = await new.sync()
    joined = [e for e in events if isinstance(e, ChannelJoined)]
    assert {e.channel_id.hex() for e in joined} == {bil, cau, notice}
    assert all("not available" in e.history_note for e in joined)
    await v.client(C2).sync()
    await v.client(C2).send_text(bil, "after the second device")
    await new.sync()
    assert texts(v, name2, bil) == ["after the second device"]
    assert next(ch.history_note for ch in new.channels() if ch.channel_id == bil)

    # -- recall: the mission revokes carpania-ben; it reads nothing sent after ----------
    revoked = await v.client(C).publish_crl(recall_device(v.layout, C2))
    assert revoked == [v.layout.homes[C2]["device_id"]]
    with pytest.raises(RelayRefused) as err:
        await v.client(C2).sync()
    assert err.value.status == 401
    await v.client(C).sync()  # its own mission removes it from every channel
    await a.sync()
    g = a.engine._group(bytes.fromhex(bil))
    assert v.layout.homes[C2]["device_id"] not in {m.signature_key.hex() for m in g.members()}
    await a.send_text(bil, "after the recall")
    await v.client(C).sync()
    assert "after the recall" in texts(v, C, bil)
    assert "after the recall" not in texts(v, C2, bil)

    # -- nothing of the caucus in the relay's database or logs ---------------------------
    for path in v.layout.relay_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert secret_name.encode() not in data, path
            assert marker.encode() not in data, path
            assert b"hello carpania" not in data, path


async def test_venue_sqlite(tmp_path: Path) -> None:
    v = start_venue(tmp_path)
    try:
        await scenario(v, tmp_path)
    finally:
        await v.close()
        v.relay.stop()


async def test_venue_postgres(tmp_path: Path, pg_database: str) -> None:
    v = start_venue(tmp_path, database=pg_database)
    try:
        await scenario(v, tmp_path)
    finally:
        await v.close()
        v.relay.stop()


async def test_two_devices_commit_at_once_converge(venue: Venue) -> None:
    v = venue
    for n in v.layout.homes:
        v.client(n)
    await v.sync_all(1)
    a, b = v.client(A), v.client(A2)
    cid = await a.create_channel("multilateral", "wg", ["borduria"])
    await v.sync_all()
    new = v.client(add_device(v.layout, "alderia", "ben"))
    await new.sync()
    gid = bytes.fromhex(cid)
    outs = []
    for c in (a, b):  # both build a commit for the same epoch before either is sent
        c.engine.enqueue_membership(gid)
        work = next(w for w in c.engine.outbox_work() if isinstance(w, CommitWork))
        out = await c.syncer.prepare(work)
        assert out is not None
        outs.append((c, out))
    results = await asyncio.gather(*[
        c.transport.post(o.group_id, o.client_msg_id, o.message,
                         welcome=o.welcome, welcome_to=list(o.welcome_to))
        for c, o in outs], return_exceptions=True)
    assert sum(isinstance(r, EpochConflictError) for r in results) == 1
    for c, o in outs:
        if not isinstance(results[outs.index((c, o))], Exception):
            c.engine.posted(o)
    await v.sync_all(3)
    ga, gb = a.engine._group(gid), b.engine._group(gid)
    assert ga.epoch == gb.epoch
    assert ga.epoch_authenticator == gb.epoch_authenticator
    keys = [m.signature_key.hex() for m in ga.members()]
    assert keys.count(new.device_id) == 1
    assert not a.store.list_outbox() and not b.store.list_outbox()
    await b.send_text(cid, "converged")
    await a.sync()
    assert "converged" in texts(v, A, cid)
    assert MembershipPlan((), (), (), None).empty
