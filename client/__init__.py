# SPDX-License-Identifier: Apache-2.0
"""Corridor's headless client core: device, store, sync engine. No Qt here."""

from crypto import __version__  # the one place the version is written

__all__ = ["__version__"]
