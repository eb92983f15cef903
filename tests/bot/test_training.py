"""The model cache: retrain exactly when a training input changes."""
from __future__ import annotations

from pathlib import Path

from bot import paths
from bot.training import model_path_for, training_hash


def _inputs(tmp_path: Path) -> list:
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.yml").write_text("nlu: []\n", encoding="utf-8")
    (tmp_path / "config.yml").write_text("pipeline: []\n", encoding="utf-8")
    return [tmp_path / "config.yml", data]


def test_hash_is_stable_for_unchanged_inputs(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    assert training_hash(inputs) == training_hash(inputs)


def test_hash_changes_with_content_and_with_new_files(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    before = training_hash(inputs)
    (tmp_path / "data" / "a.yml").write_text("nlu: [x]\n", encoding="utf-8")
    changed = training_hash(inputs)
    (tmp_path / "data" / "b.yml").write_text("nlu: []\n", encoding="utf-8")
    assert len({before, changed, training_hash(inputs)}) == 3


def test_caches_and_editor_files_do_not_count(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    before = training_hash(inputs)
    (tmp_path / "data" / "__pycache__").mkdir()
    (tmp_path / "data" / "__pycache__" / "x.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "data" / "notes.swp").write_text("tmp", encoding="utf-8")
    assert training_hash(inputs) == before


def test_the_served_model_is_the_one_for_the_current_tree(model_path: Path) -> None:
    import os

    import pytest

    if os.environ.get("NEUVO_TEST_MODEL"):
        pytest.skip("NEUVO_TEST_MODEL points the tests at another model (local iteration only)")
    assert model_path == model_path_for(training_hash()) and model_path.exists()
    assert model_path.parent == paths.MODELS_DIR


def test_nlu_only_training_reads_the_same_examples_through_one_linked_folder(tmp_path: Path) -> None:
    """`rasa train nlu --nlu` takes one path: the links must give exactly the training data."""
    from bot.evaluation.intents import load_examples, load_training_examples
    from bot.training import _linked_nlu_folder

    folder = _linked_nlu_folder(tmp_path)
    key = lambda e: (e.intent, e.text)  # noqa: E731
    assert sorted(load_examples(folder), key=key) == sorted(load_training_examples(), key=key)
    assert not any(p.name == paths.TOPIC_ANSWERS_FILE for p in folder.rglob("*"))
