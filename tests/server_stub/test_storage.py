# SPDX-License-Identifier: Apache-2.0
"""The storage contract, run against SQLite and PostgreSQL alike."""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
from collections.abc import Callable
from typing import Any

import psycopg
import pytest

from server_stub.errors import (
    BadRequest,
    CommitRefused,
    Conflict,
    EpochConflict,
    NotFound,
    QuotaExceeded,
)
from server_stub.storage._sql import SqlStorage
from server_stub.storage.base import (
    CommitVerdict,
    MessageEvent,
    PostOutcome,
    RevocationEvent,
    WelcomeEvent,
)
from server_stub.storage.factory import open_storage
from tests.support.relay_storage import NOW, dev, devices, joined, post, verdict


async def test_secret_is_stable_and_shared(store, db_url) -> None:
    s, _ = store
    secret = await s.relay_secret()
    assert len(secret) == 32
    other = open_storage(db_url)
    await other.open()
    try:
        assert await other.relay_secret() == secret
    finally:
        await other.close()


async def test_nonce_is_single_use(store) -> None:
    s, _ = store
    h = secrets.token_bytes(32)
    assert await s.consume_nonce(h, NOW + 60)
    assert not await s.consume_nonce(h, NOW + 60)
    assert await s.consume_nonce(secrets.token_bytes(32), NOW + 60)


def _raw(db_url: str) -> Any:
    if db_url.startswith("sqlite:///"):
        return sqlite3.connect(db_url.removeprefix("sqlite:///"))
    return psycopg.connect(db_url, autocommit=True)


def _has_table(conn: Any, db_url: str, name: str) -> bool:
    if db_url.startswith("sqlite:///"):
        sql = f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{name}'"
        return conn.execute(sql).fetchone() is not None
    return conn.execute(f"SELECT to_regclass('{name}')").fetchone()[0] is not None


async def test_a_store_loses_the_old_enrolment_token_table(db_url) -> None:
    """Enrolment tokens are no admission any more: their table goes when a store opens."""
    s = open_storage(db_url)
    await s.open()
    await s.close()
    with contextlib.closing(_raw(db_url)) as conn:
        assert not _has_table(conn, db_url, "enrolment_tokens")
        conn.execute("CREATE TABLE enrolment_tokens (token_hash BYTEA PRIMARY KEY, "
                     "expires_at BIGINT)")
        conn.commit()
        assert _has_table(conn, db_url, "enrolment_tokens")
    s = open_storage(db_url)
    await s.open()
    try:
        d = dev()
        assert await s.register_device(d, bytes.fromhex(d), NOW)  # the store still works
    finally:
        await s.close()
    with contextlib.closing(_raw(db_url)) as conn:
        assert not _has_table(conn, db_url, "enrolment_tokens")


async def test_devices_register_once_and_revoke(store) -> None:
    s, events = store
    d = dev()
    assert await s.register_device(d, b"k" * 32, NOW)
    assert not await s.register_device(d, b"k" * 32, NOW)
    rec = await s.get_device(d)
    assert rec is not None and rec.public_key == b"k" * 32 and not rec.revoked
    assert not [e for e in events if isinstance(e, RevocationEvent)]
    assert await s.revoke_device(d, NOW)
    rec = await s.get_device(d)
    assert rec is not None and rec.revoked
    # the revocation is an event (the hub of every relay process acts on it), once
    assert [e for e in events if isinstance(e, RevocationEvent)] == [RevocationEvent((d,))]
    assert not await s.revoke_device(d, NOW)
    assert not await s.revoke_device(dev(), NOW)
    assert [e for e in events if isinstance(e, RevocationEvent)] == [RevocationEvent((d,))]
    assert await s.get_device(dev()) is None


