# SPDX-License-Identifier: Apache-2.0
"""Checks Corridor's MLS against the MLS working group's test vectors.

Each ``check_*.py`` module in this package registers checkers with
:func:`vector_file`; a checker takes one JSON test case (a dict) and raises on any
disagreement. ``python -m crypto.conformance`` discovers the modules, runs every
vector file it recognises (by file name, as in the WG's repository) and prints a
row per file and cipher suite. Checkers are pure functions of the case; only the
command-line module reads files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["CHECKERS", "SUPPORTED_SUITES", "Case", "Checker", "CheckerSpec", "vector_file"]

#: One test-vector case as parsed from JSON: untyped by nature, each checker reads
#: the fields its file defines.
Case = dict[str, Any]
Checker = Callable[[Case], None]

# Cipher suites Corridor implements; cases for other suites are counted as skipped.
SUPPORTED_SUITES = (1, 3)


@dataclass(frozen=True, slots=True)
class CheckerSpec:
    """How to run one vector file: its checker and whether cases carry a suite."""

    file: str
    check: Checker
    suite_key: str | None = "cipher_suite"


CHECKERS: dict[str, CheckerSpec] = {}


def vector_file(
    name: str, *, suite_key: str | None = "cipher_suite"
) -> Callable[[Checker], Checker]:
    """Register ``fn`` as the checker of every case in the vector file ``name``."""

    def register(fn: Checker) -> Checker:
        CHECKERS[name] = CheckerSpec(name, fn, suite_key)
        return fn

    return register
