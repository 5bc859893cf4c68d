# SPDX-License-Identifier: Apache-2.0
"""An incident linked to a request for explanation, over a real relay: the link is
checked against the requests the device holds (an unknown or ambiguous id is refused
with the field named), only the reporting mission links its incident afterwards, and
every mission sees the link in both directions (incident -> request, request ->
incidents)."""

from __future__ import annotations

import pytest

from client.errors import UsageError
from client.notices.records import FormError
from tests.support.notices_venue import MISSIONS, NoticesVenue

A, B, C = MISSIONS


async def test_incident_linked_to_a_request_for_explanation(
        notices_venue: NoticesVenue) -> None:
    v = notices_venue
    for n in MISSIONS:
        await v.client(n).sync()
    cid = await v.client(A).create_channel("multilateral", "plenary",
                                           ["borduria", "carpania"])
    await v.sync_all()
    rid = await v.desk(A).request_explanation(cid, to_mission="borduria",
                                              what="aircraft near the border")
    await v.sync_all()
    b = v.nd(B)
    now = b.now()
    with pytest.raises(FormError, match="no single request") as err:
        await b.report_incident(cid, occurred_at=now, lat=10, lon=20, what="x",
                                explains="00" * 16)
    assert err.value.field == "explains"
    linked = await b.report_incident(cid, occurred_at=now, lat=10, lon=20,
                                     what="intercept", explains=rid[:8])
    plain = await b.report_incident(cid, occurred_at=now, lat=11, lon=21,
                                    what="near miss")
    await v.sync_all()
    with pytest.raises(UsageError, match="only the reporting mission"):
        await v.nd(C).link_incident(plain, rid)
    await b.link_incident(plain[:8], rid)
    await v.sync_all()
    for n in MISSIONS:
        rows = {r["incident_id"]: r for r in v.nd(n).incidents()}
        assert set(rows) == {linked, plain}, n
        for iid in (linked, plain):
            assert rows[iid]["explains"] == rid
            req = rows[iid]["request"]
            assert req is not None and req["what"] == "aircraft near the border"
            assert req["to_mission"] == "borduria"
        assert sorted(v.nd(n).explanation_links()[rid]) == sorted([linked, plain])
