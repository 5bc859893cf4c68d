# SPDX-License-Identifier: Apache-2.0
"""``python -m crypto.conformance [--json] [--vectors DIR]``: run the WG test vectors."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NotRequired, TypedDict

from crypto.conformance import CHECKERS, SUPPORTED_SUITES, CheckerSpec

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "tests" / "vectors"

# Every vector file of the WG's repository that Corridor knows by name.
KNOWN_FILES = (
    "tree-math.json", "crypto-basics.json", "secret-tree.json", "message-protection.json",
    "key-schedule.json", "psk_secret.json", "transcript-hashes.json", "welcome.json",
    "tree-operations.json", "tree-validation.json", "treekem.json", "messages.json",
    "deserialization.json", "passive-client-welcome.json",
    "passive-client-handling-commit.json", "passive-client-random.json",
)


class Row(TypedDict):
    """One line of the report: a vector file's cases of one suite."""

    file: str
    suite: int | None
    cases: int
    passed: int
    failed: int
    not_run: int
    status: NotRequired[str]


def load_checkers() -> None:
    for mod in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if mod.name.startswith("check_"):
            importlib.import_module(f"{__package__}.{mod.name}")


def spec_for(name: str) -> CheckerSpec | None:
    if name in CHECKERS:
        return CHECKERS[name]
    # Any file in the passive-client format runs with that checker.
    if name.startswith("passive-client") and "passive-client-welcome.json" in CHECKERS:
        return CHECKERS["passive-client-welcome.json"]
    return None


def run_file(path: Path, verbose: bool) -> list[Row]:
    spec = spec_for(path.name)
    cases = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(cases, list):
        cases = [cases]
    if spec is None:
        return [{"file": path.name, "suite": None, "cases": len(cases), "passed": 0,
                 "failed": 0, "not_run": len(cases), "status": "not yet run"}]
    rows: dict[int | None, Row] = {}
    for case in cases:
        suite = case.get(spec.suite_key) if spec.suite_key else None
        row = rows.setdefault(suite, {"file": path.name, "suite": suite, "cases": 0,
                                      "passed": 0, "failed": 0, "not_run": 0})
        row["cases"] += 1
        if suite is not None and suite not in SUPPORTED_SUITES:
            row["not_run"] += 1
            continue
        try:
            spec.check(case)
        except Exception as exc:
            row["failed"] += 1
            if verbose:
                print(f"FAIL {path.name} suite={suite}: {type(exc).__name__}: {exc}",
                      file=sys.stderr)
                traceback.print_exc(file=sys.stderr)
        else:
            row["passed"] += 1
    out = []
    for row in sorted(rows.values(), key=lambda r: -1 if r["suite"] is None else r["suite"]):
        if row["suite"] is not None and row["suite"] not in SUPPORTED_SUITES:
            row["status"] = "suite not supported"
        else:
            row["status"] = "fail" if row["failed"] else "pass"
        out.append(row)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m crypto.conformance",
                                description="Run the MLS WG test vectors against Corridor.")
    p.add_argument("--vectors", type=Path, default=DEFAULT_DIR, help="folder of vector files")
    p.add_argument("--json", action="store_true", help="print rows as a JSON list")
    p.add_argument("--verbose", "-v", action="store_true", help="print each failure")
    p.add_argument("--only", action="append", default=[], help="run only this file name")
    args = p.parse_args(argv)
    load_checkers()
    if not args.vectors.is_dir():
        print(f"error: {args.vectors} is not a directory", file=sys.stderr)
        return 2
    files = sorted(f for f in args.vectors.glob("*.json")
                   if (f.name in KNOWN_FILES or spec_for(f.name) is not None)
                   and (not args.only or f.name in args.only))
    rows: list[Row] = []
    for f in files:
        rows.extend(run_file(f, args.verbose))
    if args.json:
        print(json.dumps([{"file": r["file"], "suite": r["suite"], "cases": r["cases"],
                           "passed": r["passed"], "failed": r["failed"],
                           "status": r["status"]} for r in rows], indent=2))
    else:
        print(f"{'file':38} {'suite':>5} {'cases':>6} {'passed':>6} {'failed':>6}  status")
        for r in rows:
            suite = "-" if r["suite"] is None else str(r["suite"])
            print(f"{r['file']:38} {suite:>5} {r['cases']:>6} {r['passed']:>6} "
                  f"{r['failed']:>6}  {r['status']}")
    failed = sum(r["failed"] for r in rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
