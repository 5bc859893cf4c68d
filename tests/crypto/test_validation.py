# SPDX-License-Identifier: Apache-2.0
"""RFC 9420 rules an insider could break (crypto.group.validation): each malicious input is
refused by every honest member, whose state stays as it was and whose group keeps
working. docs/mls-validation.md names these tests rule by rule."""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from dataclasses import replace

import nacl.bindings
import nacl.exceptions
import pytest

from crypto import messages as m
from crypto.errors import (
    CryptoError,
    PeerError,
    PolicyError,
    ProtocolError,
    UsageError,
)
from crypto.group import Group, StagedCommit, StoredProposal, validation
from crypto.group.state import _sign_leaf
from crypto.group.validation import BasicIdentityProvider, IdentityProvider, LeafContext
from crypto.messages import Credential, ExtensionType, Proposal, checks
from crypto.messages.key_package import default_capabilities, make_key_package
from crypto.suites import get_suite
from crypto.tree import parse_ratchet_tree
from tests.support.mls_groups import (
    NOW,
    Permissive,
    Strict,
    accept,
    assert_agree,
    deliver,
    insider_commit,
    kp_for,
    make_group,
    refused_by_all,
    resign_kp,
    resigned_leaf_edit,
    strict_group,
    with_path,
)

SUITE = 3
ZERO = bytes(32)


def still_works(groups: Sequence[Group]) -> None:
    """An honest commit by the last member and a message both go through everywhere."""
    committer, others = groups[-1], list(groups[:-1])
    out = committer.commit()
    deliver(others, out.message)
    committer.merge_pending_commit()
    assert_agree(list(groups))
    ct = committer.encrypt_application(b"still here")
    for g in others:
        got = g.process(ct, now=NOW)
        assert getattr(got, "data", None) == b"still here"


def refused(groups: Sequence[Group], message: bytes, kind: type[CryptoError]) -> None:
    for g in groups:
        before = g.to_bytes()
        with pytest.raises(kind):
            g.process(message, now=NOW)
        assert g.to_bytes() == before


def forged_update(g: Group, monkeypatch: pytest.MonkeyPatch, **leaf_changes: object) -> bytes:
    """An Update proposal from ``g`` whose leaf is changed and validly re-signed (the
    sender's own checks are skipped: the sender is the attacker)."""
    st = g._state
    priv, pub = st.suite.derive_key_pair(os.urandom(32))
    del priv
    old = st.tree.leaf(st.own_leaf)
    assert old is not None
    leaf = replace(old, encryption_key=pub, leaf_node_source=m.LeafNodeSource.update,
                   lifetime=None, parent_hash=None)
    leaf = replace(leaf, **leaf_changes)  # type: ignore[arg-type]
    leaf = _sign_leaf(st.suite, leaf, st.signature_private_key, st.context.group_id,
                      st.own_leaf)
    monkeypatch.setattr(Group, "_check_proposal", lambda *a, **k: None)
    try:
        return g._propose(Proposal.of(m.Update(leaf_node=leaf)), encrypted=True,
                          authenticated_data=b"", rng=secrets.token_bytes)
    finally:
        monkeypatch.undo()


# -- providers ------------------------------------------------------------------------


def test_identity_providers_plug_in() -> None:
    assert isinstance(Strict(), IdentityProvider)
    wrapped = validation.identity_provider(accept)
    assert isinstance(wrapped, validation.CallableIdentity)
    assert validation.identity_provider(Strict()) is not None
    assert wrapped.valid_successor(Credential.basic(b"a"), Credential.basic(b"a"))
    assert not wrapped.valid_successor(Credential.basic(b"a"), Credential.basic(b"b"))
    basic = BasicIdentityProvider()
    basic.validate_member(Credential.basic(b"x"), ZERO)
    with pytest.raises(PolicyError):
        basic.validate_member(Credential(credential_type=m.CredentialType.x509,
                                         certificates=(b"c",)), ZERO)
    with pytest.raises(UsageError):
        validation.identity_provider(42)  # type: ignore[arg-type]


