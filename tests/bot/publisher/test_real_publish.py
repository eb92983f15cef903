"""The real publish: `rasa train` on a snapshot, held-out evaluation, the gate, and the swap in a running Rasa.

Two trainings in all (each a full NLU retrain; the dialogue policies come
from Rasa's cache): a deliberately bad change (ask_debt_advice's examples
moved to ask_housing, down to just above the content check's minimum, so
that only the accuracy gate can refuse it) must be rejected with the live content
untouched, and a good one (one new housing example) published while the
running Rasa keeps answering the hub's channel and then serves the new model.
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
NEW_EXAMPLE = "vuokraisäntä vaihtoi lukot enkä pääse kotiin, kuka auttaa"
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


def test_a_bad_change_is_rejected_and_a_good_one_published_without_downtime(live: Dict[str, Any]) -> None:
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

    publisher.submit_change({"kind": "add_example", "intent": "ask_housing", "text": NEW_EXAMPLE}, "eila")
    publisher.publish("eila")
    # This half tests publishing and the swap, so the good change must pass even if the tolerance is
    # tightened (this example moves two held-out examples: 0.9544 -> 0.9497); the gate is tested in test_core.
    publisher.tolerance = 0.02
    answers: List[float] = []
    done: Dict[str, Any] = {}
    worker = threading.Thread(target=lambda: done.update(publisher.run_next()))
    worker.start()
    while worker.is_alive():  # the hub keeps talking to Rasa throughout, the swap included
        started = time.monotonic()
        say(live["rasa"], "Miten haen toimeentulotukea?")
        answers.append(time.monotonic() - started)
        time.sleep(2)
    worker.join()
    assert done["state"] == "published", done
    assert done["after"]["intents"]["macro_f1"] >= done["before"]["intents"]["macro_f1"] - 0.02
    assert max(answers) < 8.0, answers
    assert served_model(live["rasa"], PUBLISHER_TOKEN) == Path(publisher.store.current()["model"]).name
    assert NEW_EXAMPLE in content.examples_by_intent(tree)["ask_housing"][1]
    assert say(live["rasa"], NEW_EXAMPLE)["nlu"]["intent"] == "ask_housing"
    version = publisher.store.versions()[-1]
    assert version["author"] == "eila" and f"+    - {NEW_EXAMPLE}" in version["diff"]
