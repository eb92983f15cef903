"""benchmarks/report.py: a rerun replaces only its own section."""
from pathlib import Path

from benchmarks.report import write_section

DOC = """# Benchmarks

Intro.

## NLU (benchmarks/nlu.py)

old nlu

## NLU parse latency (served model, benchmarks/nlu.py --latency)

old latency

## Hub load (benchmarks/hub_load.py)

old hub
"""


def test_replaces_only_the_section_with_the_same_heading(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text(DOC, encoding="utf-8")
    write_section("## NLU (benchmarks/nlu.py)\n\nnew nlu\n", doc)
    text = doc.read_text(encoding="utf-8")
    assert "new nlu" in text and "old nlu" not in text
    assert "old latency" in text and "old hub" in text
    assert text.index("new nlu") < text.index("old latency") < text.index("old hub")
    assert text.startswith("# Benchmarks\n\nIntro.\n")


def test_a_new_section_is_appended(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text(DOC, encoding="utf-8")
    write_section("## Something else\n\nfigures\n", doc)
    text = doc.read_text(encoding="utf-8")
    assert text.rstrip().endswith("figures")
    assert text.count("## ") == 4


def test_a_missing_file_is_created(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    write_section("## Hub load (benchmarks/hub_load.py)\n\nx\n", doc)
    assert doc.read_text(encoding="utf-8").startswith("# Benchmarks\n\n## Hub load")
