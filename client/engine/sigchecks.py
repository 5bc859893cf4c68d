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
own child and writes nothing anywhere (the keys it holds since session 8: below). A
frozen bundle, a one-core machine or ``CORRIDOR_SIGCHECK_WORKER=0`` checks in line.

Since session 8 the same child also seals the batch's received rows
(:mod:`client.rowjobs`; since session 9 their search terms wait until after the
catch-up): :meth:`ParallelChecks.add_row` queues a row, which goes to the child with
the next chunk of signatures, and
:meth:`ParallelChecks.take_rows` hands the rows back prepared, in order, for the
receiver to insert in the batch's transaction. Whatever the child has not answered
when it is needed is done here, from the newest back, while the child finishes the
oldest: nobody waits on the other.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import select
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

from client.rowjobs import (
    MAX_KEY_SETS,
    Preparer,
    RowJob,
    decode_answer,
    encode_job,
    encode_keys,
)
from crypto.errors import VerificationError
from crypto.framing import DeferredSignatures, SignatureBatch

__all__ = ["CHUNK", "MIN_BATCH", "DeferredCheckFailed", "ParallelChecks", "forget_keys",
           "parallel_checks", "start_worker"]


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
        self._answers: dict[int, bool | bytes] = {}
        #: requests whose answers are no longer wanted (done here), until they come
        self._abandoned: set[int] = set()
        #: digest of a store key -> its number in the child
        self._key_sets: dict[bytes, int] = {}
        self._next_key_set = 0
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

    def send(self, data: bytes, kind: bytes = b"S") -> int:
        """Send a request (:mod:`client.sigworker`); its id."""
        ident = self._next_id
        self._next_id += 1
        self._write(kind + ident.to_bytes(8, "big") + len(data).to_bytes(4, "big") + data)
        return ident

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._in, view):]
        except OSError as exc:
            self.dead = True
            raise _WorkerGone("the signature worker ended") from exc

    def key_set(self, store_key: bytes) -> int:
        """The number of this store's key in the child, handed over the first time
        (the oldest forgotten beyond :data:`client.rowjobs.MAX_KEY_SETS`). Only a
        digest of the key is kept here."""
        name = _key_name(store_key)
        known = self._key_sets.get(name)
        if known is not None:
            self._key_sets[name] = self._key_sets.pop(name)  # most recently used last
            return known
        number = self._next_key_set
        self._next_key_set += 1
        self._write(b"K" + bytes(8) + _framed(encode_keys(number, store_key)))
        self._key_sets[name] = number
        while len(self._key_sets) > MAX_KEY_SETS:
            self.forget_key_set(next(iter(self._key_sets)))
        return number

    def forget_key_set(self, name: bytes) -> None:
        known = self._key_sets.pop(name, None)
        if known is not None:
            self._write(b"F" + bytes(8) + _framed(known.to_bytes(4, "big")))

    def _absorb(self, data: bytes) -> None:
        buf = self._buf
        buf += data
        while len(buf) >= 10:
            kind, ident = buf[:1], int.from_bytes(buf[1:9], "big")
            answer: bool | bytes
            if kind == b"S":
                answer = buf[9] == 1
                del buf[:10]
            elif kind == b"J":
                if len(buf) < 13:
                    return
                end = 13 + int.from_bytes(buf[9:13], "big")
                if len(buf) < end:
                    return
                answer = bytes(buf[13:end])
                del buf[:end]
            else:  # not this protocol: trust nothing more from it
                self.dead = True
                buf.clear()
                return
            if ident in self._abandoned:
                self._abandoned.discard(ident)
            else:
                self._answers[ident] = answer

    def poll(self) -> None:
        """Take in the answers already written (never waits)."""
        try:
            while not self.dead and select.select([self._out], [], [], 0)[0]:
                chunk = os.read(self._out, 1 << 16)
                if not chunk:
                    self.dead = True
                self._absorb(chunk)
        except OSError:
            self.dead = True

    def answered(self, ident: int) -> bool:
        return ident in self._answers

    def cancel(self, ident: int) -> None:
        """Have the child drop this queued request (its work is done here)."""
        self._write(b"C" + bytes(8) + _framed(ident.to_bytes(8, "big")))

    def abandon(self, idents: list[int]) -> None:
        """Drop the answers to these requests, those in and those still to come (their
        work was done here)."""
        for ident in idents:
            if self._answers.pop(ident, None) is None:
                self._abandoned.add(ident)

    def answer(self, ident: int) -> bool | bytes | None:
        """The answer already in for request ``ident``, taken; None if it is not in yet."""
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


