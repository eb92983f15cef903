"""Helpers for the triage and intake conversation tests."""
from __future__ import annotations

import json
from typing import Any, Dict, List

from actions.organisation import org_slot_values
from tests.bot.domain_files import render, variant_for

SLOTS = org_slot_values()
CLOSED_TIME = "2026-11-25T22:00"  # a Wednesday evening


def text_of(response: str, language: str = "fi", **variables: str) -> str:
    """The response as the resident sees it (facts filled in; REST splits at blank lines)."""
    return render(render(variant_for(response, language)["text"], SLOTS), variables)


def texts(reply: Dict[str, Any]) -> List[str]:
    return [r["text"] for r in reply["replies"] if r.get("text")]


def handoff(reply: Dict[str, Any]) -> Dict[str, Any]:
    """The single handoff payload of a reply."""
    payloads = [c["neuvo"] for c in reply["custom"] if "neuvo" in c]
    assert len(payloads) == 1, reply["replies"]
    return payloads[0]


def choice(value: str) -> str:
    """A button click in the intake."""
    return "/inform" + json.dumps({"choice": value})


def payloads(reply: Dict[str, Any]) -> List[str]:
    return [b["payload"] for b in reply["buttons"]]