def test_strict_provider_refuses_a_member_at_add_and_join() -> None:
    a, b = strict_group(2)
    suite = get_suite(SUITE)
    s, _ = suite.generate_signature_key_pair()
    evil = make_key_package(SUITE, Credential.basic(b"evil"), s, lifetime=(NOW - 1, NOW + 99))
    with pytest.raises(PolicyError):
        a.commit(add=[evil.key_package])
    refused([b], insider_commit(a, [m.Add(key_package=evil.key_package)]), PolicyError)
    still_works([a, b])


# -- finding 2: UpdatePath leaf and required_capabilities -------------------------------


def test_update_path_leaf_without_required_capabilities_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    caps = default_capabilities(SUITE, [0xFF05])
    rc = m.RequiredCapabilities(extension_types=(0xFF05,)).to_extension()
    groups = strict_group(4, caps=caps, extensions=[rc])
    insider, others = groups[0], groups[1:]
    lacking = replace(caps, extensions=())
    msg = with_path(monkeypatch, insider, resigned_leaf_edit(insider, capabilities=lacking))
    reasons = refused_by_all(others, msg)
    assert "required" in reasons[0]
    still_works(groups)


# -- finding 3: external_senders ---------------------------------------------------------


def test_external_senders_are_validated_by_the_provider() -> None:
    groups = strict_group(3)
    suite = get_suite(SUITE)
    _s, pub = suite.generate_signature_key_pair()
    ext = m.encode_external_senders([m.ExternalSender(signature_key=pub,
                                                      credential=Credential.basic(b"evil"))])
    with pytest.raises(PolicyError):
        groups[0].commit(group_context_extensions=[ext])
    refused(groups[1:], insider_commit(groups[0], [m.GroupContextExtensions(
        extensions=(ext,))]), PolicyError)
    # A short key is refused too, and an accepted sender goes through.
    short = m.encode_external_senders([m.ExternalSender(
        signature_key=pub[:16], credential=Credential.basic(b"ok"))])
    refused_by_all(groups[1:], insider_commit(groups[0], [m.GroupContextExtensions(
        extensions=(short,))]))
    good = m.encode_external_senders([m.ExternalSender(signature_key=pub,
                                                       credential=Credential.basic(b"ok"))])
    out = groups[0].commit(group_context_extensions=[good])
    deliver(groups[1:], out.message)
    groups[0].merge_pending_commit()
    still_works(groups)


def test_welcome_with_a_refused_external_sender_creates_no_group() -> None:
    suite = get_suite(SUITE)
    _s, pub = suite.generate_signature_key_pair()
    ext = m.encode_external_senders([m.ExternalSender(signature_key=pub,
                                                      credential=Credential.basic(b"evil"))])
    sig, _ = suite.generate_signature_key_pair()
    # The creator accepts everything; the joiner's provider refuses "evil".
    a = Group.create(SUITE, b"g-ext", Credential.basic(b"m0"), sig, extensions=[ext],
                     credential_validator=Permissive())
    bundle = kp_for("m1", SUITE)
    out = a.commit(add=[bundle.key_package])
    assert out.welcome is not None
    with pytest.raises(PolicyError):
        Group.join(out.welcome, bundle, credential_validator=Strict(), now=NOW)


# -- finding 4: external commits ----------------------------------------------------------


def test_external_commit_removing_another_member_is_refused() -> None:
    groups = strict_group(3)
    a, b, c = groups
    suite = get_suite(SUITE)
    sig, _ = suite.generate_signature_key_pair()
    gi = a.group_info()
    # The joiner's own provider lets it; the members' does not.
    _j, msg = Group.join_external(gi, Credential.basic(b"mallory"), sig,
                                  credential_validator=Permissive(), remove=b.own_leaf_index)
    refused([a, c], msg, PolicyError)
    # Without a permissive provider the joiner refuses to build it at all.
    with pytest.raises(PolicyError):
        Group.join_external(gi, Credential.basic(b"mallory"), sig,
                            credential_validator=Strict(), remove=b.own_leaf_index)
    still_works(groups)


