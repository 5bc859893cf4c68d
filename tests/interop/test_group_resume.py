# SPDX-License-Identifier: Apache-2.0
"""The group API the interop client needed (crypto.group), Corridor alone.

ReInit (RFC 9420 11.2), branch (11.3), PSK proposals (8.4), explicit proposal refs,
external joins removing the prior leaf with a PSK (12.4.3.2), and the epoch-1 rule
for reinit/branch Welcomes (12.4.3.1).
"""

from __future__ import annotations

import secrets

import pytest

from crypto import messages as m
from crypto.errors import ProtocolError
from crypto.group import Group, StagedCommit, StoredProposal
from crypto.messages import Credential, PreSharedKeyID, PSKType, ResumptionPSKUsage
from crypto.messages.key_package import make_key_package
from crypto.suites import get_suite

NOW = 1_700_000_000


def ok(_c: Credential, _k: bytes) -> None:
    pass


def key(suite: int = 1) -> bytes:
    return get_suite(suite).generate_signature_key_pair()[0]


def bundle(name: bytes, suite: int = 1):
    return make_key_package(suite, Credential.basic(name), key(suite), lifetime=(0, 2**63))


def pair(suite: int = 1) -> tuple[Group, Group]:
    a = Group.create(suite, b"g", Credential.basic(b"a"), key(suite), credential_validator=ok)
    kb = bundle(b"b", suite)
    out = a.commit(add=[kb.key_package], now=NOW)
    a.merge_pending_commit()
    assert out.welcome is not None
    b = Group.join(out.welcome, kb, credential_validator=ok, now=NOW)
    return a, b


def deliver(g: Group, msg: bytes) -> None:
    staged = g.process(msg, now=NOW)
    assert isinstance(staged, StagedCommit)
    g.merge_staged_commit(staged)


@pytest.mark.parametrize("new_suite", [1, 3])
def test_reinit_then_resume(new_suite: int) -> None:
    a, b = pair()
    prop = a.propose_reinit(b"g2", new_suite, [], handshake_encrypted=False)
    stored = b.process(prop, now=NOW)
    assert isinstance(stored, StoredProposal) and isinstance(stored.proposal.body, m.ReInit)
    out = b.commit(proposal_refs=[stored.ref], update_path=False, now=NOW)
    b.merge_pending_commit()
    deliver(a, out.message)
    assert a.epoch_authenticator == b.epoch_authenticator
    kb = bundle(b"b", new_suite)
    sig = key(new_suite)
    new_a, created = Group.resume(a, ResumptionPSKUsage.reinit, [kb.key_package],
                                  suite_id=new_suite, group_id=b"g2",
                                  credential=Credential.basic(b"a"),
                                  signature_private_key=sig, credential_validator=ok)
    assert new_a.epoch == 1 and new_a.cipher_suite == new_suite
    assert created.welcome is not None
    with pytest.raises(ProtocolError):  # the old group's resumption PSK is required
        Group.join(created.welcome, kb, credential_validator=ok, now=NOW)
    new_b = Group.join(created.welcome, kb, credential_validator=ok, now=NOW,
                       resumption_psks={(b.group_id, b.epoch): b.resumption_psk()})
    assert new_b.epoch_authenticator == new_a.epoch_authenticator
    assert new_b.export_secret("x", b"", 16) == new_a.export_secret("x", b"", 16)


def test_branch_with_external_tree() -> None:
    a, b = pair()
    kb = bundle(b"b")
    new_a, out = Group.resume(a, ResumptionPSKUsage.branch, [kb.key_package], suite_id=1,
                              group_id=b"branch", credential=Credential.basic(b"a"),
                              signature_private_key=key(), update_path=True,
                              ratchet_tree_in_welcome=False, credential_validator=ok)
    assert out.welcome is not None
    with pytest.raises(ProtocolError):  # no tree in the Welcome, none given
        Group.join(out.welcome, kb, credential_validator=ok, now=NOW,
                   resumption_psks={(b.group_id, b.epoch): b.resumption_psk()})
    new_b = Group.join(out.welcome, kb, ratchet_tree=new_a.ratchet_tree(),
                       credential_validator=ok, now=NOW,
                       resumption_psks={(b.group_id, b.epoch): b.resumption_psk()})
    assert new_b.epoch_authenticator == new_a.epoch_authenticator


def test_psk_proposals_and_explicit_refs() -> None:
    a, b = pair()
    for g in (a, b):
        g.add_external_psk(b"id", b"k" * 32)
    ext = PreSharedKeyID(psktype=PSKType.external, psk_id=b"id", psk_nonce=bytes(32))
    res = PreSharedKeyID(psktype=PSKType.resumption, usage=ResumptionPSKUsage.application,
                         psk_group_id=a.group_id, psk_epoch=1, psk_nonce=bytes(range(32)))
    p1 = b.propose_psk(ext)
    p2 = b.propose_psk(res)
    refs = [a.process(p, now=NOW) for p in (p1, p2)]
    assert all(isinstance(r, StoredProposal) for r in refs)
    out = a.commit(proposal_refs=[refs[1].ref], update_path=False, now=NOW)  # p2 only
    a.merge_pending_commit()
    deliver(b, out.message)
    assert a.epoch_authenticator == b.epoch_authenticator


def test_external_join_removing_prior_with_psk() -> None:
    a, b = pair()
    a.add_external_psk(b"id", b"s" * 32)
    pid = PreSharedKeyID(psktype=PSKType.external, psk_id=b"id", psk_nonce=bytes(32))
    gi = a.group_info()
    c, commit = Group.join_external(gi, Credential.basic(b"b"), key(),
                                    credential_validator=ok, remove=b.own_leaf_index,
                                    psks=[(pid, b"s" * 32)])
    deliver(a, commit)
    assert a.epoch_authenticator == c.epoch_authenticator
    assert sorted(x.credential.identity for x in a.members()) == [b"a", b"b"]
    assert c.own_leaf_index == b.own_leaf_index  # the joiner takes the freed leaf


def test_join_refuses_resumed_group_not_at_epoch_1() -> None:
    a, _b = pair()
    kb = bundle(b"b")
    new_a, _ = Group.resume(a, ResumptionPSKUsage.branch, [], suite_id=1, group_id=b"x",
                            credential=Credential.basic(b"a"), signature_private_key=key(),
                            credential_validator=ok)
    new_a.commit(now=NOW)  # epoch 2: a Welcome with a branch PSK is now invalid
    new_a.merge_pending_commit()
    pid = PreSharedKeyID(psktype=PSKType.resumption, usage=ResumptionPSKUsage.branch,
                         psk_group_id=a.group_id, psk_epoch=a.epoch, psk_nonce=bytes(32))
    # Build a Welcome for epoch 3 carrying the branch PSK (no public API makes one).
    st = new_a._state
    items = [(m.Proposal.of(m.Add(key_package=kb.key_package)), m.Sender.member(0), None),
             (m.Proposal.of(m.PreSharedKey(psk=pid)), m.Sender.member(0), None)]
    applied = new_a._apply_proposals(st, items, m.Sender.member(0), NOW, check_each=False)
    made = new_a._build_commit(st, applied, [m.ProposalOrRef.of(p) for p, _s, _r in items],
                               items, use_path=False, authenticated_data=b"", encrypted=True,
                               rng=secrets.token_bytes,
                               extra_psks={pid.to_bytes(): a.resumption_psk()})
    assert made.welcome is not None
    with pytest.raises(ProtocolError, match="epoch 1"):
        Group.join(made.welcome, kb, credential_validator=ok, now=NOW,
                   resumption_psks={(a.group_id, a.epoch): a.resumption_psk()})
