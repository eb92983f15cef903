"""The topic table is read from the topic folders, so a topic the editors add is known without code."""
from __future__ import annotations

import shutil
from pathlib import Path

from actions.topics import TOPIC_OF_INTENT, read_topics
from bot import paths


def test_the_table_has_every_topic_folder() -> None:
    folders = {p.parent.name for p in paths.TOPICS_DIR.glob("*/answers.yml")}
    assert set(TOPIC_OF_INTENT.values()) == folders
    assert TOPIC_OF_INTENT["report_concern"] == "concern"


def test_a_new_folder_is_a_new_topic(tmp_path: Path) -> None:
    shutil.copytree(paths.TOPICS_DIR, tmp_path / "topics")
    (tmp_path / "topics" / "food_aid").mkdir()
    (tmp_path / "topics" / "food_aid" / "answers.yml").write_text(
        'version: "3.1"\nintents:\n  - ask_food_aid\n', encoding="utf-8")
    assert read_topics(tmp_path / "topics") == {**TOPIC_OF_INTENT, "ask_food_aid": "food_aid"}
