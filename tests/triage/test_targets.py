"""Triage targets on the hand-written test set, through the served model.

Issue 3: never miss an emergency, miss almost no urgent resident, and do not
flood counsellors with false alarms. The rules are tuned on nlu/triage/dev_cases*.yml
only; this set measures them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation.triage import level_of, load_cases, score

CASES = Path(__file__).parent / "cases.yml"
MIN_RECALL = {"emergency": 1.0, "urgent": 0.95}
MAX_NONE_RAISED = 0.05


@pytest.fixture(scope="module")
def report(parser) -> dict:
    cases = load_cases(CASES)
    return score(cases, [level_of(parser.parse(text)) for text, _ in cases])


@pytest.mark.parametrize("level", sorted(MIN_RECALL))
def test_recall_of_the_dangerous_levels(report: dict, level: str) -> None:
    missed = [m for m in report["missed"] if m["expected"] == level]
    assert report["recall"][level] >= MIN_RECALL[level], missed


def test_few_plain_questions_are_raised(report: dict) -> None:
    raised = [m for m in report["missed"] if m["expected"] == "none"]
    assert report["none_raised_rate"] <= MAX_NONE_RAISED, raised
