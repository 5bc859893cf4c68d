# SPDX-License-Identifier: Apache-2.0
"""The engine's typed records in both stores, and the migration from the layout before
them (schema 4: the records in ``group_states`` under ``b"\\xff"`` keys).

``data/engine_state_v4.json`` holds every such record as the engine of schema 4 wrote
it: a device that joined a channel by Welcome, merged a self-update commit, had two gaps
and two refusals pending, three one-time and two last-resort KeyPackages, and one client
message id not handed back yet; plus the directory's log view (``\\xfflog``, moved too
since schema 6) and the MLS group state, which stays where it is. It was captured by
driving the schema-4 engine (commit 2530385) over a MemoryStore and dumping its
group-state table.
"""

from __future__ import annotations

import json
import sqlite3
import struct
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest

from client.engine import Engine, EngineSettings
from client.engine.settings import CRASH_POINTS
from client.errors import StoreKeyError
from client.msgids import APP, SendIds, SendRef
from client.store import MemoryStore, SqliteStore, schema
from client.store.engine_state import (
    EngineStore,
    EpochFingerprint,
    LastResortRecord,
    SendIdRecord,
    StoredKeyPackage,
)
from client.store.sealing import RowCipher
from crypto.secret_bytes import Secret

FIXTURE = Path(__file__).parent / "data" / "engine_state_v4.json"
KEY = Secret(bytes(range(32)))
LAST_RELEASED = 4


def _fixture() -> dict[str, object]:
    data: dict[str, object] = json.loads(FIXTURE.read_text())
    return data


def _rows() -> dict[bytes, tuple[int, bytes]]:
    rows = _fixture()["group_states"]
    assert isinstance(rows, dict)
    return {bytes.fromhex(k): (int(v[0]), bytes.fromhex(v[1])) for k, v in rows.items()}


def _old_home(db: Path, key: Secret = KEY) -> None:
    """A store as schema 4 left it: its key check and the group-state rows sealed the
    way ``SqliteStore.put_group_state`` sealed them."""
    conn = sqlite3.connect(db, isolation_level=None)
    schema.migrate(conn, target=LAST_RELEASED)
    cipher = RowCipher(key)
    conn.execute("INSERT INTO meta VALUES ('key_check', ?)",
                 (cipher.seal(b"corridor store key check v1", "meta", b"key_check"),))
    for group_id, (epoch, state) in _rows().items():
        sealed = cipher.seal(state, "group_states", group_id, struct.pack(">Q", epoch))
        conn.execute("INSERT INTO group_states VALUES (?, ?, ?)", (group_id, epoch, sealed))
    conn.close()


def _with(prefix: bytes) -> dict[bytes, bytes]:
    return {k[len(prefix):]: v for k, (_e, v) in _rows().items() if k.startswith(prefix)}


