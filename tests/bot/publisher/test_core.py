"""The publisher's core on a copy of the real content: changes, queue, gate, versions, restore.

Training and evaluation are replaced here by functions that write a file and
return chosen figures, so the state machine and the file handling are tested
in seconds; tests/bot/publisher/test_real_publish.py runs the real training,
evaluation and model swap once.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Dict, List

import pytest

from bot import paths
from bot.publisher import content, gate
from bot.publisher.store import Store
from bot.publisher.worker import Publisher

NEW_EXAMPLE = "vuokranantaja uhkaa heittää pihalle ensi viikolla, mitä teen"


def figures(macro_f1: float = 0.95, emergency: float = 1.0, urgent: float = 0.96) -> Dict[str, Any]:
    return {"intents": {"examples": 422, "accuracy": macro_f1, "macro_f1": macro_f1, "fallback_rate": 0.05},
            "triage": {"cases": 170, "exact": 0.9, "recall": {"emergency": emergency, "urgent": urgent,
                                                                "support": 0.8}, "none_raised_rate": 0.03}}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return content.snapshot(paths.PROJECT_ROOT, tmp_path / "live")


class Stand:
    """Trainer and evaluator stand-ins that record what they were given."""

    def __init__(self, after: Dict[str, Any]) -> None:
        self.after = after
        self.trained: List[Path] = []
        self.expect_example = True

    def train(self, tree: Path, out_dir: Path, name: str, log_file: Path, progress) -> Path:
        progress("DIETClassifier 50%")
        self.trained.append(tree)
        trained_on = (tree / "bot/domain/topics/housing/examples.yml").read_text(encoding="utf-8")
        assert (NEW_EXAMPLE in trained_on) == self.expect_example
        out_dir.mkdir(parents=True, exist_ok=True)
        model = out_dir / f"{name}.tar.gz"
        model.write_bytes(b"model")
        return model

    def evaluate(self, model: Path) -> Dict[str, Any]:
        return figures() if "published-" not in model.name else self.after


def make(tmp_path: Path, tree: Path, after: Dict[str, Any]) -> tuple[Publisher, Stand]:
    stand = Stand(after)
    served = tmp_path / "models" / "served.tar.gz"
    served.parent.mkdir()
    served.write_bytes(b"served")
    publisher = Publisher(store=Store(tmp_path / "state"), root=tree, models_dir=tmp_path / "models",
                          served_model=served, trainer=stand.train, evaluator=stand.evaluate)
    return publisher, stand


def test_a_good_change_is_published_versioned_and_restorable(tmp_path: Path, tree: Path) -> None:
    publisher, stand = make(tmp_path, tree, figures(macro_f1=0.951))
    housing = tree / "bot/domain/topics/housing/examples.yml"
    original = housing.read_text(encoding="utf-8")
    publisher.submit_change({"kind": "add_example", "intent": "ask_housing", "text": NEW_EXAMPLE}, "eila")
    job = publisher.publish("eila")
    assert job["state"] == "queued" and publisher.store.pending() == []
    assert NEW_EXAMPLE not in housing.read_text(encoding="utf-8")  # nothing written before the gate

    done = publisher.run_next()
    assert done["state"] == "published", done
    assert done["before"]["intents"]["macro_f1"] == 0.95 and done["after"]["intents"]["macro_f1"] == 0.951
    assert housing.read_text(encoding="utf-8") == original.rstrip("\n") + f"\n    - {NEW_EXAMPLE}\n"
    version = publisher.store.versions()[-1]
    assert (version["version"], version["author"], version["files"]) == (
        1, "eila", ["bot/domain/topics/housing/examples.yml"])
    assert f"+    - {NEW_EXAMPLE}" in version["diff"]
    assert publisher.store.current()["version"] == 1

    publisher.submit_change({"kind": "remove_example", "intent": "ask_housing", "text": NEW_EXAMPLE}, "eila")
    stand.after, stand.expect_example = figures(macro_f1=0.951), False
    assert publisher.run_next() is None
    publisher.publish("eila")
    assert publisher.run_next()["state"] == "published"
    assert NEW_EXAMPLE not in housing.read_text(encoding="utf-8")

    restored = publisher.restore(1, "admin")
    assert publisher.run_next()["state"] == "published", restored
    assert NEW_EXAMPLE in housing.read_text(encoding="utf-8")
    assert publisher.store.versions()[-1]["restored_from"] == 1


@pytest.mark.parametrize("after, reason", [
    (figures(macro_f1=0.94), "intent macro-F1 fell from 0.9500 to 0.9400"),
    (figures(emergency=0.98), "emergency recall fell"),
    (figures(urgent=0.95), "urgent recall fell"),
])
def test_a_change_that_lowers_the_figures_is_not_published(tmp_path: Path, tree: Path, after, reason) -> None:
    publisher, _stand = make(tmp_path, tree, after)
    before = content.examples_by_intent(tree)["ask_housing"][1]
    publisher.submit_change({"kind": "add_example", "intent": "ask_housing", "text": NEW_EXAMPLE}, "eila")
    publisher.publish("eila")
    done = publisher.run_next()
    assert done["state"] == "rejected"
    assert any(reason in r for r in done["reasons"])
    assert content.examples_by_intent(tree)["ask_housing"][1] == before
    assert [c["text"] for c in publisher.store.pending()] == [NEW_EXAMPLE]  # back for the editor to fix
    assert publisher.store.versions() == []
    assert not list((tmp_path / "models").glob("published-*"))


def test_any_fall_is_refused_unless_the_county_allows_a_tolerance() -> None:
    assert gate.decide(figures(0.95), figures(0.9499)) != []  # the default: no fall at all
    assert gate.decide(figures(0.95), figures(0.95)) == []
    allowed = gate.tolerance_from_env({gate.TOLERANCE_ENV: "0.005"})
    assert gate.decide(figures(0.95), figures(0.9451), allowed) == []
    assert gate.decide(figures(0.95), figures(0.9449), allowed) != []
    assert gate.tolerance_from_env({}) == 0.0
    with pytest.raises(ValueError):
        gate.tolerance_from_env({gate.TOLERANCE_ENV: "0.5"})
    with pytest.raises(ValueError):
        gate.tolerance_from_env({gate.TOLERANCE_ENV: "paljon"})


@pytest.mark.parametrize("change, message", [
    ({"kind": "add_example", "intent": "ask_nothing", "text": "hei"}, "unknown intent"),
    ({"kind": "add_example", "intent": "ask_housing", "text": "vuokrarästit"}, "already under ask_housing"),
    ({"kind": "add_example", "intent": "ask_debt_advice", "text": "Vuokrarästit"}, "already under ask_housing"),
    ({"kind": "add_example", "intent": "ask_debt_advice", "text": "Vuokrarästit?!"}, "already under ask_housing"),
    ({"kind": "remove_example", "intent": "ask_housing", "text": "ei ole"}, "no such example"),
    ({"kind": "add_example", "intent": "ask_housing", "text": "/greet"}, "cannot start"),
    ({"kind": "drop_table", "intent": "ask_housing", "text": "x"}, "unknown change kind"),
])
def test_invalid_changes_are_refused_with_a_reason(tmp_path: Path, tree: Path, change, message) -> None:
    publisher, _stand = make(tmp_path, tree, figures())
    with pytest.raises(content.ChangeError, match=message):
        publisher.submit_change(change, "eila")


def test_two_editors_publishing_at_once_get_one_job_each_change_once(tmp_path: Path, tree: Path) -> None:
    publisher, _stand = make(tmp_path, tree, figures())
    for index in range(20):
        publisher.submit_change({"kind": "add_example", "intent": "ask_housing",
                                 "text": f"{NEW_EXAMPLE} {index}"}, f"editor{index % 2}")
    jobs: List[Any] = []
    threads = [threading.Thread(target=lambda: jobs.append(publisher.publish("x"))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    taken = [c["text"] for job in jobs if job for c in job["changes"]]
    assert sorted(taken) == sorted(f"{NEW_EXAMPLE} {i}" for i in range(20))
    assert sum(1 for job in jobs if job) == 1


def test_a_crash_mid_training_fails_the_job_and_keeps_the_changes(tmp_path: Path, tree: Path) -> None:
    publisher, _stand = make(tmp_path, tree, figures())
    publisher.submit_change({"kind": "add_example", "intent": "ask_housing", "text": NEW_EXAMPLE}, "eila")
    job = publisher.publish("eila")
    publisher.store.update_job(job["id"], state="training")
    Publisher(store=Store(tmp_path / "state"), root=tree, models_dir=tmp_path / "models").recover()
    assert publisher.store.job(job["id"])["state"] == "failed"
    assert [c["text"] for c in publisher.store.pending()] == [NEW_EXAMPLE]


def test_a_failing_training_fails_the_job(tmp_path: Path, tree: Path) -> None:
    publisher, _stand = make(tmp_path, tree, figures())

    def broken(*_args: Any) -> Path:
        raise RuntimeError("rasa train exited with 1")

    publisher.trainer = broken
    publisher.submit_change({"kind": "add_example", "intent": "ask_housing", "text": NEW_EXAMPLE}, "eila")
    publisher.publish("eila")
    done = publisher.run_next()
    assert done["state"] == "failed" and "exited with 1" in done["error"]
    assert len(publisher.store.pending()) == 1


def test_an_answer_and_a_conversation_example_through_the_content_library(tmp_path: Path, tree: Path) -> None:
    from bot.content import load_topics

    publisher, stand = make(tmp_path, tree, figures(macro_f1=0.95))
    stand.expect_example = False
    publisher.submit_change({"kind": "set_answer", "topic": "housing", "language": "en",
                             "text": "Housing advice: call us."}, "eila")
    publisher.submit_change({"kind": "add_example", "intent": "greet", "text": "moikkelis koikkelis"}, "eila")
    with pytest.raises(content.ChangeError, match="unknown topic"):
        publisher.submit_change({"kind": "set_answer", "topic": "nope", "language": "en", "text": "x"}, "eila")
    publisher.publish("eila")
    done = publisher.run_next()
    assert done["state"] == "published", done
    assert load_topics(tree / "bot/domain/topics")["housing"].answer.text("en") == "Housing advice: call us."
    assert "moikkelis koikkelis" in content.examples_by_intent(tree)["greet"][1]
    assert sorted(publisher.store.versions()[-1]["files"]) == [
        "bot/domain/topics/housing/answers.yml", "nlu/data/greet.yml"]


def test_figures_are_measured_again_when_rasa_serves_another_model(tmp_path: Path, tree: Path) -> None:
    publisher, _stand = make(tmp_path, tree, figures())
    publisher.store.set_current(version=3, model=str(tmp_path / "models" / "published-x.tar.gz"), figures=figures())
    publisher.recover()
    assert publisher.store.current()["figures"] is None
    assert publisher.store.current()["model"] == str(publisher.served_model)
    publisher.store.set_current(figures=figures())
    publisher.recover()
    assert publisher.store.current()["figures"] == figures()  # the same model: kept


def test_a_change_that_breaks_the_content_check_is_refused_before_training(tmp_path: Path, tree: Path) -> None:
    publisher, stand = make(tmp_path, tree, figures())
    publisher.submit_change({"kind": "set_answer", "topic": "housing", "language": "sv",
                             "text": "Ring oss på 040 999 8888."}, "eila")  # a number not in the organisation file
    publisher.publish("eila")
    done = publisher.run_next()
    assert done["state"] == "rejected", done
    assert any(r.startswith("content check:") and "040 999 8888" in r for r in done["reasons"]), done["reasons"]
    assert stand.trained == []


def test_content_written_meanwhile_is_not_overwritten(tmp_path: Path, tree: Path) -> None:
    publisher, stand = make(tmp_path, tree, figures(macro_f1=0.951))
    greet = tree / "nlu/data/greet.yml"
    original_train = stand.train

    def train_while_someone_edits(*args: Any) -> Path:
        greet.write_text(greet.read_text(encoding="utf-8") + "    - terve terve\n", encoding="utf-8")
        return original_train(*args)

    publisher.trainer = train_while_someone_edits
    publisher.submit_change({"kind": "add_example", "intent": "ask_housing", "text": NEW_EXAMPLE}, "eila")
    publisher.publish("eila")
    done = publisher.run_next()
    assert done["state"] == "failed" and "changed while the model was training" in done["error"]
    assert "terve terve" in greet.read_text(encoding="utf-8")
    assert NEW_EXAMPLE not in (tree / "bot/domain/topics/housing/examples.yml").read_text(encoding="utf-8")
    assert len(publisher.store.pending()) == 1


def test_the_content_before_the_first_publish_is_version_0_and_restorable(tmp_path: Path, tree: Path) -> None:
    publisher, _stand = make(tmp_path, tree, figures(macro_f1=0.951))
    housing = tree / "bot/domain/topics/housing/examples.yml"
    original = housing.read_text(encoding="utf-8")
    publisher.submit_change({"kind": "add_example", "intent": "ask_housing", "text": NEW_EXAMPLE}, "eila")
    publisher.publish("eila")
    assert publisher.run_next()["state"] == "published"
    assert [v["version"] for v in publisher.store.versions()] == [0, 1]
    first = publisher.store.versions()[0]
    assert first["original"] and first["figures"] == figures()
    kept = Path(first["model"])
    assert kept.read_bytes() == b"served" and publisher.models_dir not in kept.parents  # never pruned with models/

    publisher.served_model.unlink()  # neuvo train's cache let the original model go
    publisher.restore(0, "admin")
    done = publisher.run_next()
    assert done["state"] == "published", done
    assert housing.read_text(encoding="utf-8") == original
    assert publisher.store.versions()[-1]["restored_from"] == 0
    assert publisher.store.current()["model"] == str(kept)

    publisher.submit_change({"kind": "add_example", "intent": "ask_housing", "text": NEW_EXAMPLE}, "eila")
    publisher.publish("eila")
    publisher.run_next()
    assert [v["version"] for v in publisher.store.versions()].count(0) == 1  # written once

