# SPDX-License-Identifier: Apache-2.0
"""Checker for ``tree-math.json`` (RFC 9420 Appendix C array tree math)."""

from __future__ import annotations

from collections.abc import Callable

from crypto.conformance import Case, vector_file
from crypto.errors import UsageError
from crypto.tree import treemath as tm

__all__ = ["check_tree_math"]


def _opt(fn: Callable[..., int], *args: int) -> int | None:
    try:
        return int(fn(*args))
    except UsageError:
        return None


@vector_file("tree-math.json", suite_key=None)
def check_tree_math(case: Case) -> None:
    """Compare node count, root and each node's left/right/parent/sibling."""
    n = int(case["n_leaves"])
    width = tm.node_width(n)
    if width != case["n_nodes"]:
        raise AssertionError("n_nodes mismatch")
    if tm.root(n) != case["root"]:
        raise AssertionError("root mismatch")
    for key, fn in (("left", tm.left), ("right", tm.right)):
        got = [_opt(fn, i) for i in range(width)]
        if got != case[key]:
            raise AssertionError(f"{key} mismatch")
    for key, fn2 in (("parent", tm.parent), ("sibling", tm.sibling)):
        got = [_opt(fn2, i, n) for i in range(width)]
        if got != case[key]:
            raise AssertionError(f"{key} mismatch")
