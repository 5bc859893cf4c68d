# SPDX-License-Identifier: Apache-2.0
"""Array-representation tree math (RFC 9420 section 4.1 and Appendix C).

A ratchet tree with ``n`` leaves (``n`` a power of two) is stored left to right in
an array of ``2n - 1`` nodes: leaves sit at even indices, parents at odd ones, and
a node's *level* is the number of trailing one bits of its index::

        level 2:              3
        level 1:      1               5
        level 0:  0       2       4       6      (node indices)
                 L0      L1      L2      L3      (leaf indices)

Every function works on node indices unless its name says ``leaf``. Indices out
of range for the tree size raise :class:`~crypto.errors.UsageError`: callers that
take an index from a peer (a Remove, a sender) check it first and report a
:class:`~crypto.errors.ProtocolError` themselves.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from crypto.errors import UsageError

__all__ = [
    "common_ancestor",
    "copath",
    "direct_path",
    "is_in_subtree",
    "is_leaf",
    "leaf_to_node",
    "left",
    "level",
    "log2",
    "node_to_leaf",
    "node_width",
    "parent",
    "right",
    "root",
    "sibling",
]


def _check_leaves(n_leaves: int) -> None:
    if n_leaves < 1 or n_leaves & (n_leaves - 1):
        raise UsageError("leaf count must be a positive power of two")


def _check_node(x: int, n_leaves: int) -> None:
    _check_leaves(n_leaves)
    if x < 0 or x >= node_width(n_leaves):
        raise UsageError("node index out of range")


def log2(x: int) -> int:
    """Floor of the base-2 logarithm; 0 for 0 (as Appendix C defines it)."""
    if x < 0:
        raise UsageError("log2 of a negative number")
    return max(x.bit_length() - 1, 0)


def level(x: int) -> int:
    """Level of node ``x``: leaves are 0, their parents 1, and so on."""
    if x < 0:
        raise UsageError("negative node index")
    if x & 1 == 0:
        return 0
    return ((x ^ (x + 1)).bit_length()) - 1


def is_leaf(x: int) -> bool:
    """Leaves are the even node indices."""
    if x < 0:
        raise UsageError("negative node index")
    return x & 1 == 0


def node_width(n_leaves: int) -> int:
    """Number of array slots for a tree of ``n_leaves`` leaves."""
    if n_leaves < 0:
        raise UsageError("negative leaf count")
    return 0 if n_leaves == 0 else 2 * (n_leaves - 1) + 1


def leaf_to_node(leaf_index: int) -> int:
    """Node index of leaf ``leaf_index``."""
    if leaf_index < 0:
        raise UsageError("negative leaf index")
    return 2 * leaf_index


def node_to_leaf(x: int) -> int:
    """Leaf index of node ``x``, which must be a leaf."""
    if x < 0 or x & 1:
        raise UsageError("not a leaf node index")
    return x >> 1


def root(n_leaves: int) -> int:
    """Root node index of a tree with ``n_leaves`` leaves."""
    _check_leaves(n_leaves)
    return (1 << log2(node_width(n_leaves))) - 1


def left(x: int) -> int:
    """Left child of parent node ``x``."""
    k = level(x)
    if k == 0:
        raise UsageError("leaf has no children")
    return x ^ (1 << (k - 1))


def right(x: int) -> int:
    """Right child of parent node ``x``."""
    k = level(x)
    if k == 0:
        raise UsageError("leaf has no children")
    return x ^ (3 << (k - 1))


def _parent_unchecked(x: int) -> int:
    k = level(x)
    b = (x >> (k + 1)) & 1
    return (x | (1 << k)) ^ (b << (k + 1))


def parent(x: int, n_leaves: int) -> int:
    """Parent of node ``x``; the root has none."""
    _check_node(x, n_leaves)
    if x == root(n_leaves):
        raise UsageError("root has no parent")
    return _parent_unchecked(x)


def sibling(x: int, n_leaves: int) -> int:
    """The other child of ``x``'s parent."""
    p = parent(x, n_leaves)
    return right(p) if x < p else left(p)


@lru_cache(maxsize=8192)
def _direct_path(x: int, n_leaves: int) -> tuple[int, ...]:
    r = root(n_leaves)
    out: list[int] = []
    while x != r:
        x = _parent_unchecked(x)
        out.append(x)
    return tuple(out)


def direct_path(x: int, n_leaves: int) -> tuple[int, ...]:
    """Parents of ``x`` from its own parent up to and including the root."""
    _check_node(x, n_leaves)
    return _direct_path(x, n_leaves)


@lru_cache(maxsize=8192)
def _copath(x: int, n_leaves: int) -> tuple[int, ...]:
    path = (x, *_direct_path(x, n_leaves))
    out: list[int] = []
    for child, par in pairwise(path):
        out.append(right(par) if child < par else left(par))
    return tuple(out)


def copath(x: int, n_leaves: int) -> tuple[int, ...]:
    """Siblings of ``x`` and of each node of its direct path except the root."""
    _check_node(x, n_leaves)
    return _copath(x, n_leaves)


def is_in_subtree(x: int, y: int) -> bool:
    """Whether node ``y`` lies in the subtree rooted at node ``x`` (``x`` included)."""
    k = level(x)
    if y < 0:
        raise UsageError("negative node index")
    return (x >> (k + 1)) == (y >> (k + 1)) and level(y) <= k


def common_ancestor(x: int, y: int) -> int:
    """Lowest node whose subtree holds both ``x`` and ``y``."""
    if x < 0 or y < 0:
        raise UsageError("negative node index")
    lx, ly = level(x) + 1, level(y) + 1
    if lx <= ly and (x >> ly) == (y >> ly):
        return y
    if ly <= lx and (x >> lx) == (y >> lx):
        return x
    xn, yn, k = x, y, 0
    while xn != yn:
        xn >>= 1
        yn >>= 1
        k += 1
    return (xn << k) + (1 << (k - 1)) - 1
