# SPDX-License-Identifier: Apache-2.0
"""UI benchmark: a channel holding 10,000 messages, over the real core and relay.

Prints: time from opening the channel to its first paint (target <= 100 ms), the
longest UI-thread stall while the client catches up 10,000 messages pushed by another
delegate (target <= 50 ms), and the process's memory with that channel open.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py [--messages 10000]
        [--trace-stalls] [--profile-ui FILE]

``--trace-stalls`` explains the long gaps: for each gap over 30 ms, wall time against
the UI thread's own CPU time in it (a gap with little CPU is the UI thread waiting for
the interpreter lock), stack samples of the UI and core threads taken by a watchdog
thread, and garbage collections of 5 ms or more (with the thread that ran them).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gc
import os
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The sender posts 10,000 messages as fast as it can: lift the relay's per-device rate
# limit (as bench_client.py does), or refused sends are dropped and never arrive.
os.environ.setdefault("CORRIDOR_RELAY_RATE_PER_SECOND", "100000")
os.environ.setdefault("CORRIDOR_RELAY_RATE_BURST", "100000")

# First, as the app does (ui/cli.py) before it imports the rest: otherwise PySide6 keeps
# the source of every module imported after Qt in memory (see ui/qtfix.py).
from ui.qtfix import forget_module_sources

forget_module_sources()

from PySide6.QtCore import QTimer  # noqa: E402

from demo.live import LiveDemo, demo_kdf  # noqa: E402
from ui.app import make_app  # noqa: E402
from ui.bridge import Bridge  # noqa: E402
from ui.session import open_session  # noqa: E402
from ui.views.main_window import MainWindow  # noqa: E402


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class StallMeter:
    """A 5 ms UI-thread timer: the longest gap between ticks is the longest stall.

    With ``trace=True`` a watchdog thread samples the stacks of the UI thread and of the
    core's thread (``sys._current_frames()``) every few milliseconds while a gap is
    longer than ``threshold`` ms, so a report says where each long stall was spent.
    """

    def __init__(self, trace: bool = False, threshold: float = 30.0) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0
        self.gaps: list[tuple[float, float]] = []  # (gap, UI-thread CPU in it), ms
        self.windows: list[tuple[float, float, float]] = []  # (start, end, gap ms)
        self.cpu = 0.0
        self.trace = trace
        self.threshold = threshold / 1000
        self.samples: collections.Counter[tuple[str, str]] = collections.Counter()
        self._ui_ident = threading.get_ident()
        self.collections: list[tuple[str, int, float]] = []  # (thread, generation, ms)
        self._gc_start = 0.0
        self._stop = threading.Event()
        self._dog: threading.Thread | None = None

    def start(self) -> None:
        self.last = time.perf_counter()
        self.cpu = time.thread_time()
        self.worst = 0.0
        self.gaps = []
        self.timer.start()
        if self.trace:
            gc.callbacks.append(self._gc)
            self.collections = []
            self._stop.clear()
            self._dog = threading.Thread(target=self._watch, name="stall-watchdog",
                                         daemon=True)
            self._dog.start()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gap = now - self.last
        self.worst = max(self.worst, gap)
        if gap > self.threshold:
            self.gaps.append((gap * 1000, (cpu - self.cpu) * 1000))
            self.windows.append((self.last, now, gap * 1000))
        self.last, self.cpu = now, cpu

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
            return
        ms = (time.perf_counter() - self._gc_start) * 1000
        if ms >= 5:
            self.collections.append((threading.current_thread().name, info["generation"], ms))

    def _watch(self) -> None:
        while not self._stop.wait(0.004):
            if time.perf_counter() - self.last < self.threshold:
                continue
            frames = sys._current_frames()
            ui = frames.get(self._ui_ident)
            core = next((f for t in threading.enumerate() if t.name == "corridor-core"
                         and (f := frames.get(t.ident or 0)) is not None), None)
            self.samples[(_where(ui), _where(core))] += 1

    def stop(self) -> float:
        self.timer.stop()
        self._stop.set()
        if self._dog is not None:
            self._dog.join()
            self._dog = None
            gc.callbacks.remove(self._gc)
        return self.worst * 1000

    def report(self, top: int = 8) -> str:
        lines = [f"gaps over {self.threshold * 1000:.0f} ms: {len(self.gaps)}; "
                 "each as wall/UI-thread CPU ms: "
                 + ", ".join(f"{g:.0f}/{c:.0f}" for g, c in sorted(self.gaps, reverse=True)[:12])]
        lines.append(f"garbage collections of 5 ms or more: {len(self.collections)}: " + ", ".join(
            f"{name} gen{gen} {ms:.0f} ms" for name, gen, ms in self.collections[:12]))
        total = sum(self.samples.values())
        for (ui, core), n in self.samples.most_common(top):
            lines.append(f"  {n}/{total} samples\n    UI:   {ui}\n    core: {core}")
        return "\n".join(lines)


def _where(frame: object, depth: int = 4) -> str:
    """The innermost frames of a stack, innermost first (repo files only, if any)."""
    if frame is None:
        return "-"
    stack = traceback.extract_stack(frame)  # type: ignore[arg-type]
    ours = [f for f in stack if "/site-packages/" not in f.filename
            and "/lib/python" not in f.filename] or stack
    return " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}"
                      for f in reversed(ours[-depth:]))


class TurnLog:
    """With ``--trace-stalls``: times the UI thread's entry points (bridge callbacks,
    event batches, refreshes, the delegate's size hints and paints), so a long gap can
    be attributed (printed with the gaps)."""

    def __init__(self) -> None:
        self.entries: list[tuple[float, str, float, float]] = []  # (end, name, wall, cpu)

    def wrap(self, cls: type, name: str, label: str | None = None) -> None:
        orig = getattr(cls, name)
        log = self.entries

        def timed(*a: object, **k: object) -> object:
            t, c = time.perf_counter(), time.thread_time()
            try:
                return orig(*a, **k)
            finally:
                end = time.perf_counter()
                what = label or name
                if name == "_on_deliver" and len(a) > 1:
                    what = getattr(a[1], "__qualname__", "callback")
                log.append((end, what, (end - t) * 1000, (time.thread_time() - c) * 1000))

        setattr(cls, name, timed)

    def within(self, start: float, end: float) -> str:
        agg: dict[str, list[float]] = {}
        for t, name, wall, cpu in self.entries:
            if start <= t <= end:
                a = agg.setdefault(name, [0, 0.0, 0.0])
                a[0] += 1
                a[1] += wall
                a[2] += cpu
        top = sorted(agg.items(), key=lambda kv: -kv[1][1])[:6]
        return "; ".join(f"{n} x{int(c)} {w:.0f}/{u:.0f} ms" for n, (c, w, u) in top)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=10_000)
    ap.add_argument("--trace-stalls", action="store_true",
                    help="sample both threads' stacks during UI-thread gaps over 30 ms")
    ap.add_argument("--profile-ui", metavar="FILE",
                    help="cProfile the UI thread during the catch-up into FILE")
    args = ap.parse_args()
    n = args.messages
    app = make_app()
    turns = TurnLog()
    if args.trace_stalls:
        from ui.delegates.message import MessageDelegate

        turns.wrap(Bridge, "_on_deliver")
        turns.wrap(MainWindow, "_on_event")
        turns.wrap(MainWindow, "_refresh")
        turns.wrap(MessageDelegate, "sizeHint")
        turns.wrap(MessageDelegate, "paint")
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
    meter = StallMeter(trace=args.trace_stalls)
    prof = None
    if args.profile_ui:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
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
    if prof is not None:
        prof.disable()
        prof.dump_stats(args.profile_ui)
    if args.trace_stalls:
        print(meter.report())
        for start, end, ms in sorted(meter.windows, key=lambda x: -x[2])[:6]:
            print(f"  in the {ms:.0f} ms gap (wall/CPU): {turns.within(start, end)}")
    stored = bridge.run_sync(lambda: sum(1 for _m in reader.client.store.iter_messages(
        bytes.fromhex(bil))))

    # 2) open the channel holding them: time to first paint
    other = next(c.channel_id for c in w.channel_model.channels() if c.channel_id != bil)
    w.open_channel(other)
    spin(5, lambda: w.conv_model.channel_id == other)
    spin(0.3)
    samples = []
    paint_meter = StallMeter(trace=args.trace_stalls)
    paint_meter.start()
    for _ in range(5):
        w.open_channel(other)
        spin(5, lambda: w.conv_model.channel_id == other)
        spin(0.1)
        w.first_paint_ms = None
        w.open_channel(bil)
        spin(5, lambda: w.first_paint_ms is not None and w.current == bil)
        samples.append(w.first_paint_ms or float("nan"))
    paint_meter.stop()
    if args.trace_stalls:
        print("while opening the channel:", paint_meter.report())
    rss = rss_mib()
    # scroll to the top a few times: older pages arrive lazily
    meter.start()
    for _ in range(5):
        w.conversation.verticalScrollBar().setValue(0)
        spin(1, lambda: not w.conv_model.fetching)
    scroll_stall = meter.stop()

    print(f"catch-up of {n} messages: {catch_up:.1f} s, {stored} stored; newest shown "
          f"after {shown:.1f} s (a backlog shows the newest page, then new ones append); "
          f"longest UI-thread stall {stall:.1f} ms (target <= 50 ms)")
    print(f"open a channel holding {stored} messages -> first paint: median "
          f"{sorted(samples)[len(samples) // 2]:.1f} ms, worst {max(samples):.1f} ms "
          f"(target <= 100 ms; each: {', '.join(f'{x:.1f}' for x in samples)}); rows loaded "
          f"{w.conv_model.rowCount()}")
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
