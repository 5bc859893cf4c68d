# SPDX-License-Identifier: Apache-2.0
"""The in-memory relay keeps the real relay's rules: one scenario, both relays, the same
outcomes.

Engine tests run over :mod:`tests.support.memory_relay`, a double of the relay's
delivery rules. Whatever those tests prove holds only while the double and the relay
agree, so this plays one scenario through the double and through a real relay process
on loopback (with a real venue, its chains checked), each step through the client's own
``Transport`` interface, and compares what each relay answered:

* the first commit for an epoch wins; a later one for the same epoch is refused with
  409 and the winner's seq;
* a repeated client message id is a duplicate, not a second message;
* the committer, and a device the commit itself added, may not refuse it (403);
* one vote per mission: two devices of one mission count once; the commit is voided
  once at least two missions and more than half of the charter's missions refused;
* a voided commit is served with ``voided`` set, the devices it added are no longer
  routed, and its epoch is free again (the loser of the race now lands);
* refusing what is already voided reports it voided; refusing a seq where no commit
  was accepted is 404;
* a Welcome reaches the device a commit added, and is withdrawn when the commit is voided;
* one-time KeyPackages are claimed once each; then the last-resort one, repeatedly.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from client.transport import EpochConflictError, HttpTransport, RelayRefused, Transport
from tests.support.devices import Dev, raw_commit, settle
from tests.support.memory_relay import MemoryRelay
from tests.support.pki import A_M, B_M, C_M, Issued, Pki
from tests.support.relay_process import RelayProcess

#: Who plays: one device of alderia (the convener who creates the channel), two of
#: borduria, one of carpania, and a second carpania device certified later.
NAMES = {"a": (A_M, "ana"), "b": (B_M, "bea"), "b2": (B_M, "bo"), "c": (C_M, "cy"),
         "c2": (C_M, "cai")}

Outcome = tuple[Any, ...]
MakeTransport = Callable[[Issued], Transport]


async def _outcome(call: Awaitable[Any]) -> Outcome:
    """What a relay answered, as plain values: a result, or an error's kind and status."""
    try:
        result = await call
    except EpochConflictError as exc:
        return ("epoch_conflict", exc.status, exc.winner_seq)
    except RelayRefused as exc:
        return ("refused", exc.status, exc.code)
    return ("ok", result)


async def play(pki: Pki, people: dict[str, Issued], make: MakeTransport | None,
               relay: MemoryRelay | None) -> list[tuple[str, Outcome]]:
    """The scenario; returns each step's name and outcome, seqs relative to the first
    commit so the two relays' numbering need not start alike."""
    devs = {n: Dev(pki, relay, people[n], transport=make(people[n]) if make else None)
            for n in NAMES}
    log: list[tuple[str, Outcome]] = []
    try:
        for n in ("a", "b", "b2", "c"):
            await devs[n].register()
        a, b, b2, c = devs["a"], devs["b"], devs["b2"], devs["c"]
        gid = await a.create("multilateral", "parity", [B_M, C_M])
        await settle([a, b, b2, c])
        _msgs, base = await a.t.messages(gid, 0)  # seq of the founding commit

        def rel(seq: int | None) -> int | None:
            return None if seq is None else seq - base

        log.append(("members after founding", ("ok", sorted(
            (await a.t.group_members(gid))[1]) == sorted(people[n].device_id for n in
                                                          ("a", "b", "b2", "c")))))
        # a newly certified carpania device, added by its own mission's member c
        await devs["c2"].register()
        c_adds = await raw_commit(c, gid, add=[people["c2"]])
        b_update = await raw_commit(b, gid)
        assert c_adds.epoch == b_update.epoch
        won = await c.t.post(gid, "c.race", c_adds.message, welcome=c_adds.welcome,
                             welcome_to=c_adds.welcome_to)
        log.append(("first commit for the epoch", ("ok", rel(won.seq), won.duplicate)))
        again = await c.t.post(gid, "c.race", c_adds.message, welcome=c_adds.welcome,
                               welcome_to=c_adds.welcome_to)
        log.append(("same client message id", ("ok", rel(again.seq), again.duplicate)))
        lost = await _outcome(b.t.post(gid, "b.race", b_update.message))
        log.append(("second commit for the epoch",
                    (*lost[:2], rel(lost[2])) if lost[0] == "epoch_conflict" else lost))
        c2 = devs["c2"]
        members = sorted((await a.t.group_members(gid))[1])
        log.append(("added device routed", ("ok", people["c2"].device_id in members)))

        async def welcomes(d: Dev) -> Outcome:
            _m, ws = await d.t.inbox()
            return ("ok", [(w.sender == people["c"].device_id, rel(w.seq)) for w in ws])

        log.append(("Welcome routed to the added device", await welcomes(c2)))

        async def refuse(d: Dev, seq: int) -> Outcome:
            out = await _outcome(d.t.refuse(gid, seq))
            if out[0] != "ok":
                return out
            r = out[1]
            return ("ok", rel(r.seq), r.refusals, r.electorate, r.voided)

        log.append(("committer refuses", await refuse(c, won.seq)))
        log.append(("device it added refuses", await refuse(c2, won.seq)))
        log.append(("first borduria device refuses", await refuse(b, won.seq)))
        log.append(("second borduria device refuses", await refuse(b2, won.seq)))
        log.append(("alderia refuses", await refuse(a, won.seq)))
        log.append(("refused again once voided", await refuse(b, won.seq)))
        msgs, _last = await a.t.messages(gid, base - 1)
        log.append(("served", ("ok", [(rel(m.seq), m.voided) for m in msgs])))
        members = sorted((await a.t.group_members(gid))[1])
        log.append(("added device unrouted", ("ok", people["c2"].device_id in members)))
        log.append(("unrouted device reads", await _outcome(c2.t.messages(gid, 0))))
        log.append(("Welcome of a voided commit", await welcomes(c2)))
        retry = await _outcome(b.t.post(gid, "b.retry", b_update.message))
        log.append(("the loser lands on the freed epoch",
                    ("ok", rel(retry[1].seq)) if retry[0] == "ok" else retry))
        log.append(("no commit at this seq", await refuse(a, won.seq + 10)))
        # KeyPackages: one-time ones are claimed once each, then a last-resort one for
        # as long as it is the device's, and nothing without one
        log.append(("packages left", ("ok", await c2.t.key_package_count())))
        claimed = [await a.t.claim_key_package(people["c2"].device_id) for _ in range(3)]
        log.append(("one-time packages distinct", ("ok", len(set(claimed)))))
        log.append(("none left", await _outcome(a.t.claim_key_package(
            people["c2"].device_id))))
        last = c2.engine.make_key_packages(1)[0]
        await c2.t.publish_key_packages([], last)
        log.append(("last resort", ("ok", await c2.t.key_package_count())))
        for n in (1, 2):
            got = await a.t.claim_key_package(people["c2"].device_id)
            log.append((f"last resort claim {n}", ("ok", got == last)))
    finally:
        for d in devs.values():
            if isinstance(d.t, HttpTransport):
                await d.t.close()
    return log


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {n: pki.device(m, who) for n, (m, who) in NAMES.items()}


