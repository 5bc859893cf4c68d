# SPDX-License-Identifier: Apache-2.0
"""Translation helpers on top of Qt's ``tr()`` machinery, and choosing the language.

The catalogues and their tool chain are in ui/translations/; the language is the
Settings entry (``language`` in the app's settings: a code of
:data:`ui.translations.LANGUAGES`, the pseudo-locale ``en_XA``, or ``system``), else the
system locale's first user-interface language that has a catalogue, else English.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

__all__ = [
    "QT_TRANSLATE_NOOP",
    "current_language",
    "duration_text",
    "install_translation",
    "meeting_text",
    "resolve_language",
    "size_text",
    "tr_n",
    "when_text",
]

_installed: list[QTranslator] = []
_language = "en"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which knows this name) where it is only defined; it is
    translated where shown, with ``translate(context, text)``. Typed, unlike PySide6's."""
    return text


def tr_n(context: str, text: str, n: int) -> str:
    """``QCoreApplication.translate`` with a count (``%n``).

    With a translation loaded, its plural forms apply (English's too: corridor_en.ts).
    Without one, Qt leaves "message(s)" as it is; this writes the English plural instead.
    """
    out = QCoreApplication.translate(context, text, None, n)
    if "(s)" in out:
        out = out.replace("(s)", "" if n == 1 else "s")
    return out


def resolve_language(setting: str | None, system: QLocale | None = None) -> str:
    """The language to show: the setting when it names one we ship, else the system
    locale's first user-interface language we ship (``zh-Hans-CN`` -> ``zh_CN``)."""
    from ui.translations import LANGUAGES, PSEUDO

    if setting and setting in (*LANGUAGES, PSEUDO):
        return setting
    for name in (system or QLocale.system()).uiLanguages():
        parts = name.replace("-", "_").split("_")
        for code in ("_".join((parts[0], parts[-1])), parts[0]):
            if code in LANGUAGES:
                return code
        if parts[0] == "zh" and "Hans" in parts:
            return "zh_CN"
    return "en"


def install_translation(app: QCoreApplication, language: str) -> str:
    """Load the language's catalogue (and Qt's own, for standard buttons) into ``app``,
    replacing any loaded before; dates and numbers follow that language too. Returns the
    language in effect ("en" when its catalogue cannot be built or loaded)."""
    from ui.translations import PSEUDO, compiled_dir

    global _language
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _language = "en"
    QLocale.setDefault(QLocale("en_US")
                       if language in ("en", PSEUDO) else QLocale(language))
    try:
        folder = compiled_dir()
    except (OSError, RuntimeError) as exc:  # no lrelease, read-only cache: English
        import logging

        logging.getLogger(__name__).warning("translations unavailable: %s", exc)
        return _language
    ours = QTranslator(app)
    if not ours.load(str(folder / f"corridor_{language}.qm")):
        return _language
    _installed.append(ours)
    if language not in ("en", PSEUDO):
        qt = QTranslator(app)
        if qt.load(QLocale(language), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
    for t in _installed:
        app.installTranslator(t)
    _language = language
    return language


def remove_translation(app: QCoreApplication) -> None:
    """Back to the English source strings (tests switch languages in one process)."""
    global _language
    for old in _installed:
        with contextlib.suppress(RuntimeError):
            app.removeTranslator(old)
    _installed.clear()
    _language = "en"
    QLocale.setDefault(QLocale.system())


def current_language() -> str:
    return _language


def when_text(ms: int) -> str:
    """A moment (ms since the epoch) as the user's locale writes it: the long date (with
    the weekday, so 5/12 cannot be read as 12/5) and the short time."""
    loc = QLocale()
    at = QDateTime.fromMSecsSinceEpoch(int(ms))
    return (loc.toString(at.date(), QLocale.FormatType.LongFormat) + " "
            + loc.toString(at.time(), QLocale.FormatType.ShortFormat))


def size_text(n: int) -> str:
    """A byte count as the user's locale writes it ("1.5 MiB", "1,5 Mio", "800 bytes")."""
    return QLocale().formattedDataSize(n, 1 if n >= 1024 else 0,
                                       QLocale.DataSizeFormat.DataSizeIecFormat)


def meeting_text(meeting_at: int | None, detail: str) -> str:
    """An emergency meeting's time (in the user's locale), then its place and link."""
    parts = [when_text(meeting_at)] if meeting_at else []
    return " · ".join([*parts, detail] if detail else parts)


def duration_text(seconds: int) -> str:
    """``300`` -> "5 minutes" (the largest unit that divides it)."""
    if seconds and seconds % 86400 == 0:
        return tr_n("Duration", "%n day(s)", seconds // 86400)
    if seconds and seconds % 3600 == 0:
        return tr_n("Duration", "%n hour(s)", seconds // 3600)
    if seconds and seconds % 60 == 0:
        return tr_n("Duration", "%n minute(s)", seconds // 60)
    return tr_n("Duration", "%n second(s)", seconds)
