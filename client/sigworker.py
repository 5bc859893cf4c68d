# SPDX-License-Identifier: Apache-2.0
"""The checking child process (``python -m client.sigworker``).

It reads framed requests on stdin and writes ``R`` once ready, then answers in order;
it exits at end of input. A request is a kind byte, an 8-byte id, a 4-byte length and
its data:

* ``S``: a signature batch (:meth:`crypto.framing.SignatureBatch.encode`), answered
  ``S`` + id + a verdict byte (1: every signature verified);
* ``K``: a store's key set for row jobs (:func:`client.rowjobs.encode_keys`); ``F``:
  forget one (its 4-byte number); neither is answered;
* ``J``: a row job (:func:`client.rowjobs.encode_job`), answered ``J`` + id + a 4-byte
  length + the prepared rows (empty when it could not be done here);
* ``C``: drop the queued requests whose 8-byte ids it lists, unanswered (its parent
  did that work itself). Requests are read ahead of the work so a cancel is seen at
  once.

It opens nothing and writes nowhere but its stdout; it checks signatures over content
its parent already decrypted and, since session 8, seals received rows under the
store key its parent hands it (:mod:`client.rowjobs`, docs/threats.md 20). It never
dumps core, so those keys cannot reach a core file.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
from collections import deque
from typing import Final

from crypto.framing import check_encoded

#: a request larger than this is refused unread (a confused parent, not a real one)
MAX_BATCH: Final = 16 << 20
HEAD: Final = 13  # kind, id, length
#: how far below its parent the child runs (CFS weight about a third of the parent's)
NICE: Final = 5


class _Requests:
    """Requests read ahead of the one being worked on, so a cancel (``C``: drop queued
    requests by id, work its parent has done itself) takes effect at once instead of
    after the stale work it cancels."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._buf = bytearray()
        self._queue: deque[tuple[bytes, int, bytes]] = deque()
        self.ended = False  # end of input, or a request no real parent sends

    def _parse(self) -> None:
        buf = self._buf
        while len(buf) >= HEAD and not self.ended:
            size = int.from_bytes(buf[9:HEAD], "big")
            if size > MAX_BATCH:
                self.ended = True
                return
            if len(buf) < HEAD + size:
                return
            kind, ident = bytes(buf[:1]), int.from_bytes(buf[1:9], "big")
            data = bytes(buf[HEAD:HEAD + size])
            del buf[:HEAD + size]
            if kind == b"C":
                drop = {int.from_bytes(data[i:i + 8], "big") for i in range(0, len(data), 8)}
                self._queue = deque(r for r in self._queue if r[1] not in drop)
            else:
                self._queue.append((kind, ident, data))

    def _read(self, wait: bool) -> None:
        while not self.ended:
            if not wait and not select.select([self._fd], [], [], 0)[0]:
                return
            chunk = os.read(self._fd, 1 << 16)
            if not chunk:
                self.ended = True
                return
            self._buf += chunk
            self._parse()
            wait = False

    def next(self) -> tuple[bytes, int, bytes] | None:
        """The next request (cancels applied), waiting for one; None at the end."""
        self._read(wait=False)
        while not self._queue and not self.ended:
            self._read(wait=True)
        return self._queue.popleft() if self._queue else None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def no_core() -> None:
    """No core file of this process, whatever the system's core pattern (a piped
    core handler ignores the size limit; not being dumpable stops it too)."""
    import resource
    with contextlib.suppress(OSError, ValueError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform == "linux":
        import ctypes
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE, 0


def serve(fd_in: int, fd_out: int) -> None:
    """Answer requests until end of input (see the module)."""
    requests = _Requests(fd_in)
    _write_all(fd_out, b"R")
    from client.rowjobs import KeySets  # after "R": while the parent has no batch yet
    keys = KeySets()
    while (request := requests.next()) is not None:
        kind, ident, data = request
        head = kind + ident.to_bytes(8, "big")
        if kind == b"S":
            _write_all(fd_out, head + (b"\x01" if check_encoded(data) else b"\x00"))
            continue
        if kind == b"K":
            keys.add(data)
        elif kind == b"F":
            if len(data) == 4:
                keys.forget(int.from_bytes(data, "big"))
        elif kind == b"J":
            out = keys.run(data)
            _write_all(fd_out, head + len(out).to_bytes(4, "big") + out)
        else:
            return  # not this protocol: a confused parent


def step_aside() -> None:
    """Run below the app's own threads: this is work its parent can also do, and a
    busy second core must not delay the window's thread (or the core's, holding the
    interpreter lock) for it."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(NICE)


if __name__ == "__main__":
    no_core()
    step_aside()
    serve(sys.stdin.fileno(), sys.stdout.fileno())
