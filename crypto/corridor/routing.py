# SPDX-License-Identifier: Apache-2.0
"""What Corridor's relay verifies before a channel's routing changes (pure, no I/O).

The relay routes exactly the leaves of each channel's public ratchet tree (a device is
its certified MLS signature key). It learns that tree from the creator's signed
GroupInfo and then only from commits it verified here::

    verify_creation(GroupInfo)  ->  ChannelState @ epoch 0
    verify_channel_commit(state, commit)  ->  RoutingChange(state @ n+1, added, removed)

A commit must pass :meth:`crypto.group.public_group.PublicGroup.verify_commit` (MLS: the
committer's signature over the GroupContext the relay computes, proposals by value,
added leaves, UpdatePath, tree and transcript hashes) with the venue's chain check as
the credential validator (every added or updated leaf chains to the venue root and is
not revoked, at the commit's time), and the channel's charter
(:func:`crypto.corridor.charter.check_commit`: who may add or remove in this kind of channel,
only devices of the charter's missions, the conveners, the notice chairs, no external
commits, the kind and creator fixed). The clients run the same charter check, so the
relay and every honest member decide alike.

Time: certificates are judged at the commit's own timestamp (``at``, in Corridor's
authenticated data, covered by the committer's signature), as every member does; the
relay refuses a stamp older than the previous commit's or more than ``tolerance``
seconds ahead of its clock, so ``at`` is bounded by the relay's clock too.

Errors: every refusal is a :class:`~crypto.errors.CryptoError` (``PolicyError`` and
its :class:`~crypto.corridor.charter.CharterViolation` for the charter and credentials).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509

from crypto import certs
from crypto.codec import Reader, Writer
from crypto.corridor.charter import (
    Charter,
    CharterViolation,
    Ident,
    charter_from_extensions,
    check_commit,
    check_state,
    commit_stamp,
    ident_of_certificate,
    leave_proven,
    open_envelope,
    revoked_under,
)
from crypto.errors import CryptoError, PolicyError, ProtocolError
from crypto.group.public_group import PublicGroup
from crypto.messages import Credential, CredentialType, LeafNode, MLSMessage

__all__ = [
    "ChannelState",
    "RoutingChange",
    "Verifiers",
    "chair_delegates",
    "device_id",
    "verifiers_for",
    "verify_channel_commit",
    "verify_creation",
]

#: ChainVerifier for a time (seconds): the venue root and the CRLs the caller holds.
Verifiers = Callable[[int], certs.ChainVerifier]
_STATE_VERSION = 1
_CHANGES_VERSION = 2
_IDENT_CACHE_MAX = 50_000
_ident_cache: dict[bytes, Ident] = {}


def device_id(leaf: LeafNode) -> str:
    """The relay's device id of a leaf: its (certified) signature key, hex."""
    return leaf.signature_key.hex()


def _chain(credential: Credential) -> list[bytes]:
    if credential.credential_type != CredentialType.x509 or not credential.certificates:
        raise PolicyError("Corridor accepts only x509 credentials")
    return list(credential.certificates)


def _ident(leaf: LeafNode) -> Ident:
    der = bytes(_chain(leaf.credential)[0])
    hit = _ident_cache.get(der)
    if hit is None:
        hit = ident_of_certificate(der)
        if len(_ident_cache) >= _IDENT_CACHE_MAX:
            _ident_cache.clear()
        _ident_cache[der] = hit
    return hit


def _validator(verifier: certs.ChainVerifier) -> Callable[[Credential, bytes], None]:
    def validate(credential: Credential, signature_key: bytes) -> None:
        try:
            verifier.validate_credential(_chain(credential), signature_key)
        except CryptoError as exc:
            raise PolicyError(f"credential refused: {type(exc).__name__}") from None
    return validate


