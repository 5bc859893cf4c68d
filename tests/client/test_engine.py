# SPDX-License-Identifier: Apache-2.0
"""The sans-I/O sync engine (client/engine.py), driven without sockets.

Devices are real engines with real certificates and real MLS over the in-memory relay
(:mod:`tests.support.memory_relay`); the relay's misbehaviour (reordering, withholding,
replaying, corrupting) is played by handing the engine crafted ``RelayMessage`` lists.
THREATS.md numbers are cited where a test covers one.
"""

from __future__ import annotations

import random
import secrets
from pathlib import Path

import pytest

from client import payloads
from client.engine import Engine
from client.engine.envelope import envelope
from client.engine.settings import CRASH_POINTS
from client.events import (
    ErrorEvent,
    ForkDetected,
    PossibleWithholding,
)
from client.store import MemoryStore, SqliteStore
from client.transport import RelayMessage
from crypto.secret_bytes import Secret
from tests.client.wire import is_commit
from tests.support.devices import Dev, assert_agree, channel, received, send, state, text
from tests.support.pki import B_M, C_M, Issued, Pki


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device(B_M, "bea"),
            "b2": pki.device(B_M, "bo"), "c": pki.device(C_M, "cy")}


# --------------------------------------------------------------------------- order


async def test_shuffled_batch_is_processed_in_seq_order(pki: Pki,
                                                        people: dict[str, Issued]) -> None:
    _relay, d, gid = await channel(pki, people)
    msgs = await send(d["a"], gid, *[f"m{i}" for i in range(8)])
    shuffled = list(msgs)
    random.Random(7).shuffle(shuffled)
    assert shuffled != msgs
    res = d["b"].engine.receive(shuffled)
    assert [e.seq for e in received(res.events)] == [m.seq for m in msgs]
    assert d["b"].texts(gid) == [f"m{i}" for i in range(8)]
    assert res.acks == [(gid, msgs[-1].seq)]
    assert d["b"].store.get_channel(gid).cursor == msgs[-1].seq


async def test_two_channels_interleaved_keep_their_own_order(
        pki: Pki, people: dict[str, Issued]) -> None:
    _relay, d, g1 = await channel(pki, people)
    g2 = await d["a"].create("caucus", "other", [B_M])
    for _ in range(2):
        for dev in d.values():
            await dev.sync()
    m1 = await send(d["a"], g1, "x1", "x2", "x3")
    m2 = await send(d["a"], g2, "y1", "y2")
    batch = [m1[2], m2[1], m1[0], m2[0], m1[1]]
    res = d["b"].engine.receive(batch)
    assert sorted(res.acks) == sorted([(g1, m1[-1].seq), (g2, m2[-1].seq)])
    assert d["b"].texts(g1) == ["x1", "x2", "x3"]
    assert d["b"].texts(g2) == ["y1", "y2"]


async def test_relay_order_differs_from_generation_order_within_the_window(
        pki: Pki, people: dict[str, Issued]) -> None:
    """THREATS 3: the relay numbers a sender's messages backwards; all still decrypt."""
    _relay, d, gid = await channel(pki, people)
    msgs = await send(d["a"], gid, "g0", "g1", "g2", "g3")
    renumbered = [RelayMessage(gid, msgs[0].seq + i, m.sender, m.client_msg_id, m.message)
                  for i, m in enumerate(reversed(msgs))]
    res = d["b"].engine.receive(renumbered)
    assert not [e for e in res.events if isinstance(e, ErrorEvent)]
    assert d["b"].texts(gid) == ["g3", "g2", "g1", "g0"]


