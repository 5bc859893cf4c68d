# SPDX-License-Identifier: Apache-2.0
"""Errors raised by Corridor's MLS and certificate code.

One tree, split by whose fault it is, so callers can tell a hostile peer from a bug::

    CryptoError
     ├── PeerError                 the bytes or the peer broke the rules
     │    ├── DecodeError          malformed, truncated, oversized or non-minimal encoding
     │    ├── VerificationError    a signature, tag, MAC or hash does not check
     │    ├── ProtocolError        well-formed but not allowed now (wrong epoch, replay, ...)
     │    │    ├── EpochError
     │    │    ├── ReplayError
     │    │    ├── GenerationError
     │    │    └── InvalidCommitError   an authenticated commit that breaks RFC 9420
     │    │         ├── InvalidCommitDecodeError        (also a DecodeError)
     │    │         └── InvalidCommitVerificationError  (also a VerificationError)
     │    ├── PolicyError          a credential or commit the application refuses
     │    └── CertificateError     a certificate chain link fails (see crypto.certs)
     ├── UsageError                the caller misused the API
     └── InternalError             a bug in Corridor: please report

Messages never carry key material; an invalid tag says nothing more than that.

:class:`InvalidCommitError` is the committer's fault, provably: the commit
authenticated (its signature verified under a member's leaf key, inside a
PrivateMessage whose AEAD opened or a PublicMessage whose membership tag verified), so
the relay neither made nor altered it, and the check that failed is one every member
at that epoch makes on the same bytes with the same public state (see
:mod:`crypto.group`), so every member reaches the same verdict. A bad signature, tag,
AEAD or encoding *before* that point stays a plain VerificationError / DecodeError /
ProtocolError: those may be a relay's damage. The subclasses keep the original kind,
so ``except VerificationError`` still catches a bad parent hash.
"""

from __future__ import annotations

__all__ = [
    "CertificateError",
    "CryptoError",
    "DecodeError",
    "EpochError",
    "GenerationError",
    "InternalError",
    "InvalidCommitDecodeError",
    "InvalidCommitError",
    "InvalidCommitVerificationError",
    "MissingRatchetTreeError",
    "PeerError",
    "PolicyError",
    "ProtocolError",
    "ReplayError",
    "UsageError",
    "VerificationError",
]


class CryptoError(Exception):
    """Root of every error raised by ``crypto``."""


class PeerError(CryptoError):
    """Input from a peer (or a relay) is invalid; local state is unchanged."""


class DecodeError(PeerError):
    """Bytes do not decode as the expected structure."""


class VerificationError(PeerError):
    """A signature, AEAD tag, MAC or hash did not verify."""


class ProtocolError(PeerError):
    """The message is well-formed but breaks the protocol state machine."""


class EpochError(ProtocolError):
    """The message belongs to another epoch than the one it is processed in."""


class ReplayError(ProtocolError):
    """A key generation or message was already consumed."""


class GenerationError(ProtocolError):
    """A generation lies beyond the out-of-order window."""


class InvalidCommitError(ProtocolError):
    """An authenticated commit breaks RFC 9420 in a way every member checks alike.

    ``committer`` is the committer's leaf index (``None`` for an external commit whose
    leaf was not placed yet); ``reason`` says which check failed. No key material.
    """

    def __init__(self, reason: str, *, committer: int | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.committer = committer


class InvalidCommitDecodeError(InvalidCommitError, DecodeError):
    """An :class:`InvalidCommitError` whose failed check is a decoding one."""


class InvalidCommitVerificationError(InvalidCommitError, VerificationError):
    """An :class:`InvalidCommitError` whose failed check is a signature or hash inside
    the commit (a leaf signature, a parent hash, the confirmation tag)."""


class MissingRatchetTreeError(ProtocolError):
    """A Welcome or GroupInfo leaves the ratchet tree out and none was given: the joiner
    must fetch it (from the relay) and join again with it."""


class PolicyError(PeerError):
    """The application's policy (credential hook, channel policy) refused the input."""


class CertificateError(PeerError):
    """A certificate chain failed to verify."""


class UsageError(CryptoError):
    """The caller used the API wrongly (wrong argument sizes, wrong state)."""


class InternalError(CryptoError):
    """An invariant of Corridor's own code broke."""
