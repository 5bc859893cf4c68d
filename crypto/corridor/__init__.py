# SPDX-License-Identifier: Apache-2.0
"""Corridor's own layers above MLS, shared by members and relay: the channel charter
(who may commit what, signed envelopes, leave proofs), the venue-signed chair handover,
and the relay's routing checks."""
