# SPDX-License-Identifier: Apache-2.0
"""Interop fixtures: Corridor's client and mlspp's, on loopback, one each per session.

mlspp comes from ``$CORRIDOR_MLSPP_CLIENT`` (built by
``bash ../shared/interop-peer/build.sh .interop-build`` from the repository root).
Without it the mlspp tests skip, except in CI (``$CI`` set), where a missing peer is a
failure. Nothing is built here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from interop.peers import PEER_ENV, Peer, start_corridor, start_mlspp


@pytest.fixture(scope="session")
def corridor() -> Iterator[Peer]:
    peer = start_corridor()
    try:
        yield peer
    finally:
        peer.stop()


@pytest.fixture(scope="session")
def mlspp_binary() -> str:
    path = os.environ.get(PEER_ENV, "")
    if not path:
        reason = (f"${PEER_ENV} is unset: build mlspp with "
                  f"'bash ../shared/interop-peer/build.sh .interop-build' and export "
                  f"{PEER_ENV}=<abs path>/.interop-build/mlspp_client")
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the interop peer: {reason}")
        pytest.skip(reason)
    if not os.access(path, os.X_OK):
        pytest.fail(f"${PEER_ENV}={path} is not an executable")
    return path


@pytest.fixture(scope="session")
def mlspp(mlspp_binary: str) -> Iterator[Peer]:
    peer = start_mlspp(mlspp_binary)
    try:
        yield peer
    finally:
        peer.stop()
