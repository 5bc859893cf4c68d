# SPDX-License-Identifier: Apache-2.0
"""THREATS 24 at the relay: an expired device or mission certificate ends access.

The relay's clock is injected (``Relay.clock``), so "after the certificate expired" is
exact: login is refused with ``certificate_expired``, a token issued before never
outlives the chain (its ``expires_at`` is the chain's earliest ``notAfter``), the next
request with it is refused, and a renewed chain for the same key restores access.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from server_stub.settings import Settings
from tests.support.pki import Pki
from tests.support.relay_client import RelayClient, RelayError
from tests.support.relay_process import in_process


def _clock_at(r: object, t: float) -> None:
    r.relay.clock = lambda: t  # type: ignore[attr-defined]


async def test_expired_device_certificate_is_refused_and_its_token_dies_with_it(
    tmp_path: Path,
) -> None:
    async with in_process(Settings(data_dir=tmp_path, token_ttl=3600)) as r:
        end = datetime.now(UTC) + timedelta(minutes=10)
        issued = r.venue.device(not_after=end)
        c = await r.venue.client(r.http, issued).enrol()
        login = await c._json("POST", "/v1/auth/token", await c._signed_challenge("login"))
        # a token never outlives its certificate: the TTL (1 h) is cut to notAfter
        assert login["expires_at"] == int(end.timestamp())
        c.token = login["token"]
        assert (await c._json("GET", "/v1/devices/me"))["device_id"] == c.device_id
        _clock_at(r, end.timestamp() + 1)
        with pytest.raises(RelayError) as e:  # the same token, one second later
            await c._json("GET", "/v1/devices/me")
        assert e.value.status == 401
        with pytest.raises(RelayError) as e:
            await c.login()
        assert e.value.status == 401 and e.value.body["error"] == "certificate_expired"
        # other devices are untouched
        other = await r.device()
        assert (await other._json("GET", "/v1/devices/me"))["device_id"] == other.device_id


async def test_standing_cache_honours_not_after(tmp_path: Path) -> None:
    """A token that outlives its chain (one issued by a relay before this bound, during
    an upgrade) is still refused once the chain ends: the cached standing carries the
    chain's end and is re-checked past it."""
    from server_stub.relay import TOKEN_PREFIX

    async with in_process(Settings(data_dir=tmp_path)) as r:
        end = datetime.now(UTC) + timedelta(minutes=5)
        c = await r.venue.client(r.http, r.venue.device(not_after=end)).enrol()
        body = c.public_key + int(end.timestamp() + 86400).to_bytes(8, "big")
        c.token = TOKEN_PREFIX + base64.urlsafe_b64encode(
            body + r.relay._mac(b"token", body)).decode()
        await c._json("GET", "/v1/devices/me")  # accepted, and cached
        _checked, until = r.relay._device_ok[c.device_id]
        assert until == int(end.timestamp())
        _clock_at(r, end.timestamp() + 1)
        with pytest.raises(RelayError) as e:
            await c._json("GET", "/v1/devices/me")
        assert e.value.status == 401 and e.value.body["error"] == "certificate_expired"
        assert c.device_id not in r.relay._device_ok


async def test_expired_mission_certificate_ends_access_of_its_devices(tmp_path: Path) -> None:
    venue = Pki(missions=("shortlived",), name="Expiry Venue")
    _mder, mseed = venue.missions["shortlived"]
    end = (venue.now + timedelta(minutes=20)).replace(microsecond=0)
    # re-accredit the mission for 20 minutes only; its device may not outlive it
    venue.missions["shortlived"] = (venue.reaccredited("shortlived", end), mseed)
    async with in_process(Settings(data_dir=tmp_path, token_ttl=7200), venue) as r:
        c = await r.venue.client(r.http, venue.device(not_after=end)).enrol()
        assert r.relay.token_expiry(f"Bearer {c.token}") == int(end.timestamp())
        _clock_at(r, end.timestamp() + 60)
        with pytest.raises(RelayError) as e:
            await c.login()
        assert e.value.body["error"] == "certificate_expired"
        with pytest.raises(RelayError) as e:  # registering again with it: refused too
            await c.register()
        assert e.value.status == 403 and "ExpiredError" in e.value.body["message"]


async def test_renewed_chain_restores_access_and_an_older_one_is_refused(
    tmp_path: Path,
) -> None:
    async with in_process(Settings(data_dir=tmp_path)) as r:
        end = datetime.now(UTC) + timedelta(minutes=10)
        first = r.venue.device(not_after=end)
        c = await r.venue.client(r.http, first).enrol()
        _clock_at(r, end.timestamp() + 5)
        with pytest.raises(RelayError):
            await c.login()
        renewed = r.venue.device(seed=first.seed, not_after=end + timedelta(days=30))
        c2 = RelayClient(r.http, first.key, renewed.chain)
        resp = await r.http.post("/v1/devices", json={
            **await c2._signed_challenge("register"),
            "certificate_chain": [base64.b64encode(d).decode() for d in renewed.chain]})
        assert resp.status_code == 200 and resp.json()["device_id"] == c.device_id
        await c2.login()
        assert (await c2._json("GET", "/v1/devices/me"))["device_id"] == c.device_id
        # the directory now serves the renewed chain to other devices
        rows = (await c2._json("GET", "/v1/directory/devices"))["devices"]
        mine = [d for d in rows if d["device_id"] == c.device_id]
        assert [base64.b64decode(x) for x in mine[0]["chain"]] == list(renewed.chain)
        # the old (shorter) chain cannot be put back, nor the same one twice
        for chain in (first.chain, renewed.chain):
            with pytest.raises(RelayError) as e:
                await c2.register(chain)
            assert e.value.status in (403, 409)
        # a chain for another key is no renewal of this one
        with pytest.raises(RelayError) as e:
            await c2.register(r.venue.device(not_after=end + timedelta(days=60)).chain)
        assert e.value.status == 403
