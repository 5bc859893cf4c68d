# SPDX-License-Identifier: Apache-2.0
"""THREATS 8, 12, 21, 23 over a real relay process and real clients: the relay changes
routing only on commits it verified (signed by a member leaf of the public tree it
keeps, valid MLS, chains to the venue root, allowed by the signed charter), never on
lists a client sends, and voids a commit only by one vote per mission of the charter.

Insider commits are built with the insider's own MLS group (its engine's state), so
they are validly signed; where every client must refuse them too, a copy of each honest
member's home is opened and the commit handed to that copy's engine, as a relay that
delivered it would.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import msgspec
import pytest

from client.core import Client
from client.engine import SUITE
from client.engine.envelope import envelope, seal_info
from client.events import CommitVoided, PolicyRefused
from client.policy import LEAF_EXTENSIONS, new_info, roster_extension
from client.transport import RelayMessage, RelayRefused
from client.trust import x509_credential
from crypto import certs
from crypto.corridor.charter import CHARTER_EXTENSION, CommitStamp, charter_from_extensions
from crypto.group import Group
from crypto.messages import KeyPackage
from crypto.messages.key_package import default_capabilities, make_key_package
from crypto.schedule import key_schedule
from tests.support.client_venue import Venue
from tests.support.pki import Pki

A, A2, B, C = "alderia-ana", "alderia-ben", "borduria-ana", "carpania-ana"
_enc = msgspec.msgpack.Encoder()


def b64u(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


async def routed(c: Client, gid: bytes) -> list[str]:
    out = await c.transport._json("GET", f"/v1/groups/{b64u(gid)}")  # type: ignore[attr-defined]
    return sorted(out["members"])


def roster_of(c: Client, gid: bytes) -> list[str]:
    return sorted(m.signature_key.hex() for m in c.engine._group(gid).members())


async def channel(v: Venue, creator: str, kind: str, missions: Sequence[str],
                  *others: str) -> bytes:
    for n in (creator, *others):
        await v.client(n).sync()
    cid = await v.client(creator).create_channel(kind, "talks", list(missions))
    for _ in range(2):
        for n in (creator, *others):
            await v.client(n).sync()
    gid = bytes.fromhex(cid)
    wanted = {creator.split("-")[0], *missions}
    for n in (creator, *others):
        if n.split("-")[0] in wanted:
            assert roster_of(v.client(n), gid) == roster_of(v.client(creator), gid)
    return gid


def insider_commit(c: Client, gid: bytes, *, add: Sequence[bytes] = (),
                   missions: Sequence[str] | None = None, permissive: bool = False,
                   rename: str | None = None) -> tuple[bytes, bytes | None, list[str]]:
    """A validly signed commit by ``c`` with its raw MLS group, past its own engine's
    policy check: adding the KeyPackages ``add``, setting the charter's ``missions``,
    renaming. Returns (commit, welcome, added device ids)."""
    e = c.engine
    g = Group.from_bytes(e._group(gid).to_bytes(), credential_validator=(
        (lambda _c, _k: None) if permissive else e.trust))
    kps = [KeyPackage.from_bytes(raw) for raw in add]
    exts = None
    sealed = b""
    if missions is not None or rename is not None:
        roster = e.roster(gid)
        info = e.message_meta(gid).info
        if missions is not None:
            roster = roster.with_changes(missions=tuple(sorted(missions)))
        if rename is not None:
            roster = roster.with_changes(name=rename)
            info = new_info(rename)
            sealed = seal_info(g, info)
        exts = [x for x in g.extensions if x.extension_type != CHARTER_EXTENSION]
        exts.append(roster_extension(roster, info))
    at = max(int(datetime.now(UTC).timestamp()), e.message_meta(gid).commit_at)
    aad = envelope(g, _enc.encode(CommitStamp([], at, sealed)), e._signer)
    out = g.commit(add=kps, group_context_extensions=exts, authenticated_data=aad,
                   handshake_encrypted=False)
    return out.message, out.welcome, [kp.leaf_node.signature_key.hex() for kp in kps]


async def post_raw(c: Client, gid: bytes, body: dict[str, object]) -> None:
    await c.transport._json(  # type: ignore[attr-defined]
        "POST", f"/v1/groups/{b64u(gid)}/messages", body)


def refused_by_a_copy(v: Venue, tmp: Path, name: str, gid: bytes, sender: str,
                      message: bytes) -> list[PolicyRefused]:
    """Open a copy of ``name``'s home and hand its engine ``message`` as the relay's
    next message: the refusals it reports (its state must not move)."""
    copy = tmp / f"copy-{name}-{secrets.token_hex(3)}"
    shutil.copytree(v.layout.home(name), copy)
    c = Client.open(copy, v.layout.relay_url, passphrase=v.layout.passphrase)
    try:
        g = c.engine._group(gid)
        epoch, members = g.epoch, roster_of(c, gid)
        seq = c.store.get_channel(gid).cursor + 1
        res = c.engine.receive([RelayMessage(gid, seq, sender, "c.insider", message)])
        assert c.engine._group(gid).epoch == epoch and roster_of(c, gid) == members
        return [e for e in res.events if isinstance(e, PolicyRefused)]
    finally:
        c.store.close()


async def test_a_fake_commit_with_made_up_device_lists_moves_nobody(venue: Venue) -> None:
    """THREATS 21: a member posts something labelled a commit with lists of devices to
    add and remove; nothing moves, and the channel goes on."""
    v = venue
    gid = await channel(v, A, "caucus", ["borduria"], B, C)
    a, b, outsider = v.client(A), v.client(B), v.client(C)
    before = await routed(a, gid)
    assert outsider.engine.me.device_id not in before
    epoch = a.engine._group(gid).epoch
    header = (b"\x00\x01\x00\x02" + bytes([len(gid)]) + gid + epoch.to_bytes(8, "big")
              + b"\x03" + b"\x00" + b"\x10" + bytes(16) + b"\x10" + bytes(16))
    attempts = [
        # the old attack: an encrypted "commit" with routing lists
        {"client_msg_id": "c.fake1", "message": _b64(header),
         "add": [outsider.engine.me.device_id], "remove": [a.engine.me.device_id]},
        # the same without lists: a commit the relay cannot read is no commit
        {"client_msg_id": "c.fake2", "message": _b64(header)},
        # a PublicMessage commit of made-up content
        {"client_msg_id": "c.fake3", "message": _b64(
            b"\x00\x01\x00\x01" + bytes([len(gid)]) + gid + epoch.to_bytes(8, "big")
            + b"\x01\x00\x00\x00\x00" + b"\x00" + b"\x03" + secrets.token_bytes(90))},
    ]
    for body in attempts:
        with pytest.raises(RelayRefused) as refused:
            await post_raw(b, gid, body)
        assert refused.value.status in (400, 422), refused.value
    # a validly signed commit whose Welcome names a device it does not add
    msg, _w, _ids = insider_commit(b, gid)
    with pytest.raises(RelayRefused) as refused:
        await b.transport.post(gid, "c.fake4", msg, welcome=b"\x00\x01\x00\x03" + bytes(40),
                               welcome_to=[outsider.engine.me.device_id])
    assert refused.value.status == 400
    assert await routed(a, gid) == before
    with pytest.raises(RelayRefused) as refused:
        await outsider.transport.messages(gid, 0)
    assert refused.value.status == 404
    await b.send_text(bytes.hex(gid), "still here")
    await a.sync()
    assert "still here" in [m.text for m in a.messages(gid.hex())]
    assert roster_of(a, gid) == roster_of(b, gid) == before


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode()


async def test_a_member_who_may_not_add_is_refused_by_the_relay_and_every_client(
        venue: Venue, tmp_path: Path) -> None:
    """THREATS 8 and 12: a real, validly signed commit by a member who is not a
    convener, adding a mission and its device: the relay refuses it, and so does every
    honest member's client; neither routing nor any roster moves."""
    v = venue
    gid = await channel(v, A, "multilateral", ["borduria"], A2, B, C)
    a, b, c = v.client(A), v.client(B), v.client(C)
    before = await routed(a, gid)
    kp = (await b.transport.claim_key_package(c.engine.me.device_id))
    msg, welcome, ids = insider_commit(b, gid, add=[kp],
                                       missions=["alderia", "borduria", "carpania"])
    with pytest.raises(RelayRefused) as refused:
        await b.transport.post(gid, "c.insider", msg, welcome=welcome, welcome_to=ids)
    assert refused.value.status == 422 and refused.value.code == "commit_refused"
    assert "may not change" in str(refused.value)
    assert await routed(a, gid) == before
    for name in (A, A2):
        got = refused_by_a_copy(v, tmp_path, name, gid, b.engine.me.device_id, msg)
        assert len(got) == 1 and "may not change" in got[0].reason
    # the convener may: the same change by A goes through everywhere
    await a.change_roster(gid.hex(), add_missions=["carpania"])
    await v.sync_all(3)
    assert c.engine.me.device_id in await routed(a, gid)
    assert roster_of(a, gid) == roster_of(b, gid) == roster_of(c, gid)


