# SPDX-License-Identifier: Apache-2.0
"""Classification markings over a real relay: the channel's ceiling (in its charter)
refuses a send above it, and every receiver refuses what a modified client sends above
it anyway (a PolicyRefused event, nothing stored or shown)."""

from __future__ import annotations

from pathlib import Path

import pytest

from client import payloads
from client.errors import UsageError
from client.events import Event, PolicyRefused
from crypto.corridor import markings
from tests.support.client_venue import Venue

A, B, C = "alderia-ana", "borduria-ana", "carpania-ana"


async def test_ceiling_refuses_on_send_and_on_receipt(venue: Venue, tmp_path: Path) -> None:
    v = venue
    for n in (A, B, C):
        await v.client(n).sync()
    a, b, c = v.client(A), v.client(B), v.client(C)
    cid = await a.create_channel("multilateral", "working group", ["borduria", "carpania"],
                                 ceiling="restricted")
    await v.sync_all()
    gid = bytes.fromhex(cid)
    for x in (a, b, c):
        assert x.engine.ceiling(gid) == "RESTRICTED"
        assert x.engine.charter(gid).ceiling == "RESTRICTED"

    await a.send_text(cid, "for the group", marking="restricted")
    with pytest.raises(UsageError, match="above the channel's ceiling"):
        await a.send_text(cid, "too high", marking="CONFIDENTIAL")
    with pytest.raises(UsageError, match="not allowed in a multilateral"):
        await a.send_text(cid, "wrong caveat", marking="RESTRICTED//CAUCUS ONLY")
    with pytest.raises(UsageError, match="not a level"):
        await a.send_text(cid, "unknown", marking="TOP SEKRIT")
    doc = tmp_path / "brief.txt"
    doc.write_text("a confidential brief")
    with pytest.raises(UsageError, match="above the channel's ceiling"):
        await a.send_attachment(cid, doc, marking="CONFIDENTIAL")
    await a.send_attachment(cid, doc, marking="UNCLASSIFIED")

    # a modified client skips its own check: every receiver refuses the item
    seen: dict[str, list[Event]] = {B: [], C: []}
    for n in (B, C):
        v.client(n).subscribe(seen[n].append)
    bad = payloads.Text(message_id=payloads.new_message_id(), sent_at=payloads.now_ms(),
                        body="smuggled above the ceiling", marking="SECRET")
    await a.send_payload(cid, bad, _check_policy=False)
    await v.sync_all()
    for n, x in ((B, b), (C, c)):
        shown = {m.text: m.marking for m in x.messages(cid)}
        assert shown["for the group"] == "RESTRICTED", n
        assert "smuggled above the ceiling" not in shown, n
        assert "too high" not in shown, n
        assert [m.marking for m in x.messages(cid) if m.attachment is not None] == \
            ["UNCLASSIFIED"], n
        refused = [e for e in seen[n] if isinstance(e, PolicyRefused)]
        assert any("above the channel's ceiling" in e.reason for e in refused), n


async def test_default_ceiling_and_scheme(venue: Venue) -> None:
    v = venue
    for n in (A, B):
        await v.client(n).sync()
    a = v.client(A)
    cid = await a.create_channel("bilateral", "pair", ["borduria"])
    gid = bytes.fromhex(cid)
    assert a.engine.ceiling(gid) == markings.DEFAULT_SCHEME.default_ceiling
    await a.send_text(cid, "plain")
    await a.send_text(cid, "pair only", marking="restricted//bilateral only")
    with pytest.raises(UsageError):
        await a.send_text(cid, "above", marking="confidential")
    with pytest.raises(UsageError, match="channel ceiling"):
        await a.create_channel("bilateral", "bad", ["carpania"], ceiling="COSMIC")
    await v.sync_all()
    got = {m.text: m.marking for m in v.client(B).messages(cid)}
    assert got == {"plain": "UNCLASSIFIED", "pair only": "RESTRICTED//BILATERAL ONLY"}
