"""Assigns a triage level and its markers to one resident message.

Urgency is assessed first (sosiaalihuoltolaki; seed 003): the message is
searched for danger and urgency markers regardless of the intent, because
urgent sentences often read like housing or money questions. The intent is
an extra signal, never the only one. Missing an emergency is far worse than
a false alarm, so ambiguous wording errs towards the higher level.

The text is cut into clauses (sentences, and "mutta"/"but" contrasts), and
time words count in the clause that names the problem: "häätö huomenna"
raises, "häätö ensi kuussa" and "olin asunnoton viime vuonna" do not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from nlu.triage.lexicon import (
    ALL_AT_ONCE, ANY, CLAUSE_BREAK, CONTEXT, IMPLIED, INFORMATION_ONLY, LATER, MARKERS, NOW, PAST, PRESENT_DANGER,
    PROBLEM_AREAS, SAFE_NOW, SENTENCE_BREAK, VIOLENCE_NOW_MARKERS, WEAK_NOW,
)

LEVELS = ("none", "support", "urgent", "emergency")
CRISIS_INTENT = "express_crisis"
HUMAN_INTENT = "request_human"
MIN_INTENT_CONFIDENCE = 0.6
CONFIDENT_CRISIS_OVER_URGENT = 0.9

_FOLD = str.maketrans("äöåÄÖÅ", "aoaAOA")


def higher_level(a: str, b: str) -> str:
    return a if LEVELS.index(a) >= LEVELS.index(b) else b


@dataclass(frozen=True)
class TriageResult:
    level: str
    markers: tuple[str, ...] = field(default_factory=tuple)


def fold(text: str) -> str:
    """Lower case without diacritics: "Elää" and "elaa" read the same."""
    return text.lower().translate(_FOLD)


class _AnyOf:
    """Patterns compiled one by one: each keeps the regex engine's fast literal scan,
    which one big alternation loses (ten times slower on a long message)."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = [re.compile(fold(p)) for p in patterns]

    def search(self, text: str) -> Optional[re.Match]:
        for pattern in self.patterns:
            match = pattern.search(text)
            if match:
                return match
        return None

    def finditer(self, text: str) -> list[re.Match]:
        return [m for pattern in self.patterns for m in pattern.finditer(text)]

    def candidates(self, wholes: Sequence[str]) -> list[re.Pattern]:
        """The patterns worth trying clause by clause: those found in a whole text (or tied to a clause end)."""
        return [p for p in self.patterns if "$" in p.pattern or any(p.search(whole) for whole in wholes)]


_NOW, _LATER, _PAST, _WEAK_NOW = _AnyOf([NOW]), _AnyOf([LATER]), _AnyOf([PAST]), re.compile(fold(WEAK_NOW))
_CLAUSE_BREAK, _SENTENCE_BREAK = re.compile(CLAUSE_BREAK), re.compile(SENTENCE_BREAK)
_INFO, _ALL_AT_ONCE = _AnyOf([INFORMATION_ONLY]), _AnyOf([ALL_AT_ONCE])
_MARKERS = [(name, level, rule, _AnyOf(patterns)) for name, level, rule, patterns in MARKERS]
_EMERGENCY_MARKERS = frozenset(name for name, level, _, _ in MARKERS if level == "emergency")
_CONTEXT = {name: _AnyOf([pattern]) for name, pattern in CONTEXT.items()}
_AREAS = {name: _AnyOf(patterns) for name, patterns in PROBLEM_AREAS.items()}
_SAFE_NOW, _PRESENT_DANGER = _AnyOf([SAFE_NOW]), _AnyOf([PRESENT_DANGER])


@dataclass(frozen=True)
class _Clause:
    """One clause and the time it names."""

    text: str
    now: bool
    strong_now: bool  # a day word (tomorrow, Friday), not only "nyt"
    later: bool
    past: bool

    @classmethod
    def of(cls, text: str) -> "_Clause":
        nows = [m.group(0) for m in _NOW.finditer(text)]
        strong = any(not _WEAK_NOW.fullmatch(word) for word in nows)
        return cls(text, bool(nows), strong, bool(_LATER.search(text)), bool(_PAST.search(text)))

    @property
    def later_or_past(self) -> bool:
        return self.later or self.past

    @property
    def has_time(self) -> bool:
        return self.now or self.later_or_past

    def with_time_of(self, *others: "_Clause") -> "_Clause":
        """This text with the time words of other clauses added (lemmas lose some: "aikoinaan" -> "aika")."""
        clauses = (self, *others)
        return _Clause(
            self.text, any(c.now for c in clauses), any(c.strong_now for c in clauses),
            any(c.later for c in clauses), any(c.past for c in clauses),
        )


def _split(text: str, breaks: re.Pattern) -> list[_Clause]:
    parts = [" ".join(part.split()) for part in breaks.split(fold(text))]
    return [_Clause.of(part) for part in parts if part] or [_Clause.of("")]


