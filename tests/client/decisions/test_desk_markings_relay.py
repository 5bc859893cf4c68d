# SPDX-License-Identifier: Apache-2.0
"""Markings on the decisions desk over the real relay: a marked silence text (and its
revision) arrives marked on the other missions' clients; a marked draft version raises
the marking on every page of the agreed text's PDF and .docx; a text above the
channel's ceiling is refused on send (naming the ceiling) and, forged by a modified
client, refused on receipt."""

from __future__ import annotations

import io
import secrets

import docx
import pytest

from client import payloads
from client.decisions.book import Item, encode_item
from client.decisions.records import Put, seal
from client.errors import UsageError
from client.events import Event, PolicyRefused
from tests.support.decisions_venue import DecisionsVenue
from tests.support.pdf_pages import pages

CHAIR = "alderia-ana"
OTHERS = ["borduria-ana", "carpania-ana", "dravonia-ana"]
ALL = [CHAIR, *OTHERS]
HOUR_MS = 3_600_000


async def _channel(v: DecisionsVenue) -> str:
    for n in ALL:
        v.client(n)
    await v.sync_all(1)
    cid = await v.client(CHAIR).create_channel("multilateral", "Plenary drafting",
                                               ["borduria", "carpania", "dravonia"],
                                               ceiling="confidential")
    await v.sync_all(2)
    return cid


async def test_marked_silence_text_and_draft(decisions_venue: DecisionsVenue) -> None:
    v = decisions_venue
    cid = await _channel(v)
    chair = v.dd(CHAIR)
    with pytest.raises(UsageError, match="above the channel's ceiling CONFIDENTIAL"):
        await chair.put(cid, "Too high", "text", period_ms=HOUR_MS, marking="SECRET")
    proc = await chair.put(cid, "Notification regime", "The forum welcomes it.",
                           period_ms=HOUR_MS, marking="restricted")
    await v.sync_all(1)
    for n in OTHERS:
        assert v.dd(n).procedure_marking(proc) == "RESTRICTED", n
    await chair.revise(proc, "The forum warmly welcomes it.", marking="CONFIDENTIAL")
    await v.sync_all(1)
    for n in OTHERS:
        assert v.dd(n).status(proc).put.revision == 2, n
        assert v.dd(n).procedure_marking(proc) == "CONFIDENTIAL", n

    # a modified client skips its own check: every receiver refuses the text
    seen: dict[str, list[Event]] = {n: [] for n in OTHERS}
    for n in OTHERS:
        v.client(n).subscribe(seen[n].append)
    eng = v.client(CHAIR).engine
    forged = Put(proc_id=secrets.token_bytes(16), member="alderia/ana", revision=1,
                 title="Smuggled", text="above the ceiling", period=HOUR_MS,
                 closers=(), at=int(v.clock() * 1000))
    item = Item(decision=seal(forged, eng.me.seed), chain=tuple(eng.me.chain[:2]))
    p = payloads.Crisis(message_id=payloads.new_message_id(), sent_at=int(v.clock() * 1000),
                        item=encode_item(item), marking="SECRET")
    await v.client(CHAIR).send_payload(cid, p, _check_policy=False)
    await v.sync_all(1)
    for n in OTHERS:
        assert [o.put.title for _c, o in v.dd(n).procedures()] == ["Notification regime"], n
        assert any(isinstance(e, PolicyRefused) and "above the channel's ceiling" in e.reason
                   for e in seen[n]), n

    # a draft: version 1 unmarked, version 2 marked CONFIDENTIAL raises every page
    doc = await chair.new_document(cid, "Joint statement", "First text.")
    await v.sync_all(1)
    assert v.dd(OTHERS[0]).marking_of(doc) == "UNCLASSIFIED"
    v.clock.advance(60)
    with pytest.raises(UsageError, match="ceiling CONFIDENTIAL"):
        await v.dd(OTHERS[0]).edit(doc, "Second text.", marking="SECRET")
    assert await v.dd(OTHERS[0]).edit(doc, "Second text.", marking="CONFIDENTIAL") == 2
    await v.sync_all(1)
    files = v.dd(OTHERS[1]).export_files(doc, "statement")
    got = pages(files["statement.pdf"])
    assert got and all(pg.at_top("CONFIDENTIAL") and pg.at_bottom("CONFIDENTIAL")
                       for pg in got)
    word = docx.Document(io.BytesIO(files["statement.docx"]))
    for s in word.sections:
        assert [x.text for x in s.header.paragraphs] == ["CONFIDENTIAL"]
        assert [x.text for x in s.footer.paragraphs] == ["CONFIDENTIAL"]
