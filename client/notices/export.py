# SPDX-License-Identifier: Apache-2.0
"""The exercise register as CSV, as iCalendar (RFC 5545, with the ``icalendar``
library) and as a printable PDF, every row and event carrying its classification
marking, and every PDF page the highest marking of the register at its top and bottom,
so an export keeps the marking of what it holds."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from crypto.corridor.markings import DEFAULT_SCHEME, MarkingScheme, highest

if TYPE_CHECKING:
    from client.notices.book import ExerciseRow

__all__ = ["iso", "register_csv", "register_ics", "register_pdf"]

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
    # imported here, not with the module: icalendar (with dateutil and zoneinfo) is 4 MiB
    # of RSS that every start of the app and the core would carry for an export
    import icalendar

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


def register_pdf(rows: Sequence[ExerciseRow], *, venue: str, stamp_ms: int,
                 scheme: MarkingScheme = DEFAULT_SCHEME) -> bytes:
    """The register for printing: a block per notice (its own marking first), and the
    highest marking of all of them at the top and the bottom of every page."""
    from client.marked_pdf import MarkedPDF

    mark = str(highest([r["marking"] for r in rows], scheme))
    pdf = MarkedPDF(mark, title=f"{venue}: exercise notices", created_ms=stamp_ms)
    pdf.add_page()
    pdf.body(15)
    pdf.para(f"{venue}: exercise notices", 8)
    pdf.body(8)
    pdf.para(f"Exported {iso(stamp_ms)} UTC; {len(rows)} notice(s).")
    pdf.ln(3)
    for r in rows:
        forces = ", ".join(f"{c} {q}" for c, q in r["forces"])
        place = r["area"] + (f" ({r['lat']}, {r['lon']})" if r["lat"] is not None else "")
        pdf.body(11)
        pdf.para(f"[{r['marking'] or 'UNCLASSIFIED'}] {r['mission']}: {r['name']}", 6)
        pdf.body(9)
        for line in (f"{iso(r['starts_at'])} to {iso(r['ends_at'])} UTC; {r['status']} "
                     f"(revision {r['revision']})", place, r["activity"],
                     forces and f"forces: {forces}",
                     r["contact"] and f"contact: {r['contact']}",
                     "history: " + "; ".join(f"{h['action']} {iso(h['at'])} by {h['by']}"
                                             for h in r["history"])):
            if line:
                pdf.para(line, 4.5)
        pdf.ln(3)
    return bytes(pdf.output())
