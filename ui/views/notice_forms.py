# SPDX-License-Identifier: Apache-2.0
"""The notices window's forms: exercise notice, aid request, incident notification,
contingency template (the chair publishes one, a mission fills one in), and the annual
exchange submission.

Every form checks itself when OK is pressed (:func:`client.notices.forms.check`, the
core's own check) and shows each error under the field it names, keeping the dialog
open with the cursor on that field; only a form that passes is emitted. The forms are
keyboard-first: Tab moves between fields, Enter sends, and the template form opens on
the first field left to fill, the others prefilled where the answer is known (the time,
the mission, the contact).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from client.notices.forms import Kind, check, missing_fields
from ui.views.buttons import ok_cancel
from ui.views.marking_combo import MarkingCombo

if TYPE_CHECKING:
    from ui.views.notices import NoticesSnapshot

__all__ = ["AidDialog", "DueDateDialog", "ExchangeDialog", "ExerciseDialog", "FieldForm",
           "IncidentDialog", "TemplateFillDialog", "TemplatePublishDialog", "split_lines"]


def _t(text: str) -> str:
    return QCoreApplication.translate("Notices", text)


def split_lines(text: str, *, unit: bool) -> list[tuple[str, int, str]]:
    """``water=1000:litres, tents=50`` as (category, quantity, unit); a quantity that is
    not a number is passed on as 0, which the check refuses as not positive."""
    out = []
    for part in text.replace("\n", ",").split(","):
        if not part.strip():
            continue
        cat, _, rest = part.partition("=")
        qty, _, u = rest.partition(":")
        try:
            n = int(qty.strip())
        except ValueError:
            n = 0
        out.append((cat.strip(), n, u.strip() if unit else ""))
    return out


class FieldForm(QDialog):
    """A form whose errors show under their fields; :meth:`errors` says what is wrong."""

    kind: Kind | None = None

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout(self)
        #: errors no field owns (a rule over several fields)
        self.general = self._error_label("")
        self.form.addRow(self.general)
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}

    def _error_label(self, key: str) -> QLabel:
        lab = QLabel(self)
        lab.setObjectName(f"error_{key}" if key else "error")
        lab.setStyleSheet("color: #a00;")
        lab.setWordWrap(True)
        lab.setVisible(False)
        return lab

    def add(self, key: str, label: str, widget: QWidget) -> None:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(widget)
        err = self._error_label(key)
        lay.addWidget(err)
        self.fields[key] = widget
        self.messages[key] = err
        self.form.addRow(label, box)

    def add_channels(self, snap: NoticesSnapshot) -> QComboBox:
        combo = _narrow(QComboBox(self))
        for cid, name, ceiling in snap.channels:
            combo.addItem(_t("%1 (ceiling %2)").replace("%1", name).replace("%2", ceiling),
                          cid)
        self.add("channel", _t("Channel"), combo)
        return combo

    def add_marking(self, snap: NoticesSnapshot) -> QComboBox:
        """The levels the chosen channel's ceiling allows, following the channel box (a
        form never offers a marking the client would refuse)."""
        combo = MarkingCombo(snap.levels, self)
        channel = getattr(self, "channel", None)
        if isinstance(channel, QComboBox) and snap.allowed:
            combo.follow(channel, snap.allowed)
        self.add("marking", _t("Marking"), combo)
        return combo

    def finish(self) -> None:
        self.form.addRow(ok_cancel(self))

    def values(self) -> dict[str, Any]:
        return {}

    def errors(self) -> dict[str, str]:
        """Field -> what is wrong with it ("" for the form as a whole)."""
        out = self.local_errors()
        if not out and self.kind is not None:
            exc = check(self.kind, self.values(), int(time.time() * 1000))
            if exc is not None:
                out[exc.field if exc.field in self.fields else ""] = str(exc)
        if "channel" in self.fields and not self.values().get("channel"):
            out["channel"] = _t("No channel to send to")
        return out

    def local_errors(self) -> dict[str, str]:
        """Errors the core's check cannot see (text that is not a number...)."""
        return {}

    def show_errors(self, errors: dict[str, str]) -> None:
        self.general.setText(errors.get("", ""))
        self.general.setVisible("" in errors)
        for key, lab in self.messages.items():
            lab.setText(errors.get(key, ""))
            lab.setVisible(key in errors)
        first = next((k for k in self.fields if k in errors), None)
        if first is not None:
            self.fields[first].setFocus()

    def accept(self) -> None:
        errors = self.errors()
        self.show_errors(errors)
        if not errors:
            super().accept()


