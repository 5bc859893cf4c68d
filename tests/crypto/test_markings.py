# SPDX-License-Identifier: Apache-2.0
"""The marking scheme and the ceiling check (pure): parsing, ordering, caveats by channel
kind, and a scheme that only the venue root's signature makes valid."""

from __future__ import annotations

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


def test_a_scheme_is_checked_before_use() -> None:
    """The venue policy's signature covers the scheme (see the next test); the scheme's
    own consistency is checked on top: levels once each, ceilings among the levels."""
    scheme = MarkingScheme(levels=("PUBLIC", "INTERNAL"), caveats={"NATO": ("caucus",)},
                           default_ceiling="INTERNAL", issued_at=5)
    body = markings.encode_scheme(scheme)
    got = markings.decode_scheme(body)
    assert got == scheme
    assert str(markings.ceiling_of("", got)) == "INTERNAL"
    with pytest.raises(MarkingError, match="not a level"):
        markings.check("RESTRICTED", "", "caucus", got)
    with pytest.raises(MarkingError, match="malformed"):
        markings.decode_scheme(body[:-3])
    with pytest.raises(MarkingError, match="twice"):
        markings.encode_scheme(MarkingScheme(levels=("A", "A"), default_ceiling="A"))
    with pytest.raises(MarkingError):
        markings.encode_scheme(MarkingScheme(levels=("A",), default_ceiling="B"))
    assert DEFAULT_SCHEME.lowest == "UNCLASSIFIED"


def test_scheme_in_the_venue_policy_and_kind_ceilings() -> None:
    from crypto import certs
    from crypto.certs.transparency import VenuePolicy, sign_policy
    from crypto.errors import VerificationError

    scheme = MarkingScheme(levels=("PUBLIC", "INTERNAL", "SENSITIVE"),
                           caveats={"CAUCUS ONLY": ("caucus",)}, default_ceiling="INTERNAL",
                           kind_ceilings={"bilateral": "INTERNAL"}, issued_at=9)
    body = markings.encode_scheme(scheme)
    root_seed, other = certs.new_signing_key(), certs.new_signing_key()
    fp, log_pk = b"F" * 32, certs.public_key_of(certs.new_signing_key())
    wire = sign_policy(root_seed, fp, log_pk, 1_700_000_000, markings=body).encode()
    pol = VenuePolicy.decode(wire)
    pol.verify(certs.public_key_of(root_seed), fp)
    assert pol.version == 2 and markings.decode_scheme(pol.markings) == scheme
    forged = sign_policy(other, fp, log_pk, 1_700_000_000, markings=body).encode()
    with pytest.raises(VerificationError):
        VenuePolicy.decode(forged).verify(certs.public_key_of(root_seed), fp)
    b = bytearray(wire)
    b[80] ^= 1  # a byte of the scheme changed under the root's signature
    with pytest.raises(VerificationError):
        VenuePolicy.decode(bytes(b)).verify(certs.public_key_of(root_seed), fp)
    # a kind's ceiling caps whatever a charter says; the default applies otherwise
    assert str(markings.ceiling_of("SENSITIVE", scheme, "bilateral")) == "INTERNAL"
    assert str(markings.ceiling_of("SENSITIVE", scheme, "caucus")) == "SENSITIVE"
    with pytest.raises(MarkingError, match="above the channel's ceiling INTERNAL"):
        markings.check("SENSITIVE", "SENSITIVE", "bilateral", scheme)
    with pytest.raises(MarkingError, match="not a level"):
        markings.encode_scheme(MarkingScheme(levels=("A",), default_ceiling="A",
                                             kind_ceilings={"caucus": "B"}))
    with pytest.raises(MarkingError, match="twice"):
        markings.encode_scheme(MarkingScheme(levels=("A", "A"), default_ceiling="A"))
