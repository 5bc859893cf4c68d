# SPDX-License-Identifier: Apache-2.0
"""The silence outcome and the drafting rules as pure functions of signed records."""

from __future__ import annotations

import random

from client.decisions import drafting, silence
from client.decisions.records import (
    Break,
    BreakSeen,
    Close,
    Lock,
    Put,
    SignOff,
    Version,
    Withdraw,
    text_hash,
)

T0 = 1_796_000_000_000
MIN = 60_000
PID = bytes(16)
MISSIONS = ["a", "b", "c"]
CLOSERS = ["a/x", "b/x", "c/x"]


def _put(rev: int = 1, at: int = T0, text: str = "text") -> Put:
    return Put(proc_id=PID, member="a/x", revision=rev, title="t", text=text, period=60 * MIN,
               at=at)


def _close(who: str, put: Put, breaks: tuple[tuple[bytes, int], ...] = ()) -> Close:
    return Close(proc_id=PID, revision=put.revision, text_hash=text_hash(put.text), member=who,
                 breaks=breaks, at=put.deadline + MIN)


def _outcome(recs: list[object], now: int) -> silence.Outcome:
    out = silence.outcome([r for r in recs if isinstance(r, Put)],
                          [r for r in recs if isinstance(r, Break)],
                          [r for r in recs if isinstance(r, Withdraw)],
                          [r for r in recs if isinstance(r, BreakSeen)],
                          [r for r in recs if isinstance(r, Close)],
                          participants=MISSIONS, closers=CLOSERS, now=now)
    assert out is not None
    return out


def test_adopted_needs_every_closing_statement() -> None:
    p = _put()
    recs: list[object] = [p, _close("a/x", p), _close("b/x", p)]
    assert _outcome(recs, p.deadline - 1).state is silence.State.OPEN
    out = _outcome(recs, p.deadline)
    assert out.state is silence.State.PENDING and out.awaiting == ("c/x",)
    assert _outcome([*recs, _close("c/x", p)], p.deadline).state is silence.State.ADOPTED


def test_a_late_joiner_is_not_waited_for_but_every_mission_is() -> None:
    p = Put(proc_id=PID, member="a/x", revision=1, title="t", text="text", period=60 * MIN,
            closers=("a/x", "b/x", "c/x"), at=T0)
    closes = [_close(w, p) for w in CLOSERS]
    late = ["a/x", "b/x", "c/x", "c/y"]  # c/y joined after the put: it cannot read it
    out = silence.outcome([p], [], [], [], closes, participants=MISSIONS, closers=late,
                          now=p.deadline)
    assert out is not None and out.state is silence.State.ADOPTED
    # a member who left is not waited for, but its mission still closes through another
    out = silence.outcome([p], [], [], [], closes[:2], participants=MISSIONS,
                          closers=["a/x", "b/x", "c/y"], now=p.deadline)
    assert out is not None and out.state is silence.State.PENDING and out.awaiting == ("c/*",)


def test_confirmed_break_unconfirmed_break_and_named_break() -> None:
    p = _put()
    b = Break(proc_id=PID, break_id=b"\x01" * 16, revision=1, member="b/x", reason="no",
              at=T0 + MIN)
    seen = [BreakSeen(proc_id=PID, break_id=b.break_id, member=m, at=T0 + 2 * MIN)
            for m in ("a/x", "c/x")]
    closes = [_close(w, p, ((b.break_id, b.at),)) for w in CLOSERS]
    assert _outcome([p, b, *seen, *closes], p.deadline).summary() == "broken by b/x (no)"
    disputed = _outcome([p, b, seen[0], *closes], p.deadline)
    assert disputed.state is silence.State.DISPUTED
    assert disputed.summary().endswith("not confirmed")
    assert [a.brk for a in silence.alerts(disputed, "b")] == [b]
    # a late acknowledgement (after the grace period) does not confirm
    late = BreakSeen(proc_id=PID, break_id=b.break_id, member="c/x",
                     at=p.deadline + silence.GRACE + 1)
    assert _outcome([p, b, seen[0], late], p.deadline).state is silence.State.DISPUTED
    # the break never arrived; its author's closing statement names it
    named = _outcome([p, *closes], p.deadline)
    assert named.state is silence.State.DISPUTED and named.unheld
    # a withdrawn break does not count
    w = Withdraw(proc_id=PID, break_id=b.break_id, member="b/x", at=T0 + 3 * MIN)
    clean = [_close(x, p) for x in CLOSERS]
    assert _outcome([p, b, w, *seen, *clean], p.deadline).state is silence.State.ADOPTED
    # a withdrawal by someone else does not
    w2 = Withdraw(proc_id=PID, break_id=b.break_id, member="a/x", at=T0 + 3 * MIN)
    assert _outcome([p, b, w2, *seen, *clean], p.deadline).state is silence.State.BROKEN


