# SPDX-License-Identifier: Apache-2.0
"""Never silently deaf, never a lost send: the client against a real relay process on
loopback that is killed, restarted, or made to fail sends.

* The relay is SIGKILLed under a client whose push loop runs: ``connected`` drops with
  a ConnectionChanged event, the client reconnects by itself once the relay is back
  on the same port and data, and shows the next message another device sends.
* The relay answers 503 to sends for a while (before storing them, and after storing
  them: a lost answer): every message reaches the other side exactly once, none is
  marked failed.
* A permanent refusal (413 from the relay's own size limit) marks the message failed
  with the relay's reason; it can be retried or discarded.
* Two concurrent syncs and flushes with sends in between never trip the outbox.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from client.core import Client, backoff
from client.events import (
    ConnectionChanged,
    ErrorEvent,
    Event,
    MessageFailed,
    MessageReceived,
)
from client.transport import LoggedDevices
from tests.support.client_venue import Venue, small_venue
from tests.support.waiting import WAIT, until

A, B = "alderia-ana", "borduria-ana"




@pytest.fixture
async def pair(tmp_path: Path) -> AsyncIterator[tuple[Venue, Path]]:
    v, flag = small_venue(tmp_path, faulty=True, env={
        "CORRIDOR_RELAY_MAX_MESSAGE_BYTES": "4096"})
    try:
        yield v, flag
    finally:
        await v.close()
        v.relay.stop()


async def bilateral(v: Venue) -> tuple[Client, Client, str]:
    a, b = v.client(A), v.client(B)
    await v.sync_all(1)
    cid = await a.create_channel("bilateral", "alderia-borduria", ["borduria"])
    await v.sync_all()
    assert any(ch.channel_id == cid for ch in b.channels())
    return a, b, cid


def texts(c: Client, cid: str) -> list[str]:
    return [m.text for m in c.messages(cid, limit=500)]


def test_backoff_is_capped_and_jittered() -> None:
    """The reconnect delay grows, never passes the cap, and is never zero."""
    from client.core import RECONNECT_BASE, RECONNECT_CAP

    lows = [backoff(n, RECONNECT_BASE, RECONNECT_CAP, rng=lambda: 0.0) for n in range(1, 40)]
    highs = [backoff(n, RECONNECT_BASE, RECONNECT_CAP, rng=lambda: 1.0) for n in range(1, 40)]
    assert lows[0] == RECONNECT_BASE / 2 and highs[0] == RECONNECT_BASE
    assert lows == sorted(lows) and max(highs) == RECONNECT_CAP
    assert min(lows) > 0 and max(lows) == RECONNECT_CAP / 2


async def test_relay_killed_and_restarted_client_reconnects_by_itself(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="corridor.client")
    v, _flag = small_venue(tmp_path)
    try:
        a, b, cid = await bilateral(v)
        seen: list[Event] = []
        a.subscribe(seen.append)
        await a.start()
        await until(a.connected.is_set, WAIT, "first connection")
        assert [e for e in seen if isinstance(e, ConnectionChanged)] == [
            ConnectionChanged(True)]

        v.relay.kill9()
        await until(lambda: not a.connected.is_set(), WAIT, "the loss noticed")
        down = [e for e in seen if isinstance(e, ConnectionChanged)][-1]
        assert down.connected is False and down.retry_in is not None

        # while it is down the client stays down (it retries, it does not pretend)
        await asyncio.sleep(1.0)
        assert not a.connected.is_set()

        v.relay.start()  # same port, same data directory
        restarted = time.monotonic()
        await b.send_text(cid, "after the restart")
        await until(lambda: "after the restart" in texts(a, cid), WAIT,
                    "the next message shown after the restart")
        shown = time.monotonic() - restarted
        print(f"message shown {shown:.2f} s after the relay answered again")  # a figure only
        await until(a.connected.is_set, WAIT, "connected again")
        changes = [e.connected for e in seen if isinstance(e, ConnectionChanged)]
        assert changes == [True, False, True]  # one report per change, no flapping
        assert [e for e in seen if isinstance(e, MessageReceived) and not e.own]
        # ordinary network loss: no error event, no traceback in the log
        assert not [e for e in seen if isinstance(e, ErrorEvent)]
        assert not [r for r in caplog.records if r.exc_info], caplog.text
    finally:
        await v.close()
        v.relay.stop()


async def test_silent_link_is_noticed_by_ping(tmp_path: Path) -> None:
    """A relay that stops answering without closing (SIGSTOP: the socket stays open,
    nothing comes back) is counted lost once its pong is missing."""
    import signal

    v, _flag = small_venue(tmp_path)
    a = v.client(A)
    try:
        await a.sync()
        assert isinstance(a.transport.ping_interval, float)
        a.transport.ping_interval = 0.3  # type: ignore[attr-defined]
        a.transport.ping_timeout = 0.5  # type: ignore[attr-defined]
        await a.start()
        await until(a.connected.is_set, WAIT, "first connection")
        assert v.relay.proc is not None
        v.relay.proc.send_signal(signal.SIGSTOP)
        try:
            await until(lambda: not a.connected.is_set(), WAIT, "the silent link noticed")
        finally:
            v.relay.proc.send_signal(signal.SIGCONT)
        await until(a.connected.is_set, WAIT, "connected again after the relay woke up")
    finally:
        await v.close()
        v.relay.stop()


@pytest.mark.parametrize("mode", ["503", "503 after", "429"])
async def test_temporary_refusals_are_retried_and_delivered_once(
        pair: tuple[Venue, Path], mode: str) -> None:
    v, flag = pair
    a, b, cid = await bilateral(v)
    failed: list[Event] = []
    a.subscribe(lambda e: failed.append(e) if isinstance(e, MessageFailed) else None)
    await a.start()
    await until(a.connected.is_set, WAIT, "connected")

    flag.write_text(mode)
    sent = [await a.send_text(cid, f"during the outage {i}") for i in range(5)]
    await asyncio.sleep(1.0)
    assert a.pending_sends() == 5  # all still queued, none given up
    assert all(a.message(m).status == "sending" for m in sent)
    flag.unlink()

    await until(lambda: a.pending_sends() == 0, WAIT, "the outbox drained by the retry loop")
    assert all(a.message(m).status == "sent" for m in sent)
    assert not failed
    await b.sync()
    got = texts(b, cid)
    assert got == [f"during the outage {i}" for i in range(5)]  # once each, in order
    # the relay holds each message once (application messages: PrivateMessage)
    from crypto.messages import MLSMessage

    msgs, _last = await b.transport.messages(bytes.fromhex(cid), 0)
    assert len([m for m in msgs
                if MLSMessage.from_bytes(m.message).private_message is not None]) == 5


async def test_send_without_push_loop_stays_queued_until_next_sync(
        pair: tuple[Venue, Path]) -> None:
    v, flag = pair
    a, b, cid = await bilateral(v)
    flag.write_text("502")
    mid = await a.send_text(cid, "queued through a 502")
    assert a.message(mid).status == "sending" and a.pending_sends() == 1
    await a.sync()  # still failing: still queued, the sync itself does not fail
    assert a.pending_sends() == 1
    flag.unlink()
    await a.sync()
    assert a.pending_sends() == 0 and a.message(mid).status == "sent"
    await b.sync()
    assert texts(b, cid) == ["queued through a 502"]


async def test_permanent_refusal_marks_the_message_failed_with_the_reason(
        pair: tuple[Venue, Path]) -> None:
    v, flag = pair
    a, b, cid = await bilateral(v)
    seen: list[Event] = []
    a.subscribe(seen.append)

    # the relay's own limit (4 KiB here): 413 with its reason
    big = await a.send_text(cid, "x" * 6000)
    view = a.message(big)
    assert view.status == "failed" and "4096 bytes" in view.failed
    assert view.to_json()["status"] == "failed" and view.to_json()["failed"] == view.failed
    ev = [e for e in seen if isinstance(e, MessageFailed)]
    assert [e.message_id.hex() for e in ev] == [big] and "4096 bytes" in ev[0].reason
    assert a.pending_sends() == 0  # out of the outbox: it does not block later sends

    ok = await a.send_text(cid, "small enough")
    assert a.message(ok).status == "sent"

    # a refusal with another reason (injected): retry after it is lifted delivers it
    flag.write_text("403 this device may not post here")
    refused = await a.send_text(cid, "refused once")
    assert a.message(refused).failed == "this device may not post here"
    flag.unlink()
    await a.retry_message(refused)
    assert a.message(refused).status == "sent"

    # discard: gone from this device; only failed messages may be discarded
    with pytest.raises(Exception, match="failed"):
        a.discard_message(ok)
    a.discard_message(big)
    assert big not in [m.message_id for m in a.messages(cid)]

    await b.sync()
    assert texts(b, cid) == ["small enough", "refused once"]


async def test_concurrent_syncs_and_sends_do_not_trip_the_outbox(
        pair: tuple[Venue, Path]) -> None:
    """A send queued while a sync waits on the relay (here: its directory lookup for
    the membership check, where a slow relay leaves the most room) must never be taken
    for the sync's own membership probe; nor may concurrent syncs, flushes and sends."""
    v, _flag = pair
    a, b, cid = await bilateral(v)
    errors: list[Event] = []
    a.subscribe(lambda e: errors.append(e) if isinstance(e, ErrorEvent) else None)

    # (the demo venue has a transparency log: the directory is read with its proofs)
    real_directory = a.transport.logged_devices
    racing: list[asyncio.Task[str]] = []

    async def directory_with_a_send_meanwhile(mission: str | None,
                                              since: int | None) -> LoggedDevices:
        if not racing:  # the user presses Send while the sync waits for the relay
            racing.append(asyncio.get_running_loop().create_task(
                a.send_text(cid, "sent during the sync")))
            await asyncio.sleep(0)
        return await real_directory(mission, since)

    a.transport.logged_devices = directory_with_a_send_meanwhile  # type: ignore[method-assign]
    await a.sync()
    await racing[0]
    a.transport.logged_devices = real_directory  # type: ignore[method-assign]
    assert a.pending_sends() == 0

    async def sends(tag: str) -> None:
        for i in range(6):
            await a.send_text(cid, f"{tag}{i}")
            await asyncio.sleep(0)

    for _round in range(3):
        results = await asyncio.gather(a.sync(), sends("x"), a.flush(), a.sync(), sends("y"),
                                       return_exceptions=True)
        assert not [r for r in results if isinstance(r, BaseException)], results
    await a.sync()
    assert a.pending_sends() == 0 and not errors
    await b.sync()
    got = texts(b, cid)
    assert got[0] == "sent during the sync"
    assert sorted(got[1:]) == sorted(f"{t}{i}" for t in "xy" for i in range(6) for _ in range(3))


