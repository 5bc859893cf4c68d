# SPDX-License-Identifier: Apache-2.0
"""What saving a group's state costs per application message, whole or in two parts.

Per group size (default 2, 50 and 200 members; each credential ~1.4 KB, about a
device's certificate chain), one message sent and one received, each followed by the
engine's save into a real ``SqliteStore`` (sealed, fsynced commit) in a temporary
directory on the project's disk:

* ``whole``: ``Group.to_bytes()`` and ``put_group_state`` (the engine before session 7);
* ``split``: ``Group.ratchet_part()`` and ``put_group_ratchets`` (the engine now, while
  the epoch part has not changed: every application message);
* ``epoch``: both parts in one write (the engine now after a commit or a proposal).

Prints median milliseconds of the save alone and of encrypt/decrypt + save, the bytes
serialised per save and the WAL bytes SQLite appended per save. Run:
``.venv/bin/python bench/bench_state.py [--reps N] [sizes...]``.
"""

from __future__ import annotations

import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from client.store import SqliteStore
from crypto import messages as m
from crypto.group import ApplicationMessage, Group, make_key_package
from crypto.messages.key_package import KeyPackageBundle
from crypto.secret_bytes import Secret
from crypto.suites import get_suite

NOW = 1_800_000_000
SUITE = 3
PAD = b"x" * 1400  # about a device's certificate chain


def accept(credential: m.Credential, key: bytes) -> None:
    del credential, key


def bundle(name: str) -> KeyPackageBundle:
    sig, _pub = get_suite(SUITE).generate_signature_key_pair()
    return make_key_package(SUITE, m.Credential.basic(name.encode() + PAD), sig,
                            lifetime=(NOW - 10, NOW + 86400))


def build(n: int) -> tuple[Group, Group]:
    """A sender and a receiver in a group of ``n`` members."""
    sig, _pub = get_suite(SUITE).generate_signature_key_pair()
    a = Group.create(SUITE, b"state-%d" % n, m.Credential.basic(b"m0" + PAD), sig,
                     credential_validator=accept)
    bundles = [bundle(f"m{i}") for i in range(1, n)]
    out = a.commit(add=[b.key_package for b in bundles])
    a.merge_pending_commit()
    assert out.welcome is not None
    return a, Group.join(out.welcome, bundles[-1], credential_validator=accept, now=NOW)


def median_ms(fn: Callable[[], object], reps: int) -> float:
    out = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return statistics.median(out)


def wal_per_save(store: SqliteStore, db: Path, save: Callable[[], object], reps: int) -> int:
    wal = Path(str(db) + "-wal")
    store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = wal.stat().st_size
    for _ in range(reps):
        save()
    return (wal.stat().st_size - before) // reps


def run(n: int, reps: int, tmp: Path) -> dict[str, float]:
    a, r = build(n)
    db = tmp / f"s{n}.sqlite3"
    store = SqliteStore.open(db, Secret(secrets.token_bytes(32)))
    store._conn.execute("PRAGMA wal_autocheckpoint = 0")  # the WAL is measured
    gid = a.group_id

    def whole(g: Group) -> None:
        store.put_group_state(gid, g.epoch, g.to_bytes())

    def epoch(g: Group) -> None:
        part = g.epoch_part()
        store.put_group_state(gid, g.epoch, part, g.ratchet_part())

    def split(g: Group) -> None:
        store.put_group_ratchets(gid, g.epoch, g.ratchet_part())

    def send(save: Callable[[Group], None]) -> None:
        ct = a.encrypt_application(b"x" * 200)
        save(a)
        got = r.process(ct, now=NOW)
        assert isinstance(got, ApplicationMessage)

    def receive(save: Callable[[Group], None]) -> None:
        ct = a.encrypt_application(b"x" * 200)
        got = r.process(ct, now=NOW)
        assert isinstance(got, ApplicationMessage)
        save(r)

    res: dict[str, float] = {
        "whole_B": len(a.to_bytes()), "epoch_B": len(a.epoch_part()),
        "ratchet_B": len(a.ratchet_part()),
    }
    # interleaved, so that the machine's load falls on both ways alike
    for _round in range(2):
        for name, save in (("whole", whole), ("split", split), ("epoch", epoch)):
            epoch(a)  # the row exists and is split (the ratchet-only write needs it)
            res[f"{name}_save_ms"] = median_ms(lambda s=save: s(a), reps)
            epoch(a)
            res[f"{name}_send_ms"] = median_ms(lambda s=save: send(s), reps)
            epoch(r)
            res[f"{name}_recv_ms"] = median_ms(lambda s=save: receive(s), reps)
            epoch(a)
            res[f"{name}_wal_B"] = wal_per_save(store, db, lambda s=save: s(a), reps)
    res["ratchet_after_B"] = len(r.ratchet_part())  # the sender's ratchet derived
    store.close()
    return res


def main() -> None:
    args = sys.argv[1:]
    reps = 40
    if "--reps" in args:
        i = args.index("--reps")
        reps = int(args[i + 1])
        del args[i:i + 2]
    sizes = [int(x) for x in args] or [2, 50, 200]
    with tempfile.TemporaryDirectory(dir=Path(__file__).resolve().parent) as tmp:
        for n in sizes:
            res = run(n, reps, Path(tmp))
            print(f"{n} members: whole state {res['whole_B']:,.0f} B = epoch part "
                  f"{res['epoch_B']:,.0f} B + ratchet part {res['ratchet_B']:,.0f} B "
                  f"(receiver's after the run {res['ratchet_after_B']:,.0f} B)")
            for name in ("whole", "split", "epoch"):
                print(f"  {name:5}: save {res[f'{name}_save_ms']:.3f} ms; send+save "
                      f"{res[f'{name}_send_ms']:.3f} ms; receive+save "
                      f"{res[f'{name}_recv_ms']:.3f} ms; WAL {res[f'{name}_wal_B']:,.0f} B "
                      "per save")


if __name__ == "__main__":
    main()
