"""Errors raised by Corridor's MLS and certificate code.

One tree, split by whose fault it is, so callers can tell a hostile peer from a bug::

    CryptoError
     ├── PeerError                 the bytes or the peer broke the rules
     │    ├── DecodeError          malformed, truncated, oversized or non-minimal encoding
     │    ├── VerificationError    a signature, tag, MAC or hash does not check
     │    ├── ProtocolError        well-formed but not allowed now (wrong epoch, replay, ...)
     │    │    ├── EpochError
     │    │    ├── ReplayError
     │    │    └── GenerationError
     │    ├── PolicyError          a credential or commit the application refuses
     │    └── CertificateError     a certificate chain link fails (see crypto.certs)
     ├── UsageError                the caller misused the API
     └── InternalError             a bug in Corridor: please report

Messages never carry key material; an invalid tag says nothing more than that.
"""

from __future__ import annotations

__all__ = [
    "CertificateError",
    "CryptoError",
    "DecodeError",
    "EpochError",
    "GenerationError",
    "InternalError",
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


class PolicyError(PeerError):
    """The application's policy (credential hook, channel policy) refused the input."""


class CertificateError(PeerError):
    """A certificate chain failed to verify."""


class UsageError(CryptoError):
    """The caller used the API wrongly (wrong argument sizes, wrong state)."""


class InternalError(CryptoError):
    """An invariant of Corridor's own code broke."""
