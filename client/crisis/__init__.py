# SPDX-License-Identifier: Apache-2.0
"""Crisis communication: chair authority, the hotline, requests for explanation,
meetings, and the hotline log that verifies offline.

Every module here is pure logic over signed, typed records and an injected time
(milliseconds since the epoch): timers, escalations and outcomes are computed by each
client from what the members signed, so the relay learns nothing new and two clients
holding the same records decide alike.
"""
