# SPDX-License-Identifier: Apache-2.0
"""A long batch's signature checks run in a child process while the receiver goes on
(client.engine.sigchecks). What must hold is what in-line checking gave: an insider's
message under another member's key and generation, with its own signature (THREATS
12: it passes the AEAD, only the signature gives it away), is refused; the genuine
message of that generation, right after it, is still shown; nothing is stored twice;
no key-transparency gossip of the batch is handed on before its checks pass; and a
worker that dies mid-batch costs at most a redo in line, never a message."""

from __future__ import annotations

import os
import secrets
import signal
from pathlib import Path

import pytest

from client import payloads
from client.engine import sigchecks
from client.engine.envelope import app_aad
from client.events import ErrorEvent
from client.sigworker import MAX_BATCH
from client.store import SqliteStore
from crypto.framing import DeferredSignatures
from crypto.group import Group
from crypto.secret_bytes import Secret
from crypto.suites import get_suite
from tests.support.devices import Dev, channel, received, send, text
from tests.support.pki import B_M, C_M, Issued, Pki
from tests.support.sigworker_pipe import serve_bytes
from tests.support.waiting import WAIT, until


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device(B_M, "bea"),
            "c": pki.device(C_M, "cy")}


def _stores(tmp_path: Path, sealed: bool) -> dict[str, object]:
    """b's store: in memory, or SQLite, whose rows the checking child also seals
    (client.rowjobs) and the batch inserts before it ends."""
    if not sealed:
        return {}
    return {"b": SqliteStore.open(tmp_path / "b.sqlite3", Secret(secrets.token_bytes(32)))}


async def _worker_ready() -> None:
    await until(sigchecks.start_worker, WAIT, "the signature worker started")


def _forged_as(insider: Dev, gid: bytes, victim: Dev, body: str) -> bytes:
    """A PrivateMessage under ``victim``'s leaf and its next generation, made by a
    member who knows the epoch's secrets but signs with its own key."""
    g = Group.from_bytes(insider.group(gid).to_bytes(),
                         credential_validator=insider.engine.trust)
    st = g._state
    payload = text(body)
    aad = app_aad(g, payload.message_id, b"", insider.engine._ctx.signer)
    return st.app_framing().seal(victim.group(gid).own_leaf_index, st.signing_key,
                                 st.secret_tree, payloads.encode(payload),
                                 authenticated_data=aad)


async def _batch_with_forgery(d: dict[str, Dev], gid: bytes) -> None:
    a, c = d["a"], d["c"]
    await send(a, gid, *(f"before {i}" for i in range(20)))
    await c.pull()  # the insider's copy of ana's ratchet is now at her next generation
    forged = _forged_as(c, gid, a, "not from ana")
    await c.t.post(gid, f"c.insider{secrets.token_hex(4)}", forged)
    await send(a, gid, *(f"after {i}" for i in range(20)))  # the first reuses its generation


@pytest.mark.parametrize("sealed", [False, True], ids=["memory", "sqlite"])
async def test_a_forged_message_in_a_checked_batch_is_refused_and_its_generation_kept(
        pki: Pki, people: dict[str, Issued], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path, sealed: bool) -> None:
    _relay, d, gid = await channel(pki, people, ("a", "b", "c"), stores=_stores(tmp_path, sealed))
    await _worker_ready()
    failed: list[str] = []
    real_settle = sigchecks.ParallelChecks.settle

    def settle(self: sigchecks.ParallelChecks) -> None:
        try:
            real_settle(self)
        except sigchecks.DeferredCheckFailed as exc:
            failed.append(str(exc))
            raise

    monkeypatch.setattr(sigchecks.ParallelChecks, "settle", settle)
    gossip: list[tuple[bytes, str, bytes]] = []
    d["b"].engine.on_gossip = lambda cid, who, head: gossip.append((cid, who, head))
    await _batch_with_forgery(d, gid)
    n = len(d["b"].store.list_messages(gid, limit=1000))
    events = await d["b"].pull()
    assert failed, "the batch was not checked in the worker"  # the path under test ran
    texts = d["b"].texts(gid)
    assert "not from ana" not in texts
    assert [t for t in texts if t.startswith(("before", "after"))] == \
        [f"before {i}" for i in range(20)] + [f"after {i}" for i in range(20)]
    assert len(received(events)) == 40
    assert len(d["b"].store.list_messages(gid, limit=1000)) == n + 40
    errors = [e for e in events if isinstance(e, ErrorEvent)]
    assert len(errors) == 1 and errors[0].detail == "VerificationError", errors
    assert gossip == []  # ana's messages gossip no log head here; none came from the redo
    # the group state kept is the one in-line checking gives: ana's next message decrypts
    await send(d["a"], gid, "later")
    await d["b"].pull()
    assert d["b"].texts(gid)[-1] == "later"


