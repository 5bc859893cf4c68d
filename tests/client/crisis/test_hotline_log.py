# SPDX-License-Identifier: Apache-2.0
"""The exported hotline log verifies offline, and fails after any byte is changed; its
signed marking is printed at the top and the bottom of every page."""

from __future__ import annotations

import random
import secrets

import msgspec
import pytest

from client.crisis import hotline as hl
from client.crisis.hotline_log import (
    Entry,
    LogError,
    export_log,
    render_html,
    render_pdf,
    verify_log,
)
from client.crisis.records import HotlineCall, LadderStep, Priority, Record, Rung, seal
from tests.client.crisis.pki import MIN, T0_MS, MiniVenue
from tests.support.pdf_pages import pages


@pytest.fixture(scope="module")
def venue() -> MiniVenue:
    return MiniVenue()


def _entry(venue: MiniVenue, rec: Record, who: str) -> Entry:
    d = venue.device(who)
    return Entry(seal(rec, d.seed), d.chain)


def _log(venue: MiniVenue, steps: int = 1) -> tuple[bytes, HotlineCall]:
    call = hl.new_call(call_id=secrets.token_bytes(16), caller="A/alice", to_mission="B",
                       priority=Priority.FLASH, subject="Flash", sent_at=T0_MS)
    entries = [_entry(venue, call, "A/alice")]
    rungs = [Rung.DELIVERED, Rung.SEEN, Rung.ACKNOWLEDGED, Rung.ANSWERED]
    for i in range(steps):
        who = "B/bob" if i % 2 else "B/bea"
        entries.append(_entry(venue, LadderStep(call_id=call.call_id, rung=rungs[i % 4],
                                                member=who, at=T0_MS + (i + 1) * MIN), who))
    exporter = venue.device("A/alice")
    return export_log(entries, root_der=venue.root, exporter_chain=exporter.chain,
                      exporter_seed=exporter.seed, exported_at=T0_MS + 30 * MIN), call


def test_exported_log_verifies_offline(venue: MiniVenue) -> None:
    data, call = _log(venue, steps=4)
    log = verify_log(data, venue.root)
    assert log.exporter == "A/alice" and [c.call_id for c in log.calls] == [call.call_id]
    lad = log.ladders[call.call_id]
    assert lad.top is Rung.ANSWERED and lad.reached[Rung.ACKNOWLEDGED].member == "B/bea"
    page = render_html(log)
    assert "B/bea" in page and "<script" not in page
    assert log.to_json()["calls"][0]["ladder"]["state"] == "answered"  # type: ignore[index]
    # exported 30 min after a flash call acknowledged at 3 min: it never escalated
    assert [s.level for s in log.escalation(call).steps] == [hl.Level.DUTY]


def test_the_log_names_members_from_its_verified_chains_with_the_id_beside(
        venue: MiniVenue) -> None:
    """Who called, who answered on the ladder and who exported, for people: the name
    each verified chain in the log gives, the id always beside it (a log is evidence)."""
    data, _call = _log(venue, steps=2)  # delivered by Bea, seen by Bob
    log = verify_log(data, venue.root)
    assert log.names == {"A/alice": "Alice", "B/bea": "Bea", "B/bob": "Bob"}
    assert log.to_json()["names"] == log.names and log.to_json()["exporter"] == "A/alice"
    page = render_html(log)
    assert "Exported by Alice (A/alice) at" in page
    assert "FLASH call from Alice (A/alice) to mission B" in page
    assert "delivered: Bea (B/bea) at" in page and "seen: Bob (B/bob) at" in page


def test_a_member_whose_chains_disagree_on_the_name_keeps_the_bare_id(
        venue: MiniVenue) -> None:
    """Bea's second device calls her "Director": neither name is trusted for her."""
    call = hl.new_call(call_id=secrets.token_bytes(16), caller="A/alice", to_mission="B",
                       priority=Priority.FLASH, subject="Flash", sent_at=T0_MS)
    other = venue.pki.device("B", "bea", display_name="Director")
    seen = LadderStep(call_id=call.call_id, rung=Rung.SEEN, member="B/bea",
                      at=T0_MS + 5 * MIN)
    alice = venue.device("A/alice")
    data = export_log([_entry(venue, call, "A/alice"),
                       _entry(venue, LadderStep(call_id=call.call_id, rung=Rung.DELIVERED,
                                                member="B/bea", at=T0_MS + MIN), "B/bea"),
                       Entry(seal(seen, other.seed), (other.chain[0], other.chain[1]))],
                      root_der=venue.root, exporter_chain=alice.chain,
                      exporter_seed=alice.seed, exported_at=T0_MS + 30 * MIN)
    log = verify_log(data, venue.root)
    assert "B/bea" not in log.names and log.label("B/bea") == "B/bea"
    assert "seen: B/bea at" in render_html(log)


def test_the_log_shows_the_escalation_of_an_unanswered_call(venue: MiniVenue) -> None:
    data, call = _log(venue, steps=2)  # delivered and seen, never acknowledged
    log = verify_log(data, venue.root)
    steps = log.escalation(call).steps
    assert [(s.level, s.at - call.sent_at) for s in steps] == [
        (hl.Level.DUTY, 0), (hl.Level.DEPUTY, 10 * MIN), (hl.Level.HEAD, 20 * MIN)]
    assert "escalated to head of mission" in render_html(log)


