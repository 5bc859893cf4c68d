# SPDX-License-Identifier: Apache-2.0
"""Messaging-feature benchmark: local search over 100,000 stored messages, and the
acknowledgement tracker of a notice to 57 missions.

Search: 100,000 messages (about 12 words each from a 5,000-word vocabulary) are stored
encrypted and indexed with keyed token hashes (client.search) in a real SqliteStore;
the query time is hashing the query, the FTS5 lookup, and decrypting the hits (up to
50), as Client.search does. Tracker: 57 missions x 3 delegates each read, then
acknowledge, the notice (Features.apply per receipt / ack, one store transaction
each, as the engine does), and the per-mission status is built.

Run: .venv/bin/python bench/bench_features.py [--messages N]
"""

from __future__ import annotations

import argparse
import random
import secrets
import tempfile
import time
from pathlib import Path

from client import payloads
from client.features import Features
from client.policy import Ident
from client.search import SearchIndex
from client.store import SqliteStore
from client.store.base import ChannelKind
from crypto.secret_bytes import Secret


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]


def bench_search(n: int, tmp: Path) -> None:
    rng = random.Random(7)
    vocab = ["w" + secrets.token_hex(3) for _ in range(5000)]
    store = SqliteStore.open(tmp / "search.sqlite3", Secret(secrets.token_bytes(32)))
    index = SearchIndex(secrets.token_bytes(32))
    feats = Features(store, index)
    me = Ident("alderia", "ana")
    channels = [secrets.token_bytes(16) for _ in range(10)]
    for i, cid in enumerate(channels):
        store.create_channel(channel_id=cid, group_id=cid, kind=ChannelKind.MULTILATERAL,
                             name=f"c{i}", created_at=i)
    t0 = time.perf_counter()
    batch = 5000
    for start in range(0, n, batch):
        with store.transaction():
            for i in range(start, min(n, start + batch)):
                cid = channels[i % len(channels)]
                body = " ".join(rng.choices(vocab, k=12))
                p = payloads.Text(message_id=payloads.new_message_id(), sent_at=i, body=body)
                # the terms go in with the row, as the engine stores a shown message
                store.insert_message(cid, p.message_id, sender=b"alderia/ana",
                                     body=payloads.encode(p), sent_at=i, received_at=i, seq=i,
                                     terms=feats.terms(p))
                feats.stored(cid, me, p)
    load = time.perf_counter() - t0
    times: list[float] = []
    hits_total = 0
    for q in range(300):
        words = rng.sample(vocab, 2 if q % 3 == 0 else 1)
        query = " ".join(words) if q % 5 else words[0][:4] + "*"
        t = time.perf_counter()
        terms, _recheck = index.query(query)
        hits = store.search_index(terms, limit=50)
        for m in hits:
            payloads.decode(m.body)
        times.append((time.perf_counter() - t) * 1000)
        hits_total += len(hits)
    if not hits_total:  # an empty index answers fast: that is no search figure
        raise SystemExit("search: no query found anything; the index is empty")
    size = sum(p.stat().st_size for p in tmp.glob("search.sqlite3*"))
    print(f"search: {n} messages stored+indexed in {load:.1f} s; 300 queries (1-2 words, "
          f"every 5th a 4-char prefix, up to 50 hits decrypted): p50 {_pct(times, .5):.2f} ms, "
          f"p95 {_pct(times, .95):.2f} ms, max {max(times):.2f} ms "
          f"(target p50 <= 20 ms); mean hits {hits_total / 300:.1f}; store {size / 2**20:.0f} MiB")
    store.close()


def bench_tracker(tmp: Path) -> None:
    store = SqliteStore.open(tmp / "acks.sqlite3", Secret(secrets.token_bytes(32)))
    feats = Features(store, SearchIndex(secrets.token_bytes(32)))
    cid = secrets.token_bytes(16)
    store.create_channel(channel_id=cid, group_id=cid, kind=ChannelKind.NOTICE, name="n",
                         created_at=1)
    missions = [f"m{i:02d}" for i in range(57)]
    chair = Ident("m00", "chair")
    call = payloads.EmergencyCall(message_id=payloads.new_message_id(), sent_at=1,
                                  meeting_at=2, place="Room 3")
    store.insert_message(cid, call.message_id, sender=chair.delegate.encode(),
                         body=payloads.encode(call), sent_at=1, received_at=1, seq=1)
    feats.stored(cid, chair, call)
    people = [Ident(m, f"d{j}") for m in missions[1:] for j in range(3)]
    per: list[float] = []
    t0 = time.perf_counter()
    for kind in ("read", "ack"):
        for who in people:
            p: payloads.Payload
            if kind == "read":
                p = payloads.ReadReceipt(message_id=payloads.new_message_id(), sent_at=3,
                                         message_ids=(call.message_id,))
            else:
                p = payloads.Ack(message_id=payloads.new_message_id(), sent_at=4,
                                 target=call.message_id)
            t = time.perf_counter()
            with store.transaction():
                events = feats.apply(cid, who, p, missions)
            per.append((time.perf_counter() - t) * 1000)
            assert events
    total = time.perf_counter() - t0
    st_times = []
    for _ in range(50):
        t = time.perf_counter()
        st = feats.ack_status(cid, call.message_id, missions)
        st_times.append((time.perf_counter() - t) * 1000)
    assert st.pending == ()
    print(f"ack tracker, 57-mission notice, {len(people)} delegates read then ack "
          f"({len(per)} updates, each its own transaction incl. fsync): total {total:.2f} s, "
          f"per update p50 {_pct(per, .5):.2f} ms p95 {_pct(per, .95):.2f} ms; "
          f"status of 57 missions p50 {_pct(st_times, .5):.2f} ms")
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=100_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        bench_tracker(Path(d))
        bench_search(args.messages, Path(d))


if __name__ == "__main__":
    main()
