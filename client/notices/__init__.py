# SPDX-License-Identifier: Apache-2.0
"""Confidence-building notices and registers: exercise notices, incident notifications,
the annual exchange, contingency templates and the disaster-aid board, as signed typed
records inside MLS (records, book, desk, export, cli)."""
