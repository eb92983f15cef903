"""`neuvo content check`: the real content is clean; each kind of error is found, with file and line."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import List

import pytest

from bot.content import ContentPaths, Finding, run_checks
from bot.content.check import main
from tests.bot.content.helpers import line_of

TODAY = date(2026, 11, 23)


def _errors(content: ContentPaths, detect) -> List[Finding]:
    return [f for f in run_checks(content, today=TODAY, detect=detect) if f.severity == "error"]


def _at(findings: List[Finding], file: Path, line: int, words: str) -> List[Finding]:
    return [f for f in findings if f.file == file and f.line == line and words in f.message]


def _edit(file: Path, old: str, new: str, count: int = 1) -> None:
    text = file.read_text(encoding="utf-8")
    assert text.count(old) >= count, (old, file)
    file.write_text(text.replace(old, new, count), encoding="utf-8")


def test_the_real_content_has_no_errors(detect) -> None:
    findings = run_checks(today=TODAY, detect=detect)
    assert [f.format() for f in findings if f.severity == "error"] == []


def test_the_command_exits_zero_on_the_real_content(capsys) -> None:
    assert main([]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("0 errors")


def test_a_missing_translation(content: ContentPaths, detect) -> None:
    answers = content.topics / "housing" / "answers.yml"
    _edit(answers, '  - condition: [{type: slot, name: language, value: sv}]\n    text: "Boende och hyra"\n', "")
    found = _at(_errors(content, detect), answers, line_of(answers, "utter_housing_label:"), "no Swedish (sv) text")
    assert len(found) == 1


def test_too_few_examples(content: ContentPaths, detect) -> None:
    examples = content.topics / "privacy" / "examples.yml"
    lines = examples.read_text(encoding="utf-8").splitlines(keepends=True)
    examples.write_text("".join(lines[:4 + 30]), encoding="utf-8")  # header and 30 Finnish examples
    errors = _errors(content, detect)
    assert _at(errors, examples, line_of(examples, "- intent: ask_privacy"), "30 Finnish examples; at least 40")
    assert _at(errors, examples, 3, "0 Swedish examples; at least 8")


def test_the_same_example_under_two_intents(content: ContentPaths, detect) -> None:
    housing = content.topics / "housing" / "examples.yml"
    homelessness = content.topics / "homelessness" / "examples.yml"
    taken = homelessness.read_text(encoding="utf-8").splitlines()[5].strip()[2:]
    # Case, spacing and punctuation do not make it another example.
    _edit(housing, "    - vuokrarästit\n", f"    - vuokrarästit\n    -   {taken.upper()}!!\n")
    found = _at(_errors(content, detect), housing, line_of(housing, taken.upper()), "also of ask_homelessness")
    assert len(found) == 1 and "examples.yml:6" in found[0].message


def test_a_held_out_test_question_as_a_training_example(content: ContentPaths, detect) -> None:
    heldout = content.heldout / "ask_housing.yml"
    question = heldout.read_text(encoding="utf-8").splitlines()[4].strip()[2:]
    examples = content.topics / "housing" / "examples.yml"
    _edit(examples, "    - vuokrarästit\n", f"    - vuokrarästit\n    - {question}\n")
    found = _at(_errors(content, detect), examples, line_of(examples, question), "held-out test set (ask_housing.yml:5)")
    assert len(found) == 1


def test_a_domain_intent_without_examples(content: ContentPaths, detect) -> None:
    greet = content.domain / "conversation" / "greet.yml"
    _edit(greet, "intents:\n", "intents:\n  - ask_weather\n")
    assert _at(_errors(content, detect), greet, line_of(greet, "- ask_weather"), "ask_weather has no training examples")


def test_an_answer_too_long_for_a_chat_bubble(content: ContentPaths, detect) -> None:
    answers = content.topics / "privacy" / "answers.yml"
    _edit(answers, "  - text: |-\n      ", "  - text: |-\n      " + "Tämä on liian pitkä vastaus. " * 25)
    found = _at(_errors(content, detect), answers, line_of(answers, "text: |-"), "at most 700 fit a chat bubble")
    assert len(found) == 1 and "(fi)" in found[0].message


def test_a_phone_number_or_link_not_in_the_organisation_file(content: ContentPaths, detect) -> None:
    answers = content.topics / "contact_info" / "answers.yml"
    first = line_of(answers, "text: |-")
    _edit(answers, "  - text: |-\n      ", "  - text: |-\n      Soita 040 765 4321 tai katso www.example.org/apua. ")
    errors = _at(_errors(content, detect), answers, first, "")
    assert sorted(f.message.split(": ", 1)[1].split(" is ")[0] for f in errors) == [
        "link 'www.example.org'", "phone number '040 765 4321'",
    ]


def test_national_numbers_in_the_organisation_file_are_known(content: ContentPaths, detect) -> None:
    answers = content.topics / "mental_health" / "answers.yml"
    _edit(answers, "  - text: |-\n      ", "  - text: |-\n      Soita 112 tai Kriisipuhelimeen 09 2525 0111, katso kela.fi. ")
    assert [f for f in _errors(content, detect) if f.file == answers] == []


def test_a_response_and_an_intent_that_nothing_uses(content: ContentPaths, detect) -> None:
    answers = content.topics / "housing" / "answers.yml"
    _edit(answers, "  utter_housing_label:\n", '  utter_housing_spare:\n  - text: "Varalla"\n  utter_housing_label:\n')
    _edit(content.topic_rules, "- rule: answer housing\n  steps:\n  - intent: ask_housing\n  - action: utter_housing_answer\n", "")
    errors = _errors(content, detect)
    assert _at(errors, answers, line_of(answers, "utter_housing_spare:"), "used by no rule, story or action")
    assert _at(errors, answers, line_of(answers, "utter_housing_answer:"), "used by no rule, story or action")
    assert _at(errors, answers, line_of(answers, "- ask_housing"), "ask_housing is answered by no rule or story")


def test_an_intent_without_examples(content: ContentPaths, detect) -> None:
    examples = content.topics / "privacy" / "examples.yml"
    examples.write_text('version: "3.1"\nnlu:\n- intent: ask_privacy\n  examples: |\n', encoding="utf-8")
    assert _at(_errors(content, detect), examples, 3, "ask_privacy has no examples")


def test_missing_metadata_is_an_error_and_a_passed_review_date_a_warning(content: ContentPaths, detect) -> None:
    housing = content.topics / "housing" / "answers.yml"
    _edit(housing, '    owner: "Polku sosiaaliohjaus (example)"\n', "")
    privacy = content.topics / "privacy" / "answers.yml"
    _edit(privacy, '"2027-05-31"', '"2026-11-01"')
    findings = run_checks(content, today=TODAY, detect=detect)
    assert _at(findings, housing, line_of(housing, "utter_housing_answer:", after=30), "metadata lacks owner")
    passed = _at(findings, privacy, line_of(privacy, "utter_privacy_answer:", after=20), "due for review on 2026-11-01")
    assert [f.severity for f in passed] == ["warning"]


def test_broken_yaml_names_the_line(content: ContentPaths, detect) -> None:
    answers = content.topics / "housing" / "answers.yml"
    _edit(answers, "intents:\n", "intents: [\n")
    errors = _errors(content, detect)
    assert [(f.file, f.line) for f in errors] == [(answers, 3)] and "not valid YAML" in errors[0].message


def test_the_command_fails_on_errors_and_prints_file_and_line(project: Path, content: ContentPaths, capsys) -> None:
    answers = content.topics / "housing" / "answers.yml"
    _edit(answers, '  - condition: [{type: slot, name: language, value: en}]\n    text: "Housing and rent"\n', "")
    assert main(["--root", str(project)]) == 1
    out = capsys.readouterr().out
    where = f"bot/domain/topics/housing/answers.yml:{line_of(answers, 'utter_housing_label:')}"
    assert f"{where}: error: utter_housing_label has no English (en) text" in out


@pytest.mark.parametrize("argv", [["content", "check"]])
def test_neuvo_content_check_is_the_same_command(argv: List[str], project: Path, capsys) -> None:
    from bot.cli import main as neuvo

    assert neuvo([*argv, "--root", str(project)]) == 0
    assert "0 errors" in capsys.readouterr().out