def _narrow(combo: QComboBox, chars: int = 24) -> QComboBox:
    """A combo box whose width does not follow its longest item (a request's or a
    template's text): it takes the room the form gives it."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def _number(edit: QLineEdit) -> float | None:
    text = edit.text().strip().replace(",", ".")
    return float(text) if text else None


class _Position:
    """Latitude and longitude fields, typed as text (a number is checked, then the
    range by the core)."""

    lat: QLineEdit
    lon: QLineEdit

    def position_errors(self) -> dict[str, str]:
        out = {}
        for key, edit in (("lat", self.lat), ("lon", self.lon)):
            try:
                _number(edit)
            except ValueError:
                out[key] = _t("“%1” is not a number").replace("%1", edit.text())
        return out

    def position(self) -> dict[str, float | None]:
        try:
            return {"lat": _number(self.lat), "lon": _number(self.lon)}
        except ValueError:
            return {"lat": None, "lon": None}


class ExerciseDialog(FieldForm, _Position):
    """Advance notice of a military exercise."""

    kind = "exercise"

    def __init__(self, snap: NoticesSnapshot, parent: QWidget | None = None) -> None:
        super().__init__(_t("Exercise notice"), parent)
        self.channel = self.add_channels(snap)
        self.name = QLineEdit(self)
        now = QDateTime.currentDateTime()
        self.start = QDateTimeEdit(now.addDays(7), self)
        self.end = QDateTimeEdit(now.addDays(10), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
        self.area = QLineEdit(self)
        self.lat = QLineEdit(self)
        self.lon = QLineEdit(self)
        self.forces = QLineEdit(self)
        self.forces.setPlaceholderText(_t("troops=3000, tanks=40"))
        self.activity = QLineEdit(self)
        self.contact = QLineEdit(snap.me, self)
        for key, label, w in (("name", _t("Name"), self.name),
                              ("starts_at", _t("Starts"), self.start),
                              ("ends_at", _t("Ends"), self.end),
                              ("area", _t("Area"), self.area),
                              ("lat", _t("Latitude"), self.lat),
                              ("lon", _t("Longitude"), self.lon),
                              ("forces", _t("Forces"), self.forces),
                              ("activity", _t("Activity"), self.activity),
                              ("contact", _t("Contact"), self.contact)):
            self.add(key, label, w)
        self.marking = self.add_marking(snap)
        self.finish()
        self.name.setFocus()

    def local_errors(self) -> dict[str, str]:
        return self.position_errors()

    def values(self) -> dict[str, Any]:
        return {"channel": self.channel.currentData(), "name": self.name.text(),
                "starts_at": self.start.dateTime().toMSecsSinceEpoch(),
                "ends_at": self.end.dateTime().toMSecsSinceEpoch(),
                "area": self.area.text(), **self.position(),
                "forces": [(c, q) for c, q, _u in split_lines(self.forces.text(),
                                                              unit=False)],
                "activity": self.activity.text(), "contact": self.contact.text(),
                "marking": self.marking.currentText()}


class AidDialog(FieldForm):
    """A request for disaster aid: needs by category and quantity."""

    kind = "aid"

    def __init__(self, snap: NoticesSnapshot, parent: QWidget | None = None) -> None:
        super().__init__(_t("Request aid"), parent)
        self.channel = self.add_channels(snap)
        self.lines = QPlainTextEdit(self)
        self.lines.setTabChangesFocus(True)
        self.lines.setPlaceholderText(_t("water=20000:litres, tents=300"))
        self.location = QLineEdit(self)
        self.urgency = QComboBox(self)
        for key, label in (("flash", _t("flash")), ("urgent", _t("urgent")),
                           ("routine", _t("routine"))):
            self.urgency.addItem(label, key)
        self.contact = QLineEdit(snap.me, self)
        for key, label, w in (("lines", _t("Needs"), self.lines),
                              ("location", _t("Location"), self.location),
                              ("urgency", _t("Urgency"), self.urgency),
                              ("contact", _t("Contact"), self.contact)):
            self.add(key, label, w)
        self.finish()
        self.lines.setFocus()

    def values(self) -> dict[str, Any]:
        return {"channel": self.channel.currentData(),
                "lines": split_lines(self.lines.toPlainText(), unit=True),
                "location": self.location.text(), "urgency": self.urgency.currentData(),
                "contact": self.contact.text()}


class IncidentDialog(FieldForm, _Position):
    """An incident at sea or in the air, optionally linked to a request for explanation
    this device holds."""

    kind = "incident"

    def __init__(self, snap: NoticesSnapshot, parent: QWidget | None = None) -> None:
        super().__init__(_t("Incident notification"), parent)
        self.channel = self.add_channels(snap)
        self.occurred = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.occurred.setCalendarPopup(True)
        self.lat = QLineEdit(self)
        self.lat.setPlaceholderText(_t("-90 to 90"))
        self.lon = QLineEdit(self)
        self.lon.setPlaceholderText(_t("-180 to 180"))
        self.units = QLineEdit(self)
        self.what = QPlainTextEdit(self)
        self.what.setTabChangesFocus(True)
        self.what.setFixedHeight(80)
        self.contact = QLineEdit(snap.me, self)
        self.explains = _narrow(QComboBox(self))
        self.explains.addItem(_t("(none)"), "")
        for rid, requester, to_mission, what in snap.explanations:
            self.explains.addItem(_t("%1 to %2: %3").replace(
                "%1", snap.label(requester)).replace("%2", to_mission).replace(
                "%3", what[:60]), rid)
        for key, label, w in (("occurred_at", _t("When"), self.occurred),
                              ("lat", _t("Latitude"), self.lat),
                              ("lon", _t("Longitude"), self.lon),
                              ("units", _t("Units involved"), self.units),
                              ("what", _t("What happened"), self.what),
                              ("contact", _t("Contact"), self.contact),
                              ("explains", _t("Request for explanation"), self.explains)):
            self.add(key, label, w)
        self.marking = self.add_marking(snap)
        self.finish()
        self.lat.setFocus()

    def local_errors(self) -> dict[str, str]:
        return self.position_errors()

    def values(self) -> dict[str, Any]:
        return {"channel": self.channel.currentData(),
                "occurred_at": self.occurred.dateTime().toMSecsSinceEpoch(),
                **self.position(), "units": self.units.text(),
                "what": self.what.toPlainText(), "contact": self.contact.text(),
                "explains": self.explains.currentData() or "",
                "marking": self.marking.currentText()}


class ExchangeDialog(FieldForm):
    """The mission's annual exchange, or an amendment of it (then the note says what
    changed)."""

    kind = "exchange"

    def __init__(self, snap: NoticesSnapshot, parent: QWidget | None = None) -> None:
        ex = snap.exchange
        amending = bool(ex and any(r["mission"] == snap.mission and r["submitted_at"]
                                   for r in ex["missions"]))
        super().__init__(_t("Amend the annual exchange") if amending
                         else _t("Submit the annual exchange"), parent)
        self.amending = amending
        self.channel = self.add_channels(snap)
        self.year = QSpinBox(self)
        self.year.setRange(1990, 9999)
        self.year.setValue(ex["year"] if ex else time.gmtime().tm_year)
        self.body = QPlainTextEdit(self)
        self.body.setTabChangesFocus(True)
        if ex and amending:
            mine = next(r for r in ex["missions"] if r["mission"] == snap.mission)
            self.body.setPlainText(mine["current"])
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(_t("what the amendment changes"))
        self.add("year", _t("Year"), self.year)
        self.add("body", _t("Information"), self.body)
        self.add("note", _t("Amendment note"), self.note)
        self.marking = self.add_marking(snap)
        self.finish()
        self.body.setFocus()

    def local_errors(self) -> dict[str, str]:
        if self.amending and not self.note.text().strip():
            return {"note": _t("Say what the amendment changes")}
        return {}

    def values(self) -> dict[str, Any]:
        return {"channel": self.channel.currentData(), "year": self.year.value(),
                "body": self.body.toPlainText(), "note": self.note.text(),
                "marking": self.marking.currentText()}


class DueDateDialog(FieldForm):
    """The chair sets the year's due date of the annual exchange."""

    def __init__(self, snap: NoticesSnapshot, parent: QWidget | None = None) -> None:
        super().__init__(_t("Due date of the annual exchange"), parent)
        self.channel = self.add_channels(snap)
        self.year = QSpinBox(self)
        self.year.setRange(1990, 9999)
        ex = snap.exchange
        self.year.setValue(ex["year"] if ex else time.gmtime().tm_year)
        self.due = QDateTimeEdit(QDateTime.currentDateTime().addDays(30), self)
        self.due.setCalendarPopup(True)
        self.add("year", _t("Year"), self.year)
        self.add("due_at", _t("Due by"), self.due)
        self.finish()
        self.due.setFocus()

    def local_errors(self) -> dict[str, str]:
        if self.due.dateTime() <= QDateTime.currentDateTime():
            return {"due_at": _t("The due date must be in the future")}
        return {}

    def values(self) -> dict[str, Any]:
        return {"channel": self.channel.currentData(), "year": self.year.value(),
                "due_at": self.due.dateTime().toMSecsSinceEpoch()}


