# SPDX-License-Identifier: Apache-2.0
"""Translations: every string of ui/ in every catalogue (checked with PySide6's lupdate
itself), the app in French and German, the language from Settings or the system, and the
pseudo-locale's 40%-longer strings fitting the main window and the dialogs at 1280x800."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from tests.support.ui_windows import TIMEOUT
from tests.ui.i18n_support import clipped, clipped_rows
from ui import translations
from ui.i18n import install_translation, remove_translation, resolve_language, tr_n


@pytest.fixture(scope="module", autouse=True)
def _compiled_here(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compile the catalogues into this run's temporary folder, not the user's cache."""
    old = os.environ.get("CORRIDOR_TRANSLATIONS_CACHE")
    os.environ["CORRIDOR_TRANSLATIONS_CACHE"] = str(tmp_path_factory.mktemp("qm"))
    yield
    if old is None:
        os.environ.pop("CORRIDOR_TRANSLATIONS_CACHE", None)
    else:
        os.environ["CORRIDOR_TRANSLATIONS_CACHE"] = old


@pytest.fixture
def language(qapp) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """``language("fr")`` translates the app until the test ends (then English again)."""

    def use(code: str) -> str:
        return install_translation(qapp, code)

    yield use
    remove_translation(qapp)


# ---------------------------------------------------------------------- the catalogues


def test_lupdate_reads_the_wrappers_as_translate_calls_on_the_same_lines() -> None:
    source = ('from PySide6.QtCore import QCoreApplication\n'
              'def _t(text: str) -> str:\n'
              '    return QCoreApplication.translate("Panels", text)\n'
              'a = _t("Hide")\n'
              'b = tr_n("Panels", "%n day(s)",\n'
              '         days)\n'
              '#: an attribute\'s doc comment\n')
    out = translations.spelt_out(source).splitlines()
    assert out[3] == 'a = translate("Panels", "Hide")'
    assert out[4] == 'b = translate("Panels", "%n day(s)",'
    assert out[5] == '         None, days)'
    assert not out[6].lstrip().startswith("#:")  # not a translator's comment
    assert len(out) == len(source.splitlines())


def test_every_string_is_translated_in_every_catalogue() -> None:
    """lupdate over ui/: no string missing, unfinished or empty in any language."""
    problems = translations.check()
    assert problems == [], "\n".join(problems[:40])


def test_the_check_fails_when_a_new_string_is_not_translated(tmp_path: Path) -> None:
    ui = tmp_path / "ui"
    shutil.copytree(translations.UI_ROOT, ui, ignore=shutil.ignore_patterns("__pycache__"))
    panel = ui / "views" / "panels.py"
    panel.write_text(panel.read_text(encoding="utf-8")
                     + '\n\nNEW = _t("A string nobody has translated yet")\n'
                     + 'COUNT = tr_n("Panels", "%n new thing(s)", 2)\n',
                     encoding="utf-8")
    problems = translations.check(ui_root=ui)
    plain = [p for p in problems if "A string nobody has translated yet" in p]
    counted = [p for p in problems if "%n new thing(s)" in p]
    assert len(plain) + len(counted) == len(problems)
    assert {p.split(":")[0] for p in plain} == set(translations.TARGETS)
    # English holds the plural forms only, and lacks this one's too
    assert {p.split(":")[0] for p in counted} == set(translations.LANGUAGES)


def test_translations_keep_placeholders_and_shortcut_keys() -> None:
    placeholders = re.compile(r"%(?:L?\d+|n)")
    for code in translations.TARGETS:
        for (context, source, _numerus), forms in translations.entries(
                translations.ts_path(code)).items():
            assert forms, f"{code}: {context}: {source!r} is unfinished"
            for form in forms:
                assert sorted(placeholders.findall(form)) == sorted(
                    placeholders.findall(source)), f"{code}: {source!r} -> {form!r}"
                mnemonic = "&" in source.replace("&&", "")
                assert (form.replace("&&", "").count("&") == 1) == mnemonic, (
                    f"{code}: shortcut key of {source!r} -> {form!r}")


def test_counts_go_through_plural_forms() -> None:
    """"%1 channel(s)" cannot be translated into Russian (three forms): a count is "%n"."""
    single = [f"{context}: {source!r}" for (context, source, numerus)
              in translations.entries(translations.ts_path("fr")) if "(s)" in source
              and not numerus]
    assert single == [], "write these with tr_n(..., %n ...):\n" + "\n".join(single)


def test_the_pseudo_locale_is_40_percent_longer_and_keeps_what_code_reads() -> None:
    for text in ("Send", "&New channel…", "Leave “%1” on this device?",
                 "This device: %1\nTheir device: %2", "<b>%1</b> results"):
        p = translations.pseudo(text)
        plain = re.sub(r"<[^>]*>|%\d|&|\n", "", text)
        assert p.startswith("[") and p.endswith("]")
        assert len(re.sub(r"<[^>]*>|%\d|&|\n", "", p)) >= 1.4 * len(plain)
        assert re.findall(r"%\d|<[^>]*>|\n", p) == re.findall(r"%\d|<[^>]*>|\n", text)
        assert p.count("&") == text.count("&")
    assert translations.pseudo("Send") != "[Send]"  # accented: untranslated text stands out


