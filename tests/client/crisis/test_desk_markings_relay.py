# SPDX-License-Identifier: Apache-2.0
"""Markings on the crisis desk over the real relay: a marked hotline call, answer and
request for explanation arrive marked on the other mission's client and raise the
hotline log's marking; a call above the channel's ceiling is refused on send (naming
the ceiling), and a forged one a modified client sends anyway is refused on receipt."""

from __future__ import annotations

import secrets

import pytest

from client import payloads
from client.crisis import hotline as hl
from client.crisis.book import Item, encode_item
from client.crisis.hotline_log import verify_log
from client.crisis.records import Priority, seal
from client.errors import UsageError
from client.events import Event, PolicyRefused
from tests.support.crisis_venue import CrisisVenue

CALLER, CALLED = "alderia-ana", "borduria-ana"


async def test_marked_hotline_call_and_request_arrive_marked(
        crisis_venue: CrisisVenue) -> None:
    v = crisis_venue
    for n in (CALLER, CALLED):
        v.client(n)
    await v.sync_all(1)
    cid = await v.client(CALLER).create_channel("bilateral", "Hotline", ["borduria"],
                                                ceiling="confidential")
    await v.sync_all(2)
    caller, called = v.desk(CALLER), v.desk(CALLED)

    call = await caller.call(cid, "Troop movement at the crossing", priority=Priority.FLASH,
                             marking="confidential//bilateral only")
    with pytest.raises(UsageError, match="above the channel's ceiling CONFIDENTIAL"):
        await caller.call(cid, "Too high", marking="SECRET")
    with pytest.raises(UsageError, match="not a level"):
        await caller.call(cid, "Unknown", marking="TOP SEKRIT")
    req = await caller.request_explanation(cid, to_mission="borduria", what="Exercise",
                                           marking="RESTRICTED")
    await v.sync_all(1)

    assert [x.call.subject for x in called.calls()] == ["Troop movement at the crossing"]
    assert called.call_marking(bytes.fromhex(call)) == "CONFIDENTIAL//BILATERAL ONLY"
    assert called.request_marking(bytes.fromhex(req)) == "RESTRICTED"
    # the answer text is a message of the channel, so marked
    with pytest.raises(UsageError, match="ceiling CONFIDENTIAL"):
        await called.answer(call, "We look into it", marking="SECRET")
    await called.answer(call, "We look into it", marking="RESTRICTED")
    await v.sync_all(1)
    shown = {m.text: m.marking for m in v.client(CALLER).messages(cid)}
    assert shown["We look into it"] == "RESTRICTED"

    # the log is marked with the highest of its entries: the call's marking
    log = verify_log(caller.export_log(), v.client(CALLER).engine.trust.root_der)
    assert log.marking == "CONFIDENTIAL//BILATERAL ONLY"

    # a modified client skips the check: the other mission refuses the call
    seen: list[Event] = []
    v.client(CALLED).subscribe(seen.append)
    eng = v.client(CALLER).engine
    forged = hl.new_call(call_id=secrets.token_bytes(16), caller="alderia/ana",
                         to_mission="borduria", priority=Priority.FLASH,
                         subject="Smuggled above the ceiling", body="",
                         sent_at=int(v.clock() * 1000), reply_within=None)
    item = Item(record=seal(forged, eng.me.seed), chain=tuple(eng.me.chain[:2]))
    p = payloads.Crisis(message_id=payloads.new_message_id(), sent_at=int(v.clock() * 1000),
                        item=encode_item(item), marking="SECRET")
    await v.client(CALLER).send_payload(cid, p, _check_policy=False)
    await v.sync_all(1)
    assert [x.call.subject for x in called.calls()] == ["Troop movement at the crossing"]
    assert any(isinstance(e, PolicyRefused) and "above the channel's ceiling" in e.reason
               for e in seen)
