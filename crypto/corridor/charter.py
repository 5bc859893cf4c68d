# SPDX-License-Identifier: Apache-2.0
"""A Corridor channel's charter and the deterministic policy every member and the relay run.

The charter is the channel's public membership rule, held in a private-use
group-context extension (:data:`CHARTER_EXTENSION`) so that every member *and the
relay* see the same one: the relay needs it to verify commits (handshakes travel as
PublicMessages, RFC 9420 section 6.2). What the relay must not learn stays out of it:
the channel's name and topic travel encrypted, and the charter holds only ``info``, a
SHA-256 commitment to them (with a random salt inside, so a guessed name cannot be
checked against it), which makes a rename a charter change like any other.

DESIGN.md's table, as data (:data:`POLICY`)::

    kind          missions   who may change the charter    who may post
    bilateral     exactly 2  nobody (fixed pair)           everyone
    multilateral  1..N       the channel's conveners       everyone
    caucus        1..N       the caucus conveners          everyone
    notice        1..N       the chair(s)                  the chair(s) only

Membership is per mission: every certified device of a listed mission belongs. The
checks take *identities* (mission, delegate) read from each leaf's verified
certificate, so they are pure functions of the commit and the group state: two honest
members, and the relay, always decide alike. Rules for a commit (:func:`check_commit`):

1. Only members commit (no external joins); the kind never changes.
2. A charter change (missions, conveners, chairs, name) needs the kind's authority:
   nobody for bilateral, a convener for multilateral and caucus, a chair for notice.
3. After the commit every leaf's mission is in the charter, and a bilateral channel
   has exactly two missions.
4. Adding a device of a mission already in the charter is the job of that mission's
   own devices (the committer's mission), except in the founding commit of the
   channel's creator; devices of a mission added by this commit may be added by the
   authorised committer.
5. A device may be removed by a device of its own mission, by the charter authority,
   or by anyone when the commit carries proof that its certificate is revoked (CRLs
   in the commit's authenticated data, :func:`revoked_under`) or that the device asked
   to leave (its signed leave request, :func:`leave_proven`).

Corridor's authenticated data (the ``authenticated_data`` of every message it sends,
read by :func:`open_envelope`): a version byte, the sender's 16-byte epoch fingerprint,
an optional signature on it (fork evidence), then an inner part; a commit's inner part
is a :class:`CommitStamp` (its timestamp ``at``, the CRLs proving its removals, and
the new channel information sealed for the current members).
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Final

import msgspec
from cryptography import x509
from msgspec import Meta

from crypto import certs
from crypto.errors import CryptoError, PolicyError
from crypto.messages import Extension
from crypto.suites import CipherSuite

#: SignWithLabel label of a leave request (see :func:`leave_content`)
LEAVE_LABEL: Final = "corridor leave"
#: SignWithLabel label of a delegate removing one of its own devices (:func:`retire_content`)
RETIRE_LABEL: Final = "corridor retire device"
MAX_LEAVES: Final = 256

__all__ = [
    "AAD_ENVELOPE",
    "AAD_ENVELOPE_V1",
    "CHARTER_EXTENSION",
    "CHARTER_VERSION",
    "FP_LEN",
    "POLICY",
    "SIG_LEN",
    "Authority",
    "ChannelRule",
    "Charter",
    "CharterViolation",
    "CommitStamp",
    "Envelope",
    "Ident",
    "authorised",
    "charter_extension",
    "charter_from_extensions",
    "check_commit",
    "check_post",
    "check_state",
    "commit_stamp",
    "decode_charter",
    "encode_charter",
    "ident_of_certificate",
    "info_commitment",
    "open_envelope",
    "retire_content",
    "retire_proven",
    "revoked_under",
]

#: Private-use MLS extension type (RFC 9420 section 17.3: 0xF000-0xFFFF); 0xF0C1 is
#: the commit-ref GroupInfo extension of crypto.group.
CHARTER_EXTENSION: Final = 0xF0C2
CHARTER_VERSION: Final = 2
INFO_LEN: Final = 32


class CharterViolation(PolicyError):
    """A commit, post or group state breaks the channel's charter; nothing changes."""


