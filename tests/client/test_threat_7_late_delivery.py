# SPDX-License-Identifier: Apache-2.0
"""THREATS 7, the part after the report: a withheld message that the relay delivers
later (after the gap was reported) must still reach the member, or at least be
reported; today the engine has moved its cursor past it and drops it silently."""

from __future__ import annotations

import pytest

from client.events import ErrorEvent, MessageReceived, PossibleWithholding
from tests.support.devices import channel, send
from tests.support.pki import B_M, Issued, Pki


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device(B_M, "bea")}


async def test_gap_is_reported_then_filled_by_a_fresh_catch_up(
        pki: Pki, people: dict[str, Issued]) -> None:
    """What works today: the gap is reported once, the others are shown."""
    _relay, d, gid = await channel(pki, people)
    msgs = await send(d["a"], gid, "one", "two", "three")
    res = d["b"].engine.receive([msgs[0], msgs[2]])
    gaps = [e for e in res.events if isinstance(e, PossibleWithholding)]
    assert [(e.expected_seq, e.got_seq) for e in gaps] == [(msgs[1].seq, msgs[2].seq)]
    assert d["b"].texts(gid) == ["one", "three"]


async def test_a_withheld_message_delivered_late_is_not_lost(
        pki: Pki, people: dict[str, Issued]) -> None:
    _relay, d, gid = await channel(pki, people)
    msgs = await send(d["a"], gid, "one", "two", "three")
    d["b"].engine.receive([msgs[0], msgs[2]])
    res = d["b"].engine.receive([msgs[1]])
    shown = [e for e in res.events if isinstance(e, MessageReceived)]
    errors = [e for e in res.events if isinstance(e, ErrorEvent)]
    assert shown or errors, "the late message vanished without an event"
    assert sorted(d["b"].texts(gid)) == ["one", "three", "two"]
