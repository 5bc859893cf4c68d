# SPDX-License-Identifier: Apache-2.0
"""The marking scheme and the ceiling check (pure): parsing, ordering, caveats by channel
kind, and a scheme that only the venue root's signature makes valid."""

from __future__ import annotations

import msgspec
import pytest

from crypto.corridor import markings
from crypto.corridor.markings import DEFAULT_SCHEME, MarkingError, MarkingScheme
from crypto.suites import SUITES

SUITE = SUITES[0x0003]


def test_parse_normalises_and_orders_caveats() -> None:
    m = markings.parse(" restricted // chair only/caucus only ")
    assert str(m) == "RESTRICTED//CAUCUS ONLY/CHAIR ONLY"
    assert str(markings.parse("")) == "UNCLASSIFIED"
    with pytest.raises(MarkingError, match="not a level"):
        markings.parse("COSMIC")
    with pytest.raises(MarkingError, match="not a caveat"):
        markings.parse("RESTRICTED//EYES ONLY")


def test_check_against_ceiling_and_kind() -> None:
    assert str(markings.check("RESTRICTED", "", "multilateral")) == "RESTRICTED"
    with pytest.raises(MarkingError, match="above the channel's ceiling RESTRICTED"):
        markings.check("CONFIDENTIAL", "", "multilateral")
    assert str(markings.check("SECRET", "SECRET", "caucus")) == "SECRET"
    assert markings.check("UNCLASSIFIED//CAUCUS ONLY", "", "caucus").caveats == (
        "CAUCUS ONLY",)
    with pytest.raises(MarkingError, match="not allowed in a bilateral"):
        markings.check("UNCLASSIFIED//CAUCUS ONLY", "", "bilateral")


def test_signed_scheme_needs_the_root() -> None:
    root_seed, other_seed = b"\x01" * 32, b"\x02" * 32
    root_pk = SUITE.signature_public_key(root_seed)
    scheme = MarkingScheme(levels=("PUBLIC", "INTERNAL"), caveats={"NATO": ("caucus",)},
                           default_ceiling="INTERNAL", issued_at=5)
    signed = markings.sign_scheme(root_seed, scheme)
    got = markings.decode_signed_scheme(signed, root_pk)
    assert got == scheme
    assert str(markings.ceiling_of("", got)) == "INTERNAL"
    with pytest.raises(MarkingError, match="not a level"):
        markings.check("RESTRICTED", "", "caucus", got)
    with pytest.raises(MarkingError, match="not signed"):
        markings.decode_signed_scheme(markings.sign_scheme(other_seed, scheme), root_pk)
    body, sig = msgspec.msgpack.decode(signed)
    with pytest.raises(MarkingError, match="malformed"):
        markings.decode_signed_scheme(msgspec.msgpack.encode((body[:-3], sig)), root_pk)
    assert DEFAULT_SCHEME.lowest == "UNCLASSIFIED"