async def test_reordering_beyond_the_window_is_a_typed_error_and_loses_no_key(
        pki: Pki, people: dict[str, Issued]) -> None:
    """THREATS 3: a generation beyond the out-of-order window is refused with a typed
    error; every other message of the channel still decrypts afterwards."""
    _relay, d, gid = await channel(pki, people)
    g = d["a"].group(gid)
    sender = d["a"].device_id
    bodies = []
    for i in range(1002):
        p = text(f"n{i}")
        bodies.append(g.encrypt_application(payloads.encode(p), authenticated_data=envelope(
            g, payloads.build_aad(p.message_id))))
    base = d["b"].store.get_channel(gid).cursor
    order = [1001, *range(1001)]  # the last generation first: 1001 steps ahead
    batch = [RelayMessage(gid, base + 1 + i, sender, f"m.{i}.0", bodies[k])
             for i, k in enumerate(order)]
    res = d["b"].engine.receive(batch)
    errors = [e for e in res.events if isinstance(e, ErrorEvent)]
    assert [(e.reason, e.detail) for e in errors] == [(f"message {base + 1} refused",
                                                       "GenerationError")]
    assert len(received(res.events)) == 1001
    assert d["b"].texts(gid) == [f"n{i}" for i in range(1001)]


# --------------------------------------------------------------------------- withholding


async def test_sequence_gap_is_reported_as_possible_withholding(
        pki: Pki, people: dict[str, Issued]) -> None:
    """THREATS 7."""
    _relay, d, gid = await channel(pki, people)
    msgs = await send(d["a"], gid, "one", "two", "three", "four")
    res = d["b"].engine.receive([msgs[0], msgs[2], msgs[3]])  # "two" withheld
    gaps = [e for e in res.events if isinstance(e, PossibleWithholding)]
    assert [(e.expected_seq, e.got_seq) for e in gaps] == [(msgs[1].seq, msgs[2].seq)]
    assert d["b"].texts(gid) == ["one", "three", "four"]
    # a gap across batches is noticed too
    more = await send(d["a"], gid, "five", "six")
    res = d["b"].engine.receive([more[1]])
    gaps = [e for e in res.events if isinstance(e, PossibleWithholding)]
    assert [(e.expected_seq, e.got_seq) for e in gaps] == [(more[0].seq, more[1].seq)]


# --------------------------------------------------------------------------- duplicates


async def test_duplicate_delivery_is_shown_once(pki: Pki, people: dict[str, Issued]) -> None:
    """THREATS 2: redelivery, a replayed ciphertext, and a resend with the same id."""
    _relay, d, gid = await channel(pki, people)
    msgs = await send(d["a"], gid, "once")
    b = d["b"].engine
    res = b.receive([msgs[0], msgs[0]])
    assert len(received(res.events)) == 1
    assert len(received(b.receive(msgs).events)) == 0  # at or below the cursor
    # the same ciphertext replayed at a new seq: its key is spent
    m = msgs[0]
    replay = RelayMessage(gid, m.seq + 1, m.sender, m.client_msg_id + "x", m.message)
    res = b.receive([replay])
    assert not received(res.events)
    assert [e.detail for e in res.events if isinstance(e, ErrorEvent)] in (
        ["ReplayError"], ["GenerationError"])
    # the sender re-sends the same message id under a new key (a resend after a crash)
    stored = d["a"].store.get_message(gid, payloads.decode(d["a"].store.list_messages(
        gid)[0].body).message_id)
    g = d["a"].group(gid)
    again = g.encrypt_application(stored.body, authenticated_data=envelope(
        g, payloads.build_aad(stored.message_id)))
    res = b.receive([RelayMessage(gid, m.seq + 2, m.sender, "m.again.1", again)])
    assert not received(res.events)
    assert d["b"].texts(gid) == ["once"]


# --------------------------------------------------------------------------- epochs


async def test_replayed_old_epoch_commit_is_refused_without_state_change(
        pki: Pki, people: dict[str, Issued]) -> None:
    """THREATS 2: the relay replays a commit the member already merged."""
    relay, d, gid = await channel(pki, people, ("a", "b", "b2"))
    d["a"].engine.enqueue_membership(gid, d["a"].engine.roster(gid).with_changes(name="r"))
    await d["a"].flush()
    await d["b2"].pull()
    assert d["b2"].engine.roster(gid).name == "r"
    commits = [m for m in relay.groups[gid].messages if is_commit(m.message)]
    assert len(commits) == 2  # the founding one (before b2 joined) and the rename
    before = state(d["b2"], gid)
    for old in commits:  # the relay appends the old commit again to the channel's order
        seq = len(relay.groups[gid].messages) + 1
        replay = RelayMessage(gid, seq, old.sender, f"c.replayed{seq}", old.message)
        relay.groups[gid].messages.append(replay)
        res = d["b2"].engine.receive([replay])
        assert not [e for e in res.events if isinstance(e, ForkDetected)], res.events
        assert [e.detail for e in res.events if isinstance(e, ErrorEvent)] == ["ReplayError"]
        assert state(d["b2"], gid) == before
    _ch, meta = d["b2"].engine.channel_state(gid)
    assert meta.forked == ""
    # the channel still works both ways
    await send(d["a"], gid, "after the replay")
    await d["b2"].pull()
    assert d["b2"].texts(gid)[-1] == "after the replay"
    assert d["b2"].engine.outbox_work() == []
    d["b2"].engine.enqueue_payload(gid, text("and back"))
    assert d["b2"].engine.outbox_work()