def test_cli_send_while_relay_down_queues_and_delivers_once(tmp_path: Path) -> None:
    """``corridor send`` with the relay stopped says "queued" and exits 0; the next
    ``corridor sync`` with the relay back delivers it, and the other side reads it once."""
    import json
    import os
    import subprocess
    import sys

    from tests.support.relay_process import ROOT

    v, _flag = small_venue(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CORRIDOR_PASSPHRASE": v.layout.passphrase,
           "CORRIDOR_INSECURE_FAST_KDF": "1"}

    def corridor(who: str, *argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "ui.cli", argv[0], "--home",
                               str(v.layout.home(who)), *argv[1:]], env=env,
                              capture_output=True, text=True, timeout=120)

    try:
        assert corridor(B, "sync").returncode == 0
        made = corridor(A, "create-channel", "bilateral", "--name", "hotline", "--missions",
                        "borduria", "--json")
        assert made.returncode == 0, made.stderr
        assert corridor(B, "sync").returncode == 0

        v.relay.stop()
        down = corridor(A, "send", "hotline", "sent while the relay was down")
        assert down.returncode == 0, down.stderr
        assert down.stdout.startswith("queued "), down.stdout
        assert "Traceback" not in down.stderr
        down_json = corridor(A, "send", "hotline", "and a second one", "--json")
        assert down_json.returncode == 0, down_json.stderr
        out = json.loads(down_json.stdout)
        assert out["status"] == "queued" and out["queued"] == 2

        v.relay.start()
        synced = corridor(A, "sync", "--json")
        assert synced.returncode == 0, synced.stderr
        assert json.loads(synced.stdout)["outbox"] == 0
        again = corridor(A, "sync", "--json")  # nothing is sent twice
        assert json.loads(again.stdout)["outbox"] == 0
        read = corridor(B, "read", "hotline", "--json")
        assert read.returncode == 0, read.stderr
        assert [m["text"] for m in json.loads(read.stdout)] == [
            "sent while the relay was down", "and a second one"]
        mine = corridor(A, "read", "hotline", "--json", "--no-receipts")
        assert [m["status"] for m in json.loads(mine.stdout)] == ["sent", "sent"]
    finally:
        asyncio.run(v.close())
        v.relay.stop()


