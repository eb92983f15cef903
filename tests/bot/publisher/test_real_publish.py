"""The real publish: `rasa train` on a snapshot, held-out evaluation, the gate, and the swap in a running Rasa.

One slow NLU training in all: a deliberately bad change (ask_debt_advice's
examples moved to ask_housing, down to just above the content check's
minimum, so that only the accuracy gate can refuse it) must be rejected with
the live content untouched. The good publish is an answer-only change (the
Finnish housing answer): the NLU data stay as they are, so Rasa's cache
restores the NLU components and only the dialogue policies train (the
training log must say so); it is published while the running Rasa keeps
answering the hub's channel, and Rasa then gives the new answer.
The content is a copy of the tree, so the repository is never written.
"""
from __future__ import annotations

import os
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest
import requests

from bot import paths
from bot.publisher import content
from bot.publisher.store import Store
from bot.publisher.swap import served_model
from bot.publisher.worker import Publisher
from tests.conftest import HUB_TEST_TOKEN, free_port

pytestmark = pytest.mark.slow

PUBLISHER_TOKEN = "test-publisher-token-" + "p" * 40
CHANNEL = "/webhooks/neuvo_hub/webhook"
NEW_ANSWER = "Uusi vastaus asumisesta: asumisneuvoja auttaa vuokrarästeissä ja häätöuhassa. Soita {org_polku_phone}."
HOUSING_QUESTION = "Onko teillä asumisneuvojaa, jolle voisi soittaa?"
# What ask_debt_advice keeps per language: just above `neuvo content check`'s minimum
# (40 fi, 8 sv, 8 en), so the check passes and only the accuracy gate can refuse it.
KEEP_DEBT_EXAMPLES = {"fi": 45, "sv": 10, "en": 10}


@pytest.fixture(scope="module")
def live(model_path: Path, tmp_path_factory) -> Iterator[Dict[str, Any]]:
    """A copy of the content, a models folder, and a real Rasa + action server serving the tree's model."""
    from bot.services import BotProcesses

    base = tmp_path_factory.mktemp("publish")
    models = base / "models"
    models.mkdir()
    served = models / "served.tar.gz"
    os.link(model_path, served) if model_path.stat().st_dev == models.stat().st_dev else served.write_bytes(
        model_path.read_bytes())
    previous = {k: os.environ.get(k) for k in ("NEUVO_PUBLISHER_TOKEN", "NEUVO_MODELS_DIR")}
    os.environ.update(NEUVO_PUBLISHER_TOKEN=PUBLISHER_TOKEN, NEUVO_MODELS_DIR=str(models))  # for the children
    bot = BotProcesses(model=served, rasa_port=free_port(), actions_port=free_port(),
                       log_dir=base / "logs", hub_token=HUB_TEST_TOKEN)
    try:
        bot.start(timeout=600)
        tree = content.snapshot(paths.PROJECT_ROOT, base / "live")
        publisher = Publisher(store=Store(base / "state"), root=tree, models_dir=models, served_model=served,
                              rasa_url=bot.rasa_url, swap_token=PUBLISHER_TOKEN)
        yield {"publisher": publisher, "tree": tree, "rasa": bot.rasa_url, "served": served}
    finally:
        bot.stop()
        for key, value in previous.items():
            os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)


def _movable_debt_examples(tree: Path) -> List[str]:
    from bot.content import default_detector, load_topics

    topic = load_topics(tree / "bot/domain/topics", default_detector())["debt_advice"]
    return [e.text for language, keep in KEEP_DEBT_EXAMPLES.items() for e in topic.examples_in(language)[keep:]]


def say(rasa_url: str, text: str, timeout: float = 8.0) -> Dict[str, Any]:
    """One message through the hub's private channel, as the hub sends it (8 s is the hub's timeout)."""
    answer = requests.post(rasa_url + CHANNEL, timeout=timeout, headers={"Authorization": f"Bearer {HUB_TEST_TOKEN}"},
                           json={"sender": f"pub-{uuid.uuid4().hex[:8]}", "message_id": "m1", "text": text})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_a_bad_change_is_rejected_and_an_answer_change_published_without_downtime(live: Dict[str, Any]) -> None:
    publisher: Publisher = live["publisher"]
    tree: Path = live["tree"]
    snapshot_before = content.examples_by_intent(tree)
    for text in _movable_debt_examples(tree):  # an editor "moves" debt questions to housing by mistake
        publisher.submit_change({"kind": "remove_example", "intent": "ask_debt_advice", "text": text}, "eila")
        publisher.submit_change({"kind": "add_example", "intent": "ask_housing", "text": text}, "eila")
    publisher.publish("eila")
    bad = publisher.run_next()
    assert bad["state"] == "rejected", bad
    assert any("macro-F1 fell" in reason for reason in bad["reasons"]), bad["reasons"]
    assert content.examples_by_intent(tree) == snapshot_before
    assert served_model(live["rasa"], PUBLISHER_TOKEN) == live["served"].name
    for change in publisher.store.pending():
        publisher.store.remove_pending(change["id"])

    publisher.submit_change({"kind": "set_answer", "topic": "housing", "language": "fi", "text": NEW_ANSWER}, "eila")
    job_id = publisher.publish("eila")["id"]
    answers: List[float] = []
    done: Dict[str, Any] = {}
    started = time.monotonic()
    worker = threading.Thread(target=lambda: done.update(publisher.run_next()))
    worker.start()
    while worker.is_alive():  # the hub keeps talking to Rasa throughout, the swap included
        begun = time.monotonic()
        say(live["rasa"], "Miten haen toimeentulotukea?")
        answers.append(time.monotonic() - begun)
        time.sleep(2)
    worker.join()
    print(f"\nanswer-only publish (train + evaluate + swap): {(time.monotonic() - started) / 60:.1f} min")
    assert done["state"] == "published", done
    training_log = (publisher.store.folder / "logs" / f"{job_id}.log").read_bytes().decode("utf-8", "ignore")
    assert "Restored component 'DIETClassifier' from cache" in training_log  # NLU untouched: not retrained
    assert "Starting to train component 'DIETClassifier'" not in training_log
    assert done["after"]["intents"] == done["before"]["intents"]  # the same NLU model, the same figures
    assert max(answers) < 8.0, answers
    assert served_model(live["rasa"], PUBLISHER_TOKEN) == Path(publisher.store.current()["model"]).name
    replies = " ".join(m.get("text") or "" for m in say(live["rasa"], HOUSING_QUESTION)["messages"])
    assert "Uusi vastaus asumisesta" in replies and "{org_" not in replies, replies
    version = publisher.store.versions()[-1]
    assert version["author"] == "eila" and "Uusi vastaus asumisesta" in version["diff"]
