# SPDX-License-Identifier: Apache-2.0
"""How the main window follows the core: events coalesced into refreshes, new messages
appended in chunks or replaced by the newest page, link and routing status.

Functions over :class:`~ui.views.main_window.MainWindow`, which delegates to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer

from client import events as ev
from client.errors import ClientError
from client.model import MessageView
from client.mute import breaks_through
from ui.rows import Newer

if TYPE_CHECKING:

    from client.transparency import DirectoryStatus
from ui.views.window_common import (
    BACKLOG_PAGE,
    CHUNK,
    MAX_DETACHED,
    MAX_ROWS,
    _duration,
)

if TYPE_CHECKING:
    from client.core import Client
    from ui.views.main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _on_event(mw: MainWindow, client: object, batch: list[ev.Event]) -> None:
    if client is not mw.session.client:
        return  # another device on the same core loop (tests, several windows)
    notified = 0
    for e in batch:
        if isinstance(e, ev.MessageReceived) and not e.own and notified < 3:
            notified += 1  # a burst raises a few notifications, not thousands
        elif isinstance(e, ev.MessageReceived):
            mw._pending_channels.add(e.channel_id.hex())
            continue
        mw._on_one_event(e)
    if not mw._refresh_timer.isActive():
        mw._refresh_timer.start()


def _on_one_event(mw: MainWindow, e: ev.Event) -> None:
    cid = getattr(e, "channel_id", b"").hex() if isinstance(
        getattr(e, "channel_id", None), bytes) else ""
    if isinstance(e, ev.MessageEdited | ev.ReactionChanged | ev.AckUpdated):
        if cid == mw.current:
            mw._changed.add(e.message_id.hex())
        return
    if isinstance(e, ev.MessageRedacted):
        if cid == mw.current:
            mw._gone.add(e.message_id.hex())
        return
    if isinstance(e, ev.ConnectionChanged):
        mw._show_link(e.connected, e.detail)
        return
    if isinstance(e, ev.MessageFailed):
        # the relay refused an own message for good: its row shows why
        if cid == mw.current:
            mw._changed.add(e.message_id.hex())
        mw.statusBar().showMessage(
            _t("A message was not sent: %1").replace("%1", e.reason), 10000)
        return
    if isinstance(e, ev.MessageSent):
        # the relay numbered an own message: its row leaves "sending" and moves to
        # its relay place (repainted with the next refresh; nothing is polled)
        if cid == mw.current:
            mw._changed.add(e.message_id.hex())
        return
    if isinstance(e, ev.MessagesExpired):
        if cid == mw.current:
            mw._gone.update(m.hex() for m in e.message_ids)
        mw._pending_channels.add(cid)
        return
    if isinstance(e, ev.TimerChanged):
        if cid == mw.current:
            mw._load_timer(cid)
        return
    if isinstance(e, ev.NoticePinned | ev.EmergencyCallReceived):
        return  # the refresh after this batch reads the notice board and trackers
    if isinstance(e, ev.MessageReceived) and e.kind == "read" and cid == mw.current:
        # someone read something: repaint own rows' "read by" (the newest ones)
        own = mw.conv_model.ids_where(lambda r: r.own)[-30:]
        mw._changed.update(own)
    if isinstance(e, ev.MessageReceived):
        mw._pending_channels.add(e.channel_id.hex())
        if not e.own and e.kind not in ("read", "ack", "react", "edit", "redact"):
            mw._notify_message(e)
    elif isinstance(e, ev.ChannelJoined | ev.ChannelLeft | ev.MembershipChanged
                    | ev.RoutingMismatch | ev.RoutingRestored):
        mw._refresh_all = True
        mw._pending_channels.add(e.channel_id.hex())
    elif isinstance(e, ev.CertificateExpiring | ev.KeyPackagesDraining):
        mw._refresh_all = True  # the banner is read again with the channels
    elif isinstance(e, ev.ErrorEvent):
        mw.statusBar().showMessage(e.reason, 6000)
        return
    elif isinstance(e, ev.DirectoryAlarm):
        mw.statusBar().showMessage(_t("Security alarm: the relay's directory — %1")
                                     .replace("%1", e.detail), 15000)
        if mw.current:
            mw._load_directory(mw.current)
    elif isinstance(e, ev.CommitVoided):  # the vote's outcome, shown to every member
        mw.statusBar().showMessage(
            _t("A change to this channel was voided by its missions"), 10000)
    elif isinstance(e, ev.ForkDetected | ev.PolicyRefused | ev.PossibleWithholding):
        mw.statusBar().showMessage(_t("Warning: %1").replace("%1", type(e).__name__),
                                     10000)


def _show_link(mw: MainWindow, up: bool | None, detail: str = "") -> None:
    """The relay connection in the status bar, as the core last reported it (only
    ConnectionChanged moves it: a message or an error says nothing about the link)."""
    if up is None:
        text = _t("Connecting…")
    elif up:
        text = _t("Connected")
    else:
        text = _t("Offline — reconnecting…")
    mw.connection.setText(text)
    mw.connection.setToolTip(detail)
    mw._shown_link = up


def watch_link(mw: MainWindow, client: Client, every_ms: int) -> QTimer:
    """Read the core's link now and every ``every_ms``, and correct the label if it
    says otherwise. The label has two sources on two threads (these reads, the events),
    and in CI it once stayed "Connecting…" for a minute while the core was connected;
    whatever the race, a wrong label cannot outlive one check. The event's detail, in
    the tooltip, stays when the label was right."""
    def check(up: bool | None) -> None:
        if up != mw._shown_link:
            _show_link(mw, up)

    def read() -> None:
        mw.bridge.submit(lambda: client.link, check)

    read()
    timer = QTimer(mw)
    timer.setInterval(every_ms)
    timer.timeout.connect(read)
    timer.start()
    return timer


def _show_routing(mw: MainWindow, warning: str) -> None:
    """The open channel's routing warning, above its messages (until it is gone)."""
    mw.routing_banner.setText(_t("Warning: %1").replace("%1", warning) if warning else "")
    mw.routing_banner.setVisible(bool(warning))


