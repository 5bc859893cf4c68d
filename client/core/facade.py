# SPDX-License-Identifier: Apache-2.0
"""The ``Client`` facade: one device, its home, its relay. The CLI and the desktop app use
only this (see docs/client-api.md).

It is the thin async driver around the sans-I/O :class:`client.engine.Engine`: it asks
the transport for relay data, hands it to the engine, sends what the engine produces,
and publishes the engine's events. All protocol decisions live in the engine.

The work is done by one driver per concern, each in its own module, sharing the
device's parts through this object: :mod:`~client.core.home` opens the home,
:mod:`~client.core.views` reads what the device holds, :mod:`~client.core.actions`
changes it, :mod:`~client.core.sync` runs a round with the relay (catch-up, outbox),
:mod:`~client.core.connection` stays connected (push, retries, sweep),
:mod:`~client.core.upkeep` watches the device's own health and
:mod:`~client.core.directory` the directory and its transparency log. Each public
method below hands over to the driver its section names; the driver documents it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

from client import attachments, payloads
from client.core.actions import Actions
from client.core.connection import Connection
from client.core.directory import Directory
from client.core.home import open_home, open_log
from client.core.sync import Syncer
from client.core.upkeep import DeviceStatus, Upkeep
from client.core.views import Views
from client.engine import Engine
from client.engine.sigchecks import forget_keys, start_worker
from client.events import Event, KeyPackagesDraining
from client.health import CertificateStatus, Claim, RoutingStatus
from client.keystore import KdfLimits, PassphrasePrompt
from client.model import AckStatus, ChannelInfo, DeviceInfo, MemberView, MessageView, SearchHit
from client.paths import Home
from client.policy import Roster
from client.store import SqliteStore
from client.transparency import DirectoryStatus
from client.transport import Transport
from crypto.certs.transparency import SignedTreeHead

__all__ = ["Client", "roster_of"]

log = logging.getLogger("corridor.client")


class Client:
    """One device. Create with :meth:`open`; always :meth:`close`."""

    def __init__(self, home: Home, store: SqliteStore, engine: Engine,
                 transport: Transport, relay_url: str) -> None:
        self.home = home
        self.store = store
        #: set by :meth:`close`; work still in flight then (a desk's refresh) stops
        self.closed = False
        self.engine = engine
        self.transport = transport
        self.relay_url = relay_url
        self._subscribers: list[Callable[[Event], None]] = []
        self._queues: list[asyncio.Queue[Event]] = []
        #: held while the device talks to the relay (one sync, flush or push batch)
        self.lock = asyncio.Lock()
        #: set while the push connection is up (see :attr:`link`)
        self.connected = asyncio.Event()
        self.log = open_log(home, store, engine)
        self.views = Views(self)
        self.actions = Actions(self)
        self.syncer = Syncer(self)
        self.connection = Connection(self)
        self.upkeep = Upkeep(self)
        self.directory = Directory(self)
        engine.on_gossip = self.directory.on_gossip

    # ------------------------------------------------------------------ lifecycle (home)

    @classmethod
    def open(cls, home: str | os.PathLike[str] | None, relay_url: str | None = None, *,
             prompt: PassphrasePrompt | None = None, passphrase: str | None = None,
             kdf: KdfLimits | None = None,
             transport: Transport | None = None,
             clock: Callable[[], float] = time.time) -> Client:
        """Open a device home (see :mod:`client.core.home` for what it must hold).

        Raises:
            UsageError: the home has no imported certificate, no device key or no relay
                URL.
            PassphraseRequiredError, WrongPassphraseError, KeyringUnavailableError: secrets.
        """
        h = open_home(home, relay_url, prompt=prompt, passphrase=passphrase, kdf=kdf,
                      transport=transport, clock=clock)
        return cls(h.home, h.store, h.engine, h.transport, h.relay_url)

    async def close(self) -> None:
        self.closed = True
        await self.stop()
        await self.syncer.stop_indexing()
        await self.transport.close()
        key = self.store.row_key()
        if key is not None:  # the checking child holds it for the catch-up's rows
            forget_keys(key)
        self.store.close()

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # ------------------------------------------------------------------ identity

    @property
    def device_id(self) -> str:
        return self.engine.me.device_id

    def identity(self) -> dict[str, object]:
        ident = self.engine.trust.verify_chain(self.engine.me.chain)
        return {**ident.to_json(), "device_id": self.device_id, "home": str(self.home.root),
                "relay_url": self.relay_url}

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

    def emit(self, events: Sequence[Event]) -> None:
        """Publish ``events`` to every subscriber and event iterator."""
        for e in events:
            for cb in list(self._subscribers):
                try:
                    cb(e)
                except Exception:  # a subscriber's bug must not stop the engine
                    log.exception("event subscriber failed")
            for q in self._queues:
                q.put_nowait(e)

    @property
    def link(self) -> bool | None:
        """The push connection as last reported: True up, False down (retrying), None
        not known yet (connecting, or the push loop is not running)."""
        return self.connection.link

    # ------------------------------------------------------------------ views (Views)
    def channels(self) -> list[ChannelInfo]:
        return self.views.channels()

    def members(self, channel: str | bytes) -> list[MemberView]:
        return self.views.members(channel)

    def resolve_channel(self, ref: str | bytes) -> bytes:
        return self.views.resolve_channel(ref)

    def resolve_message(self, ref: str | bytes,
                        channel: str | bytes | None = None) -> tuple[bytes, bytes]:
        return self.views.resolve_message(ref, channel)

    def messages(self, channel: str | bytes, *, limit: int = 50,
                 before: int | None = None) -> list[MessageView]:
        return self.views.messages(channel, limit=limit, before=before)

    def message(self, ref: str | bytes, *,
                channel: str | bytes | None = None) -> MessageView:
        return self.views.message(ref, channel=channel)

    def has_older(self, channel: str | bytes, before: int) -> bool:
        return self.views.has_older(channel, before)

    def high_water(self, channel: str | bytes) -> int:
        return self.views.high_water(channel)

    def newer(self, channel: str | bytes, after: int, *,
              limit: int = 200) -> tuple[list[MessageView], int, bool]:
        return self.views.newer(channel, after, limit=limit)

    def unread_count(self, channel: str | bytes, after: int, *, cap: int = 999) -> int:
        return self.views.unread_count(channel, after, cap=cap)

    def ack_status(self, message: str | bytes, *,
                   channel: str | bytes | None = None) -> AckStatus:
        return self.views.ack_status(message, channel=channel)

    def open_acks(self, channel: str | bytes | None = None, *,
                  only_pending: bool = True) -> list[AckStatus]:
        return self.views.open_acks(channel, only_pending=only_pending)

    def asks_ack(self, channel: str | bytes, message_id: bytes) -> bool:
        return self.views.asks_ack(channel, message_id)

    def muted_channels(self) -> frozenset[str]:
        """Channels (hex ids) muted on this device (:mod:`client.mute`)."""
        from client.mute import muted

        return muted(self.store)

    def set_muted(self, channel: str | bytes, on: bool = True) -> bool:
        """Mute or unmute a channel's notifications; False when it already was."""
        from client.mute import set_muted

        return set_muted(self.store, self.resolve_channel(channel).hex(), on)

    def pinned_notice(self, channel: str | bytes) -> MessageView | None:
        return self.views.pinned_notice(channel)

    def timer(self, channel: str | bytes) -> tuple[int | None, str]:
        return self.views.timer(channel)

    def search(self, query: str, *, channel: str | bytes | None = None,
               limit: int = 50) -> list[SearchHit]:
        return self.views.search(query, channel=channel, limit=limit)

    # ------------------------------------------------------------------ actions (Actions)
    async def create_channel(self, kind: str, name: str, missions: Sequence[str],
                             ceiling: str = "") -> str:
        return await self.actions.create_channel(kind, name, missions, ceiling)

    async def change_roster(self, channel: str | bytes, *, add_missions: Sequence[str] = (),
                            remove_missions: Sequence[str] = (),
                            name: str | None = None) -> None:
        await self.actions.change_roster(channel, add_missions=add_missions,
                                         remove_missions=remove_missions, name=name)

    async def leave(self, channel: str | bytes) -> bool:
        return await self.actions.leave(channel)

    async def send_text(self, channel: str | bytes, text: str, *,
                        requires_ack: bool = False, reply_to: str | bytes | None = None,
                        marking: str = "") -> str:
        return await self.actions.send_text(channel, text, requires_ack=requires_ack,
                                            reply_to=reply_to, marking=marking)

    async def send_payload(self, channel: str | bytes, payload: payloads.Payload, *,
                           _check_policy: bool = True) -> str:
        return await self.actions.send_payload(channel, payload, _check_policy=_check_policy)

    async def edit(self, message: str | bytes, text: str, *,
                   channel: str | bytes | None = None) -> str:
        return await self.actions.edit(message, text, channel=channel)

    async def redact(self, message: str | bytes, *, channel: str | bytes | None = None) -> str:
        return await self.actions.redact(message, channel=channel)

    async def react(self, message: str | bytes, emoji: str, *, remove: bool = False,
                    channel: str | bytes | None = None) -> str:
        return await self.actions.react(message, emoji, remove=remove, channel=channel)

    async def ack(self, message: str | bytes, *, channel: str | bytes | None = None) -> str:
        return await self.actions.ack(message, channel=channel)

    async def mark_read(self, channel: str | bytes,
                        message_ids: Sequence[str | bytes] | None = None) -> str | None:
        return await self.actions.mark_read(channel, message_ids)

    async def send_attachment(self, channel: str | bytes, path: str | os.PathLike[str], *,
                              caption: str = "", requires_ack: bool = False,
                              mime_type: str | None = None, marking: str = "") -> str:
        return await self.actions.send_attachment(channel, path, caption=caption,
                                                  requires_ack=requires_ack, mime_type=mime_type,
                                                  marking=marking)

    async def upload_attachment(self, channel: str | bytes, path: str | os.PathLike[str], *,
                                mime_type: str | None = None) -> attachments.Uploaded:
        return await self.actions.upload_attachment(channel, path, mime_type=mime_type)

    async def send_uploaded(self, uploaded: attachments.Uploaded, *, caption: str = "",
                            requires_ack: bool = False, marking: str = "") -> str:
        return await self.actions.send_uploaded(uploaded, caption=caption,
                                                requires_ack=requires_ack, marking=marking)

    async def fetch_attachment(self, message: str | bytes, *,
                               channel: str | bytes | None = None) -> bytes:
        return await self.actions.fetch_attachment(message, channel=channel)

    async def save_attachment(self, message: str | bytes, dest: str | os.PathLike[str] | None
                              = None, *, channel: str | bytes | None = None) -> Path:
        return await self.actions.save_attachment(message, dest, channel=channel)

    async def set_timer(self, channel: str | bytes, seconds: int | None) -> str:
        return await self.actions.set_timer(channel, seconds)

    async def emergency_call(self, channel: str | bytes, *, meeting_at: int, place: str = "",
                             link: str = "", agenda: str = "") -> str:
        return await self.actions.emergency_call(channel, meeting_at=meeting_at, place=place,
                                                 link=link, agenda=agenda)

    async def post_agenda(self, channel: str | bytes, title: str, body: str = "", *,
                          pinned: bool = True, requires_ack: bool = False) -> str:
        return await self.actions.post_agenda(channel, title, body, pinned=pinned,
                                              requires_ack=requires_ack)

    async def retry_message(self, ref: str | bytes, *,
                            channel: str | bytes | None = None) -> None:
        await self.actions.retry_message(ref, channel=channel)

    def discard_message(self, ref: str | bytes, *, channel: str | bytes | None = None) -> None:
        self.actions.discard_message(ref, channel=channel)

    # ------------------------------------------------------------------ sync (Syncer)
    async def sync(self) -> list[Event]:
        return await self.syncer.sync()

    async def flush(self) -> None:
        await self.syncer.flush()

    async def deliver_held(self) -> None:
        await self.syncer.deliver_held()

    def sweep_expired(self) -> list[Event]:
        return self.syncer.sweep_expired()

    def pending_sends(self) -> int:
        return self.syncer.pending_sends()

    # ------------------------------------------------------------------ connection (Connection)
    async def start(self) -> None:
        # a long-running device: the signature-checking process starts now, so the
        # first catch-up has it from its first batch (client.engine.sigchecks)
        start_worker()
        await self.connection.start()

    async def stop(self) -> None:
        await self.connection.stop()

    # ------------------------------------------------------------------ upkeep (Upkeep)
    def status(self) -> DeviceStatus:  # JSON: `corridor status`
        return self.upkeep.status()

    def certificate_status(self) -> CertificateStatus:
        return self.upkeep.certificate_status()

    def routing_status(self, channel: str | bytes) -> RoutingStatus:
        return self.upkeep.routing_status(channel)

    async def key_package_claims(self, since: int = 0) -> list[Claim]:
        return await self.upkeep.key_package_claims(since)

    def key_package_warning(self) -> KeyPackagesDraining | None:
        return self.upkeep.key_package_warning()

    # ------------------------------------------------------------------ directory (Directory)
    async def devices(self) -> list[DeviceInfo]:
        return await self.directory.devices()

    async def remove_device(self, device: str) -> DeviceInfo:
        return await self.directory.remove_device(device)

    async def refresh_crls(self) -> None:
        await self.directory.refresh_crls()

    async def publish_crl(self, crl_der: bytes) -> list[str]:
        return await self.directory.publish_crl(crl_der)

    def directory_status(self, channel: str | bytes) -> DirectoryStatus:
        return self.directory.directory_status(channel)

    async def verified_log(self) -> tuple[SignedTreeHead, list[bytes]]:
        return await self.directory.verified_log()


def roster_of(client: Client, channel: str | bytes) -> Roster:
    return client.engine.roster(client.resolve_channel(channel))
