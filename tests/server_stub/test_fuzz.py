# SPDX-License-Identifier: Apache-2.0
"""THREATS 16: every endpoint under generated input (schemathesis against /openapi.json).

A real relay process on loopback; each operation gets a bounded number of generated
requests (valid and invalid, authenticated as a real device). Checks: never a 5xx,
status codes, content types and bodies as documented, auth enforced where declared.
Positive-data acceptance is not checked: schema-valid requests still name groups,
devices and blobs that do not exist, and 404 is the right answer to those.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from tests.support.relay_process import RelayProcess

#: Seconds one request may take. schemathesis' own default (10 s) is a timing assertion
#: that a starved relay process on a loaded machine once failed in the negative phase.
REQUEST_TIMEOUT = 120


@pytest.fixture(scope="module")
def fuzz_relay(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RelayProcess, str]]:
    relay = RelayProcess(tmp_path_factory.mktemp("fuzz"),
                         env={"CORRIDOR_RELAY_RATE_PER_SECOND": "100000",
                              "CORRIDOR_RELAY_RATE_BURST": "100000",
                              "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "100000",
                              "CORRIDOR_RELAY_CLAIM_RATE_PER_MINUTE": "100000",
                              "CORRIDOR_RELAY_CLAIM_TARGET_PER_MINUTE": "100000"})
    relay.start()  # initialised for the session's venue: registration takes a chain

    async def setup() -> str:
        async with httpx.AsyncClient(base_url=relay.url, timeout=REQUEST_TIMEOUT) as http:
            a = await relay.client(http).enrol()
            b = await relay.client(http).enrol()
            g = os.urandom(8)
            await a.create_group(g)
            await a.send_commit(g, add=[b], welcome=False)
            await b.publish_key_packages([b"kp"] * 20, b"lr")
            assert a.token is not None
            return a.token

    try:
        yield relay, asyncio.run(setup())
    finally:
        relay.stop()


# Hundreds of real requests: about 40 s with the machine's load at 11, so the bound is
# far from what a loaded 2-core runner takes, and only stops a hang.
@pytest.mark.timeout(900)
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_request_gets_a_5xx(fuzz_relay: tuple[RelayProcess, str],
                               mode: GenerationMode) -> None:
    relay, token = fuzz_relay
    api = schemathesis.openapi.from_url(relay.url + "/openapi.json")
    # Through the configuration: a ``timeout=`` argument to call_and_validate also
    # changes which negative cases schemathesis counts as wrongly accepted.
    api.config.request_timeout = REQUEST_TIMEOUT
    assert api.config.request_timeout_for(operation=None) == REQUEST_TIMEOUT
    operations = [r.ok() for r in api.get_all_operations()]
    assert len(operations) >= 17
    calls = 0
    auth: list[dict[str, str] | None] = [None]
    for op in operations:
        auth[0] = {"Authorization": f"Bearer {token}"} if op.definition.raw.get(
            "security") else None

        @given(case=op.as_strategy(generation_mode=mode))
        @settings(max_examples=50, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case: schemathesis.Case) -> None:
            nonlocal calls
            calls += 1
            response = case.call_and_validate(base_url=relay.url, headers=auth[0],
                                              excluded_checks=[positive_data_acceptance])
            assert response.status_code < 500
            assert "Traceback" not in response.text

        try:
            run()
        except Unsatisfiable:
            assert mode == GenerationMode.NEGATIVE  # nothing in this operation to break
    assert calls >= len(operations)


def test_relay_log_holds_no_traceback(fuzz_relay: tuple[RelayProcess, str]) -> None:
    relay, _ = fuzz_relay
    text = Path(relay.log_path).read_text()
    assert "Traceback" not in text and "unhandled" not in text
