# SPDX-License-Identifier: Apache-2.0
"""The relay's rules, free of HTTP: authentication, admission, routing, limits.

Auth (no passwords)::

    client                                   relay
      POST /v1/auth/challenge {public_key, purpose} ->
                                     <- {nonce, expires_at}   nonce = rand16|exp8|mac16
      sign(b"corridor-relay/v1 challenge\\0" + purpose + b"\\0" + nonce)  (Ed25519)
      POST /v1/devices {.., signature, certificate_chain}  (register: chain to the venue root)
      POST /v1/auth/token {public_key, nonce, signature}  -> {token, expires_at}
      Authorization: Bearer <token>   on every other request and the WebSocket

Nonces and tokens are MACed with a secret shared through the store, so any relay
process can check what another issued; each nonce is spent once (recorded in the store).
The client builds the signed bytes itself and never signs relay-supplied text.

Certificates end access (THREATS 24): login re-verifies the device's recorded chain at
the relay's clock (expired or revoked: refused), a token expires at the earliest
``notAfter`` of that chain if that comes before its TTL, and the cached standing of a
device carries the same bound. A renewed chain (same key, later ``notAfter``) replaces
the recorded one through ``POST /v1/devices``.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from crypto.errors import DecodeError

from .admission import Admission, RegistrationRequest
from .authority import CommitAuthority, read_chain
from .errors import (
    BadRequest,
    CommitRefused,
    Conflict,
    Forbidden,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
)
from .hub import Hub
from .mls_header import PRIVATE_MESSAGE, PROPOSAL, PUBLIC_MESSAGE, parse_group_message
from .ratelimit import RateLimiter
from .settings import Settings
from .storage.base import ClaimRecord, PostOutcome, RefusalOutcome, Storage

if TYPE_CHECKING:
    from .directory import VenueDirectory

__all__ = ["CHALLENGE_CONTEXT", "Relay", "challenge_message", "decode_group_id",
           "routing_digest"]

log = logging.getLogger("corridor.relay")
CHALLENGE_CONTEXT = b"corridor-relay/v1 challenge\x00"
MAX_TIME = 2**63 - 1
TOKEN_PREFIX = "cr1."  # noqa: S105 - a format marker, not a secret
_MAC = 16


def challenge_message(purpose: str, nonce: bytes) -> bytes:
    """The exact bytes a device signs to answer a challenge."""
    return CHALLENGE_CONTEXT + purpose.encode() + b"\x00" + nonce


def routing_digest(device_ids: Sequence[str]) -> str:
    """SHA-256 (hex) of the sorted device ids, each followed by a newline: what a client
    compares with the same digest of its MLS roster (``GET /v1/groups``)."""
    return hashlib.sha256("".join(d + "\n" for d in sorted(device_ids)).encode()).hexdigest()


@functools.lru_cache(maxsize=1024)
def decode_group_id(text: str) -> bytes:
    """Unpadded base64url (as in URLs and bodies) to the raw MLS group id. Cached: a
    device sends to few groups, and every pipelined frame names one (a refusal is an
    exception, never cached)."""
    if not 2 <= len(text) <= 342 or len(text) % 4 == 1:
        raise BadRequest("group_id must be unpadded base64url of 1..256 bytes")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise BadRequest("group_id must be unpadded base64url") from None
    if not raw or base64.urlsafe_b64encode(raw).rstrip(b"=").decode() != text:
        raise BadRequest("group_id must be canonical unpadded base64url")
    return raw


class Relay:
    """One relay process's logic over a shared store."""

    def __init__(
        self, settings: Settings, storage: Storage, admission: Admission,
        clock: Callable[[], float] = time.time, directory: VenueDirectory | None = None,
        root_der: bytes | None = None,
    ) -> None:
        self.settings = settings
        self.storage = storage
        self.admission = admission
        #: The venue directory (certified chains); None only with a custom admission,
        #: and then tokens are bounded by their TTL alone.
        self.directory = directory
        #: verifies new groups and commits against the venue root (none: no groups)
        self.authority = CommitAuthority(root_der) if root_der is not None else None
        self.clock = clock
        self.hub = Hub(storage)
        self._secret = b""
        s = settings
        self.rate = RateLimiter(s.rate_per_second, s.rate_burst)
        self.claim_rate = RateLimiter(s.claim_rate_per_minute / 60, s.claim_rate_per_minute)
        self.claim_target_rate = RateLimiter(
            s.claim_target_per_minute / 60, s.claim_target_per_minute
        )
        self.claim_pair_rate = RateLimiter(
            s.claim_pair_per_hour / 3600, s.claim_pair_per_hour
        )
        self.register_rate = RateLimiter(
            s.register_rate_per_minute / 60, s.register_rate_per_minute
        )
        self._device_ok: dict[str, tuple[float, int]] = {}  # (checked at, valid until)
        self.hub.on_revoked = self.forget_devices

    def now(self) -> int:
        return int(self.clock())

    async def start(self) -> None:
        await self.storage.open(self.hub.on_events)
        self._secret = await self.storage.relay_secret()
        self.hub.start()

    async def stop(self) -> None:
        await self.hub.stop()
        await self.storage.close()

    def _mac(self, *parts: bytes) -> bytes:
        h = hmac.new(self._secret, digestmod=hashlib.sha256)
        for p in parts:
            h.update(len(p).to_bytes(4, "big") + p)
        return h.digest()[:_MAC]

    # -- challenges and tokens ------------------------------------------------------------
    def challenge(self, public_key: bytes, purpose: str, source: str) -> tuple[bytes, int]:
        self.register_rate.take(source)
        rand = secrets.token_bytes(16)
        exp = self.now() + self.settings.challenge_ttl
        e = exp.to_bytes(8, "big")
        return rand + e + self._mac(b"challenge", purpose.encode(), public_key, rand, e), exp

    async def _check_challenge(
        self, public_key: bytes, purpose: str, nonce: bytes, signature: bytes
    ) -> None:
        if len(nonce) != 16 + 8 + _MAC:
            raise Unauthorized("invalid challenge")
        rand, e, mac = nonce[:16], nonce[16:24], nonce[24:]
        good = self._mac(b"challenge", purpose.encode(), public_key, rand, e)
        if not hmac.compare_digest(mac, good):
            raise Unauthorized("invalid challenge")
        exp = int.from_bytes(e, "big")
        if exp < self.now():
            raise Unauthorized("challenge expired")
        try:
            VerifyKey(public_key).verify(challenge_message(purpose, nonce), signature)
        except (BadSignatureError, ValueError, TypeError):
            raise Unauthorized("bad signature") from None
        if not await self.storage.consume_nonce(hashlib.sha256(nonce).digest(), exp):
            raise Unauthorized("challenge already used")

    async def register(
        self, public_key: bytes, nonce: bytes, signature: bytes,
        chain: tuple[bytes, ...], source: str,
    ) -> tuple[str, bool]:
        """Register a device, or record the renewed chain of a registered one.

        Returns ``(device_id, created)``. A registered device may present a chain for
        the same key that verifies now and expires later than the recorded one (its
        renewal); anything else for a registered key is a Conflict.
        """
        self.register_rate.take(source)
        device_id = public_key.hex()
        existing = await self.storage.get_device(device_id)
        if existing is not None and (existing.revoked or self.directory is None):
            raise Conflict("device already registered")
        await self._check_challenge(public_key, "register", nonce, signature)
        decision = await self.admission.decide(RegistrationRequest(
            public_key=public_key, certificate_chain=chain, now=self.now(),
        ))
        if decision.conflict and existing is not None:
            raise Conflict("device already registered (with a chain valid as long)")
        if not decision.accepted and not decision.conflict:
            log.info("registration refused: %s", decision.reason)
            raise Forbidden(f"registration refused: {decision.reason}")
        if existing is not None:
            self.forget_devices([device_id])
            log.info("device certificate renewed %s", device_id[:12])
            return device_id, False
        if not await self.storage.register_device(device_id, public_key, self.now()):
            raise Conflict("device already registered")
        log.info("device registered %s", device_id[:12])
        return device_id, True

    async def login(
        self, public_key: bytes, nonce: bytes, signature: bytes, source: str
    ) -> tuple[str, str, int]:
        self.register_rate.take(source)
        device_id = public_key.hex()
        dev = await self.storage.get_device(device_id)
        if dev is None or dev.revoked:
            raise Unauthorized("unknown or revoked device")
        await self._check_challenge(public_key, "login", nonce, signature)
        exp = self.now() + self.settings.token_ttl
        if self.directory is not None:  # a token never outlives the certificate
            exp = min(exp, await self.directory.valid_until(device_id, self.now()))
        body = public_key + exp.to_bytes(8, "big")
        token = TOKEN_PREFIX + base64.urlsafe_b64encode(body + self._mac(b"token", body)).decode()
        return device_id, token, exp

    async def authenticate(self, authorization: str | None) -> str:
        """Bearer token to device id; raises Unauthorized (CertificateExpired).

        A device's standing (not revoked, chain valid until) is cached for 30 s, and
        never past the chain's end; a revocation (through any relay process on the
        store) clears it at once (:meth:`forget_devices`, from the hub)."""
        if not authorization or not authorization.startswith("Bearer "):
            raise Unauthorized("missing bearer token")
        token = authorization[7:].strip()
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            raise Unauthorized("invalid token")
        try:
            raw = base64.urlsafe_b64decode(token[len(TOKEN_PREFIX):])
        except (binascii.Error, ValueError):
            raise Unauthorized("invalid token") from None
        if len(raw) != 32 + 8 + _MAC:
            raise Unauthorized("invalid token")
        body, mac = raw[:40], raw[40:]
        if not hmac.compare_digest(mac, self._mac(b"token", body)):
            raise Unauthorized("invalid token")
        if int.from_bytes(body[32:40], "big") < self.now():
            raise Unauthorized("token expired")
        device_id = body[:32].hex()
        cached = self._device_ok.get(device_id)
        now = time.monotonic()
        if cached is None or now - cached[0] > 30 or self.now() >= cached[1]:
            self._device_ok.pop(device_id, None)
            dev = await self.storage.get_device(device_id)
            if dev is None or dev.revoked:
                raise Unauthorized("unknown or revoked device")
            until = MAX_TIME if self.directory is None else \
                await self.directory.valid_until(device_id, self.now())
            if len(self._device_ok) > 100_000:
                self._device_ok.clear()
            self._device_ok[device_id] = (now, until)
        self.rate.take(device_id)
        return device_id

    def forget_devices(self, device_ids: Sequence[str]) -> None:
        """Drop cached authentication: the next request re-reads the device's standing."""
        for d in device_ids:
            self._device_ok.pop(d, None)

    def token_expiry(self, authorization: str) -> int:
        raw = base64.urlsafe_b64decode(authorization[7:].strip()[len(TOKEN_PREFIX):])
        return int.from_bytes(raw[32:40], "big")

    # -- KeyPackages ---------------------------------------------------------------------
    async def publish_key_packages(
        self, device_id: str, packages: list[bytes], last_resort: bytes | None
    ) -> int:
        cap = self.settings.max_message_bytes
        if any(len(p) > cap for p in packages) or (last_resort and len(last_resort) > cap):
            raise PayloadTooLarge("KeyPackage too large")
        return await self.storage.publish_key_packages(
            device_id, packages, last_resort, self.now(), self.settings.max_key_packages
        )

    async def claim_key_package(self, claimer: str, target: str) -> tuple[bytes, bool]:
        """Hand out one of ``target``'s packages, recording who claimed it (THREATS 25).

        Limits, per relay process: per claimer, per claimer-target pair (so one device
        cannot drain another's packages, and the pair's refusal leaves the target's
        budget to other claimers), then per target. The last-resort package is served
        when no one-time package is left and is never consumed.
        """
        self.claim_rate.take(claimer)
        self.claim_pair_rate.take(f"{claimer}>{target}")
        self.claim_target_rate.take(target)
        dev = await self.storage.get_device(target)
        if dev is not None and dev.revoked:  # revoked, or removed by its delegate
            raise NotFound("this device has been removed or revoked")
        got = await self.storage.claim_key_package(target, claimer, self.now())
        if got is None:
            raise NotFound("no KeyPackage available for this device")
        return got

    async def routing(self, device_id: str) -> list[tuple[bytes, int, int, str]]:
        """``(group id, last seq, routed devices, routing digest)`` of every group routed
        to ``device_id`` now: one request lets a client compare all its channels."""
        out = []
        for gid, row in await self.storage.memberships(device_id):
            if row.left_seq is not None:
                continue
            try:
                last, members = await self.storage.group_view(gid, device_id)
            except NotFound:
                continue  # left meanwhile
            out.append((gid, last, len(members), routing_digest(members)))
        return out

    async def key_package_claims(self, device_id: str, since: int) -> list[ClaimRecord]:
        """Claims of the packages of every device of ``device_id``'s mission (its own
        alone without a directory). Missions see who claimed from them; nobody else's."""
        targets = [device_id]
        if self.directory is not None:
            entry = await self.storage.directory_entry("device", device_id)
            if entry is not None:
                targets = [d for d, _m, _c in await self.directory.devices(entry[0])]
        return await self.storage.key_package_claims(targets, since)

    # -- groups and delivery ------------------------------------------------------------------
    async def create_group(self, device_id: str, group_id: bytes, group_info: bytes) -> None:
        """A new group routed to its creator, from the creator's verified GroupInfo
        (with the ratchet tree): the public state every later commit is checked against."""
        if self.authority is None:
            raise CommitRefused("this relay has no venue root: it cannot verify groups")
        if len(group_info) > self.settings.max_message_bytes:
            raise PayloadTooLarge("GroupInfo too large")
        crls = [v for _k, _s, v in await self.storage.directory_entries("crl")]
        state = self.authority.creation(group_info, creator=device_id, crls=crls,
                                        now=self.now())
        if state.group.group_id != group_id:
            raise BadRequest("the GroupInfo is for another group id")
        await self.storage.create_group(group_id, device_id, self.now(), state.to_bytes(),
                                        len(set(state.charter.missions)))
        self.authority.remember(group_id, 0, state)

    async def post(
        self, device_id: str, group_id: bytes, client_msg_id: str, message: bytes,
        welcome: bytes | None, welcome_to: list[str],
    ) -> PostOutcome:
        """Validate, then append durably. Returns once committed.

        Application messages are PrivateMessages; commits are PublicMessages, verified
        (inside the storage transaction) against the group's public state and charter;
        routing changes only by what a verified commit adds and removes. Nothing awaits
        before the storage call, so messages a client pipelines over one WebSocket (one
        task each, started in order) reach the writer queue in order.
        """
        cap = self.settings.max_message_bytes
        if len(message) > cap or (welcome is not None and len(welcome) > cap):
            raise PayloadTooLarge(f"messages are limited to {cap} bytes")
        try:
            header = parse_group_message(message)
        except DecodeError as exc:
            raise BadRequest(f"not an MLS group message: {exc}") from None
        if header.group_id != group_id:
            raise BadRequest("MLS group_id does not match the group addressed")
        if header.content_type == PROPOSAL:
            raise BadRequest("proposals are not accepted on their own: commits carry them "
                             "by value")
        if header.is_commit and header.wire_format != PUBLIC_MESSAGE:
            raise BadRequest("a commit must be a PublicMessage (the relay verifies it)")
        if not header.is_commit and header.wire_format != PRIVATE_MESSAGE:
            raise BadRequest("application messages must be PrivateMessages")
        if not header.is_commit and welcome is not None:
            raise BadRequest("a welcome may only accompany a commit")
        if (welcome is None) != (not welcome_to):
            raise BadRequest("a welcome needs recipients, and recipients need a welcome")
        check = None
        if header.is_commit:
            if self.authority is None:
                raise CommitRefused("this relay has no venue root: it cannot verify commits")
            check = self.authority.check(group_id, message, now=self.now())
        seq: int | None = None
        try:
            out = await self.storage.post_message(
                group_id=group_id, sender=device_id, client_msg_id=client_msg_id,
                payload=message, epoch=header.epoch, is_commit=header.is_commit,
                welcome=welcome, welcome_to=welcome_to, now=self.now(), check=check,
            )
            seq = None if out.duplicate else out.seq
            return out
        finally:
            if self.authority is not None and header.is_commit:
                self.authority.adopt(group_id, message, seq)

    async def refuse(self, device_id: str, group_id: bytes, seq: int) -> RefusalOutcome:
        """A member refuses the commit at ``seq`` for what the relay cannot check (the
        membership and confirmation tags, the encrypted path secrets, the sealed
        channel information).

        One vote per mission of the signed charter, never per routed device: the
        commit is voided once at least two missions and more than half of the missions
        the charter named before it refused it (a mission votes through any of its
        devices routed before it, the committer aside). No single device and no single
        mission can void an honest commit, and the relay gains no power it lacked (it
        could always withhold a commit, or refuse to void one).
        """
        out = await self.storage.refuse_commit(group_id, seq, device_id, self.now())
        if out.voided and out.refusals:
            log.info("commit voided by its members' refusals (seq %d)", seq)
        return out

    # -- blobs ----------------------------------------------------------------------------
    async def put_blob(
        self, device_id: str, group_id: bytes | None, data: bytes
    ) -> tuple[str, int]:
        if not data:
            raise BadRequest("empty blob")
        if len(data) > self.settings.max_blob_bytes:
            raise PayloadTooLarge(f"blobs are limited to {self.settings.max_blob_bytes} bytes")
        if group_id is not None and not await self.storage.is_member(group_id, device_id):
            raise NotFound("no such group, or this device is not routed in it")
        blob_id = secrets.token_urlsafe(32)  # 256 bits: the id is the capability
        exp = self.now() + self.settings.blob_ttl
        await self.storage.put_blob(
            blob_id=blob_id, owner=device_id, group_id=group_id, data=data, now=self.now(),
            expires_at=exp, quota=self.settings.blob_quota_bytes,
        )
        return blob_id, exp

    async def ratchet_tree(self, device_id: str, group_id: bytes, seq: int) -> bytes:
        """The group's public ratchet tree after the commit at ``seq``, for a joiner whose
        Welcome leaves it out (RFC 9420 section 12.4.3.3: large groups keep Welcomes
        small). Only a routed member or the Welcome's recipient may read it; the joiner
        checks it against the tree hash its GroupInfo signs, so this relay cannot
        substitute another tree."""
        chain = await self.storage.public_state_for(group_id, device_id, seq)
        if chain is None:
            raise NotFound("no such tree, or not readable by this device")
        return read_chain(chain).group.tree.encode()

    async def get_blob(self, device_id: str, blob_id: str) -> bytes:
        rec = await self.storage.get_blob(blob_id, self.now())
        if rec is not None and await self.storage.may_read_blob(rec, device_id):
            return rec.data
        raise NotFound("no such blob, or not readable by this device")
