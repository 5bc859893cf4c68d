# SPDX-License-Identifier: Apache-2.0
"""Duty rosters, the ladder and escalation, as pure functions of records and a clock."""

from __future__ import annotations

import secrets

import pytest

from client.crisis import hotline as hl
from client.crisis.records import (
    HotlineCall,
    LadderStep,
    Priority,
    RecordError,
    Rung,
    decode_record,
    open_signed,
    seal,
)
from tests.client.crisis.pki import HOUR, MIN, T0_MS, MiniVenue


@pytest.fixture(scope="module")
def venue() -> MiniVenue:
    return MiniVenue()


def _roster(**kw: object) -> hl.DutyRoster:
    base: dict[str, object] = dict(
        mission="B", revision=1, deputy="B/dora", head="B/hugo", issued_at=T0_MS,
        shifts=(hl.Shift(starts_at=T0_MS - HOUR, ends_at=T0_MS + 8 * HOUR,
                         on_duty=("B/bob", "B/bea")),))
    base.update(kw)
    return hl.DutyRoster(**base)  # type: ignore[arg-type]


def _flash() -> HotlineCall:
    return hl.new_call(call_id=secrets.token_bytes(16), caller="A/alice", to_mission="B",
                       priority=Priority.FLASH, subject="Incident at the border",
                       sent_at=T0_MS)


def _step(call: HotlineCall, rung: Rung, who: str, at: int) -> LadderStep:
    return LadderStep(call_id=call.call_id, rung=rung, member=who, at=at)


def test_reply_by_defaults_per_priority() -> None:
    assert _flash().reply_by - T0_MS == 10 * MIN
    urgent = hl.new_call(call_id=b"u" * 16, caller="A/alice", to_mission="B",
                         priority=Priority.URGENT, subject="s", sent_at=T0_MS)
    routine = hl.new_call(call_id=b"r" * 16, caller="A/alice", to_mission="B",
                          priority=Priority.ROUTINE, subject="s", sent_at=T0_MS)
    assert (urgent.reply_by - T0_MS, routine.reply_by - T0_MS) == (HOUR, 24 * HOUR)
    custom = hl.new_call(call_id=b"c" * 16, caller="A/alice", to_mission="B",
                         priority=Priority.FLASH, subject="s", sent_at=T0_MS,
                         reply_within=3 * MIN)
    assert custom.reply_by == T0_MS + 3 * MIN


def test_roster_is_signed_by_its_mission(venue: MiniVenue) -> None:
    seed, cert = venue.mission("B")
    data = hl.sign_roster(seed, _roster())
    assert hl.verify_roster(cert, data) == _roster()
    with pytest.raises(RecordError):
        hl.verify_roster(venue.mission("A")[1], data)  # another mission's certificate
    other_seed, _ = venue.mission("C")
    with pytest.raises(RecordError, match="not signed"):
        hl.verify_roster(cert, hl.sign_roster(other_seed, _roster()))
    with pytest.raises(RecordError, match="not a delegate"):
        hl.sign_roster(seed, _roster(head="A/alice"))


def test_on_duty_and_what_the_other_side_sees() -> None:
    r = _roster()
    assert hl.on_duty(r, T0_MS) == ("B/bob", "B/bea")
    assert hl.on_duty(r, T0_MS + 9 * HOUR) == ("B/dora",)  # no shift: the deputy
    assert hl.duty_view(r, T0_MS) is None  # not disclosed
    open_r = _roster(disclose_on_duty=True)
    assert hl.duty_view(open_r, T0_MS) == {"mission": "B", "on_duty": True}
    assert hl.duty_view(open_r, T0_MS + 9 * HOUR) == {"mission": "B", "on_duty": False}
    assert hl.latest_roster([open_r, _roster(revision=2)]) == _roster(revision=2)


def test_flash_unanswered_escalates_to_deputy_then_head() -> None:
    call, r = _flash(), _roster()
    lad = hl.ladder(call, [_step(call, Rung.DELIVERED, "B/bob", T0_MS + 1000)])
    e = hl.escalation(call, r, lad, T0_MS + 5 * MIN)
    assert e.level is hl.Level.DUTY and e.ringing == ("B/bob", "B/bea")
    assert e.next_at == T0_MS + 10 * MIN and not e.overdue
    e = hl.escalation(call, r, lad, T0_MS + 10 * MIN)
    assert e.level is hl.Level.DEPUTY and e.ringing == ("B/bob", "B/bea", "B/dora")
    assert e.summary(T0_MS + 10 * MIN) == "unanswered 10 min — escalated to deputy"
    assert e.overdue and e.next_at == T0_MS + 20 * MIN
    e = hl.escalation(call, r, lad, T0_MS + 20 * MIN)
    assert e.level is hl.Level.HEAD and "B/hugo" in e.ringing and e.next_at is None
    assert [s.at for s in e.steps] == [T0_MS, T0_MS + 10 * MIN, T0_MS + 20 * MIN]


