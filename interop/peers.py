# SPDX-License-Identifier: Apache-2.0
"""Start and stop interop clients on loopback: Corridor's and mlspp's.

Each client is a child process listening on 127.0.0.1 at a free port; it is stopped
by its own process id (SIGTERM, then SIGKILL after a grace period).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .runner import Client

__all__ = ["PEER_ENV", "Peer", "free_port", "start_corridor", "start_mlspp"]

PEER_ENV = "CORRIDOR_MLSPP_CLIENT"
_REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Peer:
    """A running client process and its connection."""

    process: subprocess.Popen[bytes]
    client: Client

    def stop(self) -> None:
        self.client.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def _start(argv: list[str], *, timeout: float, env: dict[str, str] | None = None) -> Peer:
    port = free_port()
    argv = [a.replace("{port}", str(port)) for a in argv]
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,  # noqa: S603
                            stderr=subprocess.DEVNULL, cwd=_REPO, env=env)
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{argv[0]} exited with {proc.returncode} before serving")
        try:
            client = Client.connect(f"127.0.0.1:{port}", timeout=2.0)
            return Peer(proc, client)
        except Exception as exc:
            last = exc
            time.sleep(0.2)
    proc.kill()
    proc.wait(timeout=5)
    raise RuntimeError(f"{argv[0]} did not serve on 127.0.0.1:{port} ({last})")


def start_corridor(*, timeout: float = 60.0) -> Peer:
    """``python -m interop --port PORT`` in a child process."""
    return _start([sys.executable, "-m", "interop", "--port", "{port}"], timeout=timeout,
                  env=dict(os.environ))


def start_mlspp(binary: str | os.PathLike[str], *, timeout: float = 30.0) -> Peer:
    """``mlspp_client -live PORT -host 127.0.0.1`` in a child process."""
    return _start([str(binary), "-live", "{port}", "-host", "127.0.0.1"], timeout=timeout)
