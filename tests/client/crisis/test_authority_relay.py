# SPDX-License-Identifier: Apache-2.0
"""Over the real relay: emergency calls, pins and chair's notices from anyone but the
chair (or a convener the charter names) are refused by every receiving client, in
every channel kind, even when a modified client sends them; a call without an agenda
is refused even from the chair; a venue-signed handover moves the chair's authority."""

from __future__ import annotations

import time

import pytest

from client import payloads
from client.errors import NotFoundError, UsageError
from client.events import EmergencyCallReceived, Event, NoticePinned, PolicyRefused
from tests.support.client_venue import Venue

A, A2, B, C = "alderia-ana", "alderia-ben", "borduria-ana", "carpania-ana"


def _base() -> dict[str, int | bytes]:
    return {"message_id": payloads.new_message_id(), "sent_at": payloads.now_ms()}


def _call(agenda: str = "Incident at the border") -> payloads.EmergencyCall:
    return payloads.EmergencyCall(**_base(), meeting_at=payloads.now_ms() + 3_600_000,  # type: ignore[arg-type]
                                  place="Room 3", agenda=agenda)


def _pin(pinned: bool = True) -> payloads.AgendaNotice:
    return payloads.AgendaNotice(**_base(), title="Agenda", body="1. Opening",  # type: ignore[arg-type]
                                 revision=7, pinned=pinned)


def _shown(events: list[Event]) -> list[Event]:
    return [e for e in events if isinstance(e, EmergencyCallReceived | NoticePinned)]


async def test_only_the_chair_or_a_named_convener_convenes_in_every_channel_kind(
        venue: Venue) -> None:
    v = venue
    assert v.layout.chair == A
    chair, a2, b, c = v.client(A), v.client(A2), v.client(B), v.client(C)
    c2 = v.client("carpania-ben")
    await v.sync_all(1)
    missions = list(v.layout.missions)
    channels = {
        "notice": await chair.create_channel("notice", "Plenary", missions),
        "multilateral": await chair.create_channel("multilateral", "Working group", missions),
        "caucus": await chair.create_channel("caucus", "Group of friends", missions),
        "bilateral": await b.create_channel("bilateral", "Hotline", ["carpania"]),
    }
    await v.sync_all(2)
    receivers = {"notice": [chair, a2, c], "multilateral": [chair, a2, c],
                 "caucus": [chair, a2, c], "bilateral": [c, c2]}
    await v.sync_all(1)
    sent: dict[str, list[str]] = {}
    for kind, cid in channels.items():
        # B is no chair and (outside its own bilateral) no convener; in the bilateral
        # channel nobody may: B's own client says so first ...
        for p in (_call(), _pin(), _pin(False)):
            with pytest.raises(UsageError):
                await b.send_payload(cid, p)
        # ... and a modified client sends them anyway
        sent[kind] = [await b.send_payload(cid, p, _check_policy=False)
                      for p in (_call(), _pin(), _pin(False))]
    seen: dict[str, list[Event]] = {}
    for r in {id(r): r for rs in receivers.values() for r in rs}.values():
        seen[r.device_id] = await r.sync()
    for kind, cid in channels.items():
        for r in receivers[kind]:
            events = [e for e in seen[r.device_id]
                      if getattr(e, "channel_id", None) == bytes.fromhex(cid)]
            assert _shown(events) == [], (kind, r.device_id)
            refused = [e for e in events if isinstance(e, PolicyRefused)]
            assert len(refused) == 3, (kind, [str(e) for e in events])
            for mid in sent[kind]:
                with pytest.raises(NotFoundError):
                    r.message(mid)

    # the chair convenes in the notice channel, and every member sees it ...
    notice = channels["notice"]
    ok = await chair.send_payload(notice, _call())
    for r in (b, c, a2):
        events = await r.sync()
        assert [type(e) for e in _shown(events)] == [EmergencyCallReceived]
        assert r.message(ok).kind == "emergency"
    # ... and the convener in the channels it convenes (not in a bilateral one)
    for kind in ("multilateral", "caucus"):
        await chair.send_payload(channels[kind], _pin())
        events = await c.sync()
        assert [type(e) for e in _shown(events)] == [NoticePinned], kind
    # an emergency call without an agenda is refused, the chair's too
    with pytest.raises(UsageError, match="agenda"):
        await chair.send_payload(notice, _call(agenda=""))
    forced = await chair.send_payload(notice, _call(agenda="  "), _check_policy=False)
    for r in (b, c):
        events = [e for e in await r.sync()
                  if getattr(e, "channel_id", None) == bytes.fromhex(notice)]
        assert _shown(events) == []
        assert [e.reason for e in events if isinstance(e, PolicyRefused)] == [
            "an emergency call needs an agenda"]
        with pytest.raises(NotFoundError):
            r.message(forced)
    # in the bilateral channel nobody convenes: a member of either side is refused too
    with pytest.raises(UsageError, match="propose a meeting"):
        await c.send_payload(channels["bilateral"], _call())


