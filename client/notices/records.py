# SPDX-License-Identifier: Apache-2.0
"""The confidence-building records: exercise notices, incident notifications, the annual
exchange, contingency templates and the disaster-aid board.

Each record is a msgspec Struct with a schema version ``v``, encoded as msgpack and
signed by its author's device key (MLS SignWithLabel under :data:`NOTICE_LABEL`, so a
crisis or decision signature never passes for one of these). The signed body bytes are
what every device keeps and exports, never a re-encoding: a field a newer client adds
is ignored when this version decodes, and kept intact (its signature still verifies)
where the record is stored, forwarded or exported. Records of an older schema version
still read; a newer version is refused.

:func:`validate` is the form check (dates in order, coordinates in range, quantities
positive, required text present), with errors a person can act on; the sender runs it
before signing and every receiver again before keeping a record.
"""

from __future__ import annotations

import enum
import math
from typing import Annotated, Final, Literal

import msgspec
from msgspec import Meta

from client.crisis import signing
from client.errors import PeerError, UsageError

__all__ = [
    "NOTICE_LABEL",
    "SCHEMA",
    "AidAccept",
    "AidDelivered",
    "AidLine",
    "AidOffer",
    "AidRequest",
    "ExchangeDue",
    "ExchangeSubmission",
    "ExerciseNotice",
    "Force",
    "FormError",
    "Incident",
    "NoticeError",
    "NoticeRecord",
    "Signed",
    "Template",
    "TemplateFill",
    "decode_record",
    "seal",
    "validate",
]

SCHEMA: Final = 1
#: SignWithLabel label of every record here.
NOTICE_LABEL: Final = "corridor notice record"

Millis = Annotated[int, Meta(ge=0, le=2**53)]
RecordId = Annotated[bytes, Meta(min_length=16, max_length=16)]
Delegate = Annotated[str, Meta(min_length=3, max_length=129, pattern=r"^[^/]+/[^/]+$")]
Short = Annotated[str, Meta(max_length=512)]
Long = Annotated[str, Meta(max_length=32 * 1024)]
Name = Annotated[str, Meta(min_length=1, max_length=128)]
Quantity = Annotated[int, Meta(ge=1, le=10**9)]
Latitude = Annotated[float, Meta(ge=-90, le=90)]
Longitude = Annotated[float, Meta(ge=-180, le=180)]


class NoticeError(PeerError, ValueError):
    """A received record that is malformed, of a newer schema, badly signed or not
    allowed from its sender: refused, left out of every register."""


