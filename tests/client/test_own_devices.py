# SPDX-License-Identifier: Apache-2.0
"""A delegate's own devices (``Client.devices``, ``corridor device list``), over a real
relay: every device of the delegate is listed, this one marked, others' devices not, and
a recalled device still shows, with the reason its chain no longer verifies."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from client.errors import ClientError, UsageError
from client.pki import main as pki_main
from client.transport import RelayRefused
from demo.venue import add_device, recall_device
from tests.support.client_venue import Venue

A, A2, B = "alderia-ana", "alderia-ben", "borduria-ana"


async def test_device_list_shows_my_devices_only(
        venue: Venue, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    v = venue
    second = add_device(v.layout, "alderia", "ana")
    for n in (A, A2, B, second):
        await v.client(n).sync()  # registers each in the directory
    cid = await v.client(A).create_channel("bilateral", "hotline", ["alderia", "borduria"])
    await v.sync_all()

    mine = await v.client(A).devices()
    ids = [d.device_id for d in mine]
    assert ids[0] == v.client(A).device_id and mine[0].this_device
    assert sorted(ids) == sorted([v.client(A).device_id, v.client(second).device_id])
    assert not mine[1].this_device and mine[1].display_name
    assert all(d.problem == "" for d in mine)
    assert all(cid in d.channels for d in mine)  # the mission's devices are all in
    # another delegate of the same mission, and other missions, are not mine
    assert v.client(A2).device_id not in ids and v.client(B).device_id not in ids
    theirs = await v.client(second).devices()
    assert [d.this_device for d in theirs] == [True, False]
    assert theirs[0].device_id == v.client(second).device_id

    # a recalled device is still listed, with why its chain no longer verifies
    await v.client(A).publish_crl(recall_device(v.layout, second))
    await v.client(A).refresh_crls()
    gone = {d.device_id: d for d in await v.client(A).devices()}
    assert "revoked" in gone[v.client(second).device_id].problem.lower()
    assert gone[v.client(A).device_id].problem == ""

    # the command line: JSON with this device marked
    await v.close(A)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    capsys.readouterr()
    home = str(v.layout.home(A))
    assert await asyncio.to_thread(pki_main, ["device", "list", "--json", "--home", home]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [d["this_device"] for d in out["devices"]] == [True, False]
    assert await asyncio.to_thread(pki_main, ["device", "list", "--home", home]) == 0
    text = capsys.readouterr().out
    assert "(this device)" in text and len(text.strip().splitlines()) == 2


def test_device_list_needs_a_home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing home is an error in words, and is not created."""
    home = tmp_path / "nowhere"
    assert pki_main(["device", "list", "--json", "--home", str(home)]) != 0
    err = json.loads(capsys.readouterr().out or "{}")
    assert err.get("error") and not home.exists()


