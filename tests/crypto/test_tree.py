# SPDX-License-Identifier: Apache-2.0
"""Ratchet tree (RFC 9420 sections 4, 7, 12): hashes, validation, proposals, adversarial trees.

The TreeKEM harness (:class:`Group`, deterministic leaves) is
:mod:`tests.support.tree_harness`.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crypto import messages as m
from crypto.errors import DecodeError, ProtocolError, UsageError, VerificationError
from crypto.tree import RatchetTree, RequiredCapabilitiesView, parse_ratchet_tree
from crypto.tree import treemath as tm
from tests.support.tree_harness import (
    CAPS,
    GROUP_ID,
    NOW,
    SUITE,
    Group,
    make_leaf,
)


@pytest.fixture(scope="module")
def group7() -> Group:
    return Group(SUITE, 7)


def reparse(tree: RatchetTree) -> RatchetTree:
    unverified = parse_ratchet_tree(tree.suite, tree.encode())
    return unverified.verify(group_id=GROUP_ID, tree_hash=tree.tree_hash(), now=NOW)


def with_node(tree: RatchetTree, x: int, node: m.LeafNode | m.ParentNode | None) -> bytes:
    nodes = list(tree.nodes())
    nodes[x] = node
    return RatchetTree(tree.suite, nodes).encode()


# -- happy paths ------------------------------------------------------------------


def test_grown_group_verifies_as_a_joiner_would(group7: Group) -> None:
    tree = reparse(group7.tree)
    assert tree == group7.tree
    assert tree.tree_hash() == group7.tree.tree_hash()
    assert tree.member_count() == 7
    for j, state in group7.states.items():
        state.check_against(SUITE, tree)
        assert 2 * j in state.keys


def test_unmerged_leaves_are_recorded_and_cleared() -> None:
    g = Group(SUITE, 3)
    leaf, _, _ = make_leaf(SUITE, "late")
    tree, added = g.tree.apply_proposals(adds=[leaf])
    assert added == [3]
    holders = [x for x in tm.direct_path(6, tree.n_leaves) if tree.node(x) is not None]
    assert holders
    for x in holders:
        assert tree.unmerged_leaves(x) == (3,)
    assert 6 in tree.resolution(tree.root)
    assert 6 not in tree.resolution(tree.root, frozenset({3}))
    # Still a valid tree for a joiner (unmerged-leaf rules of 12.4.3.1).
    reparse(tree)


def test_add_extends_then_fills_leftmost_blank() -> None:
    g = Group(SUITE, 4)
    assert g.tree.n_leaves == 4
    leaf, _, _ = make_leaf(SUITE, "x")
    bigger, idx = g.tree.add_leaf(leaf)
    assert (idx, bigger.n_leaves, g.tree.n_leaves) == (4, 8, 4)
    smaller = bigger.remove_leaf(1)
    leaf2, _, _ = make_leaf(SUITE, "y")
    again, idx2 = smaller.add_leaf(leaf2)
    assert idx2 == 1
    assert again.leaf(1) == leaf2


def test_remove_truncates_and_blanks_path() -> None:
    g = Group(SUITE, 5)
    assert g.tree.n_leaves == 8
    after = g.tree.remove_leaf(4)
    assert after.n_leaves == 4
    assert g.tree.n_leaves == 8 and g.tree.leaf(4) is not None  # original untouched
    after2 = g.tree.remove_leaf(1)
    assert after2.leaf(1) is None
    assert all(after2.node(x) is None for x in tm.direct_path(2, after2.n_leaves))


def test_update_replaces_leaf_and_blanks_path(group7: Group) -> None:
    leaf, _, _ = make_leaf(SUITE, "fresh")
    after, _ = group7.tree.apply_proposals(updates=[(2, leaf)])
    assert after.leaf(2) == leaf
    assert all(after.node(x) is None for x in tm.direct_path(4, after.n_leaves))
    assert group7.tree.leaf(2) != leaf


def test_proposal_order_update_remove_add(group7: Group) -> None:
    new, _, _ = make_leaf(SUITE, "n")
    upd, _, _ = make_leaf(SUITE, "u")
    after, added = group7.tree.apply_proposals(updates=[(0, upd)], removes=[3], adds=[new])
    assert added == [3]  # removes come before adds, so the freed slot is reused
    assert after.leaf(3) == new and after.leaf(0) == upd


def test_encode_parse_round_trip_drops_trailing_blanks() -> None:
    g = Group(SUITE, 3)
    data = g.tree.encode()
    wire = m.decode_ratchet_tree(data)
    assert wire[-1] is not None
    assert len(wire) < g.tree.width
    assert parse_ratchet_tree(SUITE, data).tree_hash() == g.tree.tree_hash()


def test_filtered_direct_path_skips_empty_copath() -> None:
    g = Group(SUITE, 3)  # leaf 3 blank
    fdp = g.tree.filtered_direct_path(2)
    assert [p for p, _ in fdp] == [3]  # node 5's copath child (leaf 3) is blank
    assert tm.direct_path(4, 4) == (5, 3)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 15)), min_size=1, max_size=20))
def test_cached_tree_hash_equals_fresh_computation(ops: list[tuple[bool, int]]) -> None:
    leaf0, _, _ = make_leaf(SUITE, "base")
    tree = RatchetTree.create(SUITE, leaf0)
    tree.tree_hash()
    for n, (is_add, idx) in enumerate(ops):
        if is_add:
            leaf, _, _ = make_leaf(SUITE, f"h{n}")
            tree, _ = tree.add_leaf(leaf)
        elif tree.leaf(idx % tree.n_leaves) is not None and tree.member_count() > 1:
            tree = tree.remove_leaf(idx % tree.n_leaves)
        fresh = RatchetTree(SUITE, list(tree.nodes()))
        assert tree.tree_hash() == fresh.tree_hash()
        n_leaves = tree.n_leaves
        assert n_leaves == 1 or any(tree.leaf(i) for i in range(n_leaves // 2, n_leaves))


# -- adversarial trees -------------------------------------------------------------


def test_wrong_tree_hash_rejected(group7: Group) -> None:
    u = parse_ratchet_tree(SUITE, group7.tree.encode())
    with pytest.raises(VerificationError):
        u.verify(group_id=GROUP_ID, tree_hash=b"\x00" * 32)


def _first_parent(tree: RatchetTree) -> int:
    return next(x for x in range(1, tree.width, 2) if tree.node(x) is not None)


def test_wrong_parent_hash_rejected(group7: Group) -> None:
    x = _first_parent(group7.tree)
    node = group7.tree.parent_node(x)
    assert node is not None
    bad = replace(node, parent_hash=bytes(32))
    u = parse_ratchet_tree(SUITE, with_node(group7.tree, x, bad))
    with pytest.raises(VerificationError):
        u.verify(group_id=GROUP_ID, tree_hash=u.tree_hash())


def test_substituted_parent_key_rejected(group7: Group) -> None:
    x = group7.tree.root
    node = group7.tree.parent_node(x)
    assert node is not None
    _, pk = SUITE.derive_key_pair(b"\x42" * 32)
    u = parse_ratchet_tree(SUITE, with_node(group7.tree, x, replace(node, encryption_key=pk)))
    with pytest.raises(VerificationError):
        u.verify(group_id=GROUP_ID, tree_hash=u.tree_hash())


def test_forged_leaf_signature_rejected(group7: Group) -> None:
    leaf = group7.tree.leaf(3)
    assert leaf is not None
    forged = replace(leaf, credential=m.Credential.basic(b"mallory"))
    u = parse_ratchet_tree(SUITE, with_node(group7.tree, 6, forged))
    with pytest.raises(VerificationError):
        u.verify(group_id=GROUP_ID, tree_hash=u.tree_hash())


def test_leaf_signed_for_another_group_rejected(group7: Group) -> None:
    u = parse_ratchet_tree(SUITE, group7.tree.encode())
    with pytest.raises(VerificationError):
        u.verify(group_id=b"other group", tree_hash=u.tree_hash())


def test_duplicate_encryption_key_rejected(group7: Group) -> None:
    a, b = group7.tree.leaf(1), group7.tree.leaf(2)
    assert a is not None and b is not None
    u = parse_ratchet_tree(
        SUITE, with_node(group7.tree, 4, replace(b, encryption_key=a.encryption_key))
    )
    with pytest.raises(ProtocolError):
        u.verify(group_id=GROUP_ID, tree_hash=u.tree_hash())


def test_duplicate_signature_key_rejected_for_new_leaf(group7: Group) -> None:
    existing = group7.tree.leaf(1)
    assert existing is not None
    leaf, _, _ = make_leaf(SUITE, "copycat")
    with pytest.raises((ProtocolError, VerificationError)):
        group7.tree.validate_leaf_node(
            replace(leaf, signature_key=existing.signature_key),
            group_id=GROUP_ID,
            leaf_index=None,
            source=m.LeafNodeSource.key_package,
        )


def test_bogus_unmerged_leaf_rejected() -> None:
    g = Group(SUITE, 3)
    leaf, _, _ = make_leaf(SUITE, "late")
    tree, _ = g.tree.apply_proposals(adds=[leaf])
    x = next(x for x in tm.direct_path(6, tree.n_leaves) if tree.node(x) is not None)
    node = tree.parent_node(x)
    assert node is not None
    u = parse_ratchet_tree(SUITE, with_node(tree, x, replace(node, unmerged_leaves=(3, 3))))
    with pytest.raises(ProtocolError):
        u.verify(group_id=GROUP_ID, tree_hash=u.tree_hash())


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00", b"\x01\x00", b"\x02\x01\x07", b"\xff\xff\xff\xff"],
)
def test_garbage_bytes_are_decode_errors(data: bytes) -> None:
    with pytest.raises(DecodeError):
        parse_ratchet_tree(SUITE, data)


def test_structural_decode_errors(group7: Group) -> None:
    wire = list(m.decode_ratchet_tree(group7.tree.encode()))
    with pytest.raises(DecodeError):  # trailing blank
        parse_ratchet_tree(SUITE, m.encode_ratchet_tree([*wire, None]))
    swapped = [wire[1], wire[0], *wire[2:]]  # parent in a leaf slot
    with pytest.raises(DecodeError):
        parse_ratchet_tree(SUITE, m.encode_ratchet_tree(swapped))


def test_untruncated_tree_rejected() -> None:
    g = Group(SUITE, 2)
    root = g.tree.parent_node(1)
    assert root is not None
    # A 4-leaf array whose right half holds only a (bogus) parent: never minimal.
    padded = RatchetTree(SUITE, [*g.tree.nodes(), replace(root, parent_hash=b""), None, None, None])
    u = parse_ratchet_tree(SUITE, padded.encode())
    assert u.n_leaves == 4
    with pytest.raises(ProtocolError):
        u.verify(group_id=GROUP_ID, tree_hash=u.tree_hash())


def test_failed_operations_leave_tree_unchanged(group7: Group) -> None:
    before = group7.tree.encode()
    for bad in (-1, 99, 7):
        with pytest.raises(ProtocolError):
            group7.tree.apply_proposals(removes=[bad])
    leaf, _, _ = make_leaf(SUITE, "z")
    with pytest.raises(ProtocolError):  # an update from a blank slot, after a valid add
        group7.tree.apply_proposals(adds=[leaf], updates=[(7, leaf)])
    assert group7.tree.encode() == before


# -- leaf validation ---------------------------------------------------------------


def _validate(tree: RatchetTree, leaf: m.LeafNode, **kw: object) -> None:
    args: dict[str, object] = {
        "group_id": GROUP_ID,
        "leaf_index": None,
        "source": m.LeafNodeSource.key_package,
    }
    args.update(kw)
    tree.validate_leaf_node(leaf, **args)  # type: ignore[arg-type]


def test_leaf_validation_accepts_good_key_package_leaf(group7: Group) -> None:
    leaf, _, _ = make_leaf(SUITE, "ok", lifetime=(NOW - 10, NOW + 10))
    _validate(group7.tree, leaf, now=NOW)


def test_leaf_lifetime_checked_with_injected_now(group7: Group) -> None:
    leaf, _, _ = make_leaf(SUITE, "old", lifetime=(NOW - 100, NOW - 1))
    _validate(group7.tree, leaf)  # no clock given: skipped
    with pytest.raises(ProtocolError):
        _validate(group7.tree, leaf, now=NOW)


def test_leaf_source_must_match(group7: Group) -> None:
    leaf, _, _ = make_leaf(SUITE, "src")
    with pytest.raises(ProtocolError):
        _validate(group7.tree, leaf, source=m.LeafNodeSource.update, leaf_index=1)


@pytest.mark.parametrize(
    ("caps", "exts", "required"),
    [
        (
            m.Capabilities(versions=(1,), cipher_suites=(1,), credentials=(1,)),
            (),
            None,
        ),  # no suite 3
        (m.Capabilities(versions=(1,), cipher_suites=(3,), credentials=(2,)), (), None),  # own cred
        (CAPS, (m.Extension(extension_type=0xF0A0, extension_data=b""),), None),
        (CAPS, (), RequiredCapabilitiesView(extension_types=(0xF0A0,))),
        (CAPS, (), RequiredCapabilitiesView(proposal_types=(0xF0A1,))),
        (CAPS, (), RequiredCapabilitiesView(credential_types=(2,))),
    ],
)
def test_capability_rules(
    group7: Group,
    caps: m.Capabilities,
    exts: tuple[m.Extension, ...],
    required: RequiredCapabilitiesView | None,
) -> None:
    leaf, _, ssk = make_leaf(SUITE, "caps", caps=caps)
    leaf = replace(leaf, extensions=exts)
    leaf = replace(leaf, signature=SUITE.sign_with_label(ssk, "LeafNodeTBS", leaf.tbs_bytes()))
    with pytest.raises(ProtocolError):
        _validate(group7.tree, leaf, required_capabilities=required)


def test_default_extension_needs_no_listing(group7: Group) -> None:
    leaf, _, ssk = make_leaf(SUITE, "appid")
    leaf = replace(leaf, extensions=(m.Extension(extension_type=1, extension_data=b"id"),))
    leaf = replace(leaf, signature=SUITE.sign_with_label(ssk, "LeafNodeTBS", leaf.tbs_bytes()))
    _validate(group7.tree, leaf)


def test_index_errors_are_typed(group7: Group) -> None:
    with pytest.raises(UsageError):
        group7.tree.node(group7.tree.width)
    with pytest.raises(UsageError):
        group7.tree.leaf(-1)
    with pytest.raises(UsageError):
        group7.tree.resolution(10_000)
    with pytest.raises(ProtocolError):
        group7.tree.check_leaf_index(8)


def test_update_must_change_encryption_key(group7: Group) -> None:
    old = group7.tree.leaf(2)
    assert old is not None
    same = replace(old, leaf_node_source=m.LeafNodeSource.update, lifetime=None, parent_hash=None)
    ssk = group7.sig[2]
    same = replace(
        same, signature=SUITE.sign_with_label(ssk, "LeafNodeTBS", same.tbs_bytes(GROUP_ID, 2))
    )
    with pytest.raises(ProtocolError, match="old encryption key"):
        group7.tree.validate_leaf_node(
            same, group_id=GROUP_ID, leaf_index=2, source=m.LeafNodeSource.update, replacing=2
        )


def test_batch_add_validation(group7: Group) -> None:
    a, _, _ = make_leaf(SUITE, "batch-a")
    b, _, b_ssk = make_leaf(SUITE, "batch-b")
    group7.tree.validate_added_leaves([a, b], now=NOW)
    with pytest.raises(ProtocolError, match="repeats a key"):
        group7.tree.validate_added_leaves([a, a])
    member = group7.tree.leaf(3)
    assert member is not None
    dup = replace(b, encryption_key=member.encryption_key)
    dup = replace(dup, signature=SUITE.sign_with_label(b_ssk, "LeafNodeTBS", dup.tbs_bytes()))
    with pytest.raises(ProtocolError, match="repeats a key"):
        group7.tree.validate_added_leaves([dup])
    odd_caps = m.Capabilities(versions=(1,), cipher_suites=(3,), credentials=(1, 2))
    c, _, ssk = make_leaf(SUITE, "batch-c", caps=odd_caps)
    c = replace(c, credential=m.Credential(credential_type=2, certificates=()))
    c = replace(c, signature=SUITE.sign_with_label(ssk, "LeafNodeTBS", c.tbs_bytes()))
    with pytest.raises(ProtocolError, match="credential type"):
        group7.tree.validate_added_leaves([a, c])  # members only speak basic
    forged = replace(b, credential=m.Credential.basic(b"someone else"))
    with pytest.raises(VerificationError):
        group7.tree.validate_added_leaves([a, forged])
    after, added = group7.tree.apply_proposals(adds=[a, b])
    assert added == [7, 8] and after.leaf(8) == b
