# SPDX-License-Identifier: Apache-2.0
"""Reading a restored history archive (``HOME/archive/``, written by client/backup.py)
as messages, so the app shows them in the channel they came from, above what this
device received itself.

A restored device is a new device: it decrypts only what was sent after it joined, and
the messages from before are the backup's signed channel exports. Each page is verified
again against the home's pinned venue root when read (a page changed on disk is left
out, never shown), and only messages older than the oldest one the device holds (by
relay sequence number) are added, so nothing shows twice. Archived messages get paging
keys below every live one (:data:`ARCHIVE_SHIFT`), so the conversation pages back from
the live history into the archive without knowing there are two.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from client.history_export import ExportedMessage, ExportError, verify_export
from client.model import MessageView

__all__ = ["ARCHIVE_SHIFT", "Archive"]

log = logging.getLogger("corridor.archive")

#: Archived messages' paging keys are their relay seq minus this: below every live key.
ARCHIVE_SHIFT = 1 << 62


def _view(m: ExportedMessage, me: str) -> MessageView:
    return MessageView(m.message_id, m.sender, m.kind, m.text, m.sent_at, m.seq,
                       m.sender == me, m.seq - ARCHIVE_SHIFT, edited=m.edited,
                       reply_to=m.reply_to)


@dataclass
class Archive:
    """The verified archive of one home, read lazily and again when a page changes."""

    folder: Path
    root_der: bytes
    #: "mission/delegate" of this device (its own archived messages show as its own)
    me: str
    _seen: dict[Path, float] = field(default_factory=dict)
    _by_channel: dict[str, list[MessageView]] = field(default_factory=dict)

    def _load(self) -> None:
        pages = sorted(self.folder.glob("*.html")) if self.folder.is_dir() else []
        stamps = {p: p.stat().st_mtime for p in pages}
        if stamps == self._seen:
            return
        by_channel: dict[str, dict[str, MessageView]] = {}
        for p in pages:
            try:
                x = verify_export(p.read_text(encoding="utf-8"), self.root_der)
            except (ExportError, OSError, UnicodeDecodeError) as exc:
                log.warning("archive page %s left out: %s", p.name, exc)
                continue
            rows = by_channel.setdefault(x.channel_id, {})
            for m in x.messages:
                if m.seq >= 0:  # unsent when exported: no place in relay order
                    rows[m.message_id] = _view(m, self.me)
        self._by_channel = {cid: sorted(rows.values(), key=lambda v: v.position)
                            for cid, rows in by_channel.items()}
        self._seen = stamps

    def channels(self) -> list[str]:
        """Channels (hex ids) with archived messages."""
        self._load()
        return list(self._by_channel)

    def page(self, channel_id: str, *, below_seq: int | None, before: int | None,
             limit: int) -> tuple[list[MessageView], bool]:
        """Archived messages older than relay seq ``below_seq`` (the device's oldest; None:
        it holds none) and than paging key ``before`` (an archived one), the newest
        ``limit`` of them, oldest first; and whether older ones remain."""
        self._load()
        rows = [v for v in self._by_channel.get(channel_id, [])
                if (below_seq is None or (v.seq or 0) < below_seq)
                and (before is None or v.position < before)]
        return rows[-limit:], len(rows) > limit
