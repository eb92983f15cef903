"""What the editor tools show: an answer as a resident sees it, and the reviews that are due.

Why here and not in the hub: the check and the editor tools must agree on
how a placeholder is filled in and on when a review is due.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional

from bot.content.model import Metadata, Topic


def organisation_facts(organisation: Optional[Path] = None) -> Dict[str, str]:
    """The `{org_...}` slot values of the organisation file, as the bot fills them in."""
    from actions.organisation import org_slot_values

    return org_slot_values(organisation)


def fill_in(text: str, facts: Dict[str, str]) -> str:
    """Replaces `{slot}` placeholders the way Rasa's templated responses do; unknown ones stay."""
    for name, value in facts.items():
        text = text.replace("{" + name + "}", value)
    return text


def preview(topic: Topic, language: str, facts: Dict[str, str], response: Optional[str] = None) -> Optional[str]:
    """The answer (or another response) in `language` with the facts filled in; None if missing."""
    found = topic.responses.get(response or topic.answer_name)
    text = found.text(language) if found else None
    return fill_in(text, facts) if text is not None else None


@dataclass(frozen=True)
class DueReview:
    topic: str
    response: str
    metadata: Metadata
    file: Path


def due_for_review(topics: Dict[str, Topic], today: date) -> List[DueReview]:
    """Answers whose review date is today or past (or unreadable), oldest first."""
    due = []
    for topic in topics.values():
        for name, meta in topic.metadata.items():
            try:
                overdue = date.fromisoformat(meta.review_by) <= today
            except ValueError:
                overdue = True
            if overdue:
                due.append(DueReview(topic.key, name, meta, topic.answers_file))
    return sorted(due, key=lambda d: (d.metadata.review_by, d.topic))
