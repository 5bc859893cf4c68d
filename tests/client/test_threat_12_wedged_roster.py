# SPDX-License-Identifier: Apache-2.0
"""THREATS 12 and 23 at the clients: a commit every honest member refuses,
accepted first for an epoch by a relay that could not check it, does not wedge the
roster. Each member tells the relay (``Transport.refuse``); once at least two missions
and more than half of the missions of the charter refused it (one vote per mission,
never per device), the relay voids it, frees its epoch and serves it marked ``voided``,
so the honest members' next commit goes through and everyone, late members included,
converges on one epoch.

The relay here is the in-memory double, which verifies MLS but not the charter, so it
accepts the insider's policy-breaking rename and the voting path runs at the clients.
The real relay refuses that commit up front (``tests/server_stub/test_relay_authority.py``)
and votes only on what it cannot check (the confirmation and membership tags, the
encrypted path, the sealed channel information); ``tests/server_stub/test_refusals.py``
runs its rule on SQLite and PostgreSQL.
"""

from __future__ import annotations

import secrets

import msgspec
import pytest

from client.engine.envelope import envelope, seal_info
from client.events import ErrorEvent, ForkDetected
from client.policy import new_info, roster_extension
from crypto.corridor.charter import CommitStamp
from crypto.group import CommitOutput, Group
from tests.support.devices import Dev, assert_agree, channel, pull_and_refuse, send
from tests.support.pki import B_M, C_M, Issued, Pki


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device(B_M, "bea"),
            "c": pki.device(C_M, "cy"), "d": pki.device(C_M, "dan")}


def rename_commit(b: Dev, g: Group, gid: bytes, name: str) -> CommitOutput:
    """A well-formed rename by ``b`` with its raw MLS group ``g`` (the new channel
    information sealed for the members, as the engine does), whoever may make it."""
    roster = b.engine.roster(gid).with_changes(name=name)
    info = new_info(name)
    exts = [e for e in g.extensions if e.extension_type != 0xF0C2] + [
        roster_extension(roster, info)]
    stamp = CommitStamp([], b.engine.message_meta(gid).commit_at, seal_info(g, info))
    return g.commit(group_context_extensions=exts,
                    authenticated_data=envelope(g, msgspec.msgpack.encode(stamp)),
                    handshake_encrypted=False)


async def insider_rename(b: Dev, gid: bytes) -> int:
    """Bea (not a convener) renames the channel with her raw MLS group; returns the seq."""
    g = Group.from_bytes(b.group(gid).to_bytes(), credential_validator=b.engine.trust)
    out = rename_commit(b, g, gid, "renamed by an insider")
    res = await b.t.post(gid, f"c.insider{secrets.token_hex(4)}", out.message)
    return res.seq


async def test_an_insider_commit_accepted_first_does_not_wedge_the_roster(
        pki: Pki, people: dict[str, Issued]) -> None:
    relay, d, gid = await channel(pki, people, names=("a", "b", "c", "d"))
    a, b, c, late = d["a"], d["b"], d["c"], d["d"]
    epoch = a.epoch(gid)
    bad = await insider_rename(b, gid)
    # the first honest refusal is not enough (electorate a, c, d: two are needed)
    first = await pull_and_refuse(a)
    assert [(r.seq, r.refusals, r.electorate, r.voided) for r in first] == [(bad, 1, 3, False)]
    assert a.refused() and a.epoch(gid) == epoch
    # meanwhile the convener's commit is refused by the relay: the epoch is taken
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="by the convener"))
    assert await a.flush(rounds=2) >= 1
    assert a.epoch(gid) == epoch
    second = await pull_and_refuse(c)
    assert c.refused() and c.epoch(gid) == epoch
    assert [(r.seq, r.voided) for r in second] == [(bad, True)]
    # the epoch is free again: the convener's commit lands at every honest member
    await a.flush()
    await c.pull()
    assert a.epoch(gid) == c.epoch(gid) == epoch + 1
    assert c.engine.roster(gid).name == a.engine.roster(gid).name == "by the convener"
    # a late member sees the insider's commit marked voided and skips it: no refusal,
    # no error, the same epoch and epoch authenticator as the others
    before = len(late.events)
    assert late.epoch(gid) == epoch
    await late.pull()
    assert not late.refused(before) and not late.engine.pending_refusals()
    assert not [e for e in late.events[before:] if isinstance(e, ErrorEvent)]
    assert_agree([a, c, late], gid)
    served = relay.groups[gid].messages
    assert served[bad - 1].sender == b.device_id
    # the honest members can change the roster again, and again
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="third"))
    await a.flush()
    for dev in (c, late):
        await dev.pull()
    assert_agree([a, c, late], gid)
    assert late.engine.roster(gid).name == "third"


async def test_the_insider_on_its_own_branch_gets_typed_errors_not_a_fork(
        pki: Pki, people: dict[str, Issued]) -> None:
    _relay, d, gid = await channel(pki, people, names=("a", "b", "c"))
    a, b, c = d["a"], d["b"], d["c"]
    epoch = a.epoch(gid)
    # Bea merges her own bad commit on a private copy of her state, then talks from it
    g = Group.from_bytes(b.group(gid).to_bytes(), credential_validator=b.engine.trust)
    out = rename_commit(b, g, gid, "insider")
    await b.t.post(gid, "c.insider", out.message)
    g.merge_pending_commit()
    for dev in (a, c):
        await pull_and_refuse(dev)
    # a signed message from her branch (another fingerprint for epoch + 1)
    from client import payloads

    aad = envelope(g, payloads.build_aad(b"\x01" * 16), b.engine._signer)
    msg = g.encrypt_application(b"x", authenticated_data=aad)
    since = {dev.device_id: len(dev.events) for dev in (a, c)}
    await b.t.post(gid, "m.01.0", msg)
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="honest"))
    await a.flush()
    await send(a, gid, "after")
    for dev in (a, c):
        n = since[dev.device_id]
        await dev.pull()
        assert not [e for e in dev.events[n:] if isinstance(e, ForkDetected)]
        assert [e.detail for e in dev.events[n:] if isinstance(e, ErrorEvent)] == ["EpochError"]
        assert not dev.engine.message_meta(gid).forked
    assert_agree([a, c], gid)
    assert a.epoch(gid) == epoch + 1
    assert "after" in c.texts(gid)


async def test_a_single_insiders_refusal_cannot_void_an_honest_commit(
        pki: Pki, people: dict[str, Issued]) -> None:
    relay, d, gid = await channel(pki, people, names=("a", "b", "c"))
    a, b, c = d["a"], d["b"], d["c"]
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="honest"))
    n = len(relay.groups[gid].messages)
    await a.flush()
    seq = relay.groups[gid].messages[n].seq
    out = await b.t.refuse(gid, seq)  # Bea lies: refused, she says
    # one mission of the charter's three: never enough (two at least, and a majority)
    assert (out.refusals, out.electorate, out.voided) == (1, 3, False)
    again = await b.t.refuse(gid, seq)  # saying it twice counts once
    assert (again.refusals, again.voided) == (1, False)
    from client.transport import RelayRefused

    with pytest.raises(RelayRefused) as err:
        await a.t.refuse(gid, seq)  # the committer cannot vote against its own commit
    assert err.value.status == 403
    for dev in (b, c):
        await dev.pull()
    assert_agree([a, b, c], gid)
    assert c.engine.roster(gid).name == "honest"
    assert not any(m.seq == seq for m in (await c.t.messages(gid, seq - 1))[0] if m.voided)
    assert not c.engine.pending_refusals()
