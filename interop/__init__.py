# SPDX-License-Identifier: Apache-2.0
"""Corridor's MLS interop client and scenario runner (a test tool, not product code).

- ``python -m interop --port PORT`` serves the MLS working group's interop protocol
  (``proto/mls_client.proto``) over ``crypto/`` on 127.0.0.1.
- ``python -m interop.run --peer PATH`` runs the WG's scenarios between Corridor and
  another client (Cisco's mlspp) and prints a summary; see ``docs/interop.md``.

Nothing in the product imports this package.
"""
