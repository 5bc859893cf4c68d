# SPDX-License-Identifier: Apache-2.0
"""Decisions between sessions: the silence procedure, joint drafting with per-mission
sign-off, and the observers who take part in neither.

Like :mod:`client.crisis`, whose envelope, signatures and chair rule it reuses, every
outcome is computed by each client from signed records and an injected time (ms), so
two clients holding the same records decide alike and the relay cannot bend it.
"""
