"""Detects whether a resident writes Finnish, Swedish or English.

Why a combination: py3langid (a small offline n-gram model) is reliable on
sentences but guesses its prior on one-word messages ("tack", "kiitti"), which
are common in chat; a short list of distinctive chat words settles those.
Finnish is the fallback whenever the evidence is weak (the caller keeps the
conversation's current language then).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Optional, Tuple

SUPPORTED_LANGUAGES: Tuple[str, ...] = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"

# Distinctive words of chat messages; a word listed under two languages is
# left out on purpose ("ja", "en", "no", "hei"/"hej" are kept apart).
_CHAT_WORDS: Dict[str, frozenset] = {
    "fi": frozenset(
        "kiitos kiitti kiitoksia moi moikka moro terve hei heippa joo juu jep kyllä "
        "ei en emmä mä mää mul mulla mun minä minun olen oon onko voiko voinko voisko "
        "mitä miten missä mistä milloin kuka apua tarviin tarvitsen haluun haluan "
        "selvä okei oki näkemiin huomenta päivää iltaa asunto rahaa suomeksi suomea sopii kylla "
        "jees ehdottomasti heipat heippa tsau kitos kiitokset nähdään kiva hyvä totta".split()
    ),
    "sv": frozenset(
        "tack tackar hej hejsan hejdå jag och inte är det hur vad var kan vill behöver "
        "hjälp nej jo gärna bostad pengar svenska svenskt på mig min mitt har god morgon "
        "javisst okej ses hörs adjö då tackar visst goddag hejsan".split()
    ),
    "en": frozenset(
        "thanks thank hello hi hey yes yeah the and is are what how where when can "
        "could would i i'm my me you help need want please english bye goodbye sure "
        "okay money house yep nope nah sounds good bye see appreciate".split()
    ),
}

_WORD = re.compile(r"[a-zåäöéü']+", re.IGNORECASE)


@dataclass(frozen=True)
class LanguageGuess:
    """The detected language (None when unsure) and what else was seen."""

    language: Optional[str]
    confidence: float
    unsupported: Optional[str] = None  # ISO code of a clearly other language


@lru_cache(maxsize=1)
def _identifiers():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    restricted = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    restricted.set_languages(list(SUPPORTED_LANGUAGES))
    everything = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    prior = restricted.classify("")
    return restricted, everything, prior


def _chat_word_vote(words) -> Optional[str]:
    counts = {lang: sum(w in vocab for w in words) for lang, vocab in _CHAT_WORDS.items()}
    best = max(counts, key=counts.get)
    ordered = sorted(counts.values(), reverse=True)
    if ordered[0] > 0 and ordered[0] > ordered[1]:
        return best
    return None


def detect_language(text: str, *, min_confidence: float = 0.8) -> LanguageGuess:
    """Guesses fi/sv/en for one message; `language` is None when the evidence is weak."""
    words = [w.lower() for w in _WORD.findall(text or "")]
    if not words:
        return LanguageGuess(None, 0.0)
    restricted, everything, prior = _identifiers()
    vote = _chat_word_vote(words)
    if len(words) <= 3 and vote:
        return LanguageGuess(vote, 0.9)
    language, probability = restricted.classify(" ".join(words))
    if abs(probability - prior[1]) < 1e-6 and language == prior[0]:
        # The model saw no evidence at all and fell back to its prior.
        return LanguageGuess(vote, 0.6 if vote else 0.0)
    other, other_probability = everything.classify(text)
    if len(words) <= 3 and other != language:
        # Short and the two models disagree: typos, names or gibberish.
        return LanguageGuess(vote, float(probability) if vote else 0.0)
    if (
        other not in SUPPORTED_LANGUAGES
        and other_probability >= 0.99
        and len(words) >= 4
        and vote is None
    ):
        return LanguageGuess(None, float(probability), unsupported=other)
    if probability >= min_confidence:
        return LanguageGuess(language, float(probability))
    return LanguageGuess(vote, float(probability))


_LANGUAGE_NAME_STEMS = {
    "fi": ("suom", "finsk", "finn", "fi"),
    "sv": ("ruots", "svensk", "swed", "sv"),
    "en": ("englan", "engl", "eng", "en"),
}


def normalise_language_name(value: str) -> Optional[str]:
    """Maps a named language ("ruotsiksi", "svenska", "English") to fi/sv/en."""
    word = (value or "").strip().lower()
    for prefix in ("på ", "in "):
        if word.startswith(prefix):
            word = word[len(prefix):].strip()
    if word in SUPPORTED_LANGUAGES:
        return word
    for code, stems in _LANGUAGE_NAME_STEMS.items():
        if any(word.startswith(stem) for stem in stems if len(stem) > 2):
            return code
    return None


_SPEAK_WORDS = ("puhu", "puhua", "puhutaan", "speak", "talk", "tala", "prata", "vaihda", "switch", "byt")


def requested_language(text: str) -> Optional[str]:
    """The language a resident asks for in words ("voitko puhua ruotsia?").

    Used when the classifier saw a language switch but found no language
    name: a translative form ("ruotsiksi") wins, then the word after a verb
    of speaking, then the only language named.
    """
    words = [w.lower() for w in _WORD.findall(text or "")]
    named = [(i, code) for i, w in enumerate(words) if len(w) > 3 and (code := normalise_language_name(w))]
    for i, code in named:
        if words[i].endswith("ksi") or (i > 0 and words[i - 1] in ("på", "in")):
            return code
    for i, code in named:
        if i > 0 and words[i - 1].startswith(_SPEAK_WORDS):
            return code
    codes = {code for _, code in named}
    return codes.pop() if len(codes) == 1 else None
