"""Adds the detected language as the entity `detected_language`.

The `language` slot is filled from it (see bot/domain/language.yml), so the
bot answers each message in the resident's language. An explicit request
("puhu ruotsia", DIET's `language` entity) wins over detection. A message
clearly in another language becomes `nlu_fallback` with the entity
`unsupported_language`, so the bot says which languages it understands.
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.components.stateless import StatelessComponent
from nlu.language import detect_language, normalise_language_name, requested_language

DETECTED_LANGUAGE_ENTITY = "detected_language"
UNSUPPORTED_LANGUAGE_ENTITY = "unsupported_language"
EXPLICIT_LANGUAGE_ENTITY = "language"
FALLBACK_INTENT = "nlu_fallback"
SWITCH_LANGUAGE_INTENT = "switch_language"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class LanguageDetector(StatelessComponent):
    """Detects fi/sv/en per message; adds nothing when unsure."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"min_confidence": 0.8}

    def __init__(self, config: Dict[str, Any]) -> None:
        super().__init__(config)
        self._min_confidence = float(config["min_confidence"])

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = self._normalised_explicit(list(message.get(ENTITIES, []) or []))
            entities += self._named_in_a_switch_request(message, entities)
            if any(e.get("entity") == EXPLICIT_LANGUAGE_ENTITY for e in entities):
                message.set(ENTITIES, entities, add_to_output=True)
                continue
            text = message.get(TEXT) or ""
            guess = detect_language(text, min_confidence=self._min_confidence)
            if guess.language:
                entities.append(self._entity(DETECTED_LANGUAGE_ENTITY, guess.language, text, guess.confidence))
            elif guess.unsupported:
                entities.append(self._entity(UNSUPPORTED_LANGUAGE_ENTITY, guess.unsupported, text, guess.confidence))
                self._not_understood(message)
            message.set(ENTITIES, entities, add_to_output=True)
        return messages

    def _named_in_a_switch_request(self, message: Message, entities: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
        """DIET recognised a language switch but not the language: read it from the words."""
        if (message.get(INTENT) or {}).get("name") != SWITCH_LANGUAGE_INTENT:
            return []
        if any(e.get("entity") == EXPLICIT_LANGUAGE_ENTITY for e in entities):
            return []
        text = message.get(TEXT) or ""
        code = requested_language(text)
        return [self._entity(EXPLICIT_LANGUAGE_ENTITY, code, text, 1.0)] if code else []

    @staticmethod
    def _not_understood(message: Message) -> None:
        """An intent guessed from a language we do not model is not trusted."""
        fallback = {"name": FALLBACK_INTENT, "confidence": 1.0}
        ranking = [r for r in message.get(INTENT_RANKING_KEY, []) or [] if r.get("name") != FALLBACK_INTENT]
        message.set(INTENT, fallback, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [fallback, *ranking], add_to_output=True)

    @staticmethod
    def _normalised_explicit(entities: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
        """DIET finds "ruotsiksi"; the slot needs "sv". Unknown names are dropped."""
        result = []
        for entity in entities:
            if entity.get("entity") == EXPLICIT_LANGUAGE_ENTITY:
                code = normalise_language_name(str(entity.get("value", "")))
                if code is None:
                    continue
                entity = {**entity, "value": code}
            result.append(entity)
        return result

    @staticmethod
    def _entity(name: str, value: str, text: str, confidence: float) -> Dict[str, Any]:
        return {
            "entity": name,
            "value": value,
            "start": 0,
            "end": len(text),
            "confidence_entity": round(confidence, 4),
            "extractor": "LanguageDetector",
        }
