# SPDX-License-Identifier: Apache-2.0
"""No log line, the relay's or a client's, holds message content or key material.

A real relay process (``serve --log-json --log-level debug``, the most it says) and two
real clients (every logger at DEBUG, httpx and httpcore included) exchange
representative traffic: a channel with a marked name, marked messages both ways, an
edit, a reaction, an attachment with marked content. Then every line is scanned for the
markers and for each secret in play (device signature keys, bearer tokens, the demo
passphrase, every MLS epoch secret the clients hold) in raw, hex and base64 forms.
Every relay line must also be one JSON object.
"""

from __future__ import annotations

import base64
import json
import logging
import secrets
from collections.abc import Iterator
from pathlib import Path

from crypto.schedule.key_schedule import RETAINED_SECRETS
from tests.support.client_venue import start_venue

A, B = "alderia-ana", "borduria-ana"


def _forms(secret: bytes) -> Iterator[str]:
    yield secret.hex()
    yield secret.hex().upper()
    yield base64.b64encode(secret).decode().rstrip("=")
    yield base64.urlsafe_b64encode(secret).decode().rstrip("=")
    text = secret.decode("latin-1")
    if text.isprintable():
        yield text


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


async def test_no_log_line_holds_content_or_keys(tmp_path: Path) -> None:
    tag = secrets.token_hex(6)
    content = {f"channel-{tag}", f"first message {tag}", f"reply {tag}", f"edited {tag}",
               f"attachment body {tag}", f"caption {tag}", f"report-{tag}.txt"}
    root = logging.getLogger()
    handler, level = _Lines(), root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    v = start_venue(tmp_path, missions=2)
    v.relay.stop()  # again, saying all it can, in JSON
    v.relay.log_level = "debug"
    v.relay.args = ("--log-json",)
    text_log, v.relay.log_path = v.relay.log_path, tmp_path / "relay-json.log"
    v.relay.start()
    try:
        a, b = v.client(A), v.client(B)
        await v.sync_all(1)
        cid = await a.create_channel("bilateral", f"channel-{tag}", ["borduria"])
        await v.sync_all(1)
        first = await a.send_text(cid, f"first message {tag}")
        await b.sync()
        assert b.message(first).text == f"first message {tag}"
        await b.send_text(cid, f"reply {tag}")
        await a.edit(first, f"edited {tag}")
        await b.react(first, "★")
        doc = tmp_path / f"report-{tag}.txt"
        doc.write_text(f"attachment body {tag}")
        att = await a.send_attachment(cid, doc, caption=f"caption {tag}")
        await v.sync_all(2)
        saved = await b.save_attachment(att, tmp_path / "got")
        assert Path(saved).read_text() == f"attachment body {tag}"
        keys: list[bytes] = [v.layout.passphrase.encode()]
        for c in (a, b):
            keys.append(c.engine.me.seed)
            token = getattr(c.transport, "_token", None)
            assert token, "the client logged in, so a bearer token was in play"
            keys.append(token.encode())
            keys.append(token.removeprefix("cr1.").encode())
            for g in c.engine._groups.values():
                s = g._state.secrets  # what a group still holds (the rest is deleted)
                keys += [getattr(s, name).value for name in RETAINED_SECRETS]
    finally:
        await v.close()
        v.relay.stop()
        root.removeHandler(handler)
        root.setLevel(level)

    relay_lines = v.relay.log_path.read_text().splitlines()
    text_lines = text_log.read_text().splitlines()  # its start-up, in the text format
    client_lines = handler.lines
    assert any('"POST /v1/groups/{id}/messages 201' in x for x in relay_lines)
    assert any(x.startswith("httpx ") for x in client_lines)  # the clients did log
    for line in relay_lines:
        if line.startswith("corridor-relay listening on "):
            continue  # the start-up notice on stdout, not a log line
        record = json.loads(line)
        assert {"ts", "level", "logger", "msg"} <= set(record), line
    needles = set(content)
    for k in keys:
        needles.update(f for f in _forms(k) if len(f) >= 8)
    for where, lines in (("relay", relay_lines + text_lines), ("client", client_lines)):
        for line in lines:
            for n in needles:
                assert n not in line, f"{where} log line holds a secret or content: {line}"
