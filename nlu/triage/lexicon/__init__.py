"""Word patterns for triage markers, matched on lemmas and on surface text.

Why regexes over two texts: Voikko lemmas make inflected Finnish match
("yöpaikkaa" -> "yöpaikka", "en halua" -> "ei haluta"), while colloquial
forms Voikko does not know ("oo", "mul") and Swedish/English stay
recognisable in the lower-cased surface text. Patterns are prefixes or word
families, so they also cover inflection the lemmatiser missed, and both
patterns and texts are matched with diacritics folded ("elaa" = "elää").

Modules: `time` (time words, information context, time rules),
`emergency`, `urgent` and `support` (marker tables, Finnish, Swedish and
English side by side), `areas` (problem areas for the support markers
`multiple_problems` and `substance_and_mental_health`).
"""
from __future__ import annotations

from nlu.triage.lexicon.areas import ALL_AT_ONCE, PROBLEM_AREAS
from nlu.triage.lexicon.emergency import EMERGENCY, PRESENT_DANGER, SAFE_NOW, VIOLENCE_NOW_MARKERS
from nlu.triage.lexicon.support import SUPPORT
from nlu.triage.lexicon.time import (
    ANY, CLAUSE_BREAK, IMPLIED, INFORMATION_ONLY, LATER, NOW, PAST, REQUIRED, SENTENCE_BREAK, WEAK_NOW,
)
from nlu.triage.lexicon.urgent import CONTEXT, URGENT

# (marker, level, time rule, patterns). A marker fires when any pattern
# matches a clause of the surface text or of the lemma text and the time
# rule allows it; one marker may have several rows with different rules.
MARKERS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = EMERGENCY + URGENT + SUPPORT

__all__ = [
    "ALL_AT_ONCE", "ANY", "CLAUSE_BREAK", "CONTEXT", "IMPLIED", "INFORMATION_ONLY", "LATER", "MARKERS", "NOW", "PAST",
    "PRESENT_DANGER", "PROBLEM_AREAS", "REQUIRED", "SAFE_NOW", "SENTENCE_BREAK", "VIOLENCE_NOW_MARKERS", "WEAK_NOW",
]
