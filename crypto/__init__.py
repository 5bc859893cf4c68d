# SPDX-License-Identifier: Apache-2.0
"""Corridor's cryptography: MLS (RFC 9420), HPKE, certificates. Pure: no I/O, no clock.

Layers, each importing only those before it: the foundation here (codec, errors, suites,
hpke, secret_bytes); messages/ (wire structs, key packages); tree/ (tree math, ratchet
tree, TreeKEM); schedule/ (key schedule, PSKs, transcripts, secret tree); framing/
(message protection); group/ (group state, commits, joins, public group, validation);
certs/ (X.509 venue chain, CRLs, key files, words, transparency log) and corridor/
(Corridor's charter and routing above MLS).
"""

from crypto.errors import CryptoError

#: Corridor's version, for every package, both commands, the About box and the wheel
#: (pyproject.toml reads it from here).
__version__ = "0.1.0"
__all__ = ["CryptoError", "__version__"]
