"""F2 on the relay: members' refusals void a policy-breaking commit (SQLite and PostgreSQL).

The relay cannot read the policy; it only counts refusals. A commit is voided once more
than half of the devices routed now that were routed before it, its committer aside,
refused it. Voiding frees its epoch and every later one (later commits can only build
on it), undoes the routing those commits changed, drops their Welcomes, and serves them
with ``voided`` set.
"""

from __future__ import annotations

import pytest

from server_stub.errors import BadRequest, EpochConflict, Forbidden, NotFound
from server_stub.storage.base import MembershipEvent, Storage

from .test_storage import NOW, devices, post, store  # noqa: F401 - the fixture


async def group(s: Storage, n: int) -> tuple[bytes, list[str]]:
    """A group of ``n`` devices (the first created it and added the rest at seq 1)."""
    import secrets

    gid = secrets.token_bytes(16)
    ds = await devices(s, n)
    await s.create_group(gid, ds[0], NOW)
    await post(s, gid, ds[0], epoch=0, commit=True, add=ds[1:])
    return gid, ds


async def test_a_majority_of_refusals_voids_the_commit_and_frees_its_epoch(store) -> None:  # noqa: F811
    s, events = store
    gid, (a, b, c, d) = await group(s, 4)
    [e] = await devices(s, 1)
    bad = await post(s, gid, b, epoch=1, commit=True, add=[e], remove=[d],
                     welcome=b"w", welcome_to=[e])
    later = await post(s, gid, b, epoch=2, commit=True)  # on the insider's branch
    app = await post(s, gid, b, epoch=3)
    assert await s.pending_welcomes(e, 10)
    with pytest.raises(EpochConflict):
        await post(s, gid, a, epoch=1, commit=True)
    # the electorate: a and c (d was removed by the commit, e added by it, b made it)
    one = await s.refuse_commit(gid, bad, a, NOW)
    assert (one.refusals, one.electorate, one.voided) == (1, 2, False)
    assert (await s.refuse_commit(gid, bad, a, NOW)).refusals == 1  # once per device
    with pytest.raises(EpochConflict):
        await post(s, gid, a, epoch=1, commit=True)
    n = len(events)
    two = await s.refuse_commit(gid, bad, c, NOW)
    assert (two.refusals, two.electorate, two.voided) == (2, 2, True)
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


async def test_one_insider_cannot_void_an_honest_commit(store) -> None:  # noqa: F811
    s, _ = store
    gid, (a, b, c) = await group(s, 3)
    seq = await post(s, gid, a, epoch=1, commit=True)
    out = await s.refuse_commit(gid, seq, b, NOW)
    assert (out.refusals, out.electorate, out.voided) == (1, 2, False)
    msgs, _ = await s.messages_after(gid, c, 0, 10)
    assert not any(m.voided for m in msgs)
    with pytest.raises(EpochConflict):
        await post(s, gid, b, epoch=1, commit=True)
    with pytest.raises(Forbidden):
        await s.refuse_commit(gid, seq, a, NOW)  # its own commit


async def test_refusals_are_checked(store) -> None:  # noqa: F811
    s, _ = store
    gid, (a, b, c) = await group(s, 3)
    [outsider] = await devices(s, 1)
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
