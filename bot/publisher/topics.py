"""What the editor's topic pages show, read from the publisher's live content.

Why the publisher and not the hub reading files: the publisher owns the
content (the hub talks to the bot side over HTTP only), and only it knows
the pending changes. Read-only: every edit is a pending change (content.py).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot import paths as project_paths
from bot.publisher.content import TOPICS, answer_max_length

Json = Dict[str, Any]


def _load(root: Path) -> Dict[str, Any]:
    from bot.content import default_detector, load_topics

    return load_topics(root / TOPICS, detect=default_detector())


def _counts(topic: Any) -> Dict[str, int]:
    from bot.content import LANGUAGES

    counts = {language: len(topic.examples_in(language)) for language in LANGUAGES}
    return {**counts, "all": len(topic.examples)}  # per language only where the detector is installed


def _metadata(topic: Any) -> Optional[Json]:
    meta = topic.metadata.get(topic.answer_name)
    return {"owner": meta.owner, "source": meta.source, "review_by": meta.review_by} if meta else None


def topic_list(root: Path, today: date) -> Json:
    """Every topic with its example counts and answer metadata, and the answers due for review."""
    from bot.content import due_for_review

    topics = _load(root)
    rows = [{"key": key, "intent": topic.intent, "label": topic.label.text("fi") if topic.label else None,
             "examples": _counts(topic), "metadata": _metadata(topic)} for key, topic in topics.items()]
    due = [{"topic": d.topic, "response": d.response, "owner": d.metadata.owner, "review_by": d.metadata.review_by}
           for d in due_for_review(topics, today)]
    return {"topics": rows, "due": due}


def topic_detail(root: Path, key: str, pending: List[Json]) -> Optional[Json]:
    """One topic: its answer per language (raw and as a resident sees it), metadata, examples, pending edits."""
    from bot.content import LANGUAGES, default_detector, load_topic, organisation_facts, preview

    folder = root / TOPICS / key
    if not key.isidentifier() or not (folder / project_paths.TOPIC_ANSWERS_FILE).is_file():
        return None
    topic = load_topic(folder, default_detector())
    facts = organisation_facts(project_paths.ORGANISATION_FILE)
    answers = {language: {"text": topic.answer.text(language) if topic.answer else None,
                          "preview": preview(topic, language, facts)} for language in LANGUAGES}
    return {
        "key": key, "intent": topic.intent, "answers": answers, "metadata": _metadata(topic),
        "examples": [{"text": e.text, "language": e.language} for e in topic.examples],
        "facts": facts, "answer_max_length": answer_max_length(),
        "pending": [c for c in pending if c.get("topic") == key or c.get("intent") == topic.intent],
    }
