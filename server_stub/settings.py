# SPDX-License-Identifier: Apache-2.0
"""Relay configuration: defaults, environment overrides (``CORRIDOR_RELAY_*``), CLI flags.

Limits live here, in one place, so tests and the benchmark can tighten or loosen them
without patching code.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Settings", "default_data_dir"]

KiB = 1024
MiB = 1024 * KiB


def default_data_dir() -> Path:
    """The platform's per-user data directory for the relay."""
    import platformdirs

    return Path(platformdirs.user_data_dir("corridor-relay", appauthor=False))


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything the relay can be tuned by. Times are seconds, sizes bytes."""

    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str | None = None  # None: SQLite file in data_dir
    blob_key_file: Path | None = None  # None: blob.key in data_dir (server_stub.blobkey)
    token_ttl: int = 15 * 60
    challenge_ttl: int = 120
    max_request_bytes: int = 4 * MiB  # any HTTP body except blobs
    max_message_bytes: int = 1 * MiB  # one MLSMessage / Welcome
    max_ws_frame_bytes: int = 2 * MiB
    max_blob_bytes: int = 16 * MiB
    blob_quota_bytes: int = 256 * MiB  # uploaded per device per UTC day
    blob_ttl: int = 30 * 24 * 3600
    retention: int = 30 * 24 * 3600  # unacked messages and Welcomes expire after this
    max_key_packages: int = 500  # stored per device
    rate_per_second: float = 200.0  # per device, HTTP requests and WebSocket frames
    rate_burst: float = 400.0
    claim_rate_per_minute: float = 120.0  # KeyPackage claims, per claiming device
    claim_target_per_minute: float = 60.0  # claims of one target device's packages
    claim_pair_per_hour: float = 8.0  # claims by one device of one target's packages
    register_rate_per_minute: float = 120.0  # challenges, registrations, logins per source
    ws_send_queue: int = 4096  # frames buffered per socket before it is dropped
    ws_backlog_page: int = 500
    batch_max: int = 512  # writes per durable commit (group commit)
    gc_interval: float = 60.0

    @property
    def database(self) -> str:
        """The storage URL: explicit, else ``sqlite:///<data_dir>/relay.sqlite3``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'relay.sqlite3'}"

    @property
    def blob_key_path(self) -> Path:
        """The file holding the blob rows' tag key (kept outside the database)."""
        return self.blob_key_file or self.data_dir / "blob.key"

    def replace(self, **changes: object) -> Settings:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then ``CORRIDOR_RELAY_<FIELD>`` variables, then ``overrides``."""
        values: dict[str, object] = {}
        for f in dataclasses.fields(cls):
            raw = os.environ.get(f"CORRIDOR_RELAY_{f.name.upper()}")
            if raw is None:
                continue
            if f.name in ("data_dir", "blob_key_file"):
                values[f.name] = Path(raw)
            elif f.name == "database_url":
                values[f.name] = raw
            elif f.type in ("int", int):
                values[f.name] = int(raw)
            else:
                values[f.name] = float(raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
