# SPDX-License-Identifier: Apache-2.0
"""The engine saves a group's state in two parts: an application message sent or
received rewrites the ratchet part alone; a restart at any point reloads exactly the
live group; parts that do not belong together are refused as a damaged record and the
stored rows stay as they were."""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

import pytest

from client.errors import CorruptRecordError
from client.store import SqliteStore
from crypto.secret_bytes import Secret
from tests.support.devices import Dev, channel, received, send, text
from tests.support.pki import Issued, Pki


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device("borduria", "bea"),
            "c": pki.device("carpania", "cyd")}


def _store(tmp_path: Path, name: str) -> SqliteStore:
    return SqliteStore.open(tmp_path / f"{name}.sqlite3", Secret(secrets.token_bytes(32)))


def _writes(store: SqliteStore) -> list[str]:
    statements: list[str] = []
    store._conn.set_trace_callback(
        lambda sql: statements.append(sql) if " group_states" in sql
        or " group_ratchets" in sql else None)
    return statements


def _restart_matches(dev: Dev, gid: bytes) -> None:
    """A restart (a new engine over the same store) reloads the live group exactly."""
    live = dev.group(gid).to_bytes()
    dev.restart()
    assert dev.group(gid).to_bytes() == live


async def test_messages_write_the_ratchet_part_alone_and_restarts_reload_the_live_group(
        pki: Pki, people: dict[str, Issued], tmp_path: Path) -> None:
    stores = {n: _store(tmp_path, n) for n in ("a", "b")}
    relay, d, gid = await channel(pki, people, names=("a", "b"), stores=stores)
    a, b = d["a"], d["b"]
    for dev in (a, b):
        _restart_matches(dev, gid)
    # application messages both ways: the ratchet part alone, every time
    log_a, log_b = _writes(stores["a"]), _writes(stores["b"])
    msgs = await send(a, gid, "one", "two")
    assert len(received(b.engine.receive(msgs).events)) == 2
    for log in (log_a, log_b):
        assert log and all(s.startswith("UPDATE group_ratchets") for s in log)
    for dev in (a, b):
        _restart_matches(dev, gid)
    # a self-update (a commit): both parts, in one statement
    del log_a[:], log_b[:]
    b.engine.enqueue_self_update(gid)
    work = b.engine.outbox_work()
    out = await b._prepare(work[0])
    assert out is not None and out.is_commit
    _restart_matches(b, gid)  # saved with its pending commit, at the same epoch
    await b.t.post(out.group_id, out.client_msg_id, out.message)
    b.engine.posted(out)
    await b.sync()
    await a.sync()
    assert any(s.startswith("INSERT INTO group_states") for s in log_a)
    assert any(s.startswith("INSERT INTO group_states") for s in log_b)
    assert a.group(gid).epoch_authenticator == b.group(gid).epoch_authenticator
    for dev in (a, b):
        _restart_matches(dev, gid)
    # after the restarts (groups loaded from both parts) messages still flow
    msgs = await send(b, gid, "three")
    assert len(received(a.engine.receive(msgs).events)) == 1
    for dev in (a, b):
        _restart_matches(dev, gid)
    # a third member: a commit with an add, then messages in the bigger group
    c = await Dev(pki, relay, people["c"], store=_store(tmp_path, "c")).register()
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(
        missions=(*a.engine.roster(gid).missions, c.ident.mission_id)))
    for _ in range(2):
        for dev in (a, b, c):
            await dev.sync()
    msgs = await send(c, gid, "from c")
    for dev in (a, b):
        assert len(received(dev.engine.receive(msgs).events)) == 1
    for dev in (a, b, c):
        _restart_matches(dev, gid)
    assert a.texts(gid)[-1] == b.texts(gid)[-1] == "from c"
    for s in (*stores.values(), c.store):
        s.close()  # type: ignore[attr-defined]


def _row(db: Path, gid: bytes) -> tuple[bytes, tuple[int, bytes]]:
    conn = sqlite3.connect(db)
    epoch_part = conn.execute("SELECT sealed FROM group_states WHERE group_id = ?",
                              (gid,)).fetchone()[0]
    ratchets = conn.execute("SELECT epoch, sealed FROM group_ratchets WHERE group_id = ?",
                            (gid,)).fetchone()
    conn.close()
    return epoch_part, (ratchets[0], ratchets[1])


def _set_ratchets(db: Path, gid: bytes, ratchets: tuple[int, bytes]) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("UPDATE group_ratchets SET epoch = ?, sealed = ? WHERE group_id = ?",
                 (*ratchets, gid))
    conn.close()


