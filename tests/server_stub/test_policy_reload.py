# SPDX-License-Identifier: Apache-2.0
"""The running relay takes a new venue policy (a new marking scheme from ``corridor-relay
venue set-markings``) without a restart: when the file changes (noticed at the next
policy request) and on SIGHUP. A forged policy, one naming another log key, and an
older one are refused: the running policy stays served and the refusal is one JSON log
line with its reason and no key material. Over the real relay process."""

from __future__ import annotations

import base64
import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from crypto import certs
from crypto.certs.keyfile import open_key
from crypto.certs.transparency import VenuePolicy, sign_policy
from crypto.corridor import markings
from demo.venue import DemoLayout, provision
from server_stub.transparency import LOG_KEY, POLICY
from server_stub.venue import ROOT_CERT, ROOT_KEY, ROOT_LABEL
from server_stub.venue import main as venue_cli
from tests.support.client_venue import Venue, no_keyring
from tests.support.relay_process import RelayProcess, free_port

LEVELS = ("PUBLIC", "INTERNAL", "SENSITIVE")
#: seconds to wait for the relay to log what a signal made it do (a loaded runner)
WAIT = 60.0


@pytest.fixture
def venue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Venue]:
    no_keyring()
    port = free_port()
    layout = provision(tmp_path, port, missions=2, delegates=1)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", layout.passphrase)
    relay = RelayProcess(layout.relay_dir, port=port, args=("--log-json",)).start()
    try:
        yield Venue(layout, relay)
    finally:
        relay.stop()


def served(v: Venue) -> bytes:
    r = httpx.get(f"{v.layout.relay_url}/v1/log/policy", timeout=30)
    r.raise_for_status()
    return base64.b64decode(r.json()["policy"])


def set_markings(layout: DemoLayout, *levels: str) -> bytes:
    assert venue_cli(["venue", "set-markings", "--data-dir", str(layout.relay_dir),
                      "--levels", ",".join(levels)]) == 0
    return (layout.relay_dir / POLICY).read_bytes()


def events(v: Venue, name: str) -> list[dict[str, object]]:
    lines = v.relay.log_path.read_text(errors="replace").splitlines()
    out = []
    for ln in lines:
        try:
            rec = json.loads(ln)
        except ValueError:
            continue
        if isinstance(rec, dict) and rec.get("event") == name:
            out.append(rec)
    return out


def replace(path: Path, data: bytes) -> None:
    """Write like set-markings does (a new file renamed over the old one)."""
    tmp = path.with_suffix(".new")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def test_new_policy_served_without_restart_and_bad_ones_refused(venue: Venue) -> None:
    v, layout = venue, venue.layout
    path = layout.relay_dir / POLICY
    first = served(v)
    assert first == path.read_bytes()
    pid = v.relay.proc.pid if v.relay.proc else None

    # set-markings while the relay runs: the next request gets the new policy
    newer = set_markings(layout, *LEVELS)
    assert served(v) == newer != first
    scheme = markings.decode_scheme(VenuePolicy.decode(served(v)).markings)
    assert scheme.levels == LEVELS
    [adopted] = events(v, "venue_policy_adopted")
    assert adopted["trigger"] == "file changed"
    assert adopted["issued_at"] == VenuePolicy.decode(newer).issued_at

    # forged (another key signs for this root, later), another log key, older: refused
    root_der = _root_der(layout)
    root_seed = open_key((layout.relay_dir / ROOT_KEY).read_bytes(), layout.passphrase,
                         label=ROOT_LABEL).secret
    log_seed = (layout.relay_dir / LOG_KEY).read_bytes()
    later = VenuePolicy.decode(newer).issued_at + 100
    fp, log_pk = certs.fingerprint(root_der), certs.public_key_of(log_seed)
    body = VenuePolicy.decode(newer).markings
    forged = sign_policy(certs.new_signing_key(), fp, log_pk, later, markings=body).encode()
    other_log = sign_policy(root_seed, fp, certs.public_key_of(certs.new_signing_key()),
                            later, markings=body).encode()
    for bad, reason in ((forged, "not_signed_by_root"), (other_log, "another_log_key"),
                        (first, "not_newer"), (b"\x00\x02garbage", "malformed")):
        replace(path, bad)
        assert served(v) == newer, reason
        refused = events(v, "venue_policy_refused")[-1]
        assert refused["reason"] == reason and refused["level"] == "warning"
        assert refused["running_issued_at"] == VenuePolicy.decode(newer).issued_at
    log_text = v.relay.log_path.read_text(errors="replace")
    secrets = [root_seed, log_seed, VenuePolicy.decode(forged).signature,
               VenuePolicy.decode(other_log).signature]
    for secret in secrets:  # nothing of a key or a signature, in any spelling
        for spelled in (secret.hex(), base64.b64encode(secret).decode()):
            assert spelled not in log_text
    assert len(events(v, "venue_policy_refused")) == 4

    # SIGHUP: re-read with no request to notice it; the relay keeps running
    replace(path, newer)  # as served (same bytes: nothing to adopt); set-markings reads it
    latest = set_markings(layout, "OPEN", "CLOSED")
    assert pid is not None
    os.kill(pid, signal.SIGHUP)
    deadline = time.monotonic() + WAIT
    while not [e for e in events(v, "venue_policy_adopted") if e["trigger"] == "SIGHUP"]:
        assert time.monotonic() < deadline, "no adoption logged after SIGHUP"
        assert v.relay.proc is not None and v.relay.proc.poll() is None, "SIGHUP killed it"
        time.sleep(0.05)
    assert served(v) == latest
    assert v.relay.proc is not None and v.relay.proc.poll() is None


