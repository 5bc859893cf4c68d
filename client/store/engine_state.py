# SPDX-License-Identifier: Apache-2.0
"""The sync engine's own records, typed, and the store protocols that keep them.

The engine keeps more than MLS group states: open gaps and pending refusals per
channel, the epoch fingerprints and merged commits the fork check compares against,
its KeyPackages' private parts, and the client message ids of its sends. Each concern
has a protocol of its own here, so a part of the engine depends only on what it uses;
both stores implement all of them through :class:`EngineStateRecords`, which encodes
the typed records once for both (SQLite seals them like every other sensitive row).

Before schema version 5 these records lived in the group-state table under magic keys
(``b"\\xff"`` and a two- to five-letter tag), the directory's CRLs and log view did
until version 6, and the client's mute list and health warnings until version 9;
:func:`records_from_group_state` reads that layout, and the SQLite store moves every
such row when it migrates.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final, Protocol, TypeVar

import msgspec

from client.store.base import Store

__all__ = [
    "CLIENT_RECORDS",
    "HEALTH",
    "MUTE",
    "ClientRecordStore",
    "DirectoryStateStore",
    "EngineStateRecords",
    "EngineStateStore",
    "EngineStore",
    "EpochFingerprint",
    "ForkStore",
    "FormerMemberStore",
    "GapStore",
    "KeyPackageStore",
    "LastResortRecord",
    "RefusalStore",
    "SendIdRecord",
    "SendIdStore",
    "StateRow",
    "StoredKeyPackage",
    "records_from_group_state",
]

#: the fingerprint's length (crypto.corridor.charter.FP_LEN) and a merged commit's digest length
FINGERPRINT_LEN: Final = 16
DIGEST_LEN: Final = 16


class EpochFingerprint(msgspec.Struct, frozen=True, array_like=True):
    """The fork check's fingerprint of one epoch this device was in."""

    epoch: int
    fingerprint: bytes


class LastResortRecord(msgspec.Struct, frozen=True, kw_only=True):
    """This device's last-resort KeyPackages: the refs kept (oldest first) and the one
    the relay holds now (``current``, published at ``published_at``; ``used`` once a
    Welcome joined with it)."""

    refs: tuple[bytes, ...] = ()
    current: bytes = b""
    published_at: int = 0
    used: bool = False


class StoredKeyPackage(msgspec.Struct, frozen=True, array_like=True):
    """A KeyPackage bundle (private parts included) this device published."""

    bundle: bytes
    last_resort: bool = False


class SendIdRecord(msgspec.Struct, frozen=True, array_like=True):
    """What an own client message id stands for (see :mod:`client.msgids`)."""

    kind: str
    ref: bytes
    attempt: int = 0


class GapStore(Protocol):
    """Open gaps per group: inclusive seq ranges still awaited, oldest first."""

    def get_gaps(self, group_id: bytes) -> list[tuple[int, int]]: ...

    def put_gaps(self, group_id: bytes, gaps: Sequence[tuple[int, int]]) -> None:
        """Replace the group's gaps; none deletes the record."""
        ...


class RefusalStore(Protocol):
    """Seqs of commits this device refused that the relay has not been told of."""

    def get_refusals(self, group_id: bytes) -> list[int]: ...

    def refusal_groups(self) -> list[bytes]:
        """The groups that have pending refusals (one read, not one per channel: asked
        after every received batch)."""
        ...

    def put_refusals(self, group_id: bytes, seqs: Sequence[int]) -> None:
        """Replace the group's pending refusals; none deletes the record."""
        ...


class ForkStore(Protocol):
    """What the fork check remembers per group."""

    def get_fingerprints(self, group_id: bytes) -> list[EpochFingerprint]: ...

    def put_fingerprints(self, group_id: bytes, fps: Sequence[EpochFingerprint]) -> None:
        """Replace the group's remembered fingerprints; none deletes the record."""
        ...

    def get_merged_commits(self, group_id: bytes) -> list[bytes]:
        """Digests of the last commits merged, oldest first."""
        ...

    def put_merged_commits(self, group_id: bytes, digests: Sequence[bytes]) -> None: ...


class FormerMemberStore(Protocol):
    """Who was in a group and is no longer, as this device saw them go."""

    def get_former_chains(self, group_id: bytes) -> list[list[bytes]]:
        """The certificate chains of the group's members who left or were removed (and,
        once this device is removed, of everyone it leaves behind), oldest first: what
        names a former member in a signed export of the channel's history."""
        ...

    def add_former_chains(self, group_id: bytes, chains: Sequence[Sequence[bytes]]) -> None:
        """Remember ``chains`` too (a chain already known is kept once; the oldest go
        beyond :data:`MAX_FORMER_CHAINS`)."""
        ...