def test_external_resync_of_ones_own_leaf_is_accepted() -> None:
    a, b, c = make_group(3)
    old_b = b.members()[b.own_leaf_index]
    j, msg = Group.join_external(a.group_info(), old_b.credential, b._state.signature_private_key,
                                 credential_validator=accept, remove=b.own_leaf_index)
    for g in (a, c):
        staged = g.process(msg, now=NOW)
        assert isinstance(staged, StagedCommit) and staged.external
        g.merge_staged_commit(staged)
    assert_agree([a, c, j])


# -- finding 5: small-order encryption keys ------------------------------------------------


def test_small_order_keys_match_libsodium() -> None:
    p = 2**255 - 19
    suite = get_suite(SUITE)
    sk = os.urandom(32)
    for u in checks._X25519_SMALL_ORDER:
        key = u.to_bytes(32, "little")
        # libsodium refuses each: its DH output would be all zero.
        with pytest.raises((nacl.exceptions.RuntimeError, nacl.exceptions.CryptoError)):
            nacl.bindings.crypto_scalarmult(sk, key)
        # Every encoding of the same point is refused: the top bit is ignored by X25519
        # and values from p upwards reduce mod p.
        variants = {u, u | (1 << 255)} | ({u + p, (u + p) | (1 << 255)} if u + p < 1 << 255
                                         else set())
        for v in variants:
            with pytest.raises(ProtocolError):
                validation.check_hpke_public_key(suite, v.to_bytes(32, "little"))
    for _ in range(64):
        _priv, pub = suite.derive_key_pair(os.urandom(32))
        validation.check_hpke_public_key(suite, pub)
    with pytest.raises(ProtocolError):
        validation.check_hpke_public_key(suite, bytes(31))


def test_zero_key_in_key_package_is_refused() -> None:
    groups = make_group(3)
    bundle = kp_for("z", SUITE)
    for field in ("encryption_key",):
        kp = resign_kp(bundle, **{field: ZERO})
        with pytest.raises(ProtocolError):  # a peer's KeyPackage: the peer's fault
            groups[0].commit(add=[kp])
        reasons = refused_by_all(groups[1:], insider_commit(groups[0], [m.Add(key_package=kp)]))
        assert "small-order" in reasons[0]
    init_zero = replace(bundle.key_package, init_key=ZERO)
    with pytest.raises(ProtocolError):
        validation.check_key_package(get_suite(SUITE), init_zero, now=NOW)
    still_works(groups)


def test_zero_key_in_update_proposal_and_path_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    groups = make_group(4)
    prop = forged_update(groups[1], monkeypatch, encryption_key=ZERO)
    for g in (groups[0], groups[2], groups[3]):
        before = g.to_bytes()
        with pytest.raises(ProtocolError):
            g.process(prop, now=NOW)
        assert g.to_bytes() == before

    def zero_node(p: m.UpdatePath) -> m.UpdatePath:
        return replace(p, nodes=(replace(p.nodes[0], encryption_key=ZERO), *p.nodes[1:]))

    reasons = refused_by_all(groups[1:], with_path(monkeypatch, groups[0], zero_node))
    assert "small-order" in reasons[0]
    msg = with_path(monkeypatch, groups[0], resigned_leaf_edit(groups[0], encryption_key=ZERO))
    refused_by_all(groups[1:], msg)
    still_works(groups)


# -- finding 6: identity swap -------------------------------------------------------------


