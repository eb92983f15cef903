"""The served model on the held-out set (never used in training)."""
from __future__ import annotations

import pytest

from bot import paths
from bot.evaluation.intents import evaluate, load_examples

MIN_MACRO_F1 = 0.90


@pytest.fixture(scope="module")
def report(parser):
    return evaluate(parser, load_examples(paths.HELDOUT_INTENTS_DIR))


def test_macro_f1_on_heldout_set_is_at_least_0_90(report) -> None:
    assert report["macro_f1"] >= MIN_MACRO_F1, (report["macro_f1"], report["confusions"][:10])


def test_every_intent_is_recognised_at_all(report) -> None:
    """Catches one intent collapsing (as when its data file goes missing)."""
    weak = {name: m["f1"] for name, m in report["per_intent"].items() if m["f1"] < 0.6}
    assert weak == {}


def test_crisis_messages_are_recognised(report) -> None:
    """Missing a crisis is the worst error; triage (issue 3) adds its own net."""
    assert report["per_intent"]["express_crisis"]["recall"] >= 0.9
