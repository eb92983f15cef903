"""The linear intent classifier: trains, survives the model archive, blends with DIET's ranking."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.components.linear_intent_classifier import LinearIntentClassifier

EXAMPLES = {
    "ask_social_assistance": ["miten haen toimeentulotukea", "toimeentulotuki hakemus kelaan", "rahat loppu tarvitsen tukea"],
    "ask_housing": ["etsin vuokra-asuntoa", "asumistuki ja vuokra", "tarvitsen asunnon lahdesta"],
    "greet": ["hei", "moi moi", "hyvää päivää"],
}


def _messages(texts: list[str]) -> list[Message]:
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    messages = [Message(data={"text": text}) for text in texts]
    tokenizer.process(messages)
    return messages


def _training_data() -> TrainingData:
    examples = []
    for intent, texts in EXAMPLES.items():
        for message in _messages(texts):
            message.set("intent", intent)
            examples.append(message)
    data = TrainingData(training_examples=examples)
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process_training_data(data)
    return data


@pytest.fixture
def storage(tmp_path: Path) -> LocalModelStorage:
    return LocalModelStorage(tmp_path)


def _config(**overrides) -> dict:
    return {**LinearIntentClassifier.get_default_config(), **overrides}


def test_trained_model_is_reloaded_from_storage_and_classifies(storage) -> None:
    resource = Resource("linear")
    context = ExecutionContext(graph_schema=None, model_id="m")
    trained = LinearIntentClassifier.create(_config(diet_weight=0.0), storage, resource, context)
    trained.train(_training_data())
    loaded = LinearIntentClassifier.load(_config(diet_weight=0.0), storage, resource, context)
    [message] = loaded.process(_messages(["haen toimeentulotukea"]))
    assert message.get("intent")["name"] == "ask_social_assistance"
    ranking = message.get("intent_ranking")
    assert [r["name"] for r in ranking][0] == "ask_social_assistance"
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0, abs=1e-6)


def test_blend_follows_diet_when_weighted_fully(storage) -> None:
    resource = Resource("linear")
    classifier = LinearIntentClassifier.create(_config(diet_weight=1.0), storage, resource, None)
    classifier.train(_training_data())
    [message] = _messages(["haen toimeentulotukea"])
    message.set("intent_ranking", [{"name": "greet", "confidence": 0.9}, {"name": "ask_housing", "confidence": 0.1}])
    classifier.process([message])
    assert message.get("intent")["name"] == "greet"
    assert message.get("intent")["confidence"] == pytest.approx(0.9)


def test_untrained_component_passes_messages_through(storage) -> None:
    classifier = LinearIntentClassifier.load(_config(), storage, Resource("never-trained"), None)
    [message] = _messages(["hei"])
    message.set("intent", {"name": "greet", "confidence": 0.7})
    classifier.process([message])
    assert message.get("intent") == {"name": "greet", "confidence": 0.7}
