# SPDX-License-Identifier: Apache-2.0
"""The one place where the asyncio world of the client core and the Qt world meet.

The client core runs on its own asyncio loop in a worker thread (:class:`Bridge`).
Decrypting a batch of a thousand messages is synchronous CPU work inside the core; on
the UI thread (even through ``qasync``) it would freeze the window for hundreds of
milliseconds. On a worker loop it only shares the interpreter, which hands the UI
thread back every few milliseconds.

The UI calls :meth:`Bridge.submit` with a function (plain or ``async``) to run on the
core's loop and gets the result back as a callback on the UI thread, through a queued
Qt signal. Core events reach the UI as the :attr:`Bridge.coreEvent` signal. When the app
runs under ``qasync`` (ui/app.py), :meth:`Bridge.call` also lets UI coroutines await
core work. Nothing else in ui/ touches the core's loop.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import logging
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar, overload

from PySide6.QtCore import QObject, Qt, Signal, Slot

if TYPE_CHECKING:
    from client.core import Client
    from client.events import Event

__all__ = ["Bridge"]

log = logging.getLogger("corridor.ui")
T = TypeVar("T")

#: The interpreter's thread switch interval while a bridge runs (CPython's default is
#: 5 ms). The UI thread takes the GIL back every time Qt calls into Python (a model's
#: ``data``, a delegate's ``sizeHint``, a slot); while the core decrypts a catch-up,
#: each of those waits until the core is asked to let go, up to one interval, and with
#: the in-process demo relay as a third busy thread it may lose that race more than
#: once. Measured with bench/bench_ui.py: at 5 ms single event-loop turns needing 1 ms
#: of UI work took 45 ms.
SWITCH_INTERVAL = 0.001
#: What to do with a failure, on the UI thread.
OnError = Callable[[BaseException], None]


class Bridge(QObject):
    """Runs the client core's loop on a thread and carries results and events to Qt."""

    #: (client, [events]) for core events (client.events), delivered on the UI thread in
    #: batches: a catch-up of thousands of messages is a handful of signals, not thousands.
    coreEvent = Signal(object, object)
    #: A failure of submitted work nobody handled (shown in the status bar).
    failed = Signal(str)
    _deliver = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="corridor-core", daemon=True)
        self._ready = threading.Event()
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)
        self.closed = False
        self._running: set[asyncio.Task[object]] = set()
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
        self._thread.start()
        self._ready.wait()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.call_soon(self._ready.set)
        self.loop.run_forever()
        self.loop.close()

    # ------------------------------------------------------------------ calls into the core

    @overload
    def submit(self, fn: Callable[[], Awaitable[T]], on_done: Callable[[T], None] | None = None,
               on_error: OnError | None = None) -> concurrent.futures.Future[T]: ...

    @overload
    def submit(self, fn: Callable[[], T], on_done: Callable[[T], None] | None = None,
               on_error: OnError | None = None) -> concurrent.futures.Future[T]: ...

    def submit(self, fn: Callable[[], Awaitable[T] | T],
               on_done: Callable[[T], None] | None = None,
               on_error: OnError | None = None) -> concurrent.futures.Future[T]:
        """Run ``fn()`` on the core's loop (awaited if it returns an awaitable).

        ``on_done(result)`` or ``on_error(exception)`` then runs on the UI thread. Without
        ``on_error`` a failure is logged and reported through :attr:`failed`.
        """
        return self._submit(fn, on_done, on_error)

    def _submit(self, fn: Callable[[], Awaitable[T] | T],
                on_done: Callable[[T], None] | None = None,
                on_error: OnError | None = None) -> concurrent.futures.Future[T]:


        if self.closed or self.loop.is_closed():
            dead: concurrent.futures.Future[T] = concurrent.futures.Future()
            dead.cancel()  # the core has stopped: nothing runs, nothing is delivered
            return dead

        async def run() -> T:
            # The loop keeps only weak references to its tasks: hold this one until it
            # ends, or a caller that drops the returned future could see the task (and
            # whatever it awaits) garbage-collected half-way.
            task = asyncio.current_task()
            if task is not None:
                self._running.add(task)
            try:
                result = fn()
                if inspect.isawaitable(result):
                    return await result
                return result
            finally:
                if task is not None:
                    self._running.discard(task)

        fut = asyncio.run_coroutine_threadsafe(run(), self.loop)

        def finished(f: concurrent.futures.Future[T]) -> None:
            if f.cancelled():
                return
            exc = f.exception()
            if exc is None:
                if on_done is not None:
                    self._emit_deliver(on_done, f.result())
            elif on_error is not None:
                self._emit_deliver(on_error, exc)
            else:
                log.warning("core work failed: %r", exc)
                self._emit_deliver(self._report, exc)

        fut.add_done_callback(finished)
        return fut

    def _emit_deliver(self, cb: Callable[[T], None], value: T) -> None:
        if not self.closed:
            self._deliver.emit(cb, value)

    def _report(self, exc: BaseException) -> None:
        self.failed.emit(str(exc) or type(exc).__name__)

    @Slot(object, object)
    def _on_deliver(self, cb: Callable[[object], None], value: object) -> None:
        cb(value)

    @overload
    def run_sync(self, fn: Callable[[], Awaitable[T]], timeout: float = 60.0) -> T: ...

    @overload
    def run_sync(self, fn: Callable[[], T], timeout: float = 60.0) -> T: ...

    def run_sync(self, fn: Callable[[], Awaitable[T] | T], timeout: float = 60.0) -> T:
        """Run on the core's loop and wait (start-up, shutdown and tests only)."""
        return self._submit(fn).result(timeout)

    async def call(self, fn: Callable[[], Awaitable[T] | T]) -> T:
        """Await core work from a UI coroutine (the UI thread's loop is qasync's)."""
        fut = self._submit(fn)
        result: T = await asyncio.wrap_future(fut)
        return result

    def forward_events(self, client: Client) -> Callable[[], None]:
        """Subscribe on the core side; each event is re-emitted on the UI thread."""
        pending: list[Event] = []

        def flush() -> None:
            batch = pending[:]
            pending.clear()
            if batch and not self.closed:
                self.coreEvent.emit(client, batch)  # from the core thread: queued to the UI

        def forward(e: Event) -> None:
            if not pending:
                self.loop.call_soon(flush)  # after the engine's whole batch
            pending.append(e)

        return self.run_sync(lambda: client.subscribe(forward))

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the core loop (after its owner closed the client)."""
        if not self._thread.is_alive():
            return
        self.closed = True

        async def cancel_all() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for t in tasks:
                t.cancel()
            if tasks:
                await asyncio.wait(tasks, timeout=timeout)

        try:
            asyncio.run_coroutine_threadsafe(cancel_all(), self.loop).result(timeout + 1)
        except (concurrent.futures.TimeoutError, RuntimeError):
            log.warning("core tasks did not stop in time")
        self.loop.call_soon_threadsafe(self.loop.stop)
        deadline = time.monotonic() + timeout
        self._thread.join(max(0.0, deadline - time.monotonic()))
