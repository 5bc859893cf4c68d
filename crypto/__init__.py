# SPDX-License-Identifier: Apache-2.0
"""Corridor's cryptography: MLS (RFC 9420), HPKE, certificates. Pure: no I/O, no clock.

Layers, each importing only those before it: foundation (codec, errors, suites, hpke,
secret_bytes) < messages/ < tree/ < schedule/ < framing/ < group/; certs/ (X.509 chain,
CRLs, key files, words, transparency log) < corridor/ (charter, handover, routing).
"""

from crypto.errors import CryptoError

#: Corridor's version, for every package, both commands, the About box and the wheel
#: (pyproject.toml reads it from here).
__version__ = "0.1.0"
__all__ = ["CryptoError", "__version__"]
