# SPDX-License-Identifier: Apache-2.0
"""The ``Client`` facade: one device, its home, its relay. The CLI and the desktop app use
only this (see docs/client-api.md).

It is the thin async driver around the sans-I/O :class:`client.engine.Engine`: it asks
the transport for relay data, hands it to the engine, sends what the engine produces,
and publishes the engine's events. All protocol decisions live in the engine.

Opening a home::

    home/  chain.pem root.pem device.key roles/*.pem   (from `corridor device import`)
           relay.json                                  (relay URL, written on first open)
           keystore.json secrets.key | OS keyring       (device key + store key)
           store.sqlite3                                (encrypted local store)

The device's signature key moves from the passphrase-sealed ``device.key`` into the
keystore on first open (OS keyring, or the Argon2id file when none exists).
``CORRIDOR_PASSPHRASE`` or the ``prompt`` supplies the passphrase. For tests only,
``CORRIDOR_INSECURE_FAST_KDF=1`` makes *new* key files use libsodium's minimum
Argon2id limits (never set it for a real device).

Staying connected (:meth:`Client.start`): the push loop keeps one WebSocket to the
relay. Any loss of it (the relay restarting, a network error, a link that went silent
and stopped answering pings) clears :attr:`Client.connected` and publishes
:class:`~client.events.ConnectionChanged`; the loop reconnects by itself with
exponential backoff and jitter (``RECONNECT_BASE`` doubling to ``RECONNECT_CAP``, each
delay drawn from its upper half), catches up by cursor, sends the outbox, and
publishes ``ConnectionChanged(connected=True)`` once the relay says the socket is live.

Sending: a message stays in the outbox until the relay has numbered it. Temporary
failures (network, timeouts, 5xx, 408, 409, 425, 429) keep it queued; while the push
loop runs the outbox is retried with backoff (``OUTBOX_RETRY_BASE`` doubling to
``OUTBOX_RETRY_CAP``, or the relay's ``retry_after``), otherwise at the next sync or
send. A retry re-sends the same ciphertext while the epoch is unchanged, under the
same client message id, so the relay stores it once. Only a permanent refusal (any
other 4xx) marks the message failed, with the relay's reason
(:class:`~client.events.MessageFailed`, ``MessageView.failed``).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import os
import random
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import nacl.pwhash
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from client import attachments, payloads
from client.crashpoints import crash_hook_from_env
from client.engine import (
    AppWork,
    CommitWork,
    DeviceIdentity,
    Engine,
    EngineSettings,
    Outbound,
    new_group_id,
)
from client.errors import (
    AlreadyDoneError,
    ClientError,
    NotFoundError,
    PassphraseRequiredError,
    PayloadError,
    UsageError,
)
from client.events import (
    HISTORY_NOTE,
    CertificateExpiring,
    CommitVoided,
    ConnectionChanged,
    ErrorEvent,
    Event,
    KeyPackagesDraining,
    MessageRedacted,
    MessageSent,
    RoutingMismatch,
    RoutingRestored,
)
from client.features import MODIFIER_KINDS, build_status, kind_of
from client.health import (
    DRAIN_WINDOW,
    CertificateStatus,
    Claim,
    HealthRecord,
    RoutingStatus,
    certificate_status,
    compare_routing,
    drain_verdict,
    routing_digest,
)
from client.keystore import (
    DEVICE_SIGNATURE_KEY,
    MODERATE,
    PASSPHRASE_ENV,
    KdfLimits,
    PassphrasePrompt,
    PassphraseRequest,
    open_keystore,
)
from client.model import (
    AckStatus,
    AttachmentInfo,
    ChannelInfo,
    DeviceInfo,
    MemberView,
    MessageView,
    SearchHit,
)
from client.paths import Home, atomic_write, resolve_home
from client.policy import Roster
from client.store import Message, SqliteStore, open_store
from client.store.schema import UNSEQUENCED_BASE
from client.transparency import (
    POLICY_FILE,
    STATE_KEY,
    DirectoryStatus,
    LogVerifier,
    TransparencyError,
)
from client.transport import (
    EpochConflictError,
    HttpTransport,
    RelayCertificateError,
    RelayMessage,
    RelayRefused,
    RelayUnavailable,
    Transport,
    UnauthorizedError,
)
from client.trust import Trust, unverified_identity
from crypto.errors import CryptoError

__all__ = ["AckStatus", "ChannelInfo", "Client", "DeviceInfo", "MemberView",
           "MessageView", "SearchHit", "fast_kdf_for_tests"]

log = logging.getLogger("corridor.client")
FAST_KDF_ENV = "CORRIDOR_INSECURE_FAST_KDF"
KEY_PACKAGE_TARGET = 20
KEY_PACKAGE_LOW = 8
#: How often a started client looks at its KeyPackages on the relay (drain watch).
KP_WATCH_SECONDS = 300
#: How often a started client deletes expired disappearing messages.
SWEEP_SECONDS = 30.0
#: Messages of a catch-up page (up to 1,000) processed in one synchronous engine call;
#: between slices the loop runs other work (an app's reads, event delivery), so a
#: catch-up never monopolises the core's loop for a whole page.
RECEIVE_SLICE = 200
#: Push reconnects: the n-th retry waits a delay drawn from [d/2, d], d =
#: min(RECONNECT_CAP, RECONNECT_BASE * 2**n). The cap keeps a restarted relay found
#: within seconds; the jitter spreads its clients' reconnects.
RECONNECT_BASE = 0.25
RECONNECT_CAP = 4.0
#: Outbox retries after a temporary failure while the push loop runs (same shape).
OUTBOX_RETRY_BASE = 0.5
OUTBOX_RETRY_CAP = 15.0
#: The longest ``retry_after`` (s) of a 429 that is honoured.
RETRY_AFTER_CAP = 60.0


def backoff(failures: int, base: float, cap: float,
            rng: Callable[[], float] = random.random) -> float:
    """Seconds to wait before retry number ``failures`` (1, 2, ...): exponential,
    capped, drawn from the upper half so no client retries in a tight loop."""
    d: float = min(cap, base * 2.0 ** min(max(failures, 1) - 1, 30))
    return d / 2 + rng() * d / 2


def _base() -> dict[str, Any]:
    return {"message_id": payloads.new_message_id(), "sent_at": payloads.now_ms()}


def fast_kdf_for_tests() -> KdfLimits:
    return KdfLimits(nacl.pwhash.argon2id.OPSLIMIT_MIN, nacl.pwhash.argon2id.MEMLIMIT_MIN)


def _pem_certs(path: Path) -> list[bytes]:
    return [c.public_bytes(Encoding.DER) for c in x509.load_pem_x509_certificates(
        path.read_bytes())]


class Client:
    """One device. Create with :meth:`open`; always :meth:`close`."""

    def __init__(self, home: Home, store: SqliteStore, engine: Engine,
                 transport: Transport, relay_url: str) -> None:
        self.home = home
        self.store = store
        self.engine = engine
        self.transport = transport
        self.relay_url = relay_url
        self._subscribers: list[Callable[[Event], None]] = []
        self._queues: list[asyncio.Queue[Event]] = []
        self._push_task: asyncio.Task[None] | None = None
        self._sweep_task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._retry_task: asyncio.Task[None] | None = None
        #: set when a flush left the outbox after a temporary failure (retry loop)
        self._retry_wanted = asyncio.Event()
        self._retry_after = 0.0
        #: app items encrypted but not yet accepted: item id -> (epoch, request), so a
        #: retry re-sends the same ciphertext instead of using up another generation
        self._sealed: dict[bytes, tuple[int, Outbound]] = {}
        #: the last connection state published (None: not reported yet)
        self._link: bool | None = None
        self._logged_in = False
        self._kp_check = True  # ask the relay for our KeyPackage counts at the next sync
        self._kp_seen = KEY_PACKAGE_TARGET + 1  # ours on the relay at the last look
        self._kp_watched = 0  # when we last looked
        self._watched = engine.now()  # last periodic routing/KeyPackage check
        self._cert_state = "ok"  # the certificate state last reported
        self.connected = asyncio.Event()
        self.log = _open_log(home, store, engine)
        self._gossip: list[tuple[bytes, str, Any]] = []
        engine.on_gossip = self._on_gossip

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, home: str | os.PathLike[str] | None, relay_url: str | None = None, *,
             prompt: PassphrasePrompt | None = None, passphrase: str | None = None,
             kdf: KdfLimits | None = None,
             transport: Transport | None = None,
             clock: Callable[[], float] = time.time) -> Client:
        """Open a device home (see the module docstring for what it must hold).

        Raises:
            UsageError: the home has no imported certificate, no device key or no relay
                URL.
            PassphraseRequiredError, WrongPassphraseError, KeyringUnavailableError: secrets.
        """
        if passphrase is not None:
            prompt = lambda _request: passphrase  # noqa: E731
        h = resolve_home(home)
        root_path, chain_path = h.root / "root.pem", h.root / "chain.pem"
        if not chain_path.exists() or not root_path.exists():
            raise UsageError(f"{h.root} has no device certificate (corridor device import)")
        config_path = h.root / "relay.json"
        if relay_url is None and config_path.exists():
            relay_url = str(json.loads(config_path.read_text())["relay_url"])
        if relay_url is None:
            raise UsageError("no relay URL given and none recorded in this home")
        if os.environ.get(FAST_KDF_ENV) == "1" and kdf is None:
            kdf = fast_kdf_for_tests()
        keystore = open_keystore(h, prompt=prompt, kdf=kdf or MODERATE)
        seed = keystore.get(DEVICE_SIGNATURE_KEY)
        if seed is None and h.legacy_device_key_path.exists():
            # A home from before the keystore held the device key: move device.key in
            # (the file is deleted once the keystore returns the same key).
            from client.keystore import adopt_legacy_device_key

            device_pw = passphrase or os.environ.get(PASSPHRASE_ENV) or (
                prompt(PassphraseRequest.UNLOCK) if prompt else None)
            if not device_pw:
                raise PassphraseRequiredError("the device key needs its passphrase")
            adopt_legacy_device_key(h, keystore, device_pw)
            seed = keystore.get(DEVICE_SIGNATURE_KEY)
        if seed is None:
            raise UsageError(f"{h.root} has no device key (corridor device init)")
        seed_bytes = seed.value
        roles = []
        roles_dir = h.root / "roles"
        if roles_dir.is_dir():
            for p in sorted(roles_dir.glob("*.pem")):
                roles += _pem_certs(p)
        me = DeviceIdentity(seed=seed_bytes, chain=tuple(_pem_certs(chain_path)),
                            role_certs=tuple(roles))
        if not config_path.exists():
            atomic_write(config_path, json.dumps({"relay_url": relay_url}).encode())
        store = open_store(h, keystore)
        trust_root = _pem_certs(root_path)[0]
        trust = Trust(trust_root, clock=clock)
        crls = store.get_group_state(b"\xffcrls")
        if crls is not None:
            import msgspec

            trust.set_crls(msgspec.msgpack.decode(crls.state, type=list[bytes]))
        engine = Engine(store, me, trust, clock=clock, settings=EngineSettings.from_env(),
                        crash=crash_hook_from_env())
        from client.search import SEARCH_KEY, SearchIndex

        engine.features.index = SearchIndex(keystore.get_or_create(SEARCH_KEY, 32).value)
        engine.features.on_purge = lambda _cid, mid: attachments.purge_files(h.root, mid)
        engine.sweep_expired()
        t = transport or HttpTransport(relay_url, seed_bytes, tls_root=trust_root)
        return cls(h, store, engine, t, relay_url)

    async def close(self) -> None:
        await self.stop()
        await self.transport.close()
        self.store.close()

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # ------------------------------------------------------------------ identity

    @property
    def device_id(self) -> str:
        return self.engine.me.device_id

    def identity(self) -> dict[str, Any]:
        ident = self.engine.trust.verify_chain(self.engine.me.chain)
        return {**ident.to_json(), "device_id": self.device_id, "home": str(self.home.root),
                "relay_url": self.relay_url}

    async def devices(self) -> list[DeviceInfo]:
        """This delegate's devices in the venue directory (this one first).

        Matched on the verified (mission, delegate) of each chain, never on what the
        directory says about it; a chain that no longer verifies is listed with its
        reason, read from its unverified certificate, so a recalled device still shows."""
        me = self.engine.me.ident
        await self._ensure_login()
        rows = await self.transport.directory_devices(me.mission_id)
        mine: dict[str, set[str]] = {}
        for ch in self.store.list_channels():
            try:
                if ch.damaged or self.engine.channel_state(ch.group_id)[1].left:
                    continue
                mine[ch.group_id.hex()] = set(self._roster_devices(ch.group_id))
            except ClientError:
                continue
        out: list[DeviceInfo] = []
        for dev, _mission, chain in rows:
            problem = ""
            try:
                vid = self.engine.trust.verify_chain(chain)
                ident, name = (vid.mission_id, vid.delegate_id), vid.display_name
            except (CryptoError, ValueError) as exc:
                try:
                    u = unverified_identity(chain)
                except (CryptoError, ValueError):
                    continue
                ident, name, problem = (u.mission_id, u.delegate_id), "", str(exc)
            if ident != (me.mission_id, me.delegate_id):
                continue
            out.append(DeviceInfo(dev, name, dev == self.device_id, problem,
                                  tuple(sorted(g for g, devs in mine.items() if dev in devs))))
        out.sort(key=lambda d: (not d.this_device, d.device_id))
        return out

    # ------------------------------------------------------------------ events

    def subscribe(self, callback: Callable[[Event], None]) -> Callable[[], None]:
        """Call ``callback`` for every event (on the loop); returns an unsubscribe function."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback)

    async def events(self) -> AsyncIterator[Event]:
        """Every event from now on, as an async iterator (until the loop ends it)."""
        q: asyncio.Queue[Event] = asyncio.Queue()
        self._queues.append(q)
        try:
            while True:
                yield await q.get()
        finally:
            self._queues.remove(q)

    def _emit(self, events: Sequence[Event]) -> None:
        for e in events:
            for cb in list(self._subscribers):
                try:
                    cb(e)
                except Exception:  # a subscriber's bug must not stop the engine
                    log.exception("event subscriber failed")
            for q in self._queues:
                q.put_nowait(e)

    # ------------------------------------------------------------------ channels & messages

    def channels(self) -> list[ChannelInfo]:
        out = []
        health = HealthRecord.load(self.store)
        for ch in self.store.list_channels():
            if ch.damaged:
                continue
            _c, meta = self.engine.channel_state(ch.channel_id)
            from client.policy import decode_roster

            roster = decode_roster(meta.roster)
            devices, epoch = 0, 0
            if not meta.left:
                devices = len(self.engine.members(ch.group_id))
                epoch = self.engine.epoch(ch.group_id)
            routing = health.routing_status(ch.channel_id.hex())
            out.append(ChannelInfo(
                ch.channel_id.hex(), roster.kind, ch.name, roster.missions, devices, epoch,
                meta.left, meta.forked, HISTORY_NOTE if meta.joined_epoch > 1 else "",
                "" if meta.left else routing.detail, "" if meta.left else routing.problem))
        return out

    def members(self, channel: str | bytes) -> list[MemberView]:
        """The channel's devices (one MLS leaf each), from the group itself; none when
        this device holds no group for it."""
        cid = self.resolve_channel(channel)
        try:
            members = self.engine.members(cid)
        except ClientError:
            return []
        out = [MemberView(m.ident.mission_id, m.ident.delegate_id, m.device_id,
                          m.device_id == self.device_id) for m in members]
        return sorted(out, key=lambda m: (m.mission, m.delegate, m.device_id))

    def resolve_channel(self, ref: str | bytes) -> bytes:
        """A channel id (bytes, hex or unique hex prefix) or an exact channel name."""
        if isinstance(ref, bytes):
            return ref
        chans = self.store.list_channels()
        hits = [c.channel_id for c in chans if c.channel_id.hex().startswith(ref.lower())]
        if len(hits) != 1:
            hits = [c.channel_id for c in chans if c.name == ref]
        if len(hits) != 1:
            raise NotFoundError(f"no single channel matches {ref!r}")
        return hits[0]

    async def create_channel(self, kind: str, name: str, missions: Sequence[str]) -> str:
        """Create a channel of ``kind`` with every certified device of ``missions``."""
        gid = new_group_id()
        await self._ensure_login()
        new = self.engine.prepare_channel(gid, kind, name, missions)
        # the relay keeps the group's public state from the creator's GroupInfo; the
        # channel is stored only once the relay routes it (a sync never sees it before)
        await self.transport.create_group(gid, new.group_info)
        self.engine.store_channel(new)
        with contextlib.suppress(RelayUnavailable):
            await self.flush()
        return gid.hex()

    async def change_roster(self, channel: str | bytes, *, add_missions: Sequence[str] = (),
                            remove_missions: Sequence[str] = (),
                            name: str | None = None) -> None:
        """Change a channel's missions or name (only its conveners / chairs may)."""
        cid = self.resolve_channel(channel)
        r = self.engine.roster(cid)
        missions = tuple(sorted((set(r.missions) | set(add_missions)) - set(remove_missions)))
        new = r.with_changes(missions=missions, name=name or r.name)
        self.engine.enqueue_membership(cid, new)
        with contextlib.suppress(RelayUnavailable):
            await self.flush()

    async def leave(self, channel: str | bytes) -> bool:
        """Leave the channel on this device; returns whether it is done now.

        The device sends the channel its signed request to leave; any member's next
        membership commit removes its leaf, carrying the request as proof (charter rule
        5, checked alike by members and relay), and the relay stops routing to it. Once
        the request is sent, this device deletes its keys for the channel and stops
        receiving it; what it holds stays readable here. If the relay cannot be reached
        the request stays queued (False): it goes at the next sync, and the commit that
        removes the device then shows the channel as left."""
        cid = self.resolve_channel(channel)
        request = self.engine.leave_request(cid)
        self.engine.enqueue_payload(cid, request)
        with contextlib.suppress(RelayUnavailable):
            await self.flush()
        if self.store.list_outbox(cid, limit=1):  # the request (or what precedes it) waits
            return False
        self._emit(self.engine.left(cid))
        return True

    async def send_text(self, channel: str | bytes, text: str, *,
                        requires_ack: bool = False, reply_to: str | bytes | None = None) -> str:
        """Queue a text message (kept in the outbox until the relay has it) and send it.

        ``requires_ack`` makes it a hotline message (tracked per mission, see
        :meth:`ack_status`); ``reply_to`` (a message id) makes it a reply.
        """
        base = _base()
        payload: payloads.Payload
        if reply_to is not None:
            cid = self.resolve_channel(channel)
            _c, target = self.resolve_message(reply_to, cid)
            payload = payloads.Reply(**base, body=text, in_reply_to=target,
                                     requires_ack=requires_ack)
        else:
            payload = payloads.Text(**base, body=text, requires_ack=requires_ack)
        return await self.send_payload(channel, payload)

    async def send_payload(self, channel: str | bytes, payload: payloads.Payload, *,
                           _check_policy: bool = True) -> str:
        cid = self.resolve_channel(channel)
        mid = self.engine.enqueue_payload(cid, payload, check_policy=_check_policy)
        self.engine.compact()
        self._emit(self.engine.take_local_events())
        with contextlib.suppress(RelayUnavailable):
            await self.flush()
        return mid.hex()

    # ------------------------------------------------------------------ messaging features

    def resolve_message(self, ref: str | bytes,
                        channel: str | bytes | None = None) -> tuple[bytes, bytes]:
        """(channel id, message id) for a message id (bytes, hex, or unique hex prefix of
        at least 6 characters), searched in ``channel`` or in every channel."""
        chans = [self.resolve_channel(channel)] if channel is not None else [
            c.channel_id for c in self.store.list_channels() if not c.damaged]
        if isinstance(ref, bytes):
            ref = ref.hex()
        ref = ref.lower()
        hits: list[tuple[bytes, bytes]] = []
        if len(ref) == 2 * payloads.MESSAGE_ID_LEN:
            try:
                mid = bytes.fromhex(ref)
            except ValueError:
                raise NotFoundError("message ids are hex") from None
            for cid in chans:
                with contextlib.suppress(NotFoundError):
                    self.store.get_message(cid, mid)
                    hits.append((cid, mid))
        elif len(ref) >= 6:
            for cid in chans:
                hits += [(cid, m.message_id) for m in self.store.iter_messages(cid)
                         if m.message_id.hex().startswith(ref)]
        if len(hits) != 1:
            raise NotFoundError(f"no single message matches {ref!r}")
        return hits[0]

    async def _modify(self, ref: str | bytes, channel: str | bytes | None,
                      make: Callable[[bytes], payloads.Payload]) -> str:
        cid, mid = self.resolve_message(ref, channel)
        return await self.send_payload(cid, make(mid))

    async def edit(self, message: str | bytes, text: str, *,
                   channel: str | bytes | None = None) -> str:
        """Replace the text of an own message (refused with UsageError otherwise)."""
        return await self._modify(message, channel, lambda t: payloads.Edit(
            **_base(), target=t, body=text))

    async def redact(self, message: str | bytes, *, channel: str | bytes | None = None) -> str:
        """Withdraw an own message: every member deletes it (store, index, cache)."""
        return await self._modify(message, channel, lambda t: payloads.Redact(
            **_base(), target=t))

    async def react(self, message: str | bytes, emoji: str, *, remove: bool = False,
                    channel: str | bytes | None = None) -> str:
        return await self._modify(message, channel, lambda t: payloads.Reaction(
            **_base(), target=t, emoji=emoji, remove=remove))

    async def ack(self, message: str | bytes, *, channel: str | bytes | None = None) -> str:
        """Acknowledge a message that asked for it (hotline, emergency call, notice).

        Raises:
            AlreadyDoneError: this delegate has acknowledged it already (one
                acknowledgement per person; nothing is sent).
        """
        cid, mid = self.resolve_message(message, channel)
        if self.engine.me.ident.delegate in self.engine.features.annotation(cid, mid).acked:
            raise AlreadyDoneError("you have already acknowledged this message")
        return await self._modify(mid, cid, lambda t: payloads.Ack(**_base(), target=t))

    async def mark_read(self, channel: str | bytes,
                        message_ids: Sequence[str | bytes] | None = None) -> str | None:
        """Send a read receipt for ``message_ids`` (default: every message from others
        not yet receipted by this device). Returns the receipt's id, or None."""
        cid = self.resolve_channel(channel)
        me = self.engine.me.ident.delegate
        if message_ids is None:
            ids = []
            for m in self.store.iter_messages(cid):
                if m.damaged or m.sender.decode(errors="replace") == me:
                    continue
                try:
                    if kind_of(payloads.decode(m.body)) in MODIFIER_KINDS:
                        continue
                except PayloadError:
                    continue
                if me not in self.engine.features.annotation(cid, m.message_id).read:
                    ids.append(m.message_id)
        else:
            ids = [self.resolve_message(r, cid)[1] for r in message_ids]
        if not ids:
            return None
        last = None
        for i in range(0, len(ids), payloads.MAX_RECEIPT_IDS):
            chunk = tuple(ids[i:i + payloads.MAX_RECEIPT_IDS])
            last = await self.send_payload(cid, payloads.ReadReceipt(**_base(),
                                                                     message_ids=chunk))
            self._note_own_read(cid, chunk)
        return last

    def _note_own_read(self, cid: bytes, ids: Sequence[bytes]) -> None:
        me = self.engine.me.ident.delegate
        feats = self.engine.features
        with self.store.transaction():
            for mid in ids:
                with contextlib.suppress(NotFoundError):
                    self.store.get_message(cid, mid)
                    ann = feats.annotation(cid, mid)
                    if me not in ann.read:
                        ann.read[me] = payloads.now_ms()
                        feats._put(cid, mid, ann)

    def ack_status(self, message: str | bytes, *,
                   channel: str | bytes | None = None) -> AckStatus:
        """Per mission of the channel: who read, who acknowledged, who is pending."""
        cid, mid = self.resolve_message(message, channel)
        return self._tracked(cid, mid, self.engine.roster(cid).missions)

    def _tracked(self, cid: bytes, mid: bytes, missions: Sequence[str]) -> AckStatus:
        """The tracker of one message with the message as shown attached."""
        st = self.engine.features.ack_status(cid, mid, missions)
        m = self.store.get_message(cid, mid)
        return dataclasses.replace(st, message=self._view(cid, _order_key(m), m,
                                                          lambda: missions))

    def open_acks(self, channel: str | bytes | None = None, *,
                  only_pending: bool = True) -> list[AckStatus]:
        """Trackers of the messages that asked for acknowledgement, newest first."""
        chans = [self.resolve_channel(channel)] if channel is not None else [
            c.channel_id for c in self.store.list_channels() if not c.damaged]
        out: list[tuple[int, AckStatus]] = []
        for cid in chans:
            try:
                missions = self.engine.roster(cid).missions
            except ClientError:
                continue
            for m in self.store.iter_messages(cid):
                ann = self.engine.features.annotation(cid, m.message_id)
                if not ann.requires_ack:
                    continue
                st = self._tracked(cid, m.message_id, missions)
                if st.pending or not only_pending:
                    out.append((m.sent_at, st))
        out.sort(key=lambda x: -x[0])
        return [st for _t, st in out]

    async def send_attachment(self, channel: str | bytes, path: str | os.PathLike[str], *,
                              caption: str = "", requires_ack: bool = False,
                              mime_type: str | None = None) -> str:
        """Encrypt ``path`` with a fresh key, upload it, send the reference in MLS.

        Raises:
            AttachmentTooLarge, QuotaExceeded (``client.attachments``), RelayUnavailable.
        """
        cid = self.resolve_channel(channel)
        await self._ensure_login()
        ref = await attachments.upload(self.transport, cid, Path(path), caption=caption,
                                       requires_ack=requires_ack, mime_type=mime_type)
        return await self.send_payload(cid, ref)

    def _attachment_ref(self, message: str | bytes,
                        channel: str | bytes | None) -> payloads.Attachment:
        cid, mid = self.resolve_message(message, channel)
        p = payloads.decode(self.store.get_message(cid, mid).body)
        if not isinstance(p, payloads.Attachment):
            raise UsageError("this message has no attachment")
        return p

    async def fetch_attachment(self, message: str | bytes, *,
                               channel: str | bytes | None = None) -> bytes:
        """The verified plaintext of an attachment (kept in memory, not on disk).

        Raises:
            AttachmentTampered: the relay's blob does not match the reference's hash.
        """
        ref = self._attachment_ref(message, channel)
        await self._ensure_login()
        return await attachments.fetch(self.transport, self.home.root, ref)

    async def save_attachment(self, message: str | bytes, dest: str | os.PathLike[str] | None
                              = None, *, channel: str | bytes | None = None) -> Path:
        """Write a verified attachment to ``dest`` (a file or directory), by default
        ``home/downloads/<message id>/<file name>``, which expiry and redaction remove."""
        ref = self._attachment_ref(message, channel)
        data = await self.fetch_attachment(message, channel=channel)
        if dest is None:
            target = attachments.downloads_dir(self.home.root, ref.message_id)
            target.mkdir(parents=True, exist_ok=True, mode=0o700)
            out = target / ref.file_name
        else:
            out = Path(dest)
            if out.is_dir():
                out = out / ref.file_name
        from client.paths import atomic_write

        atomic_write(out, data)
        return out

    async def set_timer(self, channel: str | bytes, seconds: int | None) -> str:
        """Set the channel's disappearing-message timer for every member (None: off)."""
        return await self.send_payload(channel, payloads.DisappearingTimer(
            **_base(), seconds=seconds))

    def timer(self, channel: str | bytes) -> tuple[int | None, str]:
        """(seconds or None, who set it)."""
        meta = self.engine.message_meta(self.resolve_channel(channel))
        return meta.timer, meta.timer_by

    async def emergency_call(self, channel: str | bytes, *, meeting_at: int, place: str = "",
                             link: str = "", agenda: str = "") -> str:
        """The chair convenes an emergency meeting; every mission is asked to ack."""
        return await self.send_payload(channel, payloads.EmergencyCall(
            **_base(), meeting_at=meeting_at, place=place, link=link, agenda=agenda))

    async def post_agenda(self, channel: str | bytes, title: str, body: str = "", *,
                          pinned: bool = True, requires_ack: bool = False) -> str:
        """Post (or revise) the channel's agenda notice: the first is revision 1, each
        revision one more than the highest seen (the highest revision is the pinned one)."""
        cid = self.resolve_channel(channel)
        rev = max(self.engine.message_meta(cid).pinned_rev, 0) + 1
        return await self.send_payload(cid, payloads.AgendaNotice(
            **_base(), title=title, body=body, revision=rev, pinned=pinned,
            requires_ack=requires_ack))

    def pinned_notice(self, channel: str | bytes) -> MessageView | None:
        """The channel's pinned agenda notice (highest revision), if any."""
        cid = self.resolve_channel(channel)
        meta = self.engine.message_meta(cid)
        if not meta.pinned:
            return None
        try:
            m = self.store.get_message(cid, meta.pinned)
        except NotFoundError:
            return None
        return self._view(cid, 0, m)

    def search(self, query: str, *, channel: str | bytes | None = None,
               limit: int = 50) -> list[SearchHit]:
        """Local full-text search (whole words; ``word*`` for a prefix), newest first."""
        index = self.engine.features.index
        if index is None:
            raise UsageError("search is not available")
        terms, recheck = index.query(query)
        cid = self.resolve_channel(channel) if channel is not None else None
        names = {c.channel_id: c.name for c in self.store.list_channels()}
        hits = []
        rosters: dict[bytes, _Once] = {}
        for m in self.store.search_index(terms, channel_id=cid, limit=limit):
            missions = rosters.get(m.channel_id)
            if missions is None:
                missions = rosters[m.channel_id] = _Once(partial(self._missions, m.channel_id))
            view = self._view(m.channel_id, m.seq or 0, m, missions)
            if view is None or (recheck and not index.recheck(view.summary, recheck)):
                continue
            hits.append(SearchHit(m.channel_id.hex(), names.get(m.channel_id, ""), view))
        return hits

    def sweep_expired(self) -> list[Event]:
        """Delete expired disappearing messages now (also runs on open, sync and every
        30 s while started); returns and publishes the events."""
        events = self.engine.sweep_expired()
        self._emit(events)
        return events

    def messages(self, channel: str | bytes, *, limit: int = 50,
                 before: int | None = None) -> list[MessageView]:
        """Shown messages in relay order (``seq``; own unsent ones last), oldest first.

        Edits, redactions, reactions, receipts and acks are folded into the message
        they change, not listed. Page back with ``before=views[0].position``.
        """
        cid = self.resolve_channel(channel)
        out: list[MessageView] = []
        missions = _Once(lambda: self._missions(cid))
        excerpts: dict[str, str] = {}
        # Receipts, reactions and acks are rows too: page back until ``limit`` shown ones.
        while len(out) < limit:
            rows = self.store.list_messages_ordered(cid, limit=limit, before=before)
            page = []
            for order, m in rows:
                v = self._view(cid, order, m, missions, excerpts)
                if v is not None:
                    page.append(v)
                    excerpts[v.message_id] = v.summary[:80]
            out = page + out
            if len(rows) < limit:
                break
            before = rows[0][0]
        return out[-limit:]

    def has_older(self, channel: str | bytes, before: int) -> bool:
        """Whether anything is stored before relay-order key ``before`` (shown or not)."""
        cid = self.resolve_channel(channel)
        return bool(self.store.list_messages_ordered(cid, before=before, limit=1))

    def high_water(self, channel: str | bytes) -> int:
        """The newest arrival position stored in a channel (modifiers included): what
        :meth:`newer` and :meth:`unread_count` count from."""
        last = self.store.list_messages(self.resolve_channel(channel), limit=1)
        return last[0].position if last else 0

    def newer(self, channel: str | bytes, after: int, *,
              limit: int = 200) -> tuple[list[MessageView], int, bool]:
        """Shown messages that arrived after arrival position ``after``, reading at most
        ``limit`` stored ones: (views in arrival order, the newest arrival position read,
        whether the limit was hit so more may follow)."""
        cid = self.resolve_channel(channel)
        msgs = self.store.list_messages(cid, after=after, limit=limit)
        missions = _Once(lambda: self._missions(cid))
        views = [v for m in msgs
                 if (v := self._view(cid, _order_key(m), m, missions)) is not None]
        return views, (msgs[-1].position if msgs else after), len(msgs) == limit

    def unread_count(self, channel: str | bytes, after: int, *, cap: int = 999) -> int:
        """Shown messages from others that arrived after arrival position ``after``
        (timer changes not counted), reading at most ``cap`` stored ones."""
        cid = self.resolve_channel(channel)
        me = self.engine.me.ident.delegate
        n = 0
        for m in self.store.list_messages(cid, after=after, limit=cap):
            if m.damaged or m.sender.decode(errors="replace") == me:
                continue
            try:
                kind = kind_of(payloads.decode(m.body))
            except PayloadError:
                continue
            if kind not in MODIFIER_KINDS | {"timer"}:
                n += 1
        return n

    def message(self, ref: str | bytes, *,
                channel: str | bytes | None = None) -> MessageView:
        """One stored message as shown (edits, reactions folded in), by id: bytes, hex,
        or a unique hex prefix (see :meth:`resolve_message`). Raises NotFoundError for
        an unknown id and for what is not shown on its own (modifiers such as receipts,
        reactions and acks; damaged or unreadable messages)."""
        mid = _full_message_id(ref)
        if channel is not None and mid is not None:
            cid = self.resolve_channel(channel)  # one lookup: the UI asks row by row
        else:
            cid, mid = self.resolve_message(ref, channel)
        m = self.store.get_message(cid, mid)
        view = self._view(cid, _order_key(m), m)
        if view is None:
            raise NotFoundError("that message is not shown on its own")
        return view

    def _view(self, cid: bytes, order: int, m: Message,
              missions: Callable[[], Sequence[str]] | None = None,
              excerpts: dict[str, str] | None = None,
              nested: bool = False) -> MessageView | None:
        """The stored message ``m`` as shown, or None for what is not shown on its own.

        ``missions`` gives the channel's roster missions (asked only for a tracked
        message, once per page by the caller); ``excerpts`` the summaries of messages
        already viewed on the page (a reply's excerpt without another lookup).
        ``nested``: only the message itself (the excerpt a reply shows), so a chain of
        replies costs one lookup each, not one per link."""
        if m.damaged:
            return None
        me = self.engine.me.ident.delegate
        sender = m.sender.decode(errors="replace")
        try:
            p = payloads.decode(m.body)
        except PayloadError:
            return None
        attachment: AttachmentInfo | None = None
        extra: dict[str, Any] = {}
        if isinstance(p, payloads.Unknown):
            kind, text = p.kind, f"[a {p.kind} message from a newer Corridor]"
        else:
            kind = kind_of(p)
            if kind in MODIFIER_KINDS:
                return None
            text = getattr(p, "body", "") or getattr(p, "title", "")
            if isinstance(p, payloads.AgendaNotice | payloads.Activity):
                text = p.title + (f"\n{p.body}" if p.body else "")
                if isinstance(p, payloads.AgendaNotice):
                    extra = {"title": p.title, "revision": p.revision}
                else:
                    extra = {"activity": p.status}
            elif isinstance(p, payloads.EmergencyCall):
                text = p.agenda
                extra = {"meeting_at": p.meeting_at, "place": p.place, "link": p.link}
            elif isinstance(p, payloads.Attachment):
                text = p.caption
                attachment = AttachmentInfo(p.file_name, p.mime_type, p.size, p.caption)
            elif isinstance(p, payloads.DisappearingTimer):
                text = f"disappearing messages: {p.seconds} s" if p.seconds else \
                    "disappearing messages: off"
                extra = {"timer": p.seconds}
        ann = self.engine.features.annotation(cid, m.message_id)
        own = sender == me
        requires_ack = bool(getattr(p, "requires_ack", False))
        if (requires_ack or own) and not nested:
            if not ann.author:
                ann.author = sender
            roster = missions() if missions is not None else self._missions(cid)
            st = build_status(cid, m.message_id, ann, roster)
            extra["acked_missions"] = tuple(x.mission for x in st.missions
                                            if x.state == "acknowledged")
            extra["read_by"] = tuple(sorted({w for x in st.missions for w in x.read_by}))
        reply_to = p.in_reply_to.hex() if isinstance(p, payloads.Reply) else ""
        if isinstance(p, payloads.Reply) and not nested:
            extra["reply_excerpt"] = (excerpts or {}).get(reply_to) or \
                self._excerpt(cid, p.in_reply_to)
        return MessageView(
            m.message_id.hex(), sender, kind, text, m.sent_at, m.seq, own, order,
            edited=bool(ann.edited_at), reply_to=reply_to, requires_ack=requires_ack,
            reactions=tuple((e, tuple(w)) for e, w in sorted(ann.reactions.items())),
            attachment=attachment, expires_at=m.expires_at,
            sending=m.seq is None and own and not ann.failed,
            failed=ann.failed if own else "", **extra)

    def _missions(self, cid: bytes) -> tuple[str, ...]:
        """The channel's roster missions; none when the channel cannot say (left)."""
        try:
            return tuple(self.engine.roster(cid).missions)
        except ClientError:
            return ()

    def _excerpt(self, cid: bytes, message_id: bytes) -> str:
        """The start of a message a reply answers ("" when it is not shown here)."""
        try:
            m = self.store.get_message(cid, message_id)
        except ClientError:
            return ""
        view = self._view(cid, _order_key(m), m, nested=True)
        return view.summary[:80] if view is not None else ""

    # ------------------------------------------------------------------ sync

    async def _ensure_login(self) -> None:
        if self._logged_in:
            return
        chain_tag = _chain_tag(self.engine.me.chain)
        if not self.store.get_cursor("registered") or \
                self.store.get_cursor("registered_chain") != chain_tag:
            # first registration, or a renewed certificate (`corridor device import`)
            await self.transport.register(list(self.engine.me.chain))
            self.store.set_cursor("registered", 1)
            self.store.set_cursor("registered_chain", chain_tag)
        try:
            await self.transport.login()
        except UnauthorizedError as exc:
            if exc.code == "certificate_expired":
                raise UnauthorizedError(exc.status, exc.code, " ".join((
                    "the relay refuses this device: its certificate has expired.",
                    self.certificate_status().advice)), exc.body) from None
            raise
        self._logged_in = True
        self._kp_check = True
        await self._key_packages()

    async def _key_packages(self) -> None:
        """Keep our KeyPackages on the relay (THREATS 5): one-time packages topped up to
        KEY_PACKAGE_TARGET when fewer than KEY_PACKAGE_LOW are left, and one last-resort
        package, replaced after a Welcome used it and every ``last_resort_seconds``.
        Asks the relay after a login or a Welcome, when a rotation is due, and every
        KP_WATCH_SECONDS; when packages went since the last look, it reads who claimed
        them (THREATS 25: a drain is reported as :class:`KeyPackagesDraining`)."""
        watch = self.engine.now() - self._kp_watched >= KP_WATCH_SECONDS
        if not self._kp_check and not self.engine.last_resort_due() and not watch:
            return
        available, has_last_resort = await self.transport.key_package_count()
        self._kp_watched = self.engine.now()
        if available < min(self._kp_seen, KEY_PACKAGE_TARGET):
            await self._watch_drain()
        self._kp_seen = KEY_PACKAGE_TARGET if available < KEY_PACKAGE_LOW else available
        kps = self.engine.make_key_packages(KEY_PACKAGE_TARGET - available) \
            if available < KEY_PACKAGE_LOW else []
        last_resort = self.engine.make_last_resort() \
            if self.engine.last_resort_due(has_last_resort) else None
        if kps or last_resort:
            await self.transport.publish_key_packages(
                kps, last_resort[1] if last_resort else None)
            if last_resort:
                self.engine.last_resort_published(last_resort[0])
        self._kp_check = False

    async def _watch_drain(self) -> None:
        try:
            claims = await self.key_package_claims(self.engine.now() - DRAIN_WINDOW)
        except RelayRefused:
            return  # a relay without a claim record: nothing to judge by
        now = self.engine.now()
        verdict = drain_verdict(claims, self.device_id, now)
        health = HealthRecord.load(self.store)
        if verdict is None:
            if health.drain is not None and health.drain[1] < now - DAY_SECONDS:
                health.drain = None
                health.save(self.store)
            return
        claimed, claimers = verdict
        health.drain = (claimed, now, list(claimers))
        health.save(self.store)
        self._emit([_drain_event(claimed, now, claimers)])

    async def key_package_claims(self, since: int = 0) -> list[Claim]:
        """The relay's record of who claimed the KeyPackages of this device's mission
        (every device of it), newest first: what a mission admin checks (THREATS 25)."""
        await self._ensure_login()
        return [Claim(str(c["target"]), str(c["claimer"]), str(c["claimer_mission"]),
                      bool(c["last_resort"]), int(c["claimed_at"]))
                for c in await self.transport.key_package_claims(since)]

    def key_package_warning(self) -> KeyPackagesDraining | None:
        """The last KeyPackage drain seen (kept a day after it was last seen)."""
        drain = HealthRecord.load(self.store).drain
        if drain is None:
            return None
        claimed, at, who = drain
        return _drain_event(claimed, at, tuple((str(d), str(m), int(n)) for d, m, n in who))

    # ------------------------------------------------------------------ routing, certificate

    def routing_status(self, channel: str | bytes) -> RoutingStatus:
        """The last comparison of the channel's routing with its MLS roster."""
        cid = self.resolve_channel(channel)
        return HealthRecord.load(self.store).routing_status(cid.hex())

    async def _check_routing(self) -> None:
        """Compare the relay's routing of every channel with its MLS roster (THREATS 22).

        One request gives every routed group's last seq and a digest of its routed
        devices; a channel whose digest differs from its roster's, or that is missing
        (a 404), is looked at on its own. A verdict is reached only where this device
        has processed everything up to the relay's last seq (a commit in flight changes
        both at once); otherwise one more catch-up, and no verdict this time if the
        relay is still ahead."""
        try:
            routing: dict[bytes, tuple[int, int, str]] | None = await self.transport.routing()
        except RelayRefused as exc:
            if exc.status != 501:
                return  # rate-limited or the like: no verdict this time
            routing = None
        for ch in self.store.list_channels():
            if ch.damaged:
                continue
            try:
                _c, meta = self.engine.channel_state(ch.group_id)
            except ClientError:
                continue
            if meta.left:
                self._note_routing(ch.group_id, None)  # drops a stale warning
                continue
            entry = routing.get(ch.group_id) if routing is not None else None
            if entry is not None and entry[0] <= ch.cursor:
                roster = self._roster_devices(ch.group_id)
                if routing_digest(roster) == entry[2]:
                    self._note_routing(ch.group_id, roster)
                    continue
            await self._check_channel_routing(ch.group_id)

    async def _check_channel_routing(self, group_id: bytes) -> None:
        for _attempt in range(2):
            try:
                last, routed = await self.transport.group_members(group_id)
            except RelayRefused as exc:
                if exc.status == 404:
                    await self._catch_up(group_id)  # a removal we have not seen?
                    self._note_routing(group_id, None)
                return
            if last <= self.store.get_channel_by_group(group_id).cursor:
                self._note_routing(group_id, routed)
                return
            await self._catch_up(group_id)

    def _roster_devices(self, group_id: bytes) -> list[str]:
        return [m.device_id for m in self.engine.members(group_id)]

    def _note_routing(self, group_id: bytes, routed: list[str] | None) -> None:
        try:
            ch, meta = self.engine.channel_state(group_id)
        except ClientError:
            return
        health = HealthRecord.load(self.store)
        key = ch.channel_id.hex()
        if meta.left:
            if health.routing.pop(key, None) is not None:
                health.save(self.store)
            return
        st = compare_routing(self._roster_devices(group_id), routed, self.device_id)
        before = health.routing.get(key)
        if st.ok:
            if before is not None:
                del health.routing[key]
                health.save(self.store)
                self._emit([RoutingRestored(ch.channel_id)])
            return
        health.routing[key] = (st.problem, st.detail, list(st.missing), list(st.extra))
        health.save(self.store)
        self._emit([RoutingMismatch(ch.channel_id, st.problem, st.detail, st.missing,
                                    st.extra)])

    def certificate_status(self) -> CertificateStatus:
        """When this device's chain ends, and how to renew it (THREATS 24)."""
        return certificate_status(self.engine.me.chain, self.engine.trust.root_der,
                                  self.engine.now(), self.home.root)

    def _check_certificate(self, *, only_changes: bool = False) -> None:
        """Report a chain near (or past) its end: on every sync, and between syncs when
        its state changes (a running app crosses into the warning period)."""
        st = self.certificate_status()
        changed, self._cert_state = st.state != self._cert_state, st.state
        if st.warning and (changed or not only_changes):
            self._emit([CertificateExpiring(st.not_after, st.days_left, st.link, st.advice)])

    def status(self) -> dict[str, Any]:
        """What the device should know about itself, offline: identity, certificate
        expiry, routing warnings, KeyPackage drain, the outbox (``corridor status``)."""
        cert = self.certificate_status()
        ident: dict[str, Any]
        try:
            ident = self.identity()
        except (ClientError, CryptoError) as exc:  # an expired or revoked chain: say so
            ident = {"device_id": self.device_id, "error": type(exc).__name__}
        routing = [{"channel_id": c.channel_id, "name": c.name, "problem": c.routing_problem,
                    "warning": c.routing_warning}
                   for c in self.channels() if c.routing_warning]
        drain = self.key_package_warning()
        warnings = [cert.advice] if cert.warning else []
        warnings += [f"channel {r['name'] or r['channel_id'][:12]}: {r['warning']}"
                     for r in routing]
        if drain is not None:
            warnings.append(drain.detail)
        return {"identity": ident, "relay_url": self.relay_url, "certificate": cert.to_json(),
                "routing": routing,
                "key_packages": {"draining": None if drain is None else {
                    "claimed": drain.claimed, "window": drain.window,
                    "claimers": [list(c) for c in drain.claimers], "detail": drain.detail}},
                "outbox": len(self.store.list_outbox(limit=10_000)),
                "warnings": warnings}

    async def refresh_crls(self) -> None:
        import msgspec

        if self.log.enabled:
            try:
                crls = await self._logged_crls()
            except TransparencyError as exc:
                self._save_log()
                self._emit([ErrorEvent(None, f"directory not trusted: {exc}")])
                return  # keep the CRLs we have
        else:
            crls = await self.transport.crls()
        self.engine.trust.set_crls(crls)
        self.store.put_group_state(b"\xffcrls", 0, msgspec.msgpack.encode(
            self.engine.trust.crls))

    # ------------------------------------------------------------------ transparency

    def _save_log(self) -> None:
        """Persist the log view and report new alarms."""
        if self.log.dirty:
            self.store.put_group_state(STATE_KEY, 0, self.log.to_bytes())
            self.log.dirty = False
        self._emit(self.log.take_fresh())

    async def _log_policy(self) -> None:
        """Pin the venue policy the relay serves when none is pinned yet (a home
        enrolled before the venue had a log); it must be signed by the pinned root."""
        if self.log.enabled:
            return
        policy = await self.transport.log_policy()
        if policy is not None:
            try:
                self.log.adopt_policy(policy)
            except TransparencyError as exc:
                self._emit([ErrorEvent(None, f"venue policy refused: {exc}")])
        self._save_log()

    async def _accept_head(self, head: bytes | None, consistency: Sequence[bytes]) -> Any:
        """The signed head of a directory response, checked against the trusted one.

        Raises:
            TransparencyError: no head, a bad signature, or a split view (alarmed).
        """
        try:
            if head is None:
                raise TransparencyError("the relay served the directory without a tree head")
            sth, alarm = self.log.accept_head(head, consistency)
            if alarm is not None:
                raise TransparencyError(alarm.detail)
            trusted = self.log.head
            if trusted is not None and sth.size < trusted.size:
                try:  # a log that shrank cannot prove it: that is the alarm
                    proof = await self.transport.log_consistency(sth.size, trusted.size)
                except RelayRefused:
                    proof = []
                if self.log.check_older(sth, proof) is not None:
                    raise TransparencyError("a tree head that is not a prefix of ours")
            return sth
        finally:
            self._save_log()

    async def _directory_devices(self, mission: str) -> list[tuple[str, str, list[bytes]]]:
        """The directory rows of ``mission``; with a log, only rows proven in it."""
        if not self.log.enabled:
            return await self.transport.directory_devices(mission)
        try:
            got = await self.transport.logged_devices(mission, self.log.since)
        except RelayRefused as exc:
            if exc.status != 400:
                raise
            got = await self.transport.logged_devices(mission, None)  # a shrunk log
        head = await self._accept_head(got.head, got.consistency)
        rows, _alarms = self.log.check_devices(got.rows, head)
        self._save_log()
        if self.log.audit_size < (self.log.head or head).size:
            await self._audit()  # the log grew: read the new entries now
        return rows

    async def _logged_crls(self) -> list[bytes]:
        try:
            got = await self.transport.logged_crls(self.log.since)
        except RelayRefused as exc:
            if exc.status != 400:
                raise
            got = await self.transport.logged_crls(None)  # a shrunk log: checked below
        head = await self._accept_head(got.head, got.consistency)
        good, _alarms = self.log.check_crls(got.crls, got.proofs, head)
        await self._audit()
        missing, _alarms = self.log.withheld(good)
        self._save_log()
        return good + missing

    async def _audit(self) -> None:
        """Read the log up to the trusted head, entry by entry (client.transparency)."""
        from client.transparency import AUDIT_PAGE

        try:
            while (head := self.log.head) is not None and self.log.audit_size < head.size:
                start = self.log.audit_size
                entries = await self.transport.log_entries(
                    start, min(head.size, start + AUDIT_PAGE))
                if not entries:
                    raise TransparencyError("the relay serves no log entries up to its head")
                self.log.audit(start, entries)
        finally:
            self._save_log()

    def _on_gossip(self, channel_id: bytes, sender: str, head: bytes) -> None:
        theirs, _alarm = self.log.gossip_received(channel_id, sender, head)
        if theirs is not None:
            self._gossip.append((channel_id, sender, theirs))

    async def _resolve_gossip(self) -> None:
        """Ask the relay to prove that members' gossiped heads and ours are one log."""
        self._save_log()  # alarms from gossip compared on receipt
        pending, self._gossip = self._gossip, []
        done: set[tuple[int, bytes]] = set()
        grew = False
        for cid, sender, theirs in pending:
            ours = self.log.head
            if ours is None or (theirs.size, theirs.root) in done or theirs.same_tree(ours):
                continue
            done.add((theirs.size, theirs.root))
            lo, hi = sorted((ours.size, theirs.size))
            try:
                proof = await self.transport.log_consistency(lo, hi)
            except RelayRefused:
                proof = []
            before = ours.size
            self.log.gossip_resolve(cid, sender, theirs, proof)
            grew |= (self.log.head or ours).size > before
        self._save_log()
        if grew:  # a member has seen more of the log: read it, and any CRL withheld
            with contextlib.suppress(TransparencyError):
                await self._audit()
                missing, _alarms = self.log.withheld(self.engine.trust.crls)
                if missing:
                    self.engine.trust.set_crls([*self.engine.trust.crls, *missing])
                self._save_log()

    async def verified_log(self) -> tuple[Any, list[bytes]]:
        """Every entry of the log up to a freshly checked head, re-hashed to its root
        (for ``corridor mission monitor`` and venue auditors).

        Raises:
            UsageError: the venue has no transparency log.
            TransparencyError: a split view, or entries that do not hash to the head.
        """
        from crypto.certs.transparency import MerkleTree, leaf_hash

        async with self._lock:
            await self._ensure_login()
            await self._log_policy()
            if not self.log.enabled:
                raise UsageError("this venue has no transparency log")
            before = len(self.log.alarms())
            await self.refresh_crls()
            fresh = self.log.alarms()[before:]
            if any(a.kind == "split-view" for a in fresh):
                raise TransparencyError(fresh[-1].detail)
            head = self.log.head
            assert head is not None
            entries: list[bytes] = []
            while len(entries) < head.size:
                page = await self.transport.log_entries(len(entries), head.size)
                if not page:
                    raise TransparencyError("the relay serves no log entries up to its head")
                entries += page
            entries = entries[:head.size]
            if MerkleTree([leaf_hash(e) for e in entries]).root() != head.root:
                raise TransparencyError("the log's entries do not hash to its signed head")
            return head, entries

    def directory_status(self, channel: str | bytes) -> DirectoryStatus:
        """"Directory verified" for one conversation: every member's certificate is in
        the audited log, and no alarm (split view, withheld revocation) touches it."""
        cid = self.resolve_channel(channel)
        chains = self.engine.member_chains(cid)
        return self.log.status(cid, chains)

    async def publish_crl(self, crl_der: bytes) -> list[str]:
        """Publish a CRL (a mission's recall); returns the devices the relay revoked."""
        await self._ensure_login()
        revoked = await self.transport.publish_crl(crl_der)
        await self.refresh_crls()
        return revoked

    async def sync(self) -> list[Event]:
        """Catch up everything, keep memberships right, send the outbox. Returns events."""
        collected: list[Event] = []
        unsub = self.subscribe(collected.append)
        try:
            async with self._lock:
                self.sweep_expired()
                await self._ensure_login()
                await self._log_policy()
                await self.refresh_crls()
                await self._welcomes()
                await self._key_packages()
                await self._send_refusals()
                await self._catch_up_all()
                await self._resolve_gossip()
                await self._maintain()
                await self._flush_locked()
                await self._catch_up_all()
                await self._resolve_gossip()
                await self._check_routing()
                self._check_certificate()
                self.engine.compact()
        finally:
            unsub()
        return collected

    async def flush(self) -> None:
        async with self._lock:
            await self._ensure_login()
            await self._flush_locked()

    async def _welcomes(self) -> None:
        _msgs, welcomes = await self.transport.inbox()
        done = []
        for w in welcomes:
            self._emit(self.engine.receive_welcome(w))
            done.append(w.id)
        if done:
            self._kp_check = True  # a Welcome used a package: top up, rotate
            await self.transport.ack([], done)

    async def _catch_up(self, group_id: bytes) -> None:
        """Fetch what the channel lacks, from its oldest open gap (THREATS 7: a withheld
        message the relay delivers later is still processed), page by page."""
        try:
            after = self.engine.catch_up_after(group_id)
        except NotFoundError:
            return
        while True:
            try:
                msgs, last = await self.transport.messages(group_id, after, 1000)
            except RelayRefused as exc:
                if exc.status == 404:  # not routed to us: fine only if we left
                    self._note_routing(group_id, None)
                    return
                raise
            if not msgs:
                return
            msgs = sorted(msgs, key=lambda m: m.seq)
            acks: list[tuple[bytes, int]] = []
            for i in range(0, len(msgs), RECEIVE_SLICE):
                if i:
                    await asyncio.sleep(0)  # let other work on this loop run between slices
                res = self.engine.receive(msgs[i:i + RECEIVE_SLICE])
                self._emit(res.events)
                acks = res.acks or acks
            await self._send_refusals()
            if acks:
                with contextlib.suppress(RelayRefused):
                    await self.transport.ack(acks, [])
            # The relay may return short pages (it caps by bytes too): stop only at its
            # last sequence number, or when the pages no longer move forward.
            top = max(m.seq for m in msgs)
            if top >= last or top <= after:
                return
            after = top

    async def _send_refusals(self) -> bool:
        """Tell the relay of every commit this device refused by policy (F2); whether
        one of them is now voided (its epoch is free: our commits can go through)."""
        voided = False
        for gid, seq in self.engine.pending_refusals():
            try:
                out = await self.transport.refuse(gid, seq)
            except RelayRefused as exc:
                if exc.status >= 500:
                    return voided
                out = None  # not routed any more, or not ours to refuse: drop it
            if out is not None and out.voided:
                voided = True
                # the outcome of the vote, shown here as to every member served the
                # voided commit (engine: CommitVoided)
                self._emit([CommitVoided(gid, seq, "")])
            self.engine.refusal_sent(gid, seq)
        return voided

    async def _catch_up_all(self) -> None:
        for ch in self.store.list_channels():
            if not ch.damaged:
                await self._catch_up(ch.group_id)

    async def _maintain(self) -> None:
        """Queue membership commits where the directory and a channel disagree."""
        pending = {it.channel_id for it in self.store.list_outbox(limit=10_000)}
        directory: dict[str, list[tuple[str, str, list[bytes]]]] = {}
        for info in self.channels():
            cid = bytes.fromhex(info.channel_id)
            if info.left or info.forked or cid in pending:
                continue
            dir_rows = []
            try:
                for m in info.missions:
                    if m not in directory:
                        directory[m] = await self._directory_devices(m)
                    dir_rows += directory[m]
            except TransparencyError:
                continue  # no membership change from a directory we cannot trust
            # the id enqueue returns: a send during the awaits above may have queued
            # an application message for this channel ahead of it
            probe = self.engine.enqueue_membership(cid)
            plan = self.engine.membership_plan(CommitWork(cid, probe, False), dir_rows)
            if plan.empty:
                self.store.mark_sent(probe)

    async def _dir_for(self, channel_id: bytes) -> list[tuple[str, str, list[bytes]]]:
        rows = []
        for m in self.engine.roster(channel_id).missions:
            rows += await self._directory_devices(m)
        # a roster change queued in the outbox may name new missions
        return rows

    async def _flush_locked(self) -> None:
        """Send the outbox in order. A temporary failure stops the round and keeps
        everything queued (retried later); a permanent refusal fails that item only.

        Raises:
            RelayUnavailable: the relay cannot be reached (everything stays queued).
        """
        self.engine.queue_self_updates()  # post-compromise security: fresh leaf keys
        for _round in range(10):
            work = self.engine.outbox_work()
            if not work:
                self._sealed.clear()
                return
            for w in work:
                try:
                    out = await self._prepare(w)
                    if out is None:
                        continue
                    res = await self.transport.post(
                        out.group_id, out.client_msg_id, out.message, welcome=out.welcome,
                        welcome_to=list(out.welcome_to))
                    self._sealed.pop(w.item_id, None)
                    seq = getattr(res, "seq", None)
                    self.engine.posted(out, seq)
                    sent = _sent_event(out, seq)
                    if sent is not None:
                        self._emit([sent])
                    if out.is_commit:
                        await self._catch_up(out.group_id)
                except EpochConflictError:
                    await self._catch_up(w.channel_id)  # the winner merges; ours is discarded
                    break
                except RelayUnavailable:
                    self._stalled()
                    raise
                except RelayRefused as exc:
                    if exc.temporary:
                        self._stalled(exc)
                        return
                    self._sealed.pop(w.item_id, None)
                    log.warning("the relay refused a send for good (%d %s)", exc.status,
                                exc.code)
                    self._emit(self.engine.refused(w, exc.reason) or [
                        ErrorEvent(w.channel_id, "the relay refused a send", exc.code)])
        self._emit([ErrorEvent(None, "outbox not drained after 10 rounds")])

    def _stalled(self, exc: RelayRefused | None = None) -> None:
        """The outbox stopped on a temporary failure: ask the retry loop to try again."""
        after = 0.0
        if exc is not None:
            with contextlib.suppress(TypeError, ValueError):
                after = float(exc.body.get("retry_after") or 0)
            log.info("the relay is busy (%d %s): messages stay queued", exc.status, exc.code)
        self._retry_after = min(max(after, 0.0), RETRY_AFTER_CAP)
        self._retry_wanted.set()

    def pending_sends(self) -> int:
        """How many items wait in the outbox (messages, roster changes)."""
        return len(self.store.list_outbox(limit=10_000))

    async def retry_message(self, ref: str | bytes, *,
                            channel: str | bytes | None = None) -> None:
        """Queue a failed own message again (same message id) and try to send it."""
        cid, mid = self.resolve_message(ref, channel)
        self.engine.retry_failed(cid, mid)
        with contextlib.suppress(RelayUnavailable):
            await self.flush()

    def discard_message(self, ref: str | bytes, *, channel: str | bytes | None = None) -> None:
        """Delete a failed own message from this device (nobody else ever had it).

        Raises:
            UsageError: the message has not failed.
        """
        cid, mid = self.resolve_message(ref, channel)
        if not self.engine.features.annotation(cid, mid).failed:
            raise UsageError("only a message that failed to send can be discarded")
        with self.store.transaction():
            self.engine.features.purge(cid, mid)
        self._emit([MessageRedacted(cid, mid, self.engine.me.ident.delegate)])

    async def _prepare(self, w: AppWork | CommitWork) -> Outbound | None:
        if isinstance(w, AppWork):
            epoch = self.engine.epoch(w.channel_id)
            sealed = self._sealed.get(w.item_id)
            if sealed is not None and sealed[0] == epoch:
                return sealed[1]
            out = self.engine.encrypt(w)
            self._sealed[w.item_id] = (epoch, out)
            return out
        if w.pending:
            from client.engine import MembershipPlan

            return self.engine.build_commit(w, MembershipPlan((), (), (), None), {})
        try:
            rows = await self._dir_for(w.channel_id)
        except TransparencyError:
            return None  # retried at the next sync; alarmed already
        roster = self.engine.queued_roster(w.channel_id, w.item_id)
        if roster is not None:
            from client.policy import decode_roster

            extra = set(decode_roster(roster).missions) - set(
                self.engine.roster(w.channel_id).missions)
            for m in sorted(extra):
                rows += await self._directory_devices(m)
        plan = self.engine.membership_plan(w, rows)
        kps: dict[str, bytes] = {}
        for dev in plan.add:
            try:
                kps[dev] = await self.transport.claim_key_package(dev)
            except RelayRefused:
                continue
        return self.engine.build_commit(w, plan, kps)

    # ------------------------------------------------------------------ push

    async def start(self) -> None:
        """Start the push loop (WebSocket, reconnect with backoff and jitter), the
        outbox retry loop and the expiry sweep."""
        loop = asyncio.get_running_loop()
        if self._push_task is None:
            self._push_task = loop.create_task(self._push_loop())
        if self._retry_task is None:
            self._retry_task = loop.create_task(self._retry_loop())
        if self._sweep_task is None:
            self._sweep_task = loop.create_task(self._sweep_loop())

    async def _sweep_loop(self, period: float = SWEEP_SECONDS) -> None:
        while True:
            await asyncio.sleep(period)
            try:
                async with self._lock:
                    self.sweep_expired()
                    if self._logged_in and \
                            self.engine.now() - self._watched >= KP_WATCH_SECONDS:
                        self._watched = self.engine.now()
                        await self._key_packages()  # a drain between syncs
                        await self._check_routing()  # a cut between syncs
                    self._check_certificate(only_changes=True)
            except ClientError:
                log.exception("expiry sweep failed")

    async def stop(self) -> None:
        for name in ("_push_task", "_retry_task", "_sweep_task"):
            task = getattr(self, name)
            setattr(self, name, None)
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
        self.connected.clear()
        self._link = None

    @property
    def link(self) -> bool | None:
        """The push connection as last reported: True up, False down (retrying), None
        not known yet (connecting, or the push loop is not running)."""
        return self._link

    def _set_link(self, up: bool, detail: str = "", retry_in: float | None = None) -> None:
        """Record the push connection's state; publish it when it changed."""
        if up:
            self.connected.set()
        else:
            self.connected.clear()
        if self._link is not up:
            self._link = up
            self._emit([ConnectionChanged(up, detail, retry_in)])

    async def _push_loop(self) -> None:
        failures = 0
        last_bug = ""  # a failure that repeats at every retry logs its traceback once
        while True:
            try:
                await self.sync()
                async with self.transport.push() as frames:
                    await self._consume(frames)
                detail = "the relay closed the connection"
            except asyncio.CancelledError:
                raise
            except RelayCertificateError as exc:  # not a lost link: someone in between
                detail = str(exc)
                log.warning("relay connection refused: %s", detail)
                self._emit([ErrorEvent(None, "the relay's certificate is not trusted",
                                       detail)])
            except (RelayUnavailable, UnauthorizedError) as exc:
                # the ordinary loss of a network connection: no traceback, no alarm
                detail = str(exc)
                log.info("relay connection lost: %s", detail)
            except ClientError as exc:
                detail = str(exc)
                log.warning("relay connection lost: %s", detail)
                self._emit([ErrorEvent(None, "connection to the relay lost",
                                       type(exc).__name__)])
            except Exception as exc:  # a bug: keep the loop alive, report it
                detail = type(exc).__name__
                if detail != last_bug:
                    log.exception("push loop failure")
                    self._emit([ErrorEvent(None, "push loop failure", detail)])
                else:
                    log.warning("push loop failure again: %s", detail)
                last_bug = detail
            if self.connected.is_set():
                failures = 0  # it was up: start again from the shortest delay
                last_bug = ""
            failures += 1
            delay = backoff(failures, RECONNECT_BASE, RECONNECT_CAP)
            self._logged_in = False
            self._set_link(False, detail, delay)
            await asyncio.sleep(delay)

    async def _retry_loop(self) -> None:
        """Retry the outbox after a temporary failure, with backoff, while connected
        (a reconnect sends the outbox anyway)."""
        failures = 0
        while True:
            await self._retry_wanted.wait()
            self._retry_wanted.clear()
            failures += 1
            await asyncio.sleep(max(backoff(failures, OUTBOX_RETRY_BASE, OUTBOX_RETRY_CAP),
                                    self._retry_after))
            if not self.connected.is_set():
                failures = 0
                continue
            try:
                await self.flush()
            except RelayUnavailable:
                pass  # still queued; the flush asked for another retry
            except ClientError as exc:
                log.warning("sending the outbox failed: %s", exc)
            if not self._retry_wanted.is_set():
                failures = 0

    async def _consume(self, frames: AsyncIterator[Any]) -> None:
        """Handle push frames in batches until the stream ends; a lost connection
        ends it with the reader's exception (never a reader that dies unheard)."""
        queue: asyncio.Queue[Any] = asyncio.Queue()

        async def reader() -> None:
            try:
                async for f in frames:
                    queue.put_nowait(f)
            except Exception as exc:
                queue.put_nowait(_StreamEnd(exc))
            else:
                queue.put_nowait(_StreamEnd(None))

        task = asyncio.get_running_loop().create_task(reader())
        try:
            while True:
                batch = [await queue.get()]
                while not queue.empty():
                    batch.append(queue.get_nowait())
                end = next((f for f in batch if isinstance(f, _StreamEnd)), None)
                if end is None:
                    await self._handle_frames(batch)
                    continue
                batch = batch[:batch.index(end)]
                if batch:
                    await self._handle_frames(batch)
                if end.error is not None:
                    raise end.error
                return
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def _handle_frames(self, batch: list[Any]) -> None:
        msgs: list[RelayMessage] = []
        welcome = False
        for f in batch:
            if f.kind == "message" and f.message is not None:
                msgs.append(f.message)
            elif f.kind == "welcome":
                welcome = True
            elif f.kind == "ready":
                self._set_link(True)
        async with self._lock:
            if welcome:
                await self._welcomes()
            if msgs:
                gaps = set()
                for m in msgs:
                    try:
                        ch = self.store.get_channel_by_group(m.group_id)
                    except NotFoundError:
                        gaps.add(m.group_id)
                        continue
                    contiguous = [x for x in msgs if x.group_id == m.group_id]
                    if min(x.seq for x in contiguous) > ch.cursor + 1 and ch.cursor:
                        gaps.add(m.group_id)
                ready = [m for m in msgs if m.group_id not in gaps]
                if ready:
                    res = self.engine.receive(ready)
                    self._emit(res.events)
                    await self._send_refusals()
                    if res.acks:
                        with contextlib.suppress(RelayRefused):
                            await self.transport.ack(res.acks, [])
                for gid in gaps:
                    await self._catch_up(gid)
                if any(m.sender == self.device_id for m in msgs) or welcome:
                    await self._flush_locked()
                if self._gossip or self.log.dirty:
                    with contextlib.suppress(RelayUnavailable, RelayRefused):
                        await self._resolve_gossip()  # members' log heads, at once
            self.engine.compact()


