# SPDX-License-Identifier: Apache-2.0
"""docs/mls-validation.md names, rule by rule, the test that proves it: every named
test must exist, and every rule row must name one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "mls-validation.md"
REF = re.compile(r"`(tests/[\w/]+\.py)::(test_\w+)`")


def _test_functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}


def test_every_rule_row_names_an_existing_test() -> None:
    rows = [line for line in DOC.read_text(encoding="utf-8").splitlines()
            if re.match(r"\| [A-Z]\d+ \|", line)]
    assert len(rows) >= 40
    ids = [row.split("|")[1].strip() for row in rows]
    assert len(ids) == len(set(ids)), "rule ids repeat"
    cache: dict[str, set[str]] = {}
    for row in rows:
        refs = REF.findall(row.split("|")[5])
        assert refs, f"no test named in: {row}"
        for file, name in refs:
            path = ROOT / file
            assert path.is_file(), f"{file} does not exist"
            if file not in cache:
                cache[file] = _test_functions(path)
            assert name in cache[file], f"{file}::{name} does not exist"


def test_the_checker_notices_a_missing_test() -> None:
    assert "test_no_such_thing" not in _test_functions(Path(__file__))
    assert REF.findall("| X1 | 1 | x | y | `tests/crypto/test_a.py::test_b` |") == [
        ("tests/crypto/test_a.py", "test_b")]
