# SPDX-License-Identifier: Apache-2.0
"""The silence procedure over the real relay on loopback with an injected clock: a text
adopted; a text broken by one mission, the record naming it; a break withdrawn before
the deadline; a revision restarting the clock; and a relay that withholds a break (or
everything its author sends afterwards) never makes any client say "adopted"."""

from __future__ import annotations

import pytest

from client.decisions.export import ExportError, verify_record
from client.decisions.silence import State
from client.errors import UsageError
from client.transport import HttpTransport, RelayMessage, RelayWelcome
from tests.support.decisions_venue import DecisionsVenue

CHAIR = "alderia-ana"
OTHERS = ["borduria-ana", "carpania-ana", "dravonia-ana"]
ALL = [CHAIR, *OTHERS]
HOUR = 3600.0
TEXT = "The forum welcomes the notification regime.\n\nIt meets again in March."


class Withholding(HttpTransport):
    """The real relay, but every (group, seq) in ``withheld`` is left out of every
    answer to this client."""

    withheld: set[tuple[bytes, int]]

    async def messages(self, group_id: bytes, after: int,
                       limit: int = 1000) -> tuple[list[RelayMessage], int]:
        msgs, last = await super().messages(group_id, after, limit)
        return [m for m in msgs if (m.group_id, m.seq) not in self.withheld], last

    async def inbox(self, *, messages: bool = True,
                    ) -> tuple[list[RelayMessage], list[RelayWelcome]]:
        msgs, welcomes = await super().inbox(messages=messages)
        return [m for m in msgs if (m.group_id, m.seq) not in self.withheld], welcomes


async def _venue(v: DecisionsVenue) -> str:
    for n in ALL:
        v.client(n)
    await v.sync_all(1)
    cid = await v.client(CHAIR).create_channel("multilateral", "Plenary drafting",
                                               ["borduria", "carpania", "dravonia"])
    await v.sync_all(2)
    return cid


def _states(v: DecisionsVenue, proc: str) -> dict[str, str]:
    return {n: str(v.dd(n).status(proc).state) for n in ALL}


async def test_a_text_is_adopted_under_silence(decisions_venue: DecisionsVenue) -> None:
    v = decisions_venue
    cid = await _venue(v)
    proc = await v.dd(CHAIR).put(cid, "Notification regime", TEXT, period_ms=int(HOUR * 1000))
    with pytest.raises(UsageError, match="chair"):
        await v.dd("borduria-ana").put(cid, "Rival text", TEXT, period_ms=int(HOUR * 1000))
    await v.tick_all()
    assert set(_states(v, proc).values()) == {"under silence"}
    v.clock.advance(HOUR + 1)
    await v.tick_all()
    assert _states(v, proc) == dict.fromkeys(ALL, "adopted")
    out = v.dd("carpania-ana").status(proc)
    assert out.summary() == "adopted" and out.awaiting == () and out.closed_by == tuple(
        f"{m}/ana" for m in ("alderia", "borduria", "carpania", "dravonia"))


