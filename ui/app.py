# SPDX-License-Identifier: Apache-2.0
"""Starting the desktop app: pick the device (enrolled home, first-run choice or demo),
open it off the UI thread, show the main window, and shut everything down in order.

The UI thread's asyncio loop is qasync's (Qt drives it); the client core has its own
loop on the bridge's thread (see ui/bridge.py for why).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget

from client.errors import ClientError
from client.homes import remember
from client.paths import atomic_write, resolve_home
from ui.bridge import Bridge
from ui.i18n import install_translation, resolve_language
from ui.qtfix import forget_module_sources, keep_none_alive, pin_none
from ui.session import DemoOpener, DemoVenue, Session, open_session
from ui.theme import apply_theme
from ui.venues import Venues
from ui.views.dialogs import FirstRunDialog
from ui.views.enrol import EnrolWizard, PassphraseDialog
from ui.views.main_window import MainWindow

if TYPE_CHECKING:
    from client.pki import DeviceRequest

__all__ = ["Controller", "apply_language", "demo_dir", "language_setting", "make_app", "run"]


def _t(text: str) -> str:
    return QCoreApplication.translate("App", text)


def demo_dir() -> Path:
    return platformdirs.user_data_path("corridor", appauthor=False) / "demo"


def app_settings() -> QSettings:
    path = os.environ.get("CORRIDOR_UI_CONFIG") or str(
        platformdirs.user_config_path("corridor", appauthor=False) / "app.ini")
    return QSettings(path, QSettings.Format.IniFormat)


def saved_venues() -> list[str]:
    """The venue homes open at the last quit (the app's settings; INI gives a list of one
    back as a plain string)."""
    saved = app_settings().value("venues/open", [])
    if isinstance(saved, str):
        return [saved] if saved else []
    return [str(p) for p in saved] if isinstance(saved, list) else []


def language_setting() -> str:
    """The language chosen in Settings ("system" unless one was)."""
    return str(app_settings().value("language", "system") or "system")


def make_app(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The QApplication, with high-DPI scaling and the translation of ``language`` (else
    the one chosen in Settings, else the system locale's; see ui/i18n.py)."""
    forget_module_sources()  # for what is imported from now on (ui/cli.py calls it sooner)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv or [sys.argv[0]])
    keep_none_alive(app)
    app.setApplicationName("Corridor")
    app.setOrganizationName("Corridor")
    apply_language(app, language)
    return app


def apply_language(app: QApplication, language: str | None = None) -> str:
    """Translate the app into ``language``, else the one chosen in Settings, else the
    system locale's (English without a catalogue); returns the language in effect."""
    return install_translation(app, resolve_language(language or language_setting()))


def _human(exc: BaseException) -> str:
    """An error as a sentence for a dialog (the core's errors already are)."""
    return str(exc) or _t("an unexpected error (%1)").replace("%1", type(exc).__name__)


