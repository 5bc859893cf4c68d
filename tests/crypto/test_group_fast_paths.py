# SPDX-License-Identifier: Apache-2.0
"""The group's performance paths give the same bytes and the same verdicts as the
general ones: application messages (crypto.framing.ApplicationFraming against
protect_private/unprotect_private), the tree-hash cache across to_bytes/from_bytes,
and the per-tree key index used by adds. Nothing here is timed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crypto import framing
from crypto import messages as m
from crypto.codec import Struct
from crypto.errors import (
    DecodeError,
    EpochError,
    ProtocolError,
    ReplayError,
    UsageError,
    VerificationError,
)
from crypto.group import ApplicationMessage, Group, StagedCommit, make_key_package
from crypto.messages import ContentType, FramedContent, MLSMessage, Sender
from crypto.schedule.secret_tree import RatchetType, SecretTree
from crypto.suites import get_suite

NOW = 1_800_000_000


def accept(credential: m.Credential, key: bytes) -> None:
    del credential, key


def kp(name: str, suite_id: int = 3):  # type: ignore[no-untyped-def]
    sig, _pub = get_suite(suite_id).generate_signature_key_pair()
    return make_key_package(suite_id, m.Credential.basic(name.encode()), sig,
                            lifetime=(NOW - 10, NOW + 86400))


def group_of(n: int, suite_id: int = 3) -> list[Group]:
    sig, _ = get_suite(suite_id).generate_signature_key_pair()
    a = Group.create(suite_id, b"fast-%d" % n, m.Credential.basic(b"m0"), sig,
                     credential_validator=accept)
    bundles = [kp(f"m{i}", suite_id) for i in range(1, n)]
    out = a.commit(add=[b.key_package for b in bundles])
    a.merge_pending_commit()
    assert out.welcome is not None
    return [a, *(Group.join(out.welcome, b, credential_validator=accept, now=NOW)
                 for b in bundles)]


def fixed_rng(value: bytes):  # type: ignore[no-untyped-def]
    def rng(n: int) -> bytes:
        assert n == len(value)
        return value
    return rng


# -- application messages ----------------------------------------------------------------


@pytest.mark.parametrize("suite_id", [1, 3])
@pytest.mark.parametrize(("ad", "padding", "size"),
                         [(b"", 0, 0), (b"hdr", 5, 1024), (b"x" * 70, 0, 20000)])
def test_application_bytes_match_protect_private(suite_id: int, ad: bytes, padding: int,
                                                 size: int) -> None:
    a, _b = group_of(2, suite_id)
    st = a._state
    data = bytes(range(256)) * (size // 256) + b"z" * (size % 256)
    # protect_private on a copy of the secret tree, with the same reuse guard.
    tree_copy = st.secret_tree.copy()
    content = FramedContent(group_id=st.context.group_id, epoch=st.context.epoch,
                            sender=Sender.member(st.own_leaf), authenticated_data=ad,
                            content_type=ContentType.application, application_data=data)
    expected = MLSMessage.of(framing.protect_private(
        st.suite, content, signature_key=st.signing_key, context=st.context_bytes,
        secret_tree=tree_copy, sender_data_secret=st.secrets.sender_data_secret,
        padding=padding, rng=fixed_rng(b"\x01\x02\x03\x04"))).to_bytes()
    got = a.encrypt_application(data, authenticated_data=ad, padding=padding,
                                rng=fixed_rng(b"\x01\x02\x03\x04"))
    assert got == expected


@pytest.mark.parametrize("suite_id", [1, 3])
def test_application_open_matches_unprotect_private(suite_id: int) -> None:
    a, b = group_of(2, suite_id)
    msg = a.encrypt_application(b"hello", authenticated_data=b"ad", padding=3)
    st = b._state
    tree_copy = SecretTree.from_bytes(st.suite, st.secret_tree.to_bytes())
    pm = MLSMessage.from_bytes(msg).private_message
    assert pm is not None
    ac = framing.unprotect_private(
        st.suite, pm, context=st.context, secret_tree=tree_copy,
        sender_data_secret=st.secrets.sender_data_secret, verification_key=st.member_key)
    out = b.process(msg, now=NOW)
    assert isinstance(out, ApplicationMessage)
    assert (out.sender_leaf, out.data, out.authenticated_data, out.generation) == (
        ac.content.sender.leaf_index, ac.content.application_data,
        ac.content.authenticated_data, 0)


def _tamper(msg: bytes, at: int) -> bytes:
    return msg[:at] + bytes([msg[at] ^ 1]) + msg[at + 1:]


def test_application_failures_change_nothing() -> None:
    a, b, c = group_of(3)
    msg = a.encrypt_application(b"x" * 100)
    before = b.to_bytes()
    # Any flipped bit in the sender data, ciphertext or header is refused, typed.
    for at in range(4, len(msg), 7):
        with pytest.raises((DecodeError, VerificationError, ProtocolError, EpochError)):
            b.process(_tamper(msg, at), now=NOW)
        assert b.to_bytes() == before
    with pytest.raises(DecodeError):
        b.process(msg + b"\x00", now=NOW)
    with pytest.raises(DecodeError):
        b.process(msg[:-1], now=NOW)
    assert b.to_bytes() == before
    out = b.process(msg, now=NOW)
    assert isinstance(out, ApplicationMessage) and out.data == b"x" * 100
    with pytest.raises(ReplayError):
        b.process(msg, now=NOW)
    # A message signed by another member than the sender data names: bad signature.
    st = c._state
    content = FramedContent(group_id=st.context.group_id, epoch=st.context.epoch,
                            sender=Sender.member(0), content_type=ContentType.application,
                            application_data=b"forged")
    tree = st.secret_tree.copy()
    tree.next_key(0, RatchetType.APPLICATION)  # generation 0 was consumed above
    forged = MLSMessage.of(framing.protect_private(
        st.suite, content, signature_key=st.signing_key, context=st.context_bytes,
        secret_tree=tree, sender_data_secret=st.secrets.sender_data_secret)).to_bytes()
    before = b.to_bytes()
    with pytest.raises(VerificationError):
        b.process(forged, now=NOW)
    assert b.to_bytes() == before


def test_application_other_epoch_and_keys_deleted() -> None:
    a, b = group_of(2)
    old = a.encrypt_application(b"old")
    out = a.commit()
    a.merge_pending_commit()
    staged = b.process(out.message, now=NOW)
    assert isinstance(staged, StagedCommit)
    b.merge_staged_commit(staged)
    with pytest.raises(EpochError):
        b.process(old, now=NOW)
    new = a.encrypt_application(b"new")
    got = b.process(new, now=NOW)
    assert isinstance(got, ApplicationMessage) and got.data == b"new"
    # The receiving key is gone: the ratchet moved past generation 0.
    assert b._state.secret_tree.next_generation(0, RatchetType.APPLICATION) == 1
    with pytest.raises(UsageError):
        a.encrypt_application(b"", padding=-1)


def test_application_framing_redacts() -> None:
    a, _b = group_of(2)
    app = a._state.app_framing()
    assert "redacted" in repr(app)
    assert a._state.secrets.sender_data_secret.value.hex() not in repr(app)
    # A state whose context changed (a test reaching in) gets fresh constants.
    st = a._state
    st.context = replace(st.context, confirmed_transcript_hash=b"\x00" * 32)
    st.context_bytes = st.context.to_bytes()
    assert st.app_framing() is not app


# -- tree hash after restoring a stored state ----------------------------------------------


def _count_encodes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count LeafNode/ParentNode encodings (the costly part of a cold tree hash)."""
    calls = [0]
    for cls in (m.LeafNode, m.ParentNode):
        original = cls.to_bytes

        def counted(self: Struct, _orig=original) -> bytes:  # type: ignore[no-untyped-def]
            calls[0] += 1
            return _orig(self)  # type: ignore[no-any-return]
        monkeypatch.setattr(cls, "to_bytes", counted)
    return calls


