# SPDX-License-Identifier: Apache-2.0
"""Coverage-guided fuzzing (atheris/libFuzzer) of every crypto.messages decoder.

Each target (see decoder_targets.py) decodes its input and either gets a
DecodeError or a value that re-encodes to exactly the input; any other exception
or a mismatch is a crash. Targets are seeded with the fields of messages.json.

    python fuzz/fuzz_decoders.py --list
    python fuzz/fuzz_decoders.py --target mls_message -runs=100000 [libFuzzer flags] [corpus dirs]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

import atheris

# Only crypto's own code is instrumented: tracing the standard library slows runs tenfold.
with atheris.instrument_imports(include=["crypto"]):
    import crypto.codec
    import crypto.group.validation
    import crypto.messages
    import crypto.tree  # noqa: F401

from decoder_targets import TARGETS, run_one, seeds


def _write_seed_dir(name: str, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for data in seeds(name):
        (directory / hashlib.sha256(data).hexdigest()[:16]).write_bytes(data)


def main(argv: list[str]) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], add_help=True)
    p.add_argument("--target", choices=sorted(TARGETS), help="decoder to fuzz")
    p.add_argument("--list", action="store_true", help="list the targets and exit")
    p.add_argument("--canary", action="store_true",
                   help="crash on every input (shows that crashes fail the run)")
    p.add_argument("--seed-dir", type=Path,
                   help="corpus folder to seed (default: under the system temp folder)")
    args, rest = p.parse_known_args(argv[1:])
    if args.list or args.target is None:
        print("\n".join(sorted(TARGETS)))
        sys.exit(0 if args.list else 2)
    seed_dir = args.seed_dir or Path(tempfile.gettempdir()) / "corridor-fuzz-seeds" / args.target
    _write_seed_dir(args.target, seed_dir)

    target = TARGETS[args.target]

    def test_one_input(data: bytes) -> None:
        if args.canary:
            raise RuntimeError("canary")
        run_one(target, data)

    corpus = [a for a in rest if not a.startswith("-")]
    flags = [a for a in rest if a.startswith("-")]
    atheris.Setup([argv[0], *flags, *(corpus or [str(seed_dir)])], test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
