# SPDX-License-Identifier: Apache-2.0
"""The exercise register as CSV and as iCalendar (RFC 5545, with the ``icalendar``
library), every row and event carrying its classification marking, so an export keeps
the marking of what it holds."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import icalendar

if TYPE_CHECKING:
    from client.notices.book import ExerciseRow

__all__ = ["iso", "register_csv", "register_ics"]

_COLUMNS = ("marking", "notice_id", "mission", "status", "revision", "name", "starts_at",
            "ends_at", "area", "lat", "lon", "activity", "forces", "contact", "history")


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="minutes")


def register_csv(rows: Iterable[ExerciseRow]) -> str:
    """One line per notice; dates in ISO 8601 (UTC), the history as ``action@date``."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(_COLUMNS)
    for r in rows:
        w.writerow([r["marking"] or "UNCLASSIFIED", r["notice_id"], r["mission"],
                    r["status"], r["revision"], r["name"], iso(r["starts_at"]),
                    iso(r["ends_at"]), r["area"], "" if r["lat"] is None else r["lat"],
                    "" if r["lon"] is None else r["lon"], r["activity"],
                    "; ".join(f"{c} {q}" for c, q in r["forces"]), r["contact"],
                    "; ".join(f"{h['action']}@{iso(h['at'])}" for h in r["history"])])
    return buf.getvalue()


def register_ics(rows: Iterable[ExerciseRow], *, venue: str, stamp_ms: int) -> bytes:
    """Each notice an event (cancelled ones STATUS:CANCELLED), its marking in the summary
    and the description; ``stamp_ms`` is DTSTAMP (injected: reproducible exports)."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Corridor//Exercise notices//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{venue}: exercise notices")
    for r in rows:
        mark = r["marking"] or "UNCLASSIFIED"
        ev = icalendar.Event()
        ev.add("uid", f"{r['notice_id']}@corridor")
        ev.add("dtstamp", datetime.fromtimestamp(stamp_ms / 1000, UTC))
        ev.add("dtstart", datetime.fromtimestamp(r["starts_at"] / 1000, UTC))
        ev.add("dtend", datetime.fromtimestamp(r["ends_at"] / 1000, UTC))
        ev.add("summary", f"[{mark}] {r['mission']}: {r['name']}")
        ev.add("sequence", r["revision"])
        ev.add("status", "CANCELLED" if r["status"] == "cancelled" else "CONFIRMED")
        if r["area"]:
            ev.add("location", r["area"])
        if r["lat"] is not None and r["lon"] is not None:
            ev.add("geo", (r["lat"], r["lon"]))
        forces = ", ".join(f"{c} {q}" for c, q in r["forces"])
        ev.add("description", "\n".join(x for x in (
            mark, f"status: {r['status']} (revision {r['revision']})", r["activity"],
            forces and f"forces: {forces}", r["contact"] and f"contact: {r['contact']}")
            if x))
        cal.add_component(ev)
    return bytes(cal.to_ical())
