# SPDX-License-Identifier: Apache-2.0
"""``Group.application_size`` predicts exactly what ``encrypt_application`` returns, so
the client can pad a message to a chosen size (THREATS 26) without sealing it twice;
the padded message still opens, to the same data."""

from __future__ import annotations

import pytest

from tests.support.mls_groups import make_group


@pytest.mark.parametrize("suite_id", [1, 3])
def test_sealed_size_is_exact_across_length_prefix_boundaries(suite_id: int) -> None:
    alice, bob = make_group(2, suite_id)
    for data_len in (0, 1, 62, 63, 64, 200, 16_300, 16_383, 16_384, 70_000):
        for aad_len in (0, 63, 64, 120):
            for pad in (0, 1, 50, 16_400):
                data, aad = b"d" * data_len, b"a" * aad_len
                predicted = alice.application_size(data_len, aad_len, pad)
                msg = alice.encrypt_application(data, authenticated_data=aad, padding=pad)
                assert len(msg) == predicted, (data_len, aad_len, pad)
                got = bob.process(msg, now=0)
                assert got.data == data  # type: ignore[union-attr]
