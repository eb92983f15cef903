"""Small helpers for the content tests."""
from __future__ import annotations

from pathlib import Path


def line_of(file: Path, snippet: str, after: int = 0) -> int:
    """The 1-based number of the first line at or after `after` that contains `snippet`."""
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if number >= after and snippet in line:
            return number
    raise AssertionError(f"{snippet!r} not in {file}")
