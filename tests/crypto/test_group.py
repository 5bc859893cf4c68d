# SPDX-License-Identifier: Apache-2.0
"""Multi-member tests of crypto.group: membership changes, messages, persistence, races."""

from __future__ import annotations

import pytest

from crypto import messages as m
from crypto.errors import EpochError, ReplayError, UsageError
from crypto.group import (
    ApplicationMessage,
    Group,
    StagedCommit,
    StoredProposal,
)
from tests.support.mls_groups import (
    NOW,
    accept,
    assert_agree,
    deliver,
    identity,
    kp_for,
    make_group,
)

SUITES = (1, 3)


@pytest.mark.parametrize("suite_id", SUITES)
def test_add_update_remove_and_messages(suite_id: int) -> None:
    groups = make_group(3, suite_id)
    assert_agree(groups)
    a, b, c = groups
    # application messages both ways
    ct = a.encrypt_application(b"hello", authenticated_data=b"ad")
    for g in (b, c):
        msg = g.process(ct, now=NOW)
        assert isinstance(msg, ApplicationMessage)
        assert (msg.data, msg.sender_leaf, msg.authenticated_data) == (b"hello", 0, b"ad")
    back = c.encrypt_application(b"reply")
    got = a.process(back, now=NOW)
    assert isinstance(got, ApplicationMessage) and got.data == b"reply"
    assert got.generation == 0
    assert got.sender_leaf == c.own_leaf_index
    # add a fourth member (b commits)
    d_bundle = kp_for("d", suite_id)
    out = b.commit(add=[d_bundle.key_package])
    deliver([a, c], out.message)
    b.merge_pending_commit()
    assert out.welcome is not None
    d = Group.join(out.welcome, d_bundle, credential_validator=accept, now=NOW)
    groups = [a, b, c, d]
    assert_agree(groups)
    assert len(a.members()) == 4
    # update (empty commit with path) by c
    before = c.members()[c.own_leaf_index].encryption_key if False else None
    del before
    old_key = next(x.encryption_key for x in a.members() if x.leaf_index == c.own_leaf_index)
    out = c.commit()
    deliver([a, b, d], out.message)
    c.merge_pending_commit()
    assert_agree(groups)
    new_key = next(x.encryption_key for x in a.members() if x.leaf_index == c.own_leaf_index)
    assert new_key != old_key
    # update by proposal from d, committed by a
    prop = d.propose_update()
    for g in (a, b, c):
        assert isinstance(g.process(prop, now=NOW), StoredProposal)
    out = a.commit()
    deliver([b, c, d], out.message)
    a.merge_pending_commit()
    assert_agree(groups)
    # d can still read after its own update was committed
    msg = a.encrypt_application(b"after update")
    got = d.process(msg, now=NOW)
    assert isinstance(got, ApplicationMessage) and got.data == b"after update"
    # remove b
    out = a.commit(remove=[b.own_leaf_index])
    staged = b.process(out.message, now=NOW)
    assert isinstance(staged, StagedCommit) and staged.self_removed
    b.merge_staged_commit(staged)
    assert not b.active
    deliver([c, d], out.message)
    a.merge_pending_commit()
    assert_agree([a, c, d])
    assert len(a.members()) == 3
    secret = a.encrypt_application(b"not for b")
    with pytest.raises(UsageError):
        b.process(secret, now=NOW)
    for g in (c, d):
        got = g.process(secret, now=NOW)
        assert isinstance(got, ApplicationMessage) and got.data == b"not for b"


def test_removed_member_cannot_decrypt_later_messages() -> None:
    a, b, c = make_group(3)
    snapshot = b.to_bytes()  # b keeps a copy of its old state (a stolen device)
    out = a.commit(remove=[b.own_leaf_index])
    deliver([c], out.message)
    a.merge_pending_commit()
    old_b = Group.from_bytes(snapshot, credential_validator=accept)
    secret = a.encrypt_application(b"after removal")
    with pytest.raises(EpochError):
        old_b.process(secret, now=NOW)


def test_application_keys_deleted_after_use() -> None:
    a, b, _c = make_group(3)
    ct = a.encrypt_application(b"once")
    assert isinstance(b.process(ct, now=NOW), ApplicationMessage)
    with pytest.raises(ReplayError):
        b.process(ct, now=NOW)


def test_out_of_order_messages_decrypt() -> None:
    a, b, _c = make_group(3)
    cts = [a.encrypt_application(bytes([i])) for i in range(4)]
    for i in (2, 0, 3, 1):
        got = b.process(cts[i], now=NOW)
        assert isinstance(got, ApplicationMessage) and got.data == bytes([i])


