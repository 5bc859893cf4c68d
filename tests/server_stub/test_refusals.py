# SPDX-License-Identifier: Apache-2.0
"""Refusals (THREATS 12) and THREATS 23 on the relay: the charter's missions void a
commit every honest member refused (SQLite and PostgreSQL).

The relay refuses what it can verify before accepting a commit; members refuse what it
cannot (confirmation and membership tags, encrypted path secrets, sealed channel
information) and vote. One vote per mission of the charter, never per routed device: a
mission refuses through any of its devices routed before the commit (its mission read
from the relay's verified directory), the committer aside. A commit is voided once at
least two missions and more than half of the missions the charter named before it
refused it. Voiding frees its epoch and every later one (later commits can only build
on it), undoes the routing and public state those commits changed, drops their
Welcomes, and serves them with ``voided`` set.
"""

from __future__ import annotations

import pytest

from server_stub.errors import BadRequest, EpochConflict, Forbidden, NotFound
from server_stub.storage.base import MembershipEvent, Storage
from tests.support.relay_storage import NOW, devices, post, verdict


async def certified(s: Storage, missions: list[str]) -> list[str]:
    """Devices registered with their mission in the directory, one per entry."""
    import msgspec

    ds = await devices(s, len(missions))
    # a record shaped as the relay writes it (a msgpack list of DER; these are no
    # certificates: the PostgreSQL schema is shared with relays that read it)
    chain = msgspec.msgpack.encode([b"not a certificate"])
    for d, m in zip(ds, missions, strict=True):
        assert await s.put_directory_entry("device", d, m, chain, 1, NOW)
    return ds


async def group(s: Storage, n: int, missions: list[str] | None = None
                ) -> tuple[bytes, list[str]]:
    """A group of ``n`` devices, each of its own mission unless ``missions`` says (the
    first created it and added the rest at seq 1)."""
    import secrets

    missions = missions or [f"m{i}" for i in range(n)]
    gid = secrets.token_bytes(16)
    ds = await certified(s, missions)
    electorate = len(set(missions))
    await s.create_group(gid, ds[0], NOW, b"S", missions=electorate)
    await post(s, gid, ds[0], epoch=0, commit=True,
               check=verdict(ds[1:], missions=electorate))
    return gid, ds


async def test_a_majority_of_refusals_voids_the_commit_and_frees_its_epoch(store) -> None:
    s, events = store
    gid, (a, b, c, d) = await group(s, 4, ["m0", "m1", "m2", "m2"])
    [e] = await certified(s, ["m3"])
    bad = await post(s, gid, b, epoch=1, commit=True, add=[e], remove=[d],
                     welcome=b"w", welcome_to=[e])
    later = await post(s, gid, b, epoch=2, commit=True)  # on the insider's branch
    app = await post(s, gid, b, epoch=3)
    assert await s.pending_welcomes(e, 10)
    with pytest.raises(EpochConflict):
        await post(s, gid, a, epoch=1, commit=True)
    # the electorate: the charter's three missions (m1 made it; d, removed, cannot vote)
    one = await s.refuse_commit(gid, bad, a, NOW)
    assert (one.refusals, one.electorate, one.voided) == (1, 3, False)
    assert (await s.refuse_commit(gid, bad, a, NOW)).refusals == 1  # once per device
    with pytest.raises(EpochConflict):
        await post(s, gid, a, epoch=1, commit=True)
    n = len(events)
    two = await s.refuse_commit(gid, bad, c, NOW)
    assert (two.refusals, two.electorate, two.voided) == (2, 3, True)
    assert any(isinstance(ev, MembershipEvent) for ev in events[n:])
    msgs, _ = await s.messages_after(gid, a, 0, 100)
    assert {m.seq: m.voided for m in msgs} == {1: False, bad: True, later: True, app: False}
    # routing undone: d is routed again, e never was, e's Welcome is gone
    assert await s.is_member(gid, d) and not await s.is_member(gid, e)
    assert not await s.pending_welcomes(e, 10)
    with pytest.raises(NotFound):
        await s.messages_after(gid, e, 0, 10)
    # the epochs are free: the honest commit goes through, then the next one
    good = await post(s, gid, a, epoch=1, commit=True)
    assert await post(s, gid, c, epoch=2, commit=True) > good
    with pytest.raises(EpochConflict):
        await post(s, gid, b, epoch=1, commit=True)
    # a refusal of a voided commit is answered as voided, and changes nothing
    assert (await s.refuse_commit(gid, bad, d, NOW)).voided
    msgs, _ = await s.messages_after(gid, d, bad, 100)
    assert [m.voided for m in msgs if m.seq >= good] == [False, False]


