# SPDX-License-Identifier: Apache-2.0
"""The relay answers /health, in process and as the real console command on loopback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from server_stub import __version__
from server_stub.admission import NoVenueRoot
from server_stub.app import create_app
from server_stub.cli import EXTRA_COMMANDS, _bind, build_parser, register
from server_stub.cli import main as relay_main
from server_stub.settings import Settings
from tests.support.relay_process import ROOT, RelayProcess, in_process


async def test_health_in_process(tmp_path: Path) -> None:
    async with in_process(Settings(data_dir=tmp_path)) as relay:
        r = await relay.http.get("/health")
        assert r.status_code == 200
        assert r.json()["status"] == "ok"
        assert (tmp_path / "relay.sqlite3").exists()


def test_relay_refuses_non_loopback_bind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        relay_main(["serve", "--host", "0.0.0.0"])
    assert exc.value.code == 2
    assert "loopback" in capsys.readouterr().err


def test_relay_process_serves_health(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path).start()
    try:
        r = httpx.get(relay.url + "/health", timeout=5)
        assert r.status_code == 200
        assert r.json() == {"status": "ok", "version": __version__}
    finally:
        relay.stop()


async def test_served_connections_send_without_waiting_for_acks() -> None:
    """The socket ``serve`` binds makes asyncio turn Nagle off on every connection it
    accepts: with Nagle on, a response written in two parts (headers, body) waited for
    the client's delayed ACK, 40 ms a request on loopback."""
    import asyncio
    import socket

    sock = _bind(build_parser().parse_args(["serve", "--port", "0"]))
    assert sock is not None
    seen: list[int] = []

    async def accepted(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        seen.append(w.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP,
                                                         socket.TCP_NODELAY))
        w.close()

    server = await asyncio.start_server(accepted, sock=sock)
    async with server:
        _r, w = await asyncio.open_connection("127.0.0.1", sock.getsockname()[1])
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.01)
        w.close()
    assert seen and seen[0] != 0


def test_version_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        relay_main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["--help"], ["serve", "--help"], ["venue", "--help"]])
def test_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        relay_main(argv)
    assert exc.value.code == 0
    assert "usage: corridor-relay" in capsys.readouterr().out


def test_serve_refuses_to_start_without_a_venue_root(tmp_path: Path) -> None:
    """No root.pem: nobody could ever register, so the relay does not serve at all."""
    empty = tmp_path / "empty"
    out = subprocess.run(
        [sys.executable, "-m", "server_stub.cli", "serve", "--port", "1",
         "--data-dir", str(empty)],
        capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)}, timeout=60,
    )
    assert out.returncode == 2
    assert (f"no venue root in {empty}: run `corridor-relay venue init --data-dir {empty}` "
            "first") in out.stderr
    assert "Traceback" not in out.stderr and "listening" not in out.stdout
    assert not (empty / "relay.sqlite3").exists()  # refused before opening any store
    with pytest.raises(NoVenueRoot):
        create_app(Settings(data_dir=empty))
    (tmp_path / "root.pem").write_text("-----BEGIN CERTIFICATE-----\nnope\n")
    with pytest.raises(NoVenueRoot, match="unreadable venue root"):
        create_app(Settings(data_dir=tmp_path))


def test_token_command_is_gone(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        relay_main(["token", "create"])
    assert exc.value.code == 2
    assert "invalid choice: 'token'" in capsys.readouterr().err


def test_extra_commands_can_be_registered(capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[str] = []

    def add(p: object) -> None:
        p.add_argument("--flag")  # type: ignore[attr-defined]

    def run(args: object) -> int:
        calls.append(args.flag)  # type: ignore[attr-defined]
        return 7

    register("zz-test", add, run)
    try:
        assert "zz-test" in build_parser().format_help()
        assert relay_main(["zz-test", "--flag", "x"]) == 7
        assert calls == ["x"]
    finally:
        EXTRA_COMMANDS[:] = [c for c in EXTRA_COMMANDS if c[0] != "zz-test"]


def test_venue_commands_are_listed_not_registered_by_import() -> None:
    """Importing server_stub.venue changes nothing; the relay's CLI names it itself."""
    import server_stub.venue  # noqa: F401

    assert all(name != "venue" for name, _a, _r in EXTRA_COMMANDS)
    assert "venue" in build_parser().format_help()


def test_module_entry_point_sees_extension_commands() -> None:
    """``python -m server_stub.cli`` lists the relay's own commands and the registered
    ones, like the console script does (the registry must not be a second copy of the
    module)."""
    build_parser()
    names = {n for n, _a, _r in EXTRA_COMMANDS}
    out = subprocess.run([sys.executable, "-m", "server_stub.cli", "--help"], check=True,
                         capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)}).stdout
    for name in names | {"serve", "venue"}:
        assert name in out
    assert "token" not in out
