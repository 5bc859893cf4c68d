# SPDX-License-Identifier: Apache-2.0
"""The test processes' loopback ports: with pytest-xdist each worker draws from a range
of its own, below the kernel's ephemeral ports, and one process never hands out a port
twice. (Two workers once could pick the same free port before one's relay bound it; the
other's health check then reached a relay of another venue.)"""

from __future__ import annotations

import socket

import pytest

from tests.support import relay_process


def test_each_worker_has_its_own_range_below_the_ephemeral_ports(
        monkeypatch: pytest.MonkeyPatch) -> None:
    ranges = []
    for worker in ("", "gw0", "gw1", "gw2", "gw3"):
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
        ranges.append(set(relay_process._port_range()))
    for i, a in enumerate(ranges):
        assert a and max(a) < 32768 and min(a) > 1024
        for b in ranges[i + 1:]:
            assert not a & b


def test_a_port_is_free_and_never_handed_out_twice() -> None:
    ports = [relay_process.free_port() for _ in range(50)]
    assert len(set(ports)) == 50
    assert all(p in relay_process._port_range() for p in ports)
    with socket.socket() as s:
        s.bind(("127.0.0.1", ports[-1]))  # free when handed out
