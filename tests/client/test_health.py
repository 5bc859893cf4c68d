# SPDX-License-Identifier: Apache-2.0
"""client.health's verdicts, without a relay: routing comparison, drain, the record."""

from __future__ import annotations

from client.health import (
    DRAIN_THRESHOLD,
    DRAIN_WINDOW,
    Claim,
    HealthRecord,
    compare_routing,
    drain_verdict,
    routing_digest,
)
from client.store.memory import MemoryStore

ME, B, C, X = "a" * 64, "b" * 64, "c" * 64, "d" * 64


def test_routing_verdicts() -> None:
    assert compare_routing([ME, B], [B, ME], ME).ok
    cut = compare_routing([ME, B], None, ME)
    assert cut.problem == "not_routed" and "withheld" in cut.detail
    dropped = compare_routing([ME, B], [B], ME)  # the relay's list lacks this device
    assert dropped.problem == "not_routed" and dropped.missing == (ME,)
    st = compare_routing([ME, B, C], [ME, B, X], ME)
    assert (st.problem, st.missing, st.extra) == ("mismatch", (C,), (X,))
    assert "1 member device" in st.detail and "not members" in st.detail
    assert routing_digest([B, ME]) == routing_digest([ME, B]) != routing_digest([ME])


def _claims(n: int, claimer: str, at: int, target: str = ME) -> list[Claim]:
    return [Claim(target, claimer, "m-" + claimer[0], False, at) for _ in range(n)]


def test_drain_needs_enough_recent_claims_of_this_device() -> None:
    now = 10_000_000
    assert drain_verdict(_claims(DRAIN_THRESHOLD - 1, B, now), ME, now) is None
    old = _claims(DRAIN_THRESHOLD, B, now - DRAIN_WINDOW - 1)
    assert drain_verdict(old, ME, now) is None  # outside the window
    other = _claims(DRAIN_THRESHOLD, B, now, target=X)
    assert drain_verdict(other, ME, now) is None  # a teammate's packages
    got = drain_verdict(_claims(7, B, now) + _claims(3, C, now - 60), ME, now)
    assert got == (10, ((B, "m-b", 7), (C, "m-c", 3)))


def test_health_record_round_trip_and_damage() -> None:
    store = MemoryStore()
    assert HealthRecord.load(store).routing == {}
    rec = HealthRecord(routing={"ab": ("mismatch", "text", [B], [])}, drain=(10, 5, [(B, "m", 10)]))
    rec.save(store)
    back = HealthRecord.load(store)
    assert back.routing_status("ab").missing == (B,) and back.routing_status("cd").ok
    assert back.drain is not None and back.drain[0] == 10
    store.put_client_record("health", b"\xc1not msgpack")
    assert HealthRecord.load(store).routing == {}  # a damaged record warns of nothing new
