# SPDX-License-Identifier: Apache-2.0
"""The notices desk of one client: sends the confidence-building records over the client
core and keeps a :class:`~client.notices.book.NoticeBook` of what its channels carried.

Records travel as ``crisis`` payloads (the crisis and decision books ignore a notice
item, as this one ignores theirs), padded like every application message and carrying
the record's classification marking, which the engine checks against the channel's
ceiling on send and on receipt. Each device reads the messages it stored
(:meth:`NoticeDesk.refresh` takes each once), so the book survives a restart.

Clock: the client's (injected in tests); records and views take milliseconds.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, TypedDict

import msgspec

from client import payloads
from client.crisis.records import ExplanationRequest
from client.desk_base import StoredDesk, Take
from client.errors import NotFoundError, PayloadError, UsageError
from client.notices.book import (
    STATUS,
    AidRequestRow,
    ExchangeStatus,
    ExerciseRow,
    IncidentRow,
    Item,
    NoticeBook,
    decode_item,
    encode_item,
)
from client.notices.records import (
    Action,
    AidAccept,
    AidDelivered,
    AidLine,
    AidOffer,
    AidRequest,
    ExchangeDue,
    ExchangeSubmission,
    ExerciseNotice,
    Force,
    FormError,
    Incident,
    NoticeError,
    NoticeRecord,
    Template,
    TemplateFill,
    seal,
    seal_body,
)

if TYPE_CHECKING:
    from client.core import Client
    from client.crisis.desk import Desk as CrisisDesk
    from client.store.base import Message

__all__ = ["NoticeDesk"]


class _Base(TypedDict):
    """The fields every record of this device starts with."""

    member: str
    at: int
    marking: str


class LinkedRequest(TypedDict):
    request_id: str
    requester: str
    to_mission: str
    what: str


class LinkedIncident(IncidentRow):
    """An incident and the request for explanation it links to, if this device holds it."""

    request: LinkedRequest | None


class NoticeDesk(StoredDesk):
    """Notices, exchange, templates and the aid board over a client (``client``)."""

    def __init__(self, client: Client, crisis: CrisisDesk | None = None) -> None:
        super().__init__(client)
        self.book = self._new_book()
        #: the crisis desk whose book holds the requests for explanation (one is made
        #: when none is given)
        self._crisis = crisis

    def _new_book(self) -> NoticeBook:
        trust = self.client.engine.trust
        return NoticeBook(trust.root_der, trust.chairs)

    def refresh(self) -> NoticeBook:
        """Take the messages stored since the last call into the book."""
        self._read_new()
        return self.book

    def _taker(self) -> Take:
        return lambda ch, m, crls: self._take(ch.channel_id, m, crls)

    def _take(self, cid: bytes, m: Message, crls: Sequence[bytes]) -> None:
        try:
            p = payloads.decode(m.body)
        except PayloadError:
            return
        if isinstance(p, payloads.Crisis) and decode_item(p.item) is not None:
            with contextlib.suppress(NoticeError):
                self.book.accept(cid, m.sender.decode(errors="replace"), p.item, crls)

    async def _send(self, channel: str | bytes, rec: NoticeRecord, *,
                    body: bytes | None = None) -> str:
        eng = self.client.engine
        cid = self.client.resolve_channel(channel)
        marking = eng.check_marking(cid, rec.marking)
        if marking != rec.marking and body is None:
            rec = msgspec.structs.replace(rec, marking=marking)
        signed = seal(rec, eng.me.seed) if body is None else seal_body(body, eng.me.seed)
        roles = tuple(eng.me.role_certs) if isinstance(rec, ExchangeDue | Template) else ()
        item = Item(notice=signed, chain=tuple(eng.me.chain[:2]), roles=roles)
        p = payloads.Crisis(message_id=payloads.new_message_id(), sent_at=self.now(),
                            item=encode_item(item), marking=marking)
        await self.client.send_payload(cid, p)
        self.refresh()
        return signing_id(rec)

    def _base(self, marking: str) -> _Base:
        return {"member": self.me, "at": self.now(), "marking": marking}

    # -- exercise notices ----------------------------------------------------------------

    async def notify_exercise(self, channel: str | bytes, *, name: str, starts_at: int,
                              ends_at: int, area: str = "", lat: float | None = None,
                              lon: float | None = None,
                              forces: Sequence[tuple[str, int]] = (), activity: str = "",
                              contact: str = "", marking: str = "") -> str:
        """Advance notice of an exercise; returns its notice id (hex)."""
        rec = ExerciseNotice(**self._base(marking), notice_id=secrets.token_bytes(16),
                             name=name, starts_at=starts_at, ends_at=ends_at, area=area,
                             lat=lat, lon=lon, forces=tuple(Force(c, q) for c, q in forces),
                             activity=activity, contact=contact)
        return await self._send(channel, rec)

    def _notice(self, ref: str) -> tuple[bytes, ExerciseNotice]:
        self.refresh()
        key = ref.lower()
        ids = {k.record.notice_id for k in self.book.of(ExerciseNotice)
               if isinstance(k.record, ExerciseNotice)
               and k.record.notice_id.hex().startswith(key)}
        if len(key) < 6 or len(ids) != 1:
            raise NotFoundError(f"no single exercise notice matches {ref!r}")
        hist = self.book.history(ids.pop())
        last = hist[-1].record
        assert isinstance(last, ExerciseNotice)
        return hist[-1].channel_id, last

    async def change_exercise(self, ref: str, action: Action | str, *, reason: str = "",
                              **changes: object) -> str:
        """Amend (with ``changes``), cancel or complete a notice of this mission."""
        action = Action(action)
        cid, last = self._notice(ref)
        if last.mission != self.mission:
            raise UsageError("only the notifying mission changes its notice")
        if last.action in (Action.CANCEL, Action.COMPLETE):
            raise UsageError(f"the notice is already {STATUS[last.action]}")
        if action is Action.NEW:
            raise UsageError("use notify_exercise for a new notice")
        if "forces" in changes:
            forces = changes["forces"]
            assert isinstance(forces, list | tuple), "forces: (category, quantity) pairs"
            changes["forces"] = tuple(Force(c, q) for c, q in forces)
        rec = msgspec.structs.replace(last, **changes, action=action,
                                      revision=last.revision + 1, member=self.me,
                                      at=self.now(), reason=reason)
        return await self._send(cid, rec)

    def register(self, *, mission: str = "", start: int | None = None,
                 end: int | None = None) -> list[ExerciseRow]:
        return self.refresh().exercises(mission=mission, start=start, end=end)

    # -- incidents ------------------------------------------------------------------------

    async def report_incident(self, channel: str | bytes, *, occurred_at: int, lat: float,
                              lon: float, what: str, units: str = "", contact: str = "",
                              explains: str = "", marking: str = "") -> str:
        """Notify an incident; ``explains`` (an id or a 6+ character prefix) links it to
        a request for explanation this device holds, checked by :meth:`explanation`."""
        rec = Incident(**self._base(marking), incident_id=secrets.token_bytes(16),
                       occurred_at=occurred_at, lat=lat, lon=lon, what=what, units=units,
                       contact=contact,
                       explains=self.explanation(explains).request_id if explains else b"")
        return await self._send(channel, rec)

    def explanation(self, ref: str) -> ExplanationRequest:
        """The request for explanation ``ref`` names (NotFoundError unless exactly one):
        only requests this device accepted count, and those verified to this venue's root,
        so a link never points into another venue or at a guessed id."""
        key = ref.strip().lower()
        hits = [r for r in self.explanations() if r.request_id.hex().startswith(key)]
        if len(key) < 6 or len(hits) != 1:
            raise FormError(f"no single request for explanation matches {ref!r}",
                            "explains")
        return hits[0]

    def crisis_desk(self) -> CrisisDesk:
        """The crisis desk whose book holds the requests for explanation."""
        if self._crisis is None:
            from client.crisis.desk import Desk

            self._crisis = Desk(self.client)
        return self._crisis

    async def refresh_async(self) -> None:
        await self._read_async()
        await self.crisis_desk()._read_async()

    def explanations(self) -> list[ExplanationRequest]:
        book = self.crisis_desk().refresh()
        return [k.record for k in book.kept.values()
                if isinstance(k.record, ExplanationRequest)]

    async def link_incident(self, incident: str, request: str) -> str:
        """Link an incident of this mission to a request for explanation: the incident is
        sent again, same id, with the link (the register shows the latest)."""
        self.refresh()
        key = incident.strip().lower()
        hits = {k.record.incident_id: k.channel_id for k in self.book.of(Incident)
                if isinstance(k.record, Incident)
                and k.record.incident_id.hex().startswith(key)}
        if len(key) < 6 or len(hits) != 1:
            raise NotFoundError(f"no single incident matches {incident!r}")
        [(iid, cid)] = hits.items()
        last = self.book.incident(iid)
        assert last is not None
        if last.mission != self.mission:
            raise UsageError("only the reporting mission links its incident")
        req = self.explanation(request)
        return await self._send(cid, msgspec.structs.replace(
            last, member=self.me, at=self.now(), explains=req.request_id))

    def incidents(self) -> list[LinkedIncident]:
        """Every incident with the request for explanation it links to, checked here:
        ``request`` is None when this device holds no such request."""
        reqs = {r.request_id.hex(): r for r in self.explanations()}
        out: list[LinkedIncident] = []
        for row in self.refresh().incidents():
            req = reqs.get(row["explains"]) if row["explains"] else None
            out.append({**row, "request": None if req is None else {
                "request_id": req.request_id.hex(), "requester": req.requester,
                "to_mission": req.to_mission, "what": req.what}})
        return out

    def explanation_links(self) -> dict[str, list[str]]:
        """Request for explanation (hex id) -> the incidents linked to it (hex ids): the
        other direction of :meth:`incidents`."""
        out: dict[str, list[str]] = {}
        for row in self.incidents():
            if row["request"] is not None:
                out.setdefault(row["explains"], []).append(row["incident_id"])
        return out

    # -- annual exchange -----------------------------------------------------------------

    async def set_exchange_due(self, channel: str | bytes, year: int, due_at: int) -> str:
        return await self._send(channel, ExchangeDue(**self._base(""), year=year,
                                                     due_at=due_at))

    async def submit_exchange(self, channel: str | bytes, year: int, body: str, *,
                              note: str = "", marking: str = "") -> str:
        """The mission's submission; a second one is a visible amendment."""
        return await self._send(channel, ExchangeSubmission(**self._base(marking), year=year,
                                                            body=body, note=note))

    def exchange_status(self, year: int, missions: Sequence[str]) -> ExchangeStatus:
        return self.refresh().exchange(year, missions, self.now())

    # -- templates ------------------------------------------------------------------------

    async def publish_template(self, channel: str | bytes, template_id: str, title: str,
                               fields: Sequence[str], text: str = "") -> str:
        return await self._send(channel, Template(
            **self._base(""), template_id=template_id, title=title, fields=tuple(fields),
            text=text))

    async def use_template(self, channel: str | bytes, template_id: str,
                           values: dict[str, str], *, marking: str = "") -> str:
        """Fill in a published template (every field it names, nothing else)."""
        tpl = next((t for t in self.refresh().templates() if t.template_id == template_id),
                   None)
        if tpl is None:
            raise NotFoundError(f"no template {template_id!r}")
        missing = [f for f in tpl.fields if not values.get(f, "").strip()]
        extra = sorted(set(values) - set(tpl.fields))
        if missing or extra:
            raise FormError("; ".join(x for x in (
                missing and f"fill in {', '.join(missing)}",
                extra and f"the template has no field {', '.join(extra)}") if x))
        return await self._send(channel, TemplateFill(**self._base(marking),
                                                      template_id=template_id,
                                                      values=dict(values)))

    # -- disaster aid ---------------------------------------------------------------------

    async def request_aid(self, channel: str | bytes, lines: Sequence[tuple[str, int, str]],
                          *, location: str = "", lat: float | None = None,
                          lon: float | None = None,
                          urgency: Literal["routine", "urgent", "flash"] = "urgent",
                          contact: str = "", marking: str = "") -> str:
        """Post a request: lines of (category, quantity, unit); returns the request id."""
        rec = AidRequest(**self._base(marking), request_id=secrets.token_bytes(16),
                         lines=tuple(AidLine(i, c, q, u) for i, (c, q, u) in
                                     enumerate(lines, 1)),
                         location=location, lat=lat, lon=lon, urgency=urgency,
                         contact=contact)
        if not rec.lines:
            raise FormError("a request has at least one line")
        return await self._send(channel, rec)

    def _request(self, ref: str) -> tuple[bytes, AidRequest]:
        self.refresh()
        hits = [(k.channel_id, k.record) for k in self.book.of(AidRequest)
                if isinstance(k.record, AidRequest)
                and k.record.request_id.hex().startswith(ref.lower())]
        if len(ref) < 6 or len(hits) != 1:
            raise NotFoundError(f"no single aid request matches {ref!r}")
        return hits[0]

    async def offer_aid(self, request: str, line: int, quantity: int, *,
                        note: str = "") -> str:
        cid, req = self._request(request)
        if line not in {ln.line for ln in req.lines}:
            raise FormError(f"the request has no line {line}")
        return await self._send(cid, AidOffer(**self._base(req.marking),
                                              offer_id=secrets.token_bytes(16),
                                              request_id=req.request_id, line=line,
                                              quantity=quantity, note=note))

    def _offer(self, request: str, offer: str) -> tuple[bytes, AidRequest, AidOffer]:
        cid, req = self._request(request)
        hits = [k.record for k in self.book.of(AidOffer) if isinstance(k.record, AidOffer)
                and k.record.request_id == req.request_id
                and k.record.offer_id.hex().startswith(offer.lower())]
        if len(offer) < 6 or len(hits) != 1:
            raise NotFoundError(f"no single offer matches {offer!r}")
        return cid, req, hits[0]

    async def accept_aid(self, request: str, offer: str) -> str:
        cid, req, off = self._offer(request, offer)
        if req.mission != self.mission:
            raise UsageError("only the requesting mission accepts an offer")
        return await self._send(cid, AidAccept(**self._base(req.marking),
                                               request_id=req.request_id,
                                               offer_id=off.offer_id))

    async def deliver_aid(self, request: str, offer: str) -> str:
        cid, req, off = self._offer(request, offer)
        if self.mission not in (req.mission, off.mission):
            raise UsageError("the offering or the requesting mission reports a delivery")
        return await self._send(cid, AidDelivered(**self._base(req.marking),
                                                  request_id=req.request_id,
                                                  offer_id=off.offer_id))

    def aid_board(self) -> list[AidRequestRow]:
        return self.refresh().aid_board()

    # -- raw records (a newer client's fields included) ----------------------------------

    async def send_raw(self, channel: str | bytes, body: bytes) -> str:
        """Sign and send an encoded record as it is (its unknown fields kept)."""
        from client.notices.records import decode_record

        return await self._send(channel, decode_record(body), body=body)


def signing_id(rec: NoticeRecord) -> str:
    """The id a record is known by (notice, incident, request, offer...), hex."""
    for name in ("notice_id", "incident_id", "offer_id", "request_id"):
        value = getattr(rec, name, None)
        if isinstance(value, bytes):
            return value.hex()
    if isinstance(rec, Template | TemplateFill):
        return rec.template_id
    return f"{rec.mission}:{getattr(rec, 'year', '')}"
