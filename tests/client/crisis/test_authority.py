# SPDX-License-Identifier: Apache-2.0
"""Chair and convener authority: who may convene, pin and post a chair's notice."""

from __future__ import annotations

from datetime import timedelta

import pytest

from client.crisis import authority as au
from client.crisis import signing
from crypto.corridor.charter import Charter, Ident
from tests.client.crisis.pki import HOUR, T0, T0_MS, MiniVenue


@pytest.fixture(scope="module")
def venue() -> MiniVenue:
    return MiniVenue()


def _ident(who: str) -> Ident:
    m, d = who.split("/")
    return Ident(m, d)


def _charter(kind: str, venue: MiniVenue, *, chair: str | None = None,
             conveners: tuple[str, ...] = ()) -> Charter:
    missions = ("A", "B") if kind == "bilateral" else ("A", "B", "C")
    return Charter(kind=kind, missions=missions, conveners=conveners,
                   chairs=(venue.chair_role(chair),) if chair else (), created_by="A/alice")


ALL_ACTS = list(au.Act)


@pytest.mark.parametrize("act", ALL_ACTS)
def test_notice_channel_only_the_chair(venue: MiniVenue, act: au.Act) -> None:
    roles = au.role_chairs(venue.root)
    ch = _charter("notice", venue, chair="C/carol")
    ok = au.decide(ch, _ident("C/carol"), act, at_ms=T0_MS, roles=roles)
    assert ok.allowed and ok.holders == {"C/carol"}
    no = au.decide(ch, _ident("A/alice"), act, at_ms=T0_MS, roles=roles)
    assert not no.allowed and "only the chair" in no.reason


@pytest.mark.parametrize("kind", ["multilateral", "caucus"])
@pytest.mark.parametrize("act", ALL_ACTS)
def test_conveners_and_named_chair(venue: MiniVenue, kind: str, act: au.Act) -> None:
    roles = au.role_chairs(venue.root)
    plain = _charter(kind, venue, conveners=("B/bob",))
    assert au.decide(plain, _ident("B/bob"), act, at_ms=T0_MS, roles=roles).allowed
    assert not au.decide(plain, _ident("A/alice"), act, at_ms=T0_MS, roles=roles).allowed
    # the chair holds no authority where the charter does not name the chair
    assert not au.decide(plain, _ident("C/carol"), act, at_ms=T0_MS, roles=roles).allowed
    named = _charter(kind, venue, chair="C/carol", conveners=("B/bob",))
    assert au.decide(named, _ident("C/carol"), act, at_ms=T0_MS, roles=roles).allowed
    assert au.decide(named, _ident("B/bob"), act, at_ms=T0_MS, roles=roles).allowed


@pytest.mark.parametrize("act", ALL_ACTS)
def test_bilateral_nobody_even_a_named_chair(venue: MiniVenue, act: au.Act) -> None:
    roles = au.role_chairs(venue.root)
    ch = _charter("bilateral", venue, chair="A/alice", conveners=("A/alice",))
    v = au.decide(ch, _ident("A/alice"), act, at_ms=T0_MS, roles=roles)
    assert not v.allowed and "propose a meeting" in v.reason


def test_emergency_call_without_agenda_is_refused_even_from_the_chair(
        venue: MiniVenue) -> None:
    roles = au.role_chairs(venue.root)
    ch = _charter("notice", venue, chair="C/carol")
    v = au.decide(ch, _ident("C/carol"), au.Act.EMERGENCY_CALL, at_ms=T0_MS, roles=roles,
                  has_agenda=False)
    assert not v.allowed and "agenda" in v.reason


def test_role_certificate_outside_its_validity_gives_no_authority(venue: MiniVenue) -> None:
    roles = au.role_chairs(venue.root)
    short = venue.chair_role("C/carol", days=1, start=T0 - timedelta(hours=12))
    ch = Charter(kind="notice", missions=("A", "B"), chairs=(short,), created_by="C/carol")
    assert au.decide(ch, _ident("C/carol"), au.Act.PIN, at_ms=T0_MS, roles=roles).allowed
    later = T0_MS + 13 * HOUR
    assert not au.decide(ch, _ident("C/carol"), au.Act.PIN, at_ms=later, roles=roles).allowed


def test_forged_role_certificate_gives_no_authority(venue: MiniVenue) -> None:
    other = MiniVenue()  # another root: its chair is nobody here
    roles = au.role_chairs(venue.root)
    ch = Charter(kind="notice", missions=("A",), chairs=(other.chair_role("A/alice"),),
                 created_by="A/alice")
    assert not au.decide(ch, _ident("A/alice"), au.Act.PIN, at_ms=T0_MS, roles=roles).allowed