class KeyPackageStore(Protocol):
    """This device's KeyPackage bundles and its last-resort bookkeeping."""

    def put_key_package(self, ref: bytes, bundle: bytes, *, last_resort: bool = False) -> None:
        ...

    def get_key_package(self, ref: bytes) -> StoredKeyPackage | None: ...

    def delete_key_package(self, ref: bytes) -> None: ...

    def get_last_resort(self) -> LastResortRecord:
        """The record, or an empty one (none yet, or unreadable)."""
        ...

    def put_last_resort(self, record: LastResortRecord) -> None: ...


class SendIdStore(Protocol):
    """Client message ids: by a digest of what was sent (a resend reuses the id) and by
    the id's own bytes (what an echo stands for)."""

    def get_send_id(self, digest: bytes) -> str | None: ...

    def get_send_ref(self, raw: bytes) -> SendIdRecord | None: ...

    def put_send_id(self, digest: bytes, raw: bytes, client_msg_id: str,
                    record: SendIdRecord) -> None: ...

    def delete_send_id(self, digest: bytes | None, raw: bytes) -> None: ...


class DirectoryStateStore(Protocol):
    """What the client keeps of the venue directory: the CRLs it last accepted and its
    view of the transparency log (:meth:`client.transparency.LogVerifier.to_bytes`)."""

    def get_crls(self) -> list[bytes]: ...

    def put_crls(self, crls: Sequence[bytes]) -> None: ...

    def get_log_state(self) -> bytes | None: ...

    def put_log_state(self, state: bytes) -> None: ...


class ClientRecordStore(Protocol):
    """The client's own small records beside the engine's: the channels a delegate
    muted (:mod:`client.mute`) and the persistent health warnings
    (:mod:`client.health`), one sealed record per kind (:data:`CLIENT_RECORDS`)."""

    def get_client_record(self, kind: str) -> bytes | None: ...

    def put_client_record(self, kind: str, value: bytes) -> None: ...


class EngineStateStore(GapStore, RefusalStore, ForkStore, FormerMemberStore,
                       KeyPackageStore, SendIdStore, DirectoryStateStore, ClientRecordStore,
                       Protocol):
    """Every engine-state protocol together."""


class EngineStore(Store, EngineStateStore, Protocol):
    """What the engine needs of a store: the general store and its own records."""


# ---------------------------------------------------------------------- encoding

#: record kinds (the SQLite table's ``kind`` column)
GAPS: Final = "gaps"
REFUSALS: Final = "refusals"
FINGERPRINTS: Final = "fingerprints"
MERGED: Final = "merged"
KEY_PACKAGE: Final = "key_package"
LAST_RESORT: Final = "last_resort"
SEND_ID: Final = "send_id"
SEND_REF: Final = "send_ref"
CRLS: Final = "crls"
LOG: Final = "log"
MUTE: Final = "mute"
HEALTH: Final = "health"
FORMER: Final = "former"
#: former members' chains kept per group (the oldest go first): enough for any channel
#: of a forum of 57 missions over years of turnover, small next to its messages
MAX_FORMER_CHAINS: Final = 2048
#: the kinds :class:`ClientRecordStore` keeps (never one of the engine's)
CLIENT_RECORDS: Final = frozenset({MUTE, HEALTH})
_SINGLETON: Final = b"-"

_enc: Final = msgspec.msgpack.Encoder()
_gaps: Final = msgspec.msgpack.Decoder(list[tuple[int, int]])
_ints: Final = msgspec.msgpack.Decoder(list[int])
_fps: Final = msgspec.msgpack.Decoder(list[EpochFingerprint])
_digests: Final = msgspec.msgpack.Decoder(list[bytes])
_kp: Final = msgspec.msgpack.Decoder(StoredKeyPackage)
_lr: Final = msgspec.msgpack.Decoder(LastResortRecord)
_send_ref: Final = msgspec.msgpack.Decoder(SendIdRecord)
_str: Final = msgspec.msgpack.Decoder(str)
_blobs: Final = msgspec.msgpack.Decoder(list[bytes])
_chains: Final = msgspec.msgpack.Decoder(list[list[bytes]])

_T = TypeVar("_T")

StateRow = tuple[str, bytes, bytes]
"""One stored record: (kind, key, encoded value)."""