async def test_commit_for_a_future_epoch_is_refused(pki: Pki,
                                                    people: dict[str, Issued]) -> None:
    """A commit whose predecessor was withheld: a typed error, nothing merged."""
    relay, d, gid = await channel(pki, people, ("a", "b", "c"))
    n = len(relay.groups[gid].messages)
    d["a"].engine.enqueue_membership(gid, d["a"].engine.roster(gid).with_changes(name="r1"))
    await d["a"].flush()
    d["a"].engine.enqueue_membership(gid, d["a"].engine.roster(gid).with_changes(name="r2"))
    await d["a"].flush()
    _c1, c2 = relay.groups[gid].messages[n:n + 2]
    before = state(d["b"], gid)
    res = d["b"].engine.receive([c2])
    assert [e.detail for e in res.events if isinstance(e, ErrorEvent)] == ["EpochError"]
    assert state(d["b"], gid) == before
    await d["c"].pull()
    assert d["c"].engine.roster(gid).name == "r2"


async def test_commit_race_the_loser_processes_the_winner_and_retries(
        pki: Pki, people: dict[str, Issued]) -> None:
    """Two members commit for one epoch: 409 for the second; it merges the winner,
    rebuilds its commit from intent and gets it in at the next epoch."""
    relay, d, gid = await channel(pki, people, ("a", "b", "c"))
    epoch = d["a"].epoch(gid)
    # the convener renames; b adds its mission's new device; both built at `epoch`
    d["a"].engine.enqueue_membership(gid, d["a"].engine.roster(gid).with_changes(name="renamed"))
    (wa,) = d["a"].engine.outbox_work()
    out_a = await d["a"]._prepare(wa)
    d["b2"] = await Dev(pki, relay, people["b2"]).register()
    d["b"].engine.enqueue_membership(gid)
    (wb,) = d["b"].engine.outbox_work()
    out_b = await d["b"]._prepare(wb)
    assert out_a is not None and out_b is not None and out_a.add == ()
    assert out_b.add == (people["b2"].device_id,)
    await d["a"].t.post(gid, out_a.client_msg_id, out_a.message)
    d["a"].engine.posted(out_a)
    lost = await d["b"].flush()  # its pending commit goes first and loses
    assert lost == 1
    assert d["b"].engine.outbox_work() == []
    await d["a"].pull()
    for dev in d.values():
        await dev.pull()
    assert_agree(list(d.values()), gid)
    for dev in d.values():
        assert dev.engine.roster(gid).name == "renamed"
        assert dev.epoch(gid) == epoch + 2
        assert people["b2"].device_id in dev.members(gid)


# --------------------------------------------------------------------------- outbox


async def test_outbox_survives_an_engine_restart(pki: Pki, people: dict[str, Issued],
                                                 tmp_path: Path) -> None:
    key = Secret(secrets.token_bytes(32))
    path = tmp_path / "a.sqlite3"
    store = SqliteStore.open(path, key)
    _relay, d, gid = await channel(pki, people, stores={"a": store})
    mid = d["a"].engine.enqueue_payload(gid, text("queued before the crash"))
    d["a"].engine.enqueue_membership(gid, d["a"].engine.roster(gid).with_changes(name="later"))
    store.close()
    # a new process: a new store connection, a new engine, nothing in memory
    d["a"].store = SqliteStore.open(path, key)
    d["a"].restart()
    work = d["a"].engine.outbox_work()
    assert len(work) == 2
    await d["a"].flush()
    assert d["a"].engine.outbox_work() == []
    await d["b"].pull()
    assert d["b"].texts(gid) == ["queued before the crash"]
    assert d["b"].store.get_message(gid, mid).seq is not None
    assert d["b"].engine.roster(gid).name == "later"
    assert_agree([d["a"], d["b"]], gid)
    d["a"].store.close()


