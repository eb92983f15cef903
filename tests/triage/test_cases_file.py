"""The hand-written triage test set is complete enough to measure with."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from bot.evaluation.triage import load_cases
from nlu.language import detect_language

CASES = Path(__file__).parent / "cases.yml"
MINIMUM = {"emergency": 15, "urgent": 25, "support": 25, "none": 30}


def test_every_level_has_enough_cases_in_each_language() -> None:
    cases = load_cases(CASES)
    assert len(cases) >= 100
    by_level = Counter(level for _, level in cases)
    for level, minimum in MINIMUM.items():
        assert by_level[level] >= minimum, level
        languages = Counter(detect_language(text).language for text, lvl in cases if lvl == level)
        assert languages["sv"] >= 2 and languages["en"] >= 2, (level, languages)


def test_no_case_is_repeated() -> None:
    texts = [text for text, _ in load_cases(CASES)]
    assert len(texts) == len(set(texts))