async def test_a_device_of_a_mission_outside_the_charter_is_refused(venue: Venue) -> None:
    """Even the convener cannot add a device whose mission the charter does not name."""
    v = venue
    gid = await channel(v, A, "caucus", ["borduria"], B, C)
    a, c = v.client(A), v.client(C)
    before = await routed(a, gid)
    kp = await a.transport.claim_key_package(c.engine.me.device_id)
    msg, welcome, ids = insider_commit(a, gid, add=[kp])
    with pytest.raises(RelayRefused) as refused:
        await a.transport.post(gid, "c.outside", msg, welcome=welcome, welcome_to=ids)
    assert refused.value.status == 422
    assert "carpania is not in the charter" in str(refused.value)
    assert await routed(a, gid) == before
    assert charter_from_extensions(a.engine._group(gid).extensions).missions == (
        "alderia", "borduria")


async def test_a_forged_leaf_chaining_to_another_root_is_refused(venue: Venue) -> None:
    """THREATS 4 at the relay: a leaf certified under a root the relay (or an insider)
    made, with a mission id of the charter, is refused before it is routed."""
    v = venue
    gid = await channel(v, A, "caucus", ["borduria"], B)
    a = v.client(A)
    before = await routed(a, gid)
    shadow = Pki(missions=("borduria",), name="Shadow Venue")
    mole = shadow.device("borduria", "mole")
    seed = mole.seed
    stamp = int(shadow.now.timestamp())
    kp = make_key_package(SUITE, x509_credential(mole.chain), seed,
                          lifetime=(stamp - 60, stamp + 86400),
                          capabilities=default_capabilities(SUITE, LEAF_EXTENSIONS)
                          ).key_package.to_bytes()
    msg, welcome, ids = insider_commit(a, gid, add=[kp], permissive=True)
    with pytest.raises(RelayRefused) as refused:
        await a.transport.post(gid, "c.forged", msg, welcome=welcome, welcome_to=ids)
    assert refused.value.status == 422 and "credential refused" in str(refused.value)
    assert await routed(a, gid) == before
    assert certs.public_key_of(seed).hex() not in await routed(a, gid)


