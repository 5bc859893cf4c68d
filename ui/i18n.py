# SPDX-License-Identifier: Apache-2.0
"""Translation helpers on top of Qt's ``tr()`` machinery."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

__all__ = ["duration_text", "meeting_text", "tr_n", "when_text"]


def tr_n(context: str, text: str, n: int) -> str:
    """``QCoreApplication.translate`` with a count (``%n``).

    With a translation loaded, its plural forms apply. Without one (the English source
    strings), Qt leaves "message(s)" as it is; this writes the English plural instead.
    """
    out = QCoreApplication.translate(context, text, None, n)
    if "(s)" in out:
        out = out.replace("(s)", "" if n == 1 else "s")
    return out


def when_text(ms: int) -> str:
    """A moment (ms since the epoch) as the user's locale writes it: the long date (with
    the weekday, so 5/12 cannot be read as 12/5) and the short time."""
    loc = QLocale()
    at = QDateTime.fromMSecsSinceEpoch(int(ms))
    return (loc.toString(at.date(), QLocale.FormatType.LongFormat) + " "
            + loc.toString(at.time(), QLocale.FormatType.ShortFormat))


def meeting_text(meeting_at: int | None, detail: str) -> str:
    """An emergency meeting's time (in the user's locale), then its place and link."""
    parts = [when_text(meeting_at)] if meeting_at else []
    return " · ".join([*parts, detail] if detail else parts)


def duration_text(seconds: int) -> str:
    """``300`` -> "5 minutes" (the largest unit that divides it)."""
    for unit, size in (("%n day(s)", 86400), ("%n hour(s)", 3600), ("%n minute(s)", 60)):
        if seconds and seconds % size == 0:
            return tr_n("Duration", unit, seconds // size)
    return tr_n("Duration", "%n second(s)", seconds)
