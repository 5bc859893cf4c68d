# SPDX-License-Identifier: Apache-2.0
"""Work around a PySide6 reference-count bug on CPython < 3.12.

With PySide6-Essentials 6.12 on Python 3.11, every call of a Qt method that returns
``void`` (``QPainter.setPen``, ``QWidget.setVisible``, ...) releases one reference to
``None`` that it never took. ``None`` is statically allocated, so nothing is freed, but
when its count reaches zero CPython aborts ("Fatal Python error: none_dealloc"). A
painting delegate makes a dozen such calls per row per repaint, so a long session (or
the 10,000-message benchmark) hits it. CPython 3.12 made ``None`` immortal; this does
the same for older versions: it keeps ``None``'s count far from zero, and a timer
tops it up (:func:`keep_none_alive`). Measured: ``sys.getrefcount(None)`` drops by
exactly one per void call (see tests/ui/test_qtfix.py).
"""

from __future__ import annotations

import ctypes
import platform
import sys

__all__ = ["keep_none_alive", "pin_none"]

_FLOOR = 1 << 40
_TARGET = 1 << 60


def pin_none() -> bool:
    """Raise ``None``'s reference count to a level no session can drain. Idempotent."""
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    refcnt = ctypes.c_ssize_t.from_address(id(None))
    if refcnt.value < _FLOOR:
        refcnt.value = _TARGET
    return True


def keep_none_alive(parent: object) -> None:
    """Pin now and re-check every minute (a QTimer owned by ``parent``)."""
    if not pin_none():
        return
    from PySide6.QtCore import QObject, QTimer

    timer = QTimer(parent if isinstance(parent, QObject) else None)
    timer.setInterval(60_000)
    timer.timeout.connect(pin_none)
    timer.start()
