# SPDX-License-Identifier: Apache-2.0
"""Corridor's PySide6 desktop app. Importing the package does not import Qt."""

from crypto import __version__  # the one place the version is written

__all__ = ["__version__"]
