# SPDX-License-Identifier: Apache-2.0
"""Observers over the real relay: a mission the venue accredited as an observer reads
and writes in the channels it is invited to, its messages badged "observer" in every
client, but its silence break and its sign-off
(sent by a modified client that skips its own checks) are refused by every client, it
is never asked for a closing statement, and it never joins a caucus."""

from __future__ import annotations

import pytest

from client.decisions.records import Break, SignOff, text_hash
from client.decisions.silence import State
from client.errors import UsageError
from tests.support.decisions_venue import DecisionsVenue

CHAIR = "alderia-ana"
MEMBERS = [CHAIR, "borduria-ana", "carpania-ana"]
OBSERVER = "track2-ana"
HOUR = 3600.0


async def test_an_observers_break_and_sign_off_are_refused_by_every_client(
        observer_venue: DecisionsVenue) -> None:
    v = observer_venue
    for n in [*MEMBERS, OBSERVER]:
        v.client(n)
    await v.sync_all(1)
    cid = await v.client(CHAIR).create_channel("multilateral", "Track 2 dialogue",
                                               ["borduria", "carpania", "track2"])
    await v.sync_all(2)
    assert v.dd(OBSERVER).observer and not v.dd(CHAIR).observer
    # the observer reads and writes in the channel it was invited to
    await v.client(OBSERVER).send_text(cid, "Our institute's paper is attached.")
    await v.sync_all(1)
    await v.client("borduria-ana").send_text(cid, "Thank you.")
    await v.sync_all(1)
    for n in [*MEMBERS, OBSERVER]:  # the badge, from the certificate, in every client
        shown = {m.text: m.observer for m in v.client(n).messages(cid)}
        assert shown["Our institute's paper is attached."] is True, n
        assert shown["Thank you."] is False, n
    assert v.dd(CHAIR).participants(bytes.fromhex(cid)) == (
        ["alderia", "borduria", "carpania"], ["alderia/ana", "borduria/ana", "carpania/ana"])

    # an observer never joins a caucus, even one whose charter names its mission
    caucus = await v.client(CHAIR).create_channel("caucus", "Like-minded", ["borduria",
                                                                           "track2"])
    await v.sync_all(2)
    assert caucus not in [c.channel_id.hex() for c in v.client(OBSERVER).store.list_channels()]
    members = {m.ident.mission_id for m in v.client(CHAIR).engine.members(bytes.fromhex(caucus))}
    assert members == {"alderia", "borduria"}

    proc = await v.dd(CHAIR).put(cid, "Dialogue summary", "Text.", period_ms=int(HOUR * 1000))
    doc = await v.dd(CHAIR).new_document(cid, "Joint summary", "One.\n\nTwo.")
    await v.tick_all()
    with pytest.raises(UsageError, match="observer"):
        await v.dd(OBSERVER).break_silence(proc, "We object")
    with pytest.raises(UsageError, match="observer"):
        await v.dd(OBSERVER).sign_off(doc)
    # a modified observer client sends them anyway
    od = v.dd(OBSERVER)
    pid, ch = od.find(proc)
    await od._send(ch, Break(proc_id=pid, break_id=b"\x07" * 16, revision=1,
                             member="track2/ana", reason="We object", at=od.now()))
    did, ch = od.find_doc(doc)
    await od._send(ch, SignOff(doc_id=did, version=1, text_hash=text_hash("One.\n\nTwo."),
                               member="track2/ana", at=od.now()))
    await v.tick_all()
    for n in [*MEMBERS, OBSERVER]:
        d = v.dd(n)
        assert d.status(proc).breaks == (), n
        assert d.document(doc).signed_off == {}, n
        assert "track2/ana" in d.book.observers or n == OBSERVER
    v.clock.advance(HOUR + 1)
    await v.tick_all()
    for n in MEMBERS:
        assert v.dd(n).status(proc).state is State.ADOPTED
