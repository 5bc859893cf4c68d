# SPDX-License-Identifier: Apache-2.0
"""The sync engine: Corridor's protocol logic, free of network I/O.

Relay data goes in (ordered messages, Welcomes, directory listings, post results);
what to send comes out (:class:`Outbound`); typed events (:mod:`client.events`) report
what happened. The engine owns the local store and the MLS groups but never touches a
socket, so tests drive it with an in-memory relay (tests/support/memory_relay.py) and the async
driver (:class:`client.core.Client`) stays thin::

    driver                          Engine                                store
      relay batch ──────────> receive(msgs) ─ one transaction per group ─> state+cursor+msgs
                  <── events, acks (ack only after the transaction commits)
      Welcome ──────────────> receive_welcome(w) ──────── transaction ──> channel+state
      flush:  outbox_work() ─> [AppWork | CommitWork]
              AppWork ──────> encrypt(item) ───── state saved ──> Outbound ─> relay
              CommitWork ───> membership_plan(dir) -> devices to claim KeyPackages for
                              build_commit(item, plan, kps) ── pending saved ─> Outbound
              post ok  ─────> posted(out)      (app: outbox item done; commit: wait for echo)
              409      ─────> catch up (the winner merges, ours is discarded), retry

Rules it keeps:

* **Order.** Each channel is processed strictly in the relay's sequence order; a
  message at or below the cursor is a redelivery and ignored unless it fills an open
  gap; a gap is reported as :class:`~client.events.PossibleWithholding`.
* **Atomicity.** Processing a batch of one channel (commits merged, keys used,
  messages stored, cursor advanced, own outbox items completed) is one store
  transaction; the in-memory group is reloaded if it fails. A crash at any point
  leaves the old epoch or the new one and never shows a message twice (messages are
  unique per id). Acks go to the relay only after the commit.
* **Own messages.** Commits are merged when they come back in the relay's order
  (``own`` StagedCommit), never on the POST answer, so every member applies the same
  sequence. An own application message that comes back at another epoch than it was
  sent in (a commit overtook it) is re-sent at the current epoch with the same message
  id; receivers de-duplicate by id.
* **Outbox.** App items hold the encoded payload (encrypted at rest), not
  ciphertext, so they survive epochs and restarts; commits are rebuilt from intent
  after a lost race. Client message ids are random and recorded before first use
  (:mod:`client.msgids`), so a resend after a crash is de-duplicated by the relay and
  the relay cannot tell a commit from a message by them. Application messages are
  padded to a size bucket (the same module).
* **Fork check.** Every message this engine sends carries, in MLS
  ``authenticated_data``, a 16-byte fingerprint of the sender's epoch (SHA-256 over
  group id, epoch and epoch authenticator) and the sender device's signature, with its
  certified MLS signature key, over the labelled tuple (group id, epoch, fingerprint,
  digest of the inner AAD, which holds an application message's id). Why signed: the
  AAD is only authenticated by decryption, and a message from the other half of a real
  fork can never be decrypted (other epoch secrets), so MLS cannot vouch for exactly the
  messages that prove a fork; the relay, which can flip bytes, must not be able to make
  one either. Only a valid signature by the device the relay names as sender, a member
  of our tree with a chain that verifies now, on a fingerprint that differs from ours
  for that epoch (current or remembered, ``_FP_KEEP`` epochs) is
  :class:`ForkDetected`; any other fingerprint mismatch is a ``VerificationError`` for
  that message alone, no state change. A commit for an epoch we left that is not the
  one we merged is an ``EpochError``: its keys are gone, so it could be the relay's
  damaged copy; a real fork shows in the other half's next, signed, messages.
  (An insider member can still sign a false statement: a member can disrupt anyway.)
* **Gaps** (THREATS 7). Missing seqs (reported as :class:`PossibleWithholding`) and
  messages of an epoch not reached yet stay open per channel; catch-up restarts at the
  oldest (:meth:`Engine.catch_up_after`), acks never pass one, and a late message is
  processed if it still can be (a past epoch: a reported typed error). Gaps more than
  ``GAP_HORIZON`` seqs behind, or beyond the newest ``GAP_KEEP``, are given up.
* **Welcomes** (THREATS 6) are joined only with the accepted commit the relay routes
  with them, which the Welcome must name; a relay that hands the joiner a losing
  commit with its Welcome puts it on another history, caught by the fork check.
* **Policy.** Every commit and post is checked with :mod:`client.policy` before it
  changes anything; a commit's certificates at the timestamp it carries (see "Clocks"
  there), a commit stamped too far ahead of our clock waits as a gap.
* **Wire formats.** Commits are PublicMessages (RFC 9420 section 6.2), which the relay
  verifies against the group's public tree and charter before it routes anyone
  (docs/relay-authority.md); application messages are PrivateMessages. Any other shape
  is refused (THREATS 15). The channel's name is not in the GroupContext: the charter
  commits to a salted :class:`~client.policy.ChannelInfo`, which travels sealed in the
  commit that changes it (a key exported from the commit's epoch) and in the Welcome's
  GroupInfo.
* **Refusals** (F2). A commit at our epoch refused by policy (or whose new credential
  is refused at its timestamp, or that authenticated but breaks RFC 9420 in a way every
  member checks alike: :class:`~crypto.errors.InvalidCommitError`, e.g. a bad
  confirmation tag; the relay refuses most such commits itself) is queued as a refusal
  for the relay
  (:meth:`Engine.pending_refusals`, sent by the driver before it acks), and its
  committer's (device, epoch) is remembered: its later messages, signed on the branch it
  made, are an ``EpochError``, never fork evidence. The relay voids a commit once at
  least two missions and more than half of the charter's missions refused it (one vote
  per mission), and every later one; a message served ``voided`` is skipped without
  processing (:class:`~client.events.CommitVoided`; every honest member refused it, so
  skipping is what they all did), so the freed epoch takes the honest members' next
  commit and everyone converges. Honest members never disagree on a refusal, so
  voiding never splits them.

AAD envelope: ``0x02 | fingerprint[16] | n | signature[n] | inner`` (n is 64, or 0 for
unsigned test messages; ``0x01 | fingerprint | inner`` from older clients parses as
unsigned) where inner is :func:`client.payloads.build_aad` for application messages
and, for commits, msgpack of a :class:`crypto.corridor.charter.CommitStamp` (the CRLs proving
its removals, its timestamp, the sealed channel information), which the relay reads too
(older commits: a bare CRL list).

* **KeyPackages** (THREATS 5). One-time packages' private parts are deleted when a
  Welcome uses them (a second Welcome to the same package is refused). The device also
  keeps one last-resort package on the relay (handed out repeatedly once the one-time
  ones are gone): joining with it works any number of times; it is replaced after a
  Welcome used it and every ``last_resort_seconds``; the previous
  ``_LR_KEEP - 1`` ones stay usable for Welcomes already under way.
* **Self-updates** (post-compromise security). A channel where this device has not
  committed for ``self_update_seconds`` or has sent ``self_update_messages`` messages
  since its last commit gets an empty commit with an update path, queued in the outbox
  like a roster change (:meth:`Engine.queue_self_updates`): a copy of the old state
  (a stolen disk image) stops decrypting from the next epoch on.
* **No key used twice** (THREATS 18). The group state that consumed a ratchet key is
  saved before the ciphertext can leave the device (``encrypt``, ``build_commit``).

Settings (environment, read when the engine starts): ``CORRIDOR_SELF_UPDATE_DAYS``
(default 7), ``CORRIDOR_SELF_UPDATE_MESSAGES`` (default 1000),
``CORRIDOR_LAST_RESORT_DAYS`` (default 7); 0 turns a trigger off.

Test hook: ``CORRIDOR_CRASH_AT=<point>`` makes the process SIGKILL itself at a named
point (``receive-mid``, ``commit-merged``, ``send-posted``, ``send-encrypted``,
``send-sealed`` (a message encrypted, its state not saved yet), ``commit-built`` (a
commit made, its state not saved yet), ``commit-saved`` (saved, not posted)); crash
tests use it. Nothing else reads it.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

import msgspec

from client import payloads
from client.errors import AlreadyDoneError, ClientError, NotFoundError, PayloadError, UsageError
from client.events import (
    ChannelJoined,
    ChannelLeft,
    CommitVoided,
    EmergencyCallReceived,
    ErrorEvent,
    Event,
    ForkDetected,
    MembershipChanged,
    MessageFailed,
    MessageReceived,
    MessagesExpired,
    NoticePinned,
    PolicyRefused,
    PossibleWithholding,
    TimerChanged,
)
from client.features import ANSWER_KINDS, MODIFIER_KINDS, Features, kind_of
from client.msgids import APP, COMMIT, SendIds, padding_for
from client.policy import (
    INFO_EXTENSION,
    LEAF_EXTENSIONS,
    POLICY,
    ROSTER_EXTENSION,
    Authority,
    Charter,
    Ident,
    PolicyViolation,
    Roster,
    check_commit,
    check_post,
    check_state,
    decode_info,
    encode_roster,
    new_info,
    roster_extension,
    roster_from_extensions,
    roster_problem,
)
from client.store.base import Channel, ChannelKind, Store
from client.transport import RelayMessage, RelayWelcome
from client.trust import Trust, credential_chain, unverified_identity, x509_credential
from crypto.corridor.charter import (
    AAD_ENVELOPE,
    FP_LEN,
    LEAVE_LABEL,
    SIG_LEN,
    CommitStamp,
    commit_stamp,
    info_commitment,
    leave_content,
    leave_proven,
)
from crypto.corridor.charter import Envelope as _Env
from crypto.corridor.charter import open_envelope as _open_envelope
from crypto.errors import (
    CryptoError,
    EpochError,
    InvalidCommitError,
    ReplayError,
    VerificationError,
)
from crypto.errors import PolicyError as CryptoPolicyError
from crypto.group import ApplicationMessage, Group, Member, StagedCommit
from crypto.messages import ContentType, Extension, KeyPackage, MLSMessage, Welcome, WireFormat
from crypto.messages.key_package import (
    KeyPackageBundle,
    default_capabilities,
    make_key_package,
    validate_key_package,
)
from crypto.suites import expand_signature_key, get_suite

__all__ = [
    "AppWork",
    "ChannelMember",
    "CommitWork",
    "DeviceIdentity",
    "Engine",
    "MembershipPlan",
    "NewChannel",
    "Outbound",
    "ReceiveResult",
]

SUITE: Final = 0x0003
FORK_LABEL: Final = "corridor fork statement v1"
_FP_PREFIX: Final = b"\xfffp"  # + group id: (epoch, fingerprint) of the epochs we were in
_FP_KEEP: Final = 256
_GAP_PREFIX: Final = b"\xffgp"  # + group id: open gaps, msgpack [[first, last], ...]
#: Gaps further than this many seqs behind the cursor are given up (already reported).
GAP_HORIZON: Final = 1000
GAP_KEEP: Final = 64
_KP_PREFIX: Final = b"\xffkp"
_LR_PREFIX: Final = b"\xfflr"  # + KeyPackage ref: a last-resort bundle (kept after use)
_LR_INDEX: Final = b"\xfflx"  # the last-resort record (_LastResort)
#: last-resort bundles kept: the current one and the ones it replaced (a Welcome to one
#: of those may still be on its way)
_LR_KEEP: Final = 3
KEY_PACKAGE_LIFETIME: Final = 90 * 86400
_REFUSE_PREFIX: Final = b"\xffrf"  # + group id: seqs of commits refused, not yet told the relay
_REFUSED_KEEP: Final = 16
#: A commit stamped more than this ahead of our clock waits (it is kept as a gap and
#: retried); see client.policy on clock skew.
CLOCK_TOLERANCE: Final = 600
#: ... and more than this ahead, we also ask the relay to void it (never merged by anyone
#: honest whose clock is within CLOCK_TOLERANCE of ours).
FAR_FUTURE: Final = 86400
_MERGED_PREFIX: Final = b"\xffcm"  # + group id: digests of the last commits merged
_MERGED_KEEP: Final = 64
_CRASH_ENV: Final = "CORRIDOR_CRASH_AT"
SELF_UPDATE_DAYS_ENV: Final = "CORRIDOR_SELF_UPDATE_DAYS"
SELF_UPDATE_MESSAGES_ENV: Final = "CORRIDOR_SELF_UPDATE_MESSAGES"
LAST_RESORT_DAYS_ENV: Final = "CORRIDOR_LAST_RESORT_DAYS"
DAY: Final = 86400


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise UsageError(f"{name} must be a number, not {raw!r}") from None
    if value < 0:
        raise UsageError(f"{name} must not be negative")
    return value


def _crashpoint(name: str) -> None:
    if os.environ.get(_CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


class _AheadError(EpochError):
    """A message of a later epoch than ours: kept as a gap, it may decrypt once the
    missing commit arrives. Reported as an :class:`EpochError`."""


def _error_name(exc: BaseException) -> str:
    return "EpochError" if isinstance(exc, _AheadError) else type(exc).__name__


def _gap_add(gaps: list[list[int]], start: int, end: int) -> None:
    """Add the inclusive range ``start..end`` to sorted, disjoint ``gaps``."""
    if start > end:
        return
    gaps.append([start, end])
    gaps.sort()
    merged: list[list[int]] = []
    for a, b in gaps:
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    gaps[:] = merged


def _gap_take(gaps: list[list[int]], seq: int) -> bool:
    """Remove ``seq`` from ``gaps``; whether it was in one."""
    for i, (a, b) in enumerate(gaps):
        if a <= seq <= b:
            gaps[i:i + 1] = [r for r in ([a, seq - 1], [seq + 1, b]) if r[0] <= r[1]]
            return True
    return False


def _gap_prune(gaps: list[list[int]], cursor: int) -> None:
    """Give up gaps far behind the cursor, and keep only the newest few: a relay that
    never delivers must not make every catch-up and ack start ever further back."""
    gaps[:] = [r for r in gaps if cursor - r[1] <= GAP_HORIZON][-GAP_KEEP:]


def epoch_fingerprint(group: Group) -> bytes:
    h = hashlib.sha256(b"corridor fork check v1\x00")
    h.update(len(group.group_id).to_bytes(2, "big") + group.group_id)
    h.update(group.epoch.to_bytes(8, "big") + group.epoch_authenticator)
    return h.digest()[:FP_LEN]


def _fork_statement(group_id: bytes, epoch: int, fp: bytes, inner: bytes) -> bytes:
    """The signed tuple: group id, epoch, epoch fingerprint, digest of the inner AAD
    (which holds the message id of an application message)."""
    return (len(group_id).to_bytes(2, "big") + group_id + epoch.to_bytes(8, "big") + fp
            + hashlib.sha256(inner).digest())


def _envelope(group: Group, inner: bytes, signer: bytes | None = None) -> bytes:
    """The AAD envelope; with ``signer`` (the device's signature seed) it carries the
    fork statement's signature, without it none (tests craft such messages)."""
    fp = epoch_fingerprint(group)
    sig = b""
    if signer is not None:
        sig = get_suite(SUITE).sign_with_label(
            signer, FORK_LABEL, _fork_statement(group.group_id, group.epoch, fp, inner))
    return bytes((AAD_ENVELOPE,)) + fp + bytes((len(sig),)) + sig + inner


@dataclass(frozen=True, slots=True)
class DeviceIdentity:
    """This device: its signature key (secret), its certificate chain and role certs."""

    seed: bytes = field(repr=False)
    chain: tuple[bytes, ...]
    role_certs: tuple[bytes, ...] = ()

    @property
    def public_key(self) -> bytes:
        from crypto.suites import get_suite

        return get_suite(SUITE).signature_public_key(self.seed)

    @property
    def device_id(self) -> str:
        return self.public_key.hex()

    @property
    def ident(self) -> Ident:
        return unverified_identity(self.chain)


class _Meta(msgspec.Struct, frozen=True, kw_only=True):
    """Per-channel engine state kept (encrypted) in the channel record."""

    roster: bytes
    left: bool = False
    forked: str = ""
    #: the channel's encoded ChannelInfo (name): the charter commits to it
    info: bytes = b""
    joined_epoch: int = 0
    timer: int | None = None  # disappearing-message timer, seconds
    timer_by: str = ""
    pinned: bytes = b""  # the pinned agenda notice's message id
    pinned_rev: int = -1
    #: the timestamp (seconds) of the last commit merged: the next must not be older
    commit_at: int = 0
    #: (committer device, epoch) of commits refused by policy: the committer's later
    #: messages come from its own branch (refused, never fork evidence)
    refused: tuple[tuple[str, int], ...] = ()
    #: when this device's leaf key was last refreshed here (own commit merged, join or
    #: creation; 0: unknown, an older store) and messages it sent since
    updated_at: int = 0
    sent: int = 0
    #: members' verified requests to leave, not yet committed: (device id, signature)
    leaving: tuple[tuple[str, bytes], ...] = ()
    #: devices removed at their own request: never re-added by a membership commit
    departed: tuple[str, ...] = ()


class _LastResort(msgspec.Struct, frozen=True, kw_only=True):
    """This device's last-resort KeyPackages: the refs kept (oldest first) and the one
    the relay holds now (``current``, published at ``published_at``; ``used`` once a
    Welcome joined with it)."""

    refs: tuple[bytes, ...] = ()
    current: bytes = b""
    published_at: int = 0
    used: bool = False


#: A commit's inner AAD (CRLs proving its removals, its timestamp, the sealed channel
#: information): crypto.corridor.charter.CommitStamp, which the relay reads too.
_CommitInfo = CommitStamp
_INFO_LABEL: Final = "corridor channel info v1"


class _OutApp(msgspec.Struct, frozen=True, tag="app"):
    message_id: bytes
    body: bytes
    attempt: int = 0


class _OutOp(msgspec.Struct, frozen=True, tag="op"):
    roster: bytes | None = None
    #: a self-update: commit (with an update path) even when membership needs no change
    update: bool = False


_out_decoder: Final = msgspec.msgpack.Decoder(_OutApp | _OutOp)
_meta_decoder: Final = msgspec.msgpack.Decoder(_Meta)
_lr_decoder: Final = msgspec.msgpack.Decoder(_LastResort)


def commit_info(inner: bytes) -> tuple[list[bytes], int | None]:
    """CRLs and timestamp of a commit's inner AAD (older commits: a bare CRL list)."""
    stamp = commit_stamp(inner)
    if stamp is None:
        return [], None
    return list(stamp.crls), (stamp.at if stamp.at >= 0 else None)


def _header(message: bytes) -> tuple[int, ContentType, bytes] | None:
    """Epoch, content type and authenticated data of a Public or PrivateMessage."""
    msg = MLSMessage.from_bytes(message)
    if msg.private_message is not None:
        p = msg.private_message
        return p.epoch, p.content_type, p.authenticated_data
    if msg.public_message is not None:
        c = msg.public_message.content
        return c.epoch, c.content_type, c.authenticated_data
    return None


def _info_name(charter: Charter, info: bytes) -> str:
    """The channel's name if ``info`` is the information ``charter`` commits to."""
    if not info or info_commitment(info) != charter.info:
        return ""
    try:
        return decode_info(info).name
    except PolicyViolation:
        return ""


def _info_key(g: Group) -> bytes:
    """The key sealing channel information in a commit: exported from the epoch the
    commit is made in, so every member of that epoch (and not the relay) opens it."""
    return g.export_secret(_INFO_LABEL, b"", 32)


def _seal_info(g: Group, info: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    nonce = secrets.token_bytes(12)
    return nonce + ChaCha20Poly1305(_info_key(g)).encrypt(nonce, info, g.group_id)


def _open_info(g: Group, sealed: bytes) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    if len(sealed) < 12 + 16:
        return None
    try:
        return ChaCha20Poly1305(_info_key(g)).decrypt(sealed[:12], sealed[12:], g.group_id)
    except InvalidTag:
        return None
_gap_decoder: Final = msgspec.msgpack.Decoder(list[tuple[int, int]])
_seq_decoder: Final = msgspec.msgpack.Decoder(list[int])
_enc: Final = msgspec.msgpack.Encoder()


@dataclass(frozen=True, slots=True)
class Outbound:
    """A request for the relay: post ``message`` to ``group_id``."""

    group_id: bytes
    client_msg_id: str
    message: bytes
    item_id: bytes
    is_commit: bool
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    welcome: bytes | None = None
    welcome_to: tuple[str, ...] = ()
    message_id: bytes = b""  # an application message's id (empty for a commit)


@dataclass(frozen=True, slots=True)
class NewChannel:
    """A channel made by :meth:`Engine.prepare_channel`, not stored yet."""

    group: Group
    kind: str
    name: str
    meta: _Meta

    @property
    def group_info(self) -> bytes:
        """The creator's signed GroupInfo with the ratchet tree, for the relay."""
        return self.group.group_info(with_ratchet_tree=True)


@dataclass(frozen=True, slots=True)
class ChannelMember:
    """One device of a channel (one MLS leaf): its identity as its certificate names it."""

    leaf: int
    device_id: str
    ident: Ident
    chain: tuple[bytes, ...]


@dataclass(frozen=True, slots=True)
class AppWork:
    channel_id: bytes
    item_id: bytes
    data: bytes = field(default=b"", repr=False)


@dataclass(frozen=True, slots=True)
class CommitWork:
    channel_id: bytes
    item_id: bytes
    pending: bool  # a commit is already built and saved: resend it as is


@dataclass(frozen=True, slots=True)
class MembershipPlan:
    add: tuple[str, ...]  # device ids to claim KeyPackages for
    remove: tuple[int, ...]  # leaf indexes
    remove_devices: tuple[str, ...]
    roster: Roster | None

    @property
    def empty(self) -> bool:
        return not self.add and not self.remove and self.roster is None


@dataclass(slots=True)
class ReceiveResult:
    events: list[Event] = field(default_factory=list)
    acks: list[tuple[bytes, int]] = field(default_factory=list)
    welcome_acks: list[int] = field(default_factory=list)
    #: commits this device refused by policy, (group id, seq): tell the relay
    #: (:meth:`Engine.pending_refusals`, kept until :meth:`Engine.refusal_sent`)
    refusals: list[tuple[bytes, int]] = field(default_factory=list)


class Engine:
    """One device's protocol state over its store. Not thread-safe: one driver task."""

    def __init__(self, store: Store, me: DeviceIdentity, trust: Trust, *,
                 clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.me = me
        self.trust = trust
        self.clock = clock
        self._groups: dict[bytes, Group] = {}
        self.features = Features(store)
        self.send_ids = SendIds(store)
        #: Events caused by this device's own actions (enqueue_payload); the driver
        #: publishes them with :meth:`take_local_events`.
        self._local_events: list[Event] = []
        self._signer = expand_signature_key(me.seed)  # signs fork statements faster
        #: key transparency (client.transparency): the log head to send in an
        #: application message of a channel (b"" for none), and where members' heads
        #: are handed on receipt
        self.gossip: Callable[[bytes], bytes] = lambda _channel: b""
        self.on_gossip: Callable[[bytes, str, bytes], None] | None = None
        self._fresh_refusals: list[tuple[bytes, int]] = []
        #: self-update triggers (0 turns one off): seconds since this device's last
        #: commit in a channel, and application messages it sent there since
        self.self_update_seconds = int(_env_number(SELF_UPDATE_DAYS_ENV, 7) * DAY)
        self.self_update_messages = int(_env_number(SELF_UPDATE_MESSAGES_ENV, 1000))
        #: the last-resort KeyPackage is replaced after this long (and after a use)
        self.last_resort_seconds = int(_env_number(LAST_RESORT_DAYS_ENV, 7) * DAY)

    # ------------------------------------------------------------------ helpers

    def now(self) -> int:
        return int(self.clock())

    def _group(self, group_id: bytes) -> Group:
        g = self._groups.get(group_id)
        if g is None:
            st = self.store.get_group_state(group_id)
            if st is None:
                raise NotFoundError("no group state for this channel")
            g = Group.from_bytes(st.state, credential_validator=self.trust)
            self._groups[group_id] = g
        return g

    def _save_group(self, g: Group) -> None:
        self.store.put_group_state(g.group_id, g.epoch, g.to_bytes())

    def _meta(self, ch: Channel) -> _Meta:
        return _meta_decoder.decode(ch.roster)

    def _put_meta(self, ch: Channel, meta: _Meta, name: str | None = None) -> None:
        self.store.update_channel(ch.channel_id, roster=_enc.encode(meta), name=name)

    def _leaf_ident(self, g: Group, leaf: int) -> Ident:
        for m in g.members():
            if m.leaf_index == leaf:
                return unverified_identity(credential_chain(m.credential))
        raise PolicyViolation("unknown sender leaf")

    def _members(self, g: Group) -> list[tuple[int, str, Ident, list[bytes]]]:
        out = []
        for m in g.members():
            chain = credential_chain(m.credential)
            out.append((m.leaf_index, m.signature_key.hex(), unverified_identity(chain), chain))
        return out

    # ------------------------------------------------------------------ public views

    def epoch(self, channel_id: bytes) -> int:
        """The channel's current MLS epoch.

        Raises:
            NotFoundError: no group state (never joined, or left).
        """
        return self._group(channel_id).epoch

    def members(self, channel_id: bytes) -> list[ChannelMember]:
        """The channel's devices as our MLS tree has them, one per leaf.

        Raises:
            NotFoundError: no group state (never joined, or left).
        """
        return [ChannelMember(leaf, dev, ident, tuple(chain))
                for leaf, dev, ident, chain in self._members(self._group(channel_id))]

    def member_chains(self, channel_id: bytes) -> list[list[bytes]]:
        """Every member's certificate chain as its credential carries it (empty for a
        credential without certificates): what key transparency audits."""
        return [list(m.credential.certificates or ())
                for m in self._group(channel_id).members()]

    def queued_roster(self, channel_id: bytes, item_id: bytes) -> bytes | None:
        """The encoded roster change a queued membership commit carries, if any.

        Raises:
            NotFoundError: the outbox item is gone.
        """
        item = self._item(channel_id, item_id)
        return item.roster if isinstance(item, _OutOp) else None

    def chairs(self, roster: Roster | Charter) -> frozenset[str]:
        return self.trust.chairs(roster.chairs)

    # ------------------------------------------------------------------ KeyPackages

    def _new_bundle(self) -> KeyPackageBundle:
        now = self.now()
        return make_key_package(SUITE, x509_credential(self.me.chain), self.me.seed,
                                lifetime=(now - 3600, now + KEY_PACKAGE_LIFETIME),
                                capabilities=default_capabilities(SUITE, LEAF_EXTENSIONS))

    def make_key_packages(self, n: int) -> list[bytes]:
        """Fresh one-time KeyPackages; their private parts are stored (encrypted) before
        return, and deleted when a Welcome uses them."""
        out = []
        with self.store.transaction():
            for _ in range(n):
                b = self._new_bundle()
                self.store.put_group_state(_KP_PREFIX + b.ref(), 0, b.to_bytes())
                out.append(b.key_package.to_bytes())
        return out

    def _last_resort(self) -> _LastResort:
        st = self.store.get_group_state(_LR_INDEX)
        if st is None:
            return _LastResort()
        try:
            return _lr_decoder.decode(st.state)
        except msgspec.MsgspecError:
            return _LastResort()

    def _put_last_resort(self, rec: _LastResort) -> None:
        self.store.put_group_state(_LR_INDEX, 0, _enc.encode(rec))

    def make_last_resort(self) -> tuple[bytes, bytes]:
        """A new last-resort KeyPackage: ``(ref, KeyPackage bytes)``. Its private part is
        stored (encrypted) before return; the oldest kept beyond ``_LR_KEEP`` are
        deleted. Call :meth:`last_resort_published` once the relay has it."""
        b = self._new_bundle()
        ref = b.ref()
        with self.store.transaction():
            rec = self._last_resort()
            refs = (*rec.refs, ref)
            self.store.put_group_state(_LR_PREFIX + ref, 0, b.to_bytes())
            for old in refs[:-_LR_KEEP]:
                with contextlib.suppress(ClientError):
                    self.store.delete_group_state(_LR_PREFIX + old)
            self._put_last_resort(msgspec.structs.replace(rec, refs=refs[-_LR_KEEP:]))
        return ref, b.key_package.to_bytes()

    def last_resort_published(self, ref: bytes) -> None:
        """The relay now holds the last-resort package ``ref`` (it replaced the old one)."""
        rec = self._last_resort()
        self._put_last_resort(msgspec.structs.replace(rec, current=ref,
                                                      published_at=self.now(), used=False))

    def last_resort_due(self, relay_has_one: bool = True) -> bool:
        """Whether to publish a new last-resort package: the relay has none, ours was
        used by a Welcome, or it is older than ``last_resort_seconds``."""
        rec = self._last_resort()
        if not relay_has_one or not rec.current or rec.used:
            return True
        return bool(self.last_resort_seconds) and \
            self.now() - rec.published_at >= self.last_resort_seconds

    # ------------------------------------------------------------------ self-updates

    def self_update_due(self, channel_id: bytes) -> bool:
        """Whether this device should refresh its leaf key in the channel now."""
        _ch, meta = self.channel_state(channel_id)
        if meta.left or meta.forked:
            return False
        if self.self_update_messages and meta.sent >= self.self_update_messages:
            return True
        return bool(self.self_update_seconds) and \
            self.now() - meta.updated_at >= self.self_update_seconds

    def queue_self_updates(self) -> list[bytes]:
        """Queue a self-update (an empty commit with an update path) in every channel
        where one is due and nothing is queued yet; returns those channels."""
        busy = {it.channel_id for it in self.store.list_outbox(limit=10_000)}
        out = []
        for ch in self.store.list_channels():
            if ch.damaged or ch.channel_id in busy:
                continue
            try:
                due = self.self_update_due(ch.channel_id)
            except ClientError:
                continue
            if due:
                self.enqueue_self_update(ch.channel_id)
                out.append(ch.channel_id)
        return out

    def enqueue_self_update(self, channel_id: bytes) -> None:
        """Queue an empty commit with an update path (a fresh leaf key) for the channel."""
        self.store.enqueue_outbox(channel_id, _enc.encode(_OutOp(update=True)),
                                  created_at=self.now())

    # ------------------------------------------------------------------ channels

    def create_channel(self, group_id: bytes, kind: str, name: str,
                       missions: Sequence[str]) -> bytes:
        """A new channel of ``kind``, stored at once; queues its population. (A driver
        creates the relay group between :meth:`prepare_channel` and
        :meth:`store_channel` instead, so no sync ever sees the channel before the relay
        routes it.)"""
        return self.store_channel(self.prepare_channel(group_id, kind, name, missions))

    def prepare_channel(self, group_id: bytes, kind: str, name: str,
                        missions: Sequence[str]) -> NewChannel:
        """A new channel's MLS group and records, not stored yet: its
        :attr:`NewChannel.group_info` is what the relay group is created from."""
        if kind not in POLICY:
            raise UsageError(f"unknown channel kind {kind!r}")
        me = self.me.ident
        ms = tuple(sorted(set(missions) | {me.mission_id}))
        chairs: tuple[bytes, ...] = ()
        if kind == "notice":
            chairs = tuple(self.me.role_certs)
            if me.delegate not in self.trust.chairs(chairs):
                raise UsageError("only a chair (with a valid role certificate) opens a notice "
                                 "channel")
        roster = Roster(kind=kind, name=name, missions=ms, created_by=me.delegate,
                        conveners=(me.delegate,) if kind in ("multilateral", "caucus") else (),
                        chairs=chairs)
        problem = roster_problem(roster)  # a roster no member could decode would wedge it
        if problem:
            raise UsageError(problem)
        check_state(roster, [me])
        info = new_info(name)
        g = Group.create(SUITE, group_id, x509_credential(self.me.chain), self.me.seed,
                         extensions=[roster_extension(roster, info)],
                         credential_validator=self.trust,
                         capabilities=default_capabilities(SUITE, LEAF_EXTENSIONS))
        meta = _Meta(roster=encode_roster(roster), info=info, updated_at=self.now())
        return NewChannel(g, kind, name, meta)

    def store_channel(self, new: NewChannel) -> bytes:
        """Store a prepared channel (the relay group exists) and queue its population."""
        g, group_id = new.group, new.group.group_id
        with self.store.transaction():
            self.store.create_channel(channel_id=group_id, group_id=group_id,
                                      kind=ChannelKind(new.kind), name=new.name,
                                      created_at=self.now(), roster=_enc.encode(new.meta))
            self._save_group(g)
            self._remember_fp(g)
            self.store.enqueue_outbox(group_id, _enc.encode(_OutOp()), created_at=self.now())
        self._groups[group_id] = g
        return group_id

    def roster(self, channel_id: bytes) -> Roster:
        """The channel's charter and name (the name from the channel information the
        charter commits to)."""
        charter = self.charter(channel_id)
        _ch, meta = self.channel_state(channel_id)
        return Roster.of(charter, _info_name(charter, meta.info))

    def charter(self, channel_id: bytes) -> Charter:
        """The channel's public charter (what the relay sees too)."""
        return roster_from_extensions(self._group(channel_id).extensions)

    def group_info(self, channel_id: bytes) -> bytes:
        """A signed GroupInfo with the ratchet tree: the public state the relay verifies
        commits against (posted when the relay group is created)."""
        return self._group(channel_id).group_info(with_ratchet_tree=True)

    def channel_state(self, channel_id: bytes) -> tuple[Channel, _Meta]:
        ch = self.store.get_channel(channel_id)
        return ch, self._meta(ch)

    def enqueue_payload(self, channel_id: bytes, payload: payloads.Decoded, *,
                        check_policy: bool = True) -> bytes:
        """Queue a payload; it is stored at once as our own message (shown as sending)."""
        _ch, meta = self.channel_state(channel_id)
        if meta.left:
            raise UsageError("this device is no longer in the channel")
        roster = self.charter(channel_id)
        kind = kind_of(payload)
        if check_policy and kind not in ANSWER_KINDS:
            try:
                check_post(roster, self.me.ident, self.chairs(roster))
            except PolicyViolation as exc:
                raise UsageError(str(exc)) from None
        body = payloads.encode(payload)
        mid = payload.message_id
        with self.store.transaction():
            ch, meta = self.channel_state(channel_id)
            try:
                store_row, events, meta = self._features(ch, meta, roster, self.me.ident,
                                                         payload, None)
            except PolicyViolation as exc:
                raise UsageError(str(exc)) from None
            except NotFoundError:
                raise UsageError("the message it refers to is not on this device") from None
            if store_row:
                self._store_row(ch, meta, self.me.ident, payload, body, None)
            self.store.enqueue_outbox(channel_id, _enc.encode(_OutApp(mid, body)),
                                      created_at=self.now())
        self._local_events += events
        return mid

    def take_local_events(self) -> list[Event]:
        """Events of this device's own actions since the last call."""
        out, self._local_events = self._local_events, []
        return out

    def _store_row(self, ch: Channel, meta: _Meta, author: Ident, payload: payloads.Decoded,
                   body: bytes, seq: int | None) -> bool:
        now = self.now()
        expires = now + meta.timer if meta.timer else None
        fresh = self.store.insert_message(ch.channel_id, payload.message_id,
                                          sender=author.delegate.encode(), body=body,
                                          sent_at=payload.sent_at, received_at=now, seq=seq,
                                          expires_at=expires)
        if fresh and kind_of(payload) not in MODIFIER_KINDS:
            self.features.stored(ch.channel_id, author, payload)
        return bool(fresh)

    def _features(self, ch: Channel, meta: _Meta, roster: Roster | Charter, sender: Ident,
                  payload: payloads.Decoded, seq: int | None
                  ) -> tuple[bool, list[Event], _Meta]:
        """Apply what a payload means beyond being stored (modifiers, timer, notices).

        Returns whether to store it as a row, the events, and the channel meta.
        Raises PolicyViolation / NotFoundError to refuse a modifier.
        """
        cid = ch.channel_id
        kind = kind_of(payload)
        events: list[Event] = []
        if isinstance(payload, payloads.LeaveRequest):
            return False, events, meta  # never a row (members keep it in the meta)
        if kind in MODIFIER_KINDS:
            events = self.features.apply(cid, sender, payload, roster.missions)
            return True, events, meta
        if isinstance(payload, payloads.DisappearingTimer):
            meta = msgspec.structs.replace(meta, timer=payload.seconds, timer_by=sender.delegate)
            self._put_meta(ch, meta)
            events.append(TimerChanged(cid, payload.seconds, sender.delegate))
        elif isinstance(payload, payloads.AgendaNotice) and payload.revision >= meta.pinned_rev:
            meta = msgspec.structs.replace(
                meta, pinned=payload.message_id if payload.pinned else b"",
                pinned_rev=payload.revision)
            self._put_meta(ch, meta)
            events.append(NoticePinned(cid, payload.message_id, payload.title, payload.revision,
                                       payload.pinned, sender.delegate))
        elif isinstance(payload, payloads.EmergencyCall):
            events.append(EmergencyCallReceived(cid, payload.message_id, sender.delegate,
                                                payload.meeting_at, payload.place, payload.link,
                                                payload.agenda))
        return True, events, meta

    def sweep_expired(self) -> list[Event]:
        """Delete expired messages (store, search index, cached attachments)."""
        gone = self.store.expired_messages(self.now())
        if not gone:
            return []
        by_channel: dict[bytes, list[bytes]] = {}
        with self.store.transaction():
            for cid, mid in gone:
                if self.features.purge(cid, mid):
                    by_channel.setdefault(cid, []).append(mid)
        self.compact()
        return [MessagesExpired(cid, tuple(mids)) for cid, mids in by_channel.items()]

    def compact(self) -> None:
        """After deletions (redaction, edit, expiry): purge index segments and the WAL."""
        if self.features.dirty:
            self.store.compact()
            self.features.dirty = False

    def message_meta(self, channel_id: bytes) -> _Meta:
        return self.channel_state(channel_id)[1]

    def enqueue_membership(self, channel_id: bytes, roster: Roster | None = None) -> bytes:
        """Queue a membership commit (devices of the roster's missions; roster change);
        returns its outbox item id.

        Raises:
            UsageError: a roster change this device's delegate may not make.
        """
        if roster is not None:
            current = self.roster(channel_id)
            me = self.me.ident
            try:
                check_commit(before=current, after=roster, committer=me, added=[], removed=[],
                             members_after=[], chairs=self.chairs(current), founding=False)
            except PolicyViolation as exc:
                raise UsageError(str(exc)) from None
        data = _enc.encode(_OutOp(encode_roster(roster) if roster else None))
        return self.store.enqueue_outbox(channel_id, data, created_at=self.now())

    # ------------------------------------------------------------------ outbox

    def outbox_work(self) -> list[AppWork | CommitWork]:
        """What to send now, in order: per channel a pending commit blocks app messages."""
        work: list[AppWork | CommitWork] = []
        blocked: set[bytes] = set()
        for item in self.store.list_outbox(limit=10_000):
            if item.damaged or item.channel_id in blocked:
                continue
            try:
                _ch, meta = self.channel_state(item.channel_id)
            except ClientError:
                continue
            if meta.left or meta.forked:
                continue
            g = self._group(item.channel_id)
            out = _out_decoder.decode(item.data)
            if isinstance(out, _OutOp):
                work.append(CommitWork(item.channel_id, item.item_id,
                                       g.pending_commit is not None))
                blocked.add(item.channel_id)
            elif g.pending_commit is not None:
                blocked.add(item.channel_id)
            else:
                work.append(AppWork(item.channel_id, item.item_id, item.data))
        return work

    def _item(self, channel_id: bytes, item_id: bytes) -> _OutApp | _OutOp:
        for it in self.store.list_outbox(channel_id, limit=10_000):
            if it.item_id == item_id:
                decoded: _OutApp | _OutOp = _out_decoder.decode(it.data)
                return decoded
        raise NotFoundError("outbox item is gone")

    def encrypt(self, work: AppWork) -> Outbound:
        """Encrypt a queued payload at the current epoch; the used key is forgotten durably."""
        item = _out_decoder.decode(work.data) if work.data else \
            self._item(work.channel_id, work.item_id)
        assert isinstance(item, _OutApp)
        g = self._group(work.channel_id)
        aad = _envelope(g, payloads.build_aad(item.message_id, self.gossip(work.channel_id)),
                        self._signer)
        pad = padding_for(lambda p: g.application_size(len(item.body), len(aad), p))
        try:
            with self.store.transaction():  # the id and the used key: one durable write
                cmid = self.send_ids.id_for(APP, work.channel_id, item.message_id,
                                            item.attempt)
                msg = g.encrypt_application(item.body, authenticated_data=aad, padding=pad)
                _crashpoint("send-sealed")
                self._save_group(g)
        except BaseException:
            self._groups.pop(work.channel_id, None)
            raise
        _crashpoint("send-encrypted")
        return Outbound(work.channel_id, cmid, msg, work.item_id, False,
                        message_id=item.message_id)

    def posted(self, out: Outbound, seq: int | None = None) -> None:
        """The relay accepted ``out`` (at ``seq``). App items are done; commits wait for
        their echo. An own message takes the relay's ``seq`` so it shows in relay order."""
        _crashpoint("send-posted")
        if not out.is_commit:
            with self.store.transaction():
                self.store.mark_sent(out.item_id)
                if seq is not None and out.message_id:
                    with contextlib.suppress(ClientError):
                        self.store.set_message_seq(out.group_id, out.message_id, seq)
                with contextlib.suppress(ClientError):  # counts towards a self-update
                    ch, meta = self.channel_state(out.group_id)
                    self._put_meta(ch, msgspec.structs.replace(meta, sent=meta.sent + 1))

    def membership_plan(self, work: CommitWork,
                        directory: Sequence[tuple[str, str, list[bytes]]]) -> MembershipPlan:
        """Which devices to add and remove so the group matches the roster's missions.

        Only changes this device may make (policy) are planned: its own mission's
        devices always; other missions' devices when it holds the roster authority or
        founds the channel; revoked devices (proof: the CRLs it knows) anyone.
        """
        item = self._item(work.channel_id, work.item_id)
        assert isinstance(item, _OutOp)
        g = self._group(work.channel_id)
        current = self.roster(work.channel_id)
        roster = current
        if item.roster is not None:
            from client.policy import decode_roster

            roster = decode_roster(item.roster)
        me = self.me.ident
        rule = POLICY[current.kind]
        chairs = self.chairs(current)
        authority = (rule.roster_change is Authority.CONVENERS and me.delegate in current.conveners
                     ) or (rule.roster_change is Authority.CHAIRS and me.delegate in chairs)
        founding = g.epoch == 0 and current.created_by == me.delegate
        _ch, meta = self.channel_state(work.channel_id)
        leaving = {dev for dev, _sig in meta.leaving}
        wanted: dict[str, Ident] = {}
        for device_id, _mission, chain in directory:
            try:
                verified = self.trust.verify_chain(chain)
            except CryptoError:
                continue
            if verified.signature_key.hex() != device_id or \
                    verified.mission_id not in roster.missions or device_id in meta.departed \
                    or device_id in leaving:
                continue
            wanted[device_id] = Ident(verified.mission_id, verified.delegate_id)
        members = self._members(g)
        present = {dev for _l, dev, _i, _c in members}
        add = tuple(sorted(
            d for d, ident in wanted.items() if d not in present and (
                founding or authority or ident.mission_id == me.mission_id
                or ident.mission_id not in current.missions)))
        remove: list[int] = []
        remove_devices: list[str] = []
        for leaf, dev, ident, chain in members:
            if dev == self.me.device_id or dev in wanted:
                continue
            revoked = self.trust.revoked_under(chain, self.trust.crls)
            if revoked or dev in leaving or ident.mission_id == me.mission_id or authority or (
                    ident.mission_id not in roster.missions and authority):
                remove.append(leaf)
                remove_devices.append(dev)
        return MembershipPlan(add, tuple(remove), tuple(remove_devices),
                              roster if roster != current else None)

    def build_commit(self, work: CommitWork, plan: MembershipPlan,
                     key_packages: dict[str, bytes]) -> Outbound | None:
        """Build and save (as pending) the commit for ``plan``; None if nothing to do."""
        g = self._group(work.channel_id)
        cmid = self.send_ids.id_for(COMMIT, work.channel_id, work.item_id)
        if g.pending_commit is not None:
            pc = g.pending_commit
            return Outbound(work.channel_id, cmid, pc.message, work.item_id, True,
                            welcome=pc.welcome)
        kps: list[KeyPackage] = []
        added: list[str] = []
        # the commit's timestamp: every member checks its certificates at this moment
        at = max(self.now(), self.message_meta(work.channel_id).commit_at)
        for dev in plan.add:
            raw = key_packages.get(dev)
            if raw is None:
                continue
            try:
                kp = KeyPackage.from_bytes(raw)
                with self.trust.evaluated_at(at):
                    validate_key_package(get_suite(SUITE), kp, self.trust, now=at)
            except CryptoError:
                continue  # THREATS 4: a forged or foreign-rooted KeyPackage is never added
            if kp.leaf_node.signature_key.hex() != dev:
                continue  # a valid KeyPackage of another device than the one claimed
            kps.append(kp)
            added.append(dev)
        try:
            item = self._item(work.channel_id, work.item_id)
        except NotFoundError:
            return None  # done meanwhile
        update = isinstance(item, _OutOp) and item.update
        if not kps and not plan.remove and plan.roster is None and not update:
            self.store.mark_sent(work.item_id)
            return None
        exts = None
        _ch, meta = self.channel_state(work.channel_id)
        info, sealed = meta.info, b""
        if plan.roster is not None:
            if not info or _info_name(self.charter(work.channel_id), info) != plan.roster.name:
                info = new_info(plan.roster.name)  # a new salt too: renames cannot be linked
                sealed = _seal_info(g, info)  # for the members of this epoch
            exts = [e for e in g.extensions if e.extension_type != ROSTER_EXTENSION]
            exts.append(roster_extension(plan.roster, info))
        # joiners get the channel information inside the Welcome's (encrypted) GroupInfo
        welcome_exts = [Extension(extension_type=INFO_EXTENSION, extension_data=info)] \
            if kps and info else []
        leaves = [sig for dev, sig in meta.leaving if dev in plan.remove_devices]
        stamp = _CommitInfo(self.trust.crls if plan.remove else [], at, sealed, leaves)
        aad = _envelope(g, _enc.encode(stamp), self._signer)
        try:
            with self.trust.evaluated_at(at):
                # a PublicMessage (RFC 9420 section 6.2): the relay verifies it against
                # the group's public tree and charter before it changes routing
                out = g.commit(add=kps, remove=list(plan.remove), group_context_extensions=exts,
                               update_path=True, authenticated_data=aad, now=at,
                               handshake_encrypted=False, welcome_extensions=welcome_exts)
            _crashpoint("commit-built")
            self._save_group(g)
        except BaseException:
            self._groups.pop(work.channel_id, None)
            raise
        _crashpoint("commit-saved")
        return Outbound(work.channel_id, cmid, out.message, work.item_id, True,
                        add=tuple(added), remove=plan.remove_devices, welcome=out.welcome,
                        welcome_to=tuple(added) if out.welcome else ())

    def drop_work(self, work: AppWork | CommitWork) -> None:
        """The relay refused ``work`` for good: the item is done; a commit built for it
        is discarded (else it would hold the channel's later messages back forever).
        A membership change still wanted is queued again by the next maintenance."""
        with self.store.transaction():
            self.store.mark_sent(work.item_id)
            if isinstance(work, CommitWork):
                g = self._group(work.channel_id)
                if g.pending_commit is not None:
                    g.discard_pending_commit()
                    self._save_group(g)

    def refused(self, work: AppWork | CommitWork, reason: str) -> list[Event]:
        """The relay refused ``work`` for good: it leaves the outbox; an application
        message is marked failed with ``reason`` (shown with it; :meth:`retry_failed`
        queues it again). Temporary failures never come here: they stay queued."""
        events: list[Event] = []
        with self.store.transaction():
            self.store.mark_sent(work.item_id)
            if isinstance(work, CommitWork):  # else it holds the channel back forever
                g = self._group(work.channel_id)
                if g.pending_commit is not None:
                    g.discard_pending_commit()
                    self._save_group(g)
            if isinstance(work, AppWork):
                item = _out_decoder.decode(work.data) if work.data else None
                if isinstance(item, _OutApp):
                    ann = self.features.annotation(work.channel_id, item.message_id)
                    ann.failed = reason or "refused by the relay"
                    self.features._put(work.channel_id, item.message_id, ann)
                    events.append(MessageFailed(work.channel_id, item.message_id, ann.failed))
        return events

    def retry_failed(self, channel_id: bytes, message_id: bytes) -> None:
        """Queue a message the relay refused (:meth:`refused`) again, with its stored
        payload and the same message id, so receivers still see it once.

        Raises:
            UsageError: the message is not an own message marked failed.
        """
        ann = self.features.annotation(channel_id, message_id)
        if not ann.failed:
            raise UsageError("that message has not failed")
        stored = self.store.get_message(channel_id, message_id)
        with self.store.transaction():
            ann.failed = ""
            self.features._put(channel_id, message_id, ann)
            # an attempt number no earlier try used (those count up from 0): a client
            # message id the relay has never seen, so it is not answered as a duplicate
            self.store.enqueue_outbox(channel_id, _enc.encode(
                _OutApp(message_id, stored.body, max(1, self.now()))), created_at=self.now())

    # ------------------------------------------------------------------ receiving

    def receive(self, messages: Sequence[RelayMessage]) -> ReceiveResult:
        """Process relay messages (any groups, any order): per group in seq order."""
        result = ReceiveResult()
        by_group: dict[bytes, list[RelayMessage]] = {}
        for m in messages:
            by_group.setdefault(m.group_id, []).append(m)
        self._fresh_refusals = []
        for gid, msgs in by_group.items():
            msgs.sort(key=lambda m: m.seq)
            try:
                ch = self.store.get_channel_by_group(gid)
            except NotFoundError:
                continue  # not (yet) joined: its Welcome comes first
            try:
                with self.store.transaction():
                    last = self._receive_group(ch, msgs, result.events)
            except BaseException:
                self._groups.pop(gid, None)
                raise
            if last is not None:
                result.acks.append((gid, last))
        result.refusals = list(self._fresh_refusals)
        return result

    # ------------------------------------------------------------------ refusals (F2)

    def pending_refusals(self) -> list[tuple[bytes, int]]:
        """Commits this device refused by policy that the relay has not been told of:
        ``(group id, seq)``. The driver sends each (``Transport.refuse``) and then calls
        :meth:`refusal_sent`; they survive restarts until then."""
        out = []
        for ch in self.store.list_channels():
            out += [(ch.group_id, seq) for seq in self._refusal_seqs(ch.group_id)]
        return out

    def refusal_sent(self, group_id: bytes, seq: int) -> None:
        seqs = [x for x in self._refusal_seqs(group_id) if x != seq]
        self._put_refusals(group_id, seqs)

    def _refusal_seqs(self, group_id: bytes) -> list[int]:
        st = self.store.get_group_state(_REFUSE_PREFIX + group_id)
        if st is None:
            return []
        try:
            return list(_seq_decoder.decode(st.state))
        except msgspec.MsgspecError:
            return []

    def _put_refusals(self, group_id: bytes, seqs: list[int]) -> None:
        if seqs:
            self.store.put_group_state(_REFUSE_PREFIX + group_id, 0, _enc.encode(seqs[-64:]))
        else:
            with contextlib.suppress(ClientError):
                self.store.delete_group_state(_REFUSE_PREFIX + group_id)

    def _refuse(self, ch: Channel, meta: _Meta, m: RelayMessage, epoch: int | None) -> _Meta:
        """Queue a refusal of the commit ``m`` for the relay; with ``epoch``, remember
        that its committer goes on from there on a branch of its own."""
        seqs = self._refusal_seqs(ch.group_id)
        if m.seq not in seqs:
            self._put_refusals(ch.group_id, [*seqs, m.seq])
            self._fresh_refusals.append((ch.group_id, m.seq))
        if epoch is not None and (m.sender, epoch) not in meta.refused:
            meta = msgspec.structs.replace(
                meta, refused=(*meta.refused, (m.sender, epoch))[-_REFUSED_KEEP:])
            self._put_meta(ch, meta)
        return meta

    def _voided(self, ch: Channel, meta: _Meta, m: RelayMessage) -> _Meta:
        meta = self._meta(self.store.get_channel(ch.channel_id))  # a refusal may have changed it
        with contextlib.suppress(CryptoError, ClientError):
            head = _header(m.message)
            if head is not None and m.sender != self.me.device_id:
                g = self._group(ch.group_id)
                epoch = head[0]
                if epoch >= g.epoch and (m.sender, epoch) not in meta.refused:
                    meta = msgspec.structs.replace(
                        meta, refused=(*meta.refused, (m.sender, epoch))[-_REFUSED_KEEP:])
                    self._put_meta(ch, meta)
        return meta

    @staticmethod
    def _on_refused_branch(meta: _Meta, sender: str, epoch: int) -> bool:
        return any(d == sender and epoch > e for d, e in meta.refused)

    def _receive_group(self, ch: Channel, msgs: list[RelayMessage],
                       events: list[Event]) -> int | None:
        meta = self._meta(ch)
        cursor = ch.cursor
        last = None
        if meta.left:
            return msgs[-1].seq
        g = self._group(ch.group_id)
        gaps = self._gaps(ch.group_id)
        gaps_before = list(gaps)
        dirty = False
        for i, m in enumerate(msgs):
            late = m.seq <= cursor
            if late:
                if not _gap_take(gaps, m.seq):
                    continue  # a redelivery
            else:
                if cursor and m.seq != cursor + 1:
                    events.append(PossibleWithholding(ch.channel_id, cursor + 1, m.seq))
                    _gap_add(gaps, cursor + 1, m.seq - 1)
                cursor = m.seq
            last = m.seq
            if i == len(msgs) // 2:
                _crashpoint("receive-mid")
            if m.voided:
                # F2: a commit the charter's missions refused (or one after it, which
                # can only build on it). Every honest member refused it, so
                # skipping it is what they all did; its committer is on its own branch.
                meta = self._voided(ch, meta, m)
                events.append(CommitVoided(ch.channel_id, m.seq, m.sender))
                continue
            try:
                changed, meta = self._receive_one(ch, meta, g, m, events)
            except (CryptoError, ClientError) as exc:
                if isinstance(exc, _AheadError):
                    _gap_add(gaps, m.seq, m.seq)  # may decrypt once a missing commit comes
                events.append(ErrorEvent(ch.channel_id, f"{'late ' if late else ''}message "
                                         f"{m.seq} refused", _error_name(exc)))
                continue
            dirty = True
            if changed and meta.left:
                break
            if changed:
                g = self._group(ch.group_id)
        if not meta.left and dirty:
            self._save_group(g)
        if cursor > ch.cursor:
            self.store.set_channel_cursor(ch.channel_id, cursor)
        _gap_prune(gaps, cursor)
        if gaps != gaps_before and not meta.left:
            self._put_gaps(ch.group_id, gaps)
        if last is None or meta.left:
            return last
        # Acks are cumulative: never past a gap, so an honest relay keeps what it missed.
        return min(cursor, gaps[0][0] - 1) if gaps else cursor

    def catch_up_after(self, group_id: bytes) -> int:
        """Where a catch-up of ``group_id`` starts: before its oldest open gap (messages
        reported missing, or refused as from a future epoch), else at the cursor."""
        ch = self.store.get_channel_by_group(group_id)
        gaps = self._gaps(group_id)
        return min(ch.cursor, gaps[0][0] - 1) if gaps else ch.cursor

    def gaps(self, channel_id: bytes) -> list[tuple[int, int]]:
        """The open gaps of a channel: inclusive seq ranges still awaited."""
        return [(a, b) for a, b in self._gaps(self.store.get_channel(channel_id).group_id)]

    def _gaps(self, group_id: bytes) -> list[list[int]]:
        st = self.store.get_group_state(_GAP_PREFIX + group_id)
        if st is None:
            return []
        try:
            return [list(r) for r in _gap_decoder.decode(st.state)]
        except msgspec.MsgspecError:
            return []

    def _put_gaps(self, group_id: bytes, gaps: list[list[int]]) -> None:
        if gaps:
            self.store.put_group_state(_GAP_PREFIX + group_id, 0,
                                       _enc.encode([(a, b) for a, b in gaps]))
        else:
            with contextlib.suppress(ClientError):
                self.store.delete_group_state(_GAP_PREFIX + group_id)

    def _receive_one(self, ch: Channel, meta: _Meta, g: Group, m: RelayMessage,
                     events: list[Event]) -> tuple[bool, _Meta]:
        msg = MLSMessage.from_bytes(m.message)
        meta = self._meta(self.store.get_channel(ch.channel_id))  # features may change it
        # Application messages are PrivateMessages; commits travel as PublicMessages
        # (RFC 9420 section 6.2), which the relay verified; anything else is refused
        # (THREATS 15), whatever it would decrypt to.
        if msg.private_message is not None:
            priv = msg.private_message
            epoch, ctype, aad = priv.epoch, priv.content_type, priv.authenticated_data
            if ctype != ContentType.application:
                raise PolicyViolation("handshake messages travel as PublicMessages here")
        elif msg.public_message is not None:
            content = msg.public_message.content
            epoch, ctype, aad = content.epoch, content.content_type, content.authenticated_data
            if ctype == ContentType.application:
                raise PolicyViolation("application messages must be PrivateMessages")
        else:
            raise PolicyViolation("Corridor channels carry only Public and PrivateMessages")
        env = _open_envelope(aad)
        own = m.sender == self.me.device_id
        if ctype == ContentType.application:
            if own:  # never decryptable by its sender: its id says which it was
                ref = self.send_ids.lookup(m.client_msg_id)
                if ref is not None and ref.kind == APP:
                    self._own_app(ch, g, m, ref.ref, ref.attempt, epoch)
                return False, meta  # unknown: handed back before, its entry dropped
            if self._fork_evidence(g, m, epoch, env):
                if self._on_refused_branch(meta, m.sender, epoch):
                    raise EpochError("a message built on a commit this channel refused")
                return False, self._fork(ch, meta, epoch, events,
                                         "a member's signed message is from another history "
                                         "of this channel")
            if epoch > g.epoch:
                raise _AheadError("message from a later epoch: commits are missing")
            if epoch != g.epoch:
                raise EpochError("message from another epoch (cannot be decrypted)")
            res = g.process(m.message, now=self.now())
            assert isinstance(res, ApplicationMessage)
            self._application(ch, g, res, m, events)
            return False, meta
        if ctype != ContentType.commit:
            raise PolicyViolation("proposals by reference are not used in Corridor")
        if self._fork_evidence(g, m, epoch, env):
            if self._on_refused_branch(meta, m.sender, epoch):
                raise EpochError("a commit built on a commit this channel refused")
            return False, self._fork(ch, meta, epoch, events,
                                     "a member's signed commit is built on another history "
                                     "of this channel")
        if epoch < g.epoch:
            if epoch < meta.joined_epoch or self._merged_before(g.group_id, m.message):
                raise ReplayError("a replayed commit (merged, or before this device joined)")
            # Another commit for an epoch we left, on our history of it: it cannot be
            # authenticated any more (its epoch's keys are gone), so the relay may have
            # forged it from the one we merged. Not evidence; a real fork shows in the
            # other half's next messages, whose signed fingerprints differ from ours.
            raise EpochError("a second commit for an epoch this device already left")
        if epoch > g.epoch:
            raise _AheadError("commit for a future epoch: commits are missing")
        crls, at = commit_info(env.inner) if env is not None else ([], None)
        stamp = commit_stamp(env.inner) if env is not None else None
        sealed = stamp.info if stamp is not None else b""
        if at is None:  # an older client's commit: the previous commit's time, else ours
            at = meta.commit_at or self.now()
        own = m.sender == self.me.device_id
        if not own and at > self.now() + CLOCK_TOLERANCE:
            # Not refused (that would depend on our clock): it waits as a gap and is
            # retried; far ahead, we also ask the relay to void it.
            if at > self.now() + FAR_FUTURE:
                self._refuse(ch, meta, m, None)
            raise _AheadError("a commit stamped ahead of this device's clock")
        try:
            with self.trust.evaluated_at(at):
                staged = g.process(m.message, now=at)
        except CryptoPolicyError as exc:
            if own:
                raise
            # a credential the commit brings in is refused at the commit's time: as
            # deterministic as the channel policy, so refused the same way
            events.append(PolicyRefused(ch.channel_id, m.seq, str(exc)))
            self._refuse(ch, meta, m, epoch)
            raise
        except InvalidCommitError as exc:
            if own:
                raise
            # the commit authenticated (the relay cannot have made or damaged it) and
            # breaks RFC 9420 in a way every member checks alike (crypto.group): the
            # committer's fault, refused like a policy break. A local failure (our own
            # path secret does not decrypt) is a plain CryptoError: never a refusal.
            events.append(PolicyRefused(ch.channel_id, m.seq, f"invalid commit: {exc}"))
            self._refuse(ch, meta, m, epoch)
            raise
        if not isinstance(staged, StagedCommit):
            raise PolicyViolation("not a commit")
        meta = self._commit(ch, meta, g, staged, m, crls, at, events, sealed,
                            list(stamp.leaves) if stamp is not None else [])
        return True, meta

    def _fork_evidence(self, g: Group, m: RelayMessage, epoch: int, env: _Env | None) -> bool:
        """Whether ``m`` proves a fork: a member device's valid signature on "I am at
        ``epoch`` with epoch fingerprint F" where F is not ours for that epoch.

        False when there is no such claim (no envelope, an epoch we never were in, the
        same fingerprint as ours). A claim that is not signed by the device the relay
        names as sender, or by a device that is not a (validly certified) member in our
        view, raises :class:`VerificationError`: relay-made or damaged bytes are a
        refused message, never a fork flag (the relay could otherwise mark any channel
        forked by flipping one byte).
        """
        if env is None:
            return False
        ours = self._fp_at(g, epoch)
        if ours is None or hmac.compare_digest(ours, env.fp):
            return False
        key = self._member_key(g, m.sender)
        if key is None or len(env.sig) != SIG_LEN:
            raise VerificationError("an epoch fingerprint that is not ours, without a member "
                                    "device's signature")
        get_suite(SUITE).verify_with_label(
            key, FORK_LABEL, _fork_statement(g.group_id, epoch, env.fp, env.inner), env.sig)
        return True

    def _member_key(self, g: Group, device_id: str) -> bytes | None:
        """The signature key of ``device_id`` if it is a member of our view of ``g``
        whose certificate chain still verifies (not revoked, not expired)."""
        for mem in g.members():
            if mem.signature_key.hex() == device_id:
                try:
                    verified = self.trust.verify_chain(credential_chain(mem.credential))
                except CryptoError:
                    return None
                return mem.signature_key if verified.signature_key == mem.signature_key \
                    else None
        return None

    def _fp_at(self, g: Group, epoch: int) -> bytes | None:
        """Our epoch fingerprint at ``epoch``: the current one, or a remembered past one."""
        if epoch == g.epoch:
            return epoch_fingerprint(g)
        st = self.store.get_group_state(_FP_PREFIX + g.group_id)
        if st is None:
            return None
        rec = 8 + FP_LEN
        for i in range(0, len(st.state) - rec + 1, rec):
            if int.from_bytes(st.state[i:i + 8], "big") == epoch:
                return st.state[i + 8:i + rec]
        return None

    def _remember_fp(self, g: Group) -> None:
        """Keep the fingerprint of the epoch ``g`` is now at (for late fork evidence)."""
        key = _FP_PREFIX + g.group_id
        st = self.store.get_group_state(key)
        kept = (st.state if st is not None else b"") + g.epoch.to_bytes(8, "big") \
            + epoch_fingerprint(g)
        self.store.put_group_state(key, 0, kept[-(8 + FP_LEN) * _FP_KEEP:])

    def _merged_before(self, group_id: bytes, message: bytes) -> bool:
        st = self.store.get_group_state(_MERGED_PREFIX + group_id)
        return st is not None and hashlib.sha256(message).digest()[:16] in {
            st.state[i:i + 16] for i in range(0, len(st.state), 16)}

    def _remember_merged(self, group_id: bytes, message: bytes) -> None:
        st = self.store.get_group_state(_MERGED_PREFIX + group_id)
        kept = (st.state if st is not None else b"") + hashlib.sha256(message).digest()[:16]
        self.store.put_group_state(_MERGED_PREFIX + group_id, 0, kept[-16 * _MERGED_KEEP:])

    def _fork(self, ch: Channel, meta: _Meta, epoch: int, events: list[Event],
              detail: str) -> _Meta:
        events.append(ForkDetected(ch.channel_id, epoch, detail))
        if not meta.forked:
            meta = msgspec.structs.replace(meta, forked=detail)
            self._put_meta(ch, meta)
        return meta

    def _own_app(self, ch: Channel, g: Group, m: RelayMessage, mid: bytes, attempt: int,
                 epoch: int) -> None:
        self.send_ids.forget(ch.channel_id, m.client_msg_id)
        if epoch == g.epoch:
            with contextlib.suppress(ClientError):
                self.store.set_message_seq(ch.channel_id, mid, m.seq)
            return
        try:
            stored = self.store.get_message(ch.channel_id, mid)
        except ClientError:
            return
        # A commit overtook it: nobody can decrypt it; send it again at this epoch.
        self.store.enqueue_outbox(ch.channel_id, _enc.encode(
            _OutApp(mid, stored.body, attempt + 1)), created_at=self.now())

    def _application(self, ch: Channel, g: Group, res: ApplicationMessage, m: RelayMessage,
                     events: list[Event]) -> None:
        env = _open_envelope(res.authenticated_data)
        if env is None:
            raise PayloadError("application message without Corridor's envelope")
        payload = payloads.decode_application(res.data, env.inner)
        sender = self._leaf_ident(g, res.sender_leaf)
        head = payloads.aad_tree_head(env.inner)
        if head and self.on_gossip is not None:  # key transparency: compare log heads
            self.on_gossip(ch.channel_id, sender.delegate, head)
        roster = roster_from_extensions(g.extensions)
        kind = kind_of(payload)
        try:
            if kind not in ANSWER_KINDS:
                check_post(roster, sender, self.chairs(roster))
        except PolicyViolation as exc:
            events.append(PolicyRefused(ch.channel_id, m.seq, str(exc)))
            return
        if isinstance(payload, payloads.LeaveRequest):
            self._leave_request(ch, g, res.sender_leaf, payload)
            return
        try:
            self.store.get_message(ch.channel_id, payload.message_id)
            return  # already stored (de-duplication by message id)
        except NotFoundError:
            pass
        meta = self._meta(self.store.get_channel(ch.channel_id))
        try:
            with self.store.transaction():
                store_row, extra, meta = self._features(ch, meta, roster, sender, payload,
                                                        m.seq)
        except PolicyViolation as exc:
            events.append(PolicyRefused(ch.channel_id, m.seq, str(exc)))
            return
        except NotFoundError:
            return  # the target is gone (redacted, expired) or predates this device
        if not store_row or self._store_row(ch, meta, sender, payload, res.data, m.seq):
            events.append(MessageReceived(ch.channel_id, payload.message_id, sender.delegate,
                                          kind, m.seq))
        events.extend(extra)

    def _leave_request(self, ch: Channel, g: Group, leaf: int,
                       payload: payloads.LeaveRequest) -> None:
        """Keep a member's valid request to leave; the next membership commit of any
        member removes it, carrying the request as proof (charter rule 5)."""
        mem = next((x for x in g.members() if x.leaf_index == leaf), None)
        if mem is None or mem.signature_key.hex() == self.me.device_id \
                or not _left(g, mem, [payload.signature]):
            return
        meta = self._meta(self.store.get_channel(ch.channel_id))
        dev = mem.signature_key.hex()
        if any(d == dev for d, _s in meta.leaving):
            return
        self._put_meta(ch, msgspec.structs.replace(
            meta, leaving=(*meta.leaving, (dev, payload.signature))))

    def leave_request(self, channel_id: bytes) -> payloads.LeaveRequest:
        """This device's request to leave the channel (to send in it, then :meth:`left`)."""
        _ch, meta = self.channel_state(channel_id)
        if meta.left:
            raise AlreadyDoneError("this device has already left the channel")
        g = self._group(channel_id)
        own = next(x for x in g.members() if x.signature_key.hex() == self.me.device_id)
        sig = get_suite(SUITE).sign_with_label(
            self._signer, LEAVE_LABEL, leave_content(g.group_id, own.encryption_key))
        return payloads.LeaveRequest(message_id=payloads.new_message_id(),
                                     sent_at=payloads.now_ms(), signature=sig)

    def left(self, channel_id: bytes) -> list[Event]:
        """This device has left the channel: its keys for it are deleted, it stops
        receiving (what it holds stays readable here)."""
        ch, meta = self.channel_state(channel_id)
        if meta.left:
            return []
        with self.store.transaction():
            self.store.delete_group_state(channel_id)
            self._put_meta(ch, msgspec.structs.replace(meta, left=True))
        self._groups.pop(channel_id, None)
        return [ChannelLeft(channel_id, "left by this device")]

    def _commit(self, ch: Channel, meta: _Meta, g: Group, staged: StagedCommit,
                m: RelayMessage, crls: list[bytes], at: int,
                events: list[Event], sealed: bytes = b"",
                leaves: Sequence[bytes] = ()) -> _Meta:
        before = roster_from_extensions(g.extensions)
        after_charter = roster_from_extensions(staged.extensions) if staged.extensions \
            else before
        info = meta.info
        if after_charter.info != before.info and not staged.self_removed:
            # a rename: the new channel information is sealed for this epoch's members
            opened = _open_info(g, sealed) if sealed else None
            if opened is None or info_commitment(opened) != after_charter.info:
                if not staged.own:
                    exc = PolicyViolation("the channel information does not match the charter")
                    events.append(PolicyRefused(ch.channel_id, m.seq, str(exc)))
                    self._refuse(ch, meta, m, g.epoch)
                    raise exc
            else:
                info = opened
        if staged.own:
            change = g.merge_pending_commit()
            ref = self.send_ids.lookup(m.client_msg_id)
            if ref is not None and ref.kind == COMMIT:
                self.store.mark_sent(ref.ref)
                self.send_ids.forget(ch.channel_id, m.client_msg_id)
            committer = self.me.ident
        else:
            if staged.external:
                # Corridor devices join by Welcome only (and external commits are
                # PublicMessages, refused above): every member refuses one alike.
                refusal = PolicyViolation("external commits are not allowed")
                events.append(PolicyRefused(ch.channel_id, m.seq, str(refusal)))
                self._refuse(ch, meta, m, g.epoch)
                raise refusal
            after = roster_from_extensions(staged.extensions) if staged.extensions else before
            old_members = {leaf: (ident, chain) for leaf, _d, ident, chain in self._members(g)}
            committer_leaf = staged.committer
            committer = self._leaf_ident(g, committer_leaf) if committer_leaf in old_members \
                else unverified_identity(credential_chain(staged.added[0].credential))
            removed = []
            for mem in staged.removed:
                ident, chain = old_members.get(mem.leaf_index, (None, None))
                if ident is None or chain is None:
                    ident = unverified_identity(credential_chain(mem.credential))
                    chain = credential_chain(mem.credential)
                removed.append((ident, self.trust.revoked_under(chain, crls)
                                or _left(g, mem, leaves)))
            added = [unverified_identity(credential_chain(a.credential)) for a in staged.added]
            removed_leaves = {r.leaf_index for r in staged.removed}
            members_after = [i for leaf, (i, _c) in old_members.items()
                             if leaf not in removed_leaves] + added
            if not staged.self_removed:
                try:
                    if at < meta.commit_at:
                        raise PolicyViolation("a commit stamped before the channel's "
                                              "previous commit")
                    with self.trust.evaluated_at(at):
                        chairs = self.chairs(before)
                    check_commit(before=before, after=after, committer=committer, added=added,
                                 removed=removed, members_after=members_after,
                                 chairs=chairs,
                                 founding=g.epoch == 0 and committer.delegate == before.created_by)
                except PolicyViolation as exc:
                    events.append(PolicyRefused(ch.channel_id, m.seq, str(exc)))
                    self._refuse(ch, meta, m, g.epoch)
                    raise
            change = g.merge_staged_commit(staged)
        self._remember_merged(g.group_id, m.message)
        _crashpoint("commit-merged")
        added_names = tuple(unverified_identity(credential_chain(a.credential)).delegate
                            for a in change.added)
        removed_names = tuple(unverified_identity(credential_chain(r.credential)).delegate
                              for r in change.removed)
        if change.self_removed:
            self.store.delete_group_state(g.group_id)
            self._groups.pop(g.group_id, None)
            meta = msgspec.structs.replace(meta, left=True)
            self._put_meta(ch, meta)
            events.append(ChannelLeft(ch.channel_id, f"removed by {committer.delegate}"))
            return meta
        after_roster = Roster.of(roster_from_extensions(g.extensions),
                                 _info_name(after_charter, info))
        gone = {r.signature_key.hex() for r in change.removed}
        departed = {r.signature_key.hex() for r in change.removed if _left(g, r, leaves)}
        meta = msgspec.structs.replace(meta, roster=encode_roster(after_roster), info=info,
                                       commit_at=max(meta.commit_at, at),
                                       leaving=tuple(x for x in meta.leaving if x[0] not in gone),
                                       departed=tuple(sorted(set(meta.departed) | departed)))
        if staged.own:  # our leaf key is fresh (every commit of ours has an update path)
            meta = msgspec.structs.replace(meta, updated_at=self.now(), sent=0)
        self._put_meta(ch, meta, name=after_roster.name if after_roster.name != ch.name else None)
        self._save_group(g)
        self._remember_fp(g)
        if added_names or removed_names or after_charter != before:
            events.append(MembershipChanged(ch.channel_id, change.epoch, added_names,
                                            removed_names, committer.delegate))
        return meta

    def receive_welcome(self, w: RelayWelcome) -> list[Event]:
        """Join a channel from a Welcome addressed to one of our KeyPackages."""
        events: list[Event] = []
        try:
            msg = MLSMessage.from_bytes(w.message)
            welcome = msg.welcome
            if msg.wire_format != WireFormat.mls_welcome or welcome is None:
                raise PolicyViolation("not a Welcome")
            if not w.commit:
                raise PolicyViolation("a Welcome without the accepted commit it rode on")
            bundle, ref, last_resort = self._bundle_for(welcome)
            # THREATS 6: the Welcome must name the commit the relay accepted.
            g = Group.join(w.message, bundle, credential_validator=self.trust, now=self.now(),
                           commit_message=w.commit)
            charter = roster_from_extensions(g.extensions)
            check_state(charter, [i for _l, _d, i, _c in self._members(g)])
            if charter.kind == "notice" and not self.chairs(charter):
                raise PolicyViolation("a notice channel without a valid chair")
            # the channel's name rides in the Welcome's encrypted GroupInfo, committed to
            # by the charter
            info = next((e.extension_data for e in g.welcome_extensions
                         if e.extension_type == INFO_EXTENSION), b"")
            if charter.info and info_commitment(info) != charter.info:
                raise PolicyViolation("the Welcome's channel information does not match "
                                      "the charter")
            roster = Roster.of(charter, _info_name(charter, info))
        except (CryptoError, ClientError) as exc:
            events.append(ErrorEvent(None, "invitation refused", type(exc).__name__))
            return events
        gid = g.group_id
        try:
            existing = self.store.get_channel_by_group(gid)
        except NotFoundError:
            existing = None
        if existing is not None and not self._meta(existing).left:
            return events  # a duplicate Welcome
        # the commit we joined with fixes the time the next commit must not precede
        commit_at = 0
        with contextlib.suppress(CryptoError, ClientError):
            chead = _header(w.commit)
            cenv = _open_envelope(chead[2]) if chead is not None else None
            commit_at = (commit_info(cenv.inner)[1] or 0) if cenv is not None else 0
        meta = _Meta(roster=encode_roster(roster), joined_epoch=g.epoch, commit_at=commit_at,
                     updated_at=self.now(), info=info)
        with self.store.transaction():
            if existing is not None:
                self.store.delete_channel(existing.channel_id)
            self.store.create_channel(channel_id=gid, group_id=gid, kind=ChannelKind(roster.kind),
                                      name=roster.name, created_at=self.now(),
                                      roster=_enc.encode(meta))
            self._save_group(g)
            if w.seq > 0:  # gaps right after the join are noticed (THREATS 7)
                self.store.set_channel_cursor(gid, w.seq)
            self.store.delete_group_state(_FP_PREFIX + gid)  # a former membership's
            self._remember_fp(g)
            if last_resort:  # kept (it may serve again) but replaced at the next chance
                rec = self._last_resort()
                if rec.current == ref and not rec.used:
                    self._put_last_resort(msgspec.structs.replace(rec, used=True))
            else:  # a one-time package: a second Welcome to it creates nothing
                self.store.delete_group_state(_KP_PREFIX + ref)
        self._groups[gid] = g
        # joined with the founding commit: there was nothing earlier to miss
        events.append(ChannelJoined(gid, roster.kind, roster.name, g.epoch,
                                    **({} if g.epoch > 1 else {"history_note": ""})))
        return events

    def _bundle_for(self, welcome: Welcome) -> tuple[KeyPackageBundle, bytes, bool]:
        """The bundle a Welcome is for: (bundle, ref, whether it is a last-resort one)."""
        for s in welcome.secrets:
            st = self.store.get_group_state(_KP_PREFIX + s.new_member)
            if st is not None:
                return KeyPackageBundle.from_bytes(st.state), s.new_member, False
            st = self.store.get_group_state(_LR_PREFIX + s.new_member)
            if st is not None:
                return KeyPackageBundle.from_bytes(st.state), s.new_member, True
        raise PolicyViolation("the Welcome is for none of this device's KeyPackages")


def _left(g: Group, mem: Member, leaves: Sequence[bytes]) -> bool:
    """Whether ``leaves`` hold ``mem``'s own request to leave ``g``."""
    return bool(leaves) and leave_proven(get_suite(g.cipher_suite), g.group_id,
                                         mem.signature_key, mem.encryption_key, leaves)


def new_group_id() -> bytes:
    """Random group ids: they reveal nothing about the channel."""
    return secrets.token_bytes(16)