def test_acknowledgement_stops_the_alarm_and_the_escalation() -> None:
    call, r = _flash(), _roster()
    steps = [_step(call, Rung.DELIVERED, "B/bea", T0_MS + 1000),
             _step(call, Rung.ACKNOWLEDGED, "B/dora", T0_MS + 12 * MIN)]
    lad = hl.ladder(call, steps)
    before = hl.escalation(call, r, lad, T0_MS + 11 * MIN)
    assert before.ringing and before.level is hl.Level.DEPUTY
    after = hl.escalation(call, r, lad, T0_MS + 60 * MIN)
    assert after.ringing == () and after.level is hl.Level.DEPUTY
    assert after.acknowledged_at == T0_MS + 12 * MIN and after.next_at is None
    assert after.summary(T0_MS + 60 * MIN) == "acknowledged"


def test_ladder_counts_only_the_called_mission_and_orders_rungs() -> None:
    call = _flash()
    steps = [_step(call, Rung.ANSWERED, "A/alice", T0_MS + 1),  # the caller's own side
             _step(call, Rung.SEEN, "B/bob", T0_MS + 3000),
             _step(call, Rung.DELIVERED, "B/bea", T0_MS + 2000),
             _step(call, Rung.DELIVERED, "B/bob", T0_MS + 2500)]
    lad = hl.ladder(call, steps)
    assert lad.top is Rung.SEEN and lad.reached[Rung.DELIVERED].member == "B/bea"
    assert len(lad.steps) == 3 and lad.at(Rung.ACKNOWLEDGED) is None
    assert lad.to_json()["state"] == "seen"


def test_steps_are_signed_by_their_member(venue: MiniVenue) -> None:
    call = _flash()
    bob = venue.device("B/bob")
    signed = seal(_step(call, Rung.ACKNOWLEDGED, "B/bob", T0_MS + MIN), bob.seed)
    from client.crisis.signing import cert_public_key
    step = open_signed(signed, cert_public_key(bob.chain[0]), LadderStep)
    assert step.rung is Rung.ACKNOWLEDGED
    with pytest.raises(RecordError):
        open_signed(signed, cert_public_key(venue.device("B/bea").chain[0]), LadderStep)
    with pytest.raises(RecordError, match="expected"):
        open_signed(signed, cert_public_key(bob.chain[0]), HotlineCall)


def test_newer_fields_are_kept_in_the_signed_bytes(venue: MiniVenue) -> None:
    import msgspec
    call = _flash()
    raw = msgspec.msgpack.decode(msgspec.msgpack.encode(_step(call, Rung.SEEN, "B/bob",
                                                                T0_MS)))
    assert raw["t"] == "step"
    raw["screen"] = "tray"  # a field of a newer client
    body = msgspec.msgpack.encode(raw)
    rec = decode_record(body)
    assert isinstance(rec, LadderStep) and rec.rung is Rung.SEEN
    newer = msgspec.msgpack.encode({**raw, "v": 2})
    with pytest.raises(RecordError, match="schema"):
        decode_record(newer)


def test_the_calling_side_computes_the_same_steps_without_the_roster() -> None:
    call, r = _flash(), _roster()
    lad = hl.ladder(call, [])
    now = T0_MS + 25 * MIN
    theirs = hl.escalation(call, r, lad, now)
    ours = hl.escalation(call, None, lad, now)
    assert [(s.level, s.at) for s in ours.steps] == [(s.level, s.at) for s in theirs.steps]
    assert all(s.called == () for s in ours.steps)
    assert ours.summary(now) == "unanswered 25 min — escalated to head of mission"


def test_duty_windows_say_only_yes_or_no(venue: MiniVenue) -> None:
    seed, cert = venue.mission("B")
    with pytest.raises(RecordError, match="does not disclose"):
        hl.sign_windows(seed, _roster())
    data = hl.sign_windows(seed, _roster(disclose_on_duty=True))
    w = hl.verify_windows(cert, data)
    assert hl.on_duty_now(w, T0_MS) and not hl.on_duty_now(w, T0_MS + 9 * HOUR)
    assert b"B/bob" not in data and b"B/hugo" not in data
    with pytest.raises(RecordError, match="not signed"):
        hl.verify_windows(cert, hl.sign_windows(venue.mission("C")[0],
                                                _roster(disclose_on_duty=True)))
    with pytest.raises(RecordError):  # a roster signature is no windows signature
        hl.verify_windows(cert, hl.sign_roster(seed, _roster(disclose_on_duty=True)))
