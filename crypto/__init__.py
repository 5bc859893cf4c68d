"""Corridor's cryptography: MLS (RFC 9420), HPKE, certificates. Pure: no I/O, no clock."""

from .errors import CryptoError

__version__ = "0.1.0"
__all__ = ["CryptoError", "__version__"]
