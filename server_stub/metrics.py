# SPDX-License-Identifier: Apache-2.0
"""Prometheus metrics of one relay process (``GET /metrics``, loopback peers only).

What an operator watches during a crisis: how much is queued (writes waiting for the
database, events waiting to be pushed), how fast messages are ingested, how long a
committed message takes to reach the sockets' send queues, how many devices are
connected, and what the relay refuses, by reason (the error codes of :mod:`.errors`).
Labels are bounded sets (reasons, never device or group ids), so a scrape reveals
nothing a log line would not.

Each app has its own registry, so several relays in one process (tests, the demo) do
not share counters.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest

__all__ = ["CONTENT_TYPE_LATEST", "RelayMetrics", "loopback_peer"]

_LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
                    2.5, 5.0)


def loopback_peer(host: str | None) -> bool:
    """True for a TCP peer on this machine (a local Prometheus, or the reverse proxy,
    which must then keep /metrics from the outside: see deploy/)."""
    if host is None:
        return False
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class RelayMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.ingested = Counter(
            "corridor_relay_ingested_messages", "Messages this process stored durably "
            "(de-duplicated resends not counted)", registry=r)
        self.commits = Counter(
            "corridor_relay_write_batches", "Write transactions committed (group commit)",
            registry=r)
        self.commit_seconds = Histogram(
            "corridor_relay_write_batch_seconds", "Time of one write batch, BEGIN to COMMIT",
            buckets=_LATENCY_BUCKETS, registry=r)
        self.push_seconds = Histogram(
            "corridor_relay_push_latency_seconds", "From a message's commit event reaching "
            "this process to its frames queued on every connected recipient's socket",
            buckets=_LATENCY_BUCKETS, registry=r)
        self.pushed = Counter(
            "corridor_relay_pushed_frames", "Message frames queued on sockets", registry=r)
        self.refusals = Counter(
            "corridor_relay_refusals", "Requests and WebSocket frames refused, by reason "
            "(the error code of the answer)", ["reason"], registry=r)
        self.connected = Gauge(
            "corridor_relay_connected_devices", "Devices with at least one open push socket",
            registry=r)
        self.sockets = Gauge(
            "corridor_relay_open_sockets", "Open push sockets", registry=r)
        self.write_queue = Gauge(
            "corridor_relay_write_queue_depth", "Writes waiting for the database writer",
            registry=r)
        self.push_queue = Gauge(
            "corridor_relay_push_queue_depth", "Committed events waiting to be pushed",
            registry=r)

    def watch(self, *, devices: Callable[[], int], sockets: Callable[[], int],
              write_queue: Callable[[], int], push_queue: Callable[[], int]) -> None:
        """Read the gauges at scrape time from the live objects."""
        self.connected.set_function(devices)
        self.sockets.set_function(sockets)
        self.write_queue.set_function(write_queue)
        self.push_queue.set_function(push_queue)

    def refused(self, reason: str) -> None:
        self.refusals.labels(reason=reason).inc()

    def committed(self, messages: int, seconds: float) -> None:
        self.commits.inc()
        self.commit_seconds.observe(seconds)
        if messages:
            self.ingested.inc(messages)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