def chair_delegates(verifier: certs.ChainVerifier, role_certs: Sequence[bytes]) -> frozenset[str]:
    """Delegates (``mission/delegate``) holding a valid chair role certificate."""
    out = set()
    for der in role_certs:
        try:
            cert = x509.load_der_x509_certificate(der)
            san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
            uris = san.get_values_for_type(x509.UniformResourceIdentifier)
            mission = next(u.split("/", 1)[1] for u in uris if u.startswith("corridor:mission/"))
            delegate = next(u.split("/", 1)[1] for u in uris
                            if u.startswith("corridor:delegate/"))
            grant = verifier._role(der, mission, delegate)
        except (CryptoError, ValueError, StopIteration, x509.ExtensionNotFound):
            continue
        if grant.role == "chair":
            out.add(f"{mission}/{delegate}")
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class ChannelState:
    """A channel's public state as the relay keeps it: the public group, its charter,
    and the timestamp of the last commit (the next must not be older)."""

    group: PublicGroup
    charter: Charter
    last_at: int

    @property
    def epoch(self) -> int:
        return self.group.epoch

    def devices(self) -> list[str]:
        return [device_id(leaf) for _i, leaf in self.group.members()]

    def to_bytes(self) -> bytes:
        w = Writer()
        w.u8(_STATE_VERSION)
        w.u64(max(self.last_at, 0))
        w.opaque_v(self.group.to_bytes())
        return w.getvalue()

    def changes_since(self, older: ChannelState) -> bytes:
        """This state as a change of ``older`` (an earlier state of the same channel):
        what a commit changed, a few KiB where the whole state of a 1,000-member channel
        is over a MiB. :meth:`from_chain` reads it back after ``older``'s bytes."""
        w = Writer()
        w.u8(_CHANGES_VERSION)
        w.u64(max(self.last_at, 0))
        w.opaque_v(self.group.changes_since(older.group))
        return w.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> ChannelState:
        """A state the holder stored itself (trusted as stored)."""
        r = Reader(data)
        if r.u8() != _STATE_VERSION:
            raise ProtocolError("unknown channel state version")
        last_at = r.u64()
        group = PublicGroup.from_bytes(r.opaque_v())
        r.finish()
        return cls(group, charter_from_extensions(group.extensions), last_at)

    @classmethod
    def from_chain(cls, chain: Sequence[bytes]) -> ChannelState:
        """A state stored as a whole state (:meth:`to_bytes`) followed by the changes of
        each later commit (:meth:`changes_since`), oldest first."""
        if not chain:
            raise ProtocolError("no stored channel state")
        state = cls.from_bytes(chain[0])
        for data in chain[1:]:
            r = Reader(data)
            if r.u8() != _CHANGES_VERSION:
                raise ProtocolError("unknown channel state change version")
            last_at = r.u64()
            group = state.group.with_changes(r.opaque_v())
            r.finish()
            state = cls(group, charter_from_extensions(group.extensions), last_at)
        return state


@dataclass(frozen=True, slots=True)
class RoutingChange:
    """A verified commit: the state after it and the devices it routes in and out."""

    state: ChannelState
    added: tuple[str, ...]
    removed: tuple[str, ...]
    committer: str
    at: int


def verify_creation(group_info: bytes, *, creator: str, verifiers: Verifiers,
                    now: int) -> ChannelState:
    """A new channel's state from its creator's GroupInfo (with the ratchet tree).

    The GroupInfo must be epoch 0 with one leaf, the creator's (``creator`` is the
    device id that authenticated to the relay), signed by it, its tree valid, its
    credential chaining to the venue root (not revoked, at ``now``), and its charter
    valid with the creator as ``created_by`` (a notice channel needs a valid chair).
    """
    verifier = verifiers(now)
    group = PublicGroup.from_group_info(group_info, credential_validator=_validator(verifier))
    if group.epoch != 0 or group.context.confirmed_transcript_hash:
        raise ProtocolError("a new channel starts at epoch 0")
    members = group.members()
    if len(members) != 1 or device_id(members[0][1]) != creator:
        raise ProtocolError("a new channel holds exactly its creator")
    charter = charter_from_extensions(group.extensions)
    who = _ident(members[0][1])
    if charter.created_by != who.delegate:
        raise CharterViolation("the charter names another creator")
    check_state(charter, [who])
    if charter.kind == "notice" and not chair_delegates(verifier, charter.chairs):
        raise CharterViolation("a notice channel without a valid chair")
    return ChannelState(group, charter, 0)


