# SPDX-License-Identifier: Apache-2.0
"""The PySide6 None-refcount workaround (ui/qtfix.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap

from ui.qtfix import pin_none


def test_void_calls_cannot_drain_none(qapp) -> None:  # type: ignore[no-untyped-def]
    pin_none()
    pix = QPixmap(8, 8)
    p = QPainter(pix)
    try:
        before = sys.getrefcount(None)
        for _ in range(20_000):  # each may release a reference it never took
            p.setPen(Qt.PenStyle.NoPen)
        assert sys.getrefcount(None) > 1 << 30 or sys.version_info >= (3, 12)
        # at most one per call, give or take what other threads (a session's core loop,
        # relay threads) hold of None at either moment
        assert before - sys.getrefcount(None) <= 20_000 + 1_000
    finally:
        p.end()


def test_modules_imported_after_qt_leave_no_source_cached(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """PySide6 still learns which modules use it, but their lines are not kept."""
    import linecache

    from ui.qtfix import forget_module_sources

    assert forget_module_sources()
    assert forget_module_sources()  # idempotent: wrapped once
    (tmp_path / "qtfix_probe_qt.py").write_text("import PySide6.QtCore\nVALUE = 1\n")
    (tmp_path / "qtfix_probe_plain.py").write_text("VALUE = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    # import statements: PySide6 hooks builtins.__import__ (importlib.import_module skips it)
    import qtfix_probe_plain as plain
    import qtfix_probe_qt as qt
    try:
        assert qt.__file__ not in linecache.cache
        assert plain.__file__ not in linecache.cache
        features = sys.modules["PySide6.support.feature"].pyside_feature_dict
        assert features["qtfix_probe_qt"] == 0  # uses PySide: features switchable
        assert features["qtfix_probe_plain"] == -1  # ignored
        assert linecache.getline(qt.__file__, 2) == "VALUE = 1\n"  # read when asked
    finally:
        for name in ("qtfix_probe_qt", "qtfix_probe_plain"):
            sys.modules.pop(name, None)
