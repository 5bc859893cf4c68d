# SPDX-License-Identifier: Apache-2.0
"""Token buckets keyed by device (or source), in memory, per relay process."""

from __future__ import annotations

import time
from collections.abc import Callable

from .errors import RateLimited

__all__ = ["RateLimiter"]


class RateLimiter:
    """``rate`` tokens per second, up to ``burst``; :meth:`take` raises RateLimited."""

    def __init__(
        self, rate: float, burst: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}

    def take(self, key: str, cost: float = 1.0) -> None:
        now = self._clock()
        tokens, stamp = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - stamp) * self.rate)
        if tokens < cost:
            self._buckets[key] = (tokens, now)
            raise RateLimited((cost - tokens) / self.rate if self.rate > 0 else 60.0)
        self._buckets[key] = (tokens - cost, now)
        if len(self._buckets) > 100_000:
            self.prune()

    def prune(self) -> None:
        """Forget full buckets (they hold no state worth keeping)."""
        now = self._clock()
        self._buckets = {
            k: (t, s) for k, (t, s) in self._buckets.items()
            if t + (now - s) * self.rate < self.burst
        }
