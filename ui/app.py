"""Starting the desktop app: pick the device (enrolled home, first-run choice or demo),
open it off the UI thread, show the main window, and shut everything down in order.

The UI thread's asyncio loop is qasync's (Qt drives it); the client core has its own
loop on the bridge's thread (see ui/bridge.py for why).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QLineEdit, QMessageBox

from client.ui_support import LiveDemo, demo_kdf
from ui.bridge import Bridge
from ui.qtfix import keep_none_alive
from ui.session import Session, open_session
from ui.theme import apply_theme
from ui.views.dialogs import EnrolDialog, FirstRunDialog
from ui.views.main_window import MainWindow

__all__ = ["Controller", "demo_dir", "make_app", "run"]


def _t(text: str) -> str:
    return QCoreApplication.translate("App", text)


def demo_dir() -> Path:
    return platformdirs.user_data_path("corridor", appauthor=False) / "demo"


def app_settings() -> QSettings:
    path = os.environ.get("CORRIDOR_UI_CONFIG") or str(
        platformdirs.user_config_path("corridor", appauthor=False) / "app.ini")
    return QSettings(path, QSettings.Format.IniFormat)


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with high-DPI scaling and a translator for the system locale."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv or [sys.argv[0]])
    keep_none_alive(app)
    app.setApplicationName("Corridor")
    app.setOrganizationName("Corridor")
    translator = QTranslator(app)
    if translator.load(QLocale(), "corridor", "_", str(Path(__file__).parent / "i18n")):
        app.installTranslator(translator)
    return app


class Controller:
    """Chooses and opens the device, then owns the window, the session and the demo."""

    def __init__(self, app: QApplication, bridge: Bridge, args: argparse.Namespace) -> None:
        self.app = app
        self.bridge = bridge
        self.args = args
        self.window: MainWindow | None = None
        self.session: Session | None = None
        self.demo: LiveDemo | None = None
        self.splash: QLabel | None = None

    def home(self) -> Path:
        from client.paths import resolve_home

        return resolve_home(self.args.home).root

    def start(self) -> None:
        home = self.home()
        prefs = app_settings()
        enrolled = (home / "chain.pem").exists()
        if self.args.demo or (not enrolled and prefs.value("profile") == "demo"):
            self.open_demo()
            return
        if enrolled:
            self.open_home(home)
            return
        first = FirstRunDialog(str(home))
        if not first.exec():
            self.app.quit()
            return
        if first.choice == FirstRunDialog.DEMO:
            prefs.setValue("profile", "demo")
            prefs.sync()
            self.open_demo()
        else:
            self.enrol(home)

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
        data = Path(self.args.data_dir) if self.args.data_dir else demo_dir()
        demo = LiveDemo(data, reply_chance=0.3)
        self.demo = demo
        self._show_splash(_t("Preparing the demo venue (an embedded relay on 127.0.0.1, "
                             "several missions, channels of every kind)…"))

        async def work() -> Session:
            loop = asyncio.get_running_loop()
            info = await loop.run_in_executor(None, demo.provision)
            session = await loop.run_in_executor(None, lambda: open_session(
                info.home(info.user), demo.relay_url(), passphrase=info.passphrase,
                kdf=demo_kdf(), demo=demo))
            session.title += " " + _t("(demo venue)")
            await session.start()
            if not self.args.quiet_demo:
                session.tasks.append(loop.create_task(demo.run_delegates()))
            return session

        self.bridge.submit(work, self._opened, self._failed)

    # ------------------------------------------------------------------ enrolled home

    def open_home(self, home: Path) -> None:
        passphrase = os.environ.get("CORRIDOR_PASSPHRASE")
        if passphrase is None:
            text, ok = QInputDialog.getText(None, _t("Corridor"), _t("Passphrase for %1:")
                                            .replace("%1", str(home)),
                                            QLineEdit.EchoMode.Password)
            if not ok:
                self.app.quit()
                return
            passphrase = text
        self._show_splash(_t("Opening %1…").replace("%1", str(home)))

        async def work() -> Session:
            loop = asyncio.get_running_loop()
            session = await loop.run_in_executor(None, lambda: open_session(
                home, self.args.relay, passphrase=passphrase))
            await session.start()
            return session

        self.bridge.submit(work, self._opened, self._failed)

    def enrol(self, home: Path) -> None:
        from client import pki

        dlg = EnrolDialog(str(home))

        def run_pki(argv: list[str], passphrase: str) -> str:
            old = os.environ.get("CORRIDOR_PASSPHRASE")
            os.environ["CORRIDOR_PASSPHRASE"] = passphrase
            try:
                code = pki.main(argv)
            finally:
                if old is None:
                    os.environ.pop("CORRIDOR_PASSPHRASE", None)
                else:
                    os.environ["CORRIDOR_PASSPHRASE"] = old
            return "ok" if code == 0 else "failed"

        def make_request() -> None:
            pw = dlg.passphrase.text()
            argv = ["device", "init", "--home", str(home), "--delegate-id",
                    dlg.delegate.text().strip(), "--display-name", dlg.display.text().strip()]
            self.bridge.submit(lambda: run_pki(argv, pw), lambda r: dlg.request_note.setText(
                _t("Send %1 to your mission admin.").replace("%1", str(home /
                                                                     "device-request.pem"))
                if r == "ok" else _t("Could not create the key (see the terminal).")))

        def do_import() -> None:
            argv = ["device", "import", "--home", str(home), "--cert", dlg.device_cert.text(),
                    "--mission-cert", dlg.mission_cert.text(), "--root", dlg.root.text(),
                    "--root-fingerprint", dlg.fingerprint.text()]

            def done(r: str) -> None:
                if r != "ok":
                    dlg.result_label.setText(_t("Import refused: check the fingerprint and files."))
                    return
                self.args.relay = dlg.relay.text().strip() or None
                dlg.accept()

            self.bridge.submit(lambda: run_pki(argv, dlg.passphrase.text()), done)

        dlg.make_request.clicked.connect(make_request)
        dlg.import_button.clicked.connect(do_import)
        if dlg.exec():
            self.open_home(home)
        else:
            self.app.quit()

    # ------------------------------------------------------------------ window

    def _opened(self, session: Session) -> None:
        self.session = session
        self.bridge.forward_events(session.client)
        self.window = MainWindow(self.bridge, session)
        self.window.show()
        if self.splash is not None:
            self.splash.close()
            self.splash = None

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.critical(None, _t("Corridor"), _t("Could not open Corridor: %1")
                             .replace("%1", str(exc) or type(exc).__name__))
        self.app.quit()

    def shutdown(self) -> None:
        session, demo = self.session, self.demo
        if session is not None:
            with contextlib.suppress(Exception):  # closing anyway
                self.bridge.run_sync(session.close, timeout=20)
        if demo is not None:
            with contextlib.suppress(Exception):
                self.bridge.run_sync(demo.close_delegates, timeout=20)
            demo.stop()
        self.bridge.stop()


def run(args: argparse.Namespace) -> int:
    """The app's main loop (qasync on the UI thread); returns the exit status."""
    import qasync

    app = make_app()
    apply_theme(app, str(args.theme or "system"))
    bridge = Bridge()
    controller = Controller(app, bridge, args)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    done: asyncio.Future[Any] = loop.create_future()

    def finish() -> None:
        if not done.done():
            done.set_result(None)

    app.lastWindowClosed.connect(finish)
    app.aboutToQuit.connect(finish)
    loop.call_soon(controller.start)
    with loop:
        loop.run_until_complete(done)
    controller.shutdown()
    return 0