async def test_key_packages_claimed_once_last_resort_repeats_and_rotates(store) -> None:
    s, _ = store
    (d,) = await devices(s, 1)
    assert await s.claim_key_package(d) is None
    n = await s.publish_key_packages(d, [b"kp1", b"kp2"], b"lr1", NOW, 10)
    assert n == 2
    assert await s.count_key_packages(d) == (2, True)
    got = [await s.claim_key_package(d) for _ in range(4)]
    assert got == [(b"kp1", False), (b"kp2", False), (b"lr1", True), (b"lr1", True)]
    await s.publish_key_packages(d, [], b"lr2", NOW, 10)
    assert await s.claim_key_package(d) == (b"lr2", True)
    assert await s.count_key_packages(d) == (0, True)
    with pytest.raises(QuotaExceeded):
        await s.publish_key_packages(d, [b"x"] * 11, None, NOW, 10)
    assert await s.count_key_packages(d) == (0, True)


async def test_total_order_epoch_rule_and_dedupe(store) -> None:
    s, events = store
    a, b = await devices(s, 2)
    gid = secrets.token_bytes(16)
    await s.create_group(gid, a, NOW)
    with pytest.raises(Conflict):
        await s.create_group(gid, b, NOW)
    assert await post(s, gid, a, epoch=0, commit=True, add=[b]) == 1
    with pytest.raises(EpochConflict) as exc:
        await post(s, gid, b, epoch=0, commit=True)
    assert exc.value.seq == 1 and exc.value.status == 409
    assert await post(s, gid, b, "m-1", epoch=1) == 2
    dup = await s.post_message(group_id=gid, sender=b, client_msg_id="m-1", payload=b"other",
                               epoch=1, is_commit=False, welcome=None, welcome_to=(), now=NOW)
    assert dup.seq == 2 and dup.duplicate
    assert await post(s, gid, a, "m-1", epoch=1) == 3  # same id, other sender: distinct
    assert await post(s, gid, b, epoch=1, commit=True) == 4
    msgs, last = await s.messages_after(gid, a, 0, 100)
    assert [m.seq for m in msgs] == [1, 2, 3, 4] and last == 4
    seqs = [e.message.seq for e in events if isinstance(e, MessageEvent)]
    assert seqs == [1, 2, 3, 4]
    assert [e.membership_changed for e in events if isinstance(e, MessageEvent)] == [
        True, False, False, False]


async def test_outsiders_cannot_post_or_read(store) -> None:
    s, _ = store
    a, outsider = await devices(s, 2)
    gid = secrets.token_bytes(16)
    await s.create_group(gid, a, NOW)
    with pytest.raises(NotFound):
        await post(s, gid, outsider)
    with pytest.raises(NotFound):
        await s.messages_after(gid, outsider, 0, 10)
    with pytest.raises(NotFound):
        await s.group_view(gid, outsider)
    with pytest.raises(NotFound):
        await s.ack(outsider, gid, 1)
    with pytest.raises(NotFound):
        await post(s, secrets.token_bytes(16), a)
    with pytest.raises(BadRequest):  # a commit nobody verified is never stored
        await s.post_message(group_id=gid, sender=a, client_msg_id="c", payload=b"c",
                             epoch=0, is_commit=True, welcome=None, welcome_to=(), now=NOW)
    with pytest.raises(BadRequest):  # a Welcome only to devices the verified commit adds
        await post(s, gid, a, commit=True, add=[outsider], welcome=b"W",
                   welcome_to=[dev()])
    _, members = await s.group_view(gid, a)
    assert members == [a]


