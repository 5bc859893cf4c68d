# SPDX-License-Identifier: Apache-2.0
"""The venue's marking scheme travels in its root-signed policy: the secretariat sets it
with ``corridor-relay venue set-markings``, every device adopts it at its next sync and
checks markings against it on send and on receipt; a scheme the root did not sign is
refused with a typed error, and an older policy cannot replace a newer one."""

from __future__ import annotations

import asyncio
import json

import pytest

from client import payloads
from client.errors import UsageError
from client.events import ErrorEvent, Event, PolicyRefused
from client.transparency import LogVerifier, PolicyRollbackError, TransparencyError
from crypto import certs
from crypto.certs.transparency import VenuePolicy, sign_policy
from crypto.corridor import markings
from demo.cli import main as corridor
from server_stub.venue import main as venue_cli
from tests.support.client_venue import Venue

A, B = "alderia-ana", "borduria-ana"
LEVELS = ("PUBLIC", "INTERNAL", "SENSITIVE")


def _set_markings(v: Venue, monkeypatch: pytest.MonkeyPatch, *extra: str) -> None:
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    assert venue_cli(["venue", "set-markings", "--data-dir", str(v.layout.relay_dir),
                      "--levels", ",".join(LEVELS), "--caveat", "CAUCUS ONLY=caucus",
                      "--default-ceiling", "INTERNAL", *extra]) == 0


def _restart(v: Venue) -> None:
    v.relay.stop()
    v.relay.start()


async def test_venue_scheme_is_adopted_and_enforced_on_send_and_receipt(
    venue: Venue, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    v = venue
    await v.sync_all(1)
    a, b = v.client(A), v.client(B)
    assert a.engine.marking_scheme == markings.DEFAULT_SCHEME
    policy_path = v.layout.relay_dir / "venue-policy.bin"
    old_policy = policy_path.read_bytes()
    _set_markings(v, monkeypatch, "--kind-ceiling", "bilateral=INTERNAL")
    assert "PUBLIC < INTERNAL < SENSITIVE" in capsys.readouterr().out
    _restart(v)
    await v.sync_all(1)
    for x in (a, b):
        s = x.engine.marking_scheme
        assert s.levels == LEVELS and s.default_ceiling == "INTERNAL"
        assert s.kind_ceilings == {"bilateral": "INTERNAL"}
    cid = await a.create_channel("multilateral", "venue levels", ["borduria"],
                                 ceiling="sensitive")
    bil = await a.create_channel("bilateral", "capped", ["borduria"], ceiling="sensitive")
    await v.sync_all()
    assert {c.channel_id: c.ceiling for c in b.channels()}[bil] == "INTERNAL"  # kind cap

    await a.send_text(cid, "by the venue's levels", marking="sensitive")
    with pytest.raises(UsageError, match="not a level"):
        await a.send_text(cid, "a default level", marking="RESTRICTED")
    with pytest.raises(UsageError, match="above the channel's ceiling INTERNAL"):
        await a.send_text(bil, "too high for a bilateral", marking="SENSITIVE")

    # a modified client on the default scheme sends a level the venue does not have
    seen: list[Event] = []
    b.subscribe(seen.append)
    a.engine.marking_scheme = markings.DEFAULT_SCHEME
    bad = payloads.Text(message_id=payloads.new_message_id(), sent_at=payloads.now_ms(),
                        body="outside the venue's scheme", marking="RESTRICTED")
    await a.send_payload(cid, bad, _check_policy=False)
    await v.sync_all()
    shown = {m.text: m.marking for m in b.messages(cid)}
    assert shown["by the venue's levels"] == "SENSITIVE"
    assert "outside the venue's scheme" not in shown
    assert any(isinstance(e, PolicyRefused) and "not a level" in e.reason for e in seen)

    # rollback: the relay serves the older policy again; every device keeps the newer.
    # An honest relay keeps serving the newest it served (its copy, venue-policy.served:
    # test_policy_reload.py); a hostile one drops that copy
    policy_path.write_bytes(old_policy)
    (v.layout.relay_dir / "venue-policy.served").unlink()
    _restart(v)
    seen.clear()
    await b.sync()
    assert b.engine.marking_scheme.levels == LEVELS
    assert any(isinstance(e, ErrorEvent) and "older or conflicting" in e.reason
               for e in seen)

    await v.close(B)  # the command line shows the venue's levels
    monkeypatch.setenv("CORRIDOR_INSECURE_FAST_KDF", "1")
    assert await asyncio.to_thread(corridor, ["markings", "--home", str(v.layout.home(B)),
                                              "--json", "--offline"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["source"] == "venue" and out["levels"] == list(LEVELS)
    assert out["kind_ceilings"] == {"bilateral": "INTERNAL"}


def test_forged_and_older_schemes_are_refused() -> None:
    root_seed, other = certs.new_signing_key(), certs.new_signing_key()
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    root = certs.make_root_certificate(root_seed, name="V", not_before=now - timedelta(1),
                                       not_after=now + timedelta(30))
    fp, log_pk = certs.fingerprint(root), certs.public_key_of(certs.new_signing_key())
    body = markings.encode_scheme(markings.MarkingScheme(
        levels=LEVELS, default_ceiling="INTERNAL", issued_at=2))
    v1 = sign_policy(root_seed, fp, log_pk, 1).encode()
    v2 = sign_policy(root_seed, fp, log_pk, 2, markings=body).encode()
    log = LogVerifier(root, home_policy=v1)
    assert log.marking_scheme == markings.DEFAULT_SCHEME
    forged = sign_policy(other, fp, log_pk, 3, markings=body).encode()
    with pytest.raises(TransparencyError, match="not signed by the pinned root"):
        log.adopt_policy(forged)
    assert log.marking_scheme == markings.DEFAULT_SCHEME
    log.adopt_policy(v2)
    assert log.marking_scheme.levels == LEVELS
    with pytest.raises(PolicyRollbackError):
        log.adopt_policy(v1)
    same_time = sign_policy(root_seed, fp, log_pk, 2).encode()  # another policy, no newer
    with pytest.raises(PolicyRollbackError):
        log.adopt_policy(same_time)
    assert log.marking_scheme.levels == LEVELS and VenuePolicy.decode(
        log.state.policy).issued_at == 2
    bad = sign_policy(root_seed, fp, log_pk, 5, markings=b"\x81\xa1x\x01").encode()
    with pytest.raises(TransparencyError, match="marking scheme"):
        log.adopt_policy(bad)  # signed, but no valid scheme inside
