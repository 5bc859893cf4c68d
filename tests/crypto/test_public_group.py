# SPDX-License-Identifier: Apache-2.0
"""crypto.group.public_group: a delivery service follows a group from its public state alone.

Round trips (the public state tracks the members' GroupContext exactly, epoch after
epoch) and adversarial commits (forged signature, foreign leaf, tampered path, proposals
by reference, external commits, wrong epoch): each a typed error and no new state.
"""

from __future__ import annotations

import secrets
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
from crypto.group import Group
from crypto.group.public_group import PublicGroup
from crypto.messages import Proposal, ProposalOrRef, Sender
from crypto.tree import treekem
from tests.support.mls_groups import (
    NOW,
    accept,
    deliver,
    identity,
    kp_for,
    make_group,
    resigned_path_leaf,
)


def public_of(g: Group) -> PublicGroup:
    return PublicGroup.from_group_info(g.group_info(), credential_validator=accept)


def context_of(g: Group) -> bytes:
    return g._state.context.to_bytes()


def test_public_state_follows_every_commit_kind() -> None:
    a, b, c = make_group(3)
    pg = public_of(a)
    assert pg.context.to_bytes() == context_of(a)
    # add, update path, remove, group context extensions: all as PublicMessages
    d = kp_for("d", 3)
    steps = [
        lambda: a.commit(add=[d.key_package], handshake_encrypted=False),
        lambda: b.commit(handshake_encrypted=False),
        lambda: c.commit(remove=[1], handshake_encrypted=False),
        # (a type every member supports: RFC 9420 section 13.4)
        lambda: a.commit(group_context_extensions=[m.Extension(
            extension_type=m.ExtensionType.application_id, extension_data=b"x")],
            handshake_encrypted=False),
    ]
    members = [a, b, c]
    for step in steps:
        committer = next(g for g in members if g.active and not g.has_pending_commit)
        out = step()
        owner = next(g for g in members if g.has_pending_commit)
        del committer
        v = pg.verify_commit(out.message, credential_validator=accept, now=NOW)
        owner.merge_pending_commit()
        others = [g for g in members if g is not owner and g.active]
        deliver(others, out.message)
        if out.welcome is not None:
            members.append(Group.join(out.welcome, d, credential_validator=accept, now=NOW))
        members = [g for g in members if g.active]
        pg = v.group
        assert pg.context.to_bytes() == context_of(owner)
        assert [leaf.signature_key for _i, leaf in pg.members()] == \
            [x.signature_key for x in owner.members()]
    assert PublicGroup.from_bytes(pg.to_bytes()).context == pg.context


def test_added_and_removed_leaves_are_reported() -> None:
    a, _b, _c = make_group(3)
    pg = public_of(a)
    d = kp_for("d", 3)
    out = a.commit(add=[d.key_package], remove=[2], handshake_encrypted=False)
    v = pg.verify_commit(out.message, credential_validator=accept, now=NOW)
    assert v.committer == 0 and v.has_path
    assert [leaf.signature_key for _i, leaf in v.added] == [d.key_package.leaf_node.signature_key]
    assert [i for i, _l in v.removed] == [2]
    assert v.group.epoch == pg.epoch + 1


def _refused(pg: PublicGroup, message: bytes, kind: type[CryptoError],
             validator=accept) -> CryptoError:  # type: ignore[no-untyped-def]
    before = pg.to_bytes()
    with pytest.raises(kind) as info:
        pg.verify_commit(message, credential_validator=validator, now=NOW)
    assert pg.to_bytes() == before
    return info.value


def test_encrypted_commit_and_application_data_are_refused() -> None:
    a, _b = make_group(2)
    pg = public_of(a)
    _refused(pg, a.commit(handshake_encrypted=True).message, ProtocolError)
    a.discard_pending_commit()
    _refused(pg, a.encrypt_application(b"hi"), ProtocolError)


