"""Safe edits of the topic files: validated, atomic, deterministic.

Why so careful: the files train the assistant residents rely on, and two
editors (or an editor and a training run) may touch them at once. Every
writer takes one lock per topics folder, reads the current file, changes
one thing, renders it in the fixed layout (`render.py`) and replaces the
file atomically (temporary file + rename), so a reader sees the old or the
new file, never half of one. Each writer returns the `Change` it made.
"""
from __future__ import annotations

import difflib
import fcntl
import hashlib
import os
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import yaml

from bot import paths as project_paths
from bot.content.load import ContentPaths, nlu_blocks
from bot.content.model import LANGUAGES, ContentError, normalise_example
from bot.content.render import render_answers, render_examples

PERSON_BUTTON = {
    "fi": "Haluan jutella ihmisen kanssa",
    "sv": "Jag vill prata med en person",
    "en": "I want to talk to a person",
}
PERSON_PAYLOAD = "/request_human"
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,40}$")
# `[words](entity)` or `[words]{...}` would be read by Rasa as entity markup.
ENTITY_MARKUP = re.compile(r"\[[^\]]*\][({]")
MAX_EXAMPLE_LENGTH = 300  # also the editor page's input limit (handoff/editor/topic_pages.py)


@dataclass(frozen=True)
class Change:
    path: Path
    before: str  # "" for a new file
    after: str

    def diff(self, root: Path = project_paths.PROJECT_ROOT) -> str:
        try:
            name = self.path.relative_to(root).as_posix()
        except ValueError:
            name = self.path.as_posix()
        return "".join(difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=f"a/{name}" if self.before else "/dev/null", tofile=f"b/{name}",
        ))


def write_atomic(path: Path, text: str) -> None:
    """Replaces `path` with `text` in one rename (same folder, so same file system)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def content_lock(content: ContentPaths) -> Iterator[None]:
    """One writer at a time per topics folder (a lock file outside the repository)."""
    digest = hashlib.sha1(str(content.topics.resolve()).encode()).hexdigest()[:12]
    with open(Path(tempfile.gettempdir()) / f"neuvo-content-{digest}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def replace_file(path: Path, after: str) -> Change:
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    if after != before:
        write_atomic(path, after)
    return Change(path, before, after)


def _folder(content: ContentPaths, key: str) -> Path:
    folder = content.topics / key
    if not (folder / project_paths.TOPIC_ANSWERS_FILE).exists():
        raise ContentError(f"No topic '{key}' in {content.topics}.")
    return folder


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise ContentError(f"Language must be one of {', '.join(LANGUAGES)}, not '{language}'.")
    return language


def clean_text(text: str) -> str:
    """Unix line ends, no spaces at line ends, no empty lines at the edges."""
    lines = [line.rstrip() for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    cleaned = "\n".join(lines).strip()
    if not cleaned:
        raise ContentError("The text is empty.")
    return cleaned


def clean_example(text: str) -> str:
    """The one rule for a training example (developer tools and the publisher alike).

    One line, single spaces, 1 to MAX_EXAMPLE_LENGTH characters, and nothing
    that YAML or Rasa would read as something else: a leading `-`, `#` or `/`
    (list item, comment, a typed intent) or entity markup. The messages are
    matched by the editor pages' Finnish table (handoff/editor/finnish.py).
    """
    cleaned = " ".join(str(text).split())
    if not cleaned or len(cleaned) > MAX_EXAMPLE_LENGTH:
        raise ContentError(f"an example has 1 to {MAX_EXAMPLE_LENGTH} characters")
    if cleaned.startswith(("-", "#", "/")):
        raise ContentError("an example cannot start with '-', '#' or '/'")
    if ENTITY_MARKUP.search(cleaned):
        raise ContentError("an example cannot contain [..](..) or [..]{..}, which Rasa reads as markup")
    return cleaned


def language_condition(language: str) -> List[Dict[str, str]]:
    return [{"type": "slot", "name": "language", "value": language}]


def _variant_language(variant: Dict[str, Any]) -> str:
    for condition in variant.get("condition") or []:
        if isinstance(condition, dict) and condition.get("name") == "language":
            return str(condition.get("value"))
    return "fi"


def _load_answers(folder: Path) -> Dict[str, Any]:
    return yaml.safe_load((folder / project_paths.TOPIC_ANSWERS_FILE).read_text(encoding="utf-8")) or {}


def _set_variant_text(variants: List[Dict[str, Any]], language: str, text: str, person_button: bool) -> None:
    for variant in variants:
        if _variant_language(variant) == language:
            variant["text"] = text
            return
    variant: Dict[str, Any] = {} if language == "fi" else {"condition": language_condition(language)}
    variant["text"] = text
    if person_button:
        variant["buttons"] = [{"title": PERSON_BUTTON[language], "payload": PERSON_PAYLOAD}]
    variants.append(variant)


def set_response_text(
    key: str, response: str, language: str, text: str, *, content: ContentPaths = ContentPaths(),
) -> Change:
    """Sets one language of one response of a topic (adds the variant if missing)."""
    language, text = _language(language), clean_text(text)
    with content_lock(content):
        folder = _folder(content, key)
        data = _load_answers(folder)
        responses = data.setdefault("responses", {})
        if response not in responses:
            raise ContentError(f"Topic '{key}' has no response '{response}'.")
        _set_variant_text(responses[response], language, text, person_button=response.endswith("_answer"))
        return replace_file(folder / project_paths.TOPIC_ANSWERS_FILE, render_answers(data))


def set_answer_text(key: str, language: str, text: str, *, content: ContentPaths = ContentPaths()) -> Change:
    return set_response_text(key, f"utter_{key}_answer", language, text, content=content)


def set_label(key: str, language: str, text: str, *, content: ContentPaths = ContentPaths()) -> Change:
    return set_response_text(key, f"utter_{key}_label", language, text, content=content)


def check_review_date(value: str) -> str:
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ContentError(f"review_by must be a date like 2027-05-31, not '{value}'.") from None


def set_metadata(
    key: str, *, owner: Optional[str] = None, source: Optional[str] = None,
    review_by: Optional[str] = None, response: Optional[str] = None,
    content: ContentPaths = ContentPaths(),
) -> Change:
    """Sets the owner, source and/or review date of a topic's answer (or another response)."""
    updates = {"owner": owner, "source": source, "review_by": review_by}
    updates = {k: " ".join(str(v).split()) for k, v in updates.items() if v is not None}
    if "review_by" in updates:
        updates["review_by"] = check_review_date(updates["review_by"])
    if any(not v for v in updates.values()):
        raise ContentError("Owner, source and review date cannot be empty.")
    with content_lock(content):
        folder = _folder(content, key)
        data = _load_answers(folder)
        name = response or f"utter_{key}_answer"
        if name not in (data.get("responses") or {}):
            raise ContentError(f"Topic '{key}' has no response '{name}'.")
        data.setdefault("metadata", {}).setdefault(name, {}).update(updates)
        return replace_file(folder / project_paths.TOPIC_ANSWERS_FILE, render_answers(data))


