# SPDX-License-Identifier: Apache-2.0
"""Every atheris decoder target runs a bounded number of inputs and exits cleanly.

Each target runs in its own subprocess (libFuzzer runs once per process); a crash
(any exception other than DecodeError, or a re-encoding mismatch) exits non-zero.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("atheris")

SCRIPT = Path(__file__).resolve().parents[2] / "fuzz" / "fuzz_decoders.py"
RUNS = 2000


def fuzz(target: str, tmp: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    seed_dir = tmp / f"seeds-{target}"
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--target", target, "--seed-dir", str(seed_dir),
         f"-runs={RUNS}", "-seed=1", "-max_len=4096", f"-artifact_prefix={tmp}/", *extra],
        capture_output=True, text=True, timeout=120, cwd=tmp)


def list_targets() -> list[str]:
    proc = subprocess.run([sys.executable, str(SCRIPT), "--list"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.split()


def test_every_target_survives_bounded_fuzzing(tmp_path: Path) -> None:
    targets = list_targets()
    assert {"mls_message", "key_package", "welcome", "group_info", "commit", "proposal",
            "leaf_node", "ratchet_tree", "group_secrets",
            "private_message_content", "leaf_node_rules", "key_package_rules",
            "group_context_rules", "proposal_rules", "ratchet_tree_rules",
            "external_senders_rules", "group_secrets_rules"} <= set(targets)
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = dict(zip(targets, pool.map(lambda t: fuzz(t, tmp_path), targets)))
    for target, proc in results.items():
        assert proc.returncode == 0, f"{target}: {proc.stderr[-3000:]}"
        # libFuzzer may finish a batch past -runs ("Done 2037 runs"): at least RUNS ran
        done = re.search(r"Done (\d+) runs", proc.stderr)
        assert done and int(done.group(1)) >= RUNS, f"{target}: {proc.stderr[-1000:]}"
        assert any((tmp_path / f"seeds-{target}").iterdir()), target
    assert not list(tmp_path.glob("crash-*"))


def test_a_crashing_input_fails_the_run(tmp_path: Path) -> None:
    proc = fuzz("sender_data", tmp_path, "--canary")
    assert proc.returncode != 0
    assert "RuntimeError: canary" in proc.stdout + proc.stderr
    assert list(tmp_path.glob("crash-*"))
