# SPDX-License-Identifier: Apache-2.0
"""The offline crisis commands: verify-log, duty sign, meeting calendar (with --json)."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import icalendar
import pytest

from client._cli import Parser, run_guarded
from client.crisis import hotline as hl
from client.crisis.cli import register
from client.crisis.hotline_log import Entry, export_log
from client.crisis.records import LadderStep, Priority, Rung, seal
from crypto import certs
from crypto.certs.keyfile import seal_key
from tests.client.crisis.pki import MIN, T0_MS, MiniVenue


@pytest.fixture(scope="module")
def venue() -> MiniVenue:
    return MiniVenue()


def main(argv: list[str]) -> int:
    """``corridor`` with only the crisis commands (the app's parser adds the rest)."""
    p = Parser(prog="corridor")
    p.add_argument("--json", action="store_true")
    register(p.add_subparsers(dest="command", required=True))
    args = p.parse_args(argv)
    return run_guarded(args.func, args)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, object]:
    code = main(["--json", *argv])
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1]) if out else None


def test_verify_log_command(tmp_path: Path, venue: MiniVenue,
                            capsys: pytest.CaptureFixture[str]) -> None:
    call = hl.new_call(call_id=secrets.token_bytes(16), caller="A/alice", to_mission="B",
                       priority=Priority.FLASH, subject="Flash", sent_at=T0_MS)
    a, b = venue.device("A/alice"), venue.device("B/bob")
    step = LadderStep(call_id=call.call_id, rung=Rung.ACKNOWLEDGED, member="B/bob",
                      at=T0_MS + MIN)
    data = export_log([Entry(seal(call, a.seed), a.chain), Entry(seal(step, b.seed), b.chain)],
                      root_der=venue.root, exporter_chain=a.chain, exporter_seed=a.seed,
                      exported_at=T0_MS + 2 * MIN)
    log, root = tmp_path / "hotline.log", tmp_path / "root.pem"
    log.write_bytes(data)
    root.write_bytes(certs.pem_of(venue.root, "certificate"))
    html = tmp_path / "log.html"
    code, out = _run(capsys, "verify-log", str(log), "--root", str(root), "--html", str(html))
    assert code == 0 and isinstance(out, dict) and out["verified"] is True
    assert out["calls"][0]["ladder"]["state"] == "acknowledged"
    assert "B/bob" in html.read_text()
    # for people: the names the log's verified chains give, the id beside each
    capsys.readouterr()
    assert main(["verify-log", str(log), "--root", str(root)]) == 0
    text = capsys.readouterr().out
    assert "exported by Alice (A/alice)" in text and "FLASH Alice (A/alice) -> B: Flash" in text
    assert "acknowledged: Bob (B/bob) at" in html.read_text()
    bad = bytearray(data)
    bad[len(bad) // 2] ^= 0x10
    log.write_bytes(bytes(bad))
    code, out = _run(capsys, "verify-log", str(log), "--root", str(root))
    assert code == 1 and isinstance(out, dict) and out["verified"] is False


def test_duty_sign_command(tmp_path: Path, venue: MiniVenue,
                           capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    seed, cert = venue.mission("B")
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", "pw")
    monkeypatch.setenv("CORRIDOR_INSECURE_FAST_KDF", "1")
    key = tmp_path / "mission.key"
    key.write_bytes(seal_key(seed, "pw", label="corridor-mission", strength="interactive"))
    spec = {"mission": "B", "revision": 4, "deputy": "B/dora", "head": "B/hugo",
            "disclose_on_duty": True,
            "shifts": [{"starts_at": "2026-12-05T00:00:00+00:00",
                        "ends_at": "2026-12-05T08:00:00+00:00", "on_duty": ["B/bob"]}]}
    src = tmp_path / "roster.json"
    src.write_text(json.dumps(spec))
    out_path = tmp_path / "roster.signed"
    code, out = _run(capsys, "duty", "sign", str(src), "--key", str(key), "--out",
                     str(out_path))
    public = str(out_path) + ".public"
    assert code == 0 and out == {"mission": "B", "revision": 4, "out": str(out_path),
                                 "public": public}
    roster = hl.verify_roster(cert, out_path.read_bytes())
    assert hl.on_duty(roster, T0_MS) == ("B/bob",)
    windows = hl.verify_windows(cert, Path(public).read_bytes())
    assert hl.on_duty_now(windows, T0_MS) and not hl.on_duty_now(windows, T0_MS + 9 * 3600_000)
    assert b"bob" not in Path(public).read_bytes()  # no names for the other side
    src.write_text(json.dumps({**spec, "head": "A/alice"}))
    code, out = _run(capsys, "duty", "sign", str(src), "--key", str(key), "--out",
                     str(tmp_path / "x"))
    assert code == 1 and isinstance(out, dict) and out["error"] == "invalid"
    assert "not a delegate of mission B" in out["message"]


def test_meeting_calendar_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "calendar.json"
    src.write_text(json.dumps([
        {"uid": "pc", "title": "Permanent Council", "starts_at": "2026-12-10T10:00:00+01:00",
         "duration_min": 180, "agenda": "1. Current issues"},
        {"uid": "fsc", "title": "Forum for Security Co-operation", "starts_at": T0_MS,
         "duration_min": 120, "frequency": "weekly", "count": 10}]))
    ics = tmp_path / "venue.ics"
    code, out = _run(capsys, "meeting", "calendar", str(src), "--out", str(ics),
                     "--venue", "Test Forum")
    assert code == 0 and out == {"meetings": 2, "out": str(ics)}
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    assert sorted(str(e["summary"]) for e in cal.walk("VEVENT")) == [
        "Forum for Security Co-operation", "Permanent Council"]
    src.write_text(json.dumps([{"uid": "x"}]))
    code, out = _run(capsys, "meeting", "calendar", str(src), "--out", str(ics))
    assert code == 1 and isinstance(out, dict) and out["error"] == "invalid"
