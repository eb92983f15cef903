"""Which helpline an emergency reply names after 112: one rule for the bot and the hub.

Why shared: the bot answers an emergency in the dialogue (actions/triage/respond.py)
and the hub answers one typed while waiting for a counsellor
(handoff/chat/texts.py); two copies of a safety rule would drift apart.
"""
from __future__ import annotations

from typing import Iterable

VIOLENCE = "violence"    # Nollalinja
POISONING = "poisoning"  # the Poison Information Centre
CRISIS = "crisis"        # the crisis line in the resident's language

VIOLENCE_MARKERS = frozenset({"violence_now"})
POISONING_MARKERS = frozenset({"overdose"})
SELF_HARM_MARKERS = frozenset({"suicidal_ideation", "self_harm"})


def helpline_kind(markers: Iterable[str]) -> str:
    """Violence now: Nollalinja; an overdose without self-harm: poison information; else the crisis line."""
    found = set(markers)
    if found & VIOLENCE_MARKERS:
        return VIOLENCE
    if found & POISONING_MARKERS and not found & SELF_HARM_MARKERS:
        return POISONING
    return CRISIS