def _root_der(layout: DemoLayout) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    pem = (layout.relay_dir / ROOT_CERT).read_bytes()
    return x509.load_pem_x509_certificate(pem).public_bytes(Encoding.DER)


async def test_a_device_adopts_the_new_scheme_at_its_next_sync(venue: Venue) -> None:
    v = venue
    a = v.client("alderia-ana")
    await a.sync()
    assert a.engine.marking_scheme == markings.DEFAULT_SCHEME
    set_markings(v.layout, *LEVELS)
    await a.sync()  # the same relay process: no restart
    assert a.engine.marking_scheme.levels == LEVELS
    await v.close()


def test_an_older_policy_file_at_start_is_not_served(venue: Venue) -> None:
    """A restored backup or a stray copy puts an older (validly signed) policy file in
    place while the relay is down: the restarted relay keeps serving the newest one it
    served, logs the refusal, and a newer file is still taken."""
    v, layout = venue, venue.layout
    path = layout.relay_dir / POLICY
    first = served(v)
    newer = set_markings(layout, *LEVELS)
    assert served(v) == newer
    v.relay.stop()
    replace(path, first)  # the older policy, as the venue root signed it
    v.relay.start()
    assert served(v) == newer
    [refused] = [e for e in events(v, "venue_policy_refused") if e["trigger"] == "start"]
    assert refused["reason"] == "older_than_served"
    assert refused["issued_at"] == VenuePolicy.decode(first).issued_at
    assert refused["running_issued_at"] == VenuePolicy.decode(newer).issued_at
    # a forged "newer" file at start is refused the same way
    root_der = _root_der(layout)
    log_seed = (layout.relay_dir / LOG_KEY).read_bytes()
    forged = sign_policy(certs.new_signing_key(), certs.fingerprint(root_der),
                         certs.public_key_of(log_seed),
                         VenuePolicy.decode(newer).issued_at + 100).encode()
    v.relay.stop()
    replace(path, forged)
    v.relay.start()
    assert served(v) == newer
    assert [e["reason"] for e in events(v, "venue_policy_refused")
            if e["trigger"] == "start"][-1] == "not_signed_by_root"
    # the venue tool's next policy is newer than both: taken at start, and kept
    v.relay.stop()
    replace(path, newer)
    latest = set_markings(layout, "OPEN", "CLOSED")
    v.relay.start()
    assert served(v) == latest
    v.relay.stop()
    replace(path, newer)
    v.relay.start()
    assert served(v) == latest