def test_restored_tree_hash_comes_from_stored_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    groups = group_of(9)
    a = groups[0]
    expected = a._state.tree.tree_hash()
    blob = a.to_bytes()
    calls = _count_encodes(monkeypatch)
    restored = Group.from_bytes(blob, credential_validator=accept)
    tree = restored._state.tree
    assert all(h is None for h in tree._hashes)  # nothing trusted from the blob
    assert tree.tree_hash() == expected == restored._state.context.tree_hash
    assert calls[0] == 0  # every node hashed from the bytes it was decoded from
    # The first commit after restoring re-encodes only what it changed (its path).
    out = restored.commit()
    changed = len(tree.filtered_direct_path(restored.own_leaf_index)) + 1
    assert 0 < calls[0] <= 4 * changed + 4
    restored.merge_pending_commit()
    for g in groups[1:]:
        staged = g.process(out.message, now=NOW)
        assert isinstance(staged, StagedCommit)
        g.merge_staged_commit(staged)
        assert g.epoch_authenticator == restored.epoch_authenticator


def test_restored_tree_hash_never_outlives_a_node_change() -> None:
    from crypto.tree import RatchetTree, restore_ratchet_tree

    a, *_rest = group_of(5)
    st = a._state
    tree = restore_ratchet_tree(st.suite, st.tree.encode())
    fresh = RatchetTree(st.suite, list(tree.nodes()))  # no stored encodings: re-encodes
    assert tree.tree_hash() == fresh.tree_hash()
    # A changed leaf is re-encoded (the stored bytes were of the old node object).
    leaf = tree.leaf(1)
    assert leaf is not None
    other = replace(leaf, encryption_key=b"\x07" * 32)
    changed = tree.update_leaf(1, other)
    assert changed.tree_hash() == RatchetTree(st.suite, list(changed.nodes())).tree_hash()
    assert changed.tree_hash() != tree.tree_hash()


