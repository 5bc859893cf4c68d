# SPDX-License-Identifier: Apache-2.0
"""The decisions desk of a device that left a channel: leaving deletes the channel's
group state, and the desk's view (what the decisions window shows) read each channel's
marking levels from it, so it failed with NotFoundError for every channel once one was
left. The left channel is no longer offered, and has no level to post at."""

from __future__ import annotations

from tests.support.decisions_venue import DecisionsVenue

CHAIR = "alderia-ana"
OTHERS = ["borduria-ana", "carpania-ana", "dravonia-ana"]
HOUR_MS = 3_600_000


async def test_the_view_after_leaving_a_channel(decisions_venue: DecisionsVenue) -> None:
    v = decisions_venue
    for n in (CHAIR, *OTHERS):
        v.client(n)
    await v.sync_all(1)
    chair = v.client(CHAIR)
    kept = await chair.create_channel("multilateral", "Plenary", ["borduria", "carpania"])
    gone = await chair.create_channel("multilateral", "Side room", ["borduria", "carpania"])
    await v.sync_all(2)
    desk = v.dd(CHAIR)
    proc = await desk.put(gone, "Draft in the side room", "Text.", period_ms=HOUR_MS)
    assert bytes.fromhex(gone) in {c for c, _n, _k in desk.view().channels}

    assert await chair.leave(gone)
    view = desk.view()  # raised NotFoundError: no group state for this channel
    offered = {c for c, _n, _k in view.channels}
    assert bytes.fromhex(kept) in offered and bytes.fromhex(gone) not in offered
    assert view.levels.get(bytes.fromhex(gone), ()) == ()  # nothing more is posted there
    assert view.levels[bytes.fromhex(kept)]  # the others keep their levels
    assert proc