async def test_a_commit_is_checked_against_the_stored_state_and_refused_without_a_trace(
        store) -> None:
    s, events = store
    a, b = await devices(s, 2)
    gid = secrets.token_bytes(16)
    await s.create_group(gid, a, NOW, b"S0", missions=1)
    seen: list[tuple[int, bytes, list[bytes]]] = []
    assert await post(s, gid, a, epoch=0, commit=True, check=verdict([b], seen=seen)) == 1
    assert seen[-1][:2] == (0, b"S0")  # the creator's state, version 0

    def refuse(version: int, load: Callable[[], list[bytes]],
               crls: Callable[[], list[bytes]]) -> CommitVerdict:
        seen.append((version, b"".join(load()), crls()))
        raise CommitRefused("commit refused: not allowed by the charter")

    n = len(events)
    with pytest.raises(CommitRefused):
        await post(s, gid, b, epoch=1, commit=True, check=refuse)
    assert seen[-1][:2] == (1, b"S0+")  # the state the first commit stored, version 1
    assert len(events) == n
    msgs, last = await s.messages_after(gid, a, 0, 10)
    assert [m.seq for m in msgs] == [1] and last == 1  # nothing appended
    # the epoch is still free, and the state unchanged
    assert await post(s, gid, b, epoch=1, commit=True, check=verdict(seen=seen)) == 2
    assert seen[-1][:2] == (1, b"S0+")


async def test_join_and_leave_bound_what_a_device_sees(store) -> None:
    s, events = store
    a, b = await devices(s, 2)
    gid = secrets.token_bytes(8)
    await s.create_group(gid, a, NOW)
    await post(s, gid, a, epoch=0)  # 1: before b joins
    await post(s, gid, a, epoch=0, commit=True, add=[b], welcome=b"W", welcome_to=[b])  # 2
    await post(s, gid, a, epoch=1)  # 3
    await post(s, gid, a, epoch=1, commit=True, remove=[b])  # 4: b removed here
    await post(s, gid, a, epoch=2)  # 5
    msgs, _ = await s.messages_after(gid, b, 0, 100)
    assert [m.seq for m in msgs] == [3, 4]
    assert not await s.is_member(gid, b)
    with pytest.raises(NotFound):
        await post(s, gid, b, epoch=2)
    welcomes = await s.pending_welcomes(b, 10)
    assert [w.payload for w in welcomes] == [b"W"]
    assert (welcomes[0].group_id, welcomes[0].seq) == (gid, 2)
    (ev,) = [e for e in events if isinstance(e, WelcomeEvent)]
    assert ev.welcome.commit == welcomes[0].commit != b""
    assert any(isinstance(e, WelcomeEvent) and e.recipients == (b,) for e in events)
    assert await s.ack_welcome(b, welcomes[0].id)
    assert not await s.ack_welcome(b, welcomes[0].id)
    assert await s.ack(b, gid, 99) == 4  # clamped to what b may see
    assert all(g != gid for g, _ in await s.memberships(b))  # leaver's row is gone


async def test_adding_an_active_member_again_keeps_its_cursor(store) -> None:
    s, _ = store
    a, b = await devices(s, 2)
    gid = secrets.token_bytes(8)
    await s.create_group(gid, a, NOW)
    await post(s, gid, a, epoch=0, commit=True, add=[b])  # 1
    await post(s, gid, a, epoch=1)  # 2, unacked by b
    await post(s, gid, a, epoch=1, commit=True, add=[b])  # 3: b is already in
    msgs, _ = await s.messages_after(gid, b, 0, 10)
    assert [m.seq for m in msgs] == [2, 3]
    (row,) = [r for r in await s.group_members(gid) if r.device_id == b]
    assert (row.joined_seq, row.acked_seq) == (1, 1)


async def test_ack_is_cumulative_and_gc_deletes_what_all_acked(store) -> None:
    s, _ = store
    a, b = await devices(s, 2)
    gid = secrets.token_bytes(8)
    await s.create_group(gid, a, NOW)
    await post(s, gid, a, epoch=0, commit=True, add=[b])
    for _ in range(4):
        await post(s, gid, a, epoch=1)
    assert await s.ack(a, gid, 5) == 5
    assert await s.ack(b, gid, 3) == 3
    assert await s.ack(b, gid, 2) == 3  # never moves back
    await s.gc(NOW, 10**6)
    msgs, last = await s.messages_after(gid, a, 0, 100)
    assert [m.seq for m in msgs] == [4, 5] and last == 5
    await s.gc(NOW + 10**6 + 1, 10**6)  # retention passed: everything goes
    msgs, _ = await s.messages_after(gid, b, 0, 100)
    assert msgs == []