class Authority(enum.StrEnum):
    NOBODY = "nobody"
    CONVENERS = "conveners"
    CHAIRS = "chairs"
    EVERYONE = "everyone"


@dataclass(frozen=True, slots=True)
class ChannelRule:
    roster_change: Authority
    post: Authority
    min_missions: int
    max_missions: int | None


POLICY: Final[dict[str, ChannelRule]] = {
    "bilateral": ChannelRule(Authority.NOBODY, Authority.EVERYONE, 2, 2),
    "multilateral": ChannelRule(Authority.CONVENERS, Authority.EVERYONE, 1, None),
    "caucus": ChannelRule(Authority.CONVENERS, Authority.EVERYONE, 1, None),
    "notice": ChannelRule(Authority.CHAIRS, Authority.CHAIRS, 1, None),
}

_Id = Annotated[str, Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._@-]*$")]
_Delegate = Annotated[str, Meta(min_length=3, max_length=129)]


class Charter(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The channel's public membership rule (group-context extension payload).

    ``conveners`` are delegates as ``"<mission>/<delegate>"``; ``chairs`` are role
    certificates (DER, issued by the venue root); ``info`` commits to the encrypted
    channel information (name, topic), empty when there is none; ``ceiling`` is the
    highest classification marking the channel carries (:mod:`crypto.corridor.markings`).
    """

    v: int = CHARTER_VERSION
    kind: str
    missions: tuple[_Id, ...]
    conveners: tuple[_Delegate, ...] = ()
    chairs: tuple[bytes, ...] = ()
    created_by: _Delegate
    info: Annotated[bytes, Meta(max_length=INFO_LEN)] = b""
    #: the highest marking the channel carries ("": the venue scheme's default ceiling)
    ceiling: Annotated[str, Meta(max_length=128)] = ""

    def with_changes(self, **kw: object) -> Charter:
        return msgspec.structs.replace(self, **kw)


_decoder: Final = msgspec.msgpack.Decoder(Charter)
_encoder: Final = msgspec.msgpack.Encoder()


def encode_charter(charter: Charter) -> bytes:
    """Canonical bytes (sorted, de-duplicated missions and conveners)."""
    if charter.kind not in POLICY:
        raise CharterViolation(f"unknown channel kind {charter.kind!r}")
    canonical = charter.with_changes(missions=tuple(sorted(set(charter.missions))),
                                     conveners=tuple(sorted(set(charter.conveners))))
    return _encoder.encode(canonical)


def decode_charter(data: bytes) -> Charter:
    try:
        charter = _decoder.decode(data)
    except (msgspec.MsgspecError, ValueError):
        raise CharterViolation("malformed charter extension") from None
    if charter.v != CHARTER_VERSION or charter.kind not in POLICY:
        raise CharterViolation("charter of an unknown version or kind")
    if charter.info and len(charter.info) != INFO_LEN:
        raise CharterViolation("charter information commitment of the wrong length")
    return charter


def charter_extension(charter: Charter) -> Extension:
    return Extension(extension_type=CHARTER_EXTENSION, extension_data=encode_charter(charter))


def charter_from_extensions(extensions: Iterable[Extension]) -> Charter:
    found = [e for e in extensions if e.extension_type == CHARTER_EXTENSION]
    if len(found) != 1:
        raise CharterViolation("the group has no (or more than one) charter extension")
    return decode_charter(found[0].extension_data)


@dataclass(frozen=True, slots=True)
class Ident:
    """Who a leaf is: mission and delegate, read from its (verified) certificate."""

    mission_id: str
    delegate_id: str

    @property
    def delegate(self) -> str:
        return f"{self.mission_id}/{self.delegate_id}"


def authorised(authority: Authority, who: Ident, charter: Charter,
               chairs: frozenset[str]) -> bool:
    if authority is Authority.EVERYONE:
        return True
    if authority is Authority.CONVENERS:
        return who.delegate in charter.conveners
    if authority is Authority.CHAIRS:
        return who.delegate in chairs
    return False


def check_state(charter: Charter, members: Sequence[Ident]) -> None:
    """A group as joined or after a commit: charter shape and every leaf's mission."""
    rule = POLICY[charter.kind]
    n = len(set(charter.missions))
    if n < rule.min_missions or (rule.max_missions is not None and n > rule.max_missions):
        raise CharterViolation(f"a {charter.kind} channel cannot have {n} missions")
    allowed = set(charter.missions)
    for m in members:
        if m.mission_id not in allowed:
            raise CharterViolation(f"a device of mission {m.mission_id} is not in the charter")


def check_commit(
    *,
    before: Charter,
    after: Charter,
    committer: Ident | None,
    added: Sequence[Ident],
    removed: Sequence[tuple[Ident, bool]],
    members_after: Sequence[Ident],
    chairs: frozenset[str],
    founding: bool,
) -> None:
    """Refuse (:class:`CharterViolation`) a commit that breaks the charter; see module doc.

    Args:
        chairs: delegates (``mission/delegate``) holding a verified chair role.
        founding: the commit creating epoch 1 (the creator populating the channel).
        removed: each removed leaf's identity and whether the commit proves it revoked.
    """
    if committer is None:
        raise CharterViolation("external commits are not allowed in Corridor channels")
    if after.kind != before.kind:
        raise CharterViolation("a channel's kind never changes")
    if after.created_by != before.created_by:
        raise CharterViolation("a channel's creator never changes")
    rule = POLICY[before.kind]
    changed = after != before
    may = authorised(rule.roster_change, committer, before, chairs)
    if founding and committer.delegate == before.created_by:
        may = may or rule.roster_change is not Authority.NOBODY
    if changed and not may:
        raise CharterViolation(f"{committer.delegate} may not change this {before.kind} charter")
    check_state(after, members_after)
    new_missions = set(after.missions) - set(before.missions)
    for ident in added:
        if ident.mission_id == committer.mission_id or ident.mission_id in new_missions:
            continue
        if founding and committer.delegate == before.created_by:
            continue
        if may and rule.roster_change is not Authority.NOBODY:
            continue
        raise CharterViolation(
            f"{committer.delegate} may not add a device of mission {ident.mission_id}")
    for ident, revoked in removed:
        if revoked or ident.mission_id == committer.mission_id:
            continue
        if may and rule.roster_change is not Authority.NOBODY:
            continue
        raise CharterViolation(
            f"{committer.delegate} may not remove a device of mission {ident.mission_id}")


def check_post(charter: Charter, sender: Ident, chairs: frozenset[str]) -> None:
    """Refuse a post the channel's kind does not allow from ``sender``."""
    rule = POLICY[charter.kind]
    if not authorised(rule.post, sender, charter, chairs):
        raise CharterViolation(f"only the chair may post in a {charter.kind} channel")


# -- identities and revocation proofs, from certificates alone -------------------------

def ident_of_certificate(device_der: bytes) -> Ident:
    """Mission and delegate from a device certificate's subjectAltName URIs (unverified:
    call it on chains a verifier has accepted, or on removed leaves, whose certificate
    may be revoked by now)."""
    try:
        cert = x509.load_der_x509_certificate(bytes(device_der))
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        uris = san.get_values_for_type(x509.UniformResourceIdentifier)
    except (ValueError, TypeError, x509.ExtensionNotFound):
        raise PolicyError("unreadable device certificate") from None
    mission = [u.split("/", 1)[1] for u in uris if u.startswith("corridor:mission/")]
    delegate = [u.split("/", 1)[1] for u in uris if u.startswith("corridor:delegate/")]
    if len(mission) != 1 or len(delegate) != 1:
        raise PolicyError("device certificate without one mission and one delegate")
    return Ident(mission[0], delegate[0])


def revoked_under(root_der: bytes, chain: Sequence[bytes], crls: Sequence[bytes]) -> bool:
    """Whether ``crls`` (only those) revoke ``chain``: a proof every member and the relay
    check alike. Checked at a moment the chain itself fixes (its latest ``notBefore``),
    never at anyone's clock, so clocks straddling an expiry cannot split the verdict."""
    try:
        at: datetime = max(x509.load_der_x509_certificate(bytes(c)).not_valid_before_utc
                           for c in [*chain, root_der])
    except (ValueError, TypeError):
        return False
    try:
        certs.ChainVerifier(root_der, now=at.astimezone(UTC), crls=list(crls)).verify(
            list(chain))
    except certs.RevokedError:
        return True
    except CryptoError:
        return False
    return False


# -- Corridor's authenticated data ------------------------------------------------------

AAD_ENVELOPE: Final = 2
AAD_ENVELOPE_V1: Final = 1  # unsigned: never fork evidence
FP_LEN: Final = 16
SIG_LEN: Final = 64


class Envelope(msgspec.Struct, frozen=True):
    """Corridor's authenticated data: the epoch fingerprint, its signature (or empty)
    and the inner part. A frozen msgspec struct: one is read per message received."""

    fp: bytes
    sig: bytes
    inner: bytes


def open_envelope(aad: bytes) -> Envelope | None:
    """Parse Corridor's authenticated data; None if it is not in that shape."""
    if len(aad) < 2 + FP_LEN or aad[0] not in (AAD_ENVELOPE, AAD_ENVELOPE_V1):
        return None
    fp = aad[1:1 + FP_LEN]
    if aad[0] == AAD_ENVELOPE_V1:
        return Envelope(fp, b"", aad[1 + FP_LEN:])
    n = aad[1 + FP_LEN]
    if n not in (0, SIG_LEN) or len(aad) < 2 + FP_LEN + n:
        return None
    return Envelope(fp, aad[2 + FP_LEN:2 + FP_LEN + n], aad[2 + FP_LEN + n:])


class CommitStamp(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A commit's inner authenticated data: CRLs proving its removals, its timestamp
    ``at`` (seconds), and the new channel information sealed under a key of the
    current epoch (empty when the information does not change)."""

    crls: list[bytes]
    at: int
    info: bytes = b""
    #: leave requests proving removals: signatures by the leaving leaves (:func:`leave_proven`)
    leaves: Annotated[list[bytes], Meta(max_length=MAX_LEAVES)] = []


def leave_content(group_id: bytes, encryption_key: bytes) -> bytes:
    """What a device signs to leave a channel: the group and its own leaf's current
    encryption key, so the request cannot remove it from another channel, nor again once
    it has been re-added (a new leaf has a new key)."""
    return len(group_id).to_bytes(2, "big") + group_id + encryption_key


def leave_proven(suite: CipherSuite, group_id: bytes, signature_key: bytes,
                 encryption_key: bytes, leaves: Sequence[bytes]) -> bool:
    """Whether one of ``leaves`` is the leaf's own request to leave ``group_id``."""
    content = leave_content(group_id, encryption_key)
    for sig in leaves:
        try:
            suite.verify_with_label(signature_key, LEAVE_LABEL, content, sig)
        except CryptoError:
            continue
        return True
    return False


def retire_content(device_key: bytes) -> bytes:
    """What a device signs to remove another device of the same delegate (a lost
    laptop) from the venue: the removed device's public key. The relay and every member
    check the signer and the removed device share (mission, delegate) in their chains."""
    return b"\x00" + len(device_key).to_bytes(2, "big") + device_key


def retire_proven(suite: CipherSuite, by_key: bytes, device_key: bytes, sig: bytes) -> bool:
    """Whether ``sig`` is ``by_key``'s signature removing the device ``device_key``."""
    try:
        suite.verify_with_label(by_key, RETIRE_LABEL, retire_content(device_key), sig)
    except CryptoError:
        return False
    return True


_stamp_decoder: Final = msgspec.msgpack.Decoder(CommitStamp)
_crl_decoder: Final = msgspec.msgpack.Decoder(list[bytes])


def commit_stamp(inner: bytes) -> CommitStamp | None:
    """The stamp of a commit's inner authenticated data (an older commit's bare CRL
    list gives a stamp without time: ``at`` = -1); None if unreadable."""
    if not inner:
        return None
    try:
        return _stamp_decoder.decode(inner)
    except msgspec.MsgspecError:
        pass
    try:
        return CommitStamp(_crl_decoder.decode(inner), -1)
    except msgspec.MsgspecError:
        return None


def info_commitment(info: bytes) -> bytes:
    """The charter's ``info``: SHA-256 over a label and the (salted) information bytes."""
    return hashlib.sha256(b"corridor channel info v1\x00" + info).digest()
