# SPDX-License-Identifier: Apache-2.0
"""TreeKEM UpdatePaths (RFC 9420 sections 7.4-7.6): agreement, joiners, malformed paths."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crypto import messages as m
from crypto.errors import ProtocolError, UsageError, VerificationError
from crypto.secret_bytes import Secret
from crypto.tree import parent_hash_input
from crypto.tree.treekem import (
    MergedUpdatePath,
    PreparedUpdatePath,
    PrivateTreeState,
    merge_update_path,
    prepare_update_path,
)
from tests.support.tree_harness import GROUP_ID, SUITE, Group, context, det_rng, make_leaf


@pytest.fixture(scope="module")
def group() -> Group:
    return Group(SUITE, 8)


def _prepare(
    group: Group, sender: int, seed: bytes = b"p"
) -> tuple[PreparedUpdatePath, bytes, m.UpdatePath]:
    rng = det_rng(seed)
    prepared = prepare_update_path(
        group.tree, sender, group.sig[sender], group_id=GROUP_ID, rng=rng
    )
    ctx = context(SUITE, 99, prepared.tree.tree_hash())
    return prepared, ctx, prepared.encrypt(ctx, rng=rng)


def _snapshot(group: Group) -> tuple[bytes, bytes, dict[int, list[int]]]:
    return (
        group.tree.encode(),
        group.tree.tree_hash(),
        {j: sorted(s.keys) for j, s in group.states.items()},
    )


def test_every_member_agrees_on_commit_secret(group: Group) -> None:
    for sender in (0, 3, 7):
        prepared, ctx, path = _prepare(group, sender, bytes([sender]))
        merged = merge_update_path(group.tree, sender, path, group_id=GROUP_ID)
        assert merged.tree.tree_hash() == prepared.tree.tree_hash()
        merged.tree.verify_parent_hashes()
        secrets_seen = set()
        for j, state in group.states.items():
            if j == sender:
                continue
            result = merged.decrypt(state, ctx)
            result.private_state.check_against(SUITE, merged.tree)
            secrets_seen.add(result.commit_secret.value)
        assert secrets_seen == {prepared.commit_secret.value}
        prepared.private_state.check_against(SUITE, prepared.tree)


def test_fresh_randomness_gives_fresh_secrets(group: Group) -> None:
    a, _, _ = _prepare(group, 1, b"a")
    b, _, _ = _prepare(group, 1, b"b")
    assert a.commit_secret != b.commit_secret
    assert a.leaf_node.encryption_key != b.leaf_node.encryption_key


def test_committer_leaf_is_resigned_commit_leaf(group: Group) -> None:
    _prepared, _, path = _prepare(group, 2)
    leaf = path.leaf_node
    assert leaf.leaf_node_source == m.LeafNodeSource.commit
    SUITE.verify_with_label(
        leaf.signature_key, "LeafNodeTBS", leaf.tbs_bytes(GROUP_ID, 2), leaf.signature
    )
    assert len(path.nodes) == len(group.tree.filtered_direct_path(2))


def test_joiner_is_excluded_and_gets_welcome_path_secret() -> None:
    g = Group(SUITE, 5)
    leaf, esk, _ = make_leaf(SUITE, "joiner")
    tree, added = g.tree.apply_proposals(adds=[leaf])
    rng = det_rng(b"j")
    prepared = prepare_update_path(tree, 0, g.sig[0], group_id=GROUP_ID, rng=rng)
    ctx = context(SUITE, 9, prepared.tree.tree_hash())
    with_joiner = prepared.encrypt(ctx, rng=rng)
    without = prepared.encrypt(ctx, exclude=added, rng=rng)
    n_with = sum(len(n.encrypted_path_secret) for n in with_joiner.nodes)
    n_without = sum(len(n.encrypted_path_secret) for n in without.nodes)
    assert n_with == n_without + 1
    ps = prepared.path_secret_for(added[0])
    assert ps is not None
    joiner = PrivateTreeState.for_leaf(added[0], esk).with_path_secret(
        SUITE, prepared.tree, 0, ps.value
    )
    joiner.check_against(SUITE, prepared.tree)
    assert prepared.tree.root in joiner.keys
    merged = merge_update_path(tree, 0, without, group_id=GROUP_ID, exclude=added)
    with pytest.raises(UsageError):
        merged.decrypt(joiner, ctx)
    # A receiver that forgets the exclusion list sees a count mismatch.
    with pytest.raises(ProtocolError):
        merge_update_path(tree, 0, without, group_id=GROUP_ID)


def test_wrong_welcome_path_secret_rejected() -> None:
    g = Group(SUITE, 3)
    leaf, esk, _ = make_leaf(SUITE, "j2")
    tree, added = g.tree.apply_proposals(adds=[leaf])
    prepared = prepare_update_path(tree, 1, g.sig[1], group_id=GROUP_ID, rng=det_rng(b"w"))
    with pytest.raises(VerificationError):
        PrivateTreeState.for_leaf(added[0], esk).with_path_secret(
            SUITE, prepared.tree, 1, b"\x01" * 32
        )


# -- malformed UpdatePaths: typed errors, nothing mutated -----------------------------


def _expect_reject(
    group: Group,
    sender: int,
    path: m.UpdatePath,
    ctx: bytes,
    receiver: int,
    exc: type[Exception],
    match: str,
) -> None:
    """``path`` fails with ``exc`` (for the reason ``match``); tree and keys unchanged."""
    before = _snapshot(group)
    with pytest.raises(exc, match=match):
        merged = merge_update_path(group.tree, sender, path, group_id=GROUP_ID)
        merged.decrypt(group.states[receiver], ctx)
    assert _snapshot(group) == before


def test_too_few_and_too_many_nodes(group: Group) -> None:
    _, ctx, path = _prepare(group, 4)
    _expect_reject(group, 4, replace(path, nodes=path.nodes[:-1]), ctx, 0, ProtocolError, "length")
    _expect_reject(
        group, 4, replace(path, nodes=(*path.nodes, path.nodes[0])), ctx, 0, ProtocolError, "length"
    )


def test_wrong_ciphertext_count(group: Group) -> None:
    _, ctx, path = _prepare(group, 4)
    node = path.nodes[-1]
    bad = replace(
        node, encrypted_path_secret=(*node.encrypted_path_secret, node.encrypted_path_secret[0])
    )
    _expect_reject(
        group,
        4,
        replace(path, nodes=(*path.nodes[:-1], bad)),
        ctx,
        0,
        ProtocolError,
        "number of encrypted",
    )


def test_ciphertext_for_the_wrong_node(group: Group) -> None:
    # Leaf 0 decrypts at the root's copath child; give it the level-1 node's ciphertext.
    _, ctx, path = _prepare(group, 4)
    nodes = list(path.nodes)
    nodes[-1] = replace(nodes[-1], encrypted_path_secret=nodes[1].encrypted_path_secret)
    _expect_reject(
        group, 4, replace(path, nodes=tuple(nodes)), ctx, 0, VerificationError, "does not open"
    )


def test_tampered_ciphertext(group: Group) -> None:
    _, ctx, path = _prepare(group, 4)
    top = path.nodes[-1]
    ct = top.encrypted_path_secret[0]
    flipped = replace(ct, ciphertext=bytes([ct.ciphertext[0] ^ 1]) + ct.ciphertext[1:])
    nodes = (*path.nodes[:-1], replace(top, encrypted_path_secret=(flipped,)))
    _expect_reject(group, 4, replace(path, nodes=nodes), ctx, 0, VerificationError, "does not open")


def test_wrong_group_context(group: Group) -> None:
    _, _ctx, path = _prepare(group, 4)
    _expect_reject(
        group, 4, path, context(SUITE, 98, b"\x00" * 32), 0, VerificationError, "does not open"
    )


def test_substituted_public_key_breaks_parent_hash(group: Group) -> None:
    _, ctx, path = _prepare(group, 4)
    _, pk = SUITE.derive_key_pair(b"\x07" * 32)
    nodes = (replace(path.nodes[0], encryption_key=pk), *path.nodes[1:])
    _expect_reject(group, 4, replace(path, nodes=nodes), ctx, 5, VerificationError, "parent hash")


def test_public_key_not_derived_from_path_secret(group: Group) -> None:
    """A malicious committer signs a consistent path whose top key is not the derived one."""
    sender, receiver = 4, 0
    prepared, _, path = _prepare(group, sender)
    _, pk = SUITE.derive_key_pair(b"\x09" * 32)
    nodes = list(path.nodes)
    nodes[-1] = replace(nodes[-1], encryption_key=pk)
    # Recompute the parent-hash chain and re-sign, as the committer could.
    ph = b""
    for (_p, c), node in reversed(list(zip(prepared.filtered_path, nodes, strict=True))):
        ph = SUITE.hash(parent_hash_input(node.encryption_key, ph, group.tree.tree_hash(c)))
    leaf = replace(path.leaf_node, parent_hash=ph)
    leaf = replace(
        leaf,
        signature=SUITE.sign_with_label(
            group.sig[sender], "LeafNodeTBS", leaf.tbs_bytes(GROUP_ID, sender)
        ),
    )
    evil = m.UpdatePath(leaf_node=leaf, nodes=tuple(nodes))
    merged = merge_update_path(group.tree, sender, evil, group_id=GROUP_ID)
    ctx = context(SUITE, 99, merged.tree.tree_hash())
    # Re-encrypt the real secrets under the new context so only the key check can fail.
    reenc = prepared.encrypt(ctx, rng=det_rng(b"r"))
    fixed_nodes = tuple(
        replace(n, encrypted_path_secret=r.encrypted_path_secret)
        for n, r in zip(nodes, reenc.nodes, strict=True)
    )
    evil = replace(evil, nodes=fixed_nodes)
    _expect_reject(group, sender, evil, ctx, receiver, VerificationError, "derived public key")


def test_forged_leaf_signature_in_path(group: Group) -> None:
    _, ctx, path = _prepare(group, 4)
    forged = replace(path.leaf_node, credential=m.Credential.basic(b"mallory"))
    _expect_reject(
        group, 4, replace(path, leaf_node=forged), ctx, 0, VerificationError, "signature"
    )


def test_leaf_with_wrong_source(group: Group) -> None:
    _, ctx, path = _prepare(group, 4)
    leaf, _, _ = make_leaf(SUITE, "kp")
    _expect_reject(group, 4, replace(path, leaf_node=leaf), ctx, 0, ProtocolError, "source")


def test_path_reusing_an_existing_key(group: Group) -> None:
    sender = 4
    _prepared, ctx, path = _prepare(group, sender)
    other = group.tree.leaf(0)
    assert other is not None
    nodes = (replace(path.nodes[0], encryption_key=other.encryption_key), *path.nodes[1:])
    _expect_reject(
        group,
        sender,
        replace(path, nodes=nodes),
        ctx,
        0,
        ProtocolError,
        "repeats an encryption key",
    )


def test_sender_and_receiver_errors(group: Group) -> None:
    _, ctx, path = _prepare(group, 4)
    with pytest.raises(ProtocolError):
        merge_update_path(group.tree, 8, path, group_id=GROUP_ID)
    merged = merge_update_path(group.tree, 4, path, group_id=GROUP_ID)
    with pytest.raises(UsageError):
        merged.decrypt(group.states[4], ctx)
    empty = PrivateTreeState(0, {})
    with pytest.raises(ProtocolError):
        merged.decrypt(empty, ctx)


def test_secrets_never_in_repr(group: Group) -> None:
    prepared, ctx, path = _prepare(group, 6)
    merged: MergedUpdatePath = merge_update_path(group.tree, 6, path, group_id=GROUP_ID)
    result = merged.decrypt(group.states[1], ctx)
    texts = [repr(prepared), repr(result), repr(result.private_state), repr(group.states[1])]
    secrets_hex = [prepared.commit_secret.value.hex(), result.path_secret.value.hex()]
    secrets_hex += [k.value.hex() for k in result.private_state.keys.values()]
    for text in texts:
        for h in secrets_hex:
            assert h not in text
            assert h[:16] not in text
    assert isinstance(result.commit_secret, Secret)
