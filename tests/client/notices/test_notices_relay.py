# SPDX-License-Identifier: Apache-2.0
"""The notices workflows over a real relay, on three missions' clients: an exercise
notice amended then cancelled with its history in every register (and its CSV and
iCalendar exports), a disaster-aid request with two offers, one accepted and delivered,
identical on every client; the annual exchange with a late submission marked and an
amendment visible; templates; a record with an unknown future field kept intact; and
malformed forms refused with clear errors, by the sender and by every receiver."""

from __future__ import annotations

import msgspec
import pytest

from client import payloads
from client.crisis import signing
from client.errors import NotFoundError, UsageError
from client.notices.book import Item, encode_item
from client.notices.export import register_csv, register_ics
from client.notices.records import NOTICE_LABEL, FormError, NoticeError, Signed
from tests.support.notices_venue import MISSIONS, NoticesVenue

A, B, C = MISSIONS
DAY = 86_400_000


async def _plenary(v: NoticesVenue) -> str:
    for n in MISSIONS:
        await v.client(n).sync()
    cid = await v.client(A).create_channel("multilateral", "plenary",
                                           ["borduria", "carpania"])
    await v.sync_all()
    return cid


async def test_exercise_notice_amended_then_cancelled(notices_venue: NoticesVenue) -> None:
    v = notices_venue
    cid = await _plenary(v)
    b = v.nd(B)
    now = b.now()
    nid = await b.notify_exercise(cid, name="Northern Shield", starts_at=now + 10 * DAY,
                                  ends_at=now + 14 * DAY, area="Baltic coast",
                                  lat=54.5, lon=18.6, forces=[("troops", 3000),
                                                              ("tanks", 40)],
                                  activity="field training", contact="+43 1 555",
                                  marking="RESTRICTED")
    await v.sync_all()
    v.clock.advance(3600)
    await b.change_exercise(nid[:8], "amend", reason="larger", forces=[("troops", 5000)],
                            ends_at=now + 15 * DAY)
    await v.sync_all()
    with pytest.raises(UsageError, match="only the notifying mission"):
        await v.nd(A).change_exercise(nid[:8], "cancel")
    v.clock.advance(3600)
    await b.change_exercise(nid[:8], "cancel", reason="weather")
    await v.sync_all()
    with pytest.raises(UsageError, match="already cancelled"):
        await b.change_exercise(nid[:8], "amend", name="again")
    regs = [v.nd(n).register() for n in MISSIONS]
    assert regs[0] == regs[1] == regs[2]
    [row] = regs[0]
    assert row["notice_id"] == nid and row["mission"] == "borduria"
    assert row["status"] == "cancelled" and row["revision"] == 2
    assert row["forces"] == [["troops", 5000]] and row["ends_at"] == now + 15 * DAY
    assert [(h["action"], h["revision"], h["reason"]) for h in row["history"]] == [
        ("new", 0, ""), ("amend", 1, "larger"), ("cancel", 2, "weather")]
    assert row["marking"] == "RESTRICTED"
    # filters: by mission and by dates
    assert v.nd(C).register(mission="alderia") == []
    assert v.nd(C).register(mission="borduria") == regs[0]
    assert v.nd(C).register(start=now + 20 * DAY) == []
    assert v.nd(C).register(start=now + 12 * DAY, end=now + 13 * DAY) == regs[0]
    csv = register_csv(regs[0])
    assert csv.splitlines()[1].startswith(f"RESTRICTED,{nid},borduria,cancelled,2,Northern")
    ics = register_ics(regs[0], venue="Forum", stamp_ms=now).decode()
    assert "STATUS:CANCELLED" in ics and "SUMMARY:[RESTRICTED] borduria: Northern Shield" in ics
    assert "SEQUENCE:2" in ics and f"UID:{nid}@corridor" in ics


