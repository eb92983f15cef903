"""Correcting an earlier answer, at the review or in the middle of the questions.

Why one module: the review's correction ("korjaa kunta", a Fix button) and a
correction typed while another question is open ("korjaan: ikäni on 70",
"muuta kunta, asun Hollolassa", "I meant Heinola", "jag vill ändra åldern")
find the answer the same way and clear it the same way. Mid-form, a new
value in the same message is read by that question's own validation, so a
corrected age still routes an over-64 resident; without a usable value the
question is simply asked again. Then the form goes on where it was.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker

from actions.intake import names as n
from actions.intake.areas import match_municipality, municipalities
from actions.intake.labels import field_label
from actions.intake.parse import clean
from actions.intake.summary import answered

# One vocabulary of correction words, always matched as whole words ("muutama" and "muuten" are not
# "muuta"). Mid-form a correction must be said as one ("muutan Lahteen" is a move, not a correction);
# at the review, which asks for exactly this, "muutan" and inflected forms count too.
MID_FORM_WORDS = {"korjaan", "korjaa", "korjata", "korjaus", "korjataan", "muuta", "muutetaan", "väärin",
                  "ändra", "ändrar", "rätta", "rättar", "fel", "correct", "correction", "change", "wrong", "fix"}
REVIEW_WORDS = MID_FORM_WORDS | {"muutan", "muutos", "väärä"}
# Word beginnings that are always a correction ("korjaisin", "muutettava", "felaktig", "changed", "fixed").
REVIEW_STEMS = ("korja", "muutet", "väär", "ändr", "rätta", "felakt", "correct", "chang", "wrong", "fix")
MEANT_PHRASES = ("tarkoitin", "tarkoitan", "i meant", "i mean", "jag menade", "jag menar", "menade")
# Answers whose corrected value mid-form goes through the question's validation; others are asked again.
TAKES_A_VALUE = (n.AGE_GROUP, n.MUNICIPALITY, n.MINORS, n.URGENT, n.COPING, n.NAMED_WORKER, n.CONTACT, n.PHONE,
                 n.CALLBACK_TIME, n.NAME)
# Questions answered with a number: a number then is their answer, not a corrected age.
NUMBER_ANSWERS = (n.COPING, n.PHONE, n.CALLBACK_TIME)
# Words that only say "this is about my ..." and carry no value.
FILLER = {"minun", "mun", "on", "oli", "vaan", "se", "sen", "olen", "pitäisi", "olla", "oikea", "vastaus", "is",
          "was", "my", "it", "the", "to", "of", "but", "number", "answer", "should", "be", "min", "mitt", "är", "var",
          "utan", "vill", "jag", "ska", "vara", "svaret", "haluan", "i", "want", "please", "kiitos", "tack"}


def _words(text: str) -> List[str]:
    return re.findall(r"[\wåäö]+", clean(text))


def wants_review_correction(text: str) -> bool:
    """At the review any correction word will do (the review asks for exactly that)."""
    return any(w in REVIEW_WORDS or w.startswith(REVIEW_STEMS) for w in _words(text))


def languages_from(language: str) -> List[str]:
    """The resident's language first, then the others: a label may be typed in any of them."""
    return list(dict.fromkeys((language, "fi", "sv", "en")))


def _stem(word: str) -> str:
    """Enough of a label's first word to find its inflected forms ("alaikäisiä" -> "alaikäis": "alaikäiset")."""
    return word[:-2] if len(word) >= 7 else word


def field_named_in(text: str, tracker: Tracker, language: str, exclude: Optional[str] = None) -> Optional[str]:
    """The answered question a typed correction names ("korjaa ikä" -> age_group)."""
    lowered = text.lower()
    for slot in answered(tracker):
        if slot == exclude:
            continue
        for lang in languages_from(language):
            label = field_label(slot, lang).lower()
            first = label.split()[0]
            if re.search(rf"\b{re.escape(label)}", lowered) or first in lowered.split() \
                    or (len(first) >= 3 and re.search(rf"\b{re.escape(_stem(first))}", lowered)):
                return slot
    return None


def cleared(slot: str) -> Dict[str, Any]:
    """One answer and the helper slots derived from it, emptied: the form asks it again."""
    empty: Dict[str, Any] = {slot: None}
    if slot == n.NEED_AREAS:
        empty[n.NEED_AREA_PICKS] = []
    if slot == n.MUNICIPALITY:
        empty.update({n.POSTAL_CODE: None, n.IN_AREA: None})
    return empty


def reopen(slot: str) -> Dict[str, Any]:
    """At the review: the answer asked again, then the review again."""
    return {slot: None, n.CONFIRMED: None, n.CORRECTING: None, **cleared(slot)}


def is_mid_form_correction(text: str) -> bool:
    t = clean(text)
    return bool(set(_words(t)) & MID_FORM_WORDS) or any(re.search(rf"\b{p}\b", t) for p in MEANT_PHRASES)


def _value_names(text: str, tracker: Tracker, requested: Optional[str]) -> Optional[str]:
    """An answered question the new value itself points to: a county municipality or postal code, or an age."""
    if re.search(r"\b\d{5}\b", text) or any(match_municipality(w, municipalities())
                                          for w in re.findall(r"[^\W\d_]+", text)):
        slot: Optional[str] = n.MUNICIPALITY
    elif requested not in NUMBER_ANSWERS and any(10 <= int(a) <= 120 for a in re.findall(r"\b\d{1,3}\b", text)):
        slot = n.AGE_GROUP
    else:
        return None
    return slot if slot != requested and tracker.get_slot(slot) is not None else None


def corrected_field(text: str, tracker: Tracker, language: str) -> Optional[str]:
    """The earlier answer a message typed mid-form corrects, or None (then it is an answer)."""
    requested = tracker.get_slot(n.REQUESTED_SLOT)
    if not requested or requested == n.CONFIRMED or not is_mid_form_correction(text):
        return None
    return field_named_in(text, tracker, language, exclude=requested) or _value_names(text, tracker, requested)


def new_value_text(text: str, slot: str, language: str) -> str:
    """What is left of the message once the correction words and the question's name are removed."""
    t = clean(text)
    firsts = []
    for lang in languages_from(language):
        label = field_label(slot, lang).lower()
        t = re.sub(rf"\b{re.escape(label)}\w*", " ", t)
        firsts.append(label.split()[0])
    for phrase in MEANT_PHRASES:
        t = re.sub(rf"\b{phrase}\b", " ", t)
    kept = [w for w in re.findall(r"[^\s,:;.!?]+", t)
            if w not in MID_FORM_WORDS and w not in FILLER
            and not any(len(first) >= 3 and w.startswith(_stem(first)) for first in firsts)]
    return " ".join(kept)
