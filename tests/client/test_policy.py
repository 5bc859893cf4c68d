# SPDX-License-Identifier: Apache-2.0
"""The channel policy (client/policy.py): the table, and real MLS commits every member checks.

Certificates are real (a venue root, three missions, delegates, a chair and a convener
role issued with ``crypto.certs``); commits are real MLS commits built by one member's
engine (or, for the attacks, by its raw ``Group`` so the local check is bypassed) and
checked by the other members' engines as they arrive through the in-memory relay.
Every refusal is asserted on at least two honest members, who must agree (no forks).

The venue (``Pki``) and the devices (``Dev``) are built with :mod:`tests.support`.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import timedelta

import msgspec
import pytest

from client import payloads
from client.engine import SUITE
from client.engine.envelope import envelope
from client.errors import NotFoundError, UsageError
from client.events import MembershipChanged, MessageReceived
from client.policy import (
    LEAF_EXTENSIONS,
    POLICY,
    Authority,
    PolicyViolation,
    Roster,
    check_commit,
    check_post,
    check_state,
    decode_roster,
    encode_roster,
)
from client.trust import Trust, x509_credential
from crypto.messages.key_package import default_capabilities, make_key_package
from tests.support.devices import Dev, assert_agree, forge_commit, settle, text, venue
from tests.support.pki import A_M, B_M, C_M, Issued, Pki

_enc = msgspec.msgpack.Encoder()

# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {
        "a": pki.device(A_M, "ana"), "a2": pki.device(A_M, "ben"),
        "b": pki.device(B_M, "bea"), "b2": pki.device(B_M, "bo"),
        "c": pki.device(C_M, "cy"), "c2": pki.device(C_M, "cai"),
    }


@pytest.fixture(scope="module")
def roles(pki: Pki) -> dict[str, bytes]:
    return {"chair": pki.role("chair", A_M, "ana"),
            "convener": pki.role("convener", B_M, "bea", channel="working group 1")}


def roster(kind: str, missions: Sequence[str], **kw: object) -> Roster:
    base: dict[str, object] = {"kind": kind, "name": f"a {kind}", "missions": tuple(missions),
                               "created_by": "alderia/ana"}
    base.update(kw)
    return Roster(**base)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the table


def test_policy_table_matches_design() -> None:
    assert POLICY["bilateral"].roster_change is Authority.NOBODY
    assert POLICY["bilateral"].post is Authority.EVERYONE
    assert (POLICY["bilateral"].min_missions, POLICY["bilateral"].max_missions) == (2, 2)
    for kind in ("multilateral", "caucus"):
        assert POLICY[kind].roster_change is Authority.CONVENERS
        assert POLICY[kind].post is Authority.EVERYONE
    assert POLICY["notice"].roster_change is Authority.CHAIRS
    assert POLICY["notice"].post is Authority.CHAIRS


def test_bilateral_fixed_pair(pki: Pki, people: dict[str, Issued]) -> None:
    a, b, c = (pki.ident(people[k]) for k in "abc")
    r = roster("bilateral", [A_M, B_M])
    check_state(r, [a, b])
    with pytest.raises(PolicyViolation):
        check_state(roster("bilateral", [A_M]), [a])
    with pytest.raises(PolicyViolation):
        check_state(roster("bilateral", [A_M, B_M, C_M]), [a, b, c])
    with pytest.raises(PolicyViolation):  # a device of a third mission in the tree
        check_state(r, [a, b, c])
    for who in (a, b):
        check_post(r, who, frozenset())
        with pytest.raises(PolicyViolation):  # nobody changes a bilateral roster
            check_commit(before=r, after=r.with_changes(name="renamed"), committer=who,
                         added=[], removed=[], members_after=[a, b], chairs=frozenset(),
                         founding=False)
    # ...not even its creator while founding it, though she populates it
    check_commit(before=r, after=r, committer=a, added=[b], removed=[],
                 members_after=[a, b], chairs=frozenset(), founding=True)
    with pytest.raises(PolicyViolation):
        check_commit(before=r, after=r.with_changes(missions=(A_M, C_M)), committer=a,
                     added=[c], removed=[], members_after=[a, c], chairs=frozenset(),
                     founding=True)


@pytest.mark.parametrize("kind", ["multilateral", "caucus"])
def test_conveners_change_the_roster(kind: str, pki: Pki, people: dict[str, Issued],
                                     roles: dict[str, bytes]) -> None:
    a, b, c = (pki.ident(people[k]) for k in "abc")
    chairs = pki.trust().chairs([roles["chair"]])
    r = roster(kind, [A_M, B_M], conveners=("alderia/ana",))
    wider = r.with_changes(missions=(A_M, B_M, C_M))
    for who in (a, b):
        check_post(r, who, frozenset())
    check_commit(before=r, after=wider, committer=a, added=[c], removed=[],
                 members_after=[a, b, c], chairs=frozenset(), founding=False)
    with pytest.raises(PolicyViolation, match="may not change"):
        check_commit(before=r, after=wider, committer=b, added=[c], removed=[],
                     members_after=[a, b, c], chairs=frozenset(), founding=False)
    # the chair has no authority over a multilateral or caucus roster it does not convene
    chair_r = r.with_changes(conveners=("borduria/bea",))
    with pytest.raises(PolicyViolation):
        check_commit(before=chair_r, after=chair_r.with_changes(missions=(A_M, B_M, C_M)),
                     committer=a, added=[c], removed=[], members_after=[a, b, c],
                     chairs=chairs, founding=False)
    # a non-convener can neither add nor remove another mission's devices
    with pytest.raises(PolicyViolation):
        check_commit(before=r, after=r, committer=b, added=[pki.ident(people["a2"])],
                     removed=[], members_after=[a, b], chairs=frozenset(), founding=False)
    with pytest.raises(PolicyViolation):
        check_commit(before=r, after=r, committer=b, added=[], removed=[(a, False)],
                     members_after=[b], chairs=frozenset(), founding=False)


def test_notice_chair_only(pki: Pki, people: dict[str, Issued], roles: dict[str, bytes]) -> None:
    a, b, c = (pki.ident(people[k]) for k in "abc")
    trust = pki.trust()
    chairs = trust.chairs([roles["chair"], roles["convener"]])
    assert chairs == frozenset({"alderia/ana"})  # a convener role is not a chair role
    r = roster("notice", [A_M, B_M, C_M], chairs=(roles["chair"],))
    check_post(r, a, chairs)
    for who in (b, c, pki.ident(people["a2"])):  # not even the chair's mission colleague
        with pytest.raises(PolicyViolation, match="only the chair"):
            check_post(r, who, chairs)
    renamed = r.with_changes(name="Agenda (revised)")
    check_commit(before=r, after=renamed, committer=a, added=[], removed=[],
                 members_after=[a, b, c], chairs=chairs, founding=False)
    with pytest.raises(PolicyViolation):
        check_commit(before=r, after=renamed, committer=b, added=[], removed=[],
                     members_after=[a, b, c], chairs=chairs, founding=False)
    # a role certificate of another venue grants nothing
    other = Pki(name="Other Venue")
    assert trust.chairs([other.role("chair", B_M, "bea")]) == frozenset()


def test_device_adds_and_removals(pki: Pki, people: dict[str, Issued]) -> None:
    a, b, b2, c = (pki.ident(people[k]) for k in ("a", "b", "b2", "c"))
    r = roster("multilateral", [A_M, B_M, C_M], conveners=("alderia/ana",))
    common = dict(before=r, after=r, chairs=frozenset(), founding=False)
    # own mission's new device: allowed to any member of that mission
    check_commit(committer=b, added=[b2], removed=[], members_after=[a, b, b2, c], **common)
    # another mission's device: refused, unless the convener
    with pytest.raises(PolicyViolation, match="may not add"):
        check_commit(committer=c, added=[b2], removed=[], members_after=[a, b, b2, c],
                     **common)
    check_commit(committer=a, added=[b2], removed=[], members_after=[a, b, b2, c], **common)
    # removal of another mission's device: only with proof of revocation
    check_commit(committer=c, added=[], removed=[(b2, True)], members_after=[a, b, c],
                 **common)
    with pytest.raises(PolicyViolation, match="may not remove"):
        check_commit(committer=c, added=[], removed=[(b2, False)], members_after=[a, b, c],
                     **common)
    check_commit(committer=b, added=[], removed=[(b2, False)], members_after=[a, b, c],
                 **common)
    with pytest.raises(PolicyViolation, match="external"):
        check_commit(committer=None, added=[], removed=[], members_after=[a, b, c], **common)
    with pytest.raises(PolicyViolation, match="kind"):
        check_commit(committer=a, added=[], removed=[], members_after=[a, b, c],
                     before=r, after=r.with_changes(kind="caucus"), chairs=frozenset(),
                     founding=False)


def test_roster_encoding_is_canonical_and_strict() -> None:
    r1 = roster("caucus", [C_M, A_M, A_M], conveners=("b/x1", "a/y1"))
    r2 = roster("caucus", [A_M, C_M], conveners=("a/y1", "b/x1"))
    assert encode_roster(r1) == encode_roster(r2)
    assert decode_roster(encode_roster(r1)).missions == (A_M, C_M)
    for bad in (b"", b"\xc1", secrets.token_bytes(40), encode_roster(r1)[:-3],
                _enc.encode({"v": 2, "kind": "caucus", "name": "x", "missions": [A_M],
                             "created_by": "a/b12"}),
                _enc.encode({"v": 1, "kind": "salon", "name": "x", "missions": [A_M],
                             "created_by": "a/b12"}),
                _enc.encode({"v": 1, "kind": "caucus", "name": "x", "missions": [A_M],
                             "created_by": "a/b12", "extra": 1})):
        with pytest.raises(PolicyViolation):
            decode_roster(bad)
    with pytest.raises(UsageError):
        encode_roster(roster("salon", [A_M]))


# --------------------------------------------------------------------------- real MLS


async def test_non_convener_adding_a_mission_is_refused_by_every_member(
        pki: Pki, people: dict[str, Issued]) -> None:
    _relay, d = await venue(pki, people, ["a", "a2", "b", "c"])
    gid = await d["a"].create("multilateral", "wg", [B_M])
    await settle([d["a"], d["a2"], d["b"]])
    honest = [d["a"], d["a2"]]
    assert_agree([*honest, d["b"]], gid)
    assert len(d["a"].members(gid)) == 3
    # locally, the engine refuses to queue it
    wider = d["b"].engine.roster(gid).with_changes(missions=(A_M, B_M, C_M))
    with pytest.raises(UsageError):
        d["b"].engine.enqueue_membership(gid, wider)
    # the insider bypasses its engine: every honest member refuses, identically
    epoch = d["a"].epoch(gid)
    await forge_commit(d["b"], gid, add=[people["c"]], roster=wider)
    for h in honest:
        before = len(h.refused())
        await h.pull()
        assert h.epoch(gid) == epoch
        assert len(h.refused()) == before + 1
        assert "may not change" in h.refused()[-1].reason
        assert h.engine.roster(gid).missions == (A_M, B_M)
    assert_agree(honest, gid)
    # the channel stays readable, and the convener's own change is accepted by all
    d["a"].engine.enqueue_payload(gid, text("still here"))
    d["a"].engine.enqueue_membership(gid, wider)
    await d["a"].flush()
    await d["a2"].pull()
    assert d["a2"].texts(gid) == ["still here"]
    assert d["a2"].engine.roster(gid).missions == (A_M, B_M, C_M)
    assert_agree(honest, gid)


async def test_relay_forged_leaf_is_refused(pki: Pki, people: dict[str, Issued]) -> None:
    relay, d = await venue(pki, people, ["a", "a2", "b"])
    gid = await d["a"].create("caucus", "allies", [B_M])
    await settle(list(d.values()))
    assert_agree(list(d.values()), gid)
    epoch = d["a"].epoch(gid)
    # a leaf whose certificate chains to a root the relay made (same mission id)
    fake = Pki(name="Relay Venue")
    forged = fake.device(B_M, "mole")
    seed = forged.seed
    now = int(pki.now.timestamp())
    kp = make_key_package(SUITE, x509_credential(forged.chain), seed,
                          lifetime=(now - 60, now + 86400),
                          capabilities=default_capabilities(SUITE, LEAF_EXTENSIONS)
                          ).key_package.to_bytes()
    # 1. substituted in a KeyPackage claim: the adding client refuses it, no Add is sent
    relay.key_packages[people["b2"].device_id] = [kp]
    relay.directory[people["b2"].device_id] = (B_M, list(people["b2"].chain))
    work = d["b"].engine.outbox_work()
    assert work == []
    d["b"].engine.enqueue_membership(gid)
    (w,) = d["b"].engine.outbox_work()
    plan = d["b"].engine.membership_plan(w, await d["b"].t.directory_devices(None))  # type: ignore[arg-type]
    assert plan.add == (people["b2"].device_id,)
    assert d["b"].engine.build_commit(w, plan, {people["b2"].device_id: kp}) is None  # type: ignore[arg-type]
    assert d["b"].epoch(gid) == epoch and d["b"].group(gid).pending_commit is None
    # 2. an insider's commit carrying the forged leaf: refused by every honest member
    await forge_commit(d["b"], gid, add=[kp], permissive=True)
    for h in (d["a"], d["a2"]):
        got = await h.pull()
        assert h.epoch(gid) == epoch
        assert fake.trust().verify_chain(forged.chain)  # it is valid, just not ours
        assert any(getattr(e, "detail", "") in ("PolicyError", "PolicyViolation")
                   for e in got), got
        assert forged.device_id not in h.members(gid)
    assert_agree([d["a"], d["a2"]], gid)


async def test_notice_post_by_a_non_chair_is_refused(pki: Pki, people: dict[str, Issued],
                                                      roles: dict[str, bytes]) -> None:
    _relay, d = await venue(pki, people, ["a", "a2", "b", "c"], roles)
    gid = await d["a"].create("notice", "Agenda", [B_M, C_M])
    await settle(list(d.values()))
    assert_agree(list(d.values()), gid)
    d["a"].engine.enqueue_payload(gid, text("agenda v2"))
    await d["a"].flush()
    with pytest.raises(UsageError):  # the engine refuses locally
        d["b"].engine.enqueue_payload(gid, text("I am the chair now"))
    # the sender bypasses its engine: an application message encrypted by hand
    g = d["b"].group(gid)
    forged = text("I am the chair now")
    msg = g.encrypt_application(payloads.encode(forged), authenticated_data=envelope(
        g, payloads.build_aad(forged.message_id)))
    await d["b"].t.post(gid, f"m.{forged.message_id.hex()}.0", msg)
    for h in (d["a2"], d["c"]):
        await h.pull()
        assert h.texts(gid) == ["agenda v2"]
        assert [r.reason for r in h.refused()] == ["only the chair may post in a notice channel"]
        with pytest.raises(NotFoundError):
            h.store.get_message(gid, forged.message_id)
    assert_agree([d["a"], d["a2"], d["c"]], gid)


async def test_adding_own_mission_device_vs_another_missions(
        pki: Pki, people: dict[str, Issued]) -> None:
    _relay, d = await venue(pki, people, ["a", "b", "c"])
    gid = await d["a"].create("multilateral", "plenary", [B_M, C_M])
    await settle(list(d.values()))
    # newly certified devices of borduria and carpania register
    d["b2"] = await Dev(pki, _relay, people["b2"]).register()
    d["c2"] = await Dev(pki, _relay, people["c2"]).register()
    # b (not a convener) plans only its own mission's new device
    d["b"].engine.enqueue_membership(gid)
    (w,) = d["b"].engine.outbox_work()
    plan = d["b"].engine.membership_plan(w, await d["b"].t.directory_devices(None))  # type: ignore[arg-type]
    assert plan.add == (people["b2"].device_id,)
    await d["b"].flush()
    for h in (d["a"], d["c"]):
        got = await h.pull()
        assert any(isinstance(e, MembershipChanged) and e.added == ("borduria/bo",)
                   for e in got)
    await d["b2"].pull()
    assert_agree([d["a"], d["b"], d["c"], d["b2"]], gid)
    # b adds a carpanian device by hand: a and c refuse alike
    epoch = d["a"].epoch(gid)
    await forge_commit(d["b"], gid, add=[people["c2"]])
    for h in (d["a"], d["c"], d["b2"]):
        n = len(h.refused())
        await h.pull()
        assert h.epoch(gid) == epoch
        assert len(h.refused()) == n + 1 and "may not add" in h.refused()[-1].reason
    assert_agree([d["a"], d["c"], d["b2"]], gid)


async def test_removing_a_revoked_device_needs_the_crl_in_the_commit(
        pki: Pki, people: dict[str, Issued]) -> None:
    relay, d = await venue(pki, people, ["a", "b", "b2", "c"])
    gid = await d["a"].create("multilateral", "plenary", [B_M, C_M])
    await settle(list(d.values()))
    assert_agree(list(d.values()), gid)
    crl = pki.crl(B_M, [people["b2"].serial])
    relay.crl_list.append(crl)
    honest = [d["a"], d["b"]]
    # without proof: c (carpania) may not remove a borduria device
    epoch = d["a"].epoch(gid)
    await forge_commit(d["c"], gid, remove=[people["b2"].device_id])
    for h in honest:
        n = len(h.refused())
        await h.pull()
        assert h.epoch(gid) == epoch and people["b2"].device_id in h.members(gid)
        assert len(h.refused()) == n + 1 and "may not remove" in h.refused()[-1].reason
    assert_agree(honest, gid)
    # with a CRL of another issuer (not proof for this device): still refused
    await forge_commit(d["c"], gid, remove=[people["b2"].device_id],
                       crls=[pki.crl(C_M, [people["c"].serial + 1])])
    for h in honest:
        await h.pull()
        assert h.epoch(gid) == epoch
    # c's engine learns the CRL and removes the device, carrying the CRL as proof
    d["c"].engine.trust.set_crls([crl])
    d["c"].engine.enqueue_membership(gid)
    await d["c"].flush()
    for h in honest:
        got = await h.pull()
        assert h.epoch(gid) == epoch + 1
        assert people["b2"].device_id not in h.members(gid)
        assert any(isinstance(e, MembershipChanged) and e.removed == ("borduria/bo",)
                   for e in got)
    assert_agree([*honest, d["c"]], gid)


async def test_bilateral_nobody_changes_the_roster_over_mls(
        pki: Pki, people: dict[str, Issued]) -> None:
    _relay, d = await venue(pki, people, ["a", "a2", "b", "c"])
    gid = await d["a"].create("bilateral", "pair", [B_M])
    await settle([d["a"], d["a2"], d["b"]])
    assert set(d["a"].engine.roster(gid).missions) == {A_M, B_M}
    with pytest.raises(UsageError):  # not even its creator
        d["a"].engine.enqueue_membership(gid, d["a"].engine.roster(gid).with_changes(
            missions=(A_M, B_M, C_M)))
    epoch = d["a"].epoch(gid)
    await forge_commit(d["a"], gid, roster=d["a"].engine.roster(gid).with_changes(name="x"))
    for h in (d["a2"], d["b"]):
        n = len(h.refused())
        await h.pull()
        assert h.epoch(gid) == epoch and len(h.refused()) == n + 1
    # both sides post
    d["b"].engine.enqueue_payload(gid, text("from b"))
    await d["b"].flush()
    await d["a2"].pull()
    assert d["a2"].texts(gid) == ["from b"]
    assert any(isinstance(e, MessageReceived) for e in d["a2"].events)
    assert_agree([d["a2"], d["b"]], gid)


async def test_revocation_proof_does_not_depend_on_the_members_clocks(
        pki: Pki, people: dict[str, Issued]) -> None:
    """A revoked device whose certificate expired by one member's clock but not another's:
    both must reach the same verdict on the commit removing it (else they fork)."""
    relay, d = await venue(pki, people, ["a", "a2", "c"])
    short = pki.device(B_M, "brief", not_after=pki.now + timedelta(hours=1))
    d["s"] = await Dev(pki, relay, short).register()
    gid = await d["a"].create("multilateral", "plenary", [B_M, C_M])
    await settle(list(d.values()))
    assert short.device_id in d["a2"].members(gid)
    later = pki.now.timestamp() + 2 * 3600  # a2's clock runs two hours ahead
    d["a2"].engine.clock = lambda: later
    d["a2"].engine.trust = Trust(pki.root, clock=lambda: later)
    d["a2"].engine._groups.clear()
    crl = pki.crl(B_M, [short.serial])
    d["c"].engine.trust.set_crls([crl])
    d["c"].engine.enqueue_membership(gid)
    await d["c"].flush()
    for h in (d["a"], d["a2"]):
        await h.pull()
        assert short.device_id not in h.members(gid), h.refused()
    assert_agree([d["a"], d["a2"], d["c"]], gid)