async def test_aid_board_identical_on_every_client(notices_venue: NoticesVenue) -> None:
    v = notices_venue
    cid = await _plenary(v)
    rid = await v.nd(C).request_aid(cid, [("water", 20_000, "litres"),
                                          ("tents", 300, "")],
                                    location="Riverside", lat=45.1, lon=14.2,
                                    urgency="flash", contact="ops room")
    await v.sync_all()
    oa = await v.nd(A).offer_aid(rid[:8], 1, 5_000, note="two trucks")
    ob = await v.nd(B).offer_aid(rid[:8], 1, 20_000)
    await v.sync_all()
    with pytest.raises(UsageError, match="only the requesting mission"):
        await v.nd(A).accept_aid(rid[:8], ob[:8])
    await v.nd(C).accept_aid(rid[:8], ob[:8])
    await v.sync_all()
    with pytest.raises(UsageError, match="offering or the requesting"):
        await v.nd(A).deliver_aid(rid[:8], ob[:8])
    await v.nd(B).deliver_aid(rid[:8], ob[:8])
    await v.sync_all()
    boards = [v.nd(n).aid_board() for n in MISSIONS]
    assert boards[0] == boards[1] == boards[2]
    [req] = boards[0]
    l1, l2 = req["lines"]
    assert (l1["state"], l1["unmet"], l2["state"], l2["unmet"]) == ("delivered", 0,
                                                                    "requested", 300)
    assert {o["offer_id"]: (o["accepted"], o["delivered"]) for o in l1["offers"]} == {
        oa: (False, False), ob: (True, True)}
    assert all(v.nd(n).book.unmet() == {"tents": 300} for n in MISSIONS)
    with pytest.raises(FormError, match="no line 7"):
        await v.nd(A).offer_aid(rid[:8], 7, 1)


async def test_annual_exchange_late_and_amended(notices_venue: NoticesVenue) -> None:
    v = notices_venue
    cid = await _plenary(v)
    due = v.nd(A).now() + DAY
    await v.nd(A).set_exchange_due(cid, 2027, due)  # alderia holds the chair
    await v.sync_all()
    await v.nd(A).submit_exchange(cid, 2027, "holdings: 3 brigades")
    await v.sync_all()
    v.clock.advance(2 * 86_400)
    await v.nd(B).submit_exchange(cid, 2027, "holdings: 2 brigades")
    await v.nd(A).submit_exchange(cid, 2027, "holdings: 4 brigades", note="corrected")
    await v.sync_all()
    states = [v.nd(n).exchange_status(2027, ["alderia", "borduria", "carpania"])
              for n in MISSIONS]
    assert states[0] == states[1] == states[2]
    rows = {r["mission"]: r for r in states[0]["missions"]}
    assert states[0]["due_at"] == due
    assert (rows["alderia"]["late"], rows["borduria"]["late"], rows["carpania"]["late"]) \
        == (False, True, True)
    assert rows["carpania"]["submitted_at"] is None
    assert [a["note"] for a in rows["alderia"]["amendments"]] == ["corrected"]
    assert rows["alderia"]["current"] == "holdings: 4 brigades"
    # a due date from a non-chair is refused by every receiver
    await v.nd(B).set_exchange_due(cid, 2027, due + 30 * DAY)
    await v.sync_all()
    assert v.nd(C).exchange_status(2027, [])["due_at"] == due


