# SPDX-License-Identifier: Apache-2.0
"""Corridor's cryptography: MLS (RFC 9420), HPKE, certificates. Pure: no I/O, no clock."""

from .errors import CryptoError

#: Corridor's version, for every package, both commands, the About box and the wheel
#: (pyproject.toml reads it from here).
__version__ = "0.1.0"
__all__ = ["CryptoError", "__version__"]