def _examples(folder: Path, intent: str) -> List[str]:
    file = folder / project_paths.TOPIC_EXAMPLES_FILE
    if not file.exists():
        return []
    return [text for block_intent, _, items in nlu_blocks(file) if block_intent == intent for text, _ in items]


def _intent(data: Dict[str, Any], key: str) -> str:
    intents = data.get("intents") or []
    if not intents:
        raise ContentError(f"Topic '{key}' declares no intent.")
    return str(intents[0])


def add_example(key: str, text: str, *, content: ContentPaths = ContentPaths()) -> Change:
    """Appends an example question to a topic; refuses one the topic already has."""
    text = clean_example(text)
    with content_lock(content):
        folder = _folder(content, key)
        intent = _intent(_load_answers(folder), key)
        examples = _examples(folder, intent)
        if normalise_example(text) in {normalise_example(e) for e in examples}:
            raise ContentError(f"Topic '{key}' already has the example '{text}'.")
        return replace_file(folder / project_paths.TOPIC_EXAMPLES_FILE, render_examples(intent, [*examples, text]))


def remove_example(key: str, text: str, *, content: ContentPaths = ContentPaths()) -> Change:
    """Removes an example (matched exactly, else by its normalised form)."""
    with content_lock(content):
        folder = _folder(content, key)
        intent = _intent(_load_answers(folder), key)
        examples = _examples(folder, intent)
        wanted = " ".join(str(text).split())
        index = next((i for i, e in enumerate(examples) if e == wanted), None)
        if index is None:
            index = next((i for i, e in enumerate(examples) if normalise_example(e) == normalise_example(wanted)), None)
        if index is None:
            raise ContentError(f"Topic '{key}' has no example '{wanted}'.")
        del examples[index]
        return replace_file(folder / project_paths.TOPIC_EXAMPLES_FILE, render_examples(intent, examples))


def canonicalise(key: str, *, content: ContentPaths = ContentPaths()) -> List[Change]:
    """Rewrites a topic's two files in the fixed layout without changing their content."""
    with content_lock(content):
        folder = _folder(content, key)
        data = _load_answers(folder)
        intent = _intent(data, key)
        return [
            replace_file(folder / project_paths.TOPIC_ANSWERS_FILE, render_answers(data)),
            replace_file(folder / project_paths.TOPIC_EXAMPLES_FILE, render_examples(intent, _examples(folder, intent))),
        ]
