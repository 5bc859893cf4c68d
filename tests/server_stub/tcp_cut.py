# SPDX-License-Identifier: Apache-2.0
"""A loopback TCP forwarder that can be cut: the database "goes down" for one relay only.

Other tests share the PostgreSQL server, so an outage is simulated between one relay
and the server instead of stopping it: :meth:`Forwarder.down` closes the listening port
and every forwarded connection (the relay sees its connections drop and new ones
refused, as when the server is stopped); :meth:`Forwarder.up` listens again on the same
port.
"""

from __future__ import annotations

import contextlib
import socket
import threading

from tests.support.relay_process import free_port

__all__ = ["Forwarder"]


class Forwarder:
    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self._lock = threading.Lock()
        self._socks: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self.port = free_port()  # this worker's range (tests.support.relay_process)

    def up(self) -> Forwarder:
        srv = socket.socket()
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", self.port))
        srv.listen(64)
        self._listener = srv
        threading.Thread(target=self._accept, args=(srv,), daemon=True).start()
        return self

    def down(self) -> None:
        """Refuse new connections and drop every open one."""
        srv, self._listener = self._listener, None
        if srv is not None:
            with contextlib.suppress(OSError):
                srv.shutdown(socket.SHUT_RDWR)
            srv.close()
        with self._lock:
            socks, self._socks = self._socks, set()
        for s in socks:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def _accept(self, srv: socket.socket) -> None:
        while True:
            try:
                client, _addr = srv.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                if self._listener is not srv:  # cut while connecting
                    client.close()
                    upstream.close()
                    return
                self._socks |= {client, upstream}
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
