"""Adds `triage` (level and markers) to every parsed message.

Runs after DIET (it uses the intent as one signal) and before the
FallbackClassifier (which would hide that intent). Because it is part of the
NLU graph, the bot and `neuvo eval triage` run the very same code.
"""
from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.components.stateless import StatelessComponent
from nlu.triage import assess

TRIAGE_KEY = "triage"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class TriageAssessor(StatelessComponent):
    """Urgency first: level and markers for each resident message."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            tokens = message.get(TOKENS_NAMES[TEXT]) or []
            intent = message.get(INTENT) or {}
            result = assess(
                text,
                lemmas=[token.lemma or token.text for token in tokens],
                intent=intent.get("name"),
                intent_confidence=float(intent.get("confidence") or 0.0),
            )
            message.set(TRIAGE_KEY, {"level": result.level, "markers": list(result.markers)}, add_to_output=True)
        return messages
