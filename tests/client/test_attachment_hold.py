# SPDX-License-Identifier: Apache-2.0
"""An attachment's reference is not sent right after its upload: it is held for a time
drawn from an exponential distribution (docs/padding.md), counted from the upload, so
the relay does not see an upload followed at once by the message that references it.
Checked over the real relay with the engine's clock and random source injected (no
wall-clock timing), and across a crash between the upload and the send."""

from __future__ import annotations

import os
import random
import sqlite3
import time
from pathlib import Path

from client.attachments import HOLD_MAX, HOLD_MEAN, reference_hold
from client.core import Client
from client.engine.settings import ATTACHMENT_HOLD_ENV, EngineSettings
from tests.support.client_venue import Venue

A, B = "alderia-ana", "borduria-ana"
ROOT = Path(__file__).resolve().parents[2]


class Drawn(random.Random):
    """A random source whose exponential draw is fixed (and the rate it was asked for
    recorded), so a test knows the hold without timing anything."""

    def __init__(self, value: float) -> None:
        super().__init__(0)
        self.value = value
        self.rates: list[float] = []

    def expovariate(self, lambd: float = 1.0) -> float:
        self.rates.append(lambd)
        return self.value


def _relay_counts(v: Venue, cid: str) -> tuple[int, int]:
    """(application and handshake messages stored for the channel, blobs stored)."""
    with sqlite3.connect(v.layout.relay_dir / "relay.sqlite3") as conn:
        msgs = conn.execute("SELECT COUNT(*) FROM messages WHERE group_id = ?",
                            (bytes.fromhex(cid),)).fetchone()[0]
        blobs = conn.execute("SELECT COUNT(*) FROM blobs").fetchone()[0]
    return int(msgs), int(blobs)


def _attachments(c: Client, cid: str, name: str) -> list[str]:
    return [m.message_id for m in c.messages(cid, limit=200)
            if m.attachment is not None and m.attachment.file_name == name]


def test_the_hold_is_exponential_and_cut() -> None:
    assert reference_hold(random.Random(1), 0.0) == 0.0  # mean 0: not held
    draws = [reference_hold(random.Random(7 + i)) for i in range(4000)]
    assert max(draws) <= HOLD_MAX and min(draws) >= 0.0
    mean = sum(draws) / len(draws)
    # seeded: deterministic; an exponential of mean 10 cut at 60 averages 9.98
    assert 0.9 * HOLD_MEAN < mean < 1.1 * HOLD_MEAN
    assert EngineSettings.from_env({ATTACHMENT_HOLD_ENV: "3"}).attachment_hold_mean == 3.0
    assert EngineSettings.from_env({}).attachment_hold_mean == HOLD_MEAN


async def test_reference_waits_out_its_drawn_hold_over_the_real_relay(
    venue: Venue, tmp_path: Path,
) -> None:
    v = venue
    a, b = v.client(A), v.client(B)
    await v.sync_all(1)
    cid = await b.create_channel("bilateral", "files", ["alderia"])
    await v.sync_all(1)
    now = [time.time()]
    b.engine.clock = lambda: now[0]
    b.engine.settings = EngineSettings(attachment_hold_mean=10.0, attachment_hold_max=60.0)
    rng = Drawn(25.0)
    b.engine.random = rng
    f = tmp_path / "minutes.txt"
    f.write_bytes(b"minutes " + os.urandom(3000))

    msgs0, blobs0 = _relay_counts(v, cid)
    up = await b.upload_attachment(cid, f)  # as the app does when the user picks a file
    assert _relay_counts(v, cid) == (msgs0, blobs0 + 1)  # the blob is there, no message
    now[0] += 5  # the user types a caption: the hold counts from the upload
    mid = await b.send_uploaded(up, caption="as agreed")
    assert rng.rates == [1 / 10.0]  # drawn from the exponential of the settings' mean
    assert b.message(mid).status == "sending" and b.pending_sends() == 1
    await b.send_text(cid, "a text typed meanwhile goes first")
    now[0] += 19  # 24 s after the upload: still held
    await b.flush()
    await a.sync()
    assert _relay_counts(v, cid)[0] == msgs0 + 1  # only the text reached the relay
    assert not _attachments(a, cid, f.name)
    assert b.pending_sends() == 1
    now[0] += 2  # 26 s after the upload: past the drawn 25 s
    await b.flush()
    assert b.pending_sends() == 0 and b.message(mid).status != "sending"
    await a.sync()
    assert _relay_counts(v, cid)[0] == msgs0 + 2
    assert _attachments(a, cid, f.name) == [mid]
    assert await a.fetch_attachment(mid) == f.read_bytes()
    texts = [m.text for m in a.messages(cid, limit=10)]
    assert texts.index("a text typed meanwhile goes first") < texts.index("as agreed")


def _corridor(v: Venue, home: str, *args: str, env: dict[str, str]) -> int:
    import subprocess
    import sys

    full = {**os.environ, "PYTHONPATH": str(ROOT), "CORRIDOR_PASSPHRASE": v.layout.passphrase,
            "CORRIDOR_INSECURE_FAST_KDF": "1", **env}
    r = subprocess.run([sys.executable, "-m", "ui.cli", *args, "--home",
                        str(v.layout.home(home)), "--json"], env=full, capture_output=True,
                       timeout=120)
    if r.returncode not in (0, -9):
        print(r.stderr.decode()[-2000:])
    return r.returncode


async def test_a_crash_between_upload_and_send_delivers_once_after_restart(
    venue: Venue, tmp_path: Path,
) -> None:
    v = venue
    a, b = v.client(A), v.client(B)
    await v.sync_all(1)
    cid = await b.create_channel("bilateral", "crash", ["alderia"])
    await v.sync_all(1)
    await v.close(B)
    f = tmp_path / "annex.pdf"
    f.write_bytes(b"%PDF annex " + os.urandom(20_000))
    msgs0, blobs0 = _relay_counts(v, cid)
    # `corridor send --attach` killed once the reference is queued, held, not sent
    rc = _corridor(v, B, "send", cid, "the annex", "--attach", str(f),
                   env={ATTACHMENT_HOLD_ENV: "30", "CORRIDOR_CRASH_AT": "reference-held"})
    assert rc == -9
    assert _relay_counts(v, cid) == (msgs0, blobs0 + 1)  # uploaded, nothing sent
    b = v.client(B)  # restarted: the held reference is in its outbox
    assert b.pending_sends() == 1
    later = time.time() + 3600  # past any hold (at most 60 s)
    b.engine.clock = lambda: later
    await b.sync()
    await b.sync()
    assert b.pending_sends() == 0
    await a.sync()
    [mid] = _attachments(a, cid, f.name)
    assert await a.fetch_attachment(mid) == f.read_bytes()
    await v.close(B)
    assert _corridor(v, B, "sync", env={}) == 0
    await a.sync()
    assert _attachments(a, cid, f.name) == [mid]  # exactly once
    assert _relay_counts(v, cid)[0] == msgs0 + 1
