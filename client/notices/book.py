# SPDX-License-Identifier: Apache-2.0
"""A device's book of notice records, checked, and the registers computed from it.

Records ride inside MLS as :class:`Item` (the signed record, its author's certificate
chain, and for the chair's records the chair's role certificates) in a ``crisis``
payload. :meth:`NoticeBook.accept` checks an item against the sender as MLS
authenticated the message: the chain must verify to the venue root and name that
sender, the record must be signed by the chain's device key and name that member, and
the rules of its kind hold (only the notifying mission amends its notice, only the chair
sets the exchange's due date and publishes templates, only the requesting mission
accepts an offer). Every register is a pure function of the set of accepted records and
an injected ``now``, so every device that holds the same records shows the same state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Final, TypedDict

import msgspec
from msgspec import Meta

from client.crisis import signing
from client.notices.records import (
    NOTICE_LABEL,
    Action,
    AidAccept,
    AidDelivered,
    AidOffer,
    AidRequest,
    ExchangeDue,
    ExchangeSubmission,
    ExerciseNotice,
    Incident,
    NoticeError,
    NoticeRecord,
    Signed,
    Template,
    TemplateFill,
    decode_record,
)
from crypto.errors import CryptoError

__all__ = ["ITEM_VERSION", "Item", "Kept", "NoticeBook", "decode_item", "encode_item"]

ITEM_VERSION: Final = 1
#: Chair role certificates -> the delegates holding a valid chair role (the trust's).
ChairCheck = Callable[[Sequence[bytes]], frozenset[str]]


class Item(msgspec.Struct, frozen=True, kw_only=True):
    """A notice payload: one signed record, its author's chain (device, mission), and
    the author's chair role certificates when the record is the chair's."""

    v: int = ITEM_VERSION
    notice: Signed
    chain: Annotated[tuple[bytes, ...], Meta(min_length=2, max_length=3)]
    roles: Annotated[tuple[bytes, ...], Meta(max_length=4)] = ()


_enc: Final = msgspec.msgpack.Encoder()
_item_dec: Final = msgspec.msgpack.Decoder(Item)


def encode_item(item: Item) -> bytes:
    return _enc.encode(item)


def decode_item(data: bytes) -> Item | None:
    """The notice item, or None when ``data`` is another workflow's item."""
    try:
        item = _item_dec.decode(data)
    except (msgspec.MsgspecError, ValueError):
        return None
    return item if item.v == ITEM_VERSION else None


class HistoryRow(TypedDict):
    """One record of a notice's history."""

    action: str
    revision: int
    by: str
    at: int
    reason: str


class ExerciseRow(TypedDict):
    """A line of the exercise register (``corridor notice list``, the CSV and iCalendar)."""

    notice_id: str
    mission: str
    status: str
    revision: int
    name: str
    starts_at: int
    ends_at: int
    area: str
    lat: float | None
    lon: float | None
    activity: str
    contact: str
    forces: list[list[str | int]]  # [category, quantity]
    marking: str
    history: list[HistoryRow]


class IncidentRow(TypedDict):
    incident_id: str
    mission: str
    by: str
    occurred_at: int
    lat: float
    lon: float
    units: str
    what: str
    contact: str
    explains: str
    marking: str


class AmendmentRow(TypedDict):
    at: int
    by: str
    note: str


class ExchangeRow(TypedDict):
    """A mission's part in the annual exchange."""

    mission: str
    submitted_at: int | None
    late: bool
    amendments: list[AmendmentRow]
    current: str


class ExchangeStatus(TypedDict):
    year: int
    due_at: int | None
    missions: list[ExchangeRow]


class AidOfferRow(TypedDict):
    offer_id: str
    by: str
    quantity: int
    note: str
    accepted: bool
    delivered: bool


class AidLineRow(TypedDict):
    """A line of an aid request, its state and the offers against it."""

    line: int
    category: str
    quantity: int
    unit: str
    state: str
    unmet: int
    offers: list[AidOfferRow]


class AidRequestRow(TypedDict):
    """A request on the aid board."""

    request_id: str
    mission: str
    by: str
    at: int
    location: str
    lat: float | None
    lon: float | None
    urgency: str
    contact: str
    marking: str
    lines: list[AidLineRow]


@dataclass(frozen=True, slots=True)
class Kept:
    channel_id: bytes
    record: NoticeRecord
    signed: Signed

    def raw(self) -> dict[str, object]:
        """The record as its author encoded it, every field (a newer client's too)."""
        out: dict[str, object] = msgspec.msgpack.decode(self.signed.body)
        return out


STATUS: Final = {Action.NEW: "notified", Action.AMEND: "amended",
                 Action.CANCEL: "cancelled", Action.COMPLETE: "completed"}


def _order(k: Kept) -> tuple[int, bytes]:
    return (k.record.at, signing.fingerprint(k.signed.body))