def test_revision_restarts_the_clock_and_clears_breaks() -> None:
    p1 = _put()
    p2 = _put(2, T0 + 50 * MIN, "text 2")
    b = Break(proc_id=PID, break_id=b"\x02" * 16, revision=1, member="c/x", reason="r",
              at=T0 + MIN)
    out = _outcome([p1, p2, b], p1.deadline + MIN)
    assert out.put == p2 and out.state is silence.State.OPEN and out.breaks == ()
    late = _put(2, p1.deadline, "too late")
    assert silence.current([p1, late]) == p1


def test_same_records_in_any_order_give_the_same_outcome() -> None:
    p = _put()
    b = Break(proc_id=PID, break_id=b"\x03" * 16, revision=1, member="b/x", reason="no",
              at=T0 + MIN)
    recs: list[object] = [p, _put(1, T0 + 1, "rival"), b,
                          BreakSeen(proc_id=PID, break_id=b.break_id, member="a/x", at=T0),
                          *[_close(w, p) for w in CLOSERS]]
    first = _outcome(recs, p.deadline).to_json()
    for seed in range(5):
        random.Random(seed).shuffle(recs)
        assert _outcome(recs, p.deadline).to_json() == first


def _v(n: int, who: str, text: str, at: int, lock: bool = False) -> Version:
    return Version(doc_id=PID, version=n, member=who, title="Joint statement", text=text,
                   lock=lock, at=at)


def test_new_version_clears_sign_offs_and_lock_rules_edits() -> None:
    v1, v2 = _v(1, "a/x", "one\n\ntwo", T0), _v(2, "b/x", "one\n\ntwo and a half", T0 + MIN)
    offs = [SignOff(doc_id=PID, version=2, text_hash=text_hash(v2.text), member=m,
                    at=T0 + 2 * MIN) for m in ("a/x", "b/x")]
    doc = drafting.document([v1, v2], [], [], offs, participants=MISSIONS)
    assert doc is not None and doc.summary() == "agreed by 2 of 3 missions at version 2"
    v3 = _v(3, "c/x", "one\n\nthree", T0 + 3 * MIN)
    doc = drafting.document([v1, v2, v3], [], [], offs, participants=MISSIONS)
    assert doc is not None and doc.summary() == "agreed by 0 of 3 missions at version 3"
    assert "-two and a half" in drafting.diff(v2, v3) and "+three" in drafting.diff(v2, v3)
    assert drafting.paragraphs(v1.text) == ["one", "two"]
    # under a lock, a version counts only from the lock holder
    l1 = _v(1, "a/x", "one", T0, lock=True)
    lk = Lock(doc_id=PID, member="a/x", until=T0 + 10 * MIN, at=T0 + MIN)
    by_b = _v(2, "b/x", "b's text", T0 + 2 * MIN)
    by_a = _v(2, "a/x", "a's text", T0 + 3 * MIN)
    doc = drafting.document([l1, by_b, by_a], [], [lk], [], participants=MISSIONS)
    assert doc is not None and doc.latest.version == 1
    doc = drafting.document([l1, by_a], [], [lk], [], participants=MISSIONS)
    assert doc is not None and doc.latest == by_a
    grab = Lock(doc_id=PID, member="b/x", until=T0 + 20 * MIN, at=T0 + 2 * MIN)
    assert drafting.lock_holder([lk, grab], T0 + 5 * MIN) == "a/x"
