# SPDX-License-Identifier: Apache-2.0
"""Corridor's relay: stores and forwards ciphertext it cannot read."""

from crypto import __version__  # the one place the version is written

__all__ = ["__version__"]