def _key_name(key: bytes) -> bytes:
    return hashlib.blake2b(key, digest_size=16, person=b"corridor-keyset").digest()


def _framed(data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + data


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


class _Sent:
    """A request to the child, ``S`` (a signature batch) or ``J`` (rows): its id
    (None: never sent, done here), its work, and its result once known (the child's
    answer, or the same work done here)."""

    __slots__ = ("ident", "kind", "result", "work")

    def __init__(self, kind: bytes, ident: int | None, work: object) -> None:
        self.kind = kind
        self.ident = ident
        self.work = work
        self.result: object = None


class ParallelChecks:
    """One channel batch's deferred signature checks, its received rows and the
    effects that wait on them."""

    __slots__ = ("_failed", "_key_set", "_later", "_preparer", "_ready_rows", "_rows",
                 "_sent", "_worker", "deferred")

    def __init__(self, worker: _Worker, rows: bytes | None = None) -> None:
        """``rows``: the store key to seal received rows with (:meth:`add_row`), or
        None to leave rows to the receiver."""
        self._worker = worker
        self.deferred = DeferredSignatures()
        self._sent: list[_Sent] = []  # in the order sent
        self._later: list[Callable[[], None]] = []
        self._rows: list[tuple[RowJob, object]] = []  # queued, not sent yet
        self._ready_rows: list[tuple[object, bytes]] = []  # (info, sealed column)
        self._failed = False
        self._preparer: Preparer | None = None
        self._key_set: int | None = None
        if rows is not None:
            self._preparer = Preparer(rows)
            with contextlib.suppress(_WorkerGone):
                self._key_set = worker.key_set(rows)

    @property
    def takes_rows(self) -> bool:
        """Whether :meth:`add_row` may be used."""
        return self._preparer is not None

    def opened(self) -> None:
        """After a message was opened: send a full chunk (and the rows queued since
        the last) to the worker, or check it here when the worker is behind (a busy
        machine: never wait on it).

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
        behind = sum(1 for x in self._sent if x.kind == b"S" and x.ident is not None
                     and not worker.answered(x.ident))
        if behind >= MAX_BEHIND or worker.dead:
            try:
                batch.run()
            except VerificationError as exc:
                raise DeferredCheckFailed(str(exc)) from None
            return
        # one that cannot be sent is never reported checked: settle() then fails and
        # the batch is redone in line
        with contextlib.suppress(_WorkerGone):
            self._sent.append(_Sent(b"S", worker.send(batch.encode()), batch))
        self._send_rows()

    def add_row(self, job: RowJob, info: object) -> None:
        """Queue a received row to be prepared beside this thread; ``info`` comes back
        with it from :meth:`take_rows`."""
        self._rows.append((job, info))

    def _send_rows(self) -> None:
        rows, self._rows = self._rows, []
        if not rows:
            return
        ident = None
        if self._key_set is not None and not self._worker.dead:
            with contextlib.suppress(_WorkerGone):
                ident = self._worker.send(
                    encode_job(self._key_set, [job for job, _info in rows]), b"J")
        self._sent.append(_Sent(b"J", ident, rows))

    def take_rows(self) -> list[tuple[object, bytes]]:
        """Every row queued so far, prepared, in the order queued, with its ``info``
        (those of a :meth:`settle` before it too)."""
        if self._rows:  # the last few, never sent: prepared here first
            self._sent.append(_Sent(b"J", None, self._rows))
            self._rows = []
        jobs = [x for x in self._sent if x.kind == b"J"]
        if jobs:
            self._sent = [x for x in self._sent if x.kind != b"J"]
            self._meet(jobs)
            self._collect(jobs)
        out, self._ready_rows = self._ready_rows, []
        return out

    def _collect(self, jobs: list[_Sent]) -> None:
        for x in jobs:
            if x.kind == b"J":
                assert isinstance(x.work, list) and isinstance(x.result, list)
                self._ready_rows.extend(
                    (info, row) for (_job, info), row in zip(x.work, x.result, strict=True))

    def _here(self, x: _Sent) -> None:
        """Do a request's work on this thread."""
        if x.kind == b"J":
            assert self._preparer is not None and isinstance(x.work, list)
            x.result = self._preparer.prepare([job for job, _info in x.work])
        elif not self._failed:
            assert isinstance(x.work, SignatureBatch)
            try:
                x.work.run()
            except VerificationError:
                self._failed = True

    def _took(self, x: _Sent, answer: bool | bytes) -> bool:
        """Take the child's answer; False if it is of no use (then done here)."""
        if x.kind == b"J":
            assert isinstance(x.work, list)
            x.result = (decode_answer(answer, len(x.work)) if isinstance(answer, bytes)
                        else None)
            return x.result is not None
        if not isinstance(answer, bool):
            return False
        assert isinstance(x.work, SignatureBatch)
        x.work.report(answer)
        return True

    def _meet(self, sent: list[_Sent]) -> None:
        """Resolve every request of ``sent``: the child's answers from the oldest on,
        this thread's own work from the newest back, until they meet; the child is
        told to drop what was done here."""
        worker = self._worker
        front, back = 0, len(sent) - 1
        while front <= back:
            x = sent[front]
            if x.ident is None or worker.dead:
                self._here(x)
                front += 1
                continue
            worker.poll()
            answer = worker.answer(x.ident)
            if answer is not None:
                x.ident = None  # answered: nothing more to come for it
                if not self._took(x, answer):
                    self._here(x)
                front += 1
                continue
            y = sent[back]
            if y.ident is not None and not worker.dead:
                with contextlib.suppress(_WorkerGone):
                    worker.cancel(y.ident)  # before the work: the child skips it
            self._here(y)
            back -= 1
            # a chunk's work holds the interpreter lock throughout; let a waiting thread
            # (the app's window) have it now rather than at the next switch interval
            time.sleep(0)
        # the answers not taken (done here) are dropped, now or when they come
        worker.abandon([x.ident for x in sent if x.ident is not None])

    def later(self, effect: Callable[[], None]) -> None:
        """Run ``effect`` once every check so far has passed (dropped if one fails)."""
        self._later.append(effect)

    def settle(self) -> None:
        """Check what is left here, take the worker's verdicts (checking here, from
        the newest back, what it has not answered yet), prepare the rows queued so
        far (:meth:`take_rows` hands them out), then run the waiting effects.

        Raises:
            DeferredCheckFailed: a signature did not verify, or the worker is gone.
        """
        tail = self.deferred.take()
        if tail is not None:
            self._sent.append(_Sent(b"S", None, tail))
        if self._rows:
            self._sent.append(_Sent(b"J", None, self._rows))
            self._rows = []
        sent, self._sent = self._sent, []
        # the tail (never sent) first, while the worker finishes what came before it
        self._meet(sent)
        self._collect(sent)
        if self._failed or not self.deferred.settled:
            self._later = []
            self._ready_rows = []
            raise DeferredCheckFailed("a deferred signature check failed or did not run")
        effects, self._later = self._later, []
        for effect in effects:
            effect()


def start_worker() -> bool:
    """Start the checking process ahead of a catch-up (it takes a few tenths of a
    second); whether it is ready now."""
    return _ready_worker() is not None


def parallel_checks(batch_len: int, rows: bytes | None = None) -> ParallelChecks | None:
    """Checks for a batch of ``batch_len`` messages, or None to check in line;
    ``rows`` as :class:`ParallelChecks` takes them."""
    if batch_len < MIN_BATCH:
        return None
    worker = _ready_worker()
    return None if worker is None else ParallelChecks(worker, rows)


def forget_keys(store_key: bytes) -> None:
    """Have the child forget a store's keys (the store is closing)."""
    with _lock:
        worker = _worker
    if worker is not None and not worker.dead:
        with contextlib.suppress(_WorkerGone):
            worker.forget_key_set(_key_name(store_key))
