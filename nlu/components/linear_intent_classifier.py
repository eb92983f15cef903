"""A linear intent classifier on lemmas, words, character n-grams and word vectors, blended with DIET.

Why: with a few thousand examples a regularised linear model on TF-IDF
features beats DIET alone on our held-out set (docs/benchmarks.md). Voikko
lemmas make inflected forms look alike, character n-grams catch typos and
puhekieli, and spaCy's mean word vector lets synonyms that never occur in
training count (it added about 0.01 macro-F1 in the experiments). DIET keeps
a share of the vote because it reads the words in context.

It runs after DIETClassifier: it reads DIET's intent ranking, blends it with
its own probabilities (`diet_weight`), and writes the blended intent and
ranking back, so the FallbackClassifier and the triage see one answer.
"""
from __future__ import annotations

import logging
import pickle
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import SPACY_DOCS, TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)
MODEL_FILE = "linear_intent_classifier.pkl"


def lemma_text(message: Message) -> str:
    """The message as lemmas (the tokenizer's), lower-cased; surface text if none."""
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    lemmas = [(token.lemma or token.text) for token in tokens]
    return " ".join(lemmas).lower() if lemmas else (message.get(TEXT) or "").lower()


def surface_text(message: Message) -> str:
    return (message.get(TEXT) or "").lower()


def unit_vector(message: Message, size: int) -> "np.ndarray":
    """spaCy's mean word vector, length one (zeros when there is none)."""
    import numpy as np

    doc = message.get(SPACY_DOCS[TEXT])
    vector = np.asarray(doc.vector, dtype=np.float32) if doc is not None and doc.has_vector else np.zeros(size, np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    """Logistic regression on lemma word n-grams + surface char n-grams."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "C": 10.0,
            "lemma_ngrams": [1, 2],
            # False reads surface words instead of lemmas (the benchmark's ablation).
            "use_lemmas": True,
            "char_ngrams": [2, 5],
            # Weight of spaCy's word vector beside the TF-IDF features (0 = off).
            "vector_weight": 1.0,
            # Share of DIET's probability in the blend (0 = linear model only).
            "diet_weight": 0.1,
            "ranking_length": 10,
            "max_iter": 3000,
        }

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn", "scipy"]

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[Dict[str, Any]] = None,
    ) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "LinearIntentClassifier":
        return cls(config, model_storage, resource)

    def _features(self, messages: List[Message], fit: bool = False):
        import numpy as np
        from scipy.sparse import csr_matrix, hstack

        surface = [surface_text(m) for m in messages]
        texts = {"lemma": [lemma_text(m) for m in messages] if self._config["use_lemmas"] else surface, "surface": surface}
        blocks = []
        for name, source in (("lemma", "lemma"), ("word", "surface"), ("char", "surface")):
            vectorizer = self._model[name]
            blocks.append(vectorizer.fit_transform(texts[source]) if fit else vectorizer.transform(texts[source]))
        weight = float(self._config["vector_weight"])
        if weight:
            if fit:
                self._model["vector_size"] = next(
                    (len(m.get(SPACY_DOCS[TEXT]).vector) for m in messages if m.get(SPACY_DOCS[TEXT]) is not None), 0
                )
            size = self._model["vector_size"]
            if size:
                blocks.append(csr_matrix(np.vstack([unit_vector(m, size) for m in messages]) * weight))
        return hstack(blocks).tocsr()

    def train(self, training_data: TrainingData) -> Resource:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        examples = [m for m in training_data.intent_examples if m.get(INTENT)]
        labels = [m.get(INTENT) for m in examples]
        if len(set(labels)) < 2:
            log.warning("LinearIntentClassifier needs at least two intents; it will pass DIET's answer through.")
            return self._resource
        words = r"(?u)\b\w+\b"
        self._model = {
            "lemma": TfidfVectorizer(analyzer="word", ngram_range=tuple(self._config["lemma_ngrams"]),
                                     sublinear_tf=True, token_pattern=words),
            "word": TfidfVectorizer(analyzer="word", sublinear_tf=True, token_pattern=words),
            "char": TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self._config["char_ngrams"]),
                                    sublinear_tf=True),
        }
        features = self._features(examples, fit=True)
        classifier = LogisticRegression(C=float(self._config["C"]), max_iter=int(self._config["max_iter"]))
        classifier.fit(features, labels)
        self._model["classifier"] = classifier
        with self._storage.write_to(self._resource) as directory:
            with open(directory / MODEL_FILE, "wb") as handle:
                pickle.dump(self._model, handle)
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "LinearIntentClassifier":
        try:
            with model_storage.read_from(resource) as directory:
                with open(directory / MODEL_FILE, "rb") as handle:
                    model = pickle.load(handle)  # our own trained artefact, inside the model archive
        except (ValueError, FileNotFoundError):
            model = None
        return cls(config, model_storage, resource, model)

    def process(self, messages: List[Message]) -> List[Message]:
        if not self._model or "classifier" not in self._model:
            return messages
        classifier = self._model["classifier"]
        probabilities = classifier.predict_proba(self._features(messages))
        for message, row in zip(messages, probabilities):
            own = dict(zip(classifier.classes_, (float(p) for p in row)))
            self._write_blend(message, own)
        return messages

    def _write_blend(self, message: Message, own: Dict[str, float]) -> None:
        weight = float(self._config["diet_weight"])
        diet = {r[INTENT_NAME_KEY]: float(r[PREDICTED_CONFIDENCE_KEY]) for r in message.get(INTENT_RANKING_KEY) or []}
        blended = {name: (1 - weight) * p + weight * diet.get(name, 0.0) for name, p in own.items()}
        ranking = sorted(blended.items(), key=lambda item: item[1], reverse=True)
        ranking = ranking[: int(self._config["ranking_length"])] if self._config["ranking_length"] else ranking
        ranking_out = [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence} for name, confidence in ranking]
        message.set(INTENT, ranking_out[0], add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking_out, add_to_output=True)