async def test_pending_commit_survives_a_restart_and_is_resent_as_is(
        pki: Pki, people: dict[str, Issued]) -> None:
    _relay, d, gid = await channel(pki, people)
    d["a"].engine.enqueue_membership(gid, d["a"].engine.roster(gid).with_changes(name="p"))
    (w,) = d["a"].engine.outbox_work()
    out = await d["a"]._prepare(w)
    assert out is not None
    d["a"].restart()  # crashed before posting
    (w2,) = d["a"].engine.outbox_work()
    assert w2.pending  # type: ignore[union-attr]
    out2 = await d["a"]._prepare(w2)
    assert out2 is not None and out2.message == out.message
    await d["a"].flush()
    await d["b"].pull()
    assert d["b"].engine.roster(gid).name == "p"
    assert_agree([d["a"], d["b"]], gid)


# --------------------------------------------------------------------------- bad bytes


def _flip(data: bytes, at: int) -> bytes:
    b = bytearray(data)
    b[at] ^= 0x01
    return bytes(b)


async def test_malformed_relay_bytes_are_typed_errors_and_change_nothing(
        pki: Pki, people: dict[str, Issued]) -> None:
    """THREATS 14, 19: random, truncated and bit-flipped messages at every position."""
    _relay, d, gid = await channel(pki, people)
    (good,) = await send(d["a"], gid, "the real one")
    rng = random.Random(1414)
    junk = [b"", b"\x00", bytes(rng.getrandbits(8) for _ in range(64)),
            secrets.token_bytes(3000)]
    junk += [good.message[:n] for n in (1, 4, 20, len(good.message) // 2,
                                        len(good.message) - 1)]
    junk += [_flip(good.message, i) for i in (0, 3, 10, 30, len(good.message) - 20,
                                              len(good.message) - 1)]
    junk += [good.message + b"\x00"]
    b = d["b"].engine
    seq = good.seq
    for raw in junk:
        before = state(d["b"], gid)
        res = b.receive([RelayMessage(gid, seq, good.sender, "m.junk.0", raw)])
        errors = [e for e in res.events if isinstance(e, ErrorEvent)]
        assert len(errors) == 1 and not received(res.events), (raw[:40], res.events)
        assert errors[0].detail.endswith(("Error", "Violation")), errors[0]
        assert state(d["b"], gid) == before
        b._groups.clear()  # as after a restart: the stored state is what counts
        seq += 1
    # the genuine message, delivered after all that, still decrypts (no key was spent)
    res = b.receive([RelayMessage(gid, seq, good.sender, good.client_msg_id, good.message)])
    assert [e.seq for e in received(res.events)] == [seq]
    assert d["b"].texts(gid) == ["the real one"]


async def test_random_relay_batches_never_raise(pki: Pki, people: dict[str, Issued]) -> None:
    """THREATS 14: whatever the relay sends, ``receive`` returns typed events only."""
    _relay, d, gid = await channel(pki, people)
    msgs = await send(d["a"], gid, "x")
    d["b"].engine.receive(msgs)
    rng = random.Random(99)
    seq = msgs[-1].seq
    for _ in range(200):
        raw = bytearray(msgs[0].message)
        for _k in range(rng.randint(1, 4)):
            op = rng.randint(0, 2)
            if op == 0 and raw:
                raw[rng.randrange(len(raw))] = rng.getrandbits(8)
            elif op == 1 and raw:
                del raw[rng.randrange(len(raw)):]
            else:
                raw += bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 16)))
        seq += 1
        res = d["b"].engine.receive([RelayMessage(gid, seq, msgs[0].sender, "m.r.0",
                                                  bytes(raw))])
        assert all(isinstance(e, ErrorEvent | PossibleWithholding | ForkDetected)
                   for e in res.events), res.events
    (last,) = await send(d["a"], gid, "readable")
    res = d["b"].engine.receive([RelayMessage(gid, seq + 1, last.sender, last.client_msg_id,
                                              last.message)])
    assert d["b"].texts(gid) == ["x", "readable"]