async def test_templates_and_unknown_fields(notices_venue: NoticesVenue) -> None:
    v = notices_venue
    cid = await _plenary(v)
    await v.nd(A).publish_template(cid, "ship-incident", "Incident at sea",
                                   ["ship", "position", "intent"])
    await v.nd(B).publish_template(cid, "fake", "Not from the chair", ["x"])
    await v.sync_all()
    assert [t.template_id for t in v.nd(C).refresh().templates()] == ["ship-incident"]
    with pytest.raises(FormError, match="fill in intent"):
        await v.nd(C).use_template(cid, "ship-incident", {"ship": "Aurora", "position": "x"})
    with pytest.raises(NotFoundError):
        await v.nd(C).use_template(cid, "fake", {"x": "1"})
    await v.nd(C).use_template(cid, "ship-incident", {"ship": "Aurora", "position": "45N",
                                                      "intent": "transit"})
    # a newer client's field survives: kept in the signed body on every device
    now = v.nd(B).now()
    body = msgspec.msgpack.encode({
        "t": "exercise", "v": 1, "member": "borduria/ana", "at": now, "marking": "",
        "notice_id": b"\x07" * 16, "name": "Future drill", "starts_at": now + DAY,
        "ends_at": now + 2 * DAY, "x_future": {"sonar": True, "ships": 3}})
    await v.nd(B).send_raw(cid, body)
    await v.sync_all()
    for n in MISSIONS:
        book = v.nd(n).refresh()
        [kept] = [k for k in book.kept.values() if k.record.at == now
                  and getattr(k.record, "name", "") == "Future drill"]
        assert kept.signed.body == body
        assert kept.raw()["x_future"] == {"sonar": True, "ships": 3}
        assert [f.values["ship"] for f in book.filled()] == ["Aurora"]


async def test_malformed_forms_refused(notices_venue: NoticesVenue) -> None:
    v = notices_venue
    cid = await _plenary(v)
    b = v.nd(B)
    now = b.now()
    with pytest.raises(FormError, match="must end after it starts"):
        await b.notify_exercise(cid, name="Backwards", starts_at=now + DAY, ends_at=now)
    with pytest.raises(FormError, match=r"latitude 91\.0 is out of range"):
        await b.notify_exercise(cid, name="X", starts_at=now, ends_at=now + DAY,
                                lat=91.0, lon=0.0)
    with pytest.raises(FormError, match="both latitude and longitude"):
        await b.notify_exercise(cid, name="X", starts_at=now, ends_at=now + DAY, lat=1.0)
    with pytest.raises(FormError, match="quantity of tanks must be positive"):
        await b.notify_exercise(cid, name="X", starts_at=now, ends_at=now + DAY,
                                forces=[("tanks", 0)])
    with pytest.raises(FormError, match=r"line 1 \(water\) must be positive"):
        await b.request_aid(cid, [("water", -5, "l")])
    with pytest.raises(FormError, match=r"longitude 200\.0"):
        await b.report_incident(cid, occurred_at=now, lat=10, lon=200.0, what="x")
    with pytest.raises(FormError, match="what happened is required"):
        await b.report_incident(cid, occurred_at=now, lat=10, lon=20, what="  ")
    with pytest.raises(UsageError, match="above the channel's ceiling"):
        await b.report_incident(cid, occurred_at=now, lat=10, lon=20, what="x",
                                marking="SECRET")
    await b.report_incident(cid, occurred_at=now, lat=10, lon=20, what="near miss",
                            units="frigate Aurora")
    # a modified sender signs a malformed record: every receiver refuses it
    bad = msgspec.msgpack.encode({
        "t": "aidreq", "v": 1, "member": "borduria/ana", "at": now, "marking": "",
        "request_id": b"\x01" * 16, "lines": [[1, "water", 0, ""]]})
    with pytest.raises(NoticeError, match="malformed"):
        await b.send_raw(cid, bad)
    eng = b.client.engine
    item = Item(notice=Signed(bad, signing.sign(eng.me.seed, NOTICE_LABEL, bad)),
                chain=tuple(eng.me.chain[:2]))
    await b.client.send_payload(cid, payloads.Crisis(
        message_id=payloads.new_message_id(), sent_at=now, item=encode_item(item)))
    await v.sync_all()
    with pytest.raises(NoticeError, match="malformed"):
        v.nd(C).book.accept(bytes.fromhex(cid), "borduria/ana", encode_item(item))
    assert [i["what"] for i in v.nd(C).refresh().incidents()] == ["near miss"]
    assert v.nd(C).aid_board() == []