def _open_log(home: Home, store: SqliteStore, engine: Engine) -> LogVerifier:
    """The device's log view: its stored state, and the venue policy pinned in the home."""
    st = store.get_group_state(STATE_KEY)
    path = home.root / POLICY_FILE
    log = LogVerifier(engine.trust.root_der, st.state if st is not None else None,
                      path.read_bytes() if path.exists() else None)
    engine.gossip = lambda channel_id: log.gossip_for(channel_id, engine.now())
    return log


@dataclass(frozen=True, slots=True)
class _StreamEnd:
    """The push stream ended: cleanly (``error`` None) or with a lost connection."""

    error: Exception | None


DAY_SECONDS = 86400


def _chain_tag(chain: Sequence[bytes]) -> int:
    """A short digest of the device's chain: a change means a renewed certificate."""
    import hashlib

    return int.from_bytes(hashlib.sha256(b"".join(chain)).digest()[:7], "big")


def _drain_event(claimed: int, at: int,
                 claimers: tuple[tuple[str, str, int], ...]) -> KeyPackagesDraining:
    who = ", ".join(f"{d[:12]} ({m or 'unknown mission'}): {n}" for d, m, n in claimers[:5])
    return KeyPackagesDraining(
        claimed, DRAIN_WINDOW, claimers,
        f"{claimed} of this device's KeyPackages were claimed within an hour (by {who}); "
        "someone may be draining them so this device cannot be added to channels. It "
        "publishes new ones and keeps a last-resort package; tell your mission admin "
        "(`corridor device claims` lists every claim).")