async def test_memory_store_rolls_back_a_failed_batch(pki: Pki,
                                                      people: dict[str, Issued]) -> None:
    """If processing a batch fails midway, nothing of it stays (one transaction)."""
    _relay, d, gid = await channel(pki, people)
    assert isinstance(d["b"].store, MemoryStore)
    msgs = await send(d["a"], gid, "p", "q")
    before = state(d["b"], gid)
    cursor = d["b"].store.get_channel(gid).cursor

    original = d["b"].store.insert_message
    calls = 0

    def failing(*a: object, **kw: object) -> bool:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError("disk full")
        return original(*a, **kw)  # type: ignore[arg-type]

    d["b"].store.insert_message = failing  # type: ignore[method-assign]
    with pytest.raises(OSError):
        d["b"].engine.receive(msgs)
    d["b"].store.insert_message = original  # type: ignore[method-assign]
    assert state(d["b"], gid) == before
    assert d["b"].store.get_channel(gid).cursor == cursor
    assert d["b"].texts(gid) == []
    d["b"].engine.receive(msgs)
    assert d["b"].texts(gid) == ["p", "q"]


async def test_a_flipped_fingerprint_byte_does_not_mark_the_channel_forked(
        pki: Pki, people: dict[str, Issued]) -> None:
    """THREATS 19: one bit flipped by the relay in the (unauthenticated until decrypted)
    AAD fingerprint must be a typed error, not a permanent fork flag."""
    _relay, d, gid = await channel(pki, people)
    (good,) = await send(d["a"], gid, "x")
    fp_at = good.message.index(envelope(d["a"].group(gid), b"")[:1 + 16])
    res = d["b"].engine.receive([RelayMessage(gid, good.seq, good.sender, "m.f.0",
                                              _flip(good.message, fp_at + 5))])
    assert not [e for e in res.events if isinstance(e, ForkDetected)]
    assert d["b"].engine.channel_state(gid)[1].forked == ""


async def test_the_engine_calls_its_crash_hook_at_the_named_points(
        pki: Pki, people: dict[str, Issued]) -> None:
    """The crash tests kill the process from this hook; the engine calls it at each
    named point of a send and of a commit, and at no other."""
    _relay, d, gid = await channel(pki, people)
    a = d["a"]
    points: list[str] = []
    a.engine = Engine(a.store, a.engine.me, a.engine.trust, crash=points.append)
    await send(a, gid, "hello")
    assert points[:3] == ["send-sealed", "send-encrypted", "send-posted"]
    a.engine.enqueue_self_update(gid)
    await a.flush()
    assert {"commit-built", "commit-saved", "commit-merged"} <= set(points)
    assert set(points) <= set(CRASH_POINTS)


async def test_marking_verdicts_follow_the_scheme_they_were_judged_by(
        pki: Pki, people: dict[str, Issued]) -> None:
    """The receiver keeps its marking verdicts per scheme: one the venue's new scheme
    refuses is refused from then on, though the same values passed a moment before."""
    from crypto.corridor import markings

    _relay, d, gid = await channel(pki, people)
    ctx = d["b"].engine._ctx
    roster = ctx.epoch_charter(ctx.group(gid))
    p = payloads.Text(message_id=payloads.new_message_id(), sent_at=payloads.now_ms(),
                      body="x", marking="RESTRICTED")
    assert ctx.marking_refusal(roster, p) == ""
    assert ctx.marking_refusal(roster, p) == ""  # the kept verdict
    d["b"].engine.marking_scheme = markings.MarkingScheme(
        levels=("PUBLIC", "INTERNAL"), default_ceiling="INTERNAL", issued_at=1)
    assert "not a level" in ctx.marking_refusal(roster, p)
    d["b"].engine.marking_scheme = markings.DEFAULT_SCHEME
    assert ctx.marking_refusal(roster, p) == ""