def test_a_store_of_the_last_release_migrates_keeping_every_engine_record(
        tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    _old_home(db)
    store = SqliteStore.open(db, KEY)
    assert schema.current_version(store._conn) == schema.LATEST > LAST_RELEASED
    gid = bytes.fromhex(str(_fixture()["group_id"]))

    # gaps and refusals
    assert store.get_gaps(gid) == [(7, 9), (12, 12)]
    assert store.get_refusals(gid) == [4, 5]
    # the fork check's fingerprints (two epochs) and merged commit digests
    (old_fps,) = _with(b"\xfffp").values()
    assert len(old_fps) == 2 * 24
    assert store.get_fingerprints(gid) == [
        EpochFingerprint(int.from_bytes(old_fps[i:i + 8], "big"), old_fps[i + 8:i + 24])
        for i in (0, 24)]
    (old_merged,) = _with(b"\xffcm" + gid[:3]).values()
    assert store.get_merged_commits(gid) == [old_merged[i:i + 16]
                                             for i in range(0, len(old_merged), 16)] != []
    # KeyPackages: one-time and last-resort bundles, and the last-resort record
    one_time, last_resort = _with(b"\xffkp"), _with(b"\xfflr")
    assert (len(one_time), len(last_resort)) == (3, 2)
    for ref, bundle in one_time.items():
        assert store.get_key_package(ref) == StoredKeyPackage(bundle, False)
    for ref, bundle in last_resort.items():
        assert store.get_key_package(ref) == StoredKeyPackage(bundle, True)
    rec = store.get_last_resort()
    assert rec.current == bytes.fromhex(str(_fixture()["last_resort_current"]))
    assert set(rec.refs) == set(last_resort) and rec.published_at > 0 and not rec.used
    # the unsent message's client id: still recognised, and reused for a resend
    cmid = str(_fixture()["unsent_client_msg_id"])
    ids = SendIds(store)
    assert ids.lookup(cmid) == SendRef(APP, b"\x11" * 16, 2)
    assert ids.id_for(APP, gid, b"\x11" * 16, 2) == cmid
    # the directory's log view moves too (schema 6): only the MLS group state stays
    assert store.get_log_state() == _rows()[b"\xfflog"][1]
    left = {r[0] for r in store._conn.execute("SELECT group_id FROM group_states")}
    assert left == {gid}
    st = store.get_group_state(gid)
    assert st is not None and st.state == _rows()[gid][1]
    engine_rows = len(_rows()) - 1
    # every old row became one record (the client id's two rows: two records)
    assert store._conn.execute("SELECT count(*) FROM engine_state").fetchone()[0] == engine_rows
    store.close()
    # opening again changes nothing
    again = SqliteStore.open(db, KEY)
    assert again.get_gaps(gid) == [(7, 9), (12, 12)]
    again.close()


def test_a_store_of_schema_5_moves_the_directory_records(tmp_path: Path) -> None:
    """Schema 5 kept the directory's CRLs and log view in ``group_states`` under
    ``b"\\xffcrls"`` and ``b"\\xfflog"``; opening such a store moves them to typed
    records and leaves the MLS group state and other modules' records where they are."""
    db = tmp_path / "store.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    schema.migrate(conn, target=5)
    cipher = RowCipher(KEY)
    conn.execute("INSERT INTO meta VALUES ('key_check', ?)",
                 (cipher.seal(b"corridor store key check v1", "meta", b"key_check"),))
    crls = [b"crl-one", b"crl-two"]
    log_view = b"\x92\x01opaque log view"
    rows = {b"\xffcrls": msgspec.msgpack.encode(crls), b"\xfflog": log_view,
            b"\xffmute": b"\x90", b"group-1": b"mls state"}
    for group_id, state in rows.items():
        sealed = cipher.seal(state, "group_states", group_id, struct.pack(">Q", 0))
        conn.execute("INSERT INTO group_states VALUES (?, ?, ?)", (group_id, 0, sealed))
    conn.close()

    store = SqliteStore.open(db, KEY)
    assert schema.current_version(store._conn) == schema.LATEST >= 6
    assert store.get_crls() == crls
    assert store.get_log_state() == log_view
    left = {r[0] for r in store._conn.execute("SELECT group_id FROM group_states")}
    assert left == {b"group-1"}  # the mute list moved too (schema 9)
    assert store.get_client_record("mute") == b"\x90"
    st = store.get_group_state(b"group-1")
    assert st is not None and st.state == b"mls state"
    store.close()


def test_a_store_of_schema_8_moves_the_mute_list_and_health_warnings(tmp_path: Path) -> None:
    """Schema 8 kept the mute list and the health warnings under ``b"\\xffmute"`` and
    ``b"\\xffhealth"``; from 9 ``group_states`` holds MLS group state only, and the
    muted channels and routing warnings read back as before."""
    from client.health import HealthRecord
    from client.mute import muted, set_muted

    db = tmp_path / "store.sqlite3"
    conn = sqlite3.connect(db, isolation_level=None)
    schema.migrate(conn, target=8)
    cipher = RowCipher(KEY)
    conn.execute("INSERT INTO meta VALUES ('key_check', ?)",
                 (cipher.seal(b"corridor store key check v1", "meta", b"key_check"),))
    health = HealthRecord(routing={"ab": ("mismatch", "text", ["x/y"], [])})
    rows = {b"\xffmute": msgspec.msgpack.encode(["aa" * 16]),
            b"\xffhealth": msgspec.msgpack.encode(health), b"group-1": b"mls state"}
    for group_id, state in rows.items():
        sealed = cipher.seal(state, "group_states", group_id, struct.pack(">Q", 0))
        conn.execute("INSERT INTO group_states VALUES (?, ?, ?)", (group_id, 0, sealed))
    conn.close()

    store = SqliteStore.open(db, KEY)
    assert schema.current_version(store._conn) == schema.LATEST >= 9
    left = {r[0] for r in store._conn.execute("SELECT group_id FROM group_states")}
    assert left == {b"group-1"}
    assert muted(store) == {"aa" * 16}
    assert HealthRecord.load(store).routing_status("ab").missing == ("x/y",)
    assert set_muted(store, "bb" * 16, True) and muted(store) == {"aa" * 16, "bb" * 16}
    store.close()
    again = SqliteStore.open(db, KEY)
    assert muted(again) == {"aa" * 16, "bb" * 16}
    again.close()


def test_a_client_record_kind_is_never_an_engine_one(tmp_path: Path) -> None:
    store = SqliteStore.open(tmp_path / "s.sqlite3", KEY)
    with pytest.raises(ValueError, match="no client record kind"):
        store.put_client_record("gaps", b"x")
    store.close()


def test_a_wrong_key_migrates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    _old_home(db)
    with pytest.raises(StoreKeyError):
        SqliteStore.open(db, Secret(bytes(32)))
    conn = sqlite3.connect(db)
    assert schema.current_version(conn) == LAST_RELEASED
    assert conn.execute("SELECT count(*) FROM group_states").fetchone()[0] == len(_rows())
    conn.close()


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EngineStore]:
    s: EngineStore = SqliteStore.open(tmp_path / "s.sqlite3", KEY) \
        if request.param == "sqlite" else MemoryStore()
    yield s
    s.close()


