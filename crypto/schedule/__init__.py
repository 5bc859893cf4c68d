# SPDX-License-Identifier: Apache-2.0
"""The key schedule (RFC 9420 sections 8 and 9): epoch secrets, PSKs, transcript hashes,
and the secret tree that turns an epoch's encryption secret into per-message keys."""
