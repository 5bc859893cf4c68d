# SPDX-License-Identifier: Apache-2.0
"""The demo venue that stays alive while the app runs.

:class:`LiveDemo` is an embedded relay on 127.0.0.1 (:mod:`demo.venue` starts it) and
the other demo delegates, driven by real clients, who answer acknowledgements and reply
now and then. The app reaches it only through the opener :mod:`demo.cli` hands it, so
the desktop package never imports the relay.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import os
import random
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from client import payloads
from client.errors import ClientError, NotFoundError
from client.events import Event, MessageReceived
from client.keystore import KdfLimits
from demo import venue
from demo.venue import DEFAULT_PASSPHRASE, LayoutJson, serve_relay
from ui.adapter import ConversationAdapter

if TYPE_CHECKING:
    from collections.abc import Coroutine

    from client.core import Client
    from demo.venue import DemoLayout
    from server_stub.embedded import EmbeddedRelay

__all__ = ["DemoInfo", "LiveDemo", "demo_kdf", "free_port"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


HOTLINE_TEXT = ("Hotline: our patrol vessel reports an unidentified craft near the buoy line. "
                "Please acknowledge receipt.")
AGENDA_TITLE = "Plenary agenda (revised)"
EMERGENCY_PLACE = "Conference room B"
EMERGENCY_AGENDA = "Incident at the buoy line: consultations under item 2."
AGENDA_BODY = ("1. Adoption of the agenda\n2. Incident-prevention mechanism: report of the "
               "working group\n3. Confidence-building measures: annual exchange of "
               "information\n4. Any other business")
_CHATTER = (
    "Could we align on paragraph 4 before Thursday?",
    "We can live with the chair's text if the reference to notification stays.",
    "Noted. I will check with capital and come back to you this afternoon.",
    "Our delegation supports the proposal in principle.",
    "Coffee in the delegates' lounge after the session?",
    "The revised draft is on the table; comments by 16:00 please.",
)


@dataclass
class DemoInfo:
    data_dir: Path
    layout: LayoutJson
    user: str  # the home the app opens (the chair)
    passphrase: str

    def home(self, name: str) -> Path:
        return Path(self.layout["homes"][name]["home"])


def demo_kdf() -> KdfLimits:
    """Demo homes use libsodium's minimum Argon2id limits: their passphrase is public."""
    from client.core import fast_kdf_for_tests

    return fast_kdf_for_tests()


