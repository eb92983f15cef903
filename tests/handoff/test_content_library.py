"""The content library in the hub's environment (Python 3.12, no Rasa, no language model)."""
from __future__ import annotations

import shutil
from pathlib import Path

from bot import paths
from bot.content import ContentPaths, add_example, load_topics, run_checks, set_answer_text


def test_the_hub_reads_checks_and_edits_the_content(tmp_path: Path) -> None:
    root = tmp_path / "project"
    for folder in ("bot/domain", "bot/data", "nlu/data", "tests/nlu/heldout"):
        shutil.copytree(paths.PROJECT_ROOT / folder, root / folder)
    shutil.copy(paths.PROJECT_ROOT / "bot" / "organisation.yml", root / "bot" / "organisation.yml")
    shutil.copytree(paths.PROJECT_ROOT / "actions", root / "actions", ignore=shutil.ignore_patterns("__pycache__"))
    content = ContentPaths.under(root)

    set_answer_text("privacy", "en", "We keep this chat.\nAsk us: {org_polku_phone}.", content=content)
    add_example("privacy", "who reads what i write here", content=content)
    topic = load_topics(content.topics)["privacy"]
    assert topic.answer.text("en") == "We keep this chat.\nAsk us: {org_polku_phone}."
    assert topic.examples[-1].text == "who reads what i write here" and topic.examples[-1].language is None
    assert [f for f in run_checks(content) if f.severity == "error"] == []
