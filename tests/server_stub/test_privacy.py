# SPDX-License-Identifier: Apache-2.0
"""What the relay keeps is ciphertext and routing: its files and logs hold no content.

Clients run a conversation with known plaintext markers, a private group name, member
display names and an attachment, all encrypted with a throwaway SecretBox key (a stand-in
for MLS). Then the relay's whole SQLite store (main file, WAL, shm) and its log are
searched for every marker, raw and in the encodings a careless relay might use.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from pathlib import Path

import httpx
from nacl.secret import SecretBox

from tests.support.relay_client import APPLICATION, b64u, private_message
from tests.support.relay_process import RelayProcess


def encodings(marker: bytes) -> list[bytes]:
    return [marker, marker.hex().encode(), base64.b64encode(marker),
            base64.urlsafe_b64encode(marker).rstrip(b"="), marker.decode().encode("utf-16-le")]


def found_in(blob: bytes, needles: list[bytes]) -> list[bytes]:
    return [n for n in needles if n in blob]


async def test_relay_files_and_logs_hold_no_plaintext_or_private_metadata(
    tmp_path: Path,
) -> None:
    tag = secrets.token_hex(6)
    group_name = f"Caucus-Nordic-alignment-{tag}".encode()
    channel_kind = f"kind-caucus-{tag}".encode()
    names = [f"Delegate-Amelie-{tag}".encode(), f"Delegate-Bjorn-{tag}".encode()]
    markers = [f"PLAINTEXT-MARKER-{i}-{tag}".encode() for i in range(20)]
    attachment_marker = f"ATTACHMENT-MARKER-{tag}".encode()
    secret_words = [group_name, channel_kind, *names, *markers, attachment_marker]

    relay = RelayProcess(tmp_path / "relay", env={"CORRIDOR_RELAY_RATE_BURST": "10000"},
                         log_level="debug")  # the most talkative the relay gets
    relay.start()
    box = SecretBox(os.urandom(32))  # the members' shared key; the relay never sees it
    ciphertexts: list[bytes] = []

    def seal(obj: dict[str, str]) -> bytes:
        ct = bytes(box.encrypt(json.dumps(obj).encode()))
        ciphertexts.append(ct)
        return ct

    try:
        async with httpx.AsyncClient(base_url=relay.url, timeout=10) as http:
            a = await relay.client(http).enrol()
            b = await relay.client(http).enrol()
            await b.publish_key_packages([seal({"kp_owner": names[1].decode()})])
            g = os.urandom(16)
            await a.create_group(g)
            await a.send_commit(g, add=[b])  # a real commit, in the clear, and a Welcome
            # the channel's name, kind as the members call it and who is in it travel
            # only encrypted (here a member's message standing in for the sealed info)
            await a.send(g, private_message(g, 1, APPLICATION, seal({
                "group_name": group_name.decode(), "kind": channel_kind.decode(),
                "members": ", ".join(n.decode() for n in names)})))
            blob_id = await a.upload_blob(seal({"file": attachment_marker.decode()}),
                                          group_id=g)
            async with b.websocket() as ws:
                await ws.until("ready")
                for i, m in enumerate(markers):
                    sender = a if i % 2 == 0 else b
                    await sender.send(g, private_message(
                        g, 1, APPLICATION, seal({"from": names[i % 2].decode(),
                                                 "text": m.decode(), "blob": blob_id})))
                got = 0
                while got < len(markers) // 2:  # a's half; b is not pushed its own
                    f = await ws.recv()
                    if f["type"] == "message":
                        got += 1
                        await ws.send({"type": "ack", "group_id": b64u(g), "seq": f["seq"]})
            assert await b.download_blob(blob_id) == ciphertexts[-len(markers) - 1]
            # the files are read while the relay runs: WAL and shm hold recent writes
            files = sorted(p for p in relay.data_dir.iterdir() if "relay.sqlite3" in p.name)
            assert {p.name for p in files} >= {"relay.sqlite3", "relay.sqlite3-wal"}
            store = b"".join(p.read_bytes() for p in files)
            # the test is able to fail: the ciphertexts themselves are in the store
            assert ciphertexts[-1] in store and ciphertexts[0] in store
    finally:
        relay.kill9()  # no clean shutdown: the WAL stays as a crash would leave it

    store = b"".join(p.read_bytes() for p in relay.data_dir.iterdir()
                     if "relay.sqlite3" in p.name)
    log = relay.log_path.read_bytes()
    assert b"POST /v1/groups" in log  # the log is real, and it records requests
    for word in secret_words:
        needles = encodings(word)
        assert not found_in(store, needles), f"{word!r} found in the relay's database"
        assert not found_in(log, needles), f"{word!r} found in the relay's log"
    assert b64u(g).encode() not in log  # routing ids stay in the store, not in logs
    for ct in ciphertexts:  # the relay never logs payload bytes, in any encoding
        for needle in (ct[24:56], ct[24:56].hex().encode(), base64.b64encode(ct)[32:80]):
            assert needle not in log