async def test_one_insider_cannot_void_an_honest_commit(store) -> None:
    s, _ = store
    gid, (a, b, c) = await group(s, 3)
    seq = await post(s, gid, a, epoch=1, commit=True)
    out = await s.refuse_commit(gid, seq, b, NOW)
    assert (out.refusals, out.electorate, out.voided) == (1, 3, False)
    msgs, _ = await s.messages_after(gid, c, 0, 10)
    assert not any(m.voided for m in msgs)
    with pytest.raises(EpochConflict):
        await post(s, gid, b, epoch=1, commit=True)
    with pytest.raises(Forbidden):
        await s.refuse_commit(gid, seq, a, NOW)  # its own commit


async def test_refusals_are_checked(store) -> None:
    s, _ = store
    gid, (a, b, c) = await group(s, 3)
    [outsider] = await certified(s, ["m9"])
    app = await post(s, gid, a, epoch=1)
    seq = await post(s, gid, a, epoch=1, commit=True, add=[outsider])
    with pytest.raises(NotFound):
        await s.refuse_commit(gid, app, b, NOW)  # not a commit
    with pytest.raises(NotFound):
        await s.refuse_commit(gid, 999, b, NOW)
    with pytest.raises(Forbidden):
        await s.refuse_commit(gid, seq, outsider, NOW)  # added by it
    with pytest.raises(NotFound):
        await s.refuse_commit(b"\x00" * 16, seq, b, NOW)
    with pytest.raises(BadRequest):
        await s.refuse_commit(gid, 0, b, NOW)
    assert (await s.refuse_commit(gid, seq, c, NOW)).refusals == 1


async def test_a_mission_with_many_devices_is_one_vote(store) -> None:
    s, _ = store
    # m1 has four devices, m0 and m2 one each: m1 alone can never void m0's commit
    gid, ds = await group(s, 6, ["m0", "m1", "m1", "m1", "m1", "m2"])
    a, *m1, c = ds
    seq = await post(s, gid, a, epoch=1, commit=True)
    for d in m1:
        out = await s.refuse_commit(gid, seq, d, NOW)
        assert (out.refusals, out.electorate, out.voided) == (1, 3, False)
    msgs, _ = await s.messages_after(gid, c, 0, 10)
    assert not any(m.voided for m in msgs)
    # a second mission makes two of three: voided
    assert (await s.refuse_commit(gid, seq, c, NOW)).voided


async def test_in_a_two_mission_channel_one_mission_never_voids(store) -> None:
    s, _ = store
    gid, (a, a2, b, b2) = await group(s, 4, ["m0", "m0", "m1", "m1"])
    seq = await post(s, gid, a, epoch=1, commit=True)
    for d in (b, b2):
        out = await s.refuse_commit(gid, seq, d, NOW)
        assert (out.refusals, out.electorate, out.voided) == (1, 2, False)
    # the committer's own mission, through another device, is the second mission
    out = await s.refuse_commit(gid, seq, a2, NOW)
    assert (out.refusals, out.electorate, out.voided) == (2, 2, True)


async def test_a_device_without_a_certified_mission_has_no_vote(store) -> None:
    s, _ = store
    gid, (a, b, c) = await group(s, 3)
    [stray] = await devices(s, 1)  # routed, but the directory names no mission for it
    await post(s, gid, a, epoch=1, commit=True, check=verdict([stray], missions=3))
    seq = await post(s, gid, a, epoch=2, commit=True, check=verdict(missions=3))
    assert (await s.refuse_commit(gid, seq, stray, NOW)).refusals == 0
    assert (await s.refuse_commit(gid, seq, b, NOW)).refusals == 1
    assert not (await s.refuse_commit(gid, seq, b, NOW)).voided
    del c


async def test_states_are_pruned_to_the_newest_and_then_a_commit_cannot_be_voided(
        store) -> None:
    from server_stub.errors import Conflict
    from server_stub.storage._sql import STATES_KEPT

    s, _ = store
    gid, (a, b, c) = await group(s, 3)  # its founding commit is at seq 1
    seqs = [await post(s, gid, a, epoch=e, commit=True, check=verdict(missions=3))
            for e in range(1, STATES_KEPT + 2)]
    await s.gc(NOW, 10**9)
    # the state before the oldest of them is gone: it can no longer be voided
    with pytest.raises(Conflict):
        await s.refuse_commit(gid, seqs[0], b, NOW)
    # the newest commits keep theirs: a vote still counts
    assert (await s.refuse_commit(gid, seqs[-1], b, NOW)).refusals == 1
    assert (await s.refuse_commit(gid, seqs[-1], c, NOW)).voided
