# SPDX-License-Identifier: Apache-2.0
"""Tree math (RFC 9420 Appendix C): properties over many sizes and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crypto.errors import UsageError
from crypto.tree import treemath as tm

VECTORS = Path(__file__).resolve().parents[1] / "vectors" / "tree-math.json"


def test_vectors_match() -> None:
    cases = json.loads(VECTORS.read_text())
    assert len(cases) == 10
    for case in cases:
        n = case["n_leaves"]
        assert tm.node_width(n) == case["n_nodes"]
        assert tm.root(n) == case["root"]
        for i in range(case["n_nodes"]):
            if case["parent"][i] is None:
                assert i == tm.root(n)
            else:
                assert tm.parent(i, n) == case["parent"][i]
                assert tm.sibling(i, n) == case["sibling"][i]
            if case["left"][i] is not None:
                assert tm.left(i) == case["left"][i]
                assert tm.right(i) == case["right"][i]


sizes = st.integers(min_value=0, max_value=12).map(lambda k: 1 << k)


@given(sizes, st.data())
def test_structure_properties(n: int, data: st.DataObject) -> None:
    width = tm.node_width(n)
    x = data.draw(st.integers(min_value=0, max_value=width - 1))
    r = tm.root(n)
    path = tm.direct_path(x, n)
    cop = tm.copath(x, n)
    assert len(path) == len(cop)
    if x == r:
        assert path == ()
    else:
        assert path[-1] == r
        assert path[0] == tm.parent(x, n)
        assert cop[0] == tm.sibling(x, n)
        assert tm.parent(tm.sibling(x, n), n) == tm.parent(x, n)
    for node in path:
        assert tm.is_in_subtree(node, x)
        assert tm.level(node) > tm.level(x)
    for c in cop:
        assert not tm.is_in_subtree(c, x)
    if not tm.is_leaf(x):
        assert tm.parent(tm.left(x), n) == x
        assert tm.parent(tm.right(x), n) == x
        assert tm.level(tm.left(x)) == tm.level(x) - 1


@given(sizes, st.data())
def test_common_ancestor_is_lowest_shared_path_node(n: int, data: st.DataObject) -> None:
    width = tm.node_width(n)
    a = data.draw(st.integers(min_value=0, max_value=width - 1))
    b = data.draw(st.integers(min_value=0, max_value=width - 1))
    ca = tm.common_ancestor(a, b)
    pa = (a, *tm.direct_path(a, n))
    pb = (b, *tm.direct_path(b, n))
    shared = [x for x in pa if x in pb]
    assert ca == shared[0]


def test_leaf_node_conversion() -> None:
    assert tm.leaf_to_node(5) == 10
    assert tm.node_to_leaf(10) == 5
    with pytest.raises(UsageError):
        tm.node_to_leaf(3)
    with pytest.raises(UsageError):
        tm.leaf_to_node(-1)


@pytest.mark.parametrize(
    ("fn", "args"),
    [
        (tm.root, (0,)),
        (tm.root, (3,)),
        (tm.parent, (7, 4)),
        (tm.parent, (3, 4)),  # the root
        (tm.parent, (-1, 4)),
        (tm.sibling, (7, 4)),
        (tm.direct_path, (15, 8)),
        (tm.copath, (-2, 8)),
        (tm.left, (4,)),
        (tm.right, (0,)),
        (tm.level, (-1,)),
        (tm.node_width, (-1,)),
        (tm.log2, (-1,)),
        (tm.is_leaf, (-3,)),
        (tm.common_ancestor, (-1, 2)),
    ],
)
def test_out_of_range_is_typed(fn: object, args: tuple[int, ...]) -> None:
    with pytest.raises(UsageError):
        fn(*args)  # type: ignore[operator]
