"""Translation helpers on top of Qt's ``tr()`` machinery."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

__all__ = ["tr_n"]


def tr_n(context: str, text: str, n: int) -> str:
    """``QCoreApplication.translate`` with a count (``%n``).

    With a translation loaded, its plural forms apply. Without one (the English source
    strings), Qt leaves "message(s)" as it is; this writes the English plural instead.
    """
    out = QCoreApplication.translate(context, text, None, n)
    if "(s)" in out:
        out = out.replace("(s)", "" if n == 1 else "s")
    return out
