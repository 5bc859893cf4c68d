# SPDX-License-Identifier: Apache-2.0
"""Relay storage: :class:`~.base.Storage` and its SQLite and PostgreSQL implementations."""

from .base import Storage
from .factory import open_storage

__all__ = ["Storage", "open_storage"]
