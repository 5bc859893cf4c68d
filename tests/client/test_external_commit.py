# SPDX-License-Identifier: Apache-2.0
"""RFC 9420 section 12.4.3.2 at the client: Corridor devices join by Welcome only, so an
external commit delivered in a channel (even one from a validly certified device that
holds the channel's GroupInfo) is refused by every member as a policy break (typed
error, refusal sent to the relay, the group state unchanged); the venue trust chain is
the groups' identity provider."""

from __future__ import annotations

import pytest

from client.events import ErrorEvent, MessageReceived, PolicyRefused
from client.policy import LEAF_EXTENSIONS
from client.transport import RelayMessage
from client.trust import x509_credential
from crypto.errors import PolicyError
from crypto.group import Group, StagedCommit
from crypto.group.validation import IdentityProvider
from crypto.messages.key_package import default_capabilities
from tests.support.devices import channel, received, send, state
from tests.support.pki import B_M, Issued, Pki


@pytest.fixture(scope="module")
def people(pki: Pki) -> dict[str, Issued]:
    return {"a": pki.device("alderia", "ana"), "b": pki.device(B_M, "bea")}


async def test_external_commit_is_refused_by_members(pki: Pki,
                                                     people: dict[str, Issued]) -> None:
    _relay, d, gid = await channel(pki, people)
    a, b = d["a"], d["b"]
    g = Group.from_bytes(a.group(gid).to_bytes(), credential_validator=a.engine.trust)
    outsider = pki.device("alderia", "outsider")
    _joined, commit = Group.join_external(
        g.group_info(), x509_credential(outsider.chain), outsider.seed,
        credential_validator=a.engine.trust,
        capabilities=default_capabilities(3, LEAF_EXTENSIONS))
    # The commit itself is valid MLS: a member's group stages it as external.
    probe = Group.from_bytes(b.group(gid).to_bytes(), credential_validator=b.engine.trust)
    with b.engine.trust.evaluated_at(b.engine.now()):
        staged = probe.process(commit, now=b.engine.now())
    assert isinstance(staged, StagedCommit) and staged.external

    # Delivered in the channel (Corridor's commits are PublicMessages, so it reaches
    # the commit rules): refused as a policy break, the group does not move.
    base = b.store.get_channel(gid).cursor
    before = state(b, gid)
    msg = RelayMessage(gid, base + 1, outsider.device_id, "c.ext", commit)
    res = b.engine.receive([msg])
    refusals = [e for e in res.events if isinstance(e, PolicyRefused)]
    assert [e.reason for e in refusals] == ["external commits are not allowed"]
    assert [e.detail for e in res.events if isinstance(e, ErrorEvent)] == ["PolicyViolation"]
    assert state(b, gid)[:2] == before[:2]  # epoch and group state unchanged
    assert b.group(gid).epoch == before[0] and len(b.group(gid).members()) == 2

    # the channel goes on
    msgs = await send(a, gid, "after")
    res = b.engine.receive([RelayMessage(gid, base + 2, m.sender, m.client_msg_id, m.message)
                            for m in msgs])
    assert [e.kind for e in received(res.events)] == ["text"]
    assert not [e for e in res.events if isinstance(e, MessageReceived) and e.kind != "text"]


async def test_venue_trust_is_the_identity_provider(pki: Pki,
                                                    people: dict[str, Issued]) -> None:
    _relay, d, gid = await channel(pki, people)
    trust = d["a"].engine.trust
    assert isinstance(trust, IdentityProvider)
    ana = x509_credential(people["a"].chain)
    bea = x509_credential(people["b"].chain)
    members = d["a"].group(gid).members()
    ana_key = next(mm.signature_key for mm in members if mm.credential == ana)
    trust.validate_member(ana, ana_key)
    with pytest.raises(PolicyError):  # a certificate bound to another key
        trust.validate_member(bea, ana_key)
    renewed = x509_credential(pki.device("alderia", "ana").chain)  # same delegate
    assert renewed != ana and trust.valid_successor(ana, renewed)
    assert not trust.valid_successor(ana, bea)
    with pytest.raises(PolicyError):
        trust.validate_external_sender(ana, ana_key)