class EngineStateRecords:
    """The engine-state protocols over three primitives a store provides.

    A record that does not decode reads as absent (as the engine always treated it);
    one whose ciphertext fails authentication raises from the primitive.
    """

    def _state_get(self, kind: str, key: bytes) -> bytes | None:
        raise NotImplementedError

    def _state_put(self, kind: str, key: bytes, value: bytes) -> None:
        raise NotImplementedError

    def _state_delete(self, kind: str, key: bytes) -> None:
        raise NotImplementedError

    def _state_keys(self, kind: str) -> list[bytes]:
        raise NotImplementedError

    def _state_put_or_delete(self, kind: str, key: bytes, value: bytes, keep: bool) -> None:
        if keep:
            self._state_put(kind, key, value)
        else:
            self._state_delete(kind, key)

    def _decoded(self, kind: str, key: bytes, decoder: msgspec.msgpack.Decoder[_T]) -> _T | None:
        raw = self._state_get(kind, key)
        if raw is None:
            return None
        try:
            return decoder.decode(raw)
        except msgspec.MsgspecError:
            return None

    # gaps, refusals
    def get_gaps(self, group_id: bytes) -> list[tuple[int, int]]:
        return self._decoded(GAPS, group_id, _gaps) or []

    def put_gaps(self, group_id: bytes, gaps: Sequence[tuple[int, int]]) -> None:
        self._state_put_or_delete(GAPS, group_id, _enc.encode([(a, b) for a, b in gaps]),
                                  bool(gaps))

    def get_refusals(self, group_id: bytes) -> list[int]:
        return self._decoded(REFUSALS, group_id, _ints) or []

    def refusal_groups(self) -> list[bytes]:
        return self._state_keys(REFUSALS)

    def put_refusals(self, group_id: bytes, seqs: Sequence[int]) -> None:
        self._state_put_or_delete(REFUSALS, group_id, _enc.encode(list(seqs)), bool(seqs))

    # fork check
    def get_fingerprints(self, group_id: bytes) -> list[EpochFingerprint]:
        return self._decoded(FINGERPRINTS, group_id, _fps) or []

    def put_fingerprints(self, group_id: bytes, fps: Sequence[EpochFingerprint]) -> None:
        self._state_put_or_delete(FINGERPRINTS, group_id, _enc.encode(list(fps)), bool(fps))

    def get_merged_commits(self, group_id: bytes) -> list[bytes]:
        return self._decoded(MERGED, group_id, _digests) or []

    def put_merged_commits(self, group_id: bytes, digests: Sequence[bytes]) -> None:
        self._state_put_or_delete(MERGED, group_id, _enc.encode(list(digests)), bool(digests))

    # KeyPackages
    def put_key_package(self, ref: bytes, bundle: bytes, *, last_resort: bool = False) -> None:
        self._state_put(KEY_PACKAGE, ref, _enc.encode(StoredKeyPackage(bundle, last_resort)))

    def get_key_package(self, ref: bytes) -> StoredKeyPackage | None:
        return self._decoded(KEY_PACKAGE, ref, _kp)

    def delete_key_package(self, ref: bytes) -> None:
        self._state_delete(KEY_PACKAGE, ref)

    def get_last_resort(self) -> LastResortRecord:
        return self._decoded(LAST_RESORT, _SINGLETON, _lr) or LastResortRecord()

    def put_last_resort(self, record: LastResortRecord) -> None:
        self._state_put(LAST_RESORT, _SINGLETON, _enc.encode(record))

    # client message ids
    def get_send_id(self, digest: bytes) -> str | None:
        return self._decoded(SEND_ID, digest, _str)

    def get_send_ref(self, raw: bytes) -> SendIdRecord | None:
        return self._decoded(SEND_REF, raw, _send_ref)

    def put_send_id(self, digest: bytes, raw: bytes, client_msg_id: str,
                    record: SendIdRecord) -> None:
        self._state_put(SEND_REF, raw, _enc.encode(record))
        self._state_put(SEND_ID, digest, _enc.encode(client_msg_id))

    def delete_send_id(self, digest: bytes | None, raw: bytes) -> None:
        if digest is not None:
            self._state_delete(SEND_ID, digest)
        self._state_delete(SEND_REF, raw)

    # former members
    def get_former_chains(self, group_id: bytes) -> list[list[bytes]]:
        return self._decoded(FORMER, group_id, _chains) or []

    def add_former_chains(self, group_id: bytes, chains: Sequence[Sequence[bytes]]) -> None:
        if not any(chains):  # most commits remove nobody: the record is not even read
            return
        known = self.get_former_chains(group_id)
        seen = {tuple(c) for c in known}
        fresh = []
        for c in chains:
            if c and tuple(c) not in seen:
                seen.add(tuple(c))
                fresh.append(list(c))
        if fresh:
            self._state_put(FORMER, group_id,
                            _enc.encode((known + fresh)[-MAX_FORMER_CHAINS:]))

    # the venue directory
    def get_crls(self) -> list[bytes]:
        return self._decoded(CRLS, _SINGLETON, _blobs) or []

    def put_crls(self, crls: Sequence[bytes]) -> None:
        self._state_put(CRLS, _SINGLETON, _enc.encode(list(crls)))

    def get_log_state(self) -> bytes | None:
        return self._state_get(LOG, _SINGLETON)

    def put_log_state(self, state: bytes) -> None:
        self._state_put(LOG, _SINGLETON, state)

    # the client's own records
    def get_client_record(self, kind: str) -> bytes | None:
        return self._state_get(_client_kind(kind), _SINGLETON)

    def put_client_record(self, kind: str, value: bytes) -> None:
        self._state_put(_client_kind(kind), _SINGLETON, value)


