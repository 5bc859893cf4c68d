# SPDX-License-Identifier: Apache-2.0
"""Corridor's demo venue: the one package that imports both the client and the relay.

It provisions a complete local venue (root, missions, delegates, channels), runs the
relay embedded on 127.0.0.1, drives the other demo delegates while the app runs, and
composes the ``corridor`` command so the desktop app and the command line reach the
relay only through here. Importing the package imports neither Qt nor the relay.
"""

from crypto import __version__  # the one place the version is written

__all__ = ["__version__"]
