# SPDX-License-Identifier: Apache-2.0
"""A long batch's rows sealed and indexed by the checking child (client.rowjobs,
client.engine.sigchecks): what must hold is what storing in line gave. Every row
opens to its sender and body, search finds it, a timer, an edit and a reaction in the
same batch apply to rows still being prepared, a copy already stored is neither
stored nor reported again, and the child keeps no key set of a closed store. The
child's own protocol refuses what it does not know and drops cancelled work; it
cannot dump core (docs/threats.md 20)."""

from __future__ import annotations

import asyncio
import os
import secrets
import select
import subprocess
import sys
import time
from pathlib import Path

import msgspec
import pytest

from client import payloads
from client.engine import sigchecks
from client.events import MessageReceived
from client.rowjobs import Preparer, RowJob, decode_answer, encode_job, encode_keys
from client.search import SearchIndex
from client.store import SqliteStore
from client.store.base import PENDING_TERMS
from client.store.sealing import RowCipher
from client.store.sqlite_rows import _open_message
from crypto.secret_bytes import Secret
from tests.support.client_venue import Venue
from tests.support.devices import Dev, channel, received, text
from tests.support.memory_relay import MemoryRelay
from tests.support.pki import C_M, Issued, Pki
from tests.support.sigworker_pipe import serve_bytes
from tests.support.waiting import WAIT, until


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device("borduria", "bea"),
            "c": pki.device(C_M, "cy")}


def _store(path: Path, key: bytes | None = None) -> SqliteStore:
    return SqliteStore.open(path, Secret(key or secrets.token_bytes(32)))


class _Answers:
    """Counts the row jobs the child answered (and were used) during a test, and has
    the receiver wait for the child's answers instead of doing the work itself, so
    the child's work is what is tested whatever the machine's load."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.rows = 0
        real = sigchecks.ParallelChecks._took
        real_meet = sigchecks.ParallelChecks._meet
        monkeypatch.setattr(sigchecks, "MAX_BEHIND", 10_000)

        def meet(checks: sigchecks.ParallelChecks, sent: list[sigchecks._Sent]) -> None:
            worker = checks._worker
            deadline = time.monotonic() + WAIT
            while time.monotonic() < deadline and not worker.dead and not all(
                    worker.answered(x.ident) for x in sent if x.ident is not None):
                select.select([worker._out], [], [], 0.05)
                worker.poll()
            real_meet(checks, sent)

        monkeypatch.setattr(sigchecks.ParallelChecks, "_meet", meet)

        def took(checks: sigchecks.ParallelChecks, x: sigchecks._Sent,
                 answer: bool | bytes) -> bool:
            ok = real(checks, x, answer)
            if ok and x.kind == b"J":
                assert isinstance(x.work, list)
                self.rows += len(x.work)
            return ok

        monkeypatch.setattr(sigchecks.ParallelChecks, "_took", took)


async def _ready() -> None:
    await until(sigchecks.start_worker, WAIT, "the checking child started")


async def _receiving(pki: Pki, people: dict[str, Issued], tmp_path: Path,
                     monkeypatch: pytest.MonkeyPatch,
                     ) -> tuple[_Answers, SqliteStore, MemoryRelay, dict[str, Dev], bytes]:
    """a and b in a channel, b on a SQLite store whose rows the child prepares."""
    await _ready()
    answers = _Answers(monkeypatch)
    store = _store(tmp_path / "b.sqlite3")
    relay, d, gid = await channel(pki, people, stores={"b": store})
    return answers, store, relay, d, gid


def _rows(store: SqliteStore, gid: bytes) -> list[tuple[object, ...]]:
    return [(m.message_id, m.sender, m.body, m.seq, m.sent_at, m.expires_at)
            for m in store.list_messages(gid, limit=1000)]


async def test_rows_prepared_beside_are_the_rows_made_in_line(
        pki: Pki, people: dict[str, Issued], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two members receive the same batch, one with its rows prepared by the child and
    one in line: what each can read and find is the same."""
    await _ready()
    answers = _Answers(monkeypatch)
    beside, in_line = _store(tmp_path / "b.sqlite3"), _store(tmp_path / "c.sqlite3")
    relay, d, gid = await channel(pki, people, ("a", "b", "c"),
                                  stores={"b": beside, "c": in_line})
    key = secrets.token_bytes(32)
    d["b"].engine.features.index = SearchIndex(key)
    d["c"].engine.features.index = SearchIndex(key)
    n = len(relay.groups[gid].messages)
    words = ["plenary", "ceasefire", "verification", "annex", "Überprüfung"]
    for i in range(90):
        d["a"].engine.enqueue_payload(gid, text(f"{words[i % 5]} item {i}"))
    await d["a"].flush()
    msgs = relay.groups[gid].messages[n:]
    got = d["b"].engine.receive(msgs)
    assert answers.rows >= 45, "the child prepared too few rows to test it"
    prepared = answers.rows
    with monkeypatch.context() as m:
        m.setattr("client.engine.sync.parallel_checks", lambda _n, _rows=None: None)
        want = d["c"].engine.receive(msgs)
    assert answers.rows == prepared  # c stored its rows itself
    assert [(e.message_id, e.sender, e.seq) for e in received(got.events)] == \
        [(e.message_id, e.sender, e.seq) for e in received(want.events)]
    assert len(received(got.events)) == 90
    assert _rows(beside, gid) == _rows(in_line, gid)
    checks = "SELECT message_id, terms_check FROM messages ORDER BY position"
    # no terms are hashed in a long batch (the child has no search key; what this
    # thread prepared itself waits too): every row is indexed after the batch
    pending = [r for r in beside._conn.execute(checks).fetchall() if r[1] == PENDING_TERMS]
    assert len(pending) == 90
    assert beside.index_pending(40) == 40  # newest first, one transaction a call
    left = [r[0] for r in beside._conn.execute(checks).fetchall() if r[1] == PENDING_TERMS]
    assert left == [r[0] for r in pending[:50]]
    assert beside.index_pending(10_000) == 50
    assert beside.index_pending() == 0
    assert beside._conn.execute(checks).fetchall() == in_line._conn.execute(checks).fetchall()
    index = SearchIndex(key)
    for word in ("ceasefire", "überprüfung", "annex", "verif*"):
        terms, _ = index.query(word)
        assert [m.message_id for m in beside.search_index(terms, channel_id=gid, limit=100)] \
            == [m.message_id for m in in_line.search_index(terms, channel_id=gid, limit=100)]
    terms, _ = index.query("ceasefire")
    assert len(beside.search_index(terms, channel_id=gid, limit=100)) == 18
    beside.close()
    in_line.close()


