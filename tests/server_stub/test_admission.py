# SPDX-License-Identifier: Apache-2.0
"""Relay admission by certificate chain (server_stub/admission.py) and the directory routes.

An in-process relay whose data directory holds a venue ``root.pem`` admits a device only
when its chain verifies to that root under the published CRLs and certifies the key that
signed the challenge. Storage-backed behaviour runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

import pytest
from httpx_ws import WebSocketDisconnect
from nacl.signing import SigningKey

from crypto import certs
from server_stub.settings import Settings
from tests.support.pki import Issued, Pki, write_root
from tests.support.relay_client import RelayClient, RelayError, b64, unb64
from tests.support.relay_process import InProcess, in_process


@pytest.fixture
def ids() -> tuple[str, str]:
    """Mission ids unique to the test, so no other test's certificates or CRLs apply."""
    tok = secrets.token_hex(3)
    return f"alderia{tok}", f"borduria{tok}"


def _pki(ids: tuple[str, str]) -> Pki:
    return Pki(missions=ids, name=f"Test Venue {ids[0]}")


def _venue(tmp_path: Path, pki: Pki, db_url: str | None = None) -> Settings:
    write_root(tmp_path, pki, replace=True)
    return Settings(data_dir=tmp_path, database_url=db_url)


async def _register(r: InProcess, dev: Issued | None, chain: list[bytes] | None = None,
                    key: SigningKey | None = None) -> RelayClient:
    c = RelayClient(r.http, key or SigningKey(dev.seed) if dev else key)
    await c.register(chain if chain is not None else list(dev.chain) if dev else [])
    return c


async def _refused(r: InProcess, dev: Issued | None, want: str, **kw: object) -> None:
    with pytest.raises(RelayError) as e:
        await _register(r, dev, **kw)  # type: ignore[arg-type]
    assert e.value.status == 403, e.value.body
    assert want in e.value.body["message"], e.value.body


async def _publish_crl(c: RelayClient, der: bytes) -> list[str]:
    out = await c._json("POST", "/v1/directory/crls", {"crl": b64(der)})
    return list(out["revoked"])


async def test_admission_by_chain(tmp_path: Path, db_url: str, ids: tuple[str, str]) -> None:
    pki = _pki(ids)
    A_M, B_M = ids
    async with in_process(_venue(tmp_path, pki, db_url), pki) as r:
        good = pki.device(A_M, "ana")
        c = await _register(r, good)
        await c.login()
        me = await c._json("GET", "/v1/devices/me")
        assert me["device_id"] == good.device_id

        await _refused(r, pki.device(A_M, "nochain"), "certificate chain", chain=[])
        other = Pki(missions=ids, name="Relay's Own Venue")
        await _refused(r, other.device(A_M, "spy"), "UntrustedRootError")
        # a borduria device certificate signed with alderia's mission key
        await _refused(r, pki.device(B_M, "forged", signer=A_M), "BadSignatureError")
        # expired
        expired = pki.device(A_M, "old", display_name="Old",
                             not_before=pki.now - timedelta(hours=20),
                             not_after=pki.now - timedelta(hours=10))
        await _refused(r, expired, "ExpiredError")
        # the chain is valid, but the challenge is signed by another key (substitution)
        await _refused(r, None, "KeyMismatchError", chain=list(pki.device(A_M, "sub").chain),
                       key=SigningKey.generate())
        # device revoked (by its mission) before it ever registered
        victim = pki.device(A_M, "victim")
        assert await _publish_crl(c, pki.crl(A_M, [victim.serial])) == []
        await _refused(r, victim, "RevokedError")
        # mission revoked by the root: none of its devices may join
        await _publish_crl(c, pki.crl(None, [certs.certificate_serial(pki.missions[B_M][0])]))
        await _refused(r, pki.device(B_M, "bea"), "RevokedError")
        # every refused device is absent from the directory
        devices = await c._json("GET", "/v1/directory/devices")
        assert [d["device_id"] for d in devices["devices"]] == [good.device_id]


