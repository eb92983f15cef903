"""The individual content checks; `check.py` runs them and prints the findings.

Each check takes the loaded topics (plus what it needs) and returns
findings that name the file and line an editor has to open.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Dict, List, Set, Tuple

import yaml
from yaml.nodes import ScalarNode, SequenceNode

from bot.content.contacts import check_contacts  # noqa: F401 - re-exported: all checks in one module
from bot.content.findings import Finding, error, warning
from bot.content.load import ContentPaths, compose, get, line_of, nlu_blocks
from bot.content.model import LANGUAGE_NAMES, LANGUAGES, METADATA_FIELDS, Topic, normalise_example
from bot.content.views import fill_in

# Issue 2's floors per topic intent (tests/nlu/test_training_data.py keeps the same).
MIN_EXAMPLES = {"fi": 40, "sv": 8, "en": 8}
# Characters of an answer once the organisation's facts are filled in. The
# format's target is ~600 (docs/content-format.md) and today's longest is 621
# (housing, en). Above 700 an answer is about 20 lines in a 320 px phone
# bubble: more than a screen, so the next step and the "talk to a person"
# button scroll out of sight. 600-700 is a warning, above 700 an error.
ANSWER_WARN_LENGTH = 600
ANSWER_MAX_LENGTH = 700
# Intents Rasa itself defines; they need no examples of ours.
RASA_DEFAULT_INTENTS = {"nlu_fallback", "restart", "back", "session_start"}


def check_translations(topics: Dict[str, Topic]) -> List[Finding]:
    found = []
    for topic in topics.values():
        for name in (topic.answer_name, topic.label_name):
            if name not in topic.responses:
                found.append(error(topic.answers_file, topic.intents_line, f"topic '{topic.key}' has no response {name}"))
        for response in topic.responses.values():
            counts = Counter(v.language for v in response.variants)
            for language in LANGUAGES:
                variant = response.variant(language)
                if variant is None:
                    found.append(error(topic.answers_file, response.line,
                                       f"{response.name} has no {LANGUAGE_NAMES[language]} ({language}) text"))
                elif not variant.text.strip():
                    found.append(error(topic.answers_file, variant.line,
                                       f"{response.name}: the {LANGUAGE_NAMES[language]} text is empty"))
            for language, count in counts.items():
                if count > 1 or language not in LANGUAGES:
                    found.append(error(topic.answers_file, response.line,
                                       f"{response.name} has {count} variants for language '{language}'"))
    return found


def check_example_counts(topics: Dict[str, Topic], detected: bool) -> List[Finding]:
    found = []
    for topic in topics.values():
        if not detected:
            needed = sum(MIN_EXAMPLES.values())
            if len(topic.examples) < needed:
                found.append(error(topic.examples_file, topic.examples_line,
                                   f"{topic.intent} has {len(topic.examples)} examples; at least {needed} are needed"))
            continue
        for language, needed in MIN_EXAMPLES.items():
            have = len(topic.examples_in(language))
            if have < needed:
                found.append(error(topic.examples_file, topic.examples_line,
                                   f"{topic.intent} has {have} {LANGUAGE_NAMES[language]} examples; "
                                   f"at least {needed} are needed"))
    return found


def all_examples(topics: Dict[str, Topic], content: ContentPaths) -> List[Tuple[str, str, Path, int]]:
    """(intent, text, file, line) of every training example: topics and conversation intents."""
    rows = [(t.intent, e.text, t.examples_file, e.line) for t in topics.values() for e in t.examples]
    for file in sorted(content.nlu_data.rglob("*.yml")):
        rows += [(intent, text, file, line) for intent, _, items in nlu_blocks(file) for text, line in items]
    return rows


def check_duplicate_examples(rows: List[Tuple[str, str, Path, int]]) -> List[Finding]:
    found = []
    first: Dict[str, Tuple[str, Path, int]] = {}
    for intent, text, file, line in rows:
        key = normalise_example(text)
        if not key:
            continue
        if key not in first:
            first[key] = (intent, file, line)
            continue
        other_intent, other_file, other_line = first[key]
        where = f"{other_file.name}:{other_line}" if other_file.parent == file.parent else f"{other_file}:{other_line}"
        if other_intent != intent:
            found.append(error(file, line, f"'{text}' is an example of {intent} and also of {other_intent} ({where})"))
        else:
            found.append(warning(file, line, f"'{text}' is already an example of {intent} ({where})"))
    return found


def check_heldout_leaks(rows: List[Tuple[str, str, Path, int]], heldout: Path) -> List[Finding]:
    """A training example that is also a held-out example would flatter every measurement."""
    held = {}
    for file in sorted(heldout.rglob("*.yml")) if heldout.exists() else []:
        for _, _, items in nlu_blocks(file):
            for text, line in items:
                held.setdefault(normalise_example(text), f"{file.name}:{line}")
    return [
        error(file, line, f"'{text}' is in the held-out test set ({held[normalise_example(text)]}); "
                          "test questions must never be training examples")
        for _, text, file, line in rows if normalise_example(text) in held
    ]


def check_domain_intents_have_examples(content: ContentPaths, rows: List[Tuple[str, str, Path, int]]) -> List[Finding]:
    """Every intent the domain declares outside the topics has training examples."""
    trained = {intent for intent, _, _, _ in rows}
    found = []
    for file in sorted(content.domain.rglob("*.yml")):
        if content.topics in file.parents:
            continue
        node = get(compose(file), "intents")
        for item in node.value if isinstance(node, SequenceNode) else []:
            name = item.value if isinstance(item, ScalarNode) else (item.value[0][0].value if item.value else "")
            if name and name not in trained and name not in RASA_DEFAULT_INTENTS:
                found.append(error(file, line_of(item), f"intent {name} has no training examples"))
    return found


def check_answer_lengths(topics: Dict[str, Topic], facts: Dict[str, str]) -> List[Finding]:
    found = []
    for topic in topics.values():
        for variant in topic.answer.variants if topic.answer else []:
            text = fill_in(variant.text, facts)
            where = f"{topic.answer_name} ({variant.language})"
            if len(text) > ANSWER_MAX_LENGTH:
                found.append(error(topic.answers_file, variant.line,
                                   f"{where} is {len(text)} characters with the facts filled in; "
                                   f"at most {ANSWER_MAX_LENGTH} fit a chat bubble"))
            elif len(text) > ANSWER_WARN_LENGTH:
                found.append(warning(topic.answers_file, variant.line,
                                     f"{where} is {len(text)} characters; aim for {ANSWER_WARN_LENGTH} or fewer"))
    return found


def check_metadata(topics: Dict[str, Topic], today: date) -> List[Finding]:
    found = []
    for topic in topics.values():
        meta = topic.metadata.get(topic.answer_name)
        if meta is None:
            found.append(error(topic.answers_file, topic.answer.line if topic.answer else 1,
                               f"{topic.answer_name} has no metadata (owner, source, review_by)"))
            continue
        for name in METADATA_FIELDS:
            if not getattr(meta, name).strip():
                found.append(error(topic.answers_file, meta.line, f"{topic.answer_name}: metadata lacks {name}"))
        if meta.review_by:
            try:
                due = date.fromisoformat(meta.review_by)
            except ValueError:
                found.append(error(topic.answers_file, meta.line,
                                   f"{topic.answer_name}: review_by '{meta.review_by}' is not a date like 2027-05-31"))
                continue
            if due < today:
                found.append(warning(topic.answers_file, meta.line,
                                     f"{topic.answer_name} was due for review on {meta.review_by} ({meta.owner})"))
    return found


def story_steps(stories: Path) -> Tuple[Set[str], Set[str]]:
    """Intents and actions named in any rule or story."""
    intents, actions = set(), set()
    for file in sorted(stories.rglob("*.yml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        for item in (data.get("rules") or []) + (data.get("stories") or []):
            for step in item.get("steps") or []:
                if isinstance(step, dict):
                    intents.update(str(step[k]) for k in ("intent",) if k in step)
                    actions.update(str(step[k]) for k in ("action",) if k in step)
                    for option in step.get("or") or []:
                        if isinstance(option, dict) and "intent" in option:
                            intents.add(str(option["intent"]))
    return intents, actions


def _names_in_code(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.py"))) if folder.exists() else ""


def check_usage(topics: Dict[str, Topic], content: ContentPaths) -> List[Finding]:
    """Responses nothing sends and intents nothing answers or trains."""
    intents, actions = story_steps(content.stories)
    code = _names_in_code(content.actions)
    found = []
    for topic in topics.values():
        for response in topic.responses.values():
            # Every topic's label is sent by the clarification buttons (actions/clarify.py).
            used = response.name in actions or response.name == topic.label_name \
                or re.search(rf"\b{re.escape(response.name)}\b", code)
            if not used:
                found.append(error(topic.answers_file, response.line,
                                   f"{response.name} is used by no rule, story or action"))
        if not topic.intent:
            found.append(error(topic.answers_file, topic.intents_line, f"topic '{topic.key}' declares no intent"))
            continue
        if not topic.examples:
            found.append(error(topic.examples_file, topic.examples_line, f"{topic.intent} has no examples"))
        if topic.intent not in intents:
            found.append(error(topic.answers_file, topic.intents_line,
                               f"{topic.intent} is answered by no rule or story ({content.topic_rules.name})"))
        if topic.examples_file.exists():
            for intent, line, _ in nlu_blocks(topic.examples_file):
                if intent != topic.intent:
                    found.append(error(topic.examples_file, line,
                                       f"examples of {intent} in topic '{topic.key}', whose intent is {topic.intent}"))
    return found