async def test_removed_device_decrypts_nothing_new(
        venue: Venue, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A delegate removes its lost laptop from another of its devices: the relay refuses
    the laptop at once (login, KeyPackages), every channel commits it out (allowed: same
    mission), and the laptop cannot open a message sent after, even handed the bytes."""
    v = venue
    lost = add_device(v.layout, "alderia", "ana")
    for n in (A, B, lost):
        await v.client(n).sync()
    cid = await v.client(A).create_channel("bilateral", "hotline", ["alderia", "borduria"])
    await v.sync_all()
    laptop = v.client(lost)
    lost_id = laptop.device_id
    assert lost_id in {m.device_id for m in v.client(B).members(cid)}
    await v.client(B).send_text(cid, "before the loss")
    await v.sync_all()
    assert "before the loss" in [m.text for m in laptop.messages(cid)]
    seen = laptop.high_water(cid)

    with pytest.raises(UsageError):  # not this device, not an ambiguous prefix
        await v.client(A).remove_device(v.client(A).device_id)
    with pytest.raises(UsageError):
        await v.client(A).remove_device(lost_id[:4])
    gone = await v.client(A).remove_device(lost_id[:12])
    assert gone.device_id == lost_id and cid in gone.channels
    listed = {d.device_id: d for d in await v.client(A).devices()}
    assert listed[lost_id].problem == "removed by its delegate"

    await v.client(B).sync()
    assert lost_id not in {m.device_id for m in v.client(B).members(cid)}
    assert lost_id not in {m.device_id for m in v.client(A).members(cid)}
    # the relay: no login, no KeyPackage handed out for it
    with pytest.raises(ClientError):
        await laptop.sync()
    with pytest.raises(RelayRefused) as refused:
        await v.client(B).transport.claim_key_package(lost_id)
    assert refused.value.status == 404

    await v.client(B).send_text(cid, "after the loss")
    for n in (B, A):
        await v.client(n).sync()
    assert "after the loss" in [m.text for m in v.client(A).messages(cid)]
    # handed every message since, the laptop processes its removal and opens nothing new
    msgs, _last = await v.client(A).transport.messages(bytes.fromhex(cid), seen)
    assert msgs
    laptop.engine.receive(msgs)
    assert "after the loss" not in [m.text for m in laptop.messages(cid)]
    # the other members keep no route to it
    routed = await v.client(B).transport.group_members(bytes.fromhex(cid))
    assert lost_id not in routed[1]

    # the command line: needs --yes without a terminal; an unknown id is an error
    await v.close(A)
    monkeypatch.setenv("CORRIDOR_PASSPHRASE", v.layout.passphrase)
    home = str(v.layout.home(A))
    capsys.readouterr()
    assert await asyncio.to_thread(
        pki_main, ["device", "remove", lost_id[:12], "--json", "--home", home]) != 0
    assert "--yes" in json.loads(capsys.readouterr().out)["message"]
    assert await asyncio.to_thread(
        pki_main, ["device", "remove", "0" * 16, "--yes", "--json", "--home", home]) != 0
    assert json.loads(capsys.readouterr().out).get("error")


async def test_only_the_same_delegate_may_remove_a_device(venue: Venue) -> None:
    """The relay refuses a removal by another delegate of the same mission, by another
    mission, of the device itself, or with a signature that is not the caller's; and a
    client ignores a removal the relay lists that is not signed by the same delegate."""
    v = venue
    second = add_device(v.layout, "alderia", "ana")
    for n in (A, A2, B, second):
        await v.client(n).sync()
    target = v.client(second).device_id
    ana, ben, bor = v.client(A), v.client(A2), v.client(B)

    for who in (ben, bor):  # another delegate, another mission: refused
        with pytest.raises(RelayRefused) as e:
            await who.transport.retire_device(target, who.engine.retire_signature(target))
        assert e.value.status == 422
    with pytest.raises(RelayRefused) as e:  # the caller's id, someone else's signature
        await ana.transport.retire_device(target, ben.engine.retire_signature(target))
    assert e.value.status == 422
    with pytest.raises(RelayRefused) as e:  # itself
        await ana.transport.retire_device(ana.device_id,
                                          ana.engine.retire_signature(ana.device_id))
    assert e.value.status == 422
    assert all(d.problem == "" for d in await ana.devices())  # nothing was removed
    await v.client(second).sync()  # and the device still logs in

    # a hostile relay listing a removal signed by another delegate: ignored by clients
    rows = await ana.transport.directory_devices("alderia")
    forged = [(target, ben.device_id, ben.engine.retire_signature(target))]

    async def listed(_mission: str | None) -> list[tuple[str, str, bytes]]:
        return forged

    real = ana.transport.retired_devices
    ana.transport.retired_devices = listed  # type: ignore[method-assign]
    try:
        assert await ana.directory.retired("alderia", rows) == set()
        forged[:] = [(target, ana.device_id, b"\x00" * 64)]  # a bad signature
        assert await ana.directory.retired("alderia", rows) == set()
        forged[:] = [(target, ana.device_id, ana.engine.retire_signature(target))]
        assert await ana.directory.retired("alderia", rows) == {target}  # the real thing
    finally:
        ana.transport.retired_devices = real  # type: ignore[method-assign]