class FormError(UsageError):
    """A form filled in wrongly: the message says which field and why; ``field`` names
    the record's field (``ends_at``, ``lat``, ``lines``...) so a form shows the error
    next to it."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class Action(enum.StrEnum):
    NEW = "new"
    AMEND = "amend"
    CANCEL = "cancel"
    COMPLETE = "complete"


class _Rec(msgspec.Struct, frozen=True, kw_only=True, tag_field="t"):
    v: int = SCHEMA
    member: Delegate
    at: Millis
    #: the classification marking of the record (the payload carries the same one)
    marking: Annotated[str, Meta(max_length=128)] = ""

    @property
    def mission(self) -> str:
        return self.member.split("/", 1)[0]


class Force(msgspec.Struct, frozen=True):
    """Forces or equipment of one category taking part (troops, tanks, aircraft...)."""

    category: Name
    quantity: Quantity


class ExerciseNotice(_Rec, frozen=True, kw_only=True, tag="exercise"):
    """Advance notice of a military exercise, or its amendment, cancellation or
    completion (``revision`` counts from 0 for the first notice)."""

    notice_id: RecordId
    action: Action = Action.NEW
    revision: Annotated[int, Meta(ge=0, le=10_000)] = 0
    name: Name
    starts_at: Millis
    ends_at: Millis
    area: Short = ""
    lat: Latitude | None = None
    lon: Longitude | None = None
    forces: tuple[Force, ...] = ()
    activity: Short = ""
    contact: Short = ""
    reason: Short = ""


class Incident(_Rec, frozen=True, kw_only=True, tag="incident"):
    """An unintentional encounter at sea or in the air: when, where, who, what."""

    incident_id: RecordId
    occurred_at: Millis
    lat: Latitude
    lon: Longitude
    units: Short = ""
    what: Annotated[str, Meta(min_length=1, max_length=32 * 1024)]
    contact: Short = ""
    #: the request for explanation it answers or prompted (16-byte id), if any
    explains: Annotated[bytes, Meta(max_length=16)] = b""


class ExchangeDue(_Rec, frozen=True, kw_only=True, tag="due"):
    """The chair sets the due date of the annual exchange of military information."""

    year: Annotated[int, Meta(ge=1990, le=9999)]
    due_at: Millis


class ExchangeSubmission(_Rec, frozen=True, kw_only=True, tag="exchange"):
    """A mission's annual submission; a later one of the same mission and year is a
    visible amendment."""

    year: Annotated[int, Meta(ge=1990, le=9999)]
    body: Annotated[str, Meta(min_length=1, max_length=32 * 1024)]
    note: Short = ""


class Template(_Rec, frozen=True, kw_only=True, tag="template"):
    """A pre-agreed contingency message the chair publishes: its fields are what a
    mission fills in under stress."""

    template_id: Annotated[str, Meta(min_length=1, max_length=64, pattern=r"^[a-z0-9-]+$")]
    title: Name
    fields: Annotated[tuple[Name, ...], Meta(min_length=1, max_length=32)]
    text: Long = ""


class TemplateFill(_Rec, frozen=True, kw_only=True, tag="filled"):
    template_id: Annotated[str, Meta(min_length=1, max_length=64)]
    values: dict[Name, Short]


class AidLine(msgspec.Struct, frozen=True):
    line: Annotated[int, Meta(ge=1, le=1000)]
    category: Name
    quantity: Quantity
    unit: Short = ""


class AidRequest(_Rec, frozen=True, kw_only=True, tag="aidreq"):
    """An affected mission's request for disaster aid, by lines."""

    request_id: RecordId
    lines: Annotated[tuple[AidLine, ...], Meta(min_length=1, max_length=1000)]
    location: Short = ""
    lat: Latitude | None = None
    lon: Longitude | None = None
    urgency: Literal["routine", "urgent", "flash"] = "urgent"
    contact: Short = ""


class AidOffer(_Rec, frozen=True, kw_only=True, tag="aidoffer"):
    offer_id: RecordId
    request_id: RecordId
    line: Annotated[int, Meta(ge=1, le=1000)]
    quantity: Quantity
    note: Short = ""


class AidAccept(_Rec, frozen=True, kw_only=True, tag="aidaccept"):
    """The requesting mission accepts an offer."""

    request_id: RecordId
    offer_id: RecordId


class AidDelivered(_Rec, frozen=True, kw_only=True, tag="aiddone"):
    """An accepted offer is delivered (said by the offering or the requesting mission)."""

    request_id: RecordId
    offer_id: RecordId


NoticeRecord = ExerciseNotice | Incident | ExchangeDue | ExchangeSubmission | Template \
    | TemplateFill | AidRequest | AidOffer | AidAccept | AidDelivered

_enc: Final = msgspec.msgpack.Encoder()
_dec: Final[msgspec.msgpack.Decoder[NoticeRecord]] = msgspec.msgpack.Decoder(NoticeRecord)


class _Version(msgspec.Struct):
    v: int


_vdec: Final = msgspec.msgpack.Decoder(_Version)


