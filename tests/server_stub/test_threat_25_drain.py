# SPDX-License-Identifier: Apache-2.0
"""THREATS 25 at the relay: one device cannot drain another's KeyPackages.

Claims are limited per claimer-target pair (and per claimer, per target); a pair's
refusal costs the target nothing, so other claimers still get packages; the last-resort
package is served, never consumed, once the one-time ones are gone; the relay records
each claim (claimer, time), and shows them to the devices of the target's mission only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from server_stub.settings import Settings
from tests.support.relay_client import RelayError
from tests.support.relay_process import InProcess, in_process


async def test_pair_limit_stops_a_drainer_while_others_still_claim(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, claim_pair_per_hour=3)
    async with in_process(settings) as r:
        other_mission = next(m for m in r.venue.missions if m != r.venue.default_mission)
        target = await r.device()
        teammate = await r.device()  # same mission as the target
        drainer = await r.device(other_mission)
        honest = await r.device(other_mission)
        await target.publish_key_packages([b"kp-%d" % i for i in range(6)], last_resort=b"lr")
        got = [await drainer.claim_key_package(target.device_id) for _ in range(3)]
        assert got == [(b"kp-%d" % i, False) for i in range(3)]
        with pytest.raises(RelayError) as e:
            await drainer.claim_key_package(target.device_id)
        assert e.value.status == 429 and e.value.body["retry_after"] > 0
        # the drainer's refusal took nothing from the target: others claim on
        assert await honest.claim_key_package(target.device_id) == (b"kp-3", False)
        assert await teammate.claim_key_package(target.device_id) == (b"kp-4", False)
        # the pair limit is per pair: the drainer may still claim another device's
        await teammate.publish_key_packages([b"tm"])
        assert await drainer.claim_key_package(teammate.device_id) == (b"tm", False)
        counts = await target._json("GET", "/v1/keypackages")
        assert counts == {"available": 1, "last_resort": True}
        # the one-time packages run out; the last resort is served and stays
        assert await honest.claim_key_package(target.device_id) == (b"kp-5", False)
        late_comer = await r.device(other_mission)
        for _ in range(2):
            assert await late_comer.claim_key_package(target.device_id) == (b"lr", True)
        assert await target._json("GET", "/v1/keypackages") == {
            "available": 0, "last_resort": True}

        # the relay recorded who claimed, and shows it to the target's mission
        claims = (await target._json("GET", "/v1/keypackages/claims"))["claims"]
        mine = [c for c in claims if c["target"] == target.device_id]
        by: dict[str, int] = {}
        for c in mine:
            by[c["claimer"]] = by.get(c["claimer"], 0) + 1
        assert by == {drainer.device_id: 3, honest.device_id: 2, teammate.device_id: 1,
                      late_comer.device_id: 2}
        assert {c["claimer_mission"] for c in mine if c["claimer"] == drainer.device_id} == {
            other_mission}
        assert sum(c["last_resort"] for c in mine) == 2
        assert {c["target"] for c in claims} == {target.device_id, teammate.device_id}
        assert all(c["claimed_at"] > 0 for c in mine)
        assert mine == sorted(mine, key=lambda c: -c["claimed_at"])
        # a teammate (any device of the mission) sees the same; the mission admin uses one
        seen = (await teammate._json("GET", "/v1/keypackages/claims"))["claims"]
        assert [c for c in seen if c["target"] == target.device_id] == mine
        # another mission sees only claims of its own devices' packages
        theirs = (await drainer._json("GET", "/v1/keypackages/claims"))["claims"]
        assert all(c["target"] != target.device_id for c in theirs)
        # ``since`` bounds the window
        late = await target._json("GET", "/v1/keypackages/claims",
                                  params={"since": 2**40})
        assert late == {"claims": []}
        with pytest.raises(RelayError) as e:
            await target._json("GET", "/v1/keypackages/claims", params={"since": "-1"})
        assert e.value.status == 400


async def test_claims_are_recorded_and_kept_for_the_retention_period_only(
    relay_any: InProcess,
) -> None:
    r = relay_any  # SQLite and PostgreSQL
    target, claimer = await r.device(), await r.device()
    await target.publish_key_packages([b"a"], last_resort=b"lr")
    for _ in range(3):
        await claimer.claim_key_package(target.device_id)
    storage = r.relay.storage
    got = await storage.key_package_claims([target.device_id], 0)
    assert [(c.claimer, c.last_resort) for c in got] == [
        (claimer.device_id, True), (claimer.device_id, True), (claimer.device_id, False)]
    assert await storage.count_key_packages(target.device_id) == (0, True)
    await storage.gc(r.relay.now() + 31 * 86400, 30 * 86400)
    assert await storage.key_package_claims([target.device_id], 0) == []