def test_fails_against_another_venue(venue: MiniVenue) -> None:
    data, _ = _log(venue)
    with pytest.raises(LogError, match="another venue"):
        verify_log(data, MiniVenue().root)


def _each_changed_byte_fails(data: bytes, positions: list[int], root: bytes) -> None:
    for i in positions:
        for delta in (0x01, 0x80):
            bad = bytearray(data)
            bad[i] ^= delta
            with pytest.raises(LogError):
                verify_log(bytes(bad), root)


@pytest.mark.filterwarnings("ignore::cryptography.utils.CryptographyDeprecationWarning")
def test_every_byte_of_a_small_log_matters(venue: MiniVenue) -> None:
    data, _ = _log(venue, steps=1)
    _each_changed_byte_fails(data, list(range(len(data))), venue.root)


@pytest.mark.filterwarnings("ignore::cryptography.utils.CryptographyDeprecationWarning")
def test_sampled_bytes_of_a_larger_log_matter(venue: MiniVenue) -> None:
    data, _ = _log(venue, steps=8)
    rng = random.Random(21)
    _each_changed_byte_fails(data, rng.sample(range(len(data)), 300), venue.root)


def test_truncated_or_extended_log_fails(venue: MiniVenue) -> None:
    data, _ = _log(venue)
    for bad in (data[:-1], data + b"\x00", data[1:]):
        with pytest.raises(LogError):
            verify_log(bad, venue.root)


def test_entry_signed_by_someone_else_than_it_names(venue: MiniVenue) -> None:
    call = hl.new_call(call_id=secrets.token_bytes(16), caller="A/alice", to_mission="B",
                       priority=Priority.URGENT, subject="s", sent_at=T0_MS)
    forged = Entry(seal(call, venue.device("A/ann").seed), venue.device("A/ann").chain)
    ex = venue.device("A/alice")
    data = export_log([forged], root_der=venue.root, exporter_chain=ex.chain,
                      exporter_seed=ex.seed, exported_at=T0_MS + MIN)
    with pytest.raises(LogError, match="signed by A/ann"):
        verify_log(data, venue.root)


def test_step_by_the_calling_side_is_refused(venue: MiniVenue) -> None:
    call = hl.new_call(call_id=secrets.token_bytes(16), caller="A/alice", to_mission="B",
                       priority=Priority.URGENT, subject="s", sent_at=T0_MS)
    step = LadderStep(call_id=call.call_id, rung=Rung.ACKNOWLEDGED, member="A/ann",
                      at=T0_MS + MIN)
    ex = venue.device("A/alice")
    data = export_log([_entry(venue, call, "A/alice"), _entry(venue, step, "A/ann")],
                      root_der=venue.root, exporter_chain=ex.chain, exporter_seed=ex.seed,
                      exported_at=T0_MS + MIN)
    with pytest.raises(LogError, match="outside the called mission"):
        verify_log(data, venue.root)


def test_the_marking_is_signed_and_printed_on_every_page(venue: MiniVenue) -> None:
    calls = [hl.new_call(call_id=secrets.token_bytes(16), caller="A/alice", to_mission="B",
                         priority=Priority.URGENT, subject=f"Call {i}",
                         body="\n".join(f"line {j} of the call" for j in range(12)),
                         sent_at=T0_MS + i * MIN) for i in range(12)]
    ex = venue.device("A/alice")
    data = export_log([_entry(venue, c, "A/alice") for c in calls], root_der=venue.root,
                      exporter_chain=ex.chain, exporter_seed=ex.seed,
                      exported_at=T0_MS + 60 * MIN, marking="RESTRICTED//CAUCUS ONLY")
    log = verify_log(data, venue.root)
    assert log.marking == "RESTRICTED//CAUCUS ONLY" == log.to_json()["marking"]
    got = pages(render_pdf(log))
    assert len(got) >= 2
    for n, page in enumerate(got, 1):
        assert page.at_top(log.marking) and page.at_bottom(log.marking), n
    page = render_html(log)
    assert page.count('<div class="marking') == 2
    assert page.index("RESTRICTED//CAUCUS ONLY") < page.index("<h1>")
    assert page.rindex("RESTRICTED//CAUCUS ONLY") > page.rindex("</section>")
    assert "position:fixed" in page  # printed, the banners repeat on every page


def test_a_log_without_a_marking_keeps_its_old_form(venue: MiniVenue) -> None:
    """A log written before markings (no such field) still verifies: the field is left
    out when empty, so the canonical check sees the same bytes; it prints as unmarked."""
    data, _call = _log(venue)
    body = msgspec.msgpack.decode(msgspec.msgpack.decode(data)["body"])
    assert "marking" not in body
    log = verify_log(data, venue.root)
    assert log.marking == ""
    assert all(p.at_top("UNMARKED (exported before markings)")
               for p in pages(render_pdf(log)))
