# SPDX-License-Identifier: Apache-2.0
"""deploy/: the systemd unit's hardening and command line, and the HAProxy sample run
for real (on loopback ports) in front of a relay process, with the venue-issued TLS
certificate, a real client through it, and /metrics kept from outside."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from client.transport import HttpTransport, RelayRefused, venue_tls_context
from crypto import certs
from server_stub.cli import _check_bind, build_parser
from server_stub.tls import issue_relay_certificate
from tests.support.pki import Pki
from tests.support.relay_process import RelayProcess, free_port

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "deploy" / "corridor-relay@.service"
HAPROXY = ROOT / "deploy" / "haproxy.cfg"


def _unit() -> dict[str, list[str]]:
    text = UNIT.read_text().replace("\\\n", " ")
    out: dict[str, list[str]] = {}
    for line in text.splitlines():
        if "=" in line and not line.lstrip().startswith(("#", "[")):
            key, value = line.split("=", 1)
            out.setdefault(key.strip(), []).append(value.strip())
    return out


def test_unit_is_hardened() -> None:
    u = _unit()
    for key, value in (("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"),
                       ("PrivateTmp", "yes"), ("ProtectHome", "yes"),
                       ("PrivateDevices", "yes"), ("RestrictSUIDSGID", "yes"),
                       ("CapabilityBoundingSet", ""), ("UMask", "0077")):
        assert u.get(key) == [value], key
    assert u["ReadWritePaths"] == ["/var/lib/corridor-relay"]
    assert u["User"] == ["corridor"]


def test_unit_command_line_is_one_the_relay_accepts() -> None:
    exec_start = shlex.split(_unit()["ExecStart"][0].replace("%i", "8471"))
    assert exec_start[0].endswith("/corridor-relay")
    parser = build_parser()
    args = parser.parse_args(exec_start[1:])
    _check_bind(parser, args)
    assert (args.command, args.host, args.port, args.log_json) == (
        "serve", "127.0.0.1", 8471, True)
    assert str(args.data_dir) in _unit()["ReadWritePaths"]


def test_unit_passes_systemd_analyze() -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed here")
    out = subprocess.run(["systemd-analyze", "verify", str(UNIT)], capture_output=True,
                         text=True)
    complaints = [x for x in (out.stdout + out.stderr).splitlines()
                  if x.strip() and "is not executable" not in x]  # /opt/corridor absent
    assert complaints == []


async def test_haproxy_sample_in_front_of_a_relay(tmp_path: Path) -> None:
    haproxy = shutil.which("haproxy")
    if haproxy is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("haproxy is not installed (.ci/run installs it)")
        pytest.skip("haproxy is not installed here (apt-get install haproxy)")
    pki = Pki(missions=("proxied",), name="Proxy Venue")
    now = datetime.now(UTC)
    der, key = issue_relay_certificate(pki.root, pki.root_seed, hosts=["127.0.0.1"],
                                       not_before=now - timedelta(minutes=5),
                                       not_after=now + timedelta(days=1))
    bundle = tmp_path / "corridor.pem"
    bundle.write_bytes(certs.pem_of(der, "certificate") + key)
    bundle.chmod(0o600)
    relay = RelayProcess(tmp_path / "relay", venue=pki).start()
    front = free_port()
    cfg = HAPROXY.read_text()
    cfg = cfg.replace("bind :443", f"bind 127.0.0.1:{front}")
    cfg = cfg.replace("/etc/haproxy/corridor.pem", str(bundle))
    cfg = re.sub(r"server relay1 127\.0\.0\.1:\d+", f"server relay1 127.0.0.1:{relay.port}",
                 cfg)
    cfg = re.sub(r"\n    server relay[23] .*", "", cfg)
    cfg = cfg.replace("log stdout format raw local0 info", "")
    cfg = cfg.replace("maxconn 20000", "maxconn 500")  # this machine's descriptor limit
    conf = tmp_path / "haproxy.cfg"
    conf.write_text(cfg)
    check = subprocess.run([haproxy, "-c", "-f", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    log = open(tmp_path / "haproxy.log", "wb")  # noqa: SIM115 - handed to the child
    proc = subprocess.Popen([haproxy, "-db", "-f", str(conf)], stdout=log, stderr=log)
    log.close()
    url = f"https://127.0.0.1:{front}"
    try:
        ctx = venue_tls_context(pki.root)
        deadline = time.monotonic() + 90  # generous: a loaded runner starts slowly
        while True:  # until the health check marks the relay up
            try:
                if httpx.get(url + "/health/ready", verify=ctx, timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and proc.poll() is None, \
                (tmp_path / "haproxy.log").read_text()
            time.sleep(0.1)
        dev = pki.device()
        t = HttpTransport(url, dev.seed, tls_root=pki.root)
        try:
            await t.register(list(dev.chain))
            await t.login()
            async with t.push() as frames:  # the WebSocket upgrade passes the proxy
                assert (await anext(frames)).kind == "ready"
            with pytest.raises(RelayRefused) as denied:
                await t._json("GET", "/metrics")
            assert denied.value.status == 403
        finally:
            await t.close()
        # the relay itself serves /metrics to the proxy's loopback address, so the deny
        # above is the proxy's: the sample must keep that rule
        assert httpx.get(relay.url + "/metrics", timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(10)
        relay.stop()