def test_the_catalogues_compile_once_into_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORRIDOR_TRANSLATIONS_CACHE", str(tmp_path / "tr"))
    out = translations.compiled_dir()
    assert {p.name for p in out.glob("*.qm")} == {
        f"corridor_{c}.qm" for c in [*translations.LANGUAGES, translations.PSEUDO]}
    built = (out / "corridor_fr.qm").stat().st_mtime_ns
    assert translations.compiled_dir() == out  # the same catalogues: not built again
    assert (out / "corridor_fr.qm").stat().st_mtime_ns == built
    monkeypatch.setattr(translations, "_fingerprint", lambda: "changed")
    assert translations.compiled_dir().name == "changed"
    assert not out.exists()  # the build of the earlier catalogues is gone


# ---------------------------------------------------------------------- choosing


def test_the_language_comes_from_settings_else_the_system_locale() -> None:
    assert resolve_language("de", QLocale("fr_FR")) == "de"
    assert resolve_language("system", QLocale("fr_FR")) == "fr"
    assert resolve_language(None, QLocale("zh_CN")) == "zh_CN"
    assert resolve_language("system", QLocale("ko_KR")) == "ko"
    assert resolve_language("system", QLocale("pt_BR")) == "en"  # no catalogue: English
    assert resolve_language("en_XA", QLocale("fr_FR")) == "en_XA"
    assert resolve_language("xx", QLocale("ru_RU")) == "ru"  # an unknown setting