@pytest.mark.parametrize("sealed", [False, True], ids=["memory", "sqlite"])
async def test_a_clean_batch_is_checked_beside_and_kept_once(
        pki: Pki, people: dict[str, Issued], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path, sealed: bool) -> None:
    _relay, d, gid = await channel(pki, people, ("a", "b"), stores=_stores(tmp_path, sealed))
    await _worker_ready()
    settled: list[int] = []
    real_settle = sigchecks.ParallelChecks.settle

    def settle(self: sigchecks.ParallelChecks) -> None:
        real_settle(self)
        settled.append(1)

    monkeypatch.setattr(sigchecks.ParallelChecks, "settle", settle)
    await send(d["a"], gid, *(f"m {i}" for i in range(100)))
    events = await d["b"].pull()
    assert settled
    assert len(received(events)) == 100
    assert [t for t in d["b"].texts(gid) if t.startswith("m ")] == \
        [f"m {i}" for i in range(100)]
    assert not [e for e in events if isinstance(e, ErrorEvent)]


@pytest.mark.parametrize("sealed", [False, True], ids=["memory", "sqlite"])
async def test_a_worker_killed_mid_batch_costs_no_message(
        pki: Pki, people: dict[str, Issued], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path, sealed: bool) -> None:
    _relay, d, gid = await channel(pki, people, ("a", "b"), stores=_stores(tmp_path, sealed))
    await _worker_ready()
    worker = sigchecks._worker
    assert worker is not None
    real_opened = sigchecks.ParallelChecks.opened
    sent: list[int] = []

    def opened(self: sigchecks.ParallelChecks) -> None:
        real_opened(self)
        if self._sent and not sent:  # the first chunk (and its rows) went out
            sent.append(1)
            os.kill(worker.proc.pid, signal.SIGKILL)
            worker.proc.wait()

    monkeypatch.setattr(sigchecks.ParallelChecks, "opened", opened)
    try:
        await send(d["a"], gid, *(f"k {i}" for i in range(120)))
        events = await d["b"].pull()
        assert sent and worker.dead
        assert len(received(events)) == 120
        assert [t for t in d["b"].texts(gid) if t.startswith("k ")] == \
            [f"k {i}" for i in range(120)]
        # a dead worker is not restarted: the next batch is checked in line, and kept
        assert sigchecks.parallel_checks(500) is None
        await send(d["a"], gid, *(f"l {i}" for i in range(40)))
        assert len(received(await d["b"].pull())) == 40
    finally:
        sigchecks._worker = None  # the next test module may start a fresh one


