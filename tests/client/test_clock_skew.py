# SPDX-License-Identifier: Apache-2.0
"""Clock skew near a certificate's expiry (client/policy.py, "Clocks"): a commit carries
its committer's timestamp in its authenticated data and every member checks the
certificates it brings in at that moment, not at its own clock. Members whose clocks
straddle a new device's expiry, within the tolerance of each other, reach one verdict;
a commit stamped ahead of a member's clock waits (a gap) instead of being refused.
Real certificates, real MLS, the in-memory relay with the real relay's rules."""

from __future__ import annotations

from datetime import timedelta

import pytest

from client.engine import CLOCK_TOLERANCE
from client.trust import Trust
from tests.support.devices import Dev, assert_agree, settle, venue
from tests.support.pki import A_M, B_M, C_M, Issued, Pki


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device(A_M, "ana"), "a2": pki.device(A_M, "ben"),
            "b": pki.device(B_M, "bea"), "c": pki.device(C_M, "cy")}


def set_clock(dev: Dev, at: float) -> None:
    dev.engine.clock = lambda: at
    dev.engine.trust = Trust(dev.pki.root, clock=lambda: at)
    dev.engine._groups.clear()


async def test_members_straddling_a_new_devices_expiry_agree(
        pki: Pki, people: dict[str, Issued]) -> None:
    relay, d = await venue(pki, people, ["a", "a2", "b", "c"])
    gid = await d["a"].create("multilateral", "plenary", [B_M, C_M])
    await settle(list(d.values()))
    now = pki.now.timestamp()
    # Bea's mission certifies a device that expires in 5 minutes; Bea adds it
    brief = pki.device(B_M, "brief", not_after=pki.now + timedelta(minutes=5))
    d["s"] = await Dev(pki, relay, brief).register()
    set_clock(d["a2"], now + 6 * 60)  # past the expiry, within the tolerance of the others
    set_clock(d["c"], now - 20 * 60)  # twenty minutes slow: beyond the tolerance
    set_clock(d["b"], now)
    d["b"].engine.enqueue_membership(gid)
    await d["b"].flush()
    assert brief.device_id in d["b"].members(gid)
    for h in (d["a"], d["a2"]):
        await h.pull()
        assert not h.refused() and not h.engine.pending_refusals()
        assert brief.device_id in h.members(gid)
    assert_agree([d["a"], d["a2"], d["b"]], gid)
    # the slow member neither merges nor refuses: the commit waits as a gap ...
    epoch = d["c"].epoch(gid)
    await d["c"].pull()
    assert d["c"].epoch(gid) == epoch and not d["c"].refused()
    assert not d["c"].engine.pending_refusals()
    assert d["c"].engine.gaps(gid)
    # ... until its clock reaches the commit's time (less the tolerance): then it merges
    # it, judged at the commit's timestamp like everyone else
    set_clock(d["c"], now - CLOCK_TOLERANCE + 30)
    after = d["c"].engine.catch_up_after(gid)
    msgs, _ = await d["c"].t.messages(gid, after)
    d["c"].engine.receive(msgs)
    assert brief.device_id in d["c"].members(gid)
    assert_agree([d["a"], d["a2"], d["b"], d["c"]], gid)


async def test_an_insiders_backdated_commit_is_refused_by_everyone(
        pki: Pki, people: dict[str, Issued]) -> None:
    """The commit time may not precede the previous commit's: a backdated commit (here
    adding a device whose certificate expired) is refused alike, whatever the clocks."""
    import msgspec

    from client.engine.envelope import CommitInfo, envelope
    from crypto.group import Group

    _relay, d = await venue(pki, people, ["a", "a2", "b"])
    gid = await d["a"].create("multilateral", "plenary", [B_M])
    await settle(list(d.values()))
    prev = d["a"].engine.message_meta(gid).commit_at
    assert prev > 0 and prev == d["a2"].engine.message_meta(gid).commit_at
    b = d["b"]
    g = Group.from_bytes(b.group(gid).to_bytes(), credential_validator=b.engine.trust)
    aad = envelope(g, msgspec.msgpack.encode(CommitInfo([], prev - 3600)))
    out = g.commit(authenticated_data=aad, handshake_encrypted=False)
    await b.t.post(gid, "c.backdated", out.message)
    set_clock(d["a2"], pki.now.timestamp() + 300)
    for h in (d["a"], d["a2"]):
        await h.pull()
        assert [r.reason for r in h.refused()][-1:] == [
            "a commit stamped before the channel's previous commit"]
        assert h.engine.pending_refusals()
    assert_agree([d["a"], d["a2"]], gid)