class Signed(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A record's body as its author encoded it, and the author's signature."""

    body: bytes
    sig: Annotated[bytes, Meta(min_length=64, max_length=64)]


def decode_record(body: bytes) -> NoticeRecord:
    """The typed record (NoticeError if malformed, invalid or of a newer schema)."""
    try:
        version = _vdec.decode(body).v
        if 1 <= version <= SCHEMA:
            rec = _dec.decode(body)
            validate(rec)
            return rec
    except (msgspec.MsgspecError, ValueError) as exc:
        raise NoticeError(f"malformed record: {str(exc)[:160]}") from None
    except FormError as exc:
        raise NoticeError(f"invalid record: {exc}") from None
    raise NoticeError(f"a record of schema version {version}, newer than {SCHEMA}")


def seal(record: NoticeRecord, seed: bytes) -> Signed:
    """Check the form, encode and sign with the author's device key."""
    validate(record)
    body = _enc.encode(record)
    try:
        decode_record(body)  # a receiver would refuse it: never sign what cannot be read
    except NoticeError as exc:
        raise FormError(str(exc).removeprefix("malformed record: ")) from None
    return Signed(body, signing.sign(seed, NOTICE_LABEL, body))


def seal_body(body: bytes, seed: bytes) -> Signed:
    """Sign an already encoded body (a record with fields this version does not know)."""
    decode_record(body)
    return Signed(body, signing.sign(seed, NOTICE_LABEL, body))


def _coords(lat: float | None, lon: float | None, *, required: bool = False) -> None:
    if required and (lat is None or lon is None):
        raise FormError("the position needs a latitude and a longitude",
                        "lon" if lat is not None else "lat")
    if (lat is None) != (lon is None):
        raise FormError("give both latitude and longitude, or neither",
                        "lon" if lat is not None else "lat")
    if lat is not None and (not math.isfinite(lat) or not -90 <= lat <= 90):
        raise FormError(f"latitude {lat} is out of range (-90 to 90)", "lat")
    if lon is not None and (not math.isfinite(lon) or not -180 <= lon <= 180):
        raise FormError(f"longitude {lon} is out of range (-180 to 180)", "lon")


MAX_QUANTITY = 10**9  # the Quantity bound, said in the form's words


def _positive(what: str, quantity: int, field: str) -> None:
    if quantity <= 0:
        raise FormError(f"the quantity of {what} must be positive (got {quantity})", field)
    if quantity > MAX_QUANTITY:
        raise FormError(f"the quantity of {what} is at most {MAX_QUANTITY:,} (got {quantity})",
                        field)


def _text(what: str, value: str, field: str) -> None:
    if not value.strip():
        raise FormError(f"{what} is required", field)


def validate(rec: NoticeRecord) -> None:
    """The form check of ``rec`` (FormError saying which field and why)."""
    if isinstance(rec, ExerciseNotice):
        _text("the exercise's name", rec.name, "name")
        if rec.ends_at <= rec.starts_at:
            raise FormError("the exercise must end after it starts", "ends_at")
        _coords(rec.lat, rec.lon)
        for f in rec.forces:
            _text("a force category", f.category, "forces")
            _positive(f.category or "a force", f.quantity, "forces")
        if rec.action is Action.NEW and rec.revision != 0:
            raise FormError("a new notice is revision 0", "revision")
        if rec.action is not Action.NEW and rec.revision == 0:
            raise FormError("an amendment, cancellation or completion has a revision above 0",
                            "revision")
    elif isinstance(rec, Incident):
        _coords(rec.lat, rec.lon, required=True)
        _text("what happened", rec.what, "what")
        if rec.occurred_at > rec.at + 5 * 60_000:
            raise FormError("the incident cannot be in the future", "occurred_at")
        if rec.explains and len(rec.explains) != 16:
            raise FormError("a request for explanation is named by its 16-byte id",
                            "explains")
    elif isinstance(rec, ExchangeSubmission):
        _text("the submission", rec.body, "body")
    elif isinstance(rec, Template):
        if len(set(rec.fields)) != len(rec.fields):
            raise FormError("a template's fields have distinct names", "fields")
    elif isinstance(rec, AidRequest):
        _coords(rec.lat, rec.lon)
        if len({ln.line for ln in rec.lines}) != len(rec.lines):
            raise FormError("each aid line has its own number", "lines")
        for ln in rec.lines:
            _text(f"line {ln.line}'s category", ln.category, "lines")
            _positive(f"line {ln.line} ({ln.category})", ln.quantity, "lines")
    elif isinstance(rec, AidOffer):
        _positive(f"the offer for line {rec.line}", rec.quantity, "quantity")