async def test_blobs_quota_expiry_and_owner_delete(store) -> None:
    s, _ = store
    a, b = await devices(s, 2)
    await s.put_blob(blob_id="x" * 22, owner=a, group_id=None, data=b"1" * 60, now=NOW,
                     expires_at=NOW + 10, quota=100)
    with pytest.raises(QuotaExceeded):
        await s.put_blob(blob_id="y" * 22, owner=a, group_id=None, data=b"2" * 60, now=NOW,
                         expires_at=NOW + 10, quota=100)
    rec = await s.get_blob("x" * 22, NOW)
    assert rec is not None and rec.data == b"1" * 60 and await s.blob_owned_by(rec, a)
    assert await s.get_blob("x" * 22, NOW + 10) is None  # expired
    assert not await s.delete_blob("x" * 22, b)
    assert await s.delete_blob("x" * 22, a)
    assert await s.get_blob("x" * 22, NOW) is None


async def test_concurrent_posts_get_gapless_order_and_survive_reopen(store, db_url) -> None:
    import asyncio

    s, _ = store
    (a,) = await devices(s, 1)
    gid = secrets.token_bytes(8)
    await s.create_group(gid, a, NOW)
    seqs = await asyncio.gather(*(post(s, gid, a, f"c{i}", epoch=3) for i in range(200)))
    assert sorted(seqs) == list(range(1, 201))
    await s.close()
    s2 = open_storage(db_url)
    await s2.open()
    try:
        msgs, last = await s2.messages_after(gid, a, 0, 1000)
        assert last == 200 and [m.seq for m in msgs] == list(range(1, 201))
        assert {m.client_msg_id for m in msgs} == {f"c{i}" for i in range(200)}
    finally:
        await s2.close()
    await s.open()  # the fixture closes it again


async def test_posts_run_together_in_one_batch_keep_each_outcome(store) -> None:
    """Application messages queued together run as one set (PostgreSQL: a few statements
    for the whole run); each keeps the outcome it would have alone, in queue order: a
    resend inside the run or of an earlier message gets the first seq, an outsider is
    refused without sinking the others, and two groups keep their own gapless order."""
    import asyncio
    import threading
    import time

    s, events = store
    a, b, outsider = await devices(s, 3)
    g1, g2 = secrets.token_bytes(16), secrets.token_bytes(16)
    await s.create_group(g1, a, NOW)
    await s.create_group(g2, b, NOW)
    assert await post(s, g1, a, epoch=0, commit=True, add=[b]) == 1
    assert await post(s, g1, b, "early", epoch=1) == 2
    events.clear()
    assert isinstance(s, SqlStorage)
    commits: list[int] = []  # messages stored per COMMIT
    s.on_commit = lambda stored, _seconds: commits.append(stored)
    # hold the writer until everything below is queued, so it takes them as one batch
    # (a gate, not a pause: on a loaded machine queueing nine posts can take longer)
    holding, release = threading.Event(), threading.Event()

    def hold(_cur: object, _ev: object) -> None:
        holding.set()
        assert release.wait(60), "the test never let the writer go"

    held = asyncio.ensure_future(s._write(hold))
    assert await asyncio.to_thread(holding.wait, 60)
    plan: list[tuple[bytes, str, str]] = [
        (g1, a, "x0"), (g2, b, "y0"), (g1, b, "x1"), (g1, a, "x0"), (g1, outsider, "z"),
        (g1, b, "early"), (g2, b, "y1"), (g1, a, "x2"), (g2, a, "not-routed"),
    ]
    posts = asyncio.gather(*(s.post_message(
        group_id=g, sender=d, client_msg_id=c, payload=c.encode(), epoch=1, is_commit=False,
        welcome=None, welcome_to=(), now=NOW) for g, d, c in plan), return_exceptions=True)
    deadline = time.monotonic() + 60
    while s._q.qsize() < len(plan):
        assert time.monotonic() < deadline, "the posts were never queued"
        await asyncio.sleep(0.01)
    release.set()
    got = await posts
    await held
    assert commits[-1] == 5  # one transaction, not a replay one by one
    outcomes = [(o.seq, o.duplicate) if isinstance(o, PostOutcome) else type(o) for o in got]
    assert outcomes == [(3, False), (1, False), (4, False), (3, True), NotFound, (2, True),
                        (2, False), (5, False), NotFound]
    assert [(e.message.group_id, e.message.seq, e.message.client_msg_id) for e in events
            if isinstance(e, MessageEvent)] == [
        (g1, 3, "x0"), (g2, 1, "y0"), (g1, 4, "x1"), (g2, 2, "y1"), (g1, 5, "x2")]
    msgs, last = await s.messages_after(g1, a, 0, 100)
    assert last == 5 and [(m.seq, m.sender, m.payload) for m in msgs][2:] == [
        (3, a, b"x0"), (4, b, b"x1"), (5, a, b"x2")]
    msgs, last = await s.messages_after(g2, b, 0, 100)
    assert last == 2 and [m.client_msg_id for m in msgs] == ["y0", "y1"]


