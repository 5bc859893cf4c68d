# SPDX-License-Identifier: Apache-2.0
"""Work around two PySide6 faults: a reference-count bug on CPython < 3.12, and the
source of every module imported after Qt kept in memory.

With PySide6-Essentials 6.12 on Python 3.11, every call of a Qt method that returns
``void`` (``QPainter.setPen``, ``QWidget.setVisible``, ...) releases one reference to
``None`` that it never took. ``None`` is statically allocated, so nothing is freed, but
when its count reaches zero CPython aborts ("Fatal Python error: none_dealloc"). A
painting delegate makes a dozen such calls per row per repaint, so a long session (or
the 10,000-message benchmark) hits it. CPython 3.12 made ``None`` immortal; this does
the same for older versions: it keeps ``None``'s count far from zero, and a timer
tops it up (:func:`keep_none_alive`). Measured: ``sys.getrefcount(None)`` drops by
exactly one per void call (see tests/ui/test_qtfix.py).

Once ``PySide6.QtCore`` is imported, shiboken's import hook asks of every module imported
after it whether it uses PySide (for ``from __feature__ import ...``) by reading its
source with ``inspect.getsource``, which leaves the whole file in ``linecache``: 17 MiB
of lines for the app's 600-odd modules, held for the life of the process (measured with
tracemalloc; 19 MiB of RSS). :func:`forget_module_sources` lets the hook read them and
drops what it cached; a traceback reads a file again when it needs a line.
"""

from __future__ import annotations

import ctypes
import linecache
import platform
import sys
from types import ModuleType

__all__ = ["forget_module_sources", "keep_none_alive", "pin_none"]

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


def forget_module_sources() -> bool:
    """Stop PySide6 keeping the source of each module imported from now on (see above).

    Call it before importing the rest of the app: the sources already read stay cached
    (dropping them frees little, the memory being fragmented among the modules' own
    objects). Imports ``PySide6.QtCore``. Idempotent; False if this PySide6 has no such
    hook (its feature module changed), and nothing is done.
    """
    import PySide6.QtCore  # noqa: F401  (loads shiboken's feature module)

    feature = sys.modules.get("PySide6.support.feature")
    uses_pyside = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(uses_pyside):
        return False
    if getattr(uses_pyside, "_forgets_sources", False):
        return True

    def forgetful(module: ModuleType) -> bool:
        # inspect.getsource caches a module's lines under its __file__
        path = getattr(module, "__file__", None)
        cached = path in linecache.cache
        try:
            return bool(uses_pyside(module))
        finally:
            if isinstance(path, str) and not cached:
                linecache.cache.pop(path, None)

    forgetful._forgets_sources = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = forgetful  # type: ignore[attr-defined]
    return True
