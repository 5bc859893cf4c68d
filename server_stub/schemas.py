# SPDX-License-Identifier: Apache-2.0
"""Request, response and WebSocket bodies, as msgspec structs.

Binary fields (keys, signatures, MLS messages, Welcomes, KeyPackages) travel as
standard base64 inside JSON; blobs travel raw as ``application/octet-stream``. Group
ids appear in URLs, so they are always unpadded base64url strings, in bodies too.
Device ids are the lowercase hex of the device's Ed25519 public key. The OpenAPI
document is generated from these types, so it cannot drift from what the relay parses.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

__all__ = [name for name in dir() if name[:1].isupper()]

MAX_INT = 2**63 - 1
GroupId = Annotated[
    str,
    Meta(pattern=r"^[A-Za-z0-9_-]{2,342}$", description="MLS group id, unpadded base64url"),
]
DeviceId = Annotated[
    str, Meta(pattern=r"^[0-9a-f]{64}$", description="hex of the device's Ed25519 public key")
]
ClientMsgId = Annotated[
    str,
    Meta(
        min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._:-]{1,64}$",
        description="sender-chosen id; a resend with the same id is de-duplicated",
    ),
]
Seq = Annotated[int, Meta(ge=0, le=MAX_INT)]
WelcomeIdT = Annotated[int, Meta(ge=1, le=MAX_INT)]
PublicKey = Annotated[bytes, Meta(min_length=32, max_length=32, description="Ed25519 key")]
Signature = Annotated[bytes, Meta(min_length=64, max_length=64, description="Ed25519 sig")]
Nonce = Annotated[bytes, Meta(min_length=1, max_length=128)]
Payload = Annotated[bytes, Meta(min_length=1, description="opaque MLS bytes, base64")]
CertDer = Annotated[bytes, Meta(min_length=1, max_length=65536, description="DER, leaf first")]


class _Body(Struct, forbid_unknown_fields=True, kw_only=True):
    """Strict: unknown fields are refused, so typos fail loudly."""


class Health(_Body):
    status: str
    version: str


class ErrorBody(Struct, kw_only=True):
    """Every 4xx/5xx: a machine code and a human sentence, plus code-specific fields."""

    error: str
    message: str
    seq: int | None = None
    epoch: int | None = None
    retry_after: float | None = None


class ChallengeRequest(_Body):
    public_key: PublicKey
    purpose: Literal["register", "login"]


class ChallengeResponse(_Body):
    nonce: bytes
    expires_at: int


class RegisterRequest(_Body):
    public_key: PublicKey
    nonce: Nonce
    signature: Signature
    certificate_chain: Annotated[list[CertDer], Meta(max_length=8)] = []


class RegisterResponse(_Body):
    device_id: DeviceId


class LoginRequest(_Body):
    public_key: PublicKey
    nonce: Nonce
    signature: Signature


class LoginResponse(_Body):
    device_id: DeviceId
    token: str
    expires_at: int


class DeviceInfo(_Body):
    device_id: DeviceId
    created_at: int


class PublishKeyPackages(_Body):
    key_packages: Annotated[list[Payload], Meta(max_length=100)] = []
    last_resort: Payload | None = None


class KeyPackageCount(_Body):
    available: int
    last_resort: bool


class ClaimRequest(_Body):
    device_id: DeviceId


class ClaimResponse(_Body):
    device_id: DeviceId
    key_package: bytes
    last_resort: bool


class ClaimEntry(_Body):
    target: DeviceId
    claimer: DeviceId
    claimer_mission: str
    last_resort: bool
    claimed_at: int


class ClaimList(_Body):
    claims: list[ClaimEntry]


class RoutingEntry(_Body):
    group_id: GroupId
    last_seq: int
    members: int
    digest: str


class RoutingList(_Body):
    groups: list[RoutingEntry]


class CreateGroup(_Body):
    """A new group: its id and the creator's signed GroupInfo (an MLSMessage with the
    ratchet_tree extension), from which the relay keeps the group's public state."""

    group_id: GroupId
    group_info: Payload


class GroupView(_Body):
    group_id: GroupId
    last_seq: int
    members: list[DeviceId]


class WelcomeIn(_Body):
    message: Payload
    recipients: Annotated[list[DeviceId], Meta(min_length=1, max_length=10000)]


class PostMessage(_Body):
    """One MLSMessage: an application PrivateMessage, or a commit as a PublicMessage,
    which the relay verifies against the group's public state and charter before it
    routes the devices the commit adds or removes. A Welcome rides only on a commit,
    to devices it adds."""

    client_msg_id: ClientMsgId
    message: Payload
    welcome: WelcomeIn | None = None