def test_the_app_starts_in_the_language_chosen_in_settings(
        qapp, open_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from ui.app import apply_language

    monkeypatch.setenv("CORRIDOR_UI_CONFIG", str(tmp_path / "app.ini"))
    prefs = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    prefs.setValue("language", "fr")
    prefs.sync()
    try:
        assert apply_language(qapp) == "fr"
        w = open_window(0)
        assert w.new_channel_button.text() == "&Nouveau canal…"
        assert w.channel_view.accessibleName() == "Canaux"
        assert w.windowTitle().startswith("Corridor — ")
        assert w.menuBar().actions()[0].text() == "&Corridor"
        assert [a.text() for a in w.menuBar().actions()][-1] == "&Aide"
        assert w.member_pane.findChildren(QWidget)  # built, in French too
        assert QLocale().language() == QLocale.Language.French  # dates in French
        open_window.close(w)
    finally:
        remove_translation(qapp)


def test_the_main_window_in_german_with_plurals(open_window, language) -> None:  # type: ignore[no-untyped-def]
    assert language("de") == "de"
    w = open_window(0)
    assert w.new_channel_button.text() == "&Neuer Kanal…"
    assert [a.text() for a in w.menuBar().actions()][-1] == "&Hilfe"
    assert tr_n("Duration", "%n hour(s)", 1) == "1 Stunde"
    assert tr_n("Duration", "%n hour(s)", 3) == "3 Stunden"
    open_window.close(w)


def test_russian_and_japanese_plural_forms(language) -> None:  # type: ignore[no-untyped-def]
    assert language("ru") == "ru"
    assert [tr_n("Duration", "%n day(s)", n) for n in (1, 3, 5, 21)] == [
        "1 день", "3 дня", "5 дней", "21 день"]
    assert language("ja") == "ja"
    assert tr_n("Duration", "%n day(s)", 3) == "3 日"
    assert language("en") == "en"
    assert tr_n("Duration", "%n day(s)", 1) == "1 day"


def test_settings_offers_every_language_and_saves_the_choice(
        open_window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from ui.app import language_setting

    monkeypatch.setenv("CORRIDOR_UI_CONFIG", str(tmp_path / "app.ini"))
    w = open_window(0)
    dlg = w.open_settings()
    codes = [dlg.language.itemData(i) for i in range(dlg.language.count())]
    assert codes == ["system", *translations.LANGUAGES]
    assert dlg.chosen_language() is None
    dlg.language.setCurrentIndex(codes.index("ja"))
    dlg.accept()
    assert language_setting() == "ja"
    open_window.close(w)


# ---------------------------------------------------------------------- layouts


def _settle(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()


def _clipped_once_laid_out(qtbot, measure: Callable[[], list[str]]) -> list[str]:  # type: ignore[no-untyped-def]
    """What ``measure`` finds clipped once the layout has caught up. A text the core
    delivers while the window is measured (the link status, the member rows) is laid
    out on a later turn of the event loop; right after its arrival it can read as
    clipped. Clipping that lasts is returned after a few seconds."""
    found: list[str] = []

    def fits() -> bool:
        nonlocal found
        QApplication.processEvents()
        found = measure()
        return not found

    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(fits, timeout=5000)
    return found


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
@pytest.mark.parametrize("code", ["en_XA", "de", "ru", "fr"])
def test_nothing_is_clipped_in_the_pseudo_locale_at_1280x800(
        code: str, size: tuple[int, int], open_window, language, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.views.crisis import CallDialog, CrisisWindow, ExplainDialog
    from ui.views.dialogs import (
        AgendaDialog,
        ChannelWizard,
        EmergencyDialog,
        FirstRunDialog,
        SearchDialog,
        SettingsDialog,
        VerificationDialog,
    )
    from ui.views.enrol import EnrolWizard, PassphraseDialog

    assert language(code) == code
    w = open_window(0)
    w.resize(*size)
    _settle(qtbot, w)
    assert (w.width(), w.height()) == size  # the window fits the screen it was made for
    assert w.new_channel_button.text() != "&New channel…"  # the translation is in effect
    qtbot.waitUntil(lambda: w.member_pane.model.rowCount() > 0, timeout=TIMEOUT)
    found = {"main window": _clipped_once_laid_out(qtbot, lambda: clipped(w)),
             "members": _clipped_once_laid_out(
                 qtbot, lambda: clipped_rows(w.member_pane.view))}
    request = tmp_path / "device-request.pem"
    request.write_text("-----BEGIN CERTIFICATE REQUEST-----\n")
    dialogs: dict[str, QWidget] = {
        "settings": SettingsDialog(True, "system", 3600, "Working group on incident "
                                   "prevention", True, w),
        "search": SearchDialog(w),
        "agenda": AgendaDialog("Plenary agenda (revised)", "1. Adoption of the agenda", w),
        "emergency": EmergencyDialog("Plenary", w),
        "channel wizard": ChannelWizard(["alderia", "borduria", "carpania"], "alderia",
                                        True, lambda _k, _m: "", w),
        "verification": VerificationDialog("alderia/ana", "borduria/bo",
                                           ["word"] * 12, "ab" * 32, "x" * 40, False, w),
        "first run": FirstRunDialog(str(tmp_path / "home")),
        "passphrase": PassphraseDialog(str(tmp_path / "home")),
        "enrolment, step 1": EnrolWizard(str(tmp_path / "home"), needs_passphrase=True),
        "enrolment, step 2": EnrolWizard(str(tmp_path / "home"), needs_passphrase=False,
                                         request=request, request_key="ab" * 32),
        "crisis desk": CrisisWindow(),
        "hotline call": CallDialog(((b"c", "alderia / borduria", "borduria"),), w),
        "request for explanation": ExplainDialog(((b"c", "alderia / borduria"),),
                                                 ["borduria"], w),
    }
    for name, dlg in dialogs.items():
        _settle(qtbot, dlg)
        assert dlg.width() <= size[0] and dlg.height() <= size[1], f"{name}: {dlg.size()}"
        found[name] = _clipped_once_laid_out(qtbot, lambda d=dlg: clipped(d))
        if isinstance(dlg, EmergencyDialog):  # and its review page
            dlg.agenda.setPlainText("An incident at the buoy line")
            assert dlg.show_review()
            found["emergency review"] = _clipped_once_laid_out(qtbot, lambda d=dlg: clipped(d))
        dlg.close()
        dlg.deleteLater()
    assert not any(found.values()), "\n".join(
        f"{name}: {c}" for name, cs in found.items() for c in cs)
    open_window.close(w)


def test_the_crisis_desk_shows_the_cores_words_in_the_users_language(language) -> None:  # type: ignore[no-untyped-def]
    from client.crisis.explain import ExplanationState
    from client.crisis.hotline import Escalation, EscalationStep, Level
    from client.crisis.records import AttendanceAnswer, Priority, Rung
    from ui.views import crisis

    words = {str(v) for e in (Priority, Level, ExplanationState, AttendanceAnswer) for v in e}
    words |= {r.name.lower() for r in Rung} | {"sent", "not answered"}
    assert words - {"not answered"} <= set(crisis._WORDS)  # a new word fails here
    assert language("fr") == "fr"
    esc = Escalation(call_id=b"c", steps=(EscalationStep(Level.DUTY, 0, ("a",)),
                                          EscalationStep(Level.DEPUTY, 60_000, ("b",))),
                     acknowledged_at=None, answered_at=None, ringing=("b",), next_at=None,
                     overdue=False)
    assert crisis._escalation(esc, 600_000) == (
        "sans réponse depuis 10 min — transmis à\u00a0: suppléant")
    assert crisis._word(Priority.FLASH).upper() == "FLASH"
    assert crisis._span(-(2 * 3600 + 5 * 60) * 1000) == "il y a 2 h 05 min"
    assert "déc." in crisis.when(1_796_000_000_000) or "nov." in crisis.when(1_796_000_000_000)


def test_a_frozen_bundle_uses_the_catalogues_it_ships(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    shipped = tmp_path / "translations"
    translations.build(shipped / "qm")
    monkeypatch.setattr(translations, "HERE", shipped)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("CORRIDOR_TRANSLATIONS_CACHE", str(tmp_path / "cache"))
    assert translations.compiled_dir() == shipped / "qm"
    assert not (tmp_path / "cache").exists()  # nothing compiled at start-up