async def test_effects_wait_for_the_checks_and_are_dropped_when_one_fails() -> None:
    await _worker_ready()
    worker = sigchecks._worker
    assert worker is not None
    suite = get_suite(3)
    sk, pk = suite.generate_signature_key_pair()
    good = suite.sign_with_label(sk, "FramedContentTBS", b"content")
    ran: list[str] = []
    ok = sigchecks.ParallelChecks(worker)
    ok.deferred.add(suite, pk, b"content", good)
    ok.later(lambda: ran.append("ok"))
    assert ran == []
    ok.settle()
    assert ran == ["ok"]
    for n in (1, sigchecks.CHUNK + 1):  # checked here, and in the worker
        bad = sigchecks.ParallelChecks(worker)
        for i in range(n):
            sig = good if i else bytes([good[0] ^ 1]) + good[1:]
            bad.deferred.add(suite, pk, b"content", sig)
            bad.opened()
        bad.later(lambda: ran.append("bad"))
        with pytest.raises(sigchecks.DeferredCheckFailed):
            bad.settle()
    assert ran == ["ok"]
    assert not worker.dead  # a failed check is an answer, not a broken worker


def _frame(ident: int, body: bytes, kind: bytes = b"S") -> bytes:
    return kind + ident.to_bytes(8, "big") + len(body).to_bytes(4, "big") + body


def test_the_worker_answers_each_batch_and_stops_at_nonsense() -> None:
    suite = get_suite(3)
    sk, pk = suite.generate_signature_key_pair()
    checks = DeferredSignatures()
    checks.add(suite, pk, b"c", suite.sign_with_label(sk, "FramedContentTBS", b"c"))
    batch = checks.take()
    assert batch is not None
    good = batch.encode()
    out = serve_bytes(_frame(7, good) + _frame(8, good[:-1]) + _frame(9, b"junk"))
    assert out == b"R" + b"S" + (7).to_bytes(8, "big") + b"\x01" + b"S" \
        + (8).to_bytes(8, "big") + b"\x00" + b"S" + (9).to_bytes(8, "big") + b"\x00"
    # a length beyond any batch ends the worker unread; a cut frame ends it too; so
    # does a kind it does not know, whatever follows
    assert serve_bytes(b"S" + (1).to_bytes(8, "big") + (MAX_BATCH + 1).to_bytes(4, "big")) == b"R"
    assert serve_bytes(_frame(1, good)[:-3]) == b"R"
    assert serve_bytes(_frame(1, good, b"X") + _frame(2, good)) == b"R"


async def test_a_chunk_checked_here_while_the_worker_is_behind_fails_at_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    await _worker_ready()
    worker = sigchecks._worker
    assert worker is not None
    monkeypatch.setattr(sigchecks, "MAX_BEHIND", 0)  # the worker counts as behind
    suite = get_suite(3)
    sk, pk = suite.generate_signature_key_pair()
    good = suite.sign_with_label(sk, "FramedContentTBS", b"content")
    fine = sigchecks.ParallelChecks(worker)
    for _ in range(sigchecks.CHUNK):
        fine.deferred.add(suite, pk, b"content", good)
        fine.opened()
    assert fine._sent == [] and fine.deferred.settled  # checked here, nothing sent
    bad = sigchecks.ParallelChecks(worker)
    for _i in range(sigchecks.CHUNK - 1):
        bad.deferred.add(suite, pk, b"content", good)
        bad.opened()
    bad.deferred.add(suite, pk, b"content!", good)
    with pytest.raises(sigchecks.DeferredCheckFailed):
        bad.opened()
    assert not bad.deferred.settled


def test_switched_off_or_frozen_checks_stay_in_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sigchecks, "_worker", None)
    monkeypatch.setenv("CORRIDOR_SIGCHECK_WORKER", "0")
    assert not sigchecks.start_worker()
    assert sigchecks.parallel_checks(10_000) is None and sigchecks._worker is None
    monkeypatch.delenv("CORRIDOR_SIGCHECK_WORKER")
    monkeypatch.setattr(sigchecks.sys, "frozen", True, raising=False)  # the bundle
    assert sigchecks.parallel_checks(10_000) is None and sigchecks._worker is None
    assert sigchecks.parallel_checks(sigchecks.MIN_BATCH - 1) is None  # a push or two
