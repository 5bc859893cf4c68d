# SPDX-License-Identifier: Apache-2.0
"""``python -m interop.run --peer PATH [--full]``: Corridor against another WG client.

Starts Corridor's interop client (``python -m interop``) and the peer
(``PATH -live PORT -host 127.0.0.1``, Cisco's mlspp as built by
``bash ../shared/interop-peer/build.sh .interop-build`` from the repository root) on
loopback, runs the WG's scenarios and prints one line per failure and a summary by
scenario, assignment kind, suite and handshake mode. Exit status 0 when every run
passed. Without ``--peer`` the peer is ``$CORRIDOR_MLSPP_CLIENT``, else the build in
the repository's ``.interop-build/``.

- default (bounded, what CI runs): every config but ``deep_random``; for each script,
  suite and handshake mode, the all-Corridor assignment, one random mixed assignment
  and its mirror (every actor moved to the other client).
- ``--full``: every assignment of every config but ``deep_random``, then
  ``deep_random`` with one random mixed assignment per suite and handshake mode.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .peers import PEER_ENV, Peer, start_corridor, start_mlspp
from .runner import Client, RunResult, actors_of, assignments, load_configs, run_script

__all__ = ["CONFIGS", "Job", "bounded_jobs", "default_peer", "full_jobs", "kind", "main",
           "run_jobs"]

#: The repository this module sits in: everything below is found from here.
ROOT = Path(__file__).resolve().parent.parent
CONFIGS = ROOT / "tests" / "interop" / "configs"
#: Where the build script puts the peer (``build.sh .interop-build``, git-ignored).
LOCAL_PEER = ROOT / ".interop-build" / "mlspp_client"
DEEP = "deep_random"
SUITES = (1, 3)
MODES = (True, False)


@dataclass(frozen=True)
class Job:
    config: str
    script: str
    steps: Sequence[Mapping[str, Any]]
    suite: int
    encrypt: bool
    assignment: Mapping[str, Client]

    def run(self) -> RunResult:
        return run_script(self.config, self.script, self.steps, self.suite, self.encrypt,
                          self.assignment)


def kind(result: RunResult, corridor: str = "corridor") -> str:
    """``corridor``, ``peer`` or who created the group in a mixed assignment."""
    names = result.clients
    if names == {corridor}:
        return "corridor only"
    if corridor not in names:
        return "peer only"
    creator = result.assignment[0][1]
    return "mixed, corridor creates" if creator == corridor else "mixed, peer creates"


def _mixed(actors: Sequence[str], a: Client, b: Client, rng: random.Random) -> dict[str, Client]:
    """A random assignment using both clients (first actor alternates)."""
    while True:
        pick = {x: rng.choice((a, b)) for x in actors}
        if len(actors) < 2 or len({id(c) for c in pick.values()}) == 2:
            return pick


def bounded_jobs(configs: Mapping[str, Mapping[str, Any]], corridor: Client, peer: Client,
                 *, seed: int = 0) -> Iterator[Job]:
    rng = random.Random(seed)
    for config, scripts in configs.items():
        if config == DEEP:
            continue
        for name, steps in scripts.items():
            actors = actors_of(steps)
            for suite in SUITES:
                for encrypt in MODES:
                    one = _mixed(actors, corridor, peer, rng)
                    mirror = {x: peer if c is corridor else corridor for x, c in one.items()}
                    every = dict.fromkeys(actors, corridor)
                    for asg in (every, one, mirror):
                        yield Job(config, name, steps, suite, encrypt, asg)


def full_jobs(configs: Mapping[str, Mapping[str, Any]], corridor: Client, peer: Client,
              *, seed: int = 0, deep: bool = True) -> Iterator[Job]:
    rng = random.Random(seed)
    for config, scripts in configs.items():
        if config == DEEP:
            continue
        for name, steps in scripts.items():
            for suite in SUITES:
                for encrypt in MODES:
                    for asg in assignments(actors_of(steps), (corridor, peer)):
                        yield Job(config, name, steps, suite, encrypt, asg)
    if deep and DEEP in configs:
        for name, steps in configs[DEEP].items():
            for suite in SUITES:
                for encrypt in MODES:
                    yield Job(DEEP, name, steps, suite, encrypt,
                              _mixed(actors_of(steps), corridor, peer, rng))


def run_jobs(jobs: Iterator[Job], *, on_result: Callable[[RunResult], None] | None = None,
             deadline: float | None = None) -> list[RunResult]:
    out = []
    for job in jobs:
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError(f"interop run over its time budget after {len(out)} runs")
        result = job.run()
        out.append(result)
        if on_result is not None:
            on_result(result)
    return out


def summary(results: Sequence[RunResult]) -> str:
    counts: Counter[tuple[str, str, int, str, bool]] = Counter()
    for r in results:
        counts[(r.config, kind(r), r.suite, "encrypted" if r.encrypt else "plaintext",
                r.ok)] += 1
    lines = []
    keys = sorted({k[:4] for k in counts})
    for key in keys:
        ok, bad = counts[(*key, True)], counts[(*key, False)]
        config, k, suite, mode = key
        lines.append(f"{config:20} {k:26} suite {suite} {mode:9}  passed {ok:5}  "
                     f"failed {bad:4}")
    total_ok = sum(r.ok for r in results)
    lines.append(f"TOTAL runs {len(results)}: passed {total_ok}, "
                 f"failed {len(results) - total_ok}")
    return "\n".join(lines)


def default_peer(env: Mapping[str, str] = os.environ) -> str | None:
    """``$CORRIDOR_MLSPP_CLIENT``, else the repository's own build, else None."""
    if env.get(PEER_ENV):
        return env[PEER_ENV]
    return str(LOCAL_PEER) if os.access(LOCAL_PEER, os.X_OK) else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m interop.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--peer", default=default_peer(),
                        help=f"the peer's interop binary (default: ${PEER_ENV}, else "
                        f"{LOCAL_PEER.relative_to(ROOT)})")
    parser.add_argument("--full", action="store_true", help="every assignment + deep_random")
    parser.add_argument("--no-deep", action="store_true", help="with --full: skip deep_random")
    parser.add_argument("--only", action="append", help="run only this config (repeatable)")
    parser.add_argument("--configs", type=Path, default=CONFIGS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--verbose", "-v", action="store_true", help="print every run")
    args = parser.parse_args(argv)
    if not args.peer:
        parser.error(f"--peer or ${PEER_ENV} is required (or build the peer into "
                     f"{LOCAL_PEER.relative_to(ROOT)})")
    configs = load_configs(args.configs)
    if args.only:
        configs = {k: v for k, v in configs.items() if k in args.only}
    peers: list[Peer] = []
    started = time.monotonic()
    try:
        corridor = start_corridor()
        peers.append(corridor)
        peer = start_mlspp(args.peer)
        peers.append(peer)
        print(f"clients: {corridor.client.name} {sorted(corridor.client.suites)}, "
              f"{peer.client.name} {sorted(peer.client.suites)}", flush=True)
        jobs = (full_jobs(configs, corridor.client, peer.client, seed=args.seed,
                          deep=not args.no_deep) if args.full
                else bounded_jobs(configs, corridor.client, peer.client, seed=args.seed))

        def show(r: RunResult) -> None:
            if args.verbose or not r.ok:
                print(r.describe(), flush=True)

        results = run_jobs(jobs, on_result=show)
    finally:
        for p in reversed(peers):
            p.stop()
    print(summary(results))
    print(f"time {time.monotonic() - started:.0f} s")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