def _client_kind(kind: str) -> str:
    if kind not in CLIENT_RECORDS:  # a typo must not write over an engine record
        raise ValueError(f"no client record kind {kind!r}")
    return kind


# ------------------------------------------------------- the layout before version 5

_OLD_SEND_ID: Final = b"\xffcmid>"
_OLD_SEND_REF: Final = b"\xffcmid<"
_OLD_FINGERPRINTS: Final = b"\xfffp"
_OLD_GAPS: Final = b"\xffgp"
_OLD_KEY_PACKAGE: Final = b"\xffkp"
_OLD_LAST_RESORT_BUNDLE: Final = b"\xfflr"
_OLD_LAST_RESORT: Final = b"\xfflx"
_OLD_REFUSALS: Final = b"\xffrf"
_OLD_MERGED: Final = b"\xffcm"
_OLD_CRLS: Final = b"\xffcrls"  # moved at version 6
_OLD_LOG: Final = b"\xfflog"  # moved at version 6
_OLD_MUTE: Final = b"\xffmute"  # moved at version 9
_OLD_HEALTH: Final = b"\xffhealth"  # moved at version 9
_old_send_ref: Final = msgspec.msgpack.Decoder(tuple[str, bytes, int])


def _chunks(blob: bytes, size: int) -> Iterator[bytes]:
    for i in range(0, len(blob) - size + 1, size):
        yield blob[i:i + size]


def records_from_group_state(key: bytes, state: bytes) -> list[StateRow] | None:
    """The typed records an engine row of the old layout holds; None if ``key`` is not
    one of the engine's (an MLS group, or another module's record, which stay).

    Undecodable old records become what the old code read them as (nothing, or an
    empty record), so a migration never fails on one.
    """
    if key == _OLD_CRLS:  # the same encoding (a msgpack list of DER CRLs)
        return [(CRLS, _SINGLETON, state)]
    if key == _OLD_LOG:  # the log verifier's own encoding, kept as it is
        return [(LOG, _SINGLETON, state)]
    if key == _OLD_MUTE:  # client.mute's and client.health's encodings, kept as they are
        return [(MUTE, _SINGLETON, state)]
    if key == _OLD_HEALTH:
        return [(HEALTH, _SINGLETON, state)]
    if key.startswith(_OLD_SEND_ID):
        return [(SEND_ID, key[len(_OLD_SEND_ID):], _enc.encode(state.decode(errors="replace")))]
    if key.startswith(_OLD_SEND_REF):
        try:
            kind, ref, attempt = _old_send_ref.decode(state)
        except msgspec.MsgspecError:
            return []
        return [(SEND_REF, key[len(_OLD_SEND_REF):], _enc.encode(SendIdRecord(kind, ref,
                                                                              attempt)))]
    tag, rest = key[:3], key[3:]
    if tag == _OLD_FINGERPRINTS:
        rec = 8 + FINGERPRINT_LEN
        fps = [EpochFingerprint(int.from_bytes(c[:8], "big"), c[8:]) for c in _chunks(state, rec)]
        return [(FINGERPRINTS, rest, _enc.encode(fps))] if fps else []
    if tag == _OLD_MERGED:
        digests = list(_chunks(state, DIGEST_LEN))
        return [(MERGED, rest, _enc.encode(digests))] if digests else []
    if tag == _OLD_GAPS:
        try:
            gaps = _gaps.decode(state)
        except msgspec.MsgspecError:
            return []
        return [(GAPS, rest, _enc.encode(gaps))] if gaps else []
    if tag == _OLD_REFUSALS:
        try:
            seqs = _ints.decode(state)
        except msgspec.MsgspecError:
            return []
        return [(REFUSALS, rest, _enc.encode(seqs))] if seqs else []
    if tag == _OLD_KEY_PACKAGE:
        return [(KEY_PACKAGE, rest, _enc.encode(StoredKeyPackage(state, False)))]
    if tag == _OLD_LAST_RESORT_BUNDLE:
        return [(KEY_PACKAGE, rest, _enc.encode(StoredKeyPackage(state, True)))]
    if key == _OLD_LAST_RESORT:
        try:
            record = _lr.decode(state)
        except msgspec.MsgspecError:
            record = LastResortRecord()
        return [(LAST_RESORT, _SINGLETON, _enc.encode(record))]
    return None
