# SPDX-License-Identifier: Apache-2.0
"""A private D-Bus session bus with a fake freedesktop notification server on it, for
tests that must see what a real desktop would be asked to show."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

NAME = "org.freedesktop.Notifications"


@dataclass
class Seen:
    notify: list[tuple[Any, ...]] = field(default_factory=list)
    closed: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


@contextmanager
def session_bus() -> Iterator[str]:
    """Start a session bus (dbus-daemon) and point DBUS_SESSION_BUS_ADDRESS at it."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        raise RuntimeError("dbus-daemon is needed for this test")
    proc = subprocess.Popen([daemon, "--session", "--nofork", "--print-address=1"],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        address = proc.stdout.readline().strip()
        old = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
        try:
            yield address
        finally:
            if old is None:
                os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
            else:
                os.environ["DBUS_SESSION_BUS_ADDRESS"] = old
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextmanager
def notification_server() -> Iterator[Seen]:
    """Own org.freedesktop.Notifications on the session bus and record every call."""
    from jeepney import MessageType, new_method_return
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    seen = Seen()
    conn = open_dbus_connection(bus="SESSION")
    reply = conn.send_and_get_reply(message_bus.RequestName(NAME))
    assert reply.body[0] == 1, "could not own the notification service name"
    stop = threading.Event()

    def serve() -> None:
        next_id = 0
        while not stop.is_set():
            try:
                msg = conn.receive(timeout=0.2)
            except TimeoutError:
                continue
            except OSError:
                return
            if msg.header.message_type != MessageType.method_call:
                continue
            member = msg.header.fields.get(3)  # HeaderFields.member
            with seen.lock:
                if member == "Notify":
                    seen.notify.append(tuple(msg.body))
                    next_id = msg.body[1] or next_id + 1
                    conn.send(new_method_return(msg, "u", (next_id,)))
                elif member == "CloseNotification":
                    seen.closed.append(int(msg.body[0]))
                    conn.send(new_method_return(msg))
                else:
                    conn.send(new_method_return(msg))

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    try:
        yield seen
    finally:
        stop.set()
        t.join(timeout=5)
        conn.close()
