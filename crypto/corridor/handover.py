# SPDX-License-Identifier: Apache-2.0
"""The venue's chair handover: a statement signed by the venue root that the chair
passes from one delegate to another at a given moment.

Chairs rotate every few months while channels live for years, so a chair's authority
cannot be only the role certificate a charter names: the venue signs a
:class:`Handover` (outgoing, incoming, the moment it takes effect, the incoming chair's
role certificate), every client verifies it against the pinned root
(:func:`verify_handover`), and from that moment the incoming chair holds the office in
every channel whose charter names the chair, and the outgoing chair no longer does,
whatever its role certificate still says. Pure: bytes and the root in, a verified
handover or :class:`HandoverError` out; the secretariat signs with the root key
(:func:`sign_handover`).
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Final

import msgspec
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from msgspec import Meta

from ..errors import CryptoError, PolicyError
from ..suites import SUITES
from .charter import ident_of_certificate

__all__ = ["HANDOVER_LABEL", "HANDOVER_VERSION", "Handover", "HandoverError", "sign_handover",
           "verify_handover"]

HANDOVER_VERSION: Final = 1
#: SignWithLabel label (RFC 9420 section 5.1.2): a root signature made for anything else
#: (a certificate, the transparency policy) never verifies as a handover.
HANDOVER_LABEL: Final = "corridor chair handover"
_SUITE: Final = SUITES[0x0003]

_Delegate = Annotated[str, Meta(min_length=3, max_length=129, pattern=r"^[^/]+/[^/]+$")]
_Ms = Annotated[int, Meta(ge=0, le=2**53)]


class HandoverError(PolicyError):
    """A handover that is malformed or does not verify against the venue root."""


class Handover(msgspec.Struct, frozen=True, kw_only=True):
    """The venue passes the chair from ``outgoing`` to ``incoming`` at ``at`` (ms since
    the epoch); ``serial`` orders handovers of the same instant; ``incoming_role`` is
    the incoming chair's role certificate (DER, issued by the venue root). Fields of a
    newer version are ignored when decoding; the signed bytes travel unchanged."""

    v: int = HANDOVER_VERSION
    venue: Annotated[bytes, Meta(min_length=32, max_length=32)]
    serial: _Ms
    at: _Ms
    outgoing: _Delegate
    incoming: _Delegate
    incoming_role: Annotated[bytes, Meta(max_length=16 * 1024)]


class _Signed(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    body: bytes
    sig: Annotated[bytes, Meta(min_length=64, max_length=64)]


_enc: Final = msgspec.msgpack.Encoder()
_handover_decoder: Final = msgspec.msgpack.Decoder(Handover)
_signed_decoder: Final = msgspec.msgpack.Decoder(_Signed)


def _fingerprint(der: bytes) -> bytes:
    return hashlib.sha256(der).digest()


def _root_key(root_der: bytes) -> bytes:
    try:
        key = x509.load_der_x509_certificate(bytes(root_der)).public_key()
    except ValueError:
        raise HandoverError("unreadable venue root") from None
    if not isinstance(key, ed25519.Ed25519PublicKey):
        raise HandoverError("the venue root is not an Ed25519 certificate")
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def sign_handover(root_der: bytes, root_seed: bytes, handover: Handover) -> bytes:
    """The secretariat's signed handover (the bytes every client verifies)."""
    if handover.venue != _fingerprint(root_der):
        raise HandoverError("the handover names another venue")
    body = _enc.encode(handover)
    return _enc.encode(_Signed(body, _SUITE.sign_with_label(root_seed, HANDOVER_LABEL, body)))


def verify_handover(root_der: bytes, data: bytes) -> Handover:
    """Check a signed handover against the pinned venue root (:class:`HandoverError`).

    The incoming role certificate must name the incoming delegate; whether it is a
    valid chair role at a given moment is for the caller to check then."""
    try:
        signed = _signed_decoder.decode(data)
        h = _handover_decoder.decode(signed.body)
    except (msgspec.MsgspecError, ValueError):
        raise HandoverError("malformed handover") from None
    if h.v != HANDOVER_VERSION or h.venue != _fingerprint(root_der):
        raise HandoverError("a handover of another venue or version")
    try:
        _SUITE.verify_with_label(_root_key(root_der), HANDOVER_LABEL, signed.body, signed.sig)
    except CryptoError:
        raise HandoverError("the handover is not signed by the venue root") from None
    if h.outgoing == h.incoming:
        raise HandoverError("a handover to the same delegate")
    try:
        named = ident_of_certificate(h.incoming_role).delegate
    except PolicyError:
        raise HandoverError("the handover's role certificate is unreadable") from None
    if named != h.incoming:
        raise HandoverError("the handover's role certificate names someone else")
    return h
