# SPDX-License-Identifier: Apache-2.0
"""The relay's log lines: one event per line, as text or (``serve --log-json``) JSON.

JSON lines carry ``ts`` (UTC, ISO 8601), ``level``, ``logger`` and ``msg``, plus
``exc_type`` when an exception is logged and the named fields of an event logged with
``extra={"fields": {...}}`` (``event``, ``reason``, ...; a text line ends with them as
``key=value``); never a traceback (its frames can hold
request data), and never payloads, tokens or keys (the relay logs none: see
tests/test_log_hygiene.py, which scans every line of a representative run).
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

__all__ = ["JsonFormatter", "configure_logging"]

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if record.exc_info and record.exc_info[0] is not None:
            line["exc_type"] = record.exc_info[0].__name__
        for key, value in _fields(record).items():
            line.setdefault(key, value)
        return json.dumps(line, ensure_ascii=False)


def _fields(record: logging.LogRecord) -> dict[str, object]:
    fields = getattr(record, "fields", None)
    return fields if isinstance(fields, dict) else {}


def _with_fields(text: str, record: logging.LogRecord) -> str:
    fields = _fields(record)
    return text + "".join(f" {k}={v}" for k, v in fields.items()) if fields else text


class _NoTraceback(logging.Formatter):
    """Text lines; an exception adds its type, not its frames."""

    def format(self, record: logging.LogRecord) -> str:
        exc, record.exc_info, record.exc_text = record.exc_info, None, None
        try:
            text = super().format(record)
        finally:
            record.exc_info = exc
        if exc and exc[0] is not None:
            text += f" [{exc[0].__name__}]"
        return _with_fields(text, record)


class _TextWithFields(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return _with_fields(super().format(record), record)


def configure_logging(level: str, *, json_lines: bool) -> None:
    """One handler on the root logger (uvicorn's loggers propagate to it), to stderr."""
    handler = logging.StreamHandler(sys.stderr)
    if json_lines:
        handler.setFormatter(JsonFormatter())
    elif level.lower() == "debug":  # a developer's run: whole tracebacks
        handler.setFormatter(_TextWithFields(TEXT_FORMAT))
    else:
        handler.setFormatter(_NoTraceback(TEXT_FORMAT))
    root = logging.getLogger()
    for h in list(root.handlers):
        root.removeHandler(h)
    root.addHandler(handler)
    root.setLevel(level.upper())
