"""The relay answers /health, in process and as the real console command on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest
from starlette.testclient import TestClient

from server_stub import __version__
from server_stub.app import create_app
from server_stub.cli import main as relay_main


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_health_in_process() -> None:
    with TestClient(create_app()) as client:
        r = client.get("/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"


def test_relay_refuses_non_loopback_bind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        relay_main(["serve", "--host", "0.0.0.0"])
    assert exc.value.code == 2
    assert "loopback" in capsys.readouterr().err


def test_relay_process_serves_health() -> None:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "server_stub.cli", "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        assert r.status_code == 200
        assert r.json() == {"status": "ok", "version": __version__}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_version_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        relay_main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out