class LiveDemo:
    """A demo venue that stays alive while the app runs (see the module docstring).

    ``provision`` (blocking: run it off the UI thread) creates the venue the first
    time, through :mod:`demo.venue`, and seeds it: a pinned agenda notice from the
    chair, an emergency meeting the chair convenes in the notice channel ("Plenary
    notices": every mission is asked to acknowledge), a pending hotline message to the
    chair's mission in their bilateral channel, and some conversation.
    ``run_delegates`` (a coroutine on the core's loop) then drives every other demo
    delegate with a real client: they acknowledge what needs acknowledging, also what
    was waiting when they started, and reply now and then. One mission (the last)
    never answers on its own (``slow_ack_delay=None``), so the chair's tracker shows
    one mission not yet answering.
    """

    def __init__(self, data_dir: Path, *, missions: int = 4, delegates: int = 2,
                 reply_chance: float = 0.3, ack_delay: tuple[float, float] = (2.0, 6.0),
                 slow_ack_delay: float | None = None, emergency: bool = True,
                 name: str = "Corridor Demo Venue") -> None:
        self.data_dir = Path(data_dir)
        self.missions = missions
        self.delegates = delegates
        self.reply_chance = reply_chance
        self.ack_delay = ack_delay
        self.slow_ack_delay = slow_ack_delay
        self.emergency = emergency
        self.name = name  # the venue root's name (two demo venues told apart)
        self.relay: EmbeddedRelay | None = None
        self.info: DemoInfo | None = None
        self._clients: dict[str, Client] = {}
        self._tasks: list[asyncio.Task[None]] = []
        #: what run_delegates waits on: held here, so the waiting task stays reachable
        self._stop_delegates: asyncio.Event | None = None
        self._runner: asyncio.Task[object] | None = None
        self.rng = random.Random()

    @property
    def layout_path(self) -> Path:
        return self.data_dir / "layout.json"

    @property
    def ready_path(self) -> Path:
        """Written last, once the venue is seeded: a venue without it is half-made."""
        return self.data_dir / "ready"

    def exists(self) -> bool:
        return self.layout_path.exists() and self.ready_path.exists()

    def start_relay(self) -> str:
        """Start the embedded relay on a free loopback port; returns its URL."""
        self.relay = serve_relay(self.data_dir / "relay", free_port())
        self.relay.start()
        return self.relay.url

    def _remove_partial(self) -> None:
        """Remove what a failed or interrupted first start made (only the demo's own files)."""
        import shutil

        for name in ("relay", "missions", "homes"):
            shutil.rmtree(self.data_dir / name, ignore_errors=True)
        for path in (self.layout_path, self.ready_path):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def provision(self, progress: Callable[[str], None] = lambda _s: None) -> DemoInfo:
        """Create (first run) or reopen the venue, with its relay running. Blocking.

        A first start that fails leaves nothing behind (the next one starts afresh), and
        a venue an earlier start left half-made is removed and made again.
        """
        if self.exists():
            layout: LayoutJson = json.loads(self.layout_path.read_text())
            url = self.start_relay()
            info = DemoInfo(self.data_dir, layout, layout["chair"], layout_passphrase(layout))
            self.info = info
            progress("relay started on " + url)
            return info
        self._remove_partial()
        try:
            return self._create(progress)
        except BaseException:
            self.stop()
            self._remove_partial()
            raise

    def _create(self, progress: Callable[[str], None]) -> DemoInfo:
        progress("creating the venue root, missions and delegates")
        port = free_port()
        lay = venue.provision(self.data_dir, port, missions=self.missions,
                              delegates=self.delegates, strength="interactive",
                              name=self.name)
        self.relay = serve_relay(lay.relay_dir, port)
        self.relay.start()
        progress("creating channels of every kind")
        asyncio.run(_create_channels(lay))
        layout = lay.to_json()
        info = DemoInfo(self.data_dir, layout, lay.chair, lay.passphrase)
        self.info = info
        progress("posting the agenda and the hotline message")
        asyncio.run(self._seed(info))
        self.ready_path.write_text("seeded\n")
        return info

    def relay_url(self) -> str:
        assert self.relay is not None
        return self.relay.url

    def kdf(self) -> KdfLimits:
        """The keystore limits the demo homes are opened with (see :func:`demo_kdf`)."""
        return demo_kdf()

    def open_client(self, name: str) -> Client:
        from client.core import Client

        assert self.info is not None
        return Client.open(self.info.home(name), self.relay_url(),
                           passphrase=self.info.passphrase, kdf=demo_kdf())

    def channel(self, kind: str) -> str:
        assert self.info is not None
        for ch in self.info.layout["channels"]:
            if ch["kind"] == kind:
                return str(ch["channel_id"])
        raise NotFoundError(f"the demo has no {kind} channel")

    async def _seed(self, info: DemoInfo) -> None:
        ms = list(info.layout["missions"])
        chair = self.open_client(info.user)
        other_name = f"{ms[-1]}-{info.layout['homes'][info.user]['delegate']}"
        other = self.open_client(other_name)
        second_name = f"{ms[1]}-" + info.layout["missions"][ms[1]]["delegates"][0]
        # with two missions "other" and "second" are one device: one client for it (two
        # clients on one home each keep their own group state, and the one closed last
        # overwrites the other's: its next message reuses a key and is refused)
        second = other if second_name == other_name else self.open_client(second_name)
        clients = list(dict.fromkeys((chair, other, second)))
        try:
            for c in clients:
                await c.sync()
            notice = self.channel("notice")
            await chair.send_payload(notice, payloads.AgendaNotice(
                message_id=payloads.new_message_id(), sent_at=payloads.now_ms(),
                title=AGENDA_TITLE, body=AGENDA_BODY, revision=2, pinned=True))
            wg = self.channel("multilateral")
            await second.send_text(wg, "Good morning. The working group draft is attached "
                                       "to the agenda; comments welcome before the plenary.")
            await chair.send_text(wg, "Thank you. I suggest we take item 2 first.")
            await other.send_text(self.channel("bilateral"), HOTLINE_TEXT, requires_ack=True)
            cau = self.channel("caucus")
            await second.send_text(cau, "Shall we coordinate our statement on item 3?")
            await chair.send_text(cau, "Yes: I will circulate a draft within the hour.")
            if self.emergency:
                await chair.emergency_call(
                    notice, meeting_at=payloads.now_ms() + 45 * 60_000,
                    place=EMERGENCY_PLACE, agenda=EMERGENCY_AGENDA)
            for c in clients:
                await c.sync()
        finally:
            for c in clients:
                await c.close()

    # ------------------------------------------------------------------ live delegates

    async def run_delegates(self, *, names: Iterable[str] | None = None) -> None:
        """Drive the other demo delegates until cancelled (call on the core's loop)."""
        assert self.info is not None
        names = list(names) if names is not None else [
            n for n in self.info.layout["homes"] if n != self.info.user
            and self.info.layout["homes"][n]["mission"]
            != self.info.layout["homes"][self.info.user]["mission"]]
        # one delegate per mission answers; the last mission is the slow one
        by_mission: dict[str, str] = {}
        for n in names:
            by_mission.setdefault(self.info.layout["homes"][n]["mission"], n)
        slow = sorted(by_mission)[-1] if by_mission else ""
        try:
            for mission, n in sorted(by_mission.items()):
                c = await asyncio.get_running_loop().run_in_executor(None, self.open_client, n)
                self._clients[n] = c
                adapter = ConversationAdapter(c)
                c.subscribe(functools.partial(self._on_event, client=c, adapter=adapter,
                                              slow=mission == slow))
                await c.start()
                for st in c.open_acks():  # what was already waiting for this mission
                    if mission in st.pending and not st.author.startswith(mission + "/"):
                        self._spawn(self._answer_ack(
                            bytes.fromhex(st.channel_id), bytes.fromhex(st.message_id), c,
                            mission == slow))
            # Wait on an event this object holds. An ``asyncio.Event()`` made here and
            # awaited was referenced only from this coroutine's own frame: when its caller
            # dropped the task (a fire-and-forget submit), the task, the event and its
            # waiter formed a cycle nothing outside pointed to, and the next full garbage
            # collection destroyed the pending task ("Task was destroyed but it is
            # pending!"), closing every delegate: nobody acknowledged any more.
            self._runner = asyncio.current_task()
            self._stop_delegates = asyncio.Event()
            await self._stop_delegates.wait()
        finally:
            self._runner = None
            await self.close_delegates()

    def _on_event(self, e: Event, client: Client, adapter: ConversationAdapter,
                  slow: bool) -> None:
        if not isinstance(e, MessageReceived) or e.own:
            return
        if e.sender.split("/", 1)[0] == adapter.my_mission:
            return
        self._spawn(self._answer(e, client, adapter, slow))

    def _spawn(self, coro: Coroutine[object, object, None]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.append(task)
        task.add_done_callback(self._tasks.remove)

    async def _answer_ack(self, channel: bytes, message: bytes, client: Client,
                          slow: bool) -> None:
        if slow and self.slow_ack_delay is None:
            return  # this mission does not answer: the tracker shows it pending
        lo, hi = self.ack_delay
        await asyncio.sleep(self.slow_ack_delay if slow and self.slow_ack_delay is not None
                            else self.rng.uniform(lo, hi))
        with contextlib.suppress(ClientError):
            await client.ack(message, channel=channel)

    async def _answer(self, e: MessageReceived, client: Client, adapter: ConversationAdapter,
                      slow: bool) -> None:
        try:
            view = client.message(e.message_id, channel=e.channel_id)
        except ClientError:
            return  # not shown on its own (a receipt, a reaction) or unreadable
        if view.requires_ack or view.kind == "emergency":
            await self._answer_ack(e.channel_id, e.message_id, client, slow)
            return
        if view.kind in ("text", "reply") and adapter.can_post(e.channel_id) \
                and self.rng.random() < self.reply_chance:
            await asyncio.sleep(self.rng.uniform(1.5, 5.0))
            with contextlib.suppress(ClientError):
                await adapter.send_text(e.channel_id, self.rng.choice(_CHATTER))

    async def close_delegates(self) -> None:
        if self._stop_delegates is not None:
            self._stop_delegates.set()
        for t in list(self._tasks):
            t.cancel()
        clients, self._clients = self._clients, {}
        for c in clients.values():
            with contextlib.suppress(Exception):
                await c.close()

    def stop(self) -> None:
        if self.relay is not None:
            self.relay.stop()
            self.relay = None


def layout_passphrase(layout: LayoutJson) -> str:
    return str(layout.get("passphrase") or DEFAULT_PASSPHRASE)


async def _create_channels(layout: DemoLayout) -> None:
    """demo.venue.create_channels with demo KDF limits (fast to open: public passphrase)."""

    from client.core import FAST_KDF_ENV

    old = os.environ.get(FAST_KDF_ENV)
    os.environ[FAST_KDF_ENV] = "1"
    try:
        await venue.create_channels(layout)
    finally:
        if old is None:
            os.environ.pop(FAST_KDF_ENV, None)
        else:
            os.environ[FAST_KDF_ENV] = old