def _handover(venue: MiniVenue, at: int, out: str, inc: str, serial: int = 1) -> bytes:
    h = au.Handover(venue=signing.fingerprint(venue.root), serial=serial, at=at,
                    outgoing=out, incoming=inc, incoming_role=venue.chair_role(inc))
    return au.sign_handover(venue.root, venue.root_seed, h)


def test_handover_ends_the_old_chairs_authority_at_its_time(venue: MiniVenue) -> None:
    roles = au.role_chairs(venue.root)
    at = T0_MS + 2 * HOUR
    h = au.verify_handover(venue.root, _handover(venue, at, "C/carol", "B/bob"))
    ch = _charter("notice", venue, chair="C/carol")
    for t, carol, bob in [(at - 1, True, False), (at, False, True), (at + HOUR, False, True)]:
        assert au.decide(ch, _ident("C/carol"), au.Act.EMERGENCY_CALL, at_ms=t,
                         roles=roles, handovers=[h]).allowed is carol
        assert au.decide(ch, _ident("B/bob"), au.Act.EMERGENCY_CALL, at_ms=t,
                         roles=roles, handovers=[h]).allowed is bob
    # the office passes in channels whose charter names the chair, not elsewhere
    multi = _charter("multilateral", venue, chair="C/carol")
    assert au.decide(multi, _ident("B/bob"), au.Act.PIN, at_ms=at, roles=roles,
                     handovers=[h]).allowed
    plain = _charter("caucus", venue)
    assert not au.decide(plain, _ident("B/bob"), au.Act.PIN, at_ms=at, roles=roles,
                         handovers=[h]).allowed


def test_handover_back_restores_the_first_chair(venue: MiniVenue) -> None:
    roles = au.role_chairs(venue.root)
    h1 = au.verify_handover(venue.root, _handover(venue, T0_MS + HOUR, "C/carol", "B/bob"))
    h2 = au.verify_handover(venue.root, _handover(venue, T0_MS + 3 * HOUR, "B/bob", "C/carol",
                                                  serial=2))
    ch = _charter("notice", venue, chair="C/carol")
    holders = au.chair_office(ch.chairs, [h2, h1], T0_MS + 4 * HOUR, roles)
    assert holders == {"C/carol"}


def test_handover_must_be_signed_by_this_venue(venue: MiniVenue) -> None:
    other = MiniVenue()
    data = _handover(venue, T0_MS, "C/carol", "B/bob")
    with pytest.raises(au.AuthorityError):
        au.verify_handover(other.root, data)
    tampered = bytearray(data)
    tampered[-70] ^= 1  # inside the signed body
    with pytest.raises(au.AuthorityError):
        au.verify_handover(venue.root, bytes(tampered))
    wrong_role = au.Handover(venue=signing.fingerprint(venue.root), serial=1, at=T0_MS,
                             outgoing="C/carol", incoming="B/bob",
                             incoming_role=venue.chair_role("A/alice"))
    with pytest.raises(au.AuthorityError, match="someone else"):
        au.verify_handover(venue.root, au.sign_handover(venue.root, venue.root_seed,
                                                        wrong_role))


def test_refusal_reads_the_payload(venue: MiniVenue) -> None:
    from client import payloads

    roles = au.role_chairs(venue.root)
    ch = _charter("notice", venue, chair="C/carol")
    base = {"message_id": b"m" * 16, "sent_at": T0_MS}
    call = payloads.EmergencyCall(**base, meeting_at=T0_MS + HOUR, place="Room 3",  # type: ignore[arg-type]
                                  agenda="Incident")
    blank = payloads.EmergencyCall(**base, meeting_at=T0_MS + HOUR, place="Room 3",  # type: ignore[arg-type]
                                   agenda="   ")
    pin = payloads.AgendaNotice(**base, title="Agenda", revision=1)  # type: ignore[arg-type]
    text = payloads.Text(**base, body="hello")  # type: ignore[arg-type]
    carol, alice = _ident("C/carol"), _ident("A/alice")
    assert au.refusal(ch, carol, call, at_ms=T0_MS, roles=roles) == ""
    assert "agenda" in au.refusal(ch, carol, blank, at_ms=T0_MS, roles=roles)
    assert "only the chair" in au.refusal(ch, alice, pin, at_ms=T0_MS, roles=roles)
    assert au.refusal(ch, alice, text, at_ms=T0_MS, roles=roles) == ""