class Controller:
    """Chooses and opens the device, then owns the window, the session and the demo.

    The start-up dialogs (first run, enrolment, passphrase) are shown without nested
    event loops; ``finished`` is called once when the app should end: the main window
    closed, or the user cancelled before it opened. Closing a start-up dialog must never
    end the app by itself (Qt's "last window closed" does exactly that, which is how the
    app used to quit while a demo or an unlock was still under way).
    """

    def __init__(self, app: QApplication, bridge: Bridge, args: argparse.Namespace,
                 make_demo: DemoOpener | None = None) -> None:
        pin_none()  # the start-up dialogs make void Qt calls too (see ui/qtfix.py)
        self.app = app
        self.bridge = bridge
        self.args = args
        self.window: MainWindow | None = None
        self.session: Session | None = None
        self.demo: DemoVenue | None = None
        self.splash: QLabel | None = None
        self.dialog: QDialog | None = None  # the start-up dialog on screen, if any
        #: every start-up dialog made, deleted together once the window is up (left to
        #: the garbage collector, one could be freed in the middle of a Qt pass over all
        #: widgets, such as the style sheet's, and crash it)
        self.startup: list[QWidget] = []
        self.finished: Callable[[], None] = app.quit
        #: opens the demo venue; None when whoever started the app offers none (the
        #: venue runs a relay, which this package never imports: demo.cli hands it in)
        self.make_demo: DemoOpener | None = make_demo
        #: every open venue (one session and window each; ui/venues.py)
        self.venues = Venues(bridge)
        self.venues.request_open = self.add_venue
        self.venues.changed.connect(self._save_open)
        #: venues open at the last quit, reopened one by one after the first (each asks
        #: its passphrase), so a restart leaves none of them deaf
        self.reopening: list[Path] = []
        self._reopen_active = False

    def home(self) -> Path:
        return resolve_home(self.args.home).root

    def quit(self) -> None:
        if self.splash is not None:
            self.splash.close()
            self.splash = None
        self.finished()

    def start(self) -> None:
        home = self.home()
        prefs = app_settings()
        enrolled = (home / "chain.pem").exists()
        if self.args.demo or (not enrolled and prefs.value("profile") == "demo"
                              and self.make_demo is not None):
            self.open_demo()
            return
        if enrolled:
            self.open_home(home)
            return
        first = FirstRunDialog(str(home), demo_offered=self.make_demo is not None)
        self._present(first)

        def chosen() -> None:
            if first.choice == FirstRunDialog.DEMO:
                self.open_demo()
            else:
                self.enrol(home)

        first.accepted.connect(chosen)
        first.rejected.connect(self.quit)
        first.open()

    # ------------------------------------------------------------------ demo

    def _show_splash(self, text: str) -> None:
        if self.splash is None:
            self.splash = QLabel()
            self.splash.setObjectName("splash")
            self.splash.setWindowTitle(_t("Corridor"))
            self.splash.setMinimumSize(420, 120)
            self.splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.splash.setWordWrap(True)
            self.splash.show()
        self.splash.setText(text)

    def open_demo(self) -> None:
        if self.make_demo is None:
            self._failed(RuntimeError(_t("this installation offers no demo venue")))
            return
        data = Path(self.args.data_dir) if self.args.data_dir else demo_dir()
        demo = self.make_demo(data)
        self.demo = demo
        self._show_splash(_t("Preparing the demo venue (an embedded relay on 127.0.0.1, "
                             "several missions, channels of every kind)…"))

        async def work() -> Session:
            loop = asyncio.get_running_loop()
            info = await loop.run_in_executor(None, demo.provision)
            session = await loop.run_in_executor(None, lambda: open_session(
                info.home(info.user), demo.relay_url(), passphrase=info.passphrase,
                kdf=demo.kdf(), demo=demo))
            session.title += " " + _t("(demo venue)")
            try:
                await session.start()
            except BaseException:
                await session.close()
                raise
            if not self.args.quiet_demo:
                session.tasks.append(loop.create_task(demo.run_delegates()))
            return session

        def opened(session: Session) -> None:
            prefs = app_settings()  # remembered only once the demo really opened
            prefs.setValue("profile", "demo")
            prefs.sync()
            self._opened(session)

        def failed(exc: BaseException) -> None:
            self.demo = None
            demo.stop()  # provision removed what it had made; the relay must not linger
            self._failed(exc)

        self.bridge.submit(work, opened, failed)

    # ------------------------------------------------------------------ enrolled home

    def add_venue(self, home: Path) -> None:
        """Open another venue beside those open ("Add a venue…", a known home): an
        enrolled home asks for its passphrase, an empty directory starts enrolment; a
        refusal or a cancel leaves the open venues as they are."""
        home = Path(home).expanduser().absolute()
        already = self.venues.find(home)
        if already is not None:
            self.venues.show(already.window)
        elif (home / "chain.pem").exists():
            self.open_home(home, adding=True)
        else:
            self.enrol(home, adding=True)

    def open_home(self, home: Path, passphrase: str | None = None, *,
                  adding: bool = False) -> None:
        """Open an enrolled home, asking for the key file's passphrase where one is used
        (``adding``: beside the venues already open, whose app a failure must not end)."""
        from client.keystore import configured_backend

        if passphrase is None:
            passphrase = os.environ.get("CORRIDOR_PASSPHRASE") or None
        try:
            needs = configured_backend(resolve_home(home)) == "file" or (
                home / "device.key").exists()
        except ClientError as exc:
            self._add_failed(home, exc) if adding else self._failed(exc)
            return
        if needs and passphrase is None:
            self.ask_passphrase(home, adding=adding)
            return
        if not adding:
            self._show_splash(_t("Opening %1…").replace("%1", str(home)))
        self._unlock(home, passphrase, None, adding)

    def ask_passphrase(self, home: Path, problem: str = "", *,
                       adding: bool = False) -> PassphraseDialog:
        dlg = PassphraseDialog(str(home))
        self._present(dlg)
        dlg.submitted.connect(lambda pw: self._unlock(home, pw, dlg, adding))
        if not adding:  # cancelling another venue's passphrase keeps the open ones
            dlg.rejected.connect(self.quit)
        else:
            dlg.rejected.connect(self._add_done)
        if problem:
            dlg.refuse(problem)
        dlg.open()
        return dlg

    def _unlock(self, home: Path, passphrase: str | None,
                dialog: PassphraseDialog | None, adding: bool = False) -> None:
        from client.errors import WrongPassphraseError

        async def work() -> Session:
            loop = asyncio.get_running_loop()
            # --relay is the first home's; another venue's relay is in its own home
            relay = None if adding else self.args.relay
            session = await loop.run_in_executor(None, lambda: open_session(
                home, relay, passphrase=passphrase))
            try:
                await session.start()
            except BaseException:
                await session.close()
                raise
            return session

        def opened(session: Session) -> None:
            if dialog is not None:
                dialog.opened()
            self._opened(session, adding=adding)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, WrongPassphraseError):
                if self.splash is not None:
                    self.splash.close()
                    self.splash = None
                text = _t("Wrong passphrase: it does not open this device's key file. "
                          "Try again.")
                if dialog is None:
                    self.ask_passphrase(home, text, adding=adding)
                else:
                    dialog.refuse(text)
                return
            if dialog is not None:
                dialog.hide()
            self._add_failed(home, exc) if adding else self._failed(exc)

        self.bridge.submit(work, opened, failed)

    # ------------------------------------------------------------------ enrolment

    def enrol(self, home: Path, *, adding: bool = False) -> EnrolWizard:
        """The enrolment wizard (ui/views/enrol.py), resuming after a request was made."""
        import keyring

        from client import pki
        from client.keystore import configured_backend, keyring_usable

        try:
            request = pki.pending_request(home)
            backend = configured_backend(resolve_home(home))
        except Exception:  # an unreadable leftover: start over from step 1
            request, backend = None, None
        if backend is None:
            needs_pw = not keyring_usable(keyring.get_keyring())
        else:
            needs_pw = backend == "file"
        from crypto.certs.words import format_hex

        wizard = EnrolWizard(
            str(home), needs_passphrase=needs_pw,
            relay="" if adding else (self.args.relay or ""),
            request=home / pki.DEVICE_REQUEST if request is not None else None,
            request_key=format_hex(request.public_key) if request is not None else "",
            sort_files=lambda paths: {k: str(v) for k, v in
                                      pki.sort_enrolment_files(home, paths).items()})
        self._present(wizard)

        def create(delegate: str, display: str, passphrase: str) -> None:
            from client.keystore import MODERATE, kdf_from_env

            def work() -> DeviceRequest:
                return pki.create_device_request(
                    resolve_home(home), delegate, display,
                    prompt=(lambda _r: passphrase) if passphrase else None,
                    kdf=kdf_from_env(MODERATE))

            self.bridge.submit(work, lambda made: wizard.request_made(
                made.request, format_hex(made.signature_key), passphrase),
                lambda exc: wizard.request_failed(_human(exc)))

        def do_import(files: dict[str, str], fingerprint: str, relay: str) -> None:
            def work() -> list[str]:
                ident = pki.import_device_certificates(
                    home, cert=files["device"], mission_cert=files["mission"],
                    root=files["root"], root_fingerprint=fingerprint)
                atomic_write(home / "relay.json", json.dumps({"relay_url": relay}).encode())
                return [_t("You are %1 (%2) of %3.").replace("%1", ident.display_name)
                        .replace("%2", ident.delegate_id).replace("%3", ident.mission_name),
                        _t("Your certificate is valid until %1.").replace(
                            "%1", ident.not_after.strftime("%Y-%m-%d")),
                        _t("Venue root (pinned): %1").replace(
                            "%1", format_hex(ident.root_fingerprint))]

            def done(lines: list[str]) -> None:
                if not adding:  # another venue's relay stays in its own home
                    self.args.relay = relay
                wizard.imported(lines)

            self.bridge.submit(work, done, lambda exc: wizard.import_failed(_human(exc)))

        wizard.createRequested.connect(create)
        wizard.importRequested.connect(do_import)
        wizard.accepted.connect(lambda: self.open_home(home, wizard.passphrase or None,
                                                       adding=adding))
        if not adding:
            wizard.rejected.connect(self.quit)
        wizard.open()
        return wizard

    # ------------------------------------------------------------------ window

    def _present(self, dialog: QDialog) -> None:
        self.dialog = dialog
        self.startup.append(dialog)

    def retire_startup(self) -> None:
        """Delete the start-up dialogs (at the next event-loop turn, all at once)."""
        for w in self.startup:
            with contextlib.suppress(RuntimeError):  # already deleted by Qt
                w.hide()
                w.deleteLater()
        self.startup.clear()
        self.dialog = None

    def _opened(self, session: Session, *, adding: bool = False) -> None:
        self.retire_startup()
        if session.demo is None:  # a demo home needs its embedded relay: not listed
            with contextlib.suppress(ClientError):  # an unwritable list: still opens
                remember(session.home)
        window: MainWindow = self.venues.add(session)
        if adding and self.window is not None:
            if not self._reopen_active:  # reopened at start: the first venue stays shown
                self.venues.show(window)
            self._add_done()
            return
        self.session = session
        self.window = window
        if not (getattr(self.args, "minimized", False) and window.tray is not None):
            self.venues.show(window)  # minimised: only the tray icon, a click away
        else:
            self.venues.shown = window
        if self.splash is not None:
            self.splash.close()
            self.splash = None
        here = Path(session.home).absolute()
        self.reopening = [Path(p) for p in saved_venues() if Path(p).absolute() != here]
        self._reopen_next()

    def _save_open(self) -> None:
        """Remember which venues are open (not the demo's), for the next start."""
        homes = [str(v.session.home) for v in self.venues.open if v.session.demo is None]
        if not homes:
            return  # shutting down (or only the demo): keep what the last run had
        if saved_venues() != homes:
            prefs = app_settings()
            prefs.setValue("venues/open", homes)
            prefs.sync()

    def _reopen_next(self) -> None:
        while self.reopening:
            home = self.reopening.pop(0)
            if self.venues.find(home) is None and (home / "chain.pem").exists():
                self._reopen_active = True
                self.add_venue(home)
                return

    def _add_done(self) -> None:
        """Another venue opened, failed or was cancelled: reopen the next one, if any."""
        if self._reopen_active:
            self._reopen_active = False
            self._reopen_next()

    def _failed(self, exc: BaseException) -> QMessageBox:
        """Say why the device did not open; the app ends when the message is closed."""
        if self.splash is not None:
            self.splash.close()
            self.splash = None
        box = QMessageBox(QMessageBox.Icon.Critical, _t("Corridor"),
                          _t("Could not open Corridor: %1").replace("%1", _human(exc)))
        box.setObjectName("startFailed")
        box.finished.connect(lambda _r: self.quit())
        self._present(box)
        box.open()
        return box

    def _add_failed(self, home: Path, exc: BaseException) -> QMessageBox:
        """Say why another venue did not open; the open venues carry on."""
        box = QMessageBox(QMessageBox.Icon.Warning, _t("Corridor"),
                          _t("Could not open the venue in %1: %2").replace(
                              "%1", str(home)).replace("%2", _human(exc)), parent=self.window)
        box.setObjectName("addVenueFailed")
        box.finished.connect(lambda _r: self._add_done())
        self._present(box)
        box.open()
        return box

    def shutdown(self) -> None:
        demo = self.demo
        self.session = self.demo = None
        for session in self.venues.shutdown():
            with contextlib.suppress(Exception):  # closing anyway
                self.bridge.run_sync(session.close, timeout=20)
        if demo is not None:
            with contextlib.suppress(Exception):
                self.bridge.run_sync(demo.close_delegates, timeout=20)
            demo.stop()
        self.bridge.stop()


def run(args: argparse.Namespace, make_demo: DemoOpener | None = None) -> int:
    """The app's main loop (qasync on the UI thread); returns the exit status.

    ``make_demo`` opens the demo venue ("Open a demo venue", ``--demo``); without it the
    app offers enrolment only.
    """
    import qasync

    app = make_app(language=getattr(args, "language", None))
    apply_theme(app, str(args.theme or "system"))
    bridge = Bridge()
    controller = Controller(app, bridge, args, make_demo)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    done: asyncio.Future[None] = loop.create_future()

    def finish() -> None:
        if not done.done():
            done.set_result(None)

    controller.finished = finish
    # Only the main window's closing ends the app: the start-up dialogs come and go
    # while a demo is prepared or a passphrase is checked.
    app.setQuitOnLastWindowClosed(False)

    def last_closed() -> None:
        if controller.window is not None:
            finish()

    app.lastWindowClosed.connect(last_closed)
    app.aboutToQuit.connect(finish)
    loop.call_soon(controller.start)
    with loop:
        loop.run_until_complete(done)
    controller.shutdown()
    return 0
