"""THREATS 12, the part the relay decides: an insider's policy-breaking commit that the
relay accepts first for an epoch is refused by every honest member (no fork), but the
relay then refuses every other commit for that epoch, so the honest members can never
change the roster again. ``tests/client/test_policy.py`` sidesteps this by making the
in-memory relay forget the taken epoch; here the relay keeps it, as the real one does.
"""

from __future__ import annotations

import secrets

import msgspec
import pytest

from client.engine import _envelope
from client.policy import roster_extension
from crypto.group import Group

from .test_engine import channel
from .test_policy import B_M, C_M, Issued, Pki, assert_agree


@pytest.fixture(scope="module")
def pki() -> Pki:
    return Pki()


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device(B_M, "bea"),
            "c": pki.device(C_M, "cy")}


@pytest.mark.xfail(strict=True, reason=(
    "open finding: the relay's first-commit-per-epoch rule lets a refused insider "
    "commit occupy the epoch; honest members stay behind it and every later commit "
    "gets 409 (roster wedged)"))
async def test_an_insider_commit_accepted_first_does_not_wedge_the_roster(
        pki: Pki, people: dict[str, Issued]) -> None:
    _relay, d, gid = await channel(pki, people, names=("a", "b", "c"))
    a, b, c = d["a"], d["b"], d["c"]
    epoch = a.epoch(gid)
    # Bea (not a convener) renames the channel with her raw MLS group
    g = Group.from_bytes(b.group(gid).to_bytes(), credential_validator=b.engine.trust)
    roster = b.engine.roster(gid).with_changes(name="renamed by an insider")
    exts = [e for e in g.extensions if e.extension_type != 0xF0C2] + [roster_extension(roster)]
    out = g.commit(group_context_extensions=exts,
                   authenticated_data=_envelope(g, msgspec.msgpack.encode([])))
    await b.t.post(gid, f"c.insider{secrets.token_hex(4)}", out.message)
    for dev in (a, c):
        await dev.pull()
        assert dev.refused(), "the insider's commit must be refused"
        assert dev.epoch(gid) == epoch
    # the convener now renames it properly: it must land at every honest member
    a.engine.enqueue_membership(gid, a.engine.roster(gid).with_changes(name="by the convener"))
    await a.flush()
    await c.pull()
    assert_agree([a, c], gid)
    assert a.epoch(gid) == epoch + 1
    assert c.engine.roster(gid).name == "by the convener"
