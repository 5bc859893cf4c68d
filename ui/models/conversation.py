# SPDX-License-Identifier: Apache-2.0
"""One channel's messages, newest at the bottom, older history fetched lazily.

Opening a channel shows the newest page only; :meth:`canFetchMore` / :meth:`fetchMore`
bring the next older page when the view scrolls to the top (the view asks; see
ui/views/conversation.py). Pages come from the core through an asynchronous
``fetcher`` (the store is read on the core's thread), so ``fetchMore`` returns at once
and the rows are inserted when they arrive. New messages arrive in chunks (the window
feeds them across event-loop turns) and go to their place in relay order; edits,
reactions and acknowledgements replace the row they target; redactions and expiry
remove rows. :meth:`trim_top` keeps a long-running view bounded.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtCore import QPersistentModelIndex as QPIndex

from client.model import MessageView

from . import roles

__all__ = ["ConversationModel", "Fetcher"]

#: fetcher(before_position, deliver): load the page older than ``before_position`` and
#: call ``deliver(rows, more_remaining)`` on the UI thread.
Fetcher = Callable[[int, Callable[[list[MessageView], bool], None]], None]
Index = QModelIndex | QPIndex
_ROOT = QModelIndex()  # the invisible root (a shared default argument)


class ConversationModel(QAbstractListModel):
    """Rows of a channel (client.model.MessageView) in display order."""

    #: Older rows were prepended (count): the view keeps its scroll position.
    olderLoaded = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.channel_id = ""
        self._rows: list[MessageView] = []
        self._by_id: dict[str, int] = {}
        self._more = False
        self._fetching = False
        self._fetcher: Fetcher | None = None
        self._armed = False  # set by the view at the top: Qt's own probe is at the bottom
        self.high_water = 0  # newest arrival position read (modifiers included)

    # ------------------------------------------------------------------ Qt interface

    def rowCount(self, parent: Index = _ROOT) -> int:
        """Rows loaded so far (a list model: nothing under a valid parent)."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Text for display and accessibility; the whole row for the delegate."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == roles.ROW:
            return r
        if role == roles.MESSAGE_ID:
            return r.message_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{r.sender_label}: {r.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            # the sender's id behind their name, then who reacted, by name
            return "\n".join([r.sender, *(f"{e} {', '.join(map(r.person, who))}"
                                          for e, who in r.reactions)])
        return None

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        """Whether older history remains (and no page is on its way)."""
        return not parent.isValid() and self._more and not self._fetching \
            and self._fetcher is not None and self._armed

    def arm(self) -> None:
        """The view reached the top: the next :meth:`fetchMore` may load a page."""
        self._armed = True

    def fetchMore(self, parent: Index = _ROOT) -> None:
        """Ask for the next older page; rows are prepended when it arrives."""
        if not self.canFetchMore(parent) or self._fetcher is None:
            return
        self._fetching = True
        self._armed = False
        before = self._rows[0].position if self._rows else 0
        channel = self.channel_id
        self._fetcher(before, lambda rows, more: self._prepend(channel, rows, more))

    # ------------------------------------------------------------------ loading

    def reset_channel(self, channel_id: str, rows: Sequence[MessageView], more: bool,
                      fetcher: Fetcher | None, high_water: int) -> None:
        """Show a channel: its newest page and how to get older ones."""
        self.beginResetModel()
        self.channel_id = channel_id
        self._rows = list(rows)
        self._reindex()
        self._more = more
        self._fetching = False
        self._fetcher = fetcher
        self.high_water = high_water
        self.endResetModel()

    def clear(self) -> None:
        self.reset_channel("", [], False, None, 0)

    def _reindex(self) -> None:
        self._by_id = {r.message_id: i for i, r in enumerate(self._rows)}

    def _prepend(self, channel: str, rows: list[MessageView], more: bool) -> None:
        if channel != self.channel_id:
            return  # the user moved on while the page was loading
        self._fetching = False
        rows = [r for r in rows if r.message_id not in self._by_id]
        self._more = more
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._rows[0:0] = rows
            self._reindex()
            self.endInsertRows()
        self.olderLoaded.emit(len(rows))

    def apply_newer(self, channel: str, rows: Sequence[MessageView],
                    changed: Sequence[MessageView] = (), high_water: int = 0) -> int:
        """Put new rows at their place in relay order (normally the bottom); replace rows
        that changed. Returns how many rows were added."""
        if channel != self.channel_id:
            return 0
        self.high_water = max(self.high_water, high_water)
        fresh: list[MessageView] = []
        for r in rows:
            if r.message_id in self._by_id:
                self._replace(r)
            else:
                fresh.append(r)
        fresh.sort(key=lambda r: r.position)
        tail = self._rows[-1].position if self._rows else -1
        if fresh and fresh[0].position > tail:
            start = len(self._rows)  # the usual case: one block at the bottom
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._rows.extend(fresh)
            for i, r in enumerate(fresh, start):
                self._by_id[r.message_id] = i
            self.endInsertRows()
        else:
            for r in fresh:
                self._insert_sorted(r)
        for r in changed:
            self._replace(r)
        return len(fresh)

    def _insert_sorted(self, row: MessageView) -> None:
        keys = [r.position for r in self._rows]
        i = bisect.bisect_right(keys, row.position)
        if i == 0 and self._more and self._rows:
            return  # older than what is loaded: it comes with the older pages
        self.beginInsertRows(QModelIndex(), i, i)
        self._rows.insert(i, row)
        self._reindex()
        self.endInsertRows()

    def _replace(self, row: MessageView) -> None:
        i = self._by_id.get(row.message_id)
        if i is None:
            return
        if row.position != self._rows[i].position:
            # an own message the relay has now numbered: it moves to its relay place
            self.remove_ids([row.message_id])
            self._insert_sorted(row)
            return
        self._rows[i] = row
        idx = self.index(i, 0)
        self.dataChanged.emit(idx, idx)

    def replace_rows(self, channel: str, rows: Iterable[MessageView]) -> None:
        if channel == self.channel_id:
            for r in rows:
                self._replace(r)

    def remove_ids(self, message_ids: Iterable[str]) -> int:
        """Drop rows (redacted, expired). Returns how many were shown."""
        gone = sorted((self._by_id[m] for m in set(message_ids) if m in self._by_id),
                      reverse=True)
        for i in gone:
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._rows[i]
            self.endRemoveRows()
        if gone:
            self._reindex()
        return len(gone)

    def trim_top(self, keep: int) -> int:
        """Drop the oldest rows beyond ``keep`` (they stay pageable: ``has_more``)."""
        extra = len(self._rows) - keep
        if extra <= 0:
            return 0
        self.beginRemoveRows(QModelIndex(), 0, extra - 1)
        del self._rows[:extra]
        self._reindex()
        self._more = True
        self.endRemoveRows()
        return extra

    def ids_where(self, pred: Callable[[MessageView], bool]) -> list[str]:
        return [r.message_id for r in self._rows if pred(r)]

    # ------------------------------------------------------------------ queries

    def row_at(self, i: int) -> MessageView | None:
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def row_of(self, message_id: str) -> int:
        return self._by_id.get(message_id, -1)

    def rows(self) -> list[MessageView]:
        return list(self._rows)

    @property
    def has_more(self) -> bool:
        return self._more

    @property
    def fetching(self) -> bool:
        return self._fetching
