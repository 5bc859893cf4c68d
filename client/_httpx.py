# SPDX-License-Identifier: Apache-2.0
"""httpx, imported without its command-line client.

httpx's ``__init__`` imports ``httpx._main`` (the ``httpx`` command, built on click, rich
and pygments) whenever those libraries are installed, as they are in a development
environment: 87 modules and 4.7 MiB of RSS in every process of the app and the core,
which never run that command. Marking the submodule missing while httpx is imported
makes httpx take the branch it has for their absence (``httpx.main`` then only says the
command line client is not installed); the mark is removed afterwards, so an explicit
``import httpx._main`` still works. If httpx was imported before, nothing changes.
"""

from __future__ import annotations

import sys

if "httpx" not in sys.modules:
    sys.modules["httpx._main"] = None  # type: ignore[assignment]
    try:
        import httpx
    finally:
        if "httpx._main" in sys.modules and sys.modules["httpx._main"] is None:
            del sys.modules["httpx._main"]

import httpx as httpx  # re-exported: client.transport imports it from here

__all__ = ["httpx"]
