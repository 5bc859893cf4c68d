# SPDX-License-Identifier: Apache-2.0
"""The gRPC stubs of the WG's interop protocol, generated on first use.

``proto/mls_client.proto`` is compiled with grpcio-tools into a cache directory
(``$CORRIDOR_INTEROP_CACHE`` or ``~/.cache/corridor-interop/<proto hash>``) the first
time this module is imported; later imports reuse it. Nothing generated is committed.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
import tempfile
from pathlib import Path
from types import ModuleType

__all__ = ["pb", "pb_grpc"]

_PROTO = Path(__file__).with_name("proto") / "mls_client.proto"


def _cache_root() -> Path:
    env = os.environ.get("CORRIDOR_INTEROP_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "corridor-interop"


def _generate(out: Path) -> None:
    from grpc_tools import protoc  # dev extra; only the test tool needs it

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".gen-", dir=out.parent))
    include = Path(protoc.__file__).parent / "_proto"
    rc = protoc.main([
        "grpc_tools.protoc", f"-I{_PROTO.parent}", f"-I{include}",
        f"--python_out={tmp}", f"--grpc_python_out={tmp}", str(_PROTO),
    ])
    if rc != 0:
        raise RuntimeError(f"protoc failed on {_PROTO} (exit {rc})")
    try:
        tmp.rename(out)
    except OSError:
        if not (out / "mls_client_pb2_grpc.py").exists():  # lost a race: fine if complete
            raise


def _load() -> tuple[ModuleType, ModuleType]:
    digest = hashlib.sha256(_PROTO.read_bytes()).hexdigest()[:16]
    out = _cache_root() / digest
    if not (out / "mls_client_pb2_grpc.py").exists():
        _generate(out)
    if str(out) not in sys.path:
        sys.path.insert(0, str(out))
    return importlib.import_module("mls_client_pb2"), importlib.import_module(
        "mls_client_pb2_grpc")


pb, pb_grpc = _load()
