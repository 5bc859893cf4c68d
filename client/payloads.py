# SPDX-License-Identifier: Apache-2.0
"""Application payloads: what travels inside an MLS application message.

One versioned, typed encoding for every kind Corridor sends. Each kind is a frozen
msgspec Struct in one tagged union; on the wire it is a msgpack map::

    {"k": kind, "v": 1, "id": <16 random bytes>, "ts": <sent-at, ms since epoch>, ...fields}

Decoding is strict and typed (no coercion, every field constraint checked):

* a known kind at format version 1 decodes into its Struct;
* an unknown kind, or a newer format version, decodes into :class:`Unknown` carrying
  the raw bytes, so a message from a newer client is kept and shown, never dropped;
* anything else (not msgpack, not a map, missing id, wrong types, oversized text)
  raises :class:`client.errors.PayloadError` and nothing else.

Fields a newer client adds to a known kind are ignored by older decoders, so adding
an optional field does not need a new format version.

The message id is also carried in the MLS ``authenticated_data`` (:func:`build_aad`),
so the relay can de-duplicate redeliveries without reading content, and a receiver
checks that both copies agree (:func:`decode_application`). Version 2 of that data
adds the sender's trusted transparency-log head (key-transparency gossip).
"""

from __future__ import annotations

import secrets
import time
from typing import Annotated, Final, Literal

import msgspec
from msgspec import Meta

from client.errors import PayloadError, UsageError

__all__ = [
    "AAD_GOSSIP_VERSION",
    "AAD_VERSION",
    "FORMAT_VERSION",
    "KINDS",
    "MAX_PAYLOAD_BYTES",
    "MESSAGE_ID_LEN",
    "TREE_HEAD_LEN",
    "Ack",
    "Activity",
    "AgendaNotice",
    "Attachment",
    "Crisis",
    "Decoded",
    "DisappearingTimer",
    "Edit",
    "EmergencyCall",
    "Payload",
    "Reaction",
    "ReadReceipt",
    "Redact",
    "Reply",
    "Text",
    "Unknown",
    "aad_tree_head",
    "build_aad",
    "decode",
    "decode_application",
    "encode",
    "kind_of_body",
    "new_message_id",
    "now_ms",
    "parse_aad",
]

FORMAT_VERSION: Final = 1
AAD_VERSION: Final = 1
AAD_GOSSIP_VERSION: Final = 2
TREE_HEAD_LEN: Final = 112  # crypto.certs.transparency.HEAD_LEN
MESSAGE_ID_LEN: Final = 16
#: Whole encoded payload; checked before any parsing so memory stays bounded.
MAX_PAYLOAD_BYTES: Final = 256 * 1024
MAX_TEXT_CHARS: Final = 32 * 1024
MAX_TITLE_CHARS: Final = 256
MAX_EMOJI_CHARS: Final = 32
MAX_RECEIPT_IDS: Final = 1024
MAX_KIND_CHARS: Final = 64
#: A year: longer timers are indistinguishable from "off" and invite mistakes.
MAX_TIMER_SECONDS: Final = 365 * 24 * 3600
MAX_ATTACHMENT_BYTES: Final = 1 << 40

MessageId = Annotated[bytes, Meta(min_length=MESSAGE_ID_LEN, max_length=MESSAGE_ID_LEN)]
Millis = Annotated[int, Meta(ge=0, le=2**53)]
Body = Annotated[str, Meta(min_length=1, max_length=MAX_TEXT_CHARS)]
OptionalBody = Annotated[str, Meta(max_length=MAX_TEXT_CHARS)]
Title = Annotated[str, Meta(min_length=1, max_length=MAX_TITLE_CHARS)]


class _FieldError(UsageError, ValueError):
    """A cross-field check failed: UsageError when constructing, PayloadError when decoding.

    (msgspec turns a ValueError raised in ``__post_init__`` into a ValidationError while
    decoding, which :func:`decode` maps to PayloadError.)
    """


