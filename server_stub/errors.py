# SPDX-License-Identifier: Apache-2.0
"""The relay's error tree: every failure a client can cause maps to a 4xx JSON body.

::

    ServerError                      (500 "internal": a relay bug; body never carries detail)
    ├── ClientRequestError           4xx: the peer sent something we refuse
    │   ├── BadRequest               400 malformed JSON, base64, MLS header, parameters
    │   ├── Unauthorized             401 missing, expired or forged bearer token / signature
    │   │   └── CertificateExpired   401 the device's (or its mission's) certificate expired
    │   ├── Forbidden                403 authenticated, but not allowed
    │   ├── NotFound                 404
    │   ├── Conflict                 409 (EpochConflict carries the winner's seq)
    │   ├── PayloadTooLarge          413
    │   ├── UnsupportedMediaType     415
    │   ├── Unprocessable            422 well-formed JSON of the wrong shape
    │   │   └── CommitRefused        422 a commit or GroupInfo the relay verified and refuses
    │   ├── QuotaExceeded            507-free: 413 with code "quota_exceeded"
    │   └── RateLimited              429 (carries retry_after seconds)
    └── StorageUnavailable           503 the database is down; retry later

Messages are written for the client; they never contain payload bytes or key material.
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "BadRequest",
    "BlobKeyMismatch",
    "CertificateExpired",
    "ClientRequestError",
    "CommitRefused",
    "Conflict",
    "EpochConflict",
    "Forbidden",
    "NotFound",
    "PayloadTooLarge",
    "QuotaExceeded",
    "RateLimited",
    "ServerError",
    "StorageUnavailable",
    "Unauthorized",
    "Unprocessable",
    "UnsupportedMediaType",
]


class ServerError(Exception):
    """Base of every relay error; ``status`` and ``code`` form the JSON body."""

    status: ClassVar[int] = 500
    code: ClassVar[str] = "internal"

    def __init__(self, message: str = "internal error", **extra: object) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra

    def body(self) -> dict[str, object]:
        return {"error": self.code, "message": self.message, **self.extra}


class ClientRequestError(ServerError):
    status = 400
    code = "bad_request"


class BadRequest(ClientRequestError):
    status = 400
    code = "bad_request"


class Unauthorized(ClientRequestError):
    status = 401
    code = "unauthorized"


class CertificateExpired(Unauthorized):
    """The device's chain is no longer valid at the relay's clock: renew, then register
    the renewed chain (``POST /v1/devices``) before logging in."""

    code = "certificate_expired"


class Forbidden(ClientRequestError):
    status = 403
    code = "forbidden"


class NotFound(ClientRequestError):
    status = 404
    code = "not_found"


class Conflict(ClientRequestError):
    status = 409
    code = "conflict"


class EpochConflict(Conflict):
    """A commit for this epoch was already accepted; ``seq`` is the winner's position."""

    code = "epoch_conflict"

    def __init__(self, seq: int, epoch: int) -> None:
        super().__init__(
            f"a commit for epoch {epoch} was already accepted at seq {seq}", seq=seq, epoch=epoch
        )
        self.seq = seq
        self.epoch = epoch


class PayloadTooLarge(ClientRequestError):
    status = 413
    code = "too_large"


class QuotaExceeded(PayloadTooLarge):
    code = "quota_exceeded"


class UnsupportedMediaType(ClientRequestError):
    status = 415
    code = "unsupported_media_type"


class Unprocessable(ClientRequestError):
    status = 422
    code = "invalid_body"


class CommitRefused(Unprocessable):
    """A commit (or a new group's GroupInfo) failed the relay's verification: MLS, the
    venue's certificate chains or the channel's charter. Nothing changed."""

    code = "commit_refused"


class RateLimited(ClientRequestError):
    status = 429
    code = "rate_limited"

    def __init__(self, retry_after: float) -> None:
        super().__init__("too many requests", retry_after=round(retry_after, 3))
        self.retry_after = retry_after


class StorageUnavailable(ServerError):
    status = 503
    code = "unavailable"


class BlobKeyMismatch(StorageUnavailable):
    """The relay was started with another blob key than its store's blobs are under."""
