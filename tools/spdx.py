# SPDX-License-Identifier: Apache-2.0
"""Put ``SPDX-License-Identifier: Apache-2.0`` in every source file Corridor wrote.

``python tools/spdx.py`` adds the line where it is missing (after a shebang, else first);
``--check`` only lists the files without it and exits 1 if there are any. Files copied
from elsewhere keep their own terms and are left alone: the MLS working group's interop
protocol (interop/proto/) and test vectors (tests/vectors/, tests/interop/configs/).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TAG = "SPDX-License-Identifier: Apache-2.0"
HASH_COMMENT = {".py", ".sh", ".cfg", ".service", ".toml", ".yaml", ".yml"}
NAMED = {".ci/run"}
THIRD_PARTY = ("interop/proto/", "tests/vectors/", "tests/interop/configs/")


def sources() -> list[Path]:
    git = shutil.which("git") or "git"
    listed = subprocess.run([git, "ls-files", "--cached", "--others", "--exclude-standard"],  # noqa: S603
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    out = []
    for rel in sorted(set(listed.splitlines())):
        if rel.startswith(THIRD_PARTY) or not (ROOT / rel).is_file():
            continue
        if rel in NAMED or Path(rel).suffix in HASH_COMMENT:
            out.append(ROOT / rel)
    return out


def has_tag(path: Path) -> bool:
    return TAG in "".join(path.read_text(encoding="utf-8").splitlines(True)[:3])


def stamp(path: Path) -> bool:
    """Add the line if missing; True if the file changed."""
    if has_tag(path):
        return False
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = 1 if lines and lines[0].startswith("#!") else 0
    lines.insert(at, f"# {TAG}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return True


def main(argv: list[str]) -> int:
    check = "--check" in argv
    missing = [p for p in sources() if not has_tag(p)]
    if check:
        for p in missing:
            print(p.relative_to(ROOT))
        return 1 if missing else 0
    changed = sum(stamp(p) for p in missing)
    print(f"{changed} files stamped, {len(sources()) - changed} already carried the line")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