def test_update_changing_identity_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    groups = make_group(3)
    prop = forged_update(groups[1], monkeypatch, credential=Credential.basic(b"mallory"))
    for g in (groups[0], groups[2]):
        before = g.to_bytes()
        with pytest.raises(PolicyError):
            g.process(prop, now=NOW)
        assert g.to_bytes() == before
    # An honest Update keeps the identity and goes through.
    prop = groups[1].propose_update()
    for g in (groups[0], groups[2]):
        assert isinstance(g.process(prop, now=NOW), StoredProposal)
    out = groups[0].commit()
    deliver(groups[1:], out.message)
    groups[0].merge_pending_commit()
    still_works(groups)


def test_commit_path_changing_identity_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    groups = make_group(3)
    msg = with_path(monkeypatch, groups[0],
                    resigned_leaf_edit(groups[0], credential=Credential.basic(b"mallory")))
    refused(groups[1:], msg, PolicyError)
    # The application may allow it: a permissive provider accepts the same commit.
    lenient = Group.from_bytes(groups[1].to_bytes(), credential_validator=Permissive())
    with pytest.raises(CryptoError) as info:  # it gets past identity: the tree hash differs
        lenient.process(msg, now=NOW)
    assert not isinstance(info.value, PolicyError)
    still_works(groups)


# -- finding 7: extensions ----------------------------------------------------------------


def test_duplicate_extensions_are_refused() -> None:
    groups = make_group(3)
    app = m.Extension(extension_type=ExtensionType.application_id, extension_data=b"x")
    with pytest.raises(UsageError):
        groups[0].commit(group_context_extensions=[app, app])
    reasons = refused_by_all(groups[1:], insider_commit(
        groups[0], [m.GroupContextExtensions(extensions=(app, app))]))
    assert "twice" in reasons[0]
    bundle = kp_for("dup", SUITE)
    kp = resign_kp(bundle, extensions=(app, app))
    refused_by_all(groups[1:], insider_commit(groups[0], [m.Add(key_package=kp)]))
    with pytest.raises(ProtocolError):
        validation.check_unique_extensions([app, app])
    still_works(groups)


def test_group_context_extension_members_do_not_support_is_refused() -> None:
    groups = make_group(3)
    ext = m.Extension(extension_type=0xFF01, extension_data=b"unknown")
    reasons = refused_by_all(groups[1:], insider_commit(
        groups[0], [m.GroupContextExtensions(extensions=(ext,))]))
    assert "support" in reasons[0]
    still_works(groups)


def test_add_of_a_member_lacking_a_group_extension_is_refused() -> None:
    caps = default_capabilities(SUITE, [0xFF01])
    ext = m.Extension(extension_type=0xFF01, extension_data=b"in use")
    groups = strict_group(3, caps=caps, extensions=[ext])
    suite = get_suite(SUITE)
    s, _ = suite.generate_signature_key_pair()
    lacking = make_key_package(SUITE, Credential.basic(b"new"), s,
                               lifetime=(NOW - 1, NOW + 99))
    with pytest.raises(ProtocolError):
        groups[0].commit(add=[lacking.key_package])
    refused_by_all(groups[1:], insider_commit(groups[0], [m.Add(
        key_package=lacking.key_package)]))
    able = make_key_package(SUITE, Credential.basic(b"new"), s, lifetime=(NOW - 1, NOW + 99),
                            capabilities=caps)
    out = groups[0].commit(add=[able.key_package])
    deliver(groups[1:], out.message)
    groups[0].merge_pending_commit()
    still_works(groups)


# -- finding 8: ReInit --------------------------------------------------------------------


def test_reinit_to_an_older_version_or_unknown_suite_is_refused() -> None:
    groups = make_group(3)
    for bad in (m.ReInit(group_id=b"n", version=0, cipher_suite=SUITE),
                m.ReInit(group_id=b"n", cipher_suite=0x7777),
                m.ReInit(group_id=b"n", version=2, cipher_suite=SUITE)):
        refused_by_all(groups[1:], insider_commit(groups[0], [bad], path=False))
    with pytest.raises(UsageError):
        groups[0].propose_reinit(b"n", 0x7777)
    still_works(groups)


