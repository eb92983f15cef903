"""The NLU outcome the hub channel returns for the editors' inbox (bot/channels/nlu_outcome.py)."""
from __future__ import annotations

import asyncio

from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels.nlu_outcome import nlu_outcome, outcome_from_parse

RANKING = [{"name": "nlu_fallback", "confidence": 0.3}, {"name": "ask_housing", "confidence": 0.2412345},
           {"name": "ask_debt_advice", "confidence": 0.2}]


def test_the_best_real_intent_even_when_the_fallback_won() -> None:
    parse = {"intent": RANKING[0], "intent_ranking": RANKING, "entities": [], "text": "secret"}
    assert outcome_from_parse(parse) == {"intent": "ask_housing", "confidence": 0.2412, "fallback": True}


def test_a_confident_intent() -> None:
    parse = {"intent": {"name": "greet", "confidence": 0.97}, "intent_ranking": []}
    assert outcome_from_parse(parse) == {"intent": "greet", "confidence": 0.97, "fallback": False}
    assert outcome_from_parse({}) is None


class _Agent:
    def __init__(self, store: InMemoryTrackerStore) -> None:
        self.tracker_store = store


def test_read_from_the_tracker_by_message_id_without_text() -> None:
    store = InMemoryTrackerStore(Domain.empty())
    tracker = DialogueStateTracker("c1", [])
    parse = {"intent": RANKING[0], "intent_ranking": RANKING}
    tracker.update(UserUttered("vuokra [puh]", intent=RANKING[0], parse_data=parse, message_id="m1"))
    tracker.update(UserUttered("/request_human", intent={"name": "request_human", "confidence": 1.0},
                               message_id="m2"))
    asyncio.run(store.save(tracker))
    agent = _Agent(store)
    outcome = asyncio.run(nlu_outcome(agent, "c1", "m1"))
    assert outcome == {"intent": "ask_housing", "confidence": 0.2412, "fallback": True}
    assert asyncio.run(nlu_outcome(agent, "c1", "m2")) is None  # a button, not wording
    assert asyncio.run(nlu_outcome(agent, "c1", "nope")) is None
    assert asyncio.run(nlu_outcome(object(), "c1", "m1")) is None  # never raises
