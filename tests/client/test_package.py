# SPDX-License-Identifier: Apache-2.0
from __future__ import annotations

import client


def test_client_version() -> None:
    assert client.__version__.count(".") == 2
