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


def answer_line(slot: str, value: Any, language: str) -> str:
    """One answer as the resident reads it: "Kunta: Hollola"."""
    return f"{field_label(slot, language)}: {_shown(slot, value, language)}"


def summary_text(tracker: Tracker, language: str) -> str:
    return "\n".join(f"- {answer_line(slot, tracker.get_slot(slot), language)}" for slot in answered(tracker))


def correction_buttons(tracker: Tracker, language: str) -> List[Dict[str, str]]:
    result = [
        {"title": field_label(slot, language),
         "payload": f"/{n.INFORM}{json.dumps({n.CHOICE_ENTITY: FIX_PREFIX + slot}, ensure_ascii=False)}"}
        for slot in answered(tracker)
    ]
    result.append({"title": button_title(n.SEND, language),
                   "payload": f"/{n.INFORM}{json.dumps({n.CHOICE_ENTITY: n.SEND})}"})
    return result