async def test_a_break_names_the_mission_and_the_record_verifies_offline(
        decisions_venue: DecisionsVenue) -> None:
    v = decisions_venue
    cid = await _venue(v)
    proc = await v.dd(CHAIR).put(cid, "Notification regime", TEXT, period_ms=int(HOUR * 1000))
    await v.tick_all()
    v.clock.advance(600)
    await v.dd("borduria-ana").break_silence(proc, "Paragraph 2 prejudges the March agenda")
    await v.tick_all()
    assert set(_states(v, proc).values()) == {"under silence"}
    assert v.dd("borduria-ana").status(proc).breaks[0].confirmed
    v.clock.advance(HOUR)
    await v.tick_all()
    for n in ALL:
        out = v.dd(n).status(proc)
        assert out.state is State.BROKEN
        assert out.summary() == ("broken by borduria/ana (Paragraph 2 prejudges the March "
                                 "agenda)")
    data = v.dd("dravonia-ana").export_outcome(proc)
    root = v.client(CHAIR).engine.trust.root_der
    rec = verify_record(data, root)
    assert rec.outcome is not None and rec.outcome.state is State.BROKEN
    assert rec.outcome.breaks[0].brk.member == "borduria/ana"
    assert rec.outcome.to_json()["text_hash"] == v.dd(CHAIR).status(proc).text_hash.hex()
    failures = 0
    for i in range(0, len(data), max(1, len(data) // 97)):
        bad = bytearray(data)
        bad[i] ^= 0x01
        with pytest.raises(ExportError):
            verify_record(bytes(bad), root)
        failures += 1
    assert failures > 90


async def test_a_break_withdrawn_before_the_deadline(decisions_venue: DecisionsVenue) -> None:
    v = decisions_venue
    cid = await _venue(v)
    proc = await v.dd(CHAIR).put(cid, "Notification regime", TEXT, period_ms=int(HOUR * 1000))
    await v.tick_all()
    await v.dd("carpania-ana").break_silence(proc, "Instructions awaited")
    await v.tick_all()
    v.clock.advance(HOUR / 2)
    assert await v.dd("carpania-ana").withdraw(proc)
    await v.tick_all()
    v.clock.advance(HOUR / 2 + 1)
    await v.tick_all()
    assert _states(v, proc) == dict.fromkeys(ALL, "adopted")
    out = v.dd(CHAIR).status(proc)
    assert [b.withdrawn_at is not None for b in out.breaks] == [True]
    with pytest.raises(UsageError, match="deadline"):
        await v.dd("carpania-ana").break_silence(proc, "too late")


async def test_a_revision_restarts_the_clock(decisions_venue: DecisionsVenue) -> None:
    v = decisions_venue
    cid = await _venue(v)
    proc = await v.dd(CHAIR).put(cid, "Notification regime", TEXT, period_ms=int(HOUR * 1000))
    await v.tick_all()
    await v.dd("dravonia-ana").break_silence(proc, "Add a review clause")
    await v.tick_all()
    v.clock.advance(50 * 60)
    first_deadline = v.dd(CHAIR).status(proc).deadline
    assert await v.dd(CHAIR).revise(proc, TEXT + "\n\nIt reviews the regime in 2028.") == 2
    await v.tick_all()
    v.clock.advance(20 * 60)  # past the first deadline, inside the restarted period
    await v.tick_all()
    for n in ALL:
        out = v.dd(n).status(proc)
        assert out.put.revision == 2 and out.state is State.OPEN
        assert out.deadline == first_deadline + 50 * 60 * 1000
        assert out.breaks == ()  # the break of revision 1 does not carry over
    v.clock.advance(HOUR)
    await v.tick_all()
    assert _states(v, proc) == dict.fromkeys(ALL, "adopted")


async def _withholding(v: DecisionsVenue, names: list[str]) -> dict[str, Withholding]:
    out = {}
    for n in names:
        c = v.client(n)
        t = Withholding(v.layout.relay_url, c.engine.me.seed)
        t.withheld = set()
        await t.login()
        await c.transport.close()
        c.transport = t
        out[n] = t
    return out


async def _last_seq(v: DecisionsVenue, name: str, cid: str) -> tuple[bytes, int]:
    gid = bytes.fromhex(cid)
    _msgs, last = await v.client(name).transport.messages(gid, 0)
    return gid, last


async def test_a_withheld_break_is_disputed_never_adopted(
        decisions_venue: DecisionsVenue) -> None:
    v = decisions_venue
    cid = await _venue(v)
    proc = await v.dd(CHAIR).put(cid, "Notification regime", TEXT, period_ms=int(HOUR * 1000))
    await v.tick_all()
    others = [CHAIR, "carpania-ana", "dravonia-ana"]
    views = await _withholding(v, others)
    v.clock.advance(HOUR - 300)
    await v.dd("borduria-ana").break_silence(proc, "We object")
    held = await _last_seq(v, "borduria-ana", cid)
    for t in views.values():
        t.withheld.add(held)
    await v.tick_all()
    # the breaking mission is told at once: nobody acknowledged its break
    v.clock.advance(180)
    alerts = await v.dd("borduria-ana").tick()
    assert [a.brk.reason for a in alerts] == ["We object"]
    assert alerts[0].missing == frozenset({"alderia", "carpania", "dravonia"})
    v.clock.advance(121)
    await v.tick_all()
    states = _states(v, proc)
    assert "adopted" not in states.values()
    assert set(states.values()) == {"disputed"}
    summary = v.dd(CHAIR).status(proc).summary()
    assert summary.startswith("disputed: break sent at ") and summary.endswith(
        ", not confirmed")


async def test_a_relay_that_withholds_everything_the_breaker_sends_cannot_adopt(
        decisions_venue: DecisionsVenue) -> None:
    v = decisions_venue
    cid = await _venue(v)
    proc = await v.dd(CHAIR).put(cid, "Notification regime", TEXT, period_ms=int(HOUR * 1000))
    await v.tick_all()
    others = [CHAIR, "carpania-ana", "dravonia-ana"]
    views = await _withholding(v, others)
    await v.dd("borduria-ana").break_silence(proc, "We object")
    held = {await _last_seq(v, "borduria-ana", cid)}
    v.clock.advance(HOUR + 1)
    for _ in range(3):
        for t in views.values():
            t.withheld |= held
        await v.sync_all(1)
        for n in ALL:
            await v.dd(n).tick()
            if n == "borduria-ana":
                held.add(await _last_seq(v, n, cid))
    for t in views.values():
        t.withheld |= held
    await v.sync_all(1)
    states = _states(v, proc)
    assert "adopted" not in states.values()
    assert states["borduria-ana"] == "disputed"
    for n in others:
        out = v.dd(n).status(proc)
        assert out.state is State.PENDING and out.awaiting == ("borduria/ana",)


async def test_who_may_put_a_text_is_judged_without_reading_the_history(
        decisions_venue: DecisionsVenue, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each put taken into the book is checked against the chair's authority, with the
    venue's handovers: those the engine keeps (read once, then as items arrive), not a
    read and decode of every stored message of every channel for each put (which made
    a book of n puts over m messages cost n x m decodes)."""
    from client.decisions.desk import Desk

    v = decisions_venue
    cid = await _venue(v)
    procs = [await v.dd(CHAIR).put(cid, f"Text {i}", TEXT, period_ms=int(HOUR * 1000))
             for i in range(3)]
    await v.tick_all()
    reader = v.client("borduria-ana")
    assert reader.engine.handovers() == []  # read here, once
    scans: list[object] = []
    real = type(reader.store).iter_messages
    monkeypatch.setattr(type(reader.store), "iter_messages",
                        lambda self, *a, **k: scans.append(a) or real(self, *a, **k))
    fresh = Desk(reader)  # a new book: every put taken again
    fresh.refresh()
    assert [str(fresh.status(p).state) for p in procs] == ["under silence"] * 3
    assert scans == []
