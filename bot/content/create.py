"""A new topic: its folder, its two files, and the rule that answers it.

Why the rule is written too: Rasa answers an intent only through a rule or
story, and the assistant finds its topics (actions/topics.py) from the
folders, so a topic is complete without touching code. The model still has
to be retrained, and the action server restarted, before residents see it.
"""
from __future__ import annotations

from typing import Dict, List, Mapping, Optional, Sequence

from bot import paths as project_paths
from bot.content.load import ContentPaths, nlu_blocks, topic_folders
from bot.content.model import LANGUAGES, ContentError, normalise_example
from bot.content.render import render_answers, render_examples
from bot.content.write import (
    KEY_PATTERN, PERSON_BUTTON, PERSON_PAYLOAD, Change, language_condition, replace_file,
    check_review_date, clean_example, clean_text, content_lock,
)

RULE_TEMPLATE = """
- rule: answer {key}
  steps:
  - intent: {intent}
  - action: utter_{key}_answer
"""


def _three_languages(texts: Mapping[str, str], what: str) -> Dict[str, str]:
    missing = [language for language in LANGUAGES if not str(texts.get(language) or "").strip()]
    if missing:
        raise ContentError(f"The {what} needs a text in {', '.join(missing)}.")
    return {language: clean_text(texts[language]) for language in LANGUAGES}


def _variants(texts: Dict[str, str], with_button: bool) -> List[dict]:
    variants = []
    for language in LANGUAGES:
        variant: dict = {} if language == "fi" else {"condition": language_condition(language)}
        variant["text"] = texts[language]
        if with_button:
            variant["buttons"] = [{"title": PERSON_BUTTON[language], "payload": PERSON_PAYLOAD}]
        variants.append(variant)
    return variants


def _intents_in_use(content: ContentPaths) -> set:
    used = set()
    files = [*content.nlu_data.glob("*.yml"), *(f / project_paths.TOPIC_EXAMPLES_FILE for f in topic_folders(content.topics))]
    for file in files:
        if file.exists():
            used |= {intent for intent, _, _ in nlu_blocks(file)}
    return used


def create_topic(
    key: str, *, label: Mapping[str, str], answer: Mapping[str, str],
    owner: str, source: str, review_by: str, examples: Sequence[str] = (),
    intent: Optional[str] = None, content: ContentPaths = ContentPaths(),
) -> List[Change]:
    """Creates bot/domain/topics/<key>/ and appends its rule; returns the three changes."""
    if not KEY_PATTERN.match(key):
        raise ContentError("A topic key is lower-case letters, digits and _, e.g. 'food_aid'.")
    intent = intent or f"ask_{key}"
    if not KEY_PATTERN.match(intent):
        raise ContentError("An intent name is lower-case letters, digits and _, e.g. 'ask_food_aid'.")
    labels, answers = _three_languages(label, "label"), _three_languages(answer, "answer")
    metadata = {"owner": " ".join(owner.split()), "source": " ".join(source.split()),
                "review_by": check_review_date(review_by)}
    if not metadata["owner"] or not metadata["source"]:
        raise ContentError("A new topic needs an owner and a source.")
    cleaned: List[str] = []
    for example in examples:
        text = clean_example(example)
        if normalise_example(text) not in {normalise_example(e) for e in cleaned}:
            cleaned.append(text)
    with content_lock(content):
        folder = content.topics / key
        if folder.exists():
            raise ContentError(f"Topic '{key}' exists already.")
        if intent in _intents_in_use(content):
            raise ContentError(f"The intent '{intent}' is in use already.")
        data = {
            "version": "3.1", "intents": [intent],
            "responses": {
                f"utter_{key}_answer": _variants(answers, with_button=True),
                f"utter_{key}_label": _variants(labels, with_button=False),
            },
            "metadata": {f"utter_{key}_answer": metadata},
        }
        rules = content.topic_rules
        before = rules.read_text(encoding="utf-8") if rules.exists() else 'version: "3.1"\n\nrules:\n'
        return [
            replace_file(folder / project_paths.TOPIC_ANSWERS_FILE, render_answers(data)),
            replace_file(folder / project_paths.TOPIC_EXAMPLES_FILE, render_examples(intent, cleaned)),
            replace_file(rules, before.rstrip("\n") + "\n" + RULE_TEMPLATE.format(key=key, intent=intent)),
        ]