async def test_a_ratchet_part_of_another_epoch_part_is_refused_and_the_rows_kept(
        pki: Pki, people: dict[str, Issued], tmp_path: Path) -> None:
    """An older ratchet row put back beside a newer epoch part (a row swapped by
    someone with the disk, or what a crash between two separate writes would leave):
    of the same epoch (the crypto layer's digest refuses it) or of an earlier one (the
    store refuses it), the load is refused as a damaged record, nothing is written, and
    the client goes on once the right row is back."""
    store = _store(tmp_path, "b")
    db = tmp_path / "b.sqlite3"
    _relay, d, gid = await channel(pki, people, names=("a", "b"), stores={"b": store})
    a, b = d["a"], d["b"]
    first_epoch_part, old = _row(db, gid)
    msgs = await send(a, gid, "while damaged")
    # b builds a self-update: its pending commit changes the epoch part, not the epoch
    b.engine.enqueue_self_update(gid)
    out = await b._prepare(b.engine.outbox_work()[0])
    assert out is not None and out.is_commit
    pending = _row(db, gid)
    assert pending[0] != first_epoch_part and pending[1][0] == old[0]
    _set_ratchets(db, gid, old)
    b.restart()
    with pytest.raises(CorruptRecordError) as info:
        b.engine.receive(msgs)
    assert info.value.table == "group_ratchets"
    assert _row(db, gid) == (pending[0], old)  # kept as found, nothing written
    assert store.get_channel(gid).cursor < msgs[-1].seq
    _set_ratchets(db, gid, pending[1])
    b.restart()
    assert [e.seq for e in received(b.engine.receive(msgs).events)] == [m.seq for m in msgs]
    assert b.texts(gid)[-1] == "while damaged"
    # the commit goes through; the ratchet row of the epoch before is put back
    await b.t.post(out.group_id, out.client_msg_id, out.message)
    b.engine.posted(out)
    await b.sync()
    await a.sync()
    now = _row(db, gid)
    assert now[1][0] == old[0] + 1 == b.group(gid).epoch
    _set_ratchets(db, gid, old)
    b.restart()
    with pytest.raises(CorruptRecordError) as info:
        b.group(gid)
    assert info.value.table == "group_ratchets"
    _set_ratchets(db, gid, now[1])
    b.restart()
    msgs = await send(a, gid, "after the commit")
    assert len(received(b.engine.receive(msgs).events)) == 1
    store.close()


async def test_a_ratchet_row_of_another_group_is_refused(
        pki: Pki, people: dict[str, Issued], tmp_path: Path) -> None:
    store = _store(tmp_path, "b")
    db = tmp_path / "b.sqlite3"
    _relay, d, gid = await channel(pki, people, names=("a", "b"), stores={"b": store})
    other = await d["a"].create("multilateral", "second", [d["b"].ident.mission_id])
    for dev in (d["b"], d["a"], d["b"]):
        await dev.sync()
    _set_ratchets(db, gid, _row(db, other)[1])
    d["b"].restart()
    with pytest.raises(CorruptRecordError):  # sealed for the other group's row
        d["b"].group(gid)
    d["b"].engine.enqueue_payload(other, text("the other channel still works"))
    await d["b"].flush()
    store.close()


async def test_a_rolled_back_save_never_leaves_parts_that_do_not_load(
        pki: Pki, people: dict[str, Issued], tmp_path: Path) -> None:
    """The engine counts an epoch part as saved once it wrote it. Should the transaction
    around that write roll back while the group stays in memory, the next message's
    write of the ratchet part alone is refused by the stored binding (the digest of the
    epoch part it was made for) and both parts are written: the store always loads."""
    store = _store(tmp_path, "b")
    _relay, d, gid = await channel(pki, people, names=("a", "b"), stores={"b": store})
    a, b = d["a"], d["b"]
    msgs = await send(a, gid, "after a rolled-back save")
    g = b.group(gid)
    before = g.epoch_part_serial
    g.commit()  # a pending commit: the epoch part changes, the epoch does not
    assert g.epoch_part_serial != before
    with pytest.raises(RuntimeError), store.transaction():
        b.engine._ctx.save_group(g)
        raise RuntimeError("undone after the write")
    log = _writes(store)
    assert len(received(b.engine.receive(msgs).events)) == 1  # the group kept in memory
    assert any(s.startswith("INSERT INTO group_states") for s in log)  # both parts again
    live = b.group(gid).to_bytes()
    b.restart()
    assert b.group(gid).to_bytes() == live
    store.close()
