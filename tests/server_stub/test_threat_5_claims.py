# SPDX-License-Identifier: Apache-2.0
"""THREATS 5 at the relay API: claims are rate-limited per claimer (the existing test
covers the per-target limit), a KeyPackage is handed out once, and a newly published
last-resort package replaces the old one, which is never served again."""

from __future__ import annotations

from pathlib import Path

import pytest

from server_stub.settings import Settings
from tests.support.relay_client import RelayError
from tests.support.relay_process import in_process


async def test_claims_per_claimer_are_limited_and_last_resort_rotates(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, claim_rate_per_minute=3,
                        claim_target_per_minute=100)
    async with in_process(settings) as r:
        hoarder, honest = await r.device(), await r.device()
        targets = [await r.device() for _ in range(4)]
        for i, t in enumerate(targets):
            await t.publish_key_packages([b"kp-%d" % i], last_resort=b"lr1-%d" % i)
        got = [await hoarder.claim_key_package(t.device_id) for t in targets[:3]]
        assert got == [(b"kp-%d" % i, False) for i in range(3)]
        with pytest.raises(RelayError) as e:
            await hoarder.claim_key_package(targets[3].device_id)
        assert e.value.status == 429 and e.value.body["retry_after"] > 0
        # another device is not held back by the hoarder's limit; the one-time package
        # of target 0 is gone, so it gets the last resort
        assert await honest.claim_key_package(targets[3].device_id) == (b"kp-3", False)
        assert await honest.claim_key_package(targets[0].device_id) == (b"lr1-0", True)
        # rotation: the old last resort is never served again
        await targets[0].publish_key_packages([], last_resort=b"lr2-0")
        assert await honest.claim_key_package(targets[0].device_id) == (b"lr2-0", True)
