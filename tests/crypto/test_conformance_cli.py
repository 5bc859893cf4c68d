# SPDX-License-Identifier: Apache-2.0
"""``python -m crypto.conformance``: rows, JSON shape, exit status and --vectors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

VECTORS = Path(__file__).resolve().parents[1] / "vectors"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crypto.conformance", *args],
                          capture_output=True, text=True, timeout=600)


def test_json_rows_and_exit_status() -> None:
    proc = run("--json")
    rows = json.loads(proc.stdout)
    assert rows, "no vector rows"
    for row in rows:
        assert {"file", "suite", "cases", "passed", "failed"} <= set(row)
        assert row["failed"] == 0, row
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_vectors_dir_and_failure_exit(tmp_path: Path) -> None:
    # A tree-math case with a wrong answer must fail and make the command exit non-zero.
    cases = json.loads((VECTORS / "tree-math.json").read_text())[:2]
    cases[1]["root"] = cases[1]["root"] + 1
    (tmp_path / "tree-math.json").write_text(json.dumps(cases))
    proc = run("--json", "--vectors", str(tmp_path))
    rows = json.loads(proc.stdout)
    assert [r["file"] for r in rows] == ["tree-math.json"]
    if rows[0].get("status") == "not yet run":  # before tree math exists nothing can fail
        assert proc.returncode == 0
    else:
        assert rows[0]["failed"] == 1 and rows[0]["passed"] == 1
        assert proc.returncode == 1


def test_missing_dir_is_an_error(tmp_path: Path) -> None:
    proc = run("--vectors", str(tmp_path / "nope"))
    assert proc.returncode == 2
