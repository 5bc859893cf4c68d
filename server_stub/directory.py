# SPDX-License-Identifier: Apache-2.0
"""The venue directory on the relay: certified device chains and CRLs.

Clients must find every certified device of a mission (mission-level membership adds
all of them) and every revocation; the relay is where they look. Nothing here is
trusted by clients: they verify every chain and CRL themselves against the venue root
they pinned (``crypto.certs``). The relay checks too, for its own reasons:

* a chain enters the directory only when its device registers and the chain verifies
  (:class:`~server_stub.admission.CertificateAdmission`);
* a CRL is stored only when it parses and verifies under its issuer: the venue root,
  or a mission whose certificate the directory holds, and only if its CRL number is
  higher than the stored one;
* storing a CRL re-checks every recorded chain; devices that no longer verify are
  revoked in the relay's device table at once; the storage's revocation event makes
  every relay process on the store drop their cached authentication and open sockets
  (:class:`~server_stub.hub.Hub`), so a recalled device loses access immediately.

Records (``directory`` table): kind ``device`` (key = device id, scope = mission id,
value = msgpack list of DER, leaf first) and kind ``crl`` (key = SHA-256 of the
issuer's DER-encoded name, value = DER). Each is appended to the transparency log
(:mod:`server_stub.transparency`) in the same transaction. Kind ``retired`` (key =
device id, scope = mission id, value = msgpack ``[by device id, signature]``): a
delegate removed one of its own devices (a lost laptop) from another of its devices;
the device is revoked in the device table at once (no login, no socket, no KeyPackage
handed out) and members, who check the signature themselves, remove it from their
channels (:func:`crypto.corridor.charter.retire_proven`).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import msgspec
from cryptography import x509

from crypto import certs
from crypto.corridor.charter import Ident, ident_of_certificate, retire_proven
from crypto.errors import CryptoError
from crypto.suites import get_suite

from .errors import CertificateExpired, Unauthorized
from .storage.base import Storage
from .transparency import chain_pairs, crl_pairs

__all__ = ["CrlRefused", "RetireRefused", "VenueDirectory"]

log = logging.getLogger("corridor.relay.directory")
_chain_codec = msgspec.msgpack.Decoder(list[bytes])
_enc = msgspec.msgpack.Encoder()
_retire_codec = msgspec.msgpack.Decoder(tuple[str, bytes])
#: Ed25519 (suites 1 and 3): the device keys' signature scheme
_SUITE = get_suite(1)


class CrlRefused(Exception):
    """The CRL does not parse, is not from a known issuer, or is not newer."""


class RetireRefused(Exception):
    """Not a device of the same delegate, a bad signature, or the device itself."""


class VenueDirectory:
    """Device chains and CRLs of one venue, over the relay's storage."""

    def __init__(
        self, storage: Storage, root_der: bytes,
        on_revoked: Callable[[Sequence[str]], None] | None = None,
    ) -> None:
        self.storage = storage
        self.root_der = root_der
        self.root_name = x509.load_der_x509_certificate(root_der).subject
        self.on_revoked = on_revoked

    async def crls(self) -> list[bytes]:
        return [v for _k, _s, v in await self.storage.directory_entries("crl")]

    async def verifier(self, now: int) -> certs.ChainVerifier:
        return certs.ChainVerifier(
            self.root_der, now=datetime.fromtimestamp(now, UTC), crls=await self.crls()
        )

    async def record_device(
        self, device_id: str, mission_id: str, chain: Sequence[bytes], now: int,
        not_after: int = 1,
    ) -> bool:
        """Store a verified chain; a device's chain is replaced only by one that expires
        later (a renewal; ``not_after`` is the version), never by an older one."""
        return await self.storage.put_directory_entry(
            "device", device_id, mission_id, _enc.encode(list(chain)), not_after, now,
            log=chain_pairs(chain))

    async def device_chain(self, device_id: str) -> list[bytes] | None:
        entry = await self.storage.directory_entry("device", device_id)
        return None if entry is None else _chain_codec.decode(entry[1])

    async def valid_until(self, device_id: str, now: int) -> int:
        """When the device's recorded chain stops verifying (its earliest ``notAfter``,
        the root's included), checked now under the stored CRLs.

        Raises:
            CertificateExpired: the chain has expired (device, mission or root).
            Unauthorized: no chain recorded, or the chain no longer verifies.
        """
        chain = await self.device_chain(device_id)
        if chain is None:
            raise Unauthorized("no certificate recorded for this device")
        try:
            ident = (await self.verifier(now)).verify(chain)
        except certs.ExpiredError:
            raise CertificateExpired(
                "this device's certificate (or its mission's) has expired: renew it and "
                "register the renewed chain") from None
        except CryptoError as exc:
            raise Unauthorized(f"certificate chain refused: {type(exc).__name__}") from None
        root_end = x509.load_der_x509_certificate(self.root_der).not_valid_after_utc
        return int(min(ident.not_after, root_end).timestamp())

    async def devices(self, mission_id: str | None) -> list[tuple[str, str, list[bytes]]]:
        """``(device_id, mission_id, chain)``, optionally of one mission."""
        out = []
        for key, scope, value in await self.storage.directory_entries("device", mission_id):
            out.append((key, scope, _chain_codec.decode(value)))
        return out

    async def _issuer_key(self, name: x509.Name) -> bytes | None:
        if name == self.root_name:
            return self.root_der
        for _dev, _mission, chain in await self.devices(None):
            if len(chain) >= 2:
                mission = x509.load_der_x509_certificate(chain[1])
                if mission.subject == name:
                    return chain[1]
        return None

    async def publish_crl(self, der: bytes, now: int) -> list[str]:
        """Verify and store a CRL; returns the device ids it newly revoked.

        Raises:
            CrlRefused: unparseable, unknown issuer, bad signature, or not newer.
        """
        try:
            crl = x509.load_der_x509_crl(der)
            number = certs.crl_number(der)
        except (ValueError, CryptoError):
            raise CrlRefused("not a DER CRL") from None
        issuer_der = await self._issuer_key(crl.issuer)
        if issuer_der is None:
            raise CrlRefused("the CRL's issuer is neither the venue root nor a known mission")
        issuer = x509.load_der_x509_certificate(issuer_der)
        try:
            ok = crl.is_signature_valid(issuer.public_key())  # type: ignore[arg-type]
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise CrlRefused("the CRL is not signed by its issuer")
        try:  # the same parse the clients will run: refuse what they would refuse
            certs.ChainVerifier(self.root_der, now=datetime.fromtimestamp(now, UTC), crls=[der])
        except CryptoError as exc:
            raise CrlRefused(f"CRL refused: {type(exc).__name__}") from None
        key = hashlib.sha256(crl.issuer.public_bytes()).hexdigest()
        if not await self.storage.put_directory_entry("crl", key, "", der, number, now,
                                                      log=crl_pairs(der)):
            raise CrlRefused("a CRL of this issuer with the same or a higher number is stored")
        return await self._apply_revocations(now)

    async def _apply_revocations(self, now: int) -> list[str]:
        verifier = await self.verifier(now)
        revoked = []
        for device_id, _mission, chain in await self.devices(None):
            try:
                verifier.verify(chain)
            except certs.RevokedError:
                if await self.storage.revoke_device(device_id, now):
                    revoked.append(device_id)
            except CryptoError:
                continue  # expired and the like: login refusal is the token's business
        if revoked:
            log.info("revoked %d device(s) by CRL", len(revoked))
            if self.on_revoked is not None:
                self.on_revoked(revoked)
        return revoked

    async def retire(self, by: str, device_id: str, signature: bytes, now: int) -> bool:
        """``by`` removes ``device_id``, another device of the same delegate; returns
        False if it was removed already.

        Raises:
            RetireRefused: the device itself, an unknown device, chains that do not
                name the same (mission, delegate), or a signature that does not verify.
        """
        if by == device_id:
            raise RetireRefused("a device cannot remove itself (leave the venue instead)")
        mine, theirs = await self.device_chain(by), await self.device_chain(device_id)
        if mine is None or theirs is None:
            raise RetireRefused("no such device in the directory")
        verifier = await self.verifier(now)
        try:
            me = verifier.verify(mine)
        except CryptoError as exc:
            raise RetireRefused(f"this device's chain is refused: {type(exc).__name__}") \
                from None
        try:  # read, not verified: a revoked or expired device may be removed too
            target: Ident | None = ident_of_certificate(theirs[0])
        except CryptoError:
            target = None
        if target is None or (target.mission_id, target.delegate_id) != (
                me.mission_id, me.delegate_id):
            raise RetireRefused("only a device of the same delegate may remove a device")
        if not retire_proven(_SUITE, bytes.fromhex(by), bytes.fromhex(device_id), signature):
            raise RetireRefused("the removal is not signed by the removing device")
        stored = await self.storage.put_directory_entry(
            "retired", device_id, me.mission_id, _enc.encode((by, signature)), 1, now)
        if await self.storage.revoke_device(device_id, now):
            log.info("device %s removed by its delegate", device_id[:12])
            if self.on_revoked is not None:
                self.on_revoked([device_id])
        return stored

    async def retired(self, mission_id: str | None) -> list[tuple[str, str, bytes]]:
        """``(device id, by device id, signature)`` of the removed devices."""
        out = []
        for key, _scope, value in await self.storage.directory_entries("retired", mission_id):
            by, sig = _retire_codec.decode(value)
            out.append((key, by, sig))
        return out