async def test_a_commit_is_voided_only_by_two_missions_of_the_charter(
        venue: Venue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """THREATS 23: an insider's self-update with a wrong confirmation tag (which the
    relay cannot check) is refused by every honest member; the refusals of one mission,
    however many devices it has, do not void it; a second mission's do, the outcome is
    shown, and the channel moves on."""
    v = venue
    gid = await channel(v, A, "multilateral", ["borduria", "carpania"], A2, B, C)
    a, a2, b, c = v.client(A), v.client(A2), v.client(B), v.client(C)
    epoch = a.engine._group(gid).epoch
    real = key_schedule.EpochSecrets.confirmation_tag
    monkeypatch.setattr(key_schedule.EpochSecrets, "confirmation_tag",
                        lambda self, h: bytes(x ^ 1 for x in real(self, h)))
    msg, _w, _ids = insider_commit(b, gid)
    monkeypatch.undo()
    bad = (await b.transport.post(gid, "c.badtag", msg)).seq  # the relay cannot tell
    for dev in (a, a2):  # alderia refuses, through both its devices: one vote
        events = await dev.sync()
        assert [e.seq for e in events if isinstance(e, PolicyRefused)] == [bad]
        assert not [e for e in events if isinstance(e, CommitVoided)]
    page, _ = await a.transport.messages(gid, bad - 1)
    assert [m.voided for m in page if m.seq == bad] == [False]
    events = await c.sync()  # carpania refuses: two missions of three, voided
    assert [e.seq for e in events if isinstance(e, CommitVoided)] == [bad]
    page, _ = await a.transport.messages(gid, bad - 1)
    assert [m.voided for m in page if m.seq == bad] == [True]
    # the epoch is free: the convener's rename lands everywhere, the insider's branch
    # is skipped by a member that never saw it
    await a.change_roster(gid.hex(), name="after the vote")
    await v.sync_all(3)
    for dev in (a, a2, c):
        assert dev.engine._group(gid).epoch == epoch + 1
        assert dev.engine.roster(gid).name == "after the vote"
    assert a.engine._group(gid).epoch_authenticator == c.engine._group(gid).epoch_authenticator
    del tmp_path


async def test_the_relay_never_holds_the_channel_name(venue: Venue) -> None:
    """The relay sees each group's public state (tree and charter) and every commit in
    the clear: the channel's name and its renames are not in it, in any encoding."""
    import base64

    v = venue
    first = "Nordic-alignment-" + secrets.token_hex(5)
    second = "Renamed-caucus-" + secrets.token_hex(5)
    for n in (A, B):
        await v.client(n).sync()
    cid = await v.client(A).create_channel("caucus", first, ["borduria"])
    await v.sync_all(2)
    await v.client(A).change_roster(cid, name=second)
    await v.sync_all(3)
    assert v.client(B).engine.roster(bytes.fromhex(cid)).name == second
    store = b"".join(p.read_bytes() for p in v.relay.data_dir.iterdir()
                     if "sqlite3" in p.name)
    assert bytes.fromhex(cid) in store  # the scan can see what the relay holds
    for name in (first, second):
        raw = name.encode()
        for needle in (raw, raw.hex().encode(), base64.b64encode(raw),
                       name.encode("utf-16-le")):
            assert needle not in store, name


async def test_a_commit_the_relay_refuses_does_not_hold_the_channel_back(
        venue: Venue, monkeypatch: pytest.MonkeyPatch) -> None:
    """An honest device's commit the relay refuses (here: stamped by a clock an hour
    fast) is reported and discarded; the channel's messages and later commits go on."""
    v = venue
    gid = await channel(v, A, "caucus", ["borduria"], B)
    a, b = v.client(A), v.client(B)
    epoch = a.engine._group(gid).epoch
    real = a.engine.clock
    monkeypatch.setattr(a.engine, "clock", lambda: real() + 3600)
    a.engine.enqueue_self_update(gid)
    events = await a.sync()
    monkeypatch.setattr(a.engine, "clock", real)
    assert [(e.reason, e.detail) for e in events if getattr(e, "reason", "") ==
            "the relay refused a send"] == [("the relay refused a send", "commit_refused")]
    assert a.engine._group(gid).pending_commit is None
    assert a.engine._group(gid).epoch == epoch
    await a.send_text(gid.hex(), "after the refusal")
    await b.sync()
    assert "after the refusal" in [m.text for m in b.messages(gid.hex())]
    await a.change_roster(gid.hex(), name="still governed")
    await v.sync_all(2)
    assert b.engine.roster(gid).name == "still governed"
    assert a.engine._group(gid).epoch == b.engine._group(gid).epoch == epoch + 1
