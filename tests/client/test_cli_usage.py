# SPDX-License-Identifier: Apache-2.0
"""The command line as a delegate meets it: errors in words (JSON with a stable code under
--json), never a traceback, durations, limits in --help, --home everywhere, no home made
by a reading command, one acknowledgement, a sync summary, reading offline. Over a real
relay process where a relay is involved."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from client._cli import CODES, format_duration, parse_duration
from demo.cli import build_parser, main
from tests.support.client_venue import start_venue
from tests.support.json_cli import command_leaves
from tests.support.relay_process import free_port

A, B = "alderia-ana", "borduria-ana"
ROOT = Path(__file__).resolve().parents[2]


class Cli:
    """``corridor`` in-process, with its output captured."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        rc = main(list(argv))
        out, err = self.capsys.readouterr()
        return rc, out, err

    def json(self, *argv: str) -> object:
        rc, out, err = self("--json", *argv)
        assert rc == 0, (out, err)
        return json.loads(out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", "corridor-demo")
    monkeypatch.delenv("CORRIDOR_HOME", raising=False)
    return Cli(capsys)


# ---------------------------------------------------------------------- pure parts


def test_durations_in_every_unit() -> None:
    assert [parse_duration(t) for t in ("30s", "5m", "2h", "7d", "2w", "1h30m", "90")] == [
        30, 300, 7200, 7 * 86400, 14 * 86400, 5400, 90]
    for bad in ("", "5x", "m", "-5m", "5m junk", "1.5h"):
        with pytest.raises(ValueError, match="not a duration"):
            parse_duration(bad)
    assert format_duration(5400) == "1 hour 30 minutes"
    assert format_duration(365 * 86400) == "365 days"


def test_help_states_the_limits(cli: Cli) -> None:
    for argv, needles in ((("send", "--help"), ("32,768 characters", "16 MiB")),
                          (("timer", "--help"), ("30s, 5m, 2h, 7d", "365 days")),
                          (("create-channel", "--help"), ("1 to 200 characters",)),
                          (("read", "--help"), ("newest N",)),
                          (("notice", "new", "--help"), ("2026-05-04T15:30",)),
                          (("exchange", "due", "--help"), ("2026-05-04T15:30", "2000 to 2100")),
                          (("aid", "offer", "--help"), ("1 to 1,000,000,000",))):
        with pytest.raises(SystemExit):
            main(list(argv))
        out = cli.capsys.readouterr().out
        for n in needles:
            assert n in " ".join(out.split()), (argv, n)


def test_every_duration_argument_states_its_range_in_help() -> None:
    """Limits in the same units as the app, in --help, not only in the error."""
    import re

    units = {"second": "s", "minute": "m", "hour": "h", "day": "d", "week": "w"}
    found = 0
    for path, parser in command_leaves(build_parser()):
        for a in parser._actions:
            limits = getattr(a.type, "limits", None)
            if limits is None:
                continue
            found += 1
            text = " ".join((a.help or "").split())
            said = {parse_duration(n + u) for n, u in re.findall(r"(\d+)([smhdw])\b", text)}
            said |= {parse_duration(n + units[u]) for n, u in
                     re.findall(r"(\d+) (second|minute|hour|day|week)s?\b", text)}
            assert set(limits) <= said, (path, a.dest, limits, a.help)
    assert found >= 9


def test_bad_arguments_to_every_subcommand_never_show_a_traceback(
        cli: Cli, tmp_path: Path) -> None:
    """Feeds malformed arguments to every leaf command; each answers with a sentence (or,
    with --json, one JSON object carrying a known code), exit 1 or 2, and makes nothing."""
    missing = tmp_path / "no-such-home"
    junk = ["--bogus", "x" * 70_000, "--limit", "-1", "\x00", "5x", "", "--at", "soon"]
    leaves = list(command_leaves(build_parser()))
    assert len(leaves) >= 24
    seen = 0
    for path, parser in leaves:
        if path == ("demo",):
            continue  # with valid arguments it would build a venue; its usage is below
        takes_home = any("--home" in a.option_strings for a in parser._actions)
        variants = [[], junk[:1], junk[1:2], junk[2:4], junk[4:5], junk[5:6], junk[6:7],
                    junk[7:]]
        for extra in variants:
            for as_json in (False, True):
                argv = (["--json"] if as_json else []) + ["--home", str(missing), *path,
                                                          *extra]
                rc, out, err = cli(*argv)
                seen += 1
                assert "Traceback" not in out + err, argv
                assert rc in (0, 1, 2), (argv, rc)
                if rc and as_json:
                    obj = json.loads(out)
                    assert obj["error"] in CODES and obj["message"], (argv, obj)
                elif rc:
                    assert "error" in err, (argv, err)
                for word in ("ConnectError", "Expected `", "msgspec", "ValueError"):
                    assert word not in out + err, (argv, word)
        assert not missing.exists(), path  # nothing made a home
        assert takes_home or path[0] in ("cert", "demo"), path
    assert seen > 300
    rc, out, _ = cli("--json", "demo", "--data-dir", str(tmp_path / "d"), "--port", "99999")
    assert rc == 2 and json.loads(out)["error"] == "usage"
    assert not (tmp_path / "d").exists()


def test_a_reading_command_never_creates_a_missing_home(cli: Cli, tmp_path: Path) -> None:
    for argv in (("channels",), ("read", "x"), ("search", "x"), ("acks", "abcdef"),
                 ("sync",), ("device", "show"), ("timer", "x")):
        home = tmp_path / "missing"
        rc, out, _err = cli("--json", "--home", str(home), *argv)
        assert rc == 1 and not home.exists(), argv
        assert json.loads(out)["error"] in ("not_found", "refused"), argv
        assert "no device home" in json.loads(out)["message"]


def test_times_are_bounded_and_a_meeting_is_not_convened_in_the_past() -> None:
    import time

    from client.cli_common import parse_when
    from client.errors import UsageError

    now = time.time() * 1000
    assert abs(parse_when("+30m") - now - 1_800_000) < 600_000
    assert parse_when("2026-05-04T15:30+00:00") == 1_777_908_600_000
    assert abs(parse_when("1h ago") - now + 3_600_000) < 600_000
    for bad in ("9" * 30, "+99999999999999999d", "-99999999999999999d", "99999-01-01", "",
                "5x"):
        with pytest.raises(UsageError, match=r"not a time|out of range"):
            parse_when(bad)
    with pytest.raises(UsageError, match="in the past"):
        parse_when("2020-01-01T10:00", future=True)
    assert parse_when("2020-01-01T10:00+00:00") == 1_577_872_800_000  # a record may be past


def test_huge_numbers_bad_times_and_odd_files_are_said_in_words(
        cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Inputs that once ended as "internal error (OverflowError)" or in a library's words:
    refused before anything is opened, with the limit, and a known code under --json."""
    missing = str(tmp_path / "no-such-home")
    big = "9" * 25
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(bytes(range(256)) * 4)
    monkeypatch.setenv("CORRIDOR_UI_CONFIG", str(tmp_path / "ui" / "settings.ini"))
    cases: list[tuple[tuple[str, ...], str, str]] = [
        (("emergency-call", "c", "--at", big, "--agenda", "a", "--place", "p"), "invalid",
         "from 1970 to the year 9999"),
        (("emergency-call", "c", "--at", "+" + big + "d", "--agenda", "a", "--place", "p"),
         "invalid", "out of range"),
        (("emergency-call", "c", "--at", "2020-01-01T10:00", "--agenda", "a", "--place", "p"),
         "invalid", "in the past"),
        (("exchange", "status", big), "usage", "2000 to 2100"),
        (("exchange", "due", "c", "99999", "--by", "+1d"), "usage", "2000 to 2100"),
        (("aid", "offer", "r", "1", big), "usage", "1 to 1000000000"),
        (("aid", "offer", "r", big, "1"), "usage", "1 to 1000"),
        (("mission", "revoke-device", "--serial", big * 3), "usage", "at most 20 bytes"),
        (("send", "c", ""), "invalid", "the text must not be empty"),
        (("timer", "c", "-1m"), "usage", "30s, 5m, 2h, 7d"),
        (("emergency-call", "c", "--at", "-1m", "--agenda", "a"), "usage", "--option=VALUE"),
        (("duty", "sign", str(garbage), "--key", str(garbage), "--out", str(tmp_path / "o")),
         "invalid", "not a duty roster"),
        (("homes", "--forget", str(tmp_path / "never-known")), "not_found",
         "not in the list of known homes"),
    ]
    for argv, code, words in cases:
        rc, out, err = cli("--json", "--home", missing, *argv)
        assert rc in (1, 2) and "Traceback" not in out + err, argv
        obj = json.loads(out)
        assert obj["error"] == code and words in obj["message"], (argv, obj)
        for lib in ("Error", "Expected `", "codec", "Expecting value"):
            assert lib not in obj["message"], (argv, obj)
        rc, out, err = cli("--home", missing, *argv)
        assert rc in (1, 2) and words in " ".join(err.split()), (argv, err)
    assert not Path(missing).exists()


def test_every_failure_is_classified_in_words() -> None:
    from client._cli import classify
    from client.errors import UsageError
    from client.notices.cli import _aid_lines
    from client.notices.records import AidOffer, FormError, validate

    assert classify(OverflowError("can't serialize ints < -2**63")).code == "invalid"
    assert "too large" in classify(OverflowError("x")).message
    raw = UsageError("invalid Text payload: malformed text payload: Expected `str` of "
                     "length >= 1 - at `$.body`")
    assert classify(raw).message == "the text must not be empty"
    with pytest.raises(UsageError, match="at most 1,000,000,000"):
        _aid_lines(["water=" + "9" * 23])
    offer = AidOffer(offer_id=b"o" * 16, request_id=b"r" * 16, line=1, quantity=10**12,
                     member="alderia/ana", at=1)
    with pytest.raises(FormError, match="at most 1,000,000,000"):
        validate(offer)


# ---------------------------------------------------------------------- over a relay


def test_the_command_line_over_a_real_relay(cli: Cli, tmp_path: Path) -> None:
    v = start_venue(tmp_path, missions=2)
    home = {n: str(v.layout.home(n)) for n in (A, B)}
    try:
        rc, _out, err = cli("--home", home[B], "sync")
        assert rc == 0
        assert "No usable OS keyring" not in err  # said once, when the home was made
        made = cli.json("--home", home[A], "create-channel", "bilateral", "--name",
                        "hotline", "--missions", "borduria")
        cid = made["channel_id"]  # type: ignore[index]
        rc, out, _err = cli("--home", home[B], "sync")
        assert rc == 0 and "joined bilateral channel “hotline”" in out
        assert "not available" not in out  # a brand-new channel: nothing earlier to miss
        chans = cli.json("--home", home[B], "channels")
        assert [c["history_note"] for c in chans] == [""]  # type: ignore[union-attr]
        rc, out, err = cli("--home", home[B], "read", cid)
        assert rc == 0 and out == "no messages yet in this channel\n" and not err

        # durations wherever a duration is asked; ranges in the error
        for text, seconds in (("30s", 30), ("5m", 300), ("2h", 7200), ("7d", 604800)):
            cli.json("--home", home[A], "timer", cid, text)
            assert cli.json("--home", home[B], "timer", cid)["seconds"] == seconds  # type: ignore[index]
        again = cli.json("--home", home[A], "timer", cid, "7d")
        assert again["unchanged"] and again["message_id"] is None  # type: ignore[index]
        rc, out, _err = cli("--json", "--home", home[A], "timer", cid, "400d")
        assert rc == 2 and "from 1 second to 365 days" in json.loads(out)["message"]
        cli.json("--home", home[A], "timer", cid, "off")
        cli.json("--home", home[B], "sync")

        # limits before anything is sent, in the units of the help
        rc, _out, err = cli("--home", home[A], "send", cid, "x" * 40_000)
        assert rc == 2 and "at most 32,768" in err
        big = tmp_path / "big.bin"
        with open(big, "wb") as f:
            f.truncate(17 * 1024 * 1024)
        rc, out, _err = cli("--json", "--home", home[A], "send", cid, "file", "--attach",
                            str(big))
        assert rc == 1 and json.loads(out)["error"] == "too_large"
        assert "16 MiB" in json.loads(out)["message"]
        rc, out, _err = cli("--json", "--home", home[A], "create-channel", "bilateral",
                            "--name", "x", "--missions", "nowhere")
        assert rc == 1 and json.loads(out)["error"] == "not_found"
        assert "nowhere" in json.loads(out)["message"]

        # one acknowledgement, however often asked; read --limit counts shown messages
        sent = cli.json("--home", home[A], "send", cid, "please acknowledge", "--ack")
        mid = sent["message_id"]  # type: ignore[index]
        rc, out, _err = cli("--home", home[B], "sync")
        assert "1 new message in “hotline”" in out
        first = cli.json("--home", home[B], "ack", mid)
        second = cli.json("--home", home[B], "ack", mid)
        assert first["ack_id"] and second == {"ack_id": None, "already_acknowledged": True}  # type: ignore[index]
        for _ in range(3):  # receipts and acks are rows too: the newest 1 is still the text
            cli.json("--home", home[A], "read", cid)
        newest = cli.json("--home", home[A], "read", cid, "--limit", "1")
        assert [m["text"] for m in newest] == ["please acknowledge"]  # type: ignore[union-attr]
        status = cli.json("--home", home[A], "acks", mid)
        borduria = next(m for m in status["missions"] if m["mission"] == "borduria")  # type: ignore[index]
        assert borduria["acked_by"] == ["borduria/ana"]
        events = cli.json("--home", home[A], "sync")
        assert set(events) == {"events", "outbox"}  # type: ignore[arg-type]

        # --home for the device and mission commands
        shown = cli.json("--home", home[A], "device", "show")
        assert shown["identity"]["mission_id"] == "alderia"  # type: ignore[index]
        mission_dir = Path(v.layout.missions["alderia"]["dir"])
        request = tmp_path / "req"
        assert main(["--home", str(request), "device", "init", "--delegate-id", "zoe",
                     "--display-name", "Zoe", "--kdf", "interactive"]) == 0
        cert = tmp_path / "zoe.pem"
        signed = cli.json("--home", str(mission_dir), "mission", "sign-device", "--request",
                          str(request / "device-request.pem"), "--days", "12w", "--out",
                          str(cert))
        assert signed["delegate_id"] == "zoe" and cert.exists()  # type: ignore[index]
        rc, _out, err = cli("--home", str(request), "device", "show")
        assert rc == 1 and "no certificate imported" in err and "No usable" not in err

        # reading offline: what the device holds, with a note; writing says why not
        v.relay.stop()
        for argv in (("read", cid), ("channels",), ("search", "acknowledge"),
                     ("acks", mid)):
            rc, out, err = cli("--json", "--home", home[A], *argv)
            assert rc == 0, (argv, out, err)
            assert json.loads(err.strip().splitlines()[-1])["note"] == "offline"
            assert json.loads(out)
        rc, out, err = cli("--home", home[A], "read", cid)
        assert rc == 0 and "please acknowledge" in out and "offline" in err
        rc, out, err = cli("--home", home[A], "status")  # the note, not "ConnectError"
        assert rc == 0 and "offline" in err and "Error" not in err
        rc, out, err = cli("--home", home[A], "search", "acknowledge")
        assert rc == 0 and "[None]" not in out
        rc, out, err = cli("--home", home[A], "watch", "--for", "2s")
        assert "offline (relay unreachable); reconnecting" in out and "Error" not in out
        garbage = tmp_path / "garbage.html"
        garbage.write_bytes(bytes(range(256)))
        rc, out, _err = cli("--json", "--home", home[A], "verify-export", str(garbage))
        assert rc == 1 and json.loads(out)["message"] == (
            "the export does not verify: the file is not a Corridor export (not text)")
        rc, out, _err = cli("--json", "--home", home[A], "edit", mid, "changed")
        assert rc == 1 and json.loads(out)["error"] == "relay_unreachable"
        assert "ConnectError" not in out and v.layout.relay_url in json.loads(out)["message"]
    finally:
        v.relay.stop()


# ---------------------------------------------------------------------- the relay


def _relay(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server_stub.cli", *argv],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT),
                               "CORRIDOR_PASSPHRASE": "a relay passphrase"})


def test_relay_serve_says_address_in_use_and_listening_only_once_bound(
        tmp_path: Path) -> None:
    data = tmp_path / "relay"
    made = _relay("venue", "init", "--data-dir", str(data), "--kdf", "interactive",
                  timeout=120)
    assert made.returncode == 0, made.stderr
    assert (data / "root.pem").exists()
    port = free_port()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", port))
        busy.listen()
        out = _relay("serve", "--data-dir", str(data), "--port", str(port))
        assert out.returncode == 1
        assert f"address in use: 127.0.0.1:{port}" in out.stderr
        assert "listening" not in out.stdout and "Traceback" not in out.stderr
        out = _relay("serve", "--data-dir", str(data), "--port", str(port), "--json")
        assert out.returncode == 1
        assert json.loads(out.stdout)["error"] == "address_in_use"
    out = _relay("serve", "--data-dir", str(tmp_path / "no-venue"), "--port", "0", "--json")
    assert out.returncode == 2 and json.loads(out.stdout)["error"] == "no_venue_root"
    assert "venue init" in json.loads(out.stdout)["message"]
    proc = subprocess.Popen([sys.executable, "-m", "server_stub.cli", "serve", "--data-dir",
                             str(data), "--port", "0", "--json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert proc.stdout is not None
        started = json.loads(proc.stdout.readline())
        assert started["event"] == "listening" and started["port"] > 0
        with socket.create_connection(("127.0.0.1", started["port"]), timeout=5):
            pass  # it was bound when it said so
    finally:
        proc.terminate()
        proc.wait(30)


def test_relay_venue_has_help_text() -> None:
    out = _relay("--help")
    assert out.returncode == 0
    line = next(ln for ln in out.stdout.splitlines() if ln.strip().startswith("venue"))
    assert "venue root" in line
    bad = _relay("serve", "--port", "http")
    assert bad.returncode == 2 and "not a port number" in bad.stderr
    for argv, words in ((("accredit-mission", "--public-key", "k.pem", "--mission-id", "x",
                          "--name", "X", "--out", "x.pem", "--days", "9" * 14),
                         "1 to 36,500 days"),
                        (("revoke", "--serial", "9" * 60), "at most 20 bytes"),
                        (("tls-cert", "--host", "localhost", "--out-cert", "c", "--out-key",
                          "k", "--days", "9" * 14), "1 to 36,500 days")):
        bad = _relay("venue", *argv, "--data-dir", "nowhere")
        assert bad.returncode == 2 and words in bad.stderr, (argv, bad.stderr)
        assert "Traceback" not in bad.stderr
