# SPDX-License-Identifier: Apache-2.0
"""Certificate chain verification cost: per leaf, and for every leaf of a 1,024-member tree.

Run: .venv/bin/python bench/bench_certs.py
A client checks the chain of every leaf it sees (KeyPackages, Welcome trees, commits).
Figures: a cold verification (root, CRLs, mission and device each parsed and checked),
a warm one (ChainVerifier reused: the mission link is cached by DER hash, which is safe
because root, CRLs and time are fixed for the verifier's life), and the 1,024-leaf tree
(57 missions, as in the venue of DESIGN.md, each with a CRL) both ways.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crypto import certs as C

NOW = datetime(2026, 6, 1, tzinfo=UTC)
DAY = timedelta(days=1)
MISSIONS, LEAVES = 57, 1024


def build() -> tuple[bytes, list[bytes], list[tuple[list[bytes], bytes]]]:
    rk = C.new_signing_key()
    root = C.make_root_certificate(rk, name="Bench venue", not_before=NOW - DAY,
                                   not_after=NOW + 3650 * DAY)
    missions = []
    for i in range(MISSIONS):
        mk = C.new_signing_key()
        m = C.issue_mission_certificate(root, rk, public_key=C.public_key_of(mk),
                                        mission_id=f"m{i:02d}", name=f"Mission {i}",
                                        not_before=NOW - DAY, not_after=NOW + 365 * DAY)
        missions.append((mk, m))
    crls = [C.make_crl(root, rk, revoked=[(12345, NOW)], this_update=NOW,
                       next_update=NOW + 7 * DAY, number=1)]
    crls += [C.make_crl(m, mk, revoked=[(777, NOW)], this_update=NOW,
                        next_update=NOW + 7 * DAY, number=1) for mk, m in missions]
    leaves = []
    for j in range(LEAVES):
        mk, m = missions[j % MISSIONS]
        dk = C.new_signing_key()
        d = C.issue_device_certificate(m, mk, public_key=C.public_key_of(dk),
                                       delegate_id=f"d{j}", display_name=f"Delegate {j}",
                                       not_before=NOW - DAY, not_after=NOW + 90 * DAY)
        leaves.append(([d, m], C.public_key_of(dk)))
    return root, crls, leaves


def per_call(fn, n: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(n):
            fn()
        samples.append((time.perf_counter() - t) / n)
    return statistics.median(samples) * 1e6


def main() -> None:
    root, crls, leaves = build()
    chain, key = leaves[0]
    one_crl = [crls[0], crls[1]]  # the root's CRL and this leaf's mission CRL

    cold = per_call(lambda: C.verify_chain(root, chain, now=NOW, crls=one_crl), 300)
    cold_all = per_call(lambda: C.verify_chain(root, chain, now=NOW, crls=crls), 50)
    v = C.ChainVerifier(root, now=NOW, crls=crls)
    warm = per_call(lambda: v.validate_credential(chain, key), 2000)
    setup = per_call(lambda: C.ChainVerifier(root, now=NOW, crls=crls), 50)

    def tree_uncached() -> None:
        for c, k in leaves:
            C.verify_mls_credential(root, c, k, now=NOW, crls=one_crl)

    def tree_cached() -> None:
        verifier = C.ChainVerifier(root, now=NOW, crls=crls)
        for c, k in leaves:
            verifier.validate_credential(c, k)

    t_unc = per_call(tree_uncached, 1) / 1e3
    t_cached = per_call(tree_cached, 1) / 1e3

    print(f"chain verification, one leaf (device -> mission -> root), {MISSIONS} missions")
    print(f"  cold, root + mission CRL only                 {cold:9.1f} µs")
    print(f"  cold, all {len(crls)} CRLs                          {cold_all:9.1f} µs")
    print(f"  ChainVerifier setup (root + {len(crls)} CRLs)         {setup:9.1f} µs")
    print(f"  warm MLS hook (mission link cached)           {warm:9.1f} µs")
    print(f"every leaf of a {LEAVES}-member tree (MLS hook per leaf)")
    print(f"  no cache (fresh verify per leaf, 2 CRLs)      {t_unc:9.1f} ms")
    print(f"  one ChainVerifier, missions cached, all CRLs  {t_cached:9.1f} ms"
          f"  ({t_cached * 1e3 / LEAVES:.1f} µs/leaf)")


if __name__ == "__main__":
    main()