async def test_crl_revokes_a_registered_device_at_once(tmp_path: Path, db_url: str,
                                                       ids: tuple[str, str]) -> None:
    pki = _pki(ids)
    A_M = ids[0]
    async with in_process(_venue(tmp_path, pki, db_url), pki) as r:
        admin_dev, victim = pki.device(A_M, "ana"), pki.device(A_M, "ben")
        a = await _register(r, admin_dev)
        await a.login()
        v = await _register(r, victim)
        await v.login()
        assert (await v._json("GET", "/v1/devices/me"))["device_id"] == victim.device_id
        async with v.websocket() as ws:
            await ws.until("ready")
            first_crl = pki.crl(A_M, [victim.serial])
            revoked = await _publish_crl(a, first_crl)
            assert revoked == [victim.device_id]
            with pytest.raises(WebSocketDisconnect) as e:
                await ws.recv()
            assert e.value.code == 4403
        with pytest.raises(RelayError) as err:
            await v._json("GET", "/v1/devices/me")
        assert err.value.status in (401, 403)
        with pytest.raises(RelayError) as err:
            await v.login()
        assert err.value.status in (401, 403)
        # the other device of the mission is untouched
        assert (await a._json("GET", "/v1/devices/me"))["device_id"] == admin_dev.device_id
        # the same CRL again (not newer) is refused, and revokes nothing twice
        with pytest.raises(RelayError) as err:
            await _publish_crl(a, first_crl)
        assert err.value.status == 422
        # a newer CRL whose signature is altered (a bit flipped, so never a no-op) is refused
        newer = bytearray(pki.crl(A_M, [victim.serial]))
        newer[-1] ^= 0x01
        with pytest.raises(RelayError) as err:
            await _publish_crl(a, bytes(newer))
        assert err.value.status == 422


async def test_crl_must_come_from_the_root_or_a_known_mission(tmp_path: Path,
                                                              ids: tuple[str, str]) -> None:
    pki = _pki(ids)
    A_M, B_M = ids
    async with in_process(_venue(tmp_path, pki), pki) as r:
        a = await _register(r, pki.device(A_M, "ana"))
        await a.login()
        other = Pki(missions=ids, name="Relay's Own Venue")
        for bad in (other.crl(None, [1]),  # another root (another name)
                    b"not a crl", b""):
            with pytest.raises(RelayError) as e:
                await _publish_crl(a, bad)
            assert e.value.status in (400, 422), e.value.body
        # a CRL that names the venue root but is signed by another key
        impostor_seed = certs.new_signing_key()
        impostor = certs.make_root_certificate(
            impostor_seed, name=f"Test Venue {ids[0]}", not_before=pki.now - timedelta(days=1),
            not_after=pki.now + timedelta(days=10))
        forged = certs.make_crl(impostor, impostor_seed, revoked=[(1, pki.now)],
                                this_update=pki.now, next_update=pki.now + timedelta(days=1),
                                number=99)
        with pytest.raises(RelayError) as e:
            await _publish_crl(a, forged)
        assert e.value.status == 422 and "not signed" in e.value.body["message"]
        # a mission no device has registered under is not known (yet)
        with pytest.raises(RelayError) as e:
            await _publish_crl(a, pki.crl(B_M, [1]))
        assert e.value.status == 422
        crls = await a._json("GET", "/v1/directory/crls")
        assert crls["crls"] == []
        assert await _publish_crl(a, pki.crl(None, [12345])) == []
        assert len((await a._json("GET", "/v1/directory/crls"))["crls"]) == 1


async def test_directory_lists_only_verified_chains_by_mission(
        tmp_path: Path, db_url: str, ids: tuple[str, str]) -> None:
    pki = _pki(ids)
    A_M, B_M = ids
    async with in_process(_venue(tmp_path, pki, db_url), pki) as r:
        devs = [pki.device(A_M, "ana"), pki.device(A_M, "ben"), pki.device(B_M, "bea")]
        clients = [await _register(r, d) for d in devs]
        await clients[0].login()
        # attempts that must leave no trace
        with pytest.raises(RelayError):
            await _register(r, Pki(missions=ids, name="Elsewhere").device(A_M, "spy"))
        with pytest.raises(RelayError):
            await _register(r, None, chain=list(pki.device(A_M, "x").chain),
                            key=SigningKey.generate())
        get = clients[0]._json
        alderia = (await get("GET", "/v1/directory/devices", params={"mission": A_M}))["devices"]
        assert sorted(d["device_id"] for d in alderia) == sorted(d.device_id for d in devs[:2])
        verifier = pki.verifier()  # what a client that pinned the root runs
        for d in alderia:
            chain = [unb64(c) for c in d["chain"]]
            v = verifier.verify(chain)
            assert v.mission_id == A_M == d["mission_id"]
            assert v.signature_key.hex() == d["device_id"]
        borduria = (await get("GET", "/v1/directory/devices", params={"mission": B_M}))
        assert [d["device_id"] for d in borduria["devices"]] == [devs[2].device_id]
        assert (await get("GET", "/v1/directory/devices",
                          params={"mission": "nowhere"}))["devices"] == []
        with pytest.raises(RelayError) as e:
            await get("GET", "/v1/directory/devices", params={"mission": "../x"})
        assert e.value.status == 400
        anonymous = RelayClient(r.http)
        with pytest.raises(RelayError) as e:
            await anonymous._json("GET", "/v1/directory/devices")
        assert e.value.status == 401
