"""Property tests of every crypto.messages decoder: DecodeError or an exact round trip.

Random bytes and mutated valid encodings (from messages.json) are fed to each
target of fuzz/decoder_targets.py; anything but DecodeError escaping, or a value
that re-encodes differently, fails.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crypto.codec import encode_varint

FUZZ_DIR = Path(__file__).resolve().parents[2] / "fuzz"


def _load_targets() -> ModuleType:
    spec = importlib.util.spec_from_file_location("decoder_targets",
                                                  FUZZ_DIR / "decoder_targets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("decoder_targets", module)
    spec.loader.exec_module(module)
    return module


DT = _load_targets()
NAMES = sorted(DT.TARGETS)
SEEDS: dict[str, list[bytes]] = {name: DT.seeds(name, limit=12) for name in NAMES}
FUZZ = settings(max_examples=50, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A valid encoding with a few byte flips, insertions, deletions or splices."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate", "splice",
                                   "length"]))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and data:
            data[pos] = draw(st.sampled_from([0, 1, 2, 3, 4, 5, 0x3F, 0x40, 0x80, 0xC0, 0xFF]))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=4))
        elif op == "delete" and data:
            del data[pos:pos + draw(st.integers(1, 4))]
        elif op == "truncate":
            del data[pos:]
        elif op == "splice":
            other = draw(st.sampled_from(seeds))
            start = draw(st.integers(0, len(other)))
            data[pos:] = other[start:]
        elif op == "length":  # overwrite with a (possibly huge) varint
            data[pos:pos + 1] = encode_varint(draw(st.integers(0, (1 << 30) - 1)))
    return bytes(data)


def test_every_target_has_valid_seeds() -> None:
    for name in NAMES:
        assert SEEDS[name], name
        for data in SEEDS[name]:
            assert DT.run_one(DT.TARGETS[name], data), name


@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(data=st.binary(max_size=300))
def test_random_bytes_decode_or_raise_decode_error(name: str, data: bytes) -> None:
    DT.run_one(DT.TARGETS[name], data)


@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(data=st.data())
def test_mutated_encodings_decode_or_raise_decode_error(name: str, data: st.DataObject) -> None:
    DT.run_one(DT.TARGETS[name], data.draw(mutated(SEEDS[name])))


def test_mutations_do_reach_both_outcomes() -> None:
    # The property is only meaningful if mutated inputs both fail and (sometimes) decode.
    outcomes: set[bool] = set()

    @settings(max_examples=150, deadline=None, derandomize=True)
    @given(data=mutated(SEEDS["mls_message"]))
    def collect(data: bytes) -> None:
        outcomes.add(DT.run_one(DT.TARGETS["mls_message"], data))

    collect()
    assert outcomes == {True, False}


def test_run_one_rejects_a_lossy_encoder() -> None:
    target = DT.Target(decode=lambda b: b, encode=lambda v: v + b"!")
    with pytest.raises(AssertionError):
        DT.run_one(target, b"x")
