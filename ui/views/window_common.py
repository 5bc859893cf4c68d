# SPDX-License-Identifier: Apache-2.0
"""What the main window and its parts share: page sizes, warning labels and small
helpers."""

from __future__ import annotations

import gc
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QWidget,
)

from ui.i18n import tr_n

if TYPE_CHECKING:

    pass

log = logging.getLogger("corridor.ui")

PAGE = 60  # stored messages per page
#: Rows shown when a backlog replaces the rows (more than a window's height of bubbles;
#: older ones are paged in on scrolling up): each is laid out anew in that one turn.
BACKLOG_PAGE = 30
#: Stored messages appended per event-loop turn; a backlog of more than this while the
#: reader follows the bottom (a catch-up) shows the newest page instead (see _load_newer).
CHUNK = 100
#: Rows kept while following the bottom (older ones are paged back in on scrolling up).
#: Bubbles differ in height, so each appended chunk makes the list view ask the delegate
#: for the size of every loaded row: that many calls into Python on the UI thread, each
#: taking the interpreter lock from the core's thread while it decrypts a catch-up.
#: bench/bench_ui.py --trace-stalls: at 400 rows (and chunks of 100) these relayouts
#: were the long UI-thread stalls (400 size hints, 40-66 ms with the lock contended).
MAX_ROWS = 150
MAX_DETACHED = 1200  # rows loaded while the user reads older history; then the pill


def _warning_label(parent: QWidget, name: str) -> QLabel:
    """A hidden, word-wrapped warning line (routing, certificate, KeyPackages): shown
    while its cause lasts, never a toast that goes by."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


def settle_heap() -> None:
    """Take what exists once the window is up (Qt wrappers, the core's state, the demo
    relay's) out of the cyclic garbage collector's full passes (``gc.freeze``).

    A full collection walks every tracked object and holds the interpreter lock while it
    does, whichever thread triggers it: measured with bench/bench_ui.py during a
    10,000-message catch-up, 32-37 ms passes on the UI thread and on the demo relay's
    thread, each a UI stall. Frozen objects are still freed by reference counting; only
    cycles among them are no longer collected (there are few: the long-lived ones).
    """
    gc.collect()
    gc.freeze()


def _duration(seconds: int) -> str:
    if seconds % 86400 == 0:
        return tr_n("MainWindow", "%n day(s)", seconds // 86400)
    if seconds % 3600 == 0:
        return tr_n("MainWindow", "%n hour(s)", seconds // 3600)
    if seconds % 60 == 0:
        return tr_n("MainWindow", "%n minute(s)", seconds // 60)
    return tr_n("MainWindow", "%n second(s)", seconds)


def _as_list(value: object) -> list[object]:
    """QSettings gives a string for a one-element list and None for an empty one."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return list(value)
    return []
