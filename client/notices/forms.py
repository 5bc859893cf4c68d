# SPDX-License-Identifier: Apache-2.0
"""The form check as a form sees it: :func:`check` builds the record a form's values
would make (with a stand-in author) and runs :func:`records.validate` on it, so the
app's forms show the very errors the core and every receiver would give, next to the
field they name, before anything is signed or sent."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from client.notices.records import (
    AidLine,
    AidRequest,
    ExchangeSubmission,
    ExerciseNotice,
    Force,
    FormError,
    Incident,
    NoticeRecord,
    Template,
    validate,
)

__all__ = ["Kind", "check", "missing_fields"]

Kind = Literal["exercise", "incident", "aid", "exchange", "template"]
_ID = b"\0" * 16
_WHO = "draft/form"


def _draft(kind: Kind, v: Mapping[str, object], now: int) -> NoticeRecord:
    def s(key: str) -> str:
        return str(v.get(key) or "")

    def f(key: str) -> float | None:
        x = v.get(key)
        return float(x) if isinstance(x, int | float) else None

    def i(key: str) -> int:
        x = v.get(key)
        return int(x) if isinstance(x, int | float) else 0

    if kind == "exercise":
        forces = v.get("forces") or ()
        assert isinstance(forces, Sequence)
        return ExerciseNotice(member=_WHO, at=now, notice_id=_ID, name=s("name"),
                              starts_at=i("starts_at"), ends_at=i("ends_at"),
                              lat=f("lat"), lon=f("lon"),
                              forces=tuple(Force(c, q) for c, q in forces))
    if kind == "incident":
        ref = s("explains")
        try:
            explains = bytes.fromhex(ref)
        except ValueError:
            raise FormError(f"{ref!r} is not a request's id", "explains") from None
        lat, lon = f("lat"), f("lon")
        if lat is None or lon is None:  # Incident needs both: the check names the field
            raise FormError("the position needs a latitude and a longitude",
                            "lat" if lat is None else "lon")
        return Incident(member=_WHO, at=now, incident_id=_ID, occurred_at=i("occurred_at"),
                        lat=lat, lon=lon, what=s("what"), explains=explains)
    if kind == "aid":
        lines = v.get("lines") or ()
        assert isinstance(lines, Sequence)
        if not lines:
            raise FormError("a request has at least one line", "lines")
        return AidRequest(member=_WHO, at=now, request_id=_ID,
                          lines=tuple(AidLine(n, c, q, u)
                                      for n, (c, q, u) in enumerate(lines, 1)),
                          lat=f("lat"), lon=f("lon"))
    if kind == "exchange":
        return ExchangeSubmission(member=_WHO, at=now, year=i("year"), body=s("body"))
    raw = v.get("fields") or ()
    assert isinstance(raw, Sequence)
    fields = tuple(str(x) for x in raw)
    if not fields:
        raise FormError("a template has at least one field", "fields")
    tid = s("template_id")
    if not tid or any(c not in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in tid):
        raise FormError("the id is lower-case letters, digits and hyphens", "template_id")
    if not s("title").strip():
        raise FormError("the title is required", "title")
    return Template(member=_WHO, at=now, template_id=tid, title=s("title"), fields=fields)


def check(kind: Kind, values: Mapping[str, object], now: int) -> FormError | None:
    """The first error the form's ``values`` would get (its ``field`` set), or None."""
    try:
        validate(_draft(kind, values, now))
    except FormError as exc:
        return exc
    return None


def missing_fields(fields: Sequence[str], values: Mapping[str, str]) -> list[str]:
    """The template's fields left empty (every one is required)."""
    return [f for f in fields if not values.get(f, "").strip()]
