# SPDX-License-Identifier: Apache-2.0
"""The device's book of crisis records: what it accepts from whom, and its views."""

from __future__ import annotations

import secrets

import pytest

from client.crisis import authority as au
from client.crisis import hotline as hl
from client.crisis import signing
from client.crisis.book import Book, Item, encode_item
from client.crisis.hotline_log import export_log, verify_log
from client.crisis.records import (
    Attendance,
    AttendanceAnswer,
    HotlineCall,
    LadderStep,
    Priority,
    Record,
    RecordError,
    Rung,
    seal,
)
from tests.client.crisis.pki import HOUR, MIN, T0_MS, MiniVenue

CH = b"c" * 16


@pytest.fixture(scope="module")
def venue() -> MiniVenue:
    return MiniVenue()


def _send(book: Book, venue: MiniVenue, rec: Record, who: str, as_: str | None = None) -> None:
    d = venue.device(who)
    book.accept(CH, as_ or who, encode_item(Item(record=seal(rec, d.seed), chain=d.chain)))


def _call() -> HotlineCall:
    return hl.new_call(call_id=secrets.token_bytes(16), caller="A/alice", to_mission="B",
                       priority=Priority.FLASH, subject="Flash", sent_at=T0_MS)


def test_records_are_checked_against_their_mls_sender(venue: MiniVenue) -> None:
    book = Book(venue.root)
    call = _call()
    with pytest.raises(RecordError, match="another member's certificate chain"):
        _send(book, venue, call, "A/alice", as_="A/ann")  # relayed by someone else
    d = venue.device("A/ann")
    with pytest.raises(RecordError, match="naming A/alice"):
        book.accept(CH, d.who, encode_item(Item(record=seal(call, d.seed), chain=d.chain)))
    stranger = MiniVenue().device("A/alice")  # a chain of another venue
    with pytest.raises(RecordError, match="does not verify"):
        book.accept(CH, "A/alice", encode_item(Item(record=seal(call, stranger.seed),
                                                    chain=stranger.chain)))
    alice = venue.device("A/alice")
    with pytest.raises(RecordError, match="signature"):
        book.accept(CH, "A/alice", encode_item(Item(record=seal(call, d.seed),
                                                    chain=alice.chain)))
    _send(book, venue, call, "A/alice")
    with pytest.raises(RecordError, match="called mission"):
        _send(book, venue, LadderStep(call_id=call.call_id, rung=Rung.ACKNOWLEDGED,
                                      member="A/ann", at=T0_MS + 1), "A/ann")
    assert [v.call.call_id for v in book.calls(T0_MS)] == [call.call_id]


def test_rosters_only_from_the_senders_own_mission(venue: MiniVenue) -> None:
    book = Book(venue.root)
    seed, cert = venue.mission("B")
    roster = hl.DutyRoster(mission="B", revision=3, deputy="B/dora", head="B/hugo",
                           issued_at=T0_MS)
    data = hl.sign_roster(seed, roster)
    a = venue.device("A/alice")
    with pytest.raises(RecordError, match="another mission"):
        book.accept(CH, a.who, encode_item(Item(roster=data, chain=a.chain)))
    b = venue.device("B/bob")
    assert b.chain[1] == cert
    book.accept(CH, b.who, encode_item(Item(roster=data, chain=b.chain)))
    older = hl.sign_roster(seed, hl.DutyRoster(mission="B", revision=2, deputy="B/x",
                                               head="B/hugo", issued_at=T0_MS))
    book.accept(CH, b.who, encode_item(Item(roster=older, chain=b.chain)))
    assert book.rosters["B"].revision == 3


def test_alarm_rings_until_acknowledged_and_escalates(venue: MiniVenue) -> None:
    book = Book(venue.root)
    seed, _cert = venue.mission("B")
    roster = hl.DutyRoster(mission="B", revision=1, deputy="B/dora", head="B/hugo",
                           issued_at=T0_MS, shifts=(hl.Shift(
                               starts_at=T0_MS - HOUR, ends_at=T0_MS + HOUR,
                               on_duty=("B/bob",)),))
    b = venue.device("B/bob")
    book.accept(CH, b.who, encode_item(Item(roster=hl.sign_roster(seed, roster),
                                            chain=b.chain)))
    call = _call()
    _send(book, venue, call, "A/alice")
    assert [v.call.call_id for v in book.ringing_for("B/bob", T0_MS + MIN)] == [call.call_id]
    assert book.ringing_for("B/dora", T0_MS + MIN) == []
    assert book.ringing_for("B/dora", T0_MS + 10 * MIN)  # escalated to the deputy
    assert book.ringing_for("A/alice", T0_MS + 10 * MIN) == []  # the caller's side
    _send(book, venue, LadderStep(call_id=call.call_id, rung=Rung.ACKNOWLEDGED,
                                  member="B/dora", at=T0_MS + 11 * MIN), "B/dora")
    assert book.ringing_for("B/bob", T0_MS + 12 * MIN) == []
    assert book.ringing_for("B/dora", T0_MS + 12 * MIN) == []
    view = book.call_view(call.call_id, T0_MS + 12 * MIN)
    assert view is not None and view.escalation.level is hl.Level.DEPUTY
    # the book's log exports and verifies
    ex = venue.device("A/alice")
    data = export_log(book.log_entries(), root_der=venue.root, exporter_chain=ex.chain,
                      exporter_seed=ex.seed, exported_at=T0_MS + HOUR)
    assert verify_log(data, venue.root).ladders[call.call_id].top is Rung.ACKNOWLEDGED


def test_handover_items_and_tally(venue: MiniVenue) -> None:
    book = Book(venue.root)
    h = au.Handover(venue=signing.fingerprint(venue.root), serial=1, at=T0_MS,
                    outgoing="C/carol", incoming="B/bob",
                    incoming_role=venue.chair_role("B/bob"))
    b = venue.device("B/bob")
    book.accept(CH, b.who, encode_item(Item(handover=au.sign_handover(
        venue.root, venue.root_seed, h))))
    assert book.handovers == [h]
    mid = b"m" * 16
    for who, ans in [("A/alice", AttendanceAnswer.IN_PERSON), ("B/bob", AttendanceAnswer.REMOTE)]:
        _send(book, venue, Attendance(meeting_id=mid, member=who, answer=ans, at=T0_MS), who)
    t = book.tally(mid, ["A", "B", "C"])
    assert t.not_answered == ("C",) and t.counts["remotely"] == 1


def test_item_with_two_things_is_refused(venue: MiniVenue) -> None:
    book = Book(venue.root)
    b = venue.device("B/bob")
    with pytest.raises(RecordError, match="one record"):
        book.accept(CH, b.who, encode_item(Item(roster=b"x", handover=b"y")))


def test_a_notice_channel_keeps_only_answers(venue: MiniVenue) -> None:
    book = Book(venue.root)
    d = venue.device("A/alice")
    call = encode_item(Item(record=seal(_call(), d.seed), chain=d.chain))
    with pytest.raises(RecordError, match="notice channel"):
        book.accept(CH, d.who, call, notice=True)
    answer = Attendance(meeting_id=b"m" * 16, member=d.who, answer=AttendanceAnswer.REMOTE,
                        at=T0_MS)
    book.accept(CH, d.who, encode_item(Item(record=seal(answer, d.seed), chain=d.chain)),
                notice=True)
    assert book.tally(b"m" * 16, ["A"]).answers["A"].answer is AttendanceAnswer.REMOTE
