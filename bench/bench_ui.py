"""UI benchmark: a channel holding 10,000 messages, over the real core and relay.

Prints: time from opening the channel to its first paint (target <= 100 ms), the
longest UI-thread stall while the client catches up 10,000 messages pushed by another
delegate (target <= 50 ms), and the process's memory with that channel open.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py [--messages 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer

from client.ui_support import LiveDemo, demo_kdf
from ui.app import make_app
from ui.bridge import Bridge
from ui.session import open_session
from ui.views.main_window import MainWindow


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class StallMeter:
    """A 5 ms UI-thread timer: the longest gap between ticks is the longest stall."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        return self.worst * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=10_000)
    args = ap.parse_args()
    n = args.messages
    app = make_app()
    bridge = Bridge()
    demo = LiveDemo(Path(tempfile.mkdtemp(prefix="corridor-bench-")), missions=2, delegates=1)
    info = demo.provision()
    names = list(info.layout["homes"])
    sender_name = next(x for x in names if x != info.user)
    bil = demo.channel("bilateral")

    def spin(seconds: float, until: object = None) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            if until is not None and until():  # type: ignore[operator]
                return
            time.sleep(0.002)

    async def open_(name: str, push: bool):  # type: ignore[no-untyped-def]
        s = open_session(info.home(name), demo.relay_url(), passphrase=info.passphrase,
                         kdf=demo_kdf())
        await s.start(push=push)
        return s

    sender = bridge.run_sync(lambda: open_(sender_name, False))

    async def send_many(count: int) -> None:
        for i in range(count):
            sender.client.engine.enqueue_payload(
                bytes.fromhex(bil), __import__("client.payloads", fromlist=["x"]).Text(
                    message_id=os.urandom(16), sent_at=int(time.time() * 1000),
                    body=f"Message {i}: position paper paragraph {i % 37} — comments welcome."))
            if i % 500 == 499:
                await sender.client.flush()
        while sender.client.store.list_outbox(limit=10):
            await sender.client.flush()  # one flush sends at most ten rounds

    # 1) catch-up: the reader is open (synced) before the 10,000 messages are sent
    reader = bridge.run_sync(lambda: open_(info.user, False))
    t = time.perf_counter()
    bridge.run_sync(lambda: send_many(n), timeout=1800)
    print(f"sent {n} messages in {time.perf_counter() - t:.1f} s (setup)")
    bridge.forward_events(reader.client)
    w = MainWindow(bridge, reader)
    w.resize(1200, 800)
    w.show()
    spin(10, lambda: bool(w.current))
    w.open_channel(bil)
    spin(5, lambda: w.conv_model.channel_id == bil)
    meter = StallMeter()
    meter.start()
    t = time.perf_counter()
    fut = bridge.submit(reader.client.sync)
    spin(600, fut.done)
    catch_up = time.perf_counter() - t
    last_text = f"Message {n - 1}:"
    spin(120, lambda: any(r.text.startswith(last_text) for r in w.conv_model.rows())
         and not w._newer_busy and not w._refresh_timer.isActive())
    shown = time.perf_counter() - t
    spin(0.5)
    stall = meter.stop()
    stored = bridge.run_sync(lambda: sum(1 for _m in reader.client.store.iter_messages(
        bytes.fromhex(bil))))

    # 2) open the channel holding them: time to first paint
    other = next(c.channel_id for c in w.channel_model.channels() if c.channel_id != bil)
    w.open_channel(other)
    spin(5, lambda: w.conv_model.channel_id == other)
    spin(0.3)
    samples = []
    for _ in range(5):
        w.open_channel(other)
        spin(5, lambda: w.conv_model.channel_id == other)
        spin(0.1)
        w.first_paint_ms = None
        w.open_channel(bil)
        spin(5, lambda: w.first_paint_ms is not None and w.current == bil)
        samples.append(w.first_paint_ms or float("nan"))
    rss = rss_mib()
    # scroll to the top a few times: older pages arrive lazily
    meter.start()
    for _ in range(5):
        w.conversation.verticalScrollBar().setValue(0)
        spin(1, lambda: not w.conv_model.fetching)
    scroll_stall = meter.stop()

    print(f"catch-up of {n} messages: {catch_up:.1f} s, {stored} stored; newest shown "
          f"after {shown:.1f} s (appended in chunks while following the bottom); "
          f"longest UI-thread stall {stall:.1f} ms (target <= 50 ms)")
    print(f"open a channel holding {stored} messages -> first paint: median "
          f"{sorted(samples)[len(samples) // 2]:.1f} ms, worst {max(samples):.1f} ms "
          f"(target <= 100 ms); rows loaded {w.conv_model.rowCount()}")
    print(f"scrolling back 5 pages: longest UI-thread stall {scroll_stall:.1f} ms")
    print(f"memory with that channel open: {rss:.0f} MiB RSS (whole process: Qt, the core, "
          f"the embedded relay)")
    w.close()
    bridge.run_sync(reader.close)
    bridge.run_sync(sender.close)
    demo.stop()
    bridge.stop()
    os._exit(0)


if __name__ == "__main__":
    asyncio.set_event_loop_policy(None)
    main()