async def test_concurrent_claims_from_two_stores_never_hand_out_a_package_twice(
    store, db_url,
) -> None:
    """Two relay processes (two storage objects) racing for the same device's packages."""
    import asyncio

    s, _ = store
    (d,) = await devices(s, 1)
    packages = [f"kp{i}".encode() for i in range(30)]
    await s.publish_key_packages(d, packages, b"last", NOW, 100)
    other = open_storage(db_url)
    await other.open()
    try:
        got = await asyncio.gather(*(st.claim_key_package(d) for _ in range(25)
                                     for st in (s, other)))
    finally:
        await other.close()
    normal = [kp for kp, last in (g for g in got if g) if not last]
    assert sorted(normal) == sorted(packages)  # each exactly once
    assert [g for g in got if g and g[1]] == [(b"last", True)] * 20


async def test_two_stores_share_one_gapless_order(store, db_url) -> None:
    import asyncio

    s, _ = store
    (a,) = await devices(s, 1)
    gid = secrets.token_bytes(8)
    await s.create_group(gid, a, NOW)
    other = open_storage(db_url)
    await other.open()
    try:
        seqs = await asyncio.gather(*(post(st, gid, a, f"x{i}-{j}", epoch=1)
                                      for i in range(60) for j, st in enumerate((s, other))))
        again = await post(other, gid, a, "x5-0", epoch=1)  # de-duplicated across stores
    finally:
        await other.close()
    assert sorted(seqs) == list(range(1, 121))
    assert again == seqs[10]


async def test_a_welcomes_public_state_is_served_to_its_recipient_and_kept(store) -> None:
    """The state a pending Welcome's commit made (the joiner fetches its ratchet tree)
    goes to the recipient and routed members only, and outlives the states gc drops."""
    from server_stub.storage._sql import STATES_KEPT

    s, _ = store
    a, b, c, d = await devices(s, 4)
    gid = secrets.token_bytes(8)
    await s.create_group(gid, a, NOW, b"S0", missions=1)
    assert await post(s, gid, a, epoch=0, commit=True, add=[d], welcome=b"Wd",
                      welcome_to=[d]) == 1
    await post(s, gid, a, epoch=1, commit=True, remove=[d])  # 2: d removed before joining
    assert await post(s, gid, a, epoch=2, commit=True, add=[b], welcome=b"Wb",
                      welcome_to=[b]) == 3
    assert joined(await s.public_state_for(gid, b, 3)) == b"S0+++"  # the Welcome's recipient
    assert joined(await s.public_state_for(gid, a, 3)) == b"S0+++"  # a member routed since
    assert joined(await s.public_state_for(gid, a, 0)) == b"S0"
    assert joined(await s.public_state_for(gid, b, 1)) is None  # before b was routed, no Welcome
    assert joined(await s.public_state_for(gid, c, 3)) is None  # an outsider
    assert joined(await s.public_state_for(gid, d, 1)) == b"S0+"  # removed, its Welcome pending
    assert joined(await s.public_state_for(gid, b, 99)) is None  # no such state
    for epoch in range(3, 3 + STATES_KEPT + 2):
        await post(s, gid, a, epoch=epoch, commit=True)
    await s.gc(NOW, 10**6)
    assert joined(await s.public_state_for(gid, a, 0)) is None  # dropped: no Welcome names it
    assert joined(await s.public_state_for(gid, b, 3)) == b"S0+++"  # kept for the pending Welcome
    assert joined(await s.public_state_for(gid, d, 1)) == b"S0+"
    (w,) = await s.pending_welcomes(d, 10)
    assert await s.ack_welcome(d, w.id)
    await s.gc(NOW, 10**6)
    assert joined(await s.public_state_for(gid, a, 1)) is None  # its Welcome is gone: so is it
    assert joined(await s.public_state_for(gid, b, 3)) == b"S0+++"