async def test_a_timer_an_edit_and_a_reaction_reach_rows_still_being_prepared(
        pki: Pki, people: dict[str, Issued], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    answers, store, relay, d, gid = await _receiving(pki, people, tmp_path, monkeypatch)
    a = d["a"].engine
    n = len(relay.groups[gid].messages)
    ids = [a.enqueue_payload(gid, text(f"draft line {i}")) for i in range(40)]
    a.enqueue_payload(gid, payloads.Edit(message_id=payloads.new_message_id(),
                                         sent_at=payloads.now_ms(), target=ids[38],
                                         body="draft line 38, as amended"))
    a.enqueue_payload(gid, payloads.Reaction(message_id=payloads.new_message_id(),
                                             sent_at=payloads.now_ms(), target=ids[39],
                                             emoji="👍"))
    a.enqueue_payload(gid, payloads.DisappearingTimer(
        message_id=payloads.new_message_id(), sent_at=payloads.now_ms(), seconds=3600))
    after = [a.enqueue_payload(gid, text(f"after the timer {i}")) for i in range(40)]
    await d["a"].flush()
    res = d["b"].engine.receive(relay.groups[gid].messages[n:])
    assert answers.rows > 0
    assert store.get_message(gid, ids[38]).body != b""
    amended = payloads.decode(store.get_message(gid, ids[38]).body)
    assert isinstance(amended, payloads.Text) and amended.body == "draft line 38, as amended"
    note = d["b"].engine.features.annotation(gid, ids[39])
    assert list(note.reactions) == ["👍"]
    assert store.get_message(gid, ids[0]).expires_at is None
    assert all(store.get_message(gid, m).expires_at is not None for m in after)
    shown = [e.message_id for e in received(res.events) if e.kind == "text"]
    assert shown == [*ids, *after]
    store.close()


async def test_a_copy_already_stored_is_not_stored_or_reported_again(
        pki: Pki, people: dict[str, Issued], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    answers, store, relay, d, gid = await _receiving(pki, people, tmp_path, monkeypatch)
    a = d["a"].engine
    n = len(relay.groups[gid].messages)
    ids = [a.enqueue_payload(gid, text(f"line {i}")) for i in range(64)]
    await d["a"].flush()
    # as if an earlier copy of one had been stored (a re-sent message, say)
    assert store.insert_message(gid, ids[50], sender=b"earlier", body=b"earlier copy",
                                sent_at=1, received_at=1)
    res = d["b"].engine.receive(relay.groups[gid].messages[n:])
    assert answers.rows > 0
    shown = [e.message_id for e in res.events if isinstance(e, MessageReceived)]
    assert shown == ids[:50] + ids[51:]
    assert store.get_message(gid, ids[50]).body == b"earlier copy"
    assert len(store.list_messages(gid, limit=1000)) == 64
    store.close()


async def test_over_the_real_relay_and_a_closed_clients_keys_leave_the_child(
        venue: Venue, monkeypatch: pytest.MonkeyPatch) -> None:
    await _ready()
    answers = _Answers(monkeypatch)
    v = venue
    await v.sync_all(1)
    a, b = v.client("alderia-ana"), v.client("borduria-ana")
    cid = await a.create_channel("bilateral", "rows", ["borduria"])
    await v.sync_all()
    for i in range(48):
        await a.send_text(cid, f"agenda item {i}")
    await b.sync()
    assert [m.text for m in b.messages(cid)][-48:] == [f"agenda item {i}" for i in range(48)]
    assert answers.rows > 0
    # the rows the child sealed are indexed in the background once the sync is done
    pending = "SELECT count(*) FROM messages WHERE terms_check = x'696e646578'"
    indexer = b.syncer._indexer
    assert indexer is not None and b.store._conn.execute(pending).fetchone()[0] > 0
    await asyncio.wait_for(indexer, 10)  # the background task itself, not a search
    assert b.store._conn.execute(pending).fetchone()[0] == 0
    assert [m.text for m in b.search("agenda")][:1] == ["agenda item 47"]
    worker = sigchecks._worker
    key = b.store.row_key()
    assert worker is not None and key is not None
    assert sigchecks._key_name(key) in worker._key_sets
    await v.close("borduria-ana")
    assert sigchecks._key_name(key) not in worker._key_sets


# ---------------------------------------------------------------- the store's side

def test_prepared_rows_are_stored_once_each_in_one_statement(tmp_path: Path) -> None:
    from client.errors import NotFoundError, UsageError
    from client.store.base import ChannelKind, NewRow

    store = _store(tmp_path / "s.sqlite3")
    cid = secrets.token_bytes(16)
    store.create_channel(channel_id=cid, group_id=cid, kind=ChannelKind("bilateral"),
                         name="c", created_at=1, roster=b"r")
    key = store.row_key()
    assert key is not None
    index = SearchIndex(secrets.token_bytes(32))
    store.set_term_source(lambda body: iter([index.terms(body.decode())]))
    preparer = Preparer(key)
    ids = [secrets.token_bytes(16) for _ in range(450)]  # three statements
    jobs = [RowJob(cid, mid, b"alderia/ana", f"word{i % 7} text {i}".encode())
            for i, mid in enumerate(ids)]
    prepared = preparer.prepare(jobs)
    assert store.insert_message(cid, ids[3], sender=b"x", body=b"first copy", sent_at=1,
                                received_at=1)
    rows = [NewRow(mid, p, 10 + i, 20 + i, i + 1, None, True)
            for i, (mid, p) in enumerate(zip(ids, prepared, strict=True))]
    rows.append(NewRow(ids[7], prepared[8], 1, 1, 999, None, True))  # an id twice
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    with store.transaction():
        fresh = store.insert_prepared_messages(cid, rows)
    store._conn.set_trace_callback(None)
    assert fresh == [i != 3 for i in range(450)] + [False]
    assert sum(x.startswith("INSERT INTO messages") for x in statements) == 3
    got = {m.message_id: m for m in store.list_messages(cid, limit=1000)}
    assert len(got) == 450 and got[ids[3]].body == b"first copy"
    assert got[ids[7]].body == b"word0 text 7" and got[ids[7]].seq == 8
    assert (got[ids[200]].sent_at, got[ids[200]].received_at) == (210, 220)
    terms, _ = index.query("word3")
    # a search indexes the pending rows first: it finds them at once
    assert {m.message_id for m in store.search_index(terms, channel_id=cid, limit=500)} \
        == {ids[i] for i in range(450) if i % 7 == 3 and i != 3}
    assert store.index_pending() == 0
    # undone with the transaction it ran in
    more = [secrets.token_bytes(16) for _ in range(3)]
    extra = preparer.prepare([RowJob(cid, m, b"s", b"undone words") for m in more])
    with pytest.raises(RuntimeError), store.transaction():
        store.insert_prepared_messages(cid, [NewRow(m, p, 1, 1, searchable=True) for m, p in zip(
            more, extra, strict=True)])
        raise RuntimeError("the batch fails after the insert")
    assert len(store.list_messages(cid, limit=1000)) == 450
    assert store.search_index(index.query("undone")[0], channel_id=cid, limit=10) == []
    # malformed prepared rows and an unknown channel are refused, nothing stored
    good = extra[0]
    for bad in (b"short", "not bytes", extra[0][:40]):
        with pytest.raises(UsageError):
            store.insert_prepared_messages(cid, [NewRow(more[0], bad, 1, 1)])
    with pytest.raises(NotFoundError):
        store.insert_prepared_messages(secrets.token_bytes(16), [NewRow(more[0], good, 1, 1)])
    assert len(store.list_messages(cid, limit=1000)) == 450
    store.close()


# ---------------------------------------------------------------- the child itself

def _frame(kind: bytes, ident: int, body: bytes) -> bytes:
    return kind + ident.to_bytes(8, "big") + len(body).to_bytes(4, "big") + body


def _answers(out: bytes) -> dict[int, bytes]:
    assert out[:1] == b"R"
    got, i = {}, 1
    while i < len(out):
        assert out[i:i + 1] == b"J"
        ident, size = int.from_bytes(out[i + 1:i + 9], "big"), int.from_bytes(
            out[i + 9:i + 13], "big")
        got[ident] = out[i + 13:i + 13 + size]
        i += 13 + size
    return got


def test_the_child_seals_with_the_key_it_was_given_and_nothing_else() -> None:
    store_key, other_key = secrets.token_bytes(32), secrets.token_bytes(32)
    cid, mid = secrets.token_bytes(16), secrets.token_bytes(16)
    body = payloads.encode(text("the communiqué, final text"))
    job = encode_job(3, [RowJob(cid, mid, b"alderia/ana", body)])
    out = _answers(serve_bytes(
        _frame(b"J", 1, job)                                   # no key set yet: empty
        + _frame(b"K", 0, encode_keys(3, store_key))
        + _frame(b"K", 0, b"\xc1 not a key set")                # ignored
        + _frame(b"J", 2, job)
        + _frame(b"J", 3, job[:-2])                             # malformed: empty
        + _frame(b"F", 0, (3).to_bytes(4, "big"))
        + _frame(b"J", 4, job)))                                # forgotten: empty
    assert out[1] == out[3] == out[4] == b""
    rows = decode_answer(out[2], 1)
    assert rows is not None
    # the sealed column and nothing else (no terms: the child has no search key; the
    # row is indexed in the parent after the catch-up)
    assert msgspec.msgpack.decode(out[2]) == rows and isinstance(rows[0], bytes)
    secret = _open_message(RowCipher(Secret(store_key)), cid, mid, rows[0])
    assert (secret.sender, secret.body) == (b"alderia/ana", body)
    with pytest.raises(Exception):  # noqa: B017 - sealed to this row and key only
        _open_message(RowCipher(Secret(other_key)), cid, mid, rows[0])
    with pytest.raises(Exception):  # noqa: B017
        _open_message(RowCipher(Secret(store_key)), cid, secrets.token_bytes(16), rows[0])
    assert decode_answer(out[2], 2) is None  # not the rows asked for
    assert decode_answer(msgspec.msgpack.encode([[b"x", 1, None]]), 1) is None


def test_a_cancelled_request_is_dropped_unanswered() -> None:
    store_key = secrets.token_bytes(32)
    job = encode_job(0, [RowJob(secrets.token_bytes(16), secrets.token_bytes(16), b"s",
                                b"b")])
    out = _answers(serve_bytes(
        _frame(b"K", 0, encode_keys(0, store_key))
        + _frame(b"J", 1, job) + _frame(b"J", 2, job) + _frame(b"J", 3, job)
        + _frame(b"C", 0, (2).to_bytes(8, "big") + (3).to_bytes(8, "big"))))
    # all four were read before the first was worked on: 2 and 3 never ran
    assert sorted(out) == [1]
    rows = decode_answer(out[1], 1)
    assert rows is not None and len(rows) == 1 and isinstance(rows[0], bytes)


def test_the_child_cannot_dump_core() -> None:
    probe = ("import ctypes, resource; from client.sigworker import no_core; no_core(); "
             "print(resource.getrlimit(resource.RLIMIT_CORE), "
             "ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))")  # PR_GET_DUMPABLE
    root = str(Path(__file__).resolve().parents[2])
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": root}).stdout
    assert out.split() == ["(0,", "0)", "0"]