class _Payload(msgspec.Struct, frozen=True, kw_only=True, tag_field="k"):
    """Fields every payload carries. ``format_version`` is fixed at 1 for these Structs."""

    message_id: MessageId = msgspec.field(name="id")
    sent_at: Millis = msgspec.field(name="ts")
    format_version: Literal[1] = msgspec.field(default=1, name="v")
    #: the classification marking (``crypto.corridor.markings``; "" is the lowest level),
    #: inside the encryption and covered by the message's MLS signature
    marking: Annotated[str, Meta(max_length=128)] = msgspec.field(default="", name="mk")


class Text(_Payload, frozen=True, kw_only=True, tag="text"):
    """A plain text message."""

    body: Body
    requires_ack: bool = False


class Reply(_Payload, frozen=True, kw_only=True, tag="reply"):
    """A text message answering an earlier one."""

    body: Body
    in_reply_to: MessageId
    requires_ack: bool = False


class Edit(_Payload, frozen=True, kw_only=True, tag="edit"):
    """Replaces the text of an earlier message (by the same sender: the engine checks)."""

    target: MessageId
    body: Body


class Redact(_Payload, frozen=True, kw_only=True, tag="redact"):
    """Withdraws an earlier message; receivers delete it."""

    target: MessageId


class Reaction(_Payload, frozen=True, kw_only=True, tag="react"):
    """Adds (or, with ``remove``, withdraws) an emoji reaction to a message."""

    target: MessageId
    emoji: Annotated[str, Meta(min_length=1, max_length=MAX_EMOJI_CHARS)]
    remove: bool = False


class ReadReceipt(_Payload, frozen=True, kw_only=True, tag="read"):
    """The sender has read these messages."""

    message_ids: Annotated[tuple[MessageId, ...], Meta(min_length=1, max_length=MAX_RECEIPT_IDS)]


class Ack(_Payload, frozen=True, kw_only=True, tag="ack"):
    """Explicit acknowledgement of a message that required one (hotline, emergency call)."""

    target: MessageId