@dataclass
class NoticeBook:
    """Accepted notice records of one device."""

    root_der: bytes
    chairs: ChairCheck
    kept: dict[bytes, Kept] = field(default_factory=dict)  # body hash -> kept

    def accept(self, channel_id: bytes, sender: str, data: bytes,
               crls: Sequence[bytes] = ()) -> NoticeRecord:
        """Check and keep an item ``sender`` sent (NoticeError if refused)."""
        item = decode_item(data)
        if item is None:
            raise NoticeError("not a notice item")
        rec = decode_record(item.notice.body)
        chain = tuple(bytes(c) for c in item.chain)
        try:
            ident = signing.verify_device_chain(self.root_der, chain, rec.at, crls)
        except (CryptoError, ValueError, TypeError):
            raise NoticeError("the sender's certificate chain does not verify") from None
        if f"{ident.mission_id}/{ident.delegate_id}" != sender or rec.member != sender:
            raise NoticeError(f"a record naming {rec.member} sent by {sender}")
        if not signing.verify(signing.cert_public_key(chain[0]), NOTICE_LABEL,
                              item.notice.body, item.notice.sig):
            raise NoticeError("the record's signature does not verify")
        if isinstance(rec, ExchangeDue | Template) and sender not in self.chairs(item.roles):
            raise NoticeError("only the chair sets the exchange's due date or publishes "
                              "templates")
        self._check(rec)
        self.kept[signing.fingerprint(item.notice.body)] = Kept(channel_id, rec, item.notice)
        return rec

    def _check(self, rec: NoticeRecord) -> None:
        if isinstance(rec, ExerciseNotice) and rec.action is not Action.NEW:
            first = self.history(rec.notice_id)
            if first and first[0].record.mission != rec.mission:
                raise NoticeError("only the notifying mission changes its notice")
        elif isinstance(rec, AidAccept):
            req = self.aid_request(rec.request_id)
            if req is not None and req.mission != rec.mission:
                raise NoticeError("only the requesting mission accepts an offer")

    # -- lookups -------------------------------------------------------------------------

    def of(self, kind: type) -> list[Kept]:
        return sorted((k for k in self.kept.values() if isinstance(k.record, kind)),
                      key=_order)

    def history(self, notice_id: bytes) -> list[Kept]:
        """A notice's records in order (revision, then time)."""
        hist = [k for k in self.of(ExerciseNotice)
                if isinstance(k.record, ExerciseNotice) and k.record.notice_id == notice_id]
        hist.sort(key=lambda k: (k.record.revision if isinstance(k.record, ExerciseNotice)
                                 else 0, *_order(k)))
        # changes by another mission than the notifying one never count
        if hist:
            owner = hist[0].record.mission
            hist = [k for k in hist if k.record.mission == owner]
        return hist

    def aid_request(self, request_id: bytes) -> AidRequest | None:
        for k in self.of(AidRequest):
            if isinstance(k.record, AidRequest) and k.record.request_id == request_id:
                return k.record
        return None

    # -- registers -----------------------------------------------------------------------

    def exercises(self, *, mission: str = "", start: int | None = None,
                  end: int | None = None) -> list[ExerciseRow]:
        """The exercise register: every notice with its status and history, filtered by
        notifying mission and by dates (those overlapping ``start``..``end``, ms)."""
        ids = {k.record.notice_id for k in self.of(ExerciseNotice)
               if isinstance(k.record, ExerciseNotice)}
        out: list[ExerciseRow] = []
        for nid in ids:
            hist = self.history(nid)
            first, cur = hist[0].record, hist[-1].record
            assert isinstance(first, ExerciseNotice) and isinstance(cur, ExerciseNotice)
            if first.action is not Action.NEW:
                continue  # an amendment whose notice has not arrived yet
            if mission and first.mission != mission:
                continue
            if (start is not None and cur.ends_at < start) or (
                    end is not None and cur.starts_at > end):
                continue
            latest = next((h.record for h in reversed(hist)
                           if isinstance(h.record, ExerciseNotice)
                           and h.record.action in (Action.NEW, Action.AMEND)), first)
            assert isinstance(latest, ExerciseNotice)
            out.append({
                "notice_id": nid.hex(), "mission": first.mission, "status": STATUS[cur.action],
                "revision": cur.revision, "name": latest.name, "starts_at": latest.starts_at,
                "ends_at": latest.ends_at, "area": latest.area, "lat": latest.lat,
                "lon": latest.lon, "activity": latest.activity, "contact": latest.contact,
                "forces": [[f.category, f.quantity] for f in latest.forces],
                "marking": latest.marking,
                "history": [{"action": str(h.record.action), "revision": h.record.revision,
                             "by": h.record.member, "at": h.record.at,
                             "reason": h.record.reason}
                            for h in hist if isinstance(h.record, ExerciseNotice)]})
        out.sort(key=lambda r: (r["starts_at"], r["notice_id"]))
        return out

    def incident(self, incident_id: bytes) -> Incident | None:
        """An incident as its reporting mission last sent it (a later record of the same
        id, from that mission, links it to a request for explanation)."""
        mine = [k.record for k in self.of(Incident)
                if isinstance(k.record, Incident) and k.record.incident_id == incident_id]
        if not mine:
            return None
        owner = mine[0].mission
        # the latest; at the same millisecond, the one carrying a link (linking is what
        # a second record of an incident is for)
        return max((r for r in mine if r.mission == owner),
                   key=lambda r: (r.at, bool(r.explains)))

    def incidents(self) -> list[IncidentRow]:
        ids = dict.fromkeys(k.record.incident_id for k in self.of(Incident)
                            if isinstance(k.record, Incident))
        out: list[IncidentRow] = []
        for iid in ids:
            r = self.incident(iid)
            assert r is not None
            out.append({"incident_id": r.incident_id.hex(), "mission": r.mission,
                        "by": r.member, "occurred_at": r.occurred_at, "lat": r.lat,
                        "lon": r.lon, "units": r.units, "what": r.what,
                        "contact": r.contact, "explains": r.explains.hex(),
                        "marking": r.marking})
        out.sort(key=lambda r: (r["occurred_at"], r["incident_id"]))
        return out

    def exchange(self, year: int, missions: Sequence[str], now: int) -> ExchangeStatus:
        """Who submitted the year's exchange, when, who is late, and each amendment."""
        dues = [k.record for k in self.of(ExchangeDue)
                if isinstance(k.record, ExchangeDue) and k.record.year == year]
        due = dues[-1].due_at if dues else None
        subs: dict[str, list[ExchangeSubmission]] = {}
        for k in self.of(ExchangeSubmission):
            r = k.record
            if isinstance(r, ExchangeSubmission) and r.year == year:
                subs.setdefault(r.mission, []).append(r)
        rows: list[ExchangeRow] = []
        for m in sorted(set(missions) | set(subs)):
            mine = subs.get(m, [])
            first = mine[0].at if mine else None
            late = due is not None and (first > due if first is not None else now > due)
            rows.append({"mission": m, "submitted_at": first, "late": late,
                         "amendments": [{"at": s.at, "by": s.member, "note": s.note}
                                        for s in mine[1:]],
                         "current": mine[-1].body if mine else ""})
        return {"year": year, "due_at": due, "missions": rows}

    def templates(self) -> list[Template]:
        latest: dict[str, Template] = {}
        for k in self.of(Template):
            if isinstance(k.record, Template):
                latest[k.record.template_id] = k.record
        return [latest[t] for t in sorted(latest)]

    def filled(self) -> list[TemplateFill]:
        return [k.record for k in self.of(TemplateFill) if isinstance(k.record, TemplateFill)]

    def aid_board(self) -> list[AidRequestRow]:
        """Every request, each line's state (requested, offered, accepted, delivered),
        its offers and what is still unmet."""
        offers = [k.record for k in self.of(AidOffer) if isinstance(k.record, AidOffer)]
        accepts = [k.record for k in self.of(AidAccept) if isinstance(k.record, AidAccept)]
        dones = [k.record for k in self.of(AidDelivered) if isinstance(k.record, AidDelivered)]
        out: list[AidRequestRow] = []
        for k in self.of(AidRequest):
            req = k.record
            assert isinstance(req, AidRequest)
            mine = [o for o in offers if o.request_id == req.request_id]
            accepted = {a.offer_id for a in accepts if a.request_id == req.request_id
                        and a.mission == req.mission}
            by_offer = {o.offer_id: o for o in mine}
            delivered = {d.offer_id for d in dones if d.request_id == req.request_id
                         and d.offer_id in accepted and d.offer_id in by_offer
                         and d.mission in (req.mission, by_offer[d.offer_id].mission)}
            lines: list[AidLineRow] = []
            for ln in req.lines:
                lo = [o for o in mine if o.line == ln.line]
                got = sum(o.quantity for o in lo if o.offer_id in delivered)
                state = ("delivered" if any(o.offer_id in delivered for o in lo) else
                         "accepted" if any(o.offer_id in accepted for o in lo) else
                         "offered" if lo else "requested")
                lines.append({"line": ln.line, "category": ln.category,
                              "quantity": ln.quantity, "unit": ln.unit, "state": state,
                              "unmet": max(ln.quantity - got, 0),
                              "offers": [{"offer_id": o.offer_id.hex(), "by": o.member,
                                          "quantity": o.quantity, "note": o.note,
                                          "accepted": o.offer_id in accepted,
                                          "delivered": o.offer_id in delivered}
                                         for o in lo]})
            out.append({"request_id": req.request_id.hex(), "mission": req.mission,
                        "by": req.member, "at": req.at, "location": req.location,
                        "lat": req.lat, "lon": req.lon, "urgency": req.urgency,
                        "contact": req.contact, "marking": req.marking, "lines": lines})
        return out

    def unmet(self) -> dict[str, int]:
        """Unmet needs at a glance: quantity still needed, by category."""
        out: dict[str, int] = {}
        for req in self.aid_board():
            for ln in req["lines"]:
                if ln["unmet"]:
                    key = f"{ln['category']} ({ln['unit']})" if ln["unit"] else ln["category"]
                    out[key] = out.get(key, 0) + ln["unmet"]
        return dict(sorted(out.items()))