async def test_states_stored_as_changes_are_read_back_whole(store) -> None:
    """A commit's state may be stored as its changes: the verifier then reads the last
    whole state and every change after it, in order; a whole state starts a new chain;
    gc keeps every row a kept state is read from."""
    from server_stub.storage._sql import STATES_KEPT

    s, _ = store
    (a,) = await devices(s, 1)
    gid = secrets.token_bytes(8)
    await s.create_group(gid, a, NOW, b"S", missions=1)
    seen: list[tuple[int, bytes, list[bytes]]] = []
    for epoch in range(5):
        await post(s, gid, a, epoch=epoch, commit=True, check=verdict(seen=seen, changes=True))
    assert [state for _v, state, _c in seen] == [b"S" + b"+" * i for i in range(5)]
    assert await s.public_state_for(gid, a, 5) == [b"S"] + [b"+"] * 5
    await post(s, gid, a, epoch=5, commit=True, check=verdict())  # 6: a whole state
    await post(s, gid, a, epoch=6, commit=True, check=verdict(changes=True))
    assert await s.public_state_for(gid, a, 7) == [b"S" + b"+" * 6, b"+"]
    assert await s.public_state_for(gid, a, 3) == [b"S", b"+", b"+", b"+"]
    last = 7
    for epoch in range(7, 7 + STATES_KEPT + 3):
        last = await post(s, gid, a, epoch=epoch, commit=True, check=verdict(changes=True))
    await s.gc(NOW, 10**6)
    assert joined(await s.public_state_for(gid, a, last)) == b"S" + b"+" * last
    assert joined(await s.public_state_for(gid, a, 6)) == b"S" + b"+" * 6  # their base
    assert await s.public_state_for(gid, a, 5) is None  # before it: dropped
    seen.clear()
    await post(s, gid, a, epoch=last, commit=True, check=verdict(seen=seen))
    assert seen == [(last, b"S" + b"+" * last, [])]


async def test_a_state_table_without_bases_is_migrated_on_open(db_url) -> None:
    """A store an older relay made (every state whole, no ``base`` column) opens, reads
    its states and takes changes after them."""
    s = open_storage(db_url)
    await s.open()
    (a,) = await devices(s, 1)
    gid = secrets.token_bytes(8)
    await s.create_group(gid, a, NOW, b"S", missions=1)
    await post(s, gid, a, epoch=0, commit=True)
    await s.close()
    with contextlib.closing(_raw(db_url)) as conn:
        conn.execute("ALTER TABLE group_states DROP COLUMN base")
        conn.commit()
    s = open_storage(db_url)
    await s.open()
    try:
        assert await s.public_state_for(gid, a, 1) == [b"S+"]
        await post(s, gid, a, epoch=1, commit=True, check=verdict(changes=True))
        assert await s.public_state_for(gid, a, 2) == [b"S+", b"+"]
    finally:
        await s.close()
