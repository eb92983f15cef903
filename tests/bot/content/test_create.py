"""A new topic from the library is complete: files, rule, and a clean check once it has examples."""
from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from bot.content import ContentError, ContentPaths, changed_files, content_diff, create_topic, run_checks

LABEL = {"fi": "Ruoka-apu", "sv": "Mathjälp", "en": "Food aid"}
ANSWER = {
    "fi": "Ruoka-apua jakavat seurakunnat ja järjestöt.\nPolku neuvoo: {org_polku_phone}.",
    "sv": "Mathjälp delas ut av församlingar och organisationer.\nPolku ger råd: {org_polku_phone}.",
    "en": "Food aid is given by parishes and organisations.\nPolku gives advice: {org_polku_phone}.",
}


def _create(content: ContentPaths, examples=()) -> list:
    return create_topic(
        "food_aid", label=LABEL, answer=ANSWER, owner="Polku sosiaaliohjaus (example)",
        source="Organisaation päätös (example)", review_by="2027-06-30", examples=examples, content=content,
    )


def test_a_new_topic_has_its_files_and_rule_and_only_lacks_examples(content: ContentPaths, detect) -> None:
    changes = _create(content)
    assert [c.path.relative_to(content.topics.parent.parent) for c in changes] == [
        Path("domain/topics/food_aid/answers.yml"), Path("domain/topics/food_aid/examples.yml"),
        Path("data/topics/rules.yml"),
    ]
    assert changes[2].after.endswith("- rule: answer food_aid\n  steps:\n  - intent: ask_food_aid\n"
                                      "  - action: utter_food_aid_answer\n")
    errors = [f for f in run_checks(content, today=date(2026, 11, 23), detect=detect) if f.severity == "error"]
    assert {(f.file.name, f.message) for f in errors} == {
        ("examples.yml", "ask_food_aid has no examples"),
        ("examples.yml", "ask_food_aid has 0 Finnish examples; at least 40 are needed"),
        ("examples.yml", "ask_food_aid has 0 Swedish examples; at least 8 are needed"),
        ("examples.yml", "ask_food_aid has 0 English examples; at least 8 are needed"),
    }


def test_a_new_topic_refuses_gaps_and_clashes(content: ContentPaths) -> None:
    with pytest.raises(ContentError, match="label needs a text in sv"):
        create_topic("food_aid", label={"fi": "Ruoka", "en": "Food"}, answer=ANSWER, owner="x", source="y",
                     review_by="2027-06-30", content=content)
    with pytest.raises(ContentError, match="in use already"):
        create_topic("food", intent="ask_housing", label=LABEL, answer=ANSWER, owner="x", source="y",
                     review_by="2027-06-30", content=content)
    with pytest.raises(ContentError, match="exists already"):
        create_topic("housing", label=LABEL, answer=ANSWER, owner="x", source="y",
                     review_by="2027-06-30", content=content)
    with pytest.raises(ContentError, match="topic key"):
        create_topic("Ruoka apu", label=LABEL, answer=ANSWER, owner="x", source="y",
                     review_by="2027-06-30", content=content)


def _git(project: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", *args],
        cwd=project, check=True, capture_output=True, text=True,
    ).stdout


def test_changed_files_and_diff_come_from_git(project: Path, content: ContentPaths) -> None:
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "content")
    assert changed_files(content, repo=project) == []
    _create(content, examples=["Mistä saa ruoka-apua?"])
    (project / "actions" / "note.py").write_text("x = 1\n", encoding="utf-8")  # not content
    assert [p.relative_to(project.resolve()).as_posix() for p in changed_files(content, repo=project)] == [
        "bot/data/topics/rules.yml", "bot/domain/topics/food_aid/answers.yml",
        "bot/domain/topics/food_aid/examples.yml",
    ]
    diff = content_diff(content, repo=project)
    assert "+- rule: answer food_aid" in diff and "+    - Mistä saa ruoka-apua?" in diff
    assert "note.py" not in diff