def verify_channel_commit(state: ChannelState, message: bytes, *, verifiers: Verifiers,
                          now: int, tolerance: int = 600) -> RoutingChange:
    """Verify a commit (PublicMessage bytes) against ``state``; see the module doc."""
    msg = MLSMessage.from_bytes(message)
    if msg.public_message is None:
        raise ProtocolError("a commit must travel as a PublicMessage")
    env = open_envelope(msg.public_message.content.authenticated_data)
    stamp = commit_stamp(env.inner) if env is not None else None
    if stamp is None or stamp.at < 0:
        raise ProtocolError("a commit without Corridor's timestamp")
    at = stamp.at
    if at < state.last_at:
        raise CharterViolation("a commit stamped before the channel's previous commit")
    if at > now + tolerance:
        raise CharterViolation("a commit stamped ahead of the relay's clock")
    verifier = verifiers(at)
    verified = state.group.verify_commit(message, credential_validator=_validator(verifier),
                                         now=at)
    after_group = verified.group
    before, after = state.charter, charter_from_extensions(after_group.extensions)
    old_leaf = verified.committer_leaf
    if old_leaf is None:  # a valid external commit: the charter refuses every one
        check_commit(before=state.charter, after=state.charter, committer=None, added=(),
                     removed=(), members_after=(), chairs=frozenset(), founding=False)
        raise CharterViolation("external commits are not allowed")  # pragma: no cover
    new_leaf = after_group.tree.leaf(verified.committer)
    if new_leaf is None or new_leaf.signature_key != old_leaf.signature_key \
            or new_leaf.credential != old_leaf.credential:
        raise CharterViolation("a commit may not change its committer's identity")
    committer = _ident(old_leaf)
    added = [_ident(leaf) for _i, leaf in verified.added]
    root = verifier.root.der
    gid = state.group.group_id
    removed = [(_ident(leaf), revoked_under(root, _chain(leaf.credential), stamp.crls)
                or leave_proven(state.group.suite, gid, leaf.signature_key,
                                leaf.encryption_key, stamp.leaves))
               for _i, leaf in verified.removed]
    # Leaves already in the tree were checked when they entered; all of them are
    # re-read only when a mission leaves the charter.
    if set(before.missions) <= set(after.missions):
        members_after = added
    else:
        members_after = [_ident(leaf) for _i, leaf in after_group.members()]
    chairs = chair_delegates(verifier, before.chairs) if before.kind == "notice" \
        else frozenset()
    check_commit(before=before, after=after, committer=committer, added=added,
                 removed=removed, members_after=members_after, chairs=chairs,
                 founding=state.epoch == 0 and committer.delegate == before.created_by)
    return RoutingChange(
        state=ChannelState(after_group, after, at),
        added=tuple(device_id(leaf) for _i, leaf in verified.added),
        removed=tuple(device_id(leaf) for _i, leaf in verified.removed),
        committer=device_id(old_leaf), at=at)


def verifiers_for(root_der: bytes, crls: Sequence[bytes]) -> Verifiers:
    """A :data:`Verifiers` over one root and one set of CRLs (one verifier per time)."""
    made: dict[int, certs.ChainVerifier] = {}

    def at(t: int) -> certs.ChainVerifier:
        v = made.get(t)
        if v is None:
            v = certs.ChainVerifier(root_der, now=datetime.fromtimestamp(t, UTC),
                                    crls=list(crls))
            made[t] = v
        return v
    return at