def _notify_message(mw: MainWindow, e: ev.MessageReceived) -> None:
    """Notify a new message by its sender's name (from their verified certificate chain,
    as the bubble writes it), read on the core's thread with whether it asks for an
    acknowledgement (which breaks through a mute)."""
    cid = e.channel_id.hex()
    a = mw.adapter

    def look() -> tuple[str, bool]:
        try:
            who = a.client.message(e.message_id, channel=e.channel_id).sender_label
        except ClientError:  # gone meanwhile (expired, redacted): the id stands alone
            who = e.sender
        return who, a.asks_ack(e.channel_id, e.message_id)

    mw.bridge.submit(look, lambda found: _notify_found(mw, e, cid, *found))


def _notify_found(mw: MainWindow, e: ev.MessageReceived, cid: str, who: str,
                  asks_ack: bool) -> None:
    visible = cid == mw.current and mw.isActiveWindow()
    info = mw.channel_model.channel(cid)
    name = info.name if info else ""
    if cid in mw.muted and not breaks_through(e.kind, asks_ack):
        return  # muted: emergency meetings and acknowledgement requests still notify
    if e.kind == "emergency":
        mw.notify(_t("Emergency meeting"), _t("%1 convened an emergency meeting")
                    .replace("%1", who), critical=True)
    elif not visible:
        mw.notify(name, _t("New message from %1").replace("%1", who))


def _refresh(mw: MainWindow) -> None:
    pending, mw._pending_channels = mw._pending_channels, set()
    if mw._refresh_all:
        mw._refresh_all = False
        mw.load()
        if mw.current:
            cid = bytes.fromhex(mw.current)
            current = mw.current
            mw.bridge.submit(lambda: mw.adapter.members(cid),
                               lambda ms: mw.member_pane.set_members(ms, mw.verified)
                               if mw.current == current else None)
    if mw.current and mw.conv_model.channel_id == mw.current:
        mw._apply_changes(mw.current)
    if mw.current in pending and mw.conv_model.channel_id == mw.current:
        mw._load_newer(mw.current)
    others = [c for c in pending if c != mw.reading()]
    if others:
        mw._refresh_unread(others)
    mw._refresh_acks()


def _apply_changes(mw: MainWindow, channel_id: str) -> None:
    """Repaint rows that edits, reactions, receipts, acks or the relay's numbering
    (MessageSent) changed; drop redacted and expired ones (both batched per refresh)."""
    gone, mw._gone = mw._gone, set()
    if gone:
        mw.conv_model.remove_ids(gone)
    changed, mw._changed = mw._changed - gone, set()
    ids = [m for m in changed if mw.conv_model.row_of(m) >= 0]
    if not ids:
        return
    a = mw.adapter
    cid = bytes.fromhex(channel_id)
    mw.bridge.submit(lambda: a.rows(cid, ids),
                       lambda rows: mw.conv_model.replace_rows(channel_id, rows))


