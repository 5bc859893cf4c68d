# SPDX-License-Identifier: Apache-2.0
"""The running relay refuses an insider's commit with the reason every member gives.

An insider of a real channel (venue certificates, Corridor's stamp) posts commits that
break RFC 9420 rules; the relay answers 422 with the members' own reason (it runs
their code, crypto.group.public_commit), routes nothing, stores nothing, and the
channel's next honest commit goes through. SQLite and PostgreSQL. The rule-by-rule
agreement of the verifier itself is tests/crypto/test_public_agreement.py.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import replace

import pytest

from crypto import messages as m
from crypto.errors import CryptoError
from crypto.group import Group
from tests.support.mls_groups import insider_commit, resigned_path_leaf, with_path
from tests.support.relay_client import RelayClient, RelayError, stamp_aad, unb64
from tests.support.relay_process import InProcess

Forge = Callable[[Group, pytest.MonkeyPatch, bytes], bytes]


def _drop_ciphertext(p: m.UpdatePath) -> m.UpdatePath:
    last = p.nodes[-1]
    return replace(p, nodes=(*p.nodes[:-1], replace(
        last, encrypted_path_secret=last.encrypted_path_secret[:-1])))


FORGERIES: dict[str, Forge] = {
    "P1 committer removes itself": lambda g, _mp, ad: insider_commit(
        g, [m.Remove(removed=0)], encrypted=False, authenticated_data=ad),
    "P2 two Removes of one leaf": lambda g, _mp, ad: insider_commit(
        g, [m.Remove(removed=1), m.Remove(removed=1)], encrypted=False, authenticated_data=ad),
    "P3 Remove beyond the tree": lambda g, _mp, ad: insider_commit(
        g, [m.Remove(removed=9)], encrypted=False, authenticated_data=ad),
    "P8 empty commit without a path": lambda g, _mp, ad: insider_commit(
        g, [], path=False, encrypted=False, authenticated_data=ad),
    "L8 small-order key in the path leaf": lambda g, mp, ad: resigned_path_leaf(
        mp, g, encryption_key=bytes(32), authenticated_data=ad),
    "C1 path with a ciphertext missing": lambda g, mp, ad: with_path(
        mp, g, _drop_ciphertext, encrypted=False, authenticated_data=ad),
}


async def _channel(r: InProcess) -> tuple[bytes, RelayClient, list[RelayClient]]:
    a = await r.device()
    others = [await r.device(a.mission) for _ in range(3)]
    g = os.urandom(16)
    await a.create_group(g)
    await a.send_commit(g, add=others)
    inbox = [await o.inbox() for o in others]
    for o, box in zip(others, inbox, strict=True):
        o.join(unb64(box["welcomes"][0]["message"]))
    return g, a, others


@pytest.mark.parametrize("rule", list(FORGERIES))
async def test_relay_refuses_with_the_members_reason(
        relay_any: InProcess, monkeypatch: pytest.MonkeyPatch, rule: str) -> None:
    g, a, others = await _channel(relay_any)
    view = await a.group(g)
    stored = (await a.messages(g))["messages"]
    forged = FORGERIES[rule](a.mls[g], monkeypatch, stamp_aad())
    with pytest.raises(RelayError) as refused:
        await a.send(g, forged)
    assert refused.value.status == 422
    reasons = []
    for o in others:
        before = o.mls[g].to_bytes()
        with pytest.raises(CryptoError) as member:
            o.mls[g].process(forged, now=int(time.time()))
        assert o.mls[g].to_bytes() == before
        reasons.append(f"commit refused: {member.value}")
    assert set(reasons) == {refused.value.body["message"]}
    # nothing was routed or stored; the epoch is still free for an honest commit
    assert await a.group(g) == view
    assert (await a.messages(g))["messages"] == stored
    await a.send_commit(g)
    for o in others:
        o.process(g, a.last_commit)


async def test_a_valid_external_commit_is_checked_then_refused_by_the_charter(
        relay_any: InProcess) -> None:
    """A well-formed external commit passes the members' MLS rules at the relay too,
    and is then refused by the charter (Corridor devices join by Welcome), as by every
    member; routing does not change."""
    from crypto.corridor.charter import CHARTER_EXTENSION
    from crypto.messages.key_package import default_capabilities

    g, a, others = await _channel(relay_any)
    view = await a.group(g)
    outsider = await relay_any.device(a.mission)
    _joined, commit = Group.join_external(
        a.mls[g].group_info(), outsider.credential(), outsider.seed,
        credential_validator=lambda _c, _k: None, authenticated_data=stamp_aad(),
        capabilities=default_capabilities(3, [CHARTER_EXTENSION]))
    with pytest.raises(RelayError) as refused:
        await a.send(g, commit)
    assert refused.value.status == 422
    assert "external commits are not allowed" in refused.value.body["message"]
    assert await a.group(g) == view
    staged = others[0].mls[g].process(commit, now=int(time.time()))  # valid MLS to a member
    assert getattr(staged, "external", False)
