"""Writes one benchmark's section of docs/benchmarks.md, leaving the others.

Why: each benchmark owns one section (its `## ` heading line) and reruns
replace only that section, so figures from separate runs never mix.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS_DOC = ROOT / "docs" / "benchmarks.md"


def heading_of(section: str) -> str:
    """The section's `## ...` heading line."""
    return section.strip().splitlines()[0].strip()


def write_section(section: str, path: Path = BENCHMARKS_DOC) -> None:
    """Replaces the section with the same heading line, or appends it."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    parts = text.split("\n## ")
    head, sections = parts[0], ["## " + p for p in parts[1:]]
    heading = heading_of(section)
    replaced = False
    kept = []
    for old in sections:
        if heading_of(old) == heading:
            if not replaced:
                kept.append(section)
                replaced = True
        else:
            kept.append(old)
    if not replaced:
        kept.append(section)
    path.write_text(head.rstrip() + "\n\n" + "\n".join(s.rstrip() + "\n" for s in kept), encoding="utf-8")


def publish(section: str, write: bool, path: Path = BENCHMARKS_DOC) -> None:
    """Prints a benchmark's section, and writes it into the document when asked (`--write`)."""
    print(section)
    if write:
        write_section(section, path)