async def test_the_relay_learns_nothing_new(venue: Venue) -> None:
    """A refused call costs the relay nothing it could read: the same padded size as a
    text message of the same length bucket."""
    v = venue
    v.client(A)
    b = v.client(B)
    await v.sync_all(1)
    cid = await b.create_channel("bilateral", "Hotline", ["alderia"])
    await v.sync_all(2)
    t0 = time.time()
    call = await b.send_payload(cid, _call(), _check_policy=False)
    text = await b.send_text(cid, "x" * 60)
    assert time.time() - t0 < 30
    msgs, _last = await b.transport.messages(bytes.fromhex(cid), 0)
    sizes = {m.client_msg_id: len(m.message) for m in msgs}
    assert len(set(list(sizes.values())[-2:])) == 1, (call, text, sizes)


async def test_a_venue_signed_handover_moves_the_chair(venue: Venue) -> None:
    """Chair rotation: the venue signs a handover; any member forwards it; from then on
    the old chair's calls are refused everywhere and the new chair's accepted."""
    from datetime import UTC, datetime, timedelta

    from client.crisis.authority import Handover, sign_handover
    from client.crisis.desk import Desk
    from client.crisis.signing import fingerprint
    from crypto import certs
    from crypto.certs.keyfile import open_key
    from server_stub.venue import ROOT_KEY, ROOT_LABEL

    v = venue
    old, new, c, a2 = v.client(A), v.client(B), v.client(C), v.client(A2)
    await v.sync_all(1)
    notice = await old.create_channel("notice", "Plenary", list(v.layout.missions))
    await v.sync_all(2)
    with pytest.raises(UsageError, match="only the chair"):
        await new.send_payload(notice, _call())
    root = old.engine.trust.root_der
    seed = open_key((v.layout.relay_dir / ROOT_KEY).read_bytes(), v.layout.passphrase,
                    label=ROOT_LABEL).secret
    now = datetime.now(UTC)
    role = certs.issue_role_certificate(root, seed, role="chair", channel=None,
                                        delegate_id="ana", mission_id="borduria",
                                        not_before=now - timedelta(minutes=5),
                                        not_after=now + timedelta(days=90))
    signed = sign_handover(root, seed, Handover(
        venue=fingerprint(root), serial=1, at=payloads.now_ms() - 1000,
        outgoing="alderia/ana", incoming="borduria/ana", incoming_role=role))
    await Desk(c).publish_handover(notice, signed)  # any member may forward it
    await v.sync_all(1)
    with pytest.raises(UsageError, match="only the chair"):
        await old.send_payload(notice, _call())
    forced = await old.send_payload(notice, _call(), _check_policy=False)
    ok = await new.send_payload(notice, _call("Handover of the chair"))
    for r in (c, a2):
        events = [e for e in await r.sync()
                  if getattr(e, "channel_id", None) == bytes.fromhex(notice)]
        shown = [e for e in events if isinstance(e, EmergencyCallReceived | NoticePinned)]
        assert [(type(e), e.message_id.hex()) for e in shown] == [
            (EmergencyCallReceived, ok)], r.device_id
        assert len([e for e in events if isinstance(e, PolicyRefused)]) == 1
        with pytest.raises(NotFoundError):
            r.message(forced)