def test_cli_watch_shows_the_connection_drop_and_the_next_message(tmp_path: Path) -> None:
    """``corridor watch`` (a terminal waiting for a hotline call) says when the relay is
    lost and when it is back, and prints the next message after a relay restart."""
    import json
    import os
    import queue
    import subprocess
    import sys
    import threading

    from tests.support.relay_process import ROOT

    v, _flag = small_venue(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CORRIDOR_PASSPHRASE": v.layout.passphrase,
           "CORRIDOR_INSECURE_FAST_KDF": "1"}
    lines: queue.Queue[str] = queue.Queue()

    def expect(pred: Callable[[dict[str, object]], bool], what: str,
               timeout: float = WAIT) -> dict[str, object]:
        deadline = time.monotonic() + timeout
        while True:
            try:
                got = json.loads(lines.get(timeout=max(0.01, deadline - time.monotonic())))
            except queue.Empty:
                raise AssertionError(f"corridor watch printed no {what}") from None
            if pred(got):
                return got  # type: ignore[no-any-return]

    async def setup() -> str:
        _a, _b, cid = await bilateral(v)
        await v.close()
        return cid

    cid = asyncio.run(setup())
    proc = subprocess.Popen([sys.executable, "-m", "ui.cli", "watch", "--json", "--for", "60",
                             "--home", str(v.layout.home(A))], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout],  # type: ignore[union-attr]
                     daemon=True).start()
    try:
        expect(lambda e: e["event"] == "ConnectionChanged" and e["connected"] is True,
               "connection")
        v.relay.kill9()
        down = expect(lambda e: e["event"] == "ConnectionChanged", "loss")
        assert down["connected"] is False and down["retry_in"]
        v.relay.start()

        async def send() -> str:
            mid = await v.client(B).send_text(cid, "are you there?")
            await v.close()
            return mid

        mid = asyncio.run(send())
        expect(lambda e: e["event"] == "MessageReceived" and e["message_id"] == mid,
               "message after the restart")
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert "Traceback" not in err, err
    try:  # in words, for a person at a terminal; --for ends it with status 0
        plain = subprocess.run([sys.executable, "-m", "ui.cli", "watch", "--for", "3s",
                                "--home", str(v.layout.home(A))], env=env,
                               capture_output=True, text=True, timeout=60)
    finally:
        v.relay.stop()
    assert plain.returncode == 0, plain.stderr
    assert "connected to the relay" in plain.stdout.splitlines(), plain.stdout