class Attachment(_Payload, frozen=True, kw_only=True, tag="attach"):
    """Reference to an encrypted blob on the relay; ``sha256`` is of the ciphertext blob.

    ``file_name`` comes from a peer: it is a bare name (no directory parts), so saving
    it cannot escape the chosen folder.
    """

    blob_id: Annotated[str, Meta(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.~-]+$")]
    key: Annotated[bytes, Meta(min_length=32, max_length=32)]
    sha256: Annotated[bytes, Meta(min_length=32, max_length=32)]
    size: Annotated[int, Meta(ge=0, le=MAX_ATTACHMENT_BYTES)]
    mime_type: Annotated[
        str, Meta(max_length=127, pattern=r"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+$")
    ]
    file_name: Annotated[str, Meta(min_length=1, max_length=255)]
    caption: OptionalBody = ""
    requires_ack: bool = False

    def __post_init__(self) -> None:
        name = self.file_name
        if name in {".", ".."} or any(c in name for c in "/\\\x00") or name.strip() != name:
            raise _FieldError("file_name must be a bare file name")


class AgendaNotice(_Payload, frozen=True, kw_only=True, tag="agenda"):
    """The chair's agenda notice; a higher ``revision`` supersedes a lower one."""

    title: Title
    body: OptionalBody = ""
    revision: Annotated[int, Meta(ge=0, le=2**31)]
    pinned: bool = True
    requires_ack: bool = False


class EmergencyCall(_Payload, frozen=True, kw_only=True, tag="emergency"):
    """The chair convenes an emergency meeting: when, where (a place, a link or both)."""

    meeting_at: Millis
    place: Annotated[str, Meta(max_length=512)] = ""
    link: Annotated[str, Meta(max_length=2048)] = ""
    agenda: OptionalBody = ""
    requires_ack: bool = True
    #: the request for explanation this meeting answers (its 16-byte id), if any
    explains: Annotated[bytes, Meta(max_length=MESSAGE_ID_LEN)] = b""

    def __post_init__(self) -> None:
        if not self.place and not self.link:
            raise _FieldError("an emergency call needs a place or a link")


class Activity(_Payload, frozen=True, kw_only=True, tag="activity"):
    """An exercise or activity notification; ``exercise`` marks drills unmistakably."""

    title: Title
    body: OptionalBody = ""
    status: Literal["announced", "started", "ended", "cancelled"] = "announced"
    starts_at: Millis | None = None
    exercise: bool = True
    requires_ack: bool = False


class DisappearingTimer(_Payload, frozen=True, kw_only=True, tag="timer"):
    """Sets the channel's disappearing-message timer; ``None`` turns it off."""

    seconds: Annotated[int, Meta(ge=1, le=MAX_TIMER_SECONDS)] | None


class LeaveRequest(_Payload, frozen=True, kw_only=True, tag="leave"):
    """The sending device asks to be removed from the channel: its signature over the
    group and its leaf's encryption key (``crypto.corridor.charter.leave_content``), which any
    member may carry in the removing commit as proof. Never shown as a message."""

    signature: Annotated[bytes, Meta(max_length=128)]


class Crisis(_Payload, frozen=True, kw_only=True, tag="crisis"):
    """A crisis-workflow item (``client.crisis.book.Item``: a member's signed hotline,
    attendance or explanation record, a mission's signed duty roster, the venue's chair
    handover) or a decision item (``client.decisions.book.Item``: silence procedure,
    drafting). Its meaning is checked by ``client.crisis`` or ``client.decisions``, each
    ignoring the other's items; never shown as a message."""

    item: Annotated[bytes, Meta(min_length=1, max_length=64 * 1024)]


Payload = (
    Text
    | Reply
    | Edit
    | Redact
    | Reaction
    | ReadReceipt
    | Ack
    | Attachment
    | AgendaNotice
    | EmergencyCall
    | Activity
    | DisappearingTimer
    | LeaveRequest
    | Crisis
)

_PAYLOAD_TYPES: Final[tuple[type[_Payload], ...]] = (
    Text,
    Reply,
    Edit,
    Redact,
    Reaction,
    ReadReceipt,
    Ack,
    Attachment,
    AgendaNotice,
    EmergencyCall,
    Activity,
    DisappearingTimer,
    LeaveRequest,
    Crisis,
)
#: Wire kind tag -> Struct.
KINDS: Final[dict[str, type[_Payload]]] = {str(t.__struct_config__.tag): t for t in _PAYLOAD_TYPES}


class Unknown(msgspec.Struct, frozen=True, kw_only=True):
    """A payload of a kind (or format version) this client does not know.

    Kept with its raw bytes so it can be stored, shown ("sent from a newer Corridor")
    and decoded properly after an upgrade.
    """

    kind: str
    version: int
    message_id: bytes
    sent_at: int
    raw: bytes


Decoded = Payload | Unknown


class _Header(msgspec.Struct, frozen=True):
    """The fields every format version keeps, read first to route the payload."""

    k: Annotated[str, Meta(min_length=1, max_length=MAX_KIND_CHARS)]
    v: Annotated[int, Meta(ge=1, le=2**16)]
    id: MessageId
    ts: Millis


_encoder: Final = msgspec.msgpack.Encoder()
_header_decoder: Final = msgspec.msgpack.Decoder(_Header)
_payload_decoder: Final[msgspec.msgpack.Decoder[Payload]] = msgspec.msgpack.Decoder(Payload)


def new_message_id() -> bytes:
    """A fresh random message id (16 bytes from the OS CSPRNG)."""
    return secrets.token_bytes(MESSAGE_ID_LEN)


def now_ms() -> int:
    """The current wall-clock time in milliseconds, for ``sent_at``."""
    return time.time_ns() // 1_000_000


def encode(payload: Decoded) -> bytes:
    """Encode a payload for MLS; the result is validated as a receiver would.

    An :class:`Unknown` re-encodes to its original raw bytes.

    Raises:
        UsageError: the payload breaks a field constraint or the size limit (a receiver
            would refuse it, so it is not sent).
    """
    if isinstance(payload, Unknown):
        return payload.raw
    data = _encoder.encode(payload)
    try:
        decoded = decode(data)
    except PayloadError as exc:
        raise UsageError(f"invalid {type(payload).__name__} payload: {exc}") from None
    if decoded != payload:  # pragma: no cover - would mean the encoding is not canonical
        raise UsageError(f"{type(payload).__name__} payload does not round-trip")
    return data


def decode(data: bytes) -> Decoded:
    """Decode a payload strictly.

    Returns:
        The typed payload, or :class:`Unknown` for kinds or versions not known here.

    Raises:
        PayloadError: the bytes are not a valid payload (the message says which field,
            never its content).
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise PayloadError("payload must be bytes")
    if len(data) > MAX_PAYLOAD_BYTES:
        raise PayloadError(f"payload of {len(data)} bytes exceeds {MAX_PAYLOAD_BYTES}")
    raw = bytes(data)
    try:
        header = _header_decoder.decode(raw)
    except (msgspec.MsgspecError, ValueError) as exc:  # ValueError: invalid UTF-8 keys
        raise PayloadError(f"malformed payload header: {_reason(exc)}") from None
    if header.v != FORMAT_VERSION or header.k not in KINDS:
        return Unknown(
            kind=header.k, version=header.v, message_id=header.id, sent_at=header.ts, raw=raw
        )
    try:
        return _payload_decoder.decode(raw)
    except (msgspec.MsgspecError, ValueError) as exc:
        raise PayloadError(f"malformed {header.k} payload: {_reason(exc)}") from None


def kind_of_body(data: bytes) -> str | None:
    """The kind tag a stored payload carries (its header alone is decoded), or None
    when the header is malformed: a reader that wants only a few kinds skips the rest
    without decoding them."""
    try:
        return _header_decoder.decode(data).k
    except (msgspec.MsgspecError, ValueError, TypeError):
        return None


def _reason(exc: Exception) -> str:
    """msgspec's message names the failing field path; it never quotes the value.

    A UnicodeDecodeError's text would quote the offending bytes, so it is summarised.
    """
    if isinstance(exc, UnicodeDecodeError):
        return "invalid UTF-8"
    return str(exc)[:200]


def build_aad(message_id: bytes, tree_head: bytes = b"") -> bytes:
    """The MLS ``authenticated_data`` for an application message: version byte + id,
    and (version 2) the sender's trusted transparency-log head, 112 bytes
    (:mod:`client.transparency`'s gossip).

    Raises:
        UsageError: ``message_id`` is not 16 bytes, or a head of the wrong size.
    """
    if len(message_id) != MESSAGE_ID_LEN:
        raise UsageError(f"message id must be {MESSAGE_ID_LEN} bytes")
    if not tree_head:
        return bytes((AAD_VERSION,)) + bytes(message_id)
    if len(tree_head) != TREE_HEAD_LEN:
        raise UsageError(f"a gossiped tree head is {TREE_HEAD_LEN} bytes")
    return bytes((AAD_GOSSIP_VERSION,)) + bytes(message_id) + bytes(tree_head)


def parse_aad(aad: bytes) -> bytes:
    """Return the message id from an application message's ``authenticated_data``.

    Raises:
        PayloadError: wrong length or unknown AAD version.
    """
    if len(aad) == 1 + MESSAGE_ID_LEN and aad[0] == AAD_VERSION:
        return bytes(aad[1:])
    if len(aad) == 1 + MESSAGE_ID_LEN + TREE_HEAD_LEN and aad[0] == AAD_GOSSIP_VERSION:
        return bytes(aad[1:1 + MESSAGE_ID_LEN])
    raise PayloadError("authenticated data is not a version-1 or -2 message id")


def aad_tree_head(aad: bytes) -> bytes:
    """The gossiped tree head in a version-2 ``authenticated_data`` (else empty)."""
    if len(aad) == 1 + MESSAGE_ID_LEN + TREE_HEAD_LEN and aad[0] == AAD_GOSSIP_VERSION:
        return bytes(aad[1 + MESSAGE_ID_LEN:])
    return b""


def decode_application(plaintext: bytes, aad: bytes) -> Decoded:
    """Decode an MLS application message's content and check it against its AAD.

    A sender whose AAD message id differs from the payload's is broken or hostile (it
    could make the relay drop another message as a duplicate), so it is refused.

    Raises:
        PayloadError: malformed payload or AAD, or the two message ids differ.
    """
    message_id = parse_aad(aad)
    payload = decode(plaintext)
    if payload.message_id != message_id:
        raise PayloadError("payload message id differs from the authenticated data")
    return payload