class TemplatePublishDialog(FieldForm):
    """The chair publishes a contingency template: its fields, one per line."""

    kind = "template"

    def __init__(self, snap: NoticesSnapshot, parent: QWidget | None = None) -> None:
        super().__init__(_t("Publish a template"), parent)
        self.channel = self.add_channels(snap)
        self.template_id = QLineEdit(self)
        self.template_id.setPlaceholderText(_t("ship-incident"))
        self.title = QLineEdit(self)
        self.field_list = QLineEdit(self)
        self.field_list.setPlaceholderText(_t("time, position, ship, intent"))
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(70)
        for key, label, w in (("template_id", _t("Id"), self.template_id),
                              ("title", _t("Title"), self.title),
                              ("fields", _t("Fields"), self.field_list),
                              ("text", _t("Text"), self.text)):
            self.add(key, label, w)
        self.finish()
        self.template_id.setFocus()

    def values(self) -> dict[str, Any]:
        return {"channel": self.channel.currentData(),
                "template_id": self.template_id.text().strip(),
                "title": self.title.text().strip(),
                "fields": [f.strip() for f in self.field_list.text().split(",") if f.strip()],
                "text": self.text.toPlainText()}


def prefill(field: str, snap: NoticesSnapshot) -> str:
    """What a template's field can be filled with before the user types: the time now
    (UTC), the mission, the user as contact; "" when only the user knows."""
    name = field.lower()
    if any(w in name for w in ("time", "when", "date")):
        return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    if "mission" in name or name in ("from", "reporting"):
        return snap.mission
    if "contact" in name or name in ("sender", "reporter", "officer"):
        return snap.me
    return ""