def _surface_and_lemma(text: str, lemmas: Sequence[str], breaks: re.Pattern) -> list[_Clause]:
    surface = _split(text, breaks)
    lemma = _split(" ".join(lemmas), breaks) if lemmas else []
    if len(lemma) == len(surface):  # aligned: a lemma clause keeps its sentence's time words
        lemma = [lem.with_time_of(sur) for lem, sur in zip(lemma, surface)]
    return surface + lemma


class _Message:
    """Clauses and sentences of the surface text and of the lemma text."""

    def __init__(self, text: str, lemmas: Sequence[str]) -> None:
        text = text or ""
        self.wholes = [" ".join(fold(t).split()) for t in (text, " ".join(lemmas)) if t]
        self.clauses = _surface_and_lemma(text, lemmas, _CLAUSE_BREAK)
        # For a pattern that spans a contrast ("sohvalla, mutta tänään sekin loppuu").
        self.sentences = _surface_and_lemma(text, lemmas, _SENTENCE_BREAK)
        self.now = any(clause.now for clause in self.sentences)
        self.strong_now = any(clause.strong_now for clause in self.sentences)
        self.later_or_past = any(clause.later_or_past for clause in self.sentences)
        self.information = self.found(_INFO)
        self.information_only = self.information and not self.now

    def found(self, pattern: _AnyOf) -> bool:
        return any(pattern.search(sentence.text) for sentence in self.sentences)

    def allows(self, rule: str, clause: _Clause) -> bool:
        if rule == ANY:
            return True
        if rule == IMPLIED:  # "no money now, pay comes next week" is now; "homeless years ago" is not
            return not self.information_only and (
                clause.strong_now or (not clause.past and (clause.now or not clause.later))
            )
        # REQUIRED: a day word, or "nyt" without a later time; a clause without
        # any time word borrows the time of the whole message.
        if clause.has_time:
            return clause.strong_now or (clause.now and not clause.later_or_past)
        return self.strong_now or (self.now and not self.later_or_past)

    def fires(self, patterns: _AnyOf, rule: str) -> bool:
        for pattern in patterns.candidates(self.wholes):
            hits = [clause for clause in self.clauses if pattern.search(clause.text)]
            if not hits:
                hits = [sentence for sentence in self.sentences if pattern.search(sentence.text)]
            if any(self.allows(rule, clause) for clause in hits):
                return True
        return False


def _marker_level(message: _Message) -> tuple[list[str], str]:
    """Markers found in the words, and the highest level among them."""
    markers: list[str] = []
    level = "none"
    for name, marker_level, rule, pattern in _MARKERS:
        if name in markers or not message.fires(pattern, rule):
            continue
        if name in _CONTEXT and not message.found(_CONTEXT[name]):
            continue
        markers.append(name)
        level = higher_level(level, marker_level)
    if _violence_is_over(message, markers):
        markers = [m for m in markers if m not in VIOLENCE_NOW_MARKERS]
        markers += [] if "recent_violence" in markers else ["recent_violence"]
        level = "urgent"
    return markers, level


def _violence_is_over(message: _Message, markers: list[str]) -> bool:
    """Only violence markers raised the emergency, and the resident is safe elsewhere now."""
    raised = _EMERGENCY_MARKERS.intersection(markers)
    return (
        bool(raised) and raised <= set(VIOLENCE_NOW_MARKERS)
        and message.found(_SAFE_NOW) and not message.found(_PRESENT_DANGER)
    )


def _area_markers(message: _Message) -> list[str]:
    """Support markers from the problem areas named in the message."""
    if message.information:
        return []
    areas = {name for name, pattern in _AREAS.items() if message.found(pattern)}
    markers = []
    if {"substance", "mental"} <= areas:
        markers.append("substance_and_mental_health")
    if len(areas) >= 3 or (len(areas) >= 2 and message.found(_ALL_AT_ONCE)):
        markers.append("multiple_problems")
    return markers


def assess(
    text: str,
    lemmas: Sequence[str] = (),
    intent: Optional[str] = None,
    intent_confidence: float = 0.0,
) -> TriageResult:
    """Level and markers for one message (lemmas from the NLU pipeline, if any)."""
    message = _Message(text, lemmas)
    markers, level = _marker_level(message)
    if intent == CRISIS_INTENT and intent_confidence >= MIN_INTENT_CONFIDENCE and not message.information_only:
        markers.append("crisis_intent")
        # The classifier is the safety net for dangers the rules do not know.
        # When the rules already explain the message as urgent (violence that
        # is over, a night without shelter), a hesitant "crisis" mostly
        # over-triages it (dev sets), so there it must be confident.
        if level != "urgent" or intent_confidence >= CONFIDENT_CRISIS_OVER_URGENT:
            level = higher_level(level, "emergency")
    if intent == HUMAN_INTENT and "asks_for_person" not in markers:
        markers.append("asks_for_person")
        level = higher_level(level, "support")
    for name in _area_markers(message):
        if name not in markers:
            markers.append(name)
            level = higher_level(level, "support")
    return TriageResult(level, tuple(markers))
