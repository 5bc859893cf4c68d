# SPDX-License-Identifier: Apache-2.0
"""The hotline over the real relay with an injected clock: a flash call unanswered past
its reply-by escalates to the deputy and then the head of mission, and the calling side
sees each step; an acknowledgement stops the alarm on every device of the called
mission; the exported log verifies, and fails after a byte is changed."""

from __future__ import annotations

import pytest

from client.crisis import hotline as hl
from client.crisis.alarm import Alarm, Ring
from client.crisis.hotline_log import LogError, verify_log
from client.crisis.records import Priority, Rung
from crypto.certs.keyfile import open_key
from tests.support.crisis_venue import CrisisVenue

CALLER = "alderia-ana"
ON_DUTY, DEPUTY, HEAD = "borduria-ana", "borduria-ben", "borduria-chloe"
MIN = 60.0


class Recorder:
    """A notifier that remembers what it was asked to show."""

    def __init__(self) -> None:
        self.rings: list[Ring] = []
        self.withdrawn: list[int] = []

    def notify(self, ring: Ring, replaces: int) -> int:
        self.rings.append(ring)
        return replaces or len(self.rings)

    def withdraw(self, notification_id: int) -> None:
        self.withdrawn.append(notification_id)


async def _roster(v: CrisisVenue) -> None:
    """Borduria's admin signs the duty roster; a Borduria delegate posts it in the
    mission's own channel, where every Borduria device reads it."""
    layout = v.layout
    mdir = layout.data_dir / "missions" / "borduria"
    seed = open_key((mdir / "mission.key").read_bytes(), layout.passphrase,
                    label="corridor-mission").secret
    now = int(v.clock() * 1000)
    roster = hl.DutyRoster(mission="borduria", revision=1, deputy="borduria/ben",
                           head="borduria/chloe", issued_at=now, disclose_on_duty=True,
                           shifts=(hl.Shift(starts_at=now - 3_600_000,
                                            ends_at=now + 8 * 3_600_000,
                                            on_duty=("borduria/ana",)),))
    own = await v.client(ON_DUTY).create_channel("multilateral", "Borduria duty", ["borduria"])
    await v.sync_all(2)
    await v.desk(ON_DUTY).publish_roster(own, hl.sign_roster(seed, roster))
    with pytest.raises(Exception, match="own mission"):
        await v.desk(CALLER).publish_roster(
            await v.client(CALLER).create_channel("multilateral", "x", ["borduria"]),
            hl.sign_roster(seed, roster))


async def test_flash_call_escalates_and_an_acknowledgement_stops_every_alarm(
        crisis_venue: CrisisVenue) -> None:
    v = crisis_venue
    called = [ON_DUTY, DEPUTY, HEAD]
    for n in [CALLER, *called]:
        v.client(n)
    await v.sync_all(1)
    await _roster(v)
    cid = await v.client(CALLER).create_channel("bilateral", "Hotline", ["borduria"])
    await v.sync_all(2)
    call = await v.desk(CALLER).call(cid, "Shots fired at the border crossing",
                                     priority=Priority.FLASH)
    alarms = {n: (Alarm(), Recorder()) for n in called}

    async def round_() -> dict[str, bool]:
        await v.sync_all(1)
        ringing = {}
        for n in called:
            views = await v.desk(n).tick()
            alarm, rec = alarms[n]
            alarm.run(rec, views, v.clock())
            ringing[n] = any(x.call.call_id.hex() == call for x in views)
        await v.sync_all(1)
        return ringing

    def caller_view() -> hl.Escalation:
        view = v.desk(CALLER).book.call_view(bytes.fromhex(call), int(v.clock() * 1000))
        assert view is not None
        return view.escalation

    assert await round_() == {ON_DUTY: True, DEPUTY: False, HEAD: False}
    v.desk(CALLER).refresh()
    assert caller_view().summary(int(v.clock() * 1000)) == "unanswered 0 min"
    # the called mission's devices marked it delivered; the caller sees that rung
    lad = v.desk(CALLER).book.call_view(bytes.fromhex(call), int(v.clock() * 1000))
    assert lad is not None and lad.ladder.top is Rung.DELIVERED

    v.clock.advance(10 * MIN)
    assert await round_() == {ON_DUTY: True, DEPUTY: True, HEAD: False}
    v.desk(CALLER).refresh()
    assert caller_view().level is hl.Level.DEPUTY
    assert caller_view().summary(int(v.clock() * 1000)) == \
        "unanswered 10 min — escalated to deputy"

    v.clock.advance(10 * MIN)
    assert await round_() == {ON_DUTY: True, DEPUTY: True, HEAD: True}
    v.desk(CALLER).refresh()
    assert caller_view().level is hl.Level.HEAD
    assert [s.level for s in caller_view().steps] == [hl.Level.DUTY, hl.Level.DEPUTY,
                                                      hl.Level.HEAD]
    # the on-duty delegate's alarm rang at once and again every 30 s of our rounds
    assert len(alarms[ON_DUTY][1].rings) == 3 and alarms[ON_DUTY][1].rings[0].critical

    v.clock.advance(MIN)
    await v.desk(HEAD).acknowledge(call)
    assert await round_() == {ON_DUTY: False, DEPUTY: False, HEAD: False}
    for n in called:
        assert alarms[n][1].withdrawn, n  # withdrawn on every device of the mission
    v.desk(CALLER).refresh()
    esc = caller_view()
    assert esc.acknowledged_at == int(v.clock() * 1000) and esc.ringing == ()
    assert esc.summary(int(v.clock() * 1000)) == "acknowledged"
    # both sides hold the same ladder
    theirs = v.desk(HEAD).book.call_view(bytes.fromhex(call), int(v.clock() * 1000))
    ours = v.desk(CALLER).book.call_view(bytes.fromhex(call), int(v.clock() * 1000))
    assert theirs is not None and ours is not None
    assert theirs.ladder.to_json() == ours.ladder.to_json()
    assert ours.ladder.reached[Rung.ACKNOWLEDGED].member == "borduria/chloe"

    # the log exports, verifies offline, and fails after a changed byte
    data = v.desk(CALLER).export_log()
    root = v.client(CALLER).engine.trust.root_der
    log = verify_log(data, root)
    assert log.ladders[bytes.fromhex(call)].top is Rung.ACKNOWLEDGED
    assert log.marking == "UNCLASSIFIED"  # the highest of the entries' messages
    bad = bytearray(data)
    bad[len(bad) // 3] ^= 1
    with pytest.raises(LogError):
        verify_log(bytes(bad), root)
