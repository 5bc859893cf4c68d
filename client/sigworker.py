# SPDX-License-Identifier: Apache-2.0
"""The signature-checking child process (``python -m client.sigworker``).

It reads framed batches (:meth:`crypto.framing.SignatureBatch.encode`) on stdin and
answers each with its id and a verdict byte on stdout; it writes ``R`` once ready and
exits at end of input. It holds no keys and opens nothing: it only checks signatures
over content its parent already decrypted (:mod:`client.engine.sigchecks`).
"""

from __future__ import annotations

import os
import sys
from typing import Final

from crypto.framing import check_encoded

#: a batch larger than this is refused unread (a confused parent, not a real batch)
MAX_BATCH: Final = 16 << 20


def _read_exact(fd: int, n: int) -> bytes | None:
    out = bytearray()
    while len(out) < n:
        chunk = os.read(fd, n - len(out))
        if not chunk:
            return None
        out += chunk
    return bytes(out)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def serve(fd_in: int, fd_out: int) -> None:
    """Answer batches until end of input: 8-byte id + 4-byte length + batch in,
    8-byte id + verdict byte (1 all verified, 0 not) out."""
    _write_all(fd_out, b"R")
    while True:
        head = _read_exact(fd_in, 12)
        if head is None:
            return
        size = int.from_bytes(head[8:], "big")
        if size > MAX_BATCH:
            return
        data = _read_exact(fd_in, size)
        if data is None:
            return
        _write_all(fd_out, head[:8] + (b"\x01" if check_encoded(data) else b"\x00"))


if __name__ == "__main__":
    serve(sys.stdin.fileno(), sys.stdout.fileno())
