"""The domain folder: no silent merge losses, every language, facts from one file."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from actions.organisation import org_slot_values
from actions.topics import TOPIC_OF_INTENT, answer_response, label_response
from tests.bot.domain_files import LANGUAGES, all_responses, domain_files, variant_language

# Responses deliberately written in all three languages at once.
TRILINGUAL_RESPONSES = {"utter_unsupported_language"}
# Template variables an action passes with the response instead of a slot.
ACTION_VARIABLES = {"summary", "corrected"}  # actions/intake: the review, and a mid-form correction
# The format example the intake shows when a phone number is asked for.
EXAMPLE_NUMBERS = {"040 123 4567", "+358 40 123 4567"}
PHONE_LIKE = re.compile(r"(?<![\d{])(?:\+?\d[\d ]{5,}\d)(?![\d}])")


@pytest.mark.parametrize("section", ["responses", "slots", "forms", "intents"])
def test_nothing_is_defined_in_two_domain_files(section: str) -> None:
    counts: Counter = Counter()
    for _, data in domain_files():
        items = data.get(section) or []
        names = items.keys() if isinstance(items, dict) else [i if isinstance(i, str) else next(iter(i)) for i in items]
        counts.update(names)
    assert [name for name, n in counts.items() if n > 1] == []


def test_every_response_has_finnish_default_and_swedish_and_english() -> None:
    problems = []
    for name, variants in all_responses().items():
        if name in TRILINGUAL_RESPONSES:
            continue
        languages = Counter(variant_language(v) for v in variants)
        defaults = [v for v in variants if not v.get("condition")]
        if len(defaults) != 1 or set(languages) != set(LANGUAGES) or max(languages.values()) > 1:
            problems.append((name, dict(languages)))
    assert problems == []


def test_every_topic_has_an_answer_and_a_label() -> None:
    responses = all_responses()
    missing = [r for intent in TOPIC_OF_INTENT for r in (answer_response(intent), label_response(intent)) if r not in responses]
    assert missing == []


def test_every_answer_offers_a_person_in_every_language() -> None:
    responses = all_responses()
    for intent in TOPIC_OF_INTENT:
        for variant in responses[answer_response(intent)]:
            payloads = [b.get("payload") for b in variant.get("buttons") or []]
            assert "/request_human" in payloads, (intent, variant_language(variant))


def test_answers_fit_a_chat_bubble_once_facts_are_filled_in() -> None:
    slots = org_slot_values()
    from tests.bot.domain_files import render

    too_long = [
        (intent, variant_language(v), len(render(v["text"], slots)))
        for intent in TOPIC_OF_INTENT
        for v in all_responses()[answer_response(intent)]
        if len(render(v["text"], slots)) > 800
    ]
    assert too_long == []


def test_organisation_slots_match_the_organisation_file() -> None:
    declared = {
        name for _, data in domain_files() for name in (data.get("slots") or {}) if name.startswith("org_")
    }
    assert declared == set(org_slot_values())


def test_responses_use_only_declared_slots() -> None:
    declared = {name for _, data in domain_files() for name in (data.get("slots") or {})}
    used = {
        match
        for variants in all_responses().values()
        for v in variants
        for match in re.findall(r"{(\w+)}", v.get("text", ""))
    }
    assert used - declared - ACTION_VARIABLES == set()


def test_no_local_phone_number_is_typed_into_a_response() -> None:
    """Local facts live in bot/organisation.yml; only 112 may appear as text."""
    typed = [
        (name, number)
        for name, variants in all_responses().items()
        for v in variants
        for number in PHONE_LIKE.findall(v.get("text", ""))
        if number not in EXAMPLE_NUMBERS
    ]
    assert typed == []