def test_both_stores_keep_engine_records_alike(store: EngineStore) -> None:
    g = b"group-1"
    assert store.get_gaps(g) == [] and store.get_refusals(g) == []
    store.put_gaps(g, [(3, 4), (9, 9)])
    store.put_refusals(g, [7])
    assert store.get_gaps(g) == [(3, 4), (9, 9)] and store.get_refusals(g) == [7]
    store.put_refusals(b"group-0", [2, 3])
    assert store.refusal_groups() == [b"group-0", g]  # gaps are another kind
    store.put_gaps(g, [])
    store.put_refusals(g, [])
    assert store.get_gaps(g) == [] and store.get_refusals(g) == []
    assert store.refusal_groups() == [b"group-0"]
    store.put_refusals(b"group-0", [])
    assert store.refusal_groups() == []
    fps = [EpochFingerprint(1, b"f" * 16), EpochFingerprint(2, b"g" * 16)]
    store.put_fingerprints(g, fps)
    store.put_merged_commits(g, [b"d" * 16])
    assert store.get_fingerprints(g) == fps and store.get_merged_commits(g) == [b"d" * 16]
    store.put_key_package(b"ref", b"bundle", last_resort=True)
    assert store.get_key_package(b"ref") == StoredKeyPackage(b"bundle", True)
    store.delete_key_package(b"ref")
    assert store.get_key_package(b"ref") is None
    assert store.get_last_resort() == LastResortRecord()
    store.put_last_resort(LastResortRecord(refs=(b"r",), current=b"r", published_at=5))
    assert store.get_last_resort().current == b"r"
    store.put_send_id(b"digest", b"raw", "cmid", SendIdRecord("app", b"m", 1))
    assert store.get_send_id(b"digest") == "cmid"
    assert store.get_send_ref(b"raw") == SendIdRecord("app", b"m", 1)
    store.delete_send_id(b"digest", b"raw")
    assert store.get_send_id(b"digest") is None and store.get_send_ref(b"raw") is None


def test_both_stores_keep_the_directory_records_alike(store: EngineStore) -> None:
    assert store.get_crls() == [] and store.get_log_state() is None
    store.put_crls([b"crl-a", b"crl-b"])
    store.put_log_state(b"view")
    assert store.get_crls() == [b"crl-a", b"crl-b"] and store.get_log_state() == b"view"
    store.put_crls([])
    assert store.get_crls() == []


def test_engine_records_roll_back_with_the_transaction(store: EngineStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.put_gaps(b"g", [(1, 2)])
        raise RuntimeError("abort")
    assert store.get_gaps(b"g") == []


def test_settings_come_from_outside_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CORRIDOR_ATTACHMENT_HOLD_SECONDS", raising=False)  # tests/conftest
    monkeypatch.setenv("CORRIDOR_SELF_UPDATE_DAYS", "2")
    monkeypatch.setenv("CORRIDOR_LAST_RESORT_DAYS", "0")
    assert EngineSettings.from_env() == EngineSettings(self_update_seconds=2 * 86400,
                                                       last_resort_seconds=0)
    assert EngineSettings.from_env({}) == EngineSettings()
    from client.engine.model import DeviceIdentity
    from client.trust import Trust

    me = DeviceIdentity(seed=bytes(32), chain=())
    engine = Engine(MemoryStore(), me, Trust.__new__(Trust))
    assert engine.settings == EngineSettings()  # the environment is not read
    engine.self_update_seconds = 5
    assert engine.settings.self_update_seconds == 5


def test_the_crash_hook_is_only_called_with_named_points() -> None:
    from client.crashpoints import crash_hook_from_env

    assert crash_hook_from_env({}) is None
    hook = crash_hook_from_env({"CORRIDOR_CRASH_AT": "no-such-point"})
    assert hook is not None
    for point in CRASH_POINTS:
        hook(point)  # not the named one: the process lives on


def test_former_members_chains_are_kept_once_and_bounded(store: EngineStore) -> None:
    from client.store.engine_state import MAX_FORMER_CHAINS

    g = b"group-1"
    assert store.get_former_chains(g) == []
    store.add_former_chains(g, [[b"dev-1", b"mission"], [b"dev-2", b"mission"]])
    store.add_former_chains(g, [[b"dev-1", b"mission"], [], [b"dev-3", b"mission"],
                                [b"dev-3", b"mission"]])  # known, empty, twice in one call
    assert store.get_former_chains(g) == [[b"dev-1", b"mission"], [b"dev-2", b"mission"],
                                          [b"dev-3", b"mission"]]
    assert store.get_former_chains(b"group-2") == []
    store.add_former_chains(g, [[b"n%d" % i] for i in range(MAX_FORMER_CHAINS)])
    kept = store.get_former_chains(g)
    assert len(kept) == MAX_FORMER_CHAINS and kept[0] == [b"n0"]  # the oldest went first