@pytest.fixture
async def real_relay(tmp_path: Path, pki: Pki) -> AsyncIterator[RelayProcess]:
    relay = RelayProcess(tmp_path / "relay", venue=pki, env={
        "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "6000"}).start()
    try:
        yield relay
    finally:
        relay.stop()


async def test_memory_relay_answers_as_the_real_relay(
        pki: Pki, people: dict[str, Issued], real_relay: RelayProcess) -> None:
    memory = await play(pki, people, None, MemoryRelay())
    real = await play(pki, people, lambda i: HttpTransport(real_relay.url, i.seed), None)
    assert memory == real
    # ...and they agree on what the rule says, not on doing nothing
    steps = dict(real)
    assert steps["members after founding"] == ("ok", True)
    assert steps["first commit for the epoch"] == ("ok", 1, False)
    assert steps["same client message id"] == ("ok", 1, True)
    assert steps["second commit for the epoch"] == ("epoch_conflict", 409, 1)
    assert steps["added device routed"] == ("ok", True)
    assert steps["committer refuses"] == ("refused", 403, "forbidden")
    assert steps["device it added refuses"] == ("refused", 403, "forbidden")
    assert steps["first borduria device refuses"] == ("ok", 1, 1, 3, False)
    assert steps["second borduria device refuses"] == ("ok", 1, 1, 3, False)
    assert steps["alderia refuses"] == ("ok", 1, 2, 3, True)
    assert steps["refused again once voided"] == ("ok", 1, 0, 0, True)
    assert steps["served"] == ("ok", [(0, False), (1, True)])
    assert steps["added device unrouted"] == ("ok", False)
    assert steps["unrouted device reads"] == ("refused", 404, "not_found")
    assert steps["the loser lands on the freed epoch"] == ("ok", 2)
    assert steps["no commit at this seq"] == ("refused", 404, "not_found")
    assert steps["Welcome routed to the added device"] == ("ok", [(True, 1)])
    assert steps["Welcome of a voided commit"] == ("ok", [])
    assert steps["packages left"] == ("ok", (3, False))
    assert steps["one-time packages distinct"] == ("ok", 3)
    assert steps["none left"] == ("refused", 404, "not_found")
    assert steps["last resort"] == ("ok", (0, True))
    assert steps["last resort claim 1"] == steps["last resort claim 2"] == ("ok", True)