class PostResult(_Body):
    group_id: GroupId
    seq: int
    duplicate: bool


class Message(_Body):
    """One entry of a group's order. ``voided``: a commit the charter's missions refused
    (see ``POST /v1/groups/{group_id}/refusals``), or a commit after
    it; clients skip it."""

    group_id: GroupId
    seq: int
    sender: DeviceId
    client_msg_id: str
    message: bytes
    received_at: int
    voided: bool = False


class RefuseCommit(_Body):
    """This device refuses, by the channel's policy, the commit at ``seq``."""

    seq: Annotated[int, Meta(ge=1, le=2**63 - 1)]


class RefusalResult(_Body):
    """``refusals``: missions of the charter that refused the commit so far (through any
    device routed before it, the committer aside); ``electorate``: missions the charter
    named before it; ``voided`` once at least two missions and more than half refused."""

    group_id: GroupId
    seq: int
    refusals: int
    electorate: int
    voided: bool


class MessagesPage(_Body):
    messages: list[Message]
    last_seq: int


class Welcome(_Body):
    """A Welcome, with the accepted commit it rode on (``commit``, at ``seq`` of
    ``group_id``): the joiner checks that the Welcome names it (THREATS 6). Null only
    for Welcomes stored by an older relay."""

    id: int
    sender: DeviceId
    message: bytes
    received_at: int
    group_id: GroupId | None = None
    seq: int | None = None
    commit: bytes | None = None


class Inbox(_Body):
    messages: list[Message]
    welcomes: list[Welcome]


class AckItem(_Body):
    group_id: GroupId
    seq: Seq


class AckRequest(_Body):
    acks: Annotated[list[AckItem], Meta(max_length=1000)] = []
    welcomes: Annotated[list[WelcomeIdT], Meta(max_length=1000)] = []


class AckResult(_Body):
    acked: int


class BlobCreated(_Body):
    blob_id: str
    size: int
    expires_at: int


class LogProof(_Body):
    """An RFC 9162 inclusion proof of one log entry against the response's tree head."""

    index: Seq
    proof: list[bytes]


class LogView(_Body):
    """The signed tree head the proofs of a response are against, and (with
    ``since``) the consistency proof from the caller's tree size to it."""

    head: bytes
    consistency: list[bytes] = []


class DirectoryDevice(_Body):
    device_id: DeviceId
    mission_id: str
    chain: list[bytes]
    proofs: list[LogProof] | None = None  # mission certificate, then device certificate


class DirectoryDevices(_Body):
    devices: list[DirectoryDevice]
    log: LogView | None = None


class CrlList(_Body):
    crls: list[bytes]
    proofs: list[LogProof] | None = None  # one per CRL, in order
    log: LogView | None = None


class LogPolicy(_Body):
    policy: bytes


class LogHead(_Body):
    head: bytes


class LogConsistency(_Body):
    first: Seq
    second: Seq
    proof: list[bytes]


class LogEntries(_Body):
    start: Seq
    entries: list[bytes]


class PublishCrl(_Body):
    crl: Annotated[bytes, Meta(min_length=1, max_length=1048576, description="DER CRL")]


class CrlPublished(_Body):
    revoked: list[DeviceId]


class RetireDevice(_Body):
    """Remove another device of the caller's own delegate (a lost laptop)."""

    device_id: DeviceId
    signature: Annotated[bytes, Meta(min_length=64, max_length=64,
                                     description="the caller's SignWithLabel('corridor retire "
                                                 "device') over the removed device's key")]


class DeviceRetired(_Body):
    device_id: DeviceId
    #: False when the device had been removed already
    removed: bool


class RetiredDevice(_Body):
    device_id: DeviceId
    by: DeviceId
    signature: bytes


class RetiredList(_Body):
    retired: list[RetiredDevice]


# --- WebSocket frames (JSON text frames, tagged by "type") -------------------


class _Frame(Struct, forbid_unknown_fields=True, kw_only=True, tag_field="type"):
    pass


class WsSend(_Frame, tag="send"):
    group_id: GroupId
    client_msg_id: ClientMsgId
    message: Payload
    welcome: WelcomeIn | None = None


class WsAck(_Frame, tag="ack"):
    group_id: GroupId
    seq: Seq


class WsAckWelcome(_Frame, tag="ack_welcome"):
    id: WelcomeIdT


class WsPing(_Frame, tag="ping"):
    pass


ClientFrame = WsSend | WsAck | WsAckWelcome | WsPing

client_frame_decoder: msgspec.json.Decoder[ClientFrame] = msgspec.json.Decoder(ClientFrame)
