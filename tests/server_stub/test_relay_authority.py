# SPDX-License-Identifier: Apache-2.0
"""The relay keeps each group's public state and changes routing only on commits it
verified (SQLite and PostgreSQL; several relay processes on one PostgreSQL).

Real MLS groups and real certificates of the session's venue (``RelayClient``'s
helpers); the verifier itself is tested in ``tests/crypto/test_public_group.py`` and
with real clients in ``tests/client/test_relay_authority.py``.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import httpx
import pytest

from crypto.corridor.charter import Charter
from tests.support.pki import Pki
from tests.support.relay_client import RelayClient, RelayError, b64, b64u, unb64
from tests.support.relay_process import InProcess, RelayProcess


def gid() -> bytes:
    return os.urandom(16)


async def create_raw(c: RelayClient, group_id: bytes, group_info: bytes) -> RelayError:
    with pytest.raises(RelayError) as refused:
        await c._json("POST", "/v1/groups", {"group_id": b64u(group_id),
                                             "group_info": b64(group_info)})
    return refused.value


async def test_a_new_group_is_verified_before_it_exists(relay_any: InProcess) -> None:
    r = relay_any
    a, b = await r.device(), await r.device()
    g = gid()
    # another device's GroupInfo: the group must hold its creator, the caller
    err = await create_raw(b, g, a.group_info(g))
    assert err.status == 422 and err.body["error"] == "commit_refused"
    # a GroupInfo for another group id
    err = await create_raw(a, gid(), a.group_info(g))
    assert err.status == 400
    # a tampered signature
    gi = bytearray(a.group_info(g))
    gi[-2] ^= 1
    assert (await create_raw(a, g, bytes(gi))).status == 422
    # a charter naming another creator, or none at all
    other = Charter(kind="caucus", missions=(a.mission,), created_by="someone/else",
                    conveners=("someone/else",))
    assert (await create_raw(a, g, a.group_info(g, charter=other))).status == 422
    # a device of another venue (its chain ends at a root the relay does not pin)
    shadow = Pki(missions=(a.mission,), name="Shadow Venue")
    mole = shadow.client(r.http)
    err = await create_raw(a, g, mole.group_info(g))
    assert err.status == 422
    with pytest.raises(RelayError):  # nothing was created by any of these
        await a.group(g)
    await a.create_group(g)
    assert (await a.group(g))["members"] == [a.device_id]


async def test_refused_commits_change_nothing_and_the_epoch_stays_free(
        relay_any: InProcess) -> None:
    r = relay_any
    a, b = await r.device(), await r.device()
    outsider = await r.device(next(m for m in r.venue.missions if m != a.mission))
    g = gid()
    await a.create_group(g, kind="caucus")
    await a.send_commit(g, add=[b])
    view = await a.group(g)
    # b is not a convener: adding the outsider's mission and device is refused
    inbox = await b.inbox()
    b.join(unb64(inbox["welcomes"][0]["message"]))
    with pytest.raises(RelayError) as refused:
        await b.send_commit(g, add=[outsider])
    assert refused.value.status == 422 and "may not change" in refused.value.body["message"]
    # stamps: before the previous commit, or far ahead of the relay's clock
    for at in (0, int(time.time()) + 3600):
        with pytest.raises(RelayError) as refused:
            await a.send_commit(g, at=at)
        assert refused.value.status == 422
        assert "stamped" in refused.value.body["message"]
    assert await a.group(g) == view
    with pytest.raises(RelayError) as gone:
        await outsider.messages(g)
    assert gone.value.status == 404
    # the epoch is still free: a's self-update is accepted, then b's on the next one
    await a.send_commit(g)
    b.process(g, a.last_commit)
    await b.send_commit(g)
    assert (await a.group(g))["members"] == view["members"]


async def test_a_revoked_device_is_not_added(relay_sqlite: InProcess) -> None:
    r = relay_sqlite
    a = await r.device()
    victim_cert = r.venue.device(a.mission)
    victim = await r.venue.client(r.http, victim_cert).enrol()
    crl = r.venue.crl(a.mission, [victim_cert.serial])
    await a._json("POST", "/v1/directory/crls", {"crl": b64(crl)})
    g = gid()
    await a.create_group(g)
    with pytest.raises(RelayError) as refused:
        await a.send_commit(g, add=[victim])
    assert refused.value.status == 422 and "Revoked" in refused.value.body["message"]
    assert (await a.group(g))["members"] == [a.device_id]


async def test_two_relay_processes_never_accept_two_commits_for_one_epoch(
        tmp_path: Path, pg_url: str) -> None:
    """Several relay processes on one PostgreSQL: the group row is locked while a
    commit is verified and stored, so one commit per epoch wins and the state each
    process verifies the next commit against is the one stored."""
    tag = os.urandom(3).hex()
    pki = Pki(missions=(f"racing{tag}",), name=f"Race Venue {tag}")
    one = RelayProcess(tmp_path / "one", pg_url, venue=pki)
    two = RelayProcess(tmp_path / "two", pg_url, venue=pki)
    one.start()
    two.start()
    try:
        async with (httpx.AsyncClient(base_url=one.url, timeout=20) as h1,
                    httpx.AsyncClient(base_url=two.url, timeout=20) as h2):
            a = await one.client(h1).enrol()
            b = await two.client(h2).enrol()
            g = gid()
            await a.create_group(g)
            await a.send_commit(g, add=[b])
            inbox = await b.inbox()
            b.join(unb64(inbox["welcomes"][0]["message"]))
            for _round in range(5):
                ma, _wa, _ = a.commit(g)
                mb, _wb, _ = b.commit(g)
                got = await asyncio.gather(a.send(g, ma), b.send(g, mb),
                                           return_exceptions=True)
                wins = [x for x in got if isinstance(x, dict)]
                losses = [x for x in got if isinstance(x, RelayError)]
                assert len(wins) == 1 and len(losses) == 1, got
                assert losses[0].status == 409
                assert losses[0].body["error"] == "epoch_conflict"
                winner, loser = (a, b) if isinstance(got[0], dict) else (b, a)
                winner.merged(g)
                loser.discarded(g)
                loser.process(g, ma if winner is a else mb)
            # both processes verify the next commit against the state stored last
            await a.send_commit(g)
            b.process(g, a.last_commit)
            await b.send_commit(g)
            assert sorted((await a.group(g))["members"]) == sorted([a.device_id, b.device_id])
    finally:
        one.stop()
        two.stop()
    for relay in (one, two):
        assert "Traceback" not in relay.log_path.read_text()


async def test_commit_states_are_stored_as_changes_and_read_back(
        relay_any: InProcess, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each commit's public state is stored as what it changed, with a whole state every
    WHOLE_EVERY commits; a relay process without the state in memory (a restart, another
    process) reads the chain back and keeps verifying the members' commits."""
    from crypto.corridor.routing import ChannelState
    from server_stub import authority

    monkeypatch.setattr(authority, "WHOLE_EVERY", 3)
    r = relay_any
    a, b, c = await r.device(), await r.device(), await r.device()
    g = gid()
    await a.create_group(g)
    await a.send_commit(g, add=[b, c])
    for o in (b, c):
        o.join(unb64((await o.inbox())["welcomes"][0]["message"]))
    chains = []
    for i in range(7):
        committer = (a, b, c)[i % 3]
        if i % 2:
            r.relay.authority._cache.clear()  # as after a restart: read from storage
        out = await committer.send_commit(g)
        for o in (a, b, c):
            if o is not committer:
                o.process(g, committer.last_commit)
        chain = await r.relay.storage.public_state_for(g, a.device_id, out["seq"])
        assert chain is not None
        chains.append(chain)
        state = ChannelState.from_chain(chain)
        assert state.group.context == a.mls[g]._state.context  # the members' own
    assert [len(ch) for ch in chains] == [3, 1, 2, 3, 1, 2, 3]  # whole every third
    whole, change = chains[1][0], chains[2][1]
    assert len(change) < len(whole) / 2