def test_forged_signature_and_flipped_bytes() -> None:
    a, _b = make_group(2)
    pg = public_of(a)
    msg = bytearray(a.commit(handshake_encrypted=False).message)
    for pos in (len(msg) // 2, 30, len(msg) - 200):
        bad = bytearray(msg)
        bad[pos] ^= 0x01
        with pytest.raises(CryptoError):
            pg.verify_commit(bytes(bad), credential_validator=accept, now=NOW)
    _refused(pg, bytes(msg[:-5]), DecodeError)
    # The membership tag (the last 32 bytes) needs the epoch's membership key: not
    # checked here (members refuse it); the state it leads to is the honest one.
    bad = bytearray(msg)
    bad[-1] ^= 0x01
    honest = pg.verify_commit(bytes(msg), credential_validator=accept, now=NOW)
    tampered = pg.verify_commit(bytes(bad), credential_validator=accept, now=NOW)
    assert tampered.group.context == honest.group.context
    # The confirmation tag (just before it) feeds the interim transcript hash only.
    bad = bytearray(msg)
    bad[-40] ^= 0x01
    tampered = pg.verify_commit(bytes(bad), credential_validator=accept, now=NOW)
    assert tampered.group.context == honest.group.context
    assert tampered.group.interim_transcript_hash != honest.group.interim_transcript_hash


def test_commit_signed_by_someone_else() -> None:
    a, b = make_group(2)
    pg = public_of(a)
    # b's commit relabelled as sent by leaf 0: the signature is not a's
    out = b.commit(handshake_encrypted=False).message
    raw = m.MLSMessage.from_bytes(out)
    pub = raw.public_message
    assert pub is not None
    relabelled = replace(pub, content=replace(pub.content, sender=Sender.member(0)))
    _refused(pg, m.MLSMessage.of(relabelled).to_bytes(), VerificationError)


def test_wrong_epoch_and_other_group() -> None:
    a, b = make_group(2)
    pg = public_of(a)
    out = a.commit(handshake_encrypted=False)
    a.merge_pending_commit()
    deliver([b], out.message)
    _refused(pg.verify_commit(out.message, credential_validator=accept, now=NOW).group,
             out.message, EpochError)
    x, *_ = make_group(3)
    _refused(pg, x.commit(handshake_encrypted=False).message, ProtocolError)


def test_proposals_by_reference_are_refused() -> None:
    a, b, _c = make_group(3)
    pg = public_of(a)
    prop = b.propose_remove(2, handshake_encrypted=False)
    a.process(prop, now=NOW)
    out = a.commit(handshake_encrypted=False)
    assert "reference" in str(_refused(pg, out.message, ProtocolError))


def test_foreign_credential_in_an_added_leaf_is_refused() -> None:
    a, _b = make_group(2)
    pg = public_of(a)
    outsider = kp_for("outsider", 3)
    out = a.commit(add=[outsider.key_package], handshake_encrypted=False)

    def only_members(credential: m.Credential, key: bytes) -> None:
        if credential.identity == b"outsider":
            raise PolicyError("not certified by this venue")

    _refused(pg, out.message, PolicyError, only_members)


def test_tampered_update_path_parent_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    a, _b, _c, _d = make_group(4)
    pg = public_of(a)
    real = treekem._merge_path

    def bad(*args: object, **kw: object):  # type: ignore[no-untyped-def]
        t, ph = real(*args, **kw)  # type: ignore[arg-type]
        return t, bytes(x ^ 1 for x in ph)

    monkeypatch.setattr(treekem, "_merge_path", bad)
    msg = a.commit(handshake_encrypted=False).message
    monkeypatch.undo()
    _refused(pg, msg, VerificationError)


def _inline_commit(g: Group, bodies: list[m.ProposalBody], path: bool = True) -> bytes:
    st = g._state
    applied = g._apply_proposals(st, [], Sender.member(st.own_leaf), NOW, check_each=False)
    por = [ProposalOrRef.of(Proposal.of(b)) for b in bodies]
    return g._build_commit(st, applied, por, [], use_path=path, authenticated_data=b"",
                           encrypted=False, rng=secrets.token_bytes).message


def test_list_rules_and_unaccepted_proposals() -> None:
    a, b, c = make_group(3)
    pg = public_of(a)
    g = Group.from_bytes(a.to_bytes(), credential_validator=accept)
    cases: list[tuple[list[m.ProposalBody], bool]] = [
        ([m.Remove(removed=0)], True),  # the committer itself
        ([m.Remove(removed=1), m.Remove(removed=1)], True),
        ([m.Remove(removed=7)], True),  # beyond the tree
        ([m.Remove(removed=1)], False),  # a Remove needs a path
        ([m.PreSharedKey(psk=m.PreSharedKeyID(psktype=m.PSKType.external, psk_id=b"k",
                                                 psk_nonce=bytes(32)))], True),
        ([m.Update(leaf_node=b._state.tree.leaf(1))], True),  # type: ignore[arg-type]
    ]
    checked = 0
    for bodies, path in cases:
        try:
            msg = _inline_commit(Group.from_bytes(g.to_bytes(), credential_validator=accept),
                                 bodies, path)
        except CryptoError:
            continue  # the committer's side may refuse to build it at all
        _refused(pg, msg, ProtocolError)
        checked += 1
    assert checked >= 5
    del c


def test_add_of_a_present_client_is_refused() -> None:
    a, b = make_group(2)
    pg = public_of(a)
    cred, sig = identity("dup", 3)
    del cred, sig
    dup = kp_for("m1", 3)
    # a KeyPackage reusing b's signature key
    kp = dup.key_package
    fake = replace(kp, leaf_node=replace(kp.leaf_node,
                                         signature_key=b.members()[1].signature_key))
    g = Group.from_bytes(a.to_bytes(), credential_validator=accept)
    msg = _inline_commit(g, [m.Add(key_package=fake)])
    with pytest.raises((ProtocolError, VerificationError)):
        pg.verify_commit(msg, credential_validator=accept, now=NOW)


def test_group_info_checks() -> None:
    a, _b = make_group(2)
    gi = a.group_info()
    pg = PublicGroup.from_group_info(gi, credential_validator=accept)
    assert pg.epoch == a.epoch
    with pytest.raises(ProtocolError):
        PublicGroup.from_group_info(a.group_info(with_ratchet_tree=False),
                                    credential_validator=accept)
    bad = bytearray(gi)
    bad[-3] ^= 1  # the signature
    with pytest.raises(VerificationError):
        PublicGroup.from_group_info(bytes(bad), credential_validator=accept)

    def refuse(credential: m.Credential, key: bytes) -> None:
        raise PolicyError("no")

    with pytest.raises(PolicyError):
        PublicGroup.from_group_info(gi, credential_validator=refuse)
    with pytest.raises(CryptoError):
        PublicGroup.from_group_info(b"\x00\x01\x00\x04" + secrets.token_bytes(40),
                                    credential_validator=accept)
    with pytest.raises(DecodeError):
        PublicGroup.from_bytes(pg.to_bytes() + b"\x00")


def test_relay_refuses_what_members_refuse_in_a_path_leaf(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The relay runs the members' section 7.3 rules (crypto.group.validation): a validly signed
    commit with a small-order X25519 key, or one that swaps the committer's identity, is
    refused at the relay as by every member, so it is never routed to wedge a channel."""
    a, b, _c, _d = make_group(4)
    pg = public_of(a)
    zero = resigned_path_leaf(monkeypatch, a, encryption_key=bytes(32))
    assert "small-order" in str(_refused(pg, zero, ProtocolError))
    with pytest.raises(ProtocolError):
        b.process(zero, now=NOW)
    swap = resigned_path_leaf(monkeypatch, a, credential=m.Credential.basic(b"mallory"))
    _refused(pg, swap, PolicyError)
    # the honest commit after both still verifies
    pg.verify_commit(a.commit(handshake_encrypted=False).message,
                     credential_validator=accept, now=NOW)


def test_a_valid_external_commit_is_followed_like_the_members_do() -> None:
    """External commits run the members' rules here too (section 12.4.3.2); Corridor's
    charter refuses every one at the relay afterwards (crypto.corridor.routing)."""
    a, b, c = make_group(3)
    pg = public_of(a)
    old_b = b.members()[b.own_leaf_index]
    j, msg = Group.join_external(a.group_info(), old_b.credential, b._state.signature_private_key,
                                 credential_validator=accept, remove=b.own_leaf_index)
    v = pg.verify_commit(msg, credential_validator=accept, now=NOW)
    assert v.external and v.committer_leaf is None
    assert [i for i, _l in v.removed] == [b.own_leaf_index]
    deliver([a, c], msg)
    assert v.group.context.to_bytes() == context_of(a) == context_of(j)


def test_changes_since_rebuild_every_state_and_stay_small() -> None:
    """A state stored as the changes of one commit (the tree nodes that differ) gives
    back exactly the state after it: through adds that extend the tree, removes that
    truncate it, updates and extension changes."""
    a, b, c = make_group(3)
    pg = public_of(a)
    members = [a, b, c]
    kps = [kp_for(f"n{i}", 3) for i in range(4)]
    steps = [
        lambda: a.commit(add=[k.key_package for k in kps], handshake_encrypted=False),
        lambda: b.commit(handshake_encrypted=False),
        lambda: a.commit(remove=[3, 4, 5, 6], handshake_encrypted=False),
        lambda: c.commit(group_context_extensions=[m.Extension(
            extension_type=m.ExtensionType.application_id, extension_data=b"y")],
            handshake_encrypted=False),
    ]
    for step in steps:
        out = step()
        owner = next(g for g in members if g.has_pending_commit)
        nxt = pg.verify_commit(out.message, credential_validator=accept, now=NOW).group
        owner.merge_pending_commit()
        deliver([g for g in members if g is not owner], out.message)
        changes = nxt.changes_since(pg)
        rebuilt = pg.with_changes(changes)
        assert rebuilt.to_bytes() == nxt.to_bytes()
        assert rebuilt.tree.tree_hash() == nxt.context.tree_hash
        assert PublicGroup.from_bytes(pg.to_bytes()).with_changes(changes).to_bytes() == \
            nxt.to_bytes()  # from freshly decoded bytes too
        pg = nxt
    # a self-update changes the committer's leaf and direct path only
    out = b.commit(handshake_encrypted=False)
    nxt = pg.verify_commit(out.message, credential_validator=accept, now=NOW).group
    assert len(nxt.changes_since(pg)) < len(nxt.to_bytes())
    assert nxt.changes_since(nxt) != nxt.changes_since(pg)
    with pytest.raises(DecodeError):
        pg.with_changes(nxt.changes_since(pg)[:-1])
    with pytest.raises(DecodeError):
        pg.with_changes(b"\x01" + nxt.changes_since(pg)[1:])  # a whole state's version
