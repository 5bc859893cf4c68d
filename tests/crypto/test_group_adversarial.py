# SPDX-License-Identifier: Apache-2.0
"""Hostile inputs to crypto.group: each is a typed error and leaves the state unchanged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from crypto import messages as m
from crypto.errors import (
    CryptoError,
    DecodeError,
    EpochError,
    PolicyError,
    ProtocolError,
    VerificationError,
)
from crypto.group import ApplicationMessage, Group, StagedCommit
from crypto.schedule import key_schedule
from crypto.suites import expand_signature_key
from crypto.tree import treekem
from tests.support.mls_groups import NOW, accept, deliver, identity, kp_for, make_group


def unchanged(group: Group, exc: type[CryptoError], action: Callable[[], object]) -> None:
    """``action`` raises ``exc`` and ``group`` serializes exactly as before."""
    before = group.to_bytes()
    with pytest.raises(exc):
        action()
    assert group.to_bytes() == before


def clone(g: Group) -> Group:
    return Group.from_bytes(g.to_bytes(), credential_validator=accept)


def test_forged_signature() -> None:
    a, b, c = make_group(3)
    forger = clone(a)
    other_key, _pub = forger._state.suite.generate_signature_key_pair()
    forger._state.signature_private_key = other_key
    forger._state.signing_key = expand_signature_key(other_key)  # the key it really signs with
    out = forger.commit()
    for g in (b, c):
        unchanged(g, VerificationError, lambda g=g: g.process(out.message, now=NOW))
    app = forger.encrypt_application(b"spoof")
    unchanged(b, VerificationError, lambda: b.process(app, now=NOW))


def test_wrong_parent_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, c = make_group(4)[:3]
    real = treekem._merge_path

    def bad(*args: object, **kw: object):  # type: ignore[no-untyped-def]
        t, ph = real(*args, **kw)  # type: ignore[arg-type]
        return t, bytes(x ^ 1 for x in ph)

    monkeypatch.setattr(treekem, "_merge_path", bad)
    out = clone(a).commit()
    monkeypatch.setattr(treekem, "_merge_path", real)
    for g in (b, c):
        unchanged(g, VerificationError, lambda g=g: g.process(out.message, now=NOW))


def test_wrong_confirmation_tag(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, c = make_group(3)
    monkeypatch.setattr(key_schedule.EpochSecrets, "confirmation_tag",
                        lambda self, h: bytes(32))
    out = clone(a).commit()
    monkeypatch.undo()
    for g in (b, c):
        unchanged(g, VerificationError, lambda g=g: g.process(out.message, now=NOW))


def test_credential_validator_refuses_added_leaf() -> None:
    a, b, _c = make_group(3)

    def refuse_mallory(cred: m.Credential, key: bytes) -> None:
        if cred.identity == b"mallory":
            raise PolicyError("not certified")

    strict = Group.from_bytes(b.to_bytes(), credential_validator=refuse_mallory)
    out = a.commit(add=[kp_for("mallory", 3).key_package])
    unchanged(strict, PolicyError, lambda: strict.process(out.message, now=NOW))
    # the adder itself refuses to send such an Add
    strict_a = Group.from_bytes(clone(b).to_bytes(), credential_validator=refuse_mallory)
    unchanged(strict_a, PolicyError,
              lambda: strict_a.commit(add=[kp_for("mallory", 3).key_package]))


def test_credential_validator_refuses_welcome_tree() -> None:
    a = make_group(2)[0]
    bundle = kp_for("newbie", 3)
    out = a.commit(add=[bundle.key_package])

    def refuse_m0(cred: m.Credential, key: bytes) -> None:
        if cred.identity == b"m0":
            raise PolicyError("revoked")

    assert out.welcome is not None
    with pytest.raises(PolicyError):
        Group.join(out.welcome, bundle, credential_validator=refuse_m0, now=NOW)


def test_tampered_update_path_by_relay() -> None:
    a, b, c = make_group(3)
    out = a.commit(handshake_encrypted=False)
    raw = bytearray(out.message)
    raw[len(raw) // 2] ^= 0x40
    for g in (b, c):
        unchanged(g, (VerificationError, DecodeError, ProtocolError),  # type: ignore[arg-type]
                  lambda g=g: g.process(bytes(raw), now=NOW))


def test_tampered_update_path_by_insider(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, c = make_group(3)
    real = treekem.PreparedUpdatePath.encrypt

    def corrupt(self, *args, **kw):  # type: ignore[no-untyped-def]
        path = real(self, *args, **kw)
        nodes = tuple(
            replace(n, encrypted_path_secret=tuple(
                replace(ct, ciphertext=bytes(x ^ 0xFF for x in ct.ciphertext))
                for ct in n.encrypted_path_secret))
            for n in path.nodes)
        return replace(path, nodes=nodes)

    monkeypatch.setattr(treekem.PreparedUpdatePath, "encrypt", corrupt)
    out = clone(a).commit()
    monkeypatch.undo()
    for g in (b, c):
        unchanged(g, VerificationError, lambda g=g: g.process(out.message, now=NOW))


def test_replayed_old_epoch_commit() -> None:
    a, b, c = make_group(3)
    out = a.commit()
    deliver([b, c], out.message)
    a.merge_pending_commit()
    for g in (b, c):
        unchanged(g, EpochError, lambda g=g: g.process(out.message, now=NOW))


def test_staged_commit_of_another_epoch_cannot_merge() -> None:
    a, b, c = make_group(3)
    out1 = a.commit()
    staged = b.process(out1.message, now=NOW)
    assert isinstance(staged, StagedCommit)
    b.merge_staged_commit(staged)
    from crypto.errors import UsageError
    unchanged(b, UsageError, lambda: b.merge_staged_commit(staged))
    del c


def test_welcome_for_someone_else_forged_and_losing() -> None:
    a, b, _c = make_group(3)
    x, y = kp_for("x", 3), kp_for("y", 3)
    out = a.commit(add=[x.key_package])
    assert out.welcome is not None
    with pytest.raises(ProtocolError):
        Group.join(out.welcome, y, credential_validator=accept, now=NOW)
    forged = bytearray(out.welcome)
    forged[-5] ^= 1
    with pytest.raises(VerificationError):
        Group.join(bytes(forged), x, credential_validator=accept, now=NOW)
    # b also commits for the same epoch, adding y; the relay accepts a's commit.
    out_b = b.commit(add=[y.key_package])
    assert out_b.welcome is not None
    with pytest.raises(ProtocolError):
        Group.join(out_b.welcome, y, credential_validator=accept, now=NOW,
                   commit_message=out.message)
    g = Group.join(out.welcome, x, credential_validator=accept, now=NOW,
                   commit_message=out.message)
    a.merge_pending_commit()
    assert g.epoch_authenticator == a.epoch_authenticator


def test_removed_member_in_reused_slot_is_refused() -> None:
    a, b, c = make_group(3)
    old_b = clone(b)
    slot = b.own_leaf_index
    out = a.commit(remove=[slot])
    deliver([c], out.message)
    a.merge_pending_commit()
    d_bundle = kp_for("d", 3)
    out = a.commit(add=[d_bundle.key_package])
    deliver([c], out.message)
    a.merge_pending_commit()
    assert out.welcome is not None
    d = Group.join(out.welcome, d_bundle, credential_validator=accept, now=NOW)
    assert d.own_leaf_index == slot  # the slot was reused
    stale = old_b.encrypt_application(b"I am still here")
    unchanged(c, EpochError, lambda: c.process(stale, now=NOW))
    # rewriting the epoch to the current one breaks the sender-data AEAD
    msg = m.MLSMessage.from_bytes(stale)
    assert msg.private_message is not None
    moved = m.MLSMessage.of(replace(msg.private_message, epoch=c.epoch)).to_bytes()
    unchanged(c, VerificationError, lambda: c.process(moved, now=NOW))
    # the new occupant's messages are attributed correctly
    got = c.process(d.encrypt_application(b"d here"), now=NOW)
    assert isinstance(got, ApplicationMessage) and got.sender_leaf == slot


def test_garbage_and_wrong_group() -> None:
    a, b, _c = make_group(3)
    unchanged(b, DecodeError, lambda: b.process(b"\x00\x01\x00", now=NOW))
    other = make_group(2)[0]
    foreign = other.encrypt_application(b"x")
    unchanged(b, ProtocolError, lambda: b.process(foreign, now=NOW))
    kp_msg = m.MLSMessage.of(kp_for("z", 3).key_package).to_bytes()
    unchanged(b, ProtocolError, lambda: b.process(kp_msg, now=NOW))
    del a


def test_commit_removing_committer_is_refused() -> None:
    a, b, c = make_group(3)
    # a committer that bypasses its own checks: forge a self-remove by proposal list
    cred, sig = identity("q", 3)
    del cred, sig
    from crypto.errors import UsageError
    unchanged(a, UsageError, lambda: a.commit(remove=[a.own_leaf_index]))
    del b, c
