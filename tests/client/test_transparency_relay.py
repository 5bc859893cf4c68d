# SPDX-License-Identifier: Apache-2.0
"""Key transparency end to end: real clients, the real relay process on loopback.

The must-show cases of the transparency log (docs/key-transparency.md):

* a certificate served without a valid inclusion proof is refused;
* a relay that rewrites history (drops a leaf, reorders two) is caught by the
  consistency check, and one that shows two clients two different logs is caught by the
  gossiped heads within one message exchange; each alarm carries both signed heads;
* a revocation the relay withholds is detected (and applied);
* ``corridor mission monitor`` flags a device certificate made with a stolen mission
  key (tests/client/test_transparency_monitor.py).

The hostile relay is the real relay plus :mod:`tests.client.forking_relay` (which holds
the log key from the relay's data directory), or the relay restarted on a database whose
log rows were rewritten.
"""

from __future__ import annotations

import sqlite3

import pytest

from client.events import DirectoryAlarm
from crypto import certs
from crypto.certs.transparency import LogEntry, SignedTreeHead, VenuePolicy
from demo.venue import recall_device
from tests.support.client_venue import Venue

from .forking_relay import fork_client

A, B, C, C2 = "alderia-ana", "borduria-ana", "carpania-ana", "carpania-ben"


def alarms(events: list[object], kind: str) -> list[DirectoryAlarm]:
    return [e for e in events if isinstance(e, DirectoryAlarm) and e.kind == kind]


def log_key(v: Venue) -> bytes:
    return VenuePolicy.decode((v.layout.relay_dir / "venue-policy.bin").read_bytes()
                              ).log_public_key


def signed_heads(v: Venue, alarm: DirectoryAlarm) -> list[SignedTreeHead]:
    """The alarm's evidence: heads that verify under the venue's log key."""
    heads = [SignedTreeHead.decode(e) for e in alarm.evidence if len(e) == 112]
    for h in heads:
        h.verify(log_key(v))
    return heads


async def test_transparency_is_on_and_verified(venue: Venue) -> None:
    for n in (A, C):
        venue.client(n)
    await venue.sync_all(1)
    a = venue.client(A)
    assert a.log.enabled and a.log.head is not None
    assert a.log.audit_size == a.log.head.size
    cid = await a.create_channel("bilateral", "a-c", ["carpania"])
    await venue.sync_all()
    st = a.directory_status(cid)
    assert st.verified, st
    assert "directory verified" in st.summary
    await a.send_text(cid, "hello")
    events = await venue.client(C).sync()
    assert not [e for e in events if isinstance(e, DirectoryAlarm)]
    assert venue.client(C).directory_status(cid).verified


@pytest.mark.parametrize("damage", ["corrupt", "strip"])
async def test_certificate_without_valid_inclusion_proof_refused(venue: Venue,
                                                                 damage: str) -> None:
    for n in (A, C, C2):
        venue.client(n)
    await venue.sync_all(1)
    victim = venue.layout.homes[C2]["device_id"]
    a = venue.client(A)
    fork_client(a, venue.layout.relay_dir, **{damage: {victim}})
    collected: list[object] = []
    a.subscribe(collected.append)
    cid = await a.create_channel("bilateral", "a-c", ["carpania"])
    await a.sync()
    refused = alarms(collected, "unproven")
    assert refused and victim[:16] in refused[0].detail
    signed_heads(venue, refused[0])
    members = {m.signature_key.hex() for m in a.engine._group(bytes.fromhex(cid)).members()}
    assert venue.layout.homes[C]["device_id"] in members  # proven: added
    assert victim not in members  # unproven: refused


@pytest.mark.parametrize("rewrite", ["drop", "reorder"])
async def test_rewritten_history_caught_by_consistency(venue: Venue, rewrite: str) -> None:
    a = venue.client(A)
    for n in (B, C):
        venue.client(n)
    await venue.sync_all(2)
    trusted = a.log.head
    assert trusted is not None and trusted.size >= 4
    venue.relay.stop()
    db = sqlite3.connect(venue.layout.relay_dir / "relay.sqlite3")
    with db:
        rows = db.execute("SELECT idx, leaf_hash, entry FROM transparency_log ORDER BY idx"
                          ).fetchall()
        if rewrite == "drop":  # the second entry vanishes; later ones move up
            db.execute("DELETE FROM transparency_log")
            for i, (_idx, h, e) in enumerate(rows[:1] + rows[2:]):
                db.execute("INSERT INTO transparency_log VALUES (?, ?, ?, 0)", (i, h, e))
        else:  # entries 1 and 2 swap places
            db.execute("DELETE FROM transparency_log")
            order = [rows[0], rows[2], rows[1], *rows[3:]]
            for i, (_idx, h, e) in enumerate(order):
                db.execute("INSERT INTO transparency_log VALUES (?, ?, ?, 0)", (i, h, e))
    db.close()
    venue.relay.start()
    events = await a.sync()
    split = alarms(events, "split-view")
    assert split, events
    heads = signed_heads(venue, split[0])
    assert len(heads) == 2 and heads[0].encode() == trusted.encode()
    assert heads[1].root != trusted.root
    assert a.log.head is not None and a.log.head.encode() == trusted.encode()  # kept
    assert a.log.alarms() and not a.directory_status(
        await a.create_channel("bilateral", "after", ["borduria"])).verified