def _load_newer(mw: MainWindow, channel_id: str) -> None:
    """Append what arrived, one chunk per event-loop turn (see the module docstring)."""
    if mw._newer_busy:
        mw._newer_again = True
        return
    if mw.conversation.held:
        mw._count_held(channel_id)
        return
    mw._newer_busy = True
    a = mw.adapter
    cid = bytes.fromhex(channel_id)
    after = mw.conv_model.high_water

    def done(res: Newer) -> None:
        mw._newer_busy = False
        if channel_id != mw.current or mw.conv_model.channel_id != channel_id:
            return
        follow = mw.conversation.at_bottom() or mw.conversation._stick
        if not follow and mw.conv_model.rowCount() >= MAX_DETACHED:
            # the reader is far up in older history: hold newer messages back
            mw.conversation.set_unseen(mw.conversation.unseen, held=True)
            mw._count_held(channel_id)
            return
        if follow and res.more:
            # a backlog (a catch-up of thousands): show the newest page rather than
            # stream every message through the list (each chunk re-lays out every
            # loaded row on the UI thread); older ones are paged in on scrolling up
            mw._newer_busy = True
            mw._show_newest_page(channel_id)
            return
        mw.conv_model.apply_newer(channel_id, res.rows, (), res.high_water)
        if follow:
            mw.conv_model.trim_top(MAX_ROWS)
        if mw.reading() == channel_id:
            mw._mark_read(channel_id, res.high_water)
            mw._send_receipts(channel_id, res.rows)
        else:  # a venue not shown: unread until its window is (see MainWindow.showEvent)
            mw._refresh_unread([channel_id])
        if res.more or mw._newer_again:
            mw._newer_again = False
            QTimer.singleShot(0, lambda: mw._load_newer(channel_id)
                              if channel_id == mw.current else None)

    def failed(exc: BaseException) -> None:
        mw._newer_busy = False
        mw.bridge.failed.emit(str(exc) or type(exc).__name__)

    mw.bridge.submit(lambda: a.newer(cid, after, limit=CHUNK), done, failed)


def _show_newest_page(mw: MainWindow, channel_id: str) -> None:
    """Replace the rows by the channel's newest page (the reader follows the bottom
    and a backlog arrived); then carry on with what lands after it."""
    a = mw.adapter
    cid = bytes.fromhex(channel_id)

    def newest() -> tuple[list[MessageView], bool, int]:
        high = a.high_water(cid)
        rows, more = a.page(cid, limit=BACKLOG_PAGE)
        return rows, more, high

    def done(res: tuple[list[MessageView], bool, int]) -> None:
        mw._newer_busy = False
        if channel_id != mw.current or mw.conv_model.channel_id != channel_id:
            return
        rows, more, high = res
        mw.conv_model.reset_channel(channel_id, rows, more, mw._fetcher(channel_id),
                                      high)
        mw._mark_read(channel_id, high)
        mw._send_receipts(channel_id, rows)
        if mw._newer_again:
            mw._newer_again = False
            QTimer.singleShot(0, lambda: mw._load_newer(channel_id)
                              if channel_id == mw.current else None)

    def failed(exc: BaseException) -> None:
        mw._newer_busy = False
        mw.bridge.failed.emit(str(exc) or type(exc).__name__)

    mw.bridge.submit(newest, done, failed)


def _send_receipts(mw: MainWindow, channel_id: str, rows: list[MessageView]) -> None:
    """Shown messages that ask for acknowledgement get a read receipt (once), so the
    sender's tracker can say "read, not yet acknowledged"."""
    ids = [r.message_id for r in rows if r.requires_ack and not r.own
           and r.message_id not in mw._receipted
           and mw.adapter.me not in r.read_by]
    info = mw.channel_model.channel(channel_id)
    if not ids or info is None or not info.can_answer:
        return
    mw._receipted.update(ids)
    cid = bytes.fromhex(channel_id)
    mw.bridge.submit(lambda: mw.adapter.mark_read(cid, ids), None, lambda _e: None)


def _count_held(mw: MainWindow, channel_id: str) -> None:
    """How many messages wait behind the pill (counted on the core's thread)."""
    a = mw.adapter
    cid = bytes.fromhex(channel_id)
    after = mw.conv_model.high_water
    loaded = mw.conversation.unseen

    def show(n: int) -> None:
        if channel_id == mw.current and mw.conversation.held:
            mw.conversation.set_unseen(max(n, loaded, 1))

    mw.bridge.submit(lambda: a.count_after(cid, after, cap=9999), show)


def jump_to_newest(mw: MainWindow) -> None:
    """Leave older history for the newest page (the pill, or the bottom reached)."""
    if mw.current:
        mw.conversation.set_unseen(0, held=False)
        mw.open_channel(mw.current)


def _load_directory(mw: MainWindow, channel_id: str) -> None:
    """Key transparency for the open conversation: verified, or the evidence."""
    cid = bytes.fromhex(channel_id)
    a = mw.adapter
    mw.directory_badge.set_status(None)

    def show(status: DirectoryStatus | None) -> None:
        if channel_id == mw.current:
            mw.directory_badge.set_status(status)

    mw.bridge.submit(lambda: a.directory_status(cid), show,
                       lambda _exc: show(None))


def _load_timer(mw: MainWindow, channel_id: str) -> None:
    a = mw.adapter
    cid = bytes.fromhex(channel_id)

    def show(res: tuple[int | None, str]) -> None:
        if channel_id != mw.current:
            return
        seconds, by = res
        mw.timer_label.setVisible(bool(seconds))
        if seconds:
            mw.timer_label.setText(_t("⏱ Messages disappear after %1 (set by %2)")
                                     .replace("%1", _duration(seconds))
                                     .replace("%2", by or _t("a member")))
        mw.current_timer = seconds

    mw.bridge.submit(lambda: a.timer(cid), show)
