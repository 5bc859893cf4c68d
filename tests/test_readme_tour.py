# SPDX-License-Identifier: Apache-2.0
"""The README's "Walk-through: a venue by hand", run exactly as written (each
``corridor`` / ``corridor-relay`` command as a subprocess, passphrases from
CORRIDOR_PASSPHRASE), then the leave a new user would do: if a README command is wrong,
this fails, and the README is what gets fixed.

Substituted only: the relay's port (a free loopback port instead of 8470), the root
fingerprint placeholder (from ``venue init``'s output) and ``MESSAGE_ID`` (from
``send``'s output); ``leave`` runs without a terminal, so it is given ``--yes`` (it
would ask otherwise)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.support.relay_process import free_port

ROOT = Path(__file__).resolve().parent.parent
ENTRY = {"corridor": "demo.cli", "corridor-relay": "server_stub.cli"}


def tour_commands() -> list[list[str]]:
    """The walk-through's shell block as argv lists (continuations joined, comments
    dropped, ``a && b`` split; a trailing ``&`` kept as the last word)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Walk-through: a venue by hand", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    out: list[list[str]] = []
    for line in block.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        cmd: list[str] = []
        for w in words:
            if w == "&&":
                out.append(cmd)
                cmd = []
            else:
                cmd.append(w)
        if cmd:
            out.append(cmd)
    return out


def test_readme_tour(tmp_path: Path) -> None:
    cmds = tour_commands()
    assert cmds and all(c[0] in ENTRY for c in cmds), cmds
    port = free_port()
    env = {**os.environ, "CORRIDOR_PASSPHRASE": "a tour passphrase", "PYTHONPATH": str(ROOT),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "CORRIDOR_INSECURE_FAST_KDF": "1"}
    found: dict[str, str] = {}
    relay: subprocess.Popen[bytes] | None = None

    def argv(cmd: list[str]) -> list[str]:
        args = []
        for w in cmd[1:]:
            w = w.replace("8470", str(port))
            if w == "<the 64 hex digits or 32 words>":
                w = found["fingerprint"]
            if w == "MESSAGE_ID":
                w = found["message_id"]
            args.append(w)
        code = f"from {ENTRY[cmd[0]]} import main; raise SystemExit(main())"
        return [sys.executable, "-c", code, *args]

    def run(cmd: list[str]) -> str:
        if "leave" in cmd and "--yes" not in cmd:
            cmd = [*cmd, "--yes"]  # no terminal here to answer the question
        p = subprocess.run(argv(cmd), cwd=tmp_path, env=env, capture_output=True,
                           text=True, timeout=120, stdin=subprocess.DEVNULL)
        assert p.returncode == 0, f"{shlex.join(cmd)}\n{p.stdout}\n{p.stderr}"
        return p.stdout

    try:
        for cmd in cmds:
            if cmd[-1] == "&":
                relay = subprocess.Popen(argv(cmd[:-1]), cwd=tmp_path, env=env,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                _wait_ready(port, relay)
                continue
            out = run(cmd)
            if cmd[1:3] == ["venue", "init"]:
                lines = out.splitlines()  # the hex fingerprint: the line after its title
                at = next(i for i, x in enumerate(lines) if x.startswith("fingerprint"))
                found["fingerprint"] = lines[at + 1].strip()
            if "send" in cmd:
                found["message_id"] = re.findall(r"sent ([0-9a-f]{16,})", out)[0]
        assert relay is not None, "the walk-through starts no relay"

        # the hotline message arrived and was acknowledged (and stays readable after
        # the leave)
        read = json.loads(run(["corridor", "--home", "bernd", "read", "fra-deu", "--json"]))
        assert [m["text"] for m in read] == ["Hotline: please acknowledge"]
        acks = json.loads(run(["corridor", "--home", "alice", "acks", found["message_id"],
                               "--json"]))
        assert acks["pending"] == [] and any(
            "deu/bernd" in m["acked_by"] for m in acks["missions"])

        # the delegate left the channel (the walk-through's last command)
        chans = json.loads(run(["corridor", "--home", "bernd", "channels", "--json"]))
        assert [c["left"] for c in chans] == [True]
        run(["corridor", "--home", "alice", "sync"])
        chans = json.loads(run(["corridor", "--home", "alice", "channels", "--json"]))
        assert chans[0]["devices"] == 1 and not chans[0]["routing_warning"]
    finally:
        if relay is not None:
            relay.terminate()
            relay.wait(timeout=30)


def _wait_ready(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("the relay did not start")
