# SPDX-License-Identifier: Apache-2.0
"""What tests share that is not a fixture: the venue (PKI) builder, relays to test
against (in this process, as a process, in memory), devices and clients that drive
them. Fixtures stay in the ``conftest.py`` files; test modules import helpers from
here and never from one another (``tests/test_test_layout.py`` checks it).
"""