def _full_message_id(ref: str | bytes) -> bytes | None:
    """``ref`` as a message id when it is a whole one (bytes or hex), else None."""
    if isinstance(ref, bytes):
        return ref if len(ref) == payloads.MESSAGE_ID_LEN else None
    if len(ref) != 2 * payloads.MESSAGE_ID_LEN:
        return None
    try:
        return bytes.fromhex(ref)
    except ValueError:
        return None


def _order_key(m: Any) -> int:
    """A stored message's relay-order key (see ``store.list_messages_ordered``)."""
    return int(m.seq) if m.seq is not None else UNSEQUENCED_BASE + int(m.position)


class _Once:
    """A value computed on first use, then kept (a channel's roster for one page)."""

    __slots__ = ("_make", "_value")

    def __init__(self, make: Callable[[], tuple[str, ...]]) -> None:
        self._make = make
        self._value: tuple[str, ...] | None = None

    def __call__(self) -> tuple[str, ...]:
        if self._value is None:
            self._value = self._make()
        return self._value


def _sent_event(out: Outbound, seq: int | None) -> MessageSent | None:
    """MessageSent for an own application message the relay numbered."""
    if out.is_commit or seq is None or not out.message_id:
        return None
    return MessageSent(out.group_id, out.message_id, int(seq))


def roster_of(client: Client, channel: str | bytes) -> Roster:
    return client.engine.roster(client.resolve_channel(channel))