async def test_two_views_caught_by_gossip_in_one_exchange(venue: Venue) -> None:
    a, b = venue.client(A), venue.client(B)
    venue.client(C)
    await venue.sync_all(1)
    cid = await a.create_channel("bilateral", "a-b", ["borduria"])
    await venue.sync_all()
    await a.send_text(cid, "before")
    await b.sync()
    # From now on B is shown a log without the carpania recall (a withheld CRL): the
    # relay serves the two of them two different heads.
    crl = recall_device(venue.layout, C2)
    crl_leaf = LogEntry.decode(b"\x03" + len(crl).to_bytes(3, "big") + crl).leaf_hash
    fork_client(b, venue.layout.relay_dir, rewrite=lambda es: [
        e for e in es if LogEntry.decode(e).leaf_hash != crl_leaf])
    await venue.client(C).publish_crl(crl)
    from demo.venue import add_device
    newcomer = add_device(venue.layout, "alderia", "ben")
    await venue.client(newcomer).sync()  # a later entry, so B's forged log grows too
    await a.sync()
    await b.sync()
    ha, hb = a.log.head, b.log.head
    assert ha is not None and hb is not None and ha.root != hb.root
    # one message exchange: A writes, B reads A's head in it and asks for a proof
    await a.send_text(cid, "after the recall")
    events = await b.sync()
    split = alarms(events, "split-view")
    assert split and split[0].channel_id == bytes.fromhex(cid), events
    heads = signed_heads(venue, split[0])
    assert {h.encode() for h in heads} == {ha.encode(), hb.encode()}
    assert not b.directory_status(cid).verified
    assert "split" in " ".join(b.directory_status(cid).problems) or \
        b.directory_status(cid).alarms
    # and the other way round: B's head reaches A, whose relay cannot prove it either
    await b.send_text(cid, "reply")
    events = await a.sync()
    assert alarms(events, "split-view")


async def test_withheld_revocation_detected_and_applied(venue: Venue) -> None:
    b = venue.client(B)
    for n in (C, C2):
        venue.client(n)
    await venue.sync_all(1)
    fork_client(b, venue.layout.relay_dir, hide_crls=True)
    crl = recall_device(venue.layout, C2)
    await venue.client(C).publish_crl(crl)
    events = await b.sync()
    withheld = [w for w in alarms(events, "withheld-revocation") if crl in w.evidence]
    assert withheld and "Carpania" in withheld[0].detail
    signed_heads(venue, withheld[0])
    assert crl in b.engine.trust.crls  # applied all the same
    chain = certs.der_of((venue.layout.home(C2) / "chain.pem").read_bytes(), "certificate")
    assert b.engine.trust.revoked_under([chain, certs.der_of(
        (venue.layout.home(C2) / "mission.pem").read_bytes(), "certificate")], [crl])


async def test_stale_view_caught_by_gossip(venue: Venue) -> None:
    """A relay that freezes one client's view before a revocation (its heads stay
    consistent, just old) is caught when a member's newer head arrives."""
    a, b = venue.client(A), venue.client(B)
    venue.client(C)
    await venue.sync_all(1)
    cid = await a.create_channel("bilateral", "a-b", ["borduria"])
    await venue.sync_all()
    frozen = b.log.head
    assert frozen is not None
    fork_client(b, venue.layout.relay_dir, rewrite=lambda es: es[:frozen.size])
    await venue.client(C).publish_crl(recall_device(venue.layout, C2))
    await a.sync()
    await b.sync()
    assert b.log.head is not None and b.log.head.size == frozen.size
    await a.send_text(cid, "news")
    events = await b.sync()
    split = alarms(events, "split-view")
    assert split and split[0].channel_id == bytes.fromhex(cid)
    assert len(signed_heads(venue, split[0])) == 2


async def test_shrunk_log_caught(venue: Venue) -> None:
    """A relay that signs a head smaller than one it signed before (history cut off)
    cannot prove the old head extends it: alarm with both heads."""
    a = venue.client(A)
    venue.client(B)
    await venue.sync_all(2)
    trusted = a.log.head
    assert trusted is not None and trusted.size >= 3
    fork_client(a, venue.layout.relay_dir, rewrite=lambda es: es[:-1])
    events = await a.sync()
    split = alarms(events, "split-view")
    assert split, events
    heads = signed_heads(venue, split[0])
    assert {h.size for h in heads} == {trusted.size, trusted.size - 1}
    assert a.log.head is not None and a.log.head.encode() == trusted.encode()
