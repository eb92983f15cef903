"""Training and held-out data: every contract intent, enough realistic examples."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List

import pytest

from actions.topics import TOPIC_OF_INTENT
from bot import paths
from bot.evaluation.intents import LabelledText, load_examples, load_training_examples
from nlu.language import detect_language

SPEC = Path(paths.PROJECT_ROOT).parent / "shared" / "spec" / "intents.md"
CONVERSATION_INTENTS = {
    "express_crisis", "request_human", "request_callback", "greet", "goodbye", "thank",
    "affirm", "deny", "bot_challenge", "out_of_scope",
}


def _normalise(text: str) -> str:
    return re.sub(r"[^\wåäö]+", " ", text.lower()).strip()


def _by_intent(examples: List[LabelledText]) -> Dict[str, List[str]]:
    grouped: Dict[str, List[str]] = defaultdict(list)
    for example in examples:
        grouped[example.intent].append(example.text)
    return grouped


@pytest.fixture(scope="module")
def training() -> Dict[str, List[str]]:
    return _by_intent(load_training_examples())


@pytest.fixture(scope="module")
def heldout() -> Dict[str, List[str]]:
    return _by_intent(load_examples(paths.HELDOUT_INTENTS_DIR))


def _languages(texts: List[str]) -> Counter:
    return Counter(detect_language(t).language or "fi" for t in texts)


def test_contract_intents_are_all_trained(training) -> None:
    if SPEC.exists():
        spec_intents = set(re.findall(r"^\| `(\w+)` \|", SPEC.read_text(encoding="utf-8"), re.M))
        # More topics may be added (by the editors too); none of the contract's may go.
        assert spec_intents <= set(TOPIC_OF_INTENT) | CONVERSATION_INTENTS
    assert set(TOPIC_OF_INTENT) | CONVERSATION_INTENTS <= set(training)


@pytest.mark.parametrize("intent", sorted(TOPIC_OF_INTENT))
def test_topic_intents_have_enough_examples_in_each_language(training, intent: str) -> None:
    languages = _languages(training[intent])
    assert languages["fi"] >= 40 and languages["sv"] >= 8 and languages["en"] >= 8, languages


@pytest.mark.parametrize("intent", sorted(set(TOPIC_OF_INTENT) | CONVERSATION_INTENTS))
def test_heldout_has_ten_examples_with_swedish_and_english(heldout, intent: str) -> None:
    languages = _languages(heldout[intent])
    assert sum(languages.values()) >= 10 and languages["sv"] >= 2 and languages["en"] >= 2, languages


def test_no_heldout_example_is_also_a_training_example(training, heldout) -> None:
    trained = {_normalise(t) for texts in training.values() for t in texts}
    leaked = [t for texts in heldout.values() for t in texts if _normalise(t) in trained]
    assert leaked == []


def test_no_example_is_under_two_intents(training) -> None:
    owners: Dict[str, set] = defaultdict(set)
    for intent, texts in training.items():
        for text in texts:
            owners[_normalise(text)].add(intent)
    assert {t: o for t, o in owners.items() if len(o) > 1} == {}
