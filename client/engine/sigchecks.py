# SPDX-License-Identifier: Apache-2.0
"""A catch-up's signature checks on the second core.

The Ed25519 check is the largest single cost of a received message (about 54 µs of
130 on the project machine, docs/benchmarks.md). For a long batch of one channel the
receiver opens each message as before but has
:class:`crypto.framing.DeferredSignatures` collect the signature checks;
:class:`ParallelChecks` sends them in chunks to a child process
(:mod:`client.sigworker`) while the receiver goes on storing, and settles them all
before anything is kept: before a commit is processed and before the group's state
is saved (the group itself refuses to serialize until then). A failed check, or a
worker that died, raises :class:`DeferredCheckFailed`: the receiver rolls the batch
back and processes it again with every check in line, so a forged message is refused
exactly as it would have been, its key kept. Effects that leave the store
transaction (key-transparency gossip) wait until the checks pass.

Why a process and not a thread: PyNaCl releases the interpreter lock during the
check, but a thread needs the lock back between checks and gets it only at the
interpreter's switch interval (5 ms), so a checking thread mostly waits. The child
gets the signed content (the messages' plaintext) over a pipe: it is this process's
own child, holds no key and writes nothing anywhere. A frozen bundle, a one-core
machine or ``CORRIDOR_SIGCHECK_WORKER=0`` checks in line.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import select
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Final

from crypto.errors import VerificationError
from crypto.framing import DeferredSignatures, SignatureBatch

__all__ = ["CHUNK", "MIN_BATCH", "DeferredCheckFailed", "ParallelChecks", "parallel_checks",
           "start_worker"]

#: A batch of one channel at least this long has its checks run beside it; a pushed
#: message or two is checked in line (a process hop would only add latency).
MIN_BATCH: Final = 32
#: Checks sent at a time. Small, so the last chunk of a 200-message slice is answered
#: by the time the slice is settled (with 48, a quarter of all checks were run a second
#: time here, at settle); a hand-over (encode, one write) costs less than one check.
CHUNK: Final = 16
#: Chunks the worker may have unanswered (96 checks); beyond, this thread checks the
#: next itself.
MAX_BEHIND: Final = 6


class DeferredCheckFailed(Exception):  # a signal for the receiver, never shown
    """A set-aside signature check failed (or could not run): undo the batch and redo
    it checking in line. Neither a ClientError nor a CryptoError, so no per-message
    handler turns it into a refused message."""


class _WorkerGone(Exception):
    pass


class _Worker:
    """The child process and its pipes; one per process, used by one thread at a time."""

    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parents[2])  # where ``client`` is importable
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "client.sigworker"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, close_fds=True)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self._in = self.proc.stdin.fileno()
        self._out = self.proc.stdout.fileno()
        if sys.platform == "linux":  # room for every chunk in flight
            import fcntl
            with contextlib.suppress(OSError):
                fcntl.fcntl(self._in, fcntl.F_SETPIPE_SZ, 1 << 20)
        self._ready = False
        self._next_id = 0
        self._buf = bytearray()
        self._answers: dict[int, bool] = {}
        self.dead = False

    def ready(self) -> bool:
        """Whether the child has started (never waits)."""
        if not self._ready and not self.dead:
            try:
                if select.select([self._out], [], [], 0)[0]:
                    self._ready = self._read(1) == b"R"
                    self.dead = not self._ready
            except (OSError, _WorkerGone):
                self.dead = True
        return self._ready and not self.dead

    def _read(self, n: int) -> bytes:
        out = bytearray()
        while len(out) < n:
            chunk = os.read(self._out, n - len(out))
            if not chunk:
                raise _WorkerGone("the signature worker ended")
            out += chunk
        return bytes(out)

    def send(self, data: bytes) -> int:
        ident = self._next_id
        self._next_id += 1
        view = memoryview(ident.to_bytes(8, "big") + len(data).to_bytes(4, "big") + data)
        try:
            while view:
                view = view[os.write(self._in, view):]
        except OSError as exc:
            self.dead = True
            raise _WorkerGone("the signature worker ended") from exc
        return ident

    def _absorb(self, data: bytes) -> None:
        buf = self._buf
        buf += data
        while len(buf) >= 9:
            self._answers[int.from_bytes(buf[:8], "big")] = buf[8] == 1
            del buf[:9]

    def poll(self) -> None:
        """Take in the answers already written (never waits)."""
        try:
            while not self.dead and select.select([self._out], [], [], 0)[0]:
                chunk = os.read(self._out, 4096)
                if not chunk:
                    self.dead = True
                self._absorb(chunk)
        except OSError:
            self.dead = True

    def answered(self, ident: int) -> bool:
        return ident in self._answers

    def forget_through(self, ident: int) -> None:
        """Drop answers up to ``ident`` (batches settled without them)."""
        for done in [k for k in self._answers if k <= ident]:
            del self._answers[done]

    def answer(self, ident: int) -> bool | None:
        """The answer already in for batch ``ident``, taken; None if it is not in yet."""
        return self._answers.pop(ident, None)

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.proc.stdin.close()  # type: ignore[union-attr]
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        with contextlib.suppress(OSError):
            self.proc.stdout.close()  # type: ignore[union-attr]


_worker: _Worker | None = None
_lock = threading.Lock()


def _enabled() -> bool:
    # POSIX only: select() on pipes; elsewhere the checks stay in line
    return ((os.cpu_count() or 1) >= 2 and not getattr(sys, "frozen", False)
            and os.name == "posix"
            and os.environ.get("CORRIDOR_SIGCHECK_WORKER", "1") != "0")


def _ready_worker() -> _Worker | None:
    """The started child, or None while it starts (or if it cannot run here)."""
    global _worker
    with _lock:
        if _worker is None or _worker.dead:
            if _worker is not None or not _enabled():
                return None  # one that died is not restarted: checks stay in line
            try:
                _worker = _Worker()
            except OSError:
                return None
            atexit.register(_worker.stop)
        return _worker if _worker.ready() else None


class ParallelChecks:
    """One channel batch's deferred signature checks and the effects that wait on them."""

    __slots__ = ("_later", "_sent", "_worker", "deferred")

    def __init__(self, worker: _Worker) -> None:
        self._worker = worker
        self.deferred = DeferredSignatures()
        self._sent: list[tuple[int, SignatureBatch]] = []
        self._later: list[Callable[[], None]] = []

    def opened(self) -> None:
        """After a message was opened: send a full chunk to the worker, or check it
        here when the worker is behind (a busy machine: never wait on it).

        Raises:
            DeferredCheckFailed: a chunk checked here did not verify.
        """
        if self.deferred.open_count < CHUNK:
            return
        batch = self.deferred.take()
        if batch is None:
            return
        worker = self._worker
        worker.poll()
        behind = sum(1 for ident, _b in self._sent if not worker.answered(ident))
        if behind >= MAX_BEHIND or worker.dead:
            try:
                batch.run()
            except VerificationError as exc:
                raise DeferredCheckFailed(str(exc)) from None
            return
        # one that cannot be sent is never reported checked: settle() then fails and
        # the batch is redone in line
        with contextlib.suppress(_WorkerGone):
            self._sent.append((worker.send(batch.encode()), batch))

    def later(self, effect: Callable[[], None]) -> None:
        """Run ``effect`` once every check so far has passed (dropped if one fails)."""
        self._later.append(effect)

    def settle(self) -> None:
        """Check what is left here, take the worker's verdicts (checking here any
        chunk it has not answered yet), then run the waiting effects.

        Raises:
            DeferredCheckFailed: a signature did not verify, or the worker is gone.
        """
        tail = self.deferred.take()
        sent, self._sent = self._sent, []
        ok = True
        if tail is not None:
            try:
                tail.run()  # while the worker finishes the chunks before it
            except VerificationError:
                ok = False
        worker = self._worker
        worker.poll()
        for ident, batch in sent:
            if not ok:
                break
            verdict = worker.answer(ident)
            if verdict is not None:
                batch.report(verdict)
                continue
            try:  # not answered yet (a busy machine): checked here, not waited for
                batch.run()
            except VerificationError:
                ok = False
        if sent:
            worker.forget_through(sent[-1][0])
        if not ok or not self.deferred.settled:
            self._later = []
            raise DeferredCheckFailed("a deferred signature check failed or did not run")
        effects, self._later = self._later, []
        for effect in effects:
            effect()


def start_worker() -> bool:
    """Start the checking process ahead of a catch-up (it takes a few tenths of a
    second); whether it is ready now."""
    return _ready_worker() is not None


def parallel_checks(batch_len: int) -> ParallelChecks | None:
    """Checks for a batch of ``batch_len`` messages, or None to check in line."""
    if batch_len < MIN_BATCH:
        return None
    worker = _ready_worker()
    return None if worker is None else ParallelChecks(worker)
