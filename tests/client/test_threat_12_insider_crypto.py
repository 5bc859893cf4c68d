# SPDX-License-Identifier: Apache-2.0
"""THREATS 12, the cryptographic half: an insider's commit that authenticates (its
signature verifies under the insider's leaf key, so the relay neither made nor altered
it) but is invalid MLS.

* What the relay can check on the public tree (here a wrong parent hash in the
  UpdatePath) it refuses before anything changes; every member would refuse it too
  (``InvalidCommitError``), so no honest member is ever asked to vote on it.
* What it cannot check without the epoch's secrets (here a wrong confirmation tag) it
  accepts; every honest member refuses it alike, tells the relay, the charter's
  missions void it (one vote per mission) and the honest members then change the
  roster and converge.
* A path secret garbled for some members only is their local error: never a refusal,
  so never a vote that could split the group.

The relay is the in-memory double, which verifies MLS on the public tree as the real
relay does, as in ``test_threat_12_wedged_roster.py``.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import replace

import msgspec
import pytest

from client.engine.envelope import envelope
from client.events import ErrorEvent, ForkDetected, PolicyRefused
from client.transport import RelayMessage, RelayRefused
from crypto import messages as m
from crypto.group import Group
from crypto.schedule import key_schedule
from crypto.tree import treekem
from tests.support.devices import Dev, assert_agree, channel, pull_and_refuse
from tests.support.pki import B_M, C_M, Issued, Pki


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device(B_M, "bea"),
            "c": pki.device(C_M, "cy"), "d": pki.device(C_M, "dan")}


def insider_message(b: Dev, gid: bytes, monkeypatch: pytest.MonkeyPatch,
                    corrupt: Callable[[], None]) -> bytes:
    """Bea's self-update commit, made with her raw MLS group while ``corrupt`` is in
    force; properly framed, signed and enveloped."""
    g = Group.from_bytes(b.group(gid).to_bytes(), credential_validator=b.engine.trust)
    corrupt()
    out = g.commit(authenticated_data=envelope(g, msgspec.msgpack.encode([])),
                   handshake_encrypted=False)
    monkeypatch.undo()
    return out.message


async def insider_commit(b: Dev, gid: bytes, monkeypatch: pytest.MonkeyPatch,
                         corrupt: Callable[[], None]) -> int:
    """Post :func:`insider_message`; returns its seq."""
    res = await b.t.post(gid, f"c.insider{secrets.token_hex(4)}",
                         insider_message(b, gid, monkeypatch, corrupt))
    return res.seq


def bad_confirmation_tag(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    real = key_schedule.EpochSecrets.confirmation_tag

    def bad(self, confirmed: bytes) -> bytes:  # type: ignore[no-untyped-def]
        return bytes(x ^ 1 for x in real(self, confirmed))

    return lambda: monkeypatch.setattr(key_schedule.EpochSecrets, "confirmation_tag", bad)


def bad_parent_hash(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    real = treekem._merge_path

    def bad(*args: object, **kw: object):  # type: ignore[no-untyped-def]
        t, ph = real(*args, **kw)  # type: ignore[arg-type]
        return t, bytes(x ^ 1 for x in ph)

    return lambda: monkeypatch.setattr(treekem, "_merge_path", bad)


def garbled_last_node(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    real = treekem.PreparedUpdatePath.encrypt

    def encrypt(self, *args, **kw):  # type: ignore[no-untyped-def]
        p: m.UpdatePath = real(self, *args, **kw)
        last = p.nodes[-1]
        cts = tuple(replace(ct, ciphertext=bytes(x ^ 0xFF for x in ct.ciphertext))
                    for ct in last.encrypted_path_secret)
        return replace(p, nodes=(*p.nodes[:-1], replace(last, encrypted_path_secret=cts)))

    return lambda: monkeypatch.setattr(treekem.PreparedUpdatePath, "encrypt", encrypt)


async def test_a_bad_parent_hash_is_refused_by_the_relay_and_by_every_member(
        pki: Pki, people: dict[str, Issued], monkeypatch: pytest.MonkeyPatch) -> None:
    relay, d, gid = await channel(pki, people, names=("a", "b", "c", "d"))
    a, b, c = d["a"], d["b"], d["c"]
    epoch = a.epoch(gid)
    served = len(relay.groups[gid].messages)
    msg = insider_message(b, gid, monkeypatch, bad_parent_hash(monkeypatch))
    with pytest.raises(RelayRefused) as refused:
        await b.t.post(gid, "c.insider", msg)
    assert refused.value.status == 422 and "parent hash" in str(refused.value)
    assert len(relay.groups[gid].messages) == served and not relay.groups[gid].epochs.get(
        epoch)
    # a relay that delivered it anyway: every member refuses it alike, nothing changes
    for dev in (a, c):
        res = dev.engine.receive([RelayMessage(gid, served + 1, b.device_id, "c.x", msg)])
        refusals = [e for e in res.events if isinstance(e, PolicyRefused)]
        assert [e.seq for e in refusals] == [served + 1]
        assert "parent hash" in refusals[0].reason
        assert dev.epoch(gid) == epoch


async def test_a_bad_confirmation_tag_is_refused_by_all_voided_and_the_group_moves_on(
        pki: Pki, people: dict[str, Issued], monkeypatch: pytest.MonkeyPatch) -> None:
    relay, d, gid = await channel(pki, people, names=("a", "b", "c", "d"))
    a, b, c, late = d["a"], d["b"], d["c"], d["d"]
    epoch = a.epoch(gid)
    # the relay cannot check a confirmation tag (it needs the epoch's secrets)
    bad = await insider_commit(b, gid, monkeypatch, bad_confirmation_tag(monkeypatch))
    since = {dev.device_id: len(dev.events) for dev in (a, c)}
    first = await pull_and_refuse(a)
    assert [(r.seq, r.refusals, r.electorate, r.voided) for r in first] == [(bad, 1, 3, False)]
    # the convener's roster change is refused by the relay meanwhile: the epoch is taken
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="by the convener"))
    assert await a.flush(rounds=2) >= 1
    assert a.epoch(gid) == epoch
    second = await pull_and_refuse(c)
    assert [(r.seq, r.voided) for r in second] == [(bad, True)]
    for dev in (a, c):
        new = dev.events[since[dev.device_id]:]
        refusals = [e for e in new if isinstance(e, PolicyRefused)]
        assert [e.seq for e in refusals] == [bad]
        assert "invalid commit" in refusals[0].reason
        assert "MAC does not verify" in refusals[0].reason  # the confirmation tag
        assert "InvalidCommitVerificationError" in [e.detail for e in new
                                                    if isinstance(e, ErrorEvent)]
        assert not [e for e in new if isinstance(e, ForkDetected)]
        assert dev.epoch(gid) == epoch
    # the epoch is free again: the convener's commit lands at every honest member
    await a.flush()
    await c.pull()
    assert a.epoch(gid) == c.epoch(gid) == epoch + 1
    assert c.engine.roster(gid).name == "by the convener"
    # a late member skips the voided commit without processing it: no refusal, no error
    before = len(late.events)
    await late.pull()
    assert not late.refused(before) and not late.engine.pending_refusals()
    assert not [e for e in late.events[before:] if isinstance(e, ErrorEvent)]
    assert_agree([a, c, late], gid)
    assert relay.groups[gid].messages[bad - 1].sender == b.device_id
    # the honest members change the roster again, and converge
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="third"))
    await a.flush()
    for dev in (c, late):
        await dev.pull()
    assert_agree([a, c, late], gid)
    assert late.engine.roster(gid).name == "third"


async def test_a_path_secret_garbled_for_some_members_is_never_a_refusal(
        pki: Pki, people: dict[str, Issued], monkeypatch: pytest.MonkeyPatch) -> None:
    """Residual risk, documented in docs/threats.md: the members whose ciphertext is
    garbage cannot prove it, so they report nothing; the others merge. No vote, so
    the relay never voids a commit some honest members already merged."""
    _relay, d, gid = await channel(pki, people, names=("a", "b", "c", "d"))
    b = d["b"]
    others = [d[n] for n in ("a", "c", "d")]
    epoch = b.epoch(gid)
    # four leaves: her last path node is the root, encrypted to the other half's leaves
    half = b.group(gid).own_leaf_index // 2
    victims = [x for x in others if x.group(gid).own_leaf_index // 2 != half]
    spared = [x for x in others if x not in victims]
    assert len(victims) == 2 and len(spared) == 1
    await insider_commit(b, gid, monkeypatch, garbled_last_node(monkeypatch))
    for dev in spared:
        assert await pull_and_refuse(dev) == []
        assert dev.epoch(gid) == epoch + 1  # decrypted its own ciphertext: accepted
    for dev in victims:
        n = len(dev.events)
        out = await pull_and_refuse(dev)
        assert out == [] and not dev.refused(n)
        assert [e.detail for e in dev.events[n:] if isinstance(e, ErrorEvent)] \
            == ["VerificationError"]
        assert dev.epoch(gid) == epoch
