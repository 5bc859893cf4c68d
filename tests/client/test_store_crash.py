# SPDX-License-Identifier: Apache-2.0
"""THREATS 18: a client killed at any write while merging a commit.

A child process commits, in a loop, what processing one MLS commit writes: the new group
state in its two parts (each blob names its own epoch), the channel cursor, and the
messages of that epoch, all in one ``store.transaction()``; then, as application
messages do, the ratchet part alone a few times. After each commit it reports the epoch
on a pipe. The parent SIGKILLs it at a random moment, reopens the store and checks that

* the store opens and SQLite's integrity check passes;
* state (both parts), cursor and messages agree on one epoch (all-or-nothing: no kill
  leaves the parts of two epochs);
* every epoch the child reported as committed is there (nothing acknowledged is lost);
* no message from a later, uncommitted epoch is visible.

Run as a script, this file is the child.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from client.store.schema import LATEST

ROOT = Path(__file__).resolve().parents[2]
MESSAGES_PER_EPOCH = 3
CHANNEL = b"crash-channel"
GROUP = b"crash-group"


def message_id(epoch: int, k: int) -> bytes:
    return epoch.to_bytes(12, "big") + k.to_bytes(4, "big")


def state_blob(epoch: int, rng: random.Random) -> bytes:
    """Self-describing state; variable padding makes commits span several pages."""
    return b"EPOCH:%d:" % epoch + rng.randbytes(rng.randrange(100, 12_000))


def blob_epoch(blob: bytes) -> int:
    head, _, _ = blob.partition(b":")[2].partition(b":")
    return int(head)


def child(db: str, key_hex: str) -> None:
    from client.store import ChannelKind, SqliteStore
    from crypto.secret_bytes import Secret

    store = SqliteStore.open(db, Secret(bytes.fromhex(key_hex)))
    try:
        store.get_channel(CHANNEL)
    except Exception:
        store.create_channel(
            channel_id=CHANNEL, group_id=GROUP, kind=ChannelKind.CAUCUS, name="c", created_at=0
        )
    current = store.get_group_state(GROUP)
    epoch = 0 if current is None else current.epoch
    rng = random.Random()
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    while True:
        epoch += 1
        with store.transaction():
            store.put_group_state(GROUP, epoch, state_blob(epoch, rng),
                                  state_blob(epoch, rng))
            for k in range(MESSAGES_PER_EPOCH):
                assert store.insert_message(
                    CHANNEL,
                    message_id(epoch, k),
                    sender=b"s",
                    body=rng.randbytes(rng.randrange(10, 2000)),
                    sent_at=epoch,
                    received_at=epoch,
                    seq=epoch,
                )
            store.set_channel_cursor(CHANNEL, epoch)
        out.write(f"{epoch}\n")
        out.flush()
        for _ in range(2):  # application messages: the ratchet part alone
            store.put_group_ratchets(GROUP, epoch, state_blob(epoch, rng))


def check(db: Path, key: bytes, reported: int) -> int:
    from client.store import SqliteStore
    from crypto.secret_bytes import Secret

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    store = SqliteStore.open(db, Secret(key))
    try:
        state = store.get_group_state(GROUP)
        if state is None:
            assert reported == 0
            return 0
        epoch = state.epoch
        assert blob_epoch(state.state) == epoch
        assert state.ratchets is not None and blob_epoch(state.ratchets) == epoch
        assert store.get_channel(CHANNEL).cursor == epoch
        assert epoch >= reported, f"committed epoch {reported} lost (store at {epoch})"
        ids = [m.message_id for m in store.iter_messages(CHANNEL)]
        expected = [message_id(e, k) for e in range(1, epoch + 1) for k in range(3)]
        assert ids == expected
        assert all(not m.damaged for m in store.list_messages(CHANNEL, limit=100))
        return epoch
    finally:
        store.close()


#: The child for the next test: a new store's first open, SIGKILLed by schema step
#: ``argv[3]`` inside that step's transaction (after every earlier one committed).
_KILLED_IN_A_STEP = """
import os, signal, sys
from client.store import SqliteStore, schema
from crypto.secret_bytes import Secret

def killed(conn):
    os.kill(os.getpid(), signal.SIGKILL)

step = int(sys.argv[3])
schema.MIGRATIONS = tuple(killed if i == step else m for i, m in enumerate(schema.MIGRATIONS))
SqliteStore.open(sys.argv[1], Secret(bytes.fromhex(sys.argv[2])))
"""


@pytest.mark.timeout(60)
@pytest.mark.parametrize("step", range(LATEST))
def test_a_new_store_killed_in_any_schema_step_opens_afterwards(tmp_path: Path,
                                                               step: int) -> None:
    """A new store records version 0 in one transaction and runs each step in its own,
    so a kill in step ``step`` leaves version ``step`` and the next open goes on from
    there. Step 0 is the case that failed: the version table says 0 and nothing else is
    there, and the open created the version table again ("table schema_version already
    exists", on every later open)."""
    db = tmp_path / "store.sqlite3"
    key = os.urandom(32)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", _KILLED_IN_A_STEP, str(db), key.hex(), str(step)],
        env=env, cwd=ROOT, capture_output=True, timeout=50)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode(errors="replace")
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(step,)]
        if step == 0:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            assert names == {"schema_version"}
    finally:
        conn.close()
    assert check(db, key, 0) == 0
    # the store is whole: the committing child runs on it and what it reported stays
    child_proc = subprocess.Popen([sys.executable, __file__, str(db), key.hex()],
                                  stdout=subprocess.PIPE, env=env, cwd=ROOT)
    assert child_proc.stdout is not None
    assert child_proc.stdout.readline() == b"ready\n"
    reported = int(child_proc.stdout.readline())
    os.kill(child_proc.pid, signal.SIGKILL)
    child_proc.wait()
    assert reported >= 1 and check(db, key, reported) >= reported


@pytest.mark.timeout(60)
def test_sigkill_during_commits_is_all_or_nothing(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    key = os.urandom(32)
    rng = random.Random()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    epochs: list[int] = []
    kills_mid_run = 0
    deadline = time.monotonic() + 9.0
    iterations = 0
    while iterations < 8 and (iterations < 4 or time.monotonic() < deadline):
        iterations += 1
        proc = subprocess.Popen(
            [sys.executable, __file__, str(db), key.hex()],
            stdout=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        assert proc.stdout is not None
        if iterations == 1:
            # An early kill hits the open path (migrations, key check).
            time.sleep(rng.uniform(0.05, 0.8))
        else:
            assert proc.stdout.readline() == b"ready\n"
            time.sleep(rng.uniform(0.02, 0.5))
        os.kill(proc.pid, signal.SIGKILL)
        lines = [line for line in proc.stdout.read().split() if line != b"ready"]
        proc.wait()
        assert proc.returncode == -signal.SIGKILL, "the child died on its own"
        reported = int(lines[-1]) if lines else 0
        kills_mid_run += bool(lines)
        previous = epochs[-1] if epochs else 0
        epoch = check(db, key, max(reported, previous))
        epochs.append(epoch)
    print("epochs after each kill:", epochs)
    assert kills_mid_run >= 2, "the child was never killed while committing"
    assert epochs[-1] > 0


if __name__ == "__main__":
    child(sys.argv[1], sys.argv[2])