def test_group_is_closed_after_a_reinit_commit() -> None:
    groups = make_group(3)
    a, b, c = groups
    late = c.encrypt_application(b"sent before the reinit")
    prop = a.propose_reinit(b"next-group", SUITE)
    for g in (b, c):
        assert isinstance(g.process(prop, now=NOW), StoredProposal)
    out = a.commit(update_path=False)
    deliver([b, c], out.message)
    a.merge_pending_commit()
    assert_agree(groups)
    for g in groups:
        assert g.pending_reinit is not None and g.pending_reinit.group_id == b"next-group"
        with pytest.raises(UsageError):
            g.encrypt_application(b"after")
        with pytest.raises(UsageError):
            g.commit()
        with pytest.raises(UsageError):
            g.propose_update()
    # A message of the closed epoch is refused, one of the old epoch too.
    forged = Group.from_bytes(c.to_bytes(), credential_validator=accept)
    forged._state.reinit = None
    after = forged.encrypt_application(b"after the reinit")
    for g in (a, b):
        with pytest.raises(ProtocolError):
            g.process(after, now=NOW)
        with pytest.raises(ProtocolError):
            g.process(late, now=NOW)
    # The group survives a round trip closed, and resumes only as the ReInit says.
    again = Group.from_bytes(a.to_bytes(), credential_validator=accept)
    assert again.pending_reinit == a.pending_reinit
    suite = get_suite(SUITE)
    kps = [kp_for("m1", SUITE), kp_for("m2", SUITE)]
    sig = a._state.signature_private_key
    cred = a.members()[a.own_leaf_index].credential
    with pytest.raises(UsageError):
        Group.resume(a, m.ResumptionPSKUsage.reinit, [k.key_package for k in kps],
                     suite_id=SUITE, group_id=b"other-id", credential=cred,
                     signature_private_key=sig, credential_validator=accept)
    new, out2 = Group.resume(a, m.ResumptionPSKUsage.reinit, [k.key_package for k in kps],
                             suite_id=SUITE, group_id=b"next-group", credential=cred,
                             signature_private_key=sig, credential_validator=accept)
    assert out2.welcome is not None and suite.id == new.cipher_suite
    joined = Group.join(out2.welcome, kps[0], credential_validator=accept, now=NOW,
                        resumption_psks={(b.group_id, b.epoch): b.resumption_psk()})
    assert joined.epoch == 1 and joined.epoch_authenticator == new.epoch_authenticator


def test_welcome_psk_rules() -> None:
    suite = get_suite(SUITE)
    ext = m.PreSharedKeyID(psktype=m.PSKType.external, psk_id=b"e", psk_nonce=bytes(32))
    re1 = m.PreSharedKeyID(psktype=m.PSKType.resumption, usage=m.ResumptionPSKUsage.reinit,
                           psk_group_id=b"g", psk_epoch=1, psk_nonce=bytes(32))
    re2 = replace(re1, psk_epoch=2)
    assert validation.check_welcome_psks(suite, [ext, re1]) is True
    assert validation.check_welcome_psks(suite, [ext]) is False
    for bad in ([ext, ext], [re1, re2], [replace(ext, psk_nonce=bytes(3))]):
        with pytest.raises(ProtocolError):
            validation.check_welcome_psks(suite, bad)


# -- finding 9: whose fault an unsupported suite is -----------------------------------------


def test_group_info_with_an_unsupported_suite_is_a_peer_error() -> None:
    a, _b = make_group(2)
    msg = m.MLSMessage.from_bytes(a.group_info())
    assert msg.group_info is not None
    gi = replace(msg.group_info, group_context=replace(msg.group_info.group_context,
                                                       cipher_suite=0x7777))
    forged = m.MLSMessage.of(gi).to_bytes()
    sig, _ = get_suite(SUITE).generate_signature_key_pair()
    with pytest.raises(PeerError) as info:
        Group.join_external(forged, Credential.basic(b"j"), sig, credential_validator=accept)
    assert isinstance(info.value, ProtocolError) and not isinstance(info.value, UsageError)
    with pytest.raises(ProtocolError):
        validation.peer_suite(0x7777)


