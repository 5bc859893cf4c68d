# SPDX-License-Identifier: Apache-2.0
"""Corridor's own layers above MLS: the channel charter (who may commit what, signed
envelopes, leave proofs) and the relay's routing checks, both shared by members and relay."""
