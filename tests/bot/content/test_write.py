"""The content library's writers: one change each, atomic, deterministic, readable."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
import yaml

from bot import paths
from bot.content import (
    ContentError, ContentPaths, add_example, canonicalise, load_topic, load_topics, remove_example,
    set_answer_text, set_label, set_metadata,
)


def _data(file: Path) -> dict:
    return yaml.safe_load(file.read_text(encoding="utf-8"))


def test_the_real_files_are_already_in_the_fixed_layout(content: ContentPaths) -> None:
    for key in load_topics(content.topics):
        assert [c.before == c.after for c in canonicalise(key, content=content)] == [True, True], key


def test_load_reads_languages_buttons_metadata_and_lines(detect) -> None:
    topic = load_topics(detect=detect)["housing"]
    answers = topic.answers_file.read_text(encoding="utf-8").splitlines()
    assert topic.intent == "ask_housing"
    assert [v.language for v in topic.answer.variants] == ["fi", "sv", "en"]
    assert topic.answer.variant("sv").buttons[0].payload == "/request_human"
    assert topic.label.text("en") == "Housing and rent"
    assert answers[topic.answer.variant("en").line - 1].strip().startswith("text:")
    meta = topic.metadata[topic.answer_name]
    assert meta.review_by == "2027-05-31" and meta.owner.endswith("(example)")
    examples = topic.examples_file.read_text(encoding="utf-8").splitlines()
    assert all(examples[e.line - 1] == f"    - {e.text}" for e in topic.examples)
    assert {"fi", "sv", "en"} <= {e.language for e in topic.examples}


def test_set_answer_text_changes_that_language_only(content: ContentPaths) -> None:
    file = content.topics / "housing" / "answers.yml"
    before = _data(file)
    change = set_answer_text("housing", "sv", "Ny text.\nRing {org_polku_phone}.", content=content)
    after = _data(file)
    assert after["responses"]["utter_housing_answer"][1]["text"] == "Ny text.\nRing {org_polku_phone}."
    after["responses"]["utter_housing_answer"][1]["text"] = before["responses"]["utter_housing_answer"][1]["text"]
    assert after == before
    assert "+      Ny text." in change.diff() and change.diff().count("\n-") == 2  # the old text's two lines
    assert set_answer_text("housing", "sv", "Ny text.\nRing {org_polku_phone}.", content=content).diff() == ""


def test_a_missing_language_is_added_with_the_person_button(content: ContentPaths) -> None:
    file = content.topics / "housing" / "answers.yml"
    data = _data(file)
    data["responses"]["utter_housing_answer"] = data["responses"]["utter_housing_answer"][:2]
    file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    set_answer_text("housing", "en", "New answer.", content=content)
    variant = _data(file)["responses"]["utter_housing_answer"][2]
    assert variant == {"condition": [{"type": "slot", "name": "language", "value": "en"}], "text": "New answer.",
                       "buttons": [{"title": "I want to talk to a person", "payload": "/request_human"}]}


def test_labels_and_bad_input(content: ContentPaths) -> None:
    set_label("housing", "fi", "  Asuminen  ", content=content)
    assert load_topic(content.topics / "housing").label.text("fi") == "Asuminen"
    with pytest.raises(ContentError, match="Language must be"):
        set_label("housing", "de", "Wohnen", content=content)
    with pytest.raises(ContentError, match="empty"):
        set_answer_text("housing", "fi", " \n ", content=content)
    with pytest.raises(ContentError, match="No topic"):
        set_answer_text("nothing", "fi", "x", content=content)


def test_add_and_remove_an_example(content: ContentPaths) -> None:
    file = content.topics / "privacy" / "examples.yml"
    before = file.read_text(encoding="utf-8")
    change = add_example("privacy", "  Kuka  näkee   mun viestit? ", content=content)
    assert change.after == before + "    - Kuka näkee mun viestit?\n"
    with pytest.raises(ContentError, match="already has"):
        add_example("privacy", "kuka näkee mun viestit", content=content)
    with pytest.raises(ContentError, match="markup"):
        add_example("privacy", "[Lahti](city) tiedot", content=content)
    remove_example("privacy", "KUKA näkee mun viestit", content=content)
    assert file.read_text(encoding="utf-8") == before
    with pytest.raises(ContentError, match="no example"):
        remove_example("privacy", "ei tällaista", content=content)


def test_set_metadata_checks_the_date(content: ContentPaths) -> None:
    set_metadata("privacy", review_by="2027-01-15", owner="Tietosuojavastaava (example)", content=content)
    meta = load_topic(content.topics / "privacy").metadata["utter_privacy_answer"]
    assert (meta.review_by, meta.owner) == ("2027-01-15", "Tietosuojavastaava (example)")
    with pytest.raises(ContentError, match="review_by"):
        set_metadata("privacy", review_by="ensi vuonna", content=content)


def test_writes_leave_no_temporary_files_and_keep_other_files(content: ContentPaths) -> None:
    before = sorted(p.name for p in (content.topics / "housing").iterdir())
    set_answer_text("housing", "fi", "Uusi.", content=content)
    assert sorted(p.name for p in (content.topics / "housing").iterdir()) == before


def test_concurrent_editors_lose_no_example(content: ContentPaths) -> None:
    texts = [f"rinnakkainen esimerkki numero {n}" for n in range(12)]
    threads = [threading.Thread(target=add_example, args=("privacy", t), kwargs={"content": content}) for t in texts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    examples = [e.text for e in load_topic(content.topics / "privacy").examples]
    assert sorted(examples[-12:]) == sorted(texts)


def test_training_paths_are_every_examples_file_and_no_answers() -> None:
    listed = paths.nlu_training_paths()
    assert listed[0] == paths.NLU_DATA_DIR
    assert sorted(p.parent.name for p in listed[1:]) == sorted(load_topics())
    assert all(p.name == "examples.yml" for p in listed[1:])


def test_preview_fills_in_the_organisation_facts_and_reviews_due_are_listed(content: ContentPaths) -> None:
    from datetime import date

    from bot.content import due_for_review, organisation_facts, preview

    topics = load_topics(content.topics)
    facts = organisation_facts(content.organisation)
    shown = preview(topics["contact_info"], "sv", facts)
    assert facts["org_polku_phone"] in shown and "{org_" not in shown
    assert preview(topics["housing"], "en", facts, response="utter_housing_label") == "Housing and rent"
    assert due_for_review(topics, date(2027, 5, 30)) == []
    set_metadata("privacy", review_by="2027-01-15", content=content)
    due = due_for_review(load_topics(content.topics), date(2027, 5, 31))
    assert [d.topic for d in due] == ["privacy"] + sorted(k for k in topics if k != "privacy")
