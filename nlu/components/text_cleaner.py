"""First pipeline step: the text the rest of the pipeline classifies."""
from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.components.stateless import StatelessComponent
from nlu.text_limits import MAX_NLU_CHARS, clean_text


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False
)
class TextCleaner(StatelessComponent):
    """Strips markup and control characters and cuts very long messages.

    Runs on training data too, so training and prediction see the same text.
    """

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        return {"max_chars": MAX_NLU_CHARS}

    def __init__(self, config: Dict[str, Any]) -> None:
        super().__init__(config)
        self._max_chars = int(config["max_chars"])

    def _clean(self, message: Message) -> None:
        text = message.get(TEXT)
        if isinstance(text, str):
            message.set(TEXT, clean_text(text, self._max_chars))

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            self._clean(example)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._clean(message)
        return messages