class TemplateFillDialog(FieldForm):
    """Fill in a published template under stress: the cursor starts on the first empty
    field, Tab moves on, Enter sends."""

    def __init__(self, snap: NoticesSnapshot, template_id: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(_t("Fill in a template"), parent)
        self.snap = snap
        self.channel = self.add_channels(snap)
        self.template = _narrow(QComboBox(self))
        for tid, title, _fields, _text in snap.templates:
            self.template.addItem(f"{title} ({tid})", tid)
        self.add("template", _t("Template"), self.template)
        self.marking = self.add_marking(snap)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.form.addRow(self.text)
        self.edits: dict[str, QLineEdit] = {}
        self.finish()
        idx = self.template.findData(template_id)
        self.template.setCurrentIndex(max(idx, 0))
        self.template.currentIndexChanged.connect(lambda _i: self._build())
        self._build()

    def _build(self) -> None:
        for key in list(self.edits):
            row = self.fields.pop(key).parentWidget()
            self.messages.pop(key)
            if row is not None:
                self.form.removeRow(row)
        self.edits.clear()
        tpl = next((t for t in self.snap.templates if t[0] == self.template.currentData()),
                   None)
        self.text.setText(tpl[3] if tpl else _t("No template has been published"))
        if tpl is None:
            return
        at = self.form.rowCount() - 1  # above the buttons
        for name in tpl[2]:
            edit = QLineEdit(prefill(name, self.snap), self)
            box = QWidget(self)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(1)
            lay.addWidget(edit)
            err = self._error_label(name)
            lay.addWidget(err)
            self.form.insertRow(at, name, box)
            at += 1
            self.fields[name] = edit
            self.messages[name] = err
            self.edits[name] = edit
        first = next((e for e in self.edits.values() if not e.text()), None)
        (first or next(iter(self.edits.values()))).setFocus()

    def local_errors(self) -> dict[str, str]:
        if not self.edits:
            return {"template": _t("No template has been published")}
        values = {k: e.text() for k, e in self.edits.items()}
        return {f: _t("Fill in %1").replace("%1", f)
                for f in missing_fields(list(self.edits), values)}

    def values(self) -> dict[str, Any]:
        return {"channel": self.channel.currentData(),
                "template_id": self.template.currentData() or "",
                "values": {k: e.text().strip() for k, e in self.edits.items()},
                "marking": self.marking.currentText()}
