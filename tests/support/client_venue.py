# SPDX-License-Identifier: Apache-2.0
"""A provisioned demo venue with a REAL relay process on loopback, and its clients.

Client integration tests, the UI's connection tests and the log-hygiene test all need
one; the fixtures that start and stop it stay in the ``conftest.py`` files.
"""

from __future__ import annotations

from pathlib import Path

from client.core import Client
from demo.venue import DemoLayout, provision

from .faulty_relay import FAULT_ENV
from .relay_process import RelayProcess, free_port

__all__ = ["UNLIMITED_RELAY", "Venue", "bilateral_pair", "no_keyring", "small_venue",
           "start_venue"]

#: A relay's rate limits lifted, for benchmarks (they are not about rate limiting).
UNLIMITED_RELAY = {"CORRIDOR_RELAY_RATE_PER_SECOND": "100000",
                   "CORRIDOR_RELAY_RATE_BURST": "100000",
                   "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "6000"}


class Venue:
    """A provisioned demo venue plus its running relay and opened clients."""

    def __init__(self, layout: DemoLayout, relay: RelayProcess) -> None:
        self.layout = layout
        self.relay = relay
        self.clients: dict[str, Client] = {}

    def client(self, name: str) -> Client:
        c = self.clients.get(name)
        if c is None:
            c = Client.open(self.layout.home(name), self.layout.relay_url,
                            passphrase=self.layout.passphrase)
            self.clients[name] = c
        return c

    async def close(self, name: str | None = None) -> None:
        for n in [name] if name else list(self.clients):
            c = self.clients.pop(n, None)
            if c is not None:
                await c.close()

    async def sync_all(self, rounds: int = 2) -> None:
        for _ in range(rounds):
            for c in list(self.clients.values()):
                await c.sync()


def no_keyring() -> None:
    """Devices here use the passphrase file: a keyring another test installed globally
    (a fake, perhaps locked) must not leak into them."""
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())


def start_venue(tmp: Path, database: str | None = None, missions: int = 3) -> Venue:
    """``missions`` missions of two delegates each, the relay on SQLite or ``database``."""
    no_keyring()
    port = free_port()
    layout = provision(tmp, port, missions=missions, delegates=2)
    relay = RelayProcess(layout.relay_dir, database=database, port=port, env={
        "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "6000"}).start()
    return Venue(layout, relay)


def small_venue(tmp: Path, *, faulty: bool = False, env: dict[str, str] | None = None
                ) -> tuple[Venue, Path]:
    """Two missions with one delegate each; optionally the relay with a fault switch
    (:mod:`tests.support.faulty_relay`, armed by the returned flag file)."""
    no_keyring()
    port = free_port()
    layout = provision(tmp, port, missions=2, delegates=1)
    flag = tmp / "fault"
    relay = RelayProcess(layout.relay_dir, port=port, env={
        "CORRIDOR_RELAY_REGISTER_RATE_PER_MINUTE": "6000", FAULT_ENV: str(flag),
        **(env or {})}, module="tests.support.faulty_relay" if faulty else "server_stub.cli")
    return Venue(layout, relay.start()), flag


async def bilateral(v: Venue, a: str, b: str, name: str) -> tuple[Client, Client, str]:
    """Delegates ``a`` and ``b`` of venue ``v`` (of two missions), synced, and a
    bilateral channel ``a`` opened with ``b``'s mission, synced on both."""
    await v.sync_all(1)
    ca, cb = v.client(a), v.client(b)
    other = v.layout.homes[b]["mission"]
    cid = await ca.create_channel("bilateral", name, [other])
    await v.sync_all()
    return ca, cb, cid


async def bilateral_pair(layout: DemoLayout) -> tuple[Client, Client, str]:
    """The first two delegates of ``layout`` (two missions, one delegate each), synced,
    and a bilateral channel the first opened with the second: the benchmarks' set-up."""
    names = list(layout.homes)
    a = Client.open(layout.home(names[0]), layout.relay_url, passphrase=layout.passphrase)
    b = Client.open(layout.home(names[1]), layout.relay_url, passphrase=layout.passphrase)
    await a.sync()
    await b.sync()
    cid = await a.create_channel("bilateral", "bench", [layout.homes[names[1]]["mission"]])
    await b.sync()
    return a, b, cid