# -- section 7.1: unmerged leaves ---------------------------------------------------------


def test_unsorted_unmerged_leaves_are_refused() -> None:
    a, *_ = make_group(8)
    a.commit(remove=[5, 6])
    a.merge_pending_commit()
    # The two new leaves land in 5 and 6, both unmerged at the root.
    kps = [kp_for(f"n{i}", SUITE).key_package for i in range(2)]
    a.commit(add=kps, update_path=False)
    a.merge_pending_commit()
    tree = a._state.tree
    root = next(x for x in range(1, len(tree.nodes()), 2)
                if len(tree.unmerged_leaves(x)) >= 2)
    nodes = list(m.decode_ratchet_tree(tree.encode()))
    node = nodes[root]
    assert node is not None and node.parent_node is not None
    assert list(node.parent_node.unmerged_leaves) == sorted(node.parent_node.unmerged_leaves)
    bad = replace(node.parent_node, unmerged_leaves=tuple(
        reversed(node.parent_node.unmerged_leaves)))
    nodes[root] = m.Node.parent(bad)
    unverified = parse_ratchet_tree(get_suite(SUITE), m.encode_ratchet_tree(nodes))
    with pytest.raises(ProtocolError, match="sorted"):
        unverified.verify_structure(group_id=a.group_id)
    parse_ratchet_tree(get_suite(SUITE), tree.encode()).verify_structure(group_id=a.group_id)


def test_leaf_contexts_name_their_sources() -> None:
    assert LeafContext.ADD.source == m.LeafNodeSource.key_package
    assert LeafContext.UPDATE.source == m.LeafNodeSource.update
    assert LeafContext.COMMIT.source == m.LeafNodeSource.commit
    assert LeafContext.EXTERNAL_COMMIT.source == m.LeafNodeSource.commit
    assert LeafContext.JOIN.source is None
    groups = make_group(2)
    leaf = groups[0]._state.tree.leaf(0)
    assert leaf is not None
    with pytest.raises(ProtocolError, match="source"):
        validation.check_leaf(leaf, LeafContext.ADD, suite=get_suite(SUITE), extensions=(),
                              identity=validation.identity_provider(accept))


def test_proposal_sender_rules() -> None:
    update = Proposal.of(m.Update(leaf_node=kp_for("u", SUITE).key_package.leaf_node))
    remove = Proposal.of(m.Remove(removed=0))
    validation.check_proposal_sender(remove, m.Sender.external(0))
    validation.check_proposal_sender(update, m.Sender.member(1))
    with pytest.raises(ProtocolError):
        validation.check_proposal_sender(update, m.Sender.external(0))
    with pytest.raises(ProtocolError):
        validation.check_proposal_sender(remove,
                                         m.Sender(sender_type=m.SenderType.new_member_proposal))
    with pytest.raises(ProtocolError):
        validation.check_proposal_sender(remove,
                                         m.Sender(sender_type=m.SenderType.new_member_commit))


def test_key_package_rules() -> None:
    suite = get_suite(SUITE)
    bundle = kp_for("k", SUITE)
    kp = bundle.key_package
    validation.check_key_package(suite, kp, now=NOW)
    bad = [
        replace(kp, version=2),
        replace(kp, cipher_suite=1),
        replace(kp, init_key=kp.leaf_node.encryption_key),
        replace(kp, signature=bytes(64)),
    ]
    for k in bad:
        with pytest.raises(PeerError):
            validation.check_key_package(suite, k, now=NOW)
    with pytest.raises(ProtocolError):  # outside its lifetime
        validation.check_key_package(suite, kp, now=NOW + 10 * 86400)
