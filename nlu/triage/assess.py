"""Assigns a triage level and its markers to one resident message.

Urgency is assessed first (sosiaalihuoltolaki; seed 003): the message is
searched for danger and urgency markers regardless of the intent, because
urgent sentences often read like housing or money questions. The intent is
an extra signal, never the only one. Missing an emergency is far worse than
a false alarm, so ambiguous wording errs towards the higher level.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from nlu.triage.lexicon import (
    ALL_AT_ONCE, ANY, INFORMATION_ONLY, LATER, MARKERS, NOW, PAST, PROBLEM_AREAS, REQUIRED,
)

LEVELS = ("none", "support", "urgent", "emergency")
CRISIS_INTENT = "express_crisis"
HUMAN_INTENT = "request_human"
MIN_INTENT_CONFIDENCE = 0.6


def higher_level(a: str, b: str) -> str:
    return a if LEVELS.index(a) >= LEVELS.index(b) else b


@dataclass(frozen=True)
class TriageResult:
    level: str
    markers: tuple[str, ...] = field(default_factory=tuple)


def _compile(patterns: Sequence[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_NOW, _LATER, _PAST = _compile([NOW]), _compile([LATER]), _compile([PAST])
_SENTENCE_END = re.compile(r"[.!?;\n]+\s*")
_INFO, _ALL_AT_ONCE = _compile([INFORMATION_ONLY]), _compile([ALL_AT_ONCE])
_MARKERS = [(name, level, rule, _compile(patterns)) for name, level, rule, patterns in MARKERS]
_AREAS = {name: _compile(patterns) for name, patterns in PROBLEM_AREAS.items()}


def _time_allows(rule: str, now: bool, later_or_past: bool) -> bool:
    if rule == ANY:
        return True
    if rule == REQUIRED:
        return now and not later_or_past
    return now or not later_or_past  # IMPLIED


def assess(
    text: str,
    lemmas: Sequence[str] = (),
    intent: Optional[str] = None,
    intent_confidence: float = 0.0,
) -> TriageResult:
    """Level and markers for one message (lemmas from the NLU pipeline, if any)."""
    surface = " ".join((text or "").lower().split())
    lemma_text = " ".join(lemma.lower() for lemma in lemmas)
    texts = (surface, lemma_text) if lemma_text else (surface,)

    def found(pattern: re.Pattern) -> bool:
        return any(pattern.search(t) for t in texts)

    now = found(_NOW)
    information_only = found(_INFO) and not now
    sentences = [s for s in _SENTENCE_END.split(surface) if s.strip()] or [surface]

    def fires(pattern: re.Pattern, rule: str) -> bool:
        """Time words count in the sentence that names the problem."""
        matched = [s for s in sentences if pattern.search(s)]
        if matched:
            return any(
                _time_allows(rule, bool(_NOW.search(s)), bool(_LATER.search(s) or _PAST.search(s)))
                for s in matched
            )
        if lemma_text and pattern.search(lemma_text):  # only the lemmas show it
            return _time_allows(rule, now, found(_LATER) or found(_PAST))
        return False

    markers: list[str] = []
    level = "none"
    for name, marker_level, rule, pattern in _MARKERS:
        if name in markers or not fires(pattern, rule):
            continue
        if marker_level == "emergency" and information_only:
            continue
        markers.append(name)
        level = higher_level(level, marker_level)
    if intent == CRISIS_INTENT and intent_confidence >= MIN_INTENT_CONFIDENCE and not information_only:
        markers.append("crisis_intent")
        level = higher_level(level, "emergency")
    if intent == HUMAN_INTENT and "asks_for_person" not in markers:
        markers.append("asks_for_person")
        level = higher_level(level, "support")
    areas = {name for name, pattern in _AREAS.items() if found(pattern)}
    if not found(_INFO):
        if {"substance", "mental"} <= areas:
            markers.append("substance_and_mental_health")
            level = higher_level(level, "support")
        if len(areas) >= 3 or (len(areas) >= 2 and found(_ALL_AT_ONCE)):
            markers.append("multiple_problems")
            level = higher_level(level, "support")
    return TriageResult(level, tuple(markers))