def test_tampered_state_blob_is_hashed_as_stored() -> None:
    """A blob whose tree bytes were altered gives the hash of what it now holds (no
    stale or planted hash is believed), so the group context no longer matches."""
    from crypto.tree import RatchetTree, restore_ratchet_tree

    a, *_rest = group_of(3)
    st = a._state
    raw = st.tree.encode()
    name = b"m2"
    at = raw.index(name)
    tampered = raw[:at] + b"mX" + raw[at + 2:]
    tree = restore_ratchet_tree(st.suite, tampered)
    assert tree.tree_hash() == RatchetTree(st.suite, list(tree.nodes())).tree_hash()
    assert tree.tree_hash() != st.context.tree_hash


def test_tree_decoding_is_canonical_on_wg_vectors() -> None:
    """The stored-bytes hash relies on encode(decode(bytes)) == bytes for nodes."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "vectors" / "tree-validation.json"
    if not path.exists():
        pytest.skip("WG vectors not present")
    for case in json.loads(path.read_text(encoding="utf-8")):
        bodies, encodings = m.decode_ratchet_tree_with_encodings(bytes.fromhex(case["tree"]))
        wrapped = m.decode_ratchet_tree(bytes.fromhex(case["tree"]))
        assert len(bodies) == len(wrapped)
        for body, enc, node in zip(bodies, encodings, wrapped, strict=True):
            if body is None:
                assert enc is None and node is None
                continue
            assert node is not None
            assert body == (node.leaf_node if node.leaf_node is not None else node.parent_node)
            assert body.to_bytes() == enc


# -- adds: one pass over the tree for every entering leaf ---------------------------------


def _verdict(fn) -> type[Exception] | None:  # type: ignore[no-untyped-def]
    try:
        fn()
    except (ProtocolError, VerificationError, UsageError) as exc:
        return type(exc)
    return None


def test_entering_leaves_batch_agrees_with_per_leaf_validation() -> None:
    from tests.support.tree_harness import GROUP_ID, SUITE, make_leaf
    from tests.support.tree_harness import Group as TreeGroup

    g = TreeGroup(SUITE, 5)
    base = g.tree
    member = base.leaf(1)
    assert member is not None
    parent = next(base.node(x) for x in range(1, base.width, 2) if base.node(x) is not None)
    assert isinstance(parent, m.ParentNode)
    fresh, _, fresh_key = make_leaf(SUITE, "fresh")
    ssk1 = g.sig[1]

    def resign(leaf: m.LeafNode, key: bytes) -> m.LeafNode:
        unsigned = replace(leaf, signature=b"")
        return replace(unsigned, signature=SUITE.sign_with_label(key, "LeafNodeTBS",
                                                                unsigned.tbs_bytes()))

    x509_caps = m.Capabilities(versions=(1,), cipher_suites=(1, 3), credentials=(1, 2))
    x509, _, x509_key = make_leaf(SUITE, "x509", caps=x509_caps)
    x509 = resign(replace(x509, credential=m.Credential(
        credential_type=m.CredentialType.x509, certificates=(b"cert",))), x509_key)
    no_basic, _, nb_key = make_leaf(SUITE, "nobasic", caps=m.Capabilities(
        versions=(1,), cipher_suites=(1, 3), credentials=(2,)))
    cases = {
        "valid": fresh,
        "member enc key": resign(replace(fresh, encryption_key=member.encryption_key),
                                 fresh_key),
        "parent enc key": resign(replace(fresh, encryption_key=parent.encryption_key),
                                 fresh_key),
        "member sig key": resign(replace(fresh, signature_key=member.signature_key), ssk1),
        "x509 among basic": x509,
        "bad signature": replace(fresh, signature=bytes(64)),
        "no basic": no_basic,
    }
    del nb_key
    expected = {"valid": None, "member enc key": ProtocolError, "parent enc key": ProtocolError,
                "member sig key": ProtocolError, "x509 among basic": ProtocolError,
                "bad signature": VerificationError, "no basic": ProtocolError}
    seen = set()
    for name, leaf in cases.items():
        tree, added = base.apply_proposals(adds=[leaf])
        idx = added[0]
        one = _verdict(lambda t=tree, i=idx, lf=leaf: t.validate_leaf_node(
            lf, group_id=GROUP_ID, leaf_index=i, source=None, replacing=i))
        batch = _verdict(lambda t=tree, i=idx, lf=leaf: t.validate_entering_leaves(
            [(i, lf)], group_id=GROUP_ID))
        assert one == batch == expected[name], name
        seen.add(one)
    assert seen >= {None, ProtocolError, VerificationError}
    # Two new leaves sharing a key are refused in one batch, as one by one.
    twin = replace(fresh)
    tree, added = base.apply_proposals(adds=[fresh, twin])
    entries = [(i, tree.leaf(i)) for i in added]
    with pytest.raises(ProtocolError):
        tree.validate_entering_leaves(entries, group_id=GROUP_ID)  # type: ignore[arg-type]
    with pytest.raises(UsageError):
        tree.validate_entering_leaves([(added[0], twin)], group_id=GROUP_ID)


def test_leaf_encoding_memo_is_never_stale() -> None:
    leaf = kp("memo").key_package.leaf_node
    first = leaf.to_bytes()
    decoded = m.LeafNode.from_bytes(first)
    assert decoded == leaf and decoded.to_bytes() == first
    changed = replace(leaf, encryption_key=b"\x01" * 32)
    assert changed.to_bytes() != first
    assert changed.to_bytes() == m.LeafNode.from_bytes(changed.to_bytes()).to_bytes()
    assert "_body" not in repr(leaf) and hash(decoded) == hash(leaf)


def test_tree_encode_matches_the_struct_encoding() -> None:
    from crypto.tree import RatchetTree, restore_ratchet_tree

    a, *_rest = group_of(6)
    a.commit(remove=[5])
    a.merge_pending_commit()
    tree = a._state.tree
    for t in (tree, restore_ratchet_tree(tree.suite, tree.encode()),
              RatchetTree(tree.suite, list(tree.nodes()))):
        assert t.encode() == m.encode_ratchet_tree(t.to_nodes())
    assert m.ParentNode.from_bytes(m.ParentNode(
        encryption_key=b"k", unmerged_leaves=(1, 70000)).to_bytes()).unmerged_leaves == (1, 70000)
    with pytest.raises(DecodeError):
        m.Capabilities.from_bytes(b"\x03\x00\x01\x00" + b"\x00" * 4)


def test_peek_private_reads_what_the_decoder_reads_and_nothing_malformed() -> None:
    """The receiver routes on framing.peek_private's header: it must agree with the
    general decoder on every well-formed PrivateMessage and give None (so the decoder
    names the error) for a PublicMessage, a cut or extended message and an unknown
    content type."""
    a, b = group_of(2)
    sent = a.encrypt_application(b"hello", authenticated_data=b"aad-bytes")
    priv = MLSMessage.from_bytes(sent).private_message
    assert priv is not None
    assert framing.peek_private(sent) == (priv.group_id, priv.epoch,
                                          int(priv.content_type), priv.authenticated_data)
    hidden = a.commit()  # a commit as a PrivateMessage: its own content type
    hp = MLSMessage.from_bytes(hidden.message).private_message
    assert hp is not None
    assert framing.peek_private(hidden.message) == (hp.group_id, hp.epoch,
                                                    ContentType.commit, b"")
    a.discard_pending_commit()
    assert framing.peek_private(a.commit(handshake_encrypted=False).message) is None
    for bad in (sent[:-1], sent + b"\x00", sent[:4], b"", bytearray(sent)):
        assert framing.peek_private(bad) is None  # type: ignore[arg-type]
        if isinstance(bad, bytes):
            with pytest.raises(DecodeError):
                MLSMessage.from_bytes(bad)
    # the content type byte sits right after group_id<V> and the 8-byte epoch
    at = 4 + 1 + len(priv.group_id) + 8
    assert sent[at] == ContentType.application
    assert framing.peek_private(sent[:at] + b"\x09" + sent[at + 1:]) is None
    assert isinstance(b.process(sent, now=NOW), ApplicationMessage)
