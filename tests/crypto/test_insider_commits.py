# SPDX-License-Identifier: Apache-2.0
"""THREATS 12: an insider's commit that authenticates but breaks RFC 9420.

Every such commit is an :class:`InvalidCommitError` naming the committer at every
member (the same verdict everywhere, so the relay may void it), with no state change;
relay damage (flipped or truncated bytes, a forged signature) is still the old error
and never an ``InvalidCommitError``; a path secret garbled for one member only is that
member's local error, while the others accept the commit.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from crypto import messages as m
from crypto.errors import (
    DecodeError,
    InvalidCommitError,
    ProtocolError,
    VerificationError,
)
from crypto.group import StagedCommit
from crypto.schedule import key_schedule
from crypto.tree import treekem
from tests.support.mls_groups import (
    NOW,
    assert_agree,
    clone,
    insider_commit,
    kp_for,
    make_group,
    refused_by_all,
    with_path,
)

# -- UpdatePath and signatures ------------------------------------------------------


@pytest.mark.parametrize("encrypted", [True, False])
def test_bad_parent_hash(monkeypatch: pytest.MonkeyPatch, encrypted: bool) -> None:
    a, *others = make_group(5)
    real = treekem._merge_path

    def bad(*args: object, **kw: object):  # type: ignore[no-untyped-def]
        t, ph = real(*args, **kw)  # type: ignore[arg-type]
        return t, bytes(x ^ 1 for x in ph)

    monkeypatch.setattr(treekem, "_merge_path", bad)
    msg = clone(a).commit(handshake_encrypted=encrypted).message
    monkeypatch.undo()
    reasons = refused_by_all(others, msg, VerificationError)
    assert "parent hash" in reasons[0]


def test_bad_leaf_signature_in_path(monkeypatch: pytest.MonkeyPatch) -> None:
    a, *others = make_group(4)

    def edit(p: m.UpdatePath) -> m.UpdatePath:
        sig = bytearray(p.leaf_node.signature)
        sig[0] ^= 1
        return replace(p, leaf_node=replace(p.leaf_node, signature=bytes(sig)))

    refused_by_all(others, with_path(monkeypatch, a, edit), VerificationError)


def test_path_with_a_node_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    a, *others = make_group(4)
    msg = with_path(monkeypatch, a, lambda p: replace(p, nodes=p.nodes[:-1]))
    assert "length" in refused_by_all(others, msg)[0]


def test_path_with_a_ciphertext_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    a, *others = make_group(5)

    def edit(p: m.UpdatePath) -> m.UpdatePath:
        last = p.nodes[-1]
        return replace(p, nodes=(*p.nodes[:-1], replace(
            last, encrypted_path_secret=last.encrypted_path_secret[:-1])))

    assert "encrypted path secrets" in refused_by_all(others, with_path(monkeypatch, a,
                                                                        edit))[0]


def test_path_repeating_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    a, *others = make_group(4)

    def edit(p: m.UpdatePath) -> m.UpdatePath:
        n0 = replace(p.nodes[0], encryption_key=p.nodes[-1].encryption_key)
        return replace(p, nodes=(n0, *p.nodes[1:]))

    assert "repeats" in refused_by_all(others, with_path(monkeypatch, a, edit))[0]


@pytest.mark.parametrize("encrypted", [True, False])
def test_wrong_confirmation_tag(monkeypatch: pytest.MonkeyPatch, encrypted: bool) -> None:
    a, *others = make_group(5)
    monkeypatch.setattr(key_schedule.EpochSecrets, "confirmation_tag",
                        lambda self, h: bytes(32))
    msg = clone(a).commit(handshake_encrypted=encrypted).message
    monkeypatch.undo()
    refused_by_all(others, msg, VerificationError)


# -- proposal lists (sections 12.2, 12.4.2) -----------------------------------------


def test_committer_removes_itself() -> None:
    a, *others = make_group(3)
    assert "itself" in refused_by_all(others, insider_commit(a, [m.Remove(removed=0)]))[0]


def test_two_removes_of_one_leaf() -> None:
    a, *others = make_group(4)
    refused_by_all(others, insider_commit(a, [m.Remove(removed=2), m.Remove(removed=2)]))


def test_remove_of_a_blank_leaf() -> None:
    a, *others = make_group(3)
    refused_by_all(others, insider_commit(a, [m.Remove(removed=7)]))


def test_add_of_the_same_client_twice() -> None:
    a, *others = make_group(3)
    kp = kp_for("m9", 3).key_package
    msg = insider_commit(a, [m.Add(key_package=kp), m.Add(key_package=kp)])
    assert "already" in refused_by_all(others, msg)[0]


def test_external_init_in_a_member_commit() -> None:
    a, *others = make_group(3)
    msg = insider_commit(a, [m.ExternalInit(kem_output=bytes(32))])
    refused_by_all(others, msg)


def test_reinit_with_other_proposals() -> None:
    a, *others = make_group(3)
    reinit = m.ReInit(group_id=b"next", cipher_suite=3)
    refused_by_all(others, insider_commit(a, [reinit, m.Remove(removed=2)]))


def test_two_group_context_extensions() -> None:
    a, *others = make_group(3)
    gce = m.GroupContextExtensions(extensions=())
    refused_by_all(others, insider_commit(a, [gce, gce]))


def test_remove_without_the_required_path() -> None:
    a, *others = make_group(4)
    msg = insider_commit(a, [m.Remove(removed=3)], path=False)
    # the removed member cannot tell (it leaves without a path); the others refuse
    assert "update path" in refused_by_all(others[:2], msg)[0]


def test_empty_commit_without_path() -> None:
    a, *others = make_group(3)
    refused_by_all(others, insider_commit(a, [], path=False))


# -- relay damage stays what it was ---------------------------------------------------


@pytest.mark.parametrize("encrypted", [True, False])
def test_relay_damage_is_not_blamed_on_the_committer(encrypted: bool) -> None:
    a, *others = make_group(4)
    msg = clone(a).commit(handshake_encrypted=encrypted).message
    flipped = bytearray(msg)
    flipped[len(flipped) // 2] ^= 0x40
    damaged = [bytes(flipped), msg[:-1], msg[: len(msg) // 2], msg + b"\x00"]
    for g in others:
        for bad in damaged:
            before = g.to_bytes()
            with pytest.raises((VerificationError, DecodeError, ProtocolError)) as info:
                g.process(bad, now=NOW)
            assert not isinstance(info.value, InvalidCommitError), info.value
            assert g.to_bytes() == before
    for g in others:  # the undamaged commit is fine
        staged = g.process(msg, now=NOW)
        assert isinstance(staged, StagedCommit)
        g.merge_staged_commit(staged)


def test_forged_signature_is_not_blamed_on_the_member() -> None:
    a, *others = make_group(3)
    forger = clone(a)
    forger._state.signature_private_key = \
        forger._state.suite.generate_signature_key_pair()[0]
    msg = forger.commit().message
    for g in others:
        before = g.to_bytes()
        with pytest.raises(VerificationError) as info:
            g.process(msg, now=NOW)
        assert not isinstance(info.value, InvalidCommitError)
        assert g.to_bytes() == before


# -- local: a path secret garbled for one member only ---------------------------------


def test_garbled_path_secret_for_one_member_is_local(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the victim fails, with a plain error (it cannot prove what it received);
    the others accept the commit: this must never be voted a refusal."""
    group = make_group(4)
    a, victim = group[0], group[3]

    def edit(p: m.UpdatePath) -> m.UpdatePath:
        # the last node's ciphertexts go to node 5's resolution (leaves 2 and 3)
        last = p.nodes[-1]
        cts = tuple(replace(ct, ciphertext=bytes(x ^ 0xFF for x in ct.ciphertext))
                    for ct in last.encrypted_path_secret)
        return replace(p, nodes=(*p.nodes[:-1], replace(last, encrypted_path_secret=cts)))

    msg = with_path(monkeypatch, a, edit)
    for g in group[2:]:  # leaves 2 and 3 share node 5: both fail, locally
        before = g.to_bytes()
        with pytest.raises(VerificationError) as info:
            g.process(msg, now=NOW)
        assert not isinstance(info.value, InvalidCommitError)
        assert g.to_bytes() == before
    b = group[1]  # leaf 1 decrypts its own (untouched) ciphertext and accepts
    staged = b.process(msg, now=NOW)
    assert isinstance(staged, StagedCommit)
    b.merge_staged_commit(staged)
    assert b.epoch == victim.epoch + 1


def test_honest_commit_after_refusal_converges() -> None:
    """Refusing left every state as it was: the next honest commit merges everywhere."""
    a, b, c, d = make_group(4)
    refused_by_all([b, c, d], insider_commit(a, [m.Remove(removed=0)]))
    out = b.commit(remove=[3])
    b.merge_pending_commit()
    for g in (a, c):
        staged = g.process(out.message, now=NOW)
        assert isinstance(staged, StagedCommit)
        g.merge_staged_commit(staged)
    assert_agree([a, b, c])
