# SPDX-License-Identifier: Apache-2.0
"""THREATS 20: a laptop is taken. After a real conversation (text, a hotline message, an
attachment fetched for display, a reaction) through a real relay process, every file
under each device's home is scanned for plaintext (bodies, the channel name, the
attachment's name and content) and for key material (the device's signature seed, the
search-index key, every secret of every channel's current epoch), raw, hex and
base64. Only the sealed key file and the encrypted store may hold them, and only in
encrypted form, so none may appear anywhere.

(``tests/client/test_integration_fork.py::test_home_holds_no_plaintext`` scans for
message bodies and the channel name; this adds keys, attachments and more kinds.)
"""

from __future__ import annotations

import base64
import dataclasses
import secrets
from pathlib import Path

from crypto.schedule.key_schedule import DELETED, RETAINED_SECRETS
from crypto.secret_bytes import Secret
from tests.support.client_venue import Venue

A, B = "alderia-ana", "borduria-ana"


def forms(value: bytes) -> list[bytes]:
    return [value, value.hex().encode(), value.hex().upper().encode(),
            base64.b64encode(value).rstrip(b"="), base64.urlsafe_b64encode(value).rstrip(b"=")]


def epoch_secrets(client: object, gid: bytes) -> list[bytes]:
    g = client.engine._group(gid)  # type: ignore[attr-defined]
    out = []
    for f in dataclasses.fields(g._state.secrets):
        v = getattr(g._state.secrets, f.name)
        if isinstance(v, Secret) and v is not DELETED:  # the rest are gone (RFC 9420 §9.2)
            out.append(v.value)
    assert len(out) == len(RETAINED_SECRETS)
    return out


async def test_a_taken_laptop_holds_no_plaintext_and_no_key(venue: Venue,
                                                            tmp_path: Path) -> None:
    v = venue
    a, b = v.client(A), v.client(B)
    await a.sync()
    await b.sync()
    name = "caucus-" + secrets.token_hex(6)
    cid = await a.create_channel("caucus", name, ["borduria"])
    await b.sync()
    texts = ["text-" + secrets.token_hex(8) for _ in range(3)]
    hotline = "hotline-" + secrets.token_hex(8)
    for i, t in enumerate(texts):
        await (a if i % 2 else b).send_text(cid, t)
    await a.send_text(cid, hotline, requires_ack=True)
    content = b"attachment-content-" + secrets.token_hex(32).encode()
    file_name = "file-" + secrets.token_hex(6) + ".txt"
    src = tmp_path / file_name
    src.write_bytes(content)
    mid = await a.send_attachment(cid, src, caption="caption-" + secrets.token_hex(6))
    src.unlink()
    await b.sync()
    await a.sync()
    got = [m for m in b.messages(cid, limit=100)]
    assert {*texts, hotline} <= {m.text for m in got}
    assert mid in {m.message_id for m in got}
    assert await b.fetch_attachment(mid) == content
    await b.sync()

    gid = bytes.fromhex(cid)
    needles: dict[str, bytes] = {"channel name": name.encode(), "file name": file_name.encode(),
                                 "attachment": content}
    for i, t in enumerate([*texts, hotline]):
        needles[f"text {i}"] = t.encode()
    for who, c in ((A, a), (B, b)):
        needles[f"{who} seed"] = c.engine.me.seed
        index = c.engine.features.index
        assert index is not None
        needles[f"{who} search key"] = index._key
        for k, s in enumerate(epoch_secrets(c, gid)):
            needles[f"{who} epoch secret {k}"] = s
    await v.close()

    scanned = 0
    for who in (A, B):
        for path in v.layout.home(who).rglob("*"):
            if not path.is_file():
                continue
            data = path.read_bytes()
            scanned += 1
            for label, value in needles.items():
                for form in forms(value):
                    assert form not in data, (str(path), label)
                if value.isascii():
                    assert value.decode().encode("utf-16-le") not in data, (str(path), label)
    assert scanned >= 4