def test_state_survives_serialization_mid_conversation() -> None:
    a, b, c = make_group(3)
    first = a.encrypt_application(b"one")
    assert isinstance(b.process(first, now=NOW), ApplicationMessage)
    b2 = Group.from_bytes(b.to_bytes(), credential_validator=accept)
    assert b2.to_bytes() == b.to_bytes()
    with pytest.raises(ReplayError):
        b2.process(first, now=NOW)
    second = a.encrypt_application(b"two")
    got = b2.process(second, now=NOW)
    assert isinstance(got, ApplicationMessage) and got.data == b"two"
    # a pending commit survives too
    out = a.commit()
    a2 = Group.from_bytes(a.to_bytes(), credential_validator=accept)
    deliver([b2, c], out.message)
    a2.merge_pending_commit()
    assert_agree([a2, b2, c])
    reply = b2.encrypt_application(b"three")
    got = a2.process(reply, now=NOW)
    assert isinstance(got, ApplicationMessage) and got.data == b"three"


def test_commit_race_loser_retries() -> None:
    a, b, c = make_group(3)
    out_a = a.commit()
    out_b = b.commit()  # same epoch: the relay orders a's first
    deliver([c], out_a.message)
    staged = b.process(out_a.message, now=NOW)
    assert isinstance(staged, StagedCommit)
    b.discard_pending_commit()
    b.merge_staged_commit(staged)
    a.merge_pending_commit()
    assert_agree([a, b, c])
    # the losing commit is now an old-epoch message
    with pytest.raises(EpochError):
        c.process(out_b.message, now=NOW)
    retry = b.commit()
    deliver([a, c], retry.message)
    b.merge_pending_commit()
    assert_agree([a, b, c])
    assert a.epoch == 3


def test_own_commit_echo_merges_pending() -> None:
    a, b, _c = make_group(3)
    out = a.commit()
    staged = a.process(out.message, now=NOW)
    assert isinstance(staged, StagedCommit) and staged.own
    a.merge_staged_commit(staged)
    deliver([b], out.message)
    assert a.epoch_authenticator == b.epoch_authenticator


def test_public_message_handshakes_and_proposals_by_reference() -> None:
    a, b, c = make_group(3)
    bundle = kp_for("e", 3)
    prop = b.propose_add(bundle.key_package, handshake_encrypted=False)
    assert isinstance(a.process(prop, now=NOW), StoredProposal)
    assert isinstance(c.process(prop, now=NOW), StoredProposal)
    out = a.commit(handshake_encrypted=False)
    deliver([b, c], out.message)
    a.merge_pending_commit()
    assert out.welcome is not None
    e = Group.join(out.welcome, bundle, credential_validator=accept, now=NOW)
    assert_agree([a, b, c, e])
    got = e.process(c.encrypt_application(b"hi e"), now=NOW)
    assert isinstance(got, ApplicationMessage) and got.data == b"hi e"


def test_external_join() -> None:
    a, b, _c = make_group(3)
    cred, sig = identity("ext", 3)
    g, commit = Group.join_external(a.group_info(), cred, sig, credential_validator=accept)
    deliver([a, b], commit)
    assert_agree([a, b, g])
    got = a.process(g.encrypt_application(b"joined"), now=NOW)
    assert isinstance(got, ApplicationMessage) and got.data == b"joined"


def test_exporter_and_group_context_extensions() -> None:
    a, b, c = make_group(3)
    assert a.export_secret("x", b"ctx", 32) == b.export_secret("x", b"ctx", 32)
    ext = m.Extension(extension_type=0xFF01, extension_data=b"roster-v1")
    # Section 13.4: the members' leaves do not list 0xFF01, so it cannot be introduced.
    with pytest.raises(UsageError):
        a.commit(group_context_extensions=[ext])
    ext = m.Extension(extension_type=m.ExtensionType.application_id, extension_data=b"app")
    out = a.commit(group_context_extensions=[ext])
    deliver([b, c], out.message)
    a.merge_pending_commit()
    assert_agree([a, b, c])
    assert b.extensions == (ext,)


def test_usage_errors() -> None:
    a, _b, _c = make_group(3)
    with pytest.raises(UsageError):
        a.commit(remove=[a.own_leaf_index])
    a.commit()
    with pytest.raises(UsageError):
        a.commit()
    a.discard_pending_commit()
    with pytest.raises(UsageError):
        a.merge_pending_commit()


def test_key_package_bundle_round_trip_and_redaction() -> None:
    bundle = kp_for("kp", 1)
    again = type(bundle).from_bytes(bundle.to_bytes())
    assert again == bundle
    text = repr(bundle)
    for secret in (bundle.init_private_key, bundle.encryption_private_key,
                   bundle.signature_private_key):
        assert secret.hex() not in text and repr(secret) not in text
    g = make_group(2, 1)[0]
    assert bundle.signature_private_key.hex() not in repr(g)


def test_process_refuses_after_self_removal_and_join_needs_tree() -> None:
    a = make_group(2)[0]
    bundle = kp_for("t", 3)
    out = a.commit(add=[bundle.key_package])
    assert out.welcome is not None
    g = Group.join(out.welcome, bundle, credential_validator=accept, now=NOW)
    a.merge_pending_commit()
    # group_info() carries the tree and external_pub; commit output's does not carry the tree
    gi = m.MLSMessage.from_bytes(a.group_info()).group_info
    assert gi is not None
    assert m.find_extension(gi.extensions, m.ExtensionType.ratchet_tree) is not None
    assert g.epoch == a.epoch
