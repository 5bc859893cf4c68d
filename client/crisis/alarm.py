# SPDX-License-Identifier: Apache-2.0
"""The hotline alarm: a call to this device's mission rings until a person acknowledges.

:class:`Alarm` decides, from the calls ringing on this device (the desk's
:meth:`~client.crisis.desk.Desk.tick`) and the clock, which notifications to raise
again and which to withdraw: a ringing call is notified at once and then again every
``repeat`` seconds of its priority (30 s for flash), with critical urgency; a call
acknowledged by anyone of the mission, on any device, is withdrawn at the next tick on
every device. The decision is pure; showing it is a :class:`Notifier`'s job.

:class:`DesktopNotifier` speaks the freedesktop notification protocol on the session
bus (``org.freedesktop.Notifications``) with urgency *critical* and no expiry, which
notification servers show over do-not-disturb where they allow it, with an
*Acknowledge* action and a sound hint. The app adds the window's attention request
and a repeating sound; the command line's ``hotline watch`` uses the notifier alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Final, Protocol

from client.crisis.book import CallView
from client.crisis.records import Priority

__all__ = ["REPEAT", "Alarm", "DesktopNotifier", "Notifier", "Ring"]

#: Seconds between repeats of an unacknowledged call's alarm, per priority.
REPEAT: Final[dict[Priority, float]] = {Priority.FLASH: 30.0, Priority.URGENT: 60.0,
                                        Priority.ROUTINE: 300.0}


@dataclass(frozen=True, slots=True)
class Ring:
    """One notification to show (again) now."""

    call_id: bytes
    title: str
    body: str
    critical: bool
    count: int  # how many times this call has rung here, this one included
    #: the freedesktop sound theme's name the notification server plays
    sound: str = "phone-incoming-call"


class Notifier(Protocol):
    def notify(self, ring: Ring, replaces: int) -> int: ...
    def withdraw(self, notification_id: int) -> None: ...


@dataclass
class Alarm:
    """Which calls to ring now; remembers when each last rang on this device."""

    last: dict[bytes, float] = field(default_factory=dict)
    count: dict[bytes, int] = field(default_factory=dict)
    shown: dict[bytes, int] = field(default_factory=dict)  # call id -> notification id

    def due(self, ringing: Iterable[CallView], now: float,
            label: Callable[[str], str] = str) -> tuple[list[Ring], list[bytes]]:
        """(rings to show now, calls whose notification to withdraw); the caller written
        by ``label`` (the certificate's name beside the id)."""
        rings: list[Ring] = []
        live = set()
        for v in ringing:
            cid = v.call.call_id
            live.add(cid)
            last = self.last.get(cid)
            if last is not None and now - last < REPEAT[v.call.priority]:
                continue
            self.last[cid] = now
            self.count[cid] = self.count.get(cid, 0) + 1
            rings.append(Ring(
                cid, f"{v.call.priority.upper()} hotline call from {label(v.call.caller)}",
                f"{v.call.subject}\n{v.escalation.summary(int(now * 1000))}",
                v.call.priority is not Priority.ROUTINE, self.count[cid]))
        gone = [cid for cid in list(self.last) if cid not in live]
        for cid in gone:
            del self.last[cid]
        return rings, gone

    def run(self, notifier: Notifier, ringing: Iterable[CallView], now: float,
            label: Callable[[str], str] = str) -> list[Ring]:
        """Show what is due and withdraw what was acknowledged; returns the rings."""
        rings, gone = self.due(ringing, now, label)
        for r in rings:
            self.shown[r.call_id] = notifier.notify(r, self.shown.get(r.call_id, 0))
        for cid in gone:
            nid = self.shown.pop(cid, 0)
            if nid:
                notifier.withdraw(nid)
        return rings


class DesktopNotifier:
    """freedesktop notifications on the session bus (jeepney), critical urgency."""

    BUS_NAME: Final = "org.freedesktop.Notifications"
    PATH: Final = "/org/freedesktop/Notifications"

    def __init__(self, app_name: str = "Corridor") -> None:
        from jeepney import DBusAddress
        from jeepney.io.blocking import open_dbus_connection

        self.app_name = app_name
        self._addr = DBusAddress(self.PATH, bus_name=self.BUS_NAME, interface=self.BUS_NAME)
        self._conn = open_dbus_connection(bus="SESSION")

    def notify(self, ring: Ring, replaces: int) -> int:
        from jeepney import new_method_call

        hints = {"urgency": ("y", 2 if ring.critical else 1),
                 "category": ("s", "im.received"),
                 "sound-name": ("s", ring.sound),
                 "x-corridor-call": ("s", ring.call_id.hex())}
        msg = new_method_call(self._addr, "Notify", "susssasa{sv}i", (
            self.app_name, replaces, "dialog-warning", ring.title, ring.body,
            ["acknowledge", "Acknowledge"], hints, 0))
        reply = self._conn.send_and_get_reply(msg, timeout=5)
        return int(reply.body[0])

    def withdraw(self, notification_id: int) -> None:
        from jeepney import new_method_call

        self._conn.send_and_get_reply(new_method_call(
            self._addr, "CloseNotification", "u", (notification_id,)), timeout=5)

    def close(self) -> None:
        self._conn.close()
