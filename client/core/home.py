# SPDX-License-Identifier: Apache-2.0
"""Opening a device home: its certificates, its keystore, its encrypted store, its relay.

    home/  chain.pem root.pem device.key roles/*.pem   (from `corridor device import`)
           relay.json                                  (relay URL, written on first open)
           keystore.json secrets.key | OS keyring       (device key + store key)
           store.sqlite3                                (encrypted local store)

The device's signature key moves from the passphrase-sealed ``device.key`` into the
keystore on first open (OS keyring, or the Argon2id file when none exists).
``CORRIDOR_PASSPHRASE`` or the ``prompt`` supplies the passphrase. For tests only,
``CORRIDOR_INSECURE_FAST_KDF=1`` makes *new* key files use libsodium's minimum
Argon2id limits (never set it for a real device).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nacl.pwhash
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from client import attachments
from client.crashpoints import crash_hook_from_env
from client.engine import DeviceIdentity, Engine, EngineSettings
from client.errors import PassphraseRequiredError, UsageError
from client.keystore import (
    DEVICE_SIGNATURE_KEY,
    MODERATE,
    PASSPHRASE_ENV,
    KdfLimits,
    Keystore,
    PassphrasePrompt,
    PassphraseRequest,
    open_keystore,
)
from client.paths import Home, atomic_write, resolve_home
from client.search import SEARCH_KEY, SearchIndex
from client.store import SqliteStore, open_store
from client.transparency import POLICY_FILE, LogVerifier
from client.transport import HttpTransport, Transport
from client.trust import Trust

__all__ = ["FAST_KDF_ENV", "OpenedHome", "fast_kdf_for_tests", "open_home", "open_log"]

FAST_KDF_ENV = "CORRIDOR_INSECURE_FAST_KDF"
#: Where the revocation lists last accepted are kept, so a device that opens offline
#: still refuses what was revoked.


def fast_kdf_for_tests() -> KdfLimits:
    return KdfLimits(nacl.pwhash.argon2id.OPSLIMIT_MIN, nacl.pwhash.argon2id.MEMLIMIT_MIN)


@dataclass(frozen=True, slots=True)
class OpenedHome:
    """The parts of an opened home that a :class:`~client.core.facade.Client` runs on."""

    home: Home
    store: SqliteStore
    engine: Engine
    transport: Transport
    relay_url: str


def open_home(home: str | os.PathLike[str] | None, relay_url: str | None = None, *,
              prompt: PassphrasePrompt | None = None, passphrase: str | None = None,
              kdf: KdfLimits | None = None, transport: Transport | None = None,
              clock: Callable[[], float] = time.time) -> OpenedHome:
    """Open a device home (see the module docstring for what it must hold).

    Raises:
        UsageError: the home has no imported certificate, no device key or no relay URL.
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
    seed_bytes = _device_seed(h, keystore, prompt, passphrase)
    roles: list[bytes] = []
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
    crls = store.get_crls()
    if crls:
        trust.set_crls(crls)
    engine = Engine(store, me, trust, clock=clock, settings=EngineSettings.from_env(),
                    crash=crash_hook_from_env())
    engine.features.index = SearchIndex(keystore.get_or_create(SEARCH_KEY, 32).value)
    engine.features.on_purge = lambda _cid, mid: attachments.purge_files(h.root, mid)
    engine.sweep_expired()
    t = transport or HttpTransport(relay_url, seed_bytes, tls_root=trust_root)
    return OpenedHome(h, store, engine, t, relay_url)


def _device_seed(h: Home, keystore: Keystore, prompt: PassphrasePrompt | None,
                 passphrase: str | None) -> bytes:
    """The device's signature key seed from the keystore, adopting a legacy
    ``device.key`` first when the home is from before the keystore held it."""
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
    return seed.value


def open_log(home: Home, store: SqliteStore, engine: Engine) -> LogVerifier:
    """The device's log view: its stored state, and the venue policy pinned in the home."""
    path = home.root / POLICY_FILE
    log = LogVerifier(engine.trust.root_der, store.get_log_state(),
                      path.read_bytes() if path.exists() else None)
    engine.gossip = lambda channel_id: log.gossip_for(channel_id, engine.now())
    engine.marking_scheme = log.marking_scheme  # the venue's, from its signed policy
    return log


def _pem_certs(path: Path) -> list[bytes]:
    return [c.public_bytes(Encoding.DER) for c in x509.load_pem_x509_certificates(
        path.read_bytes())]
