"""The short summary the resident checks before anything is sent.

Shows the resident's own answers only: never the suggested segment or
worker, which are for counsellors.
"""
from __future__ import annotations

import json
from typing import Any, Dict, List

from rasa_sdk import Tracker

from actions.intake import names as n
from actions.intake.labels import button_title, field_label, value_label

FIX_PREFIX = "fix:"


def _shown(slot: str, value: Any, language: str) -> str:
    if slot == n.NEED_AREAS:
        return ", ".join(value_label(a, language) for a in value) if value else value_label(n.SKIPPED, language)
    if slot == n.COPING and value not in (None, n.SKIPPED):
        return value_label(str(value), language)
    return value_label(value, language)


def answered(tracker: Tracker) -> List[str]:
    """The questions that have an answer, in the order they were asked."""
    return [s for s in n.CORRECTABLE if tracker.get_slot(s) is not None]


def summary_text(tracker: Tracker, language: str) -> str:
    lines = []
    for slot in answered(tracker):
        lines.append(f"- {field_label(slot, language)}: {_shown(slot, tracker.get_slot(slot), language)}")
    return "\n".join(lines)


def correction_buttons(tracker: Tracker, language: str) -> List[Dict[str, str]]:
    result = [
        {"title": field_label(slot, language),
         "payload": f"/{n.INFORM}{json.dumps({n.CHOICE_ENTITY: FIX_PREFIX + slot}, ensure_ascii=False)}"}
        for slot in answered(tracker)
    ]
    result.append({"title": button_title(n.SEND, language),
                   "payload": f"/{n.INFORM}{json.dumps({n.CHOICE_ENTITY: n.SEND})}"})
    return result


def field_named_in(text: str, tracker: Tracker, language: str) -> str | None:
    """The answered question a typed correction names ("korjaa ikä" -> age_group)."""
    lowered = text.lower()
    for slot in answered(tracker):
        label = field_label(slot, language).lower()
        if label in lowered or label.split()[0] in lowered.split():
            return slot
    return None
