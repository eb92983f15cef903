"""Reads free-text intake answers; each function returns a value or None (bad input).

Pure functions, so every rule is unit-tested without a running bot. Buttons
send codes (`/inform{"choice": "<code>"}`); typed answers in Finnish,
Swedish or English are read here.
"""
from __future__ import annotations

import re
from typing import List, Optional

from actions.intake.names import (
    CHAT, DONT_KNOW, NEED_AREA_CHOICES, NO, OVER_64, PHONE_CALL, REDACTED_PHONE, UNDER_18, VISIT, WORKING_AGE, YES,
)

MAX_ANSWER = 200


def clean(text: Optional[str]) -> str:
    return " ".join((text or "").lower().replace("’", "'").split())[:MAX_ANSWER]


def _words(text: str) -> List[str]:
    return re.findall(r"[\wåäöéü']+", clean(text))


STOP_PHRASES = (
    "lopeta", "lopetetaan", "en halua vastata", "en halua jatkaa", "keskeytä", "riittää", "ei enempää",
    "sluta", "avbryt", "jag vill inte svara", "vill inte svara", "stop", "stopp", "cancel", "quit",
    "i don't want to answer", "i do not want to answer", "dont want to answer",
)
SKIP_PHRASES = ("ohita", "ohitan", "en halua kertoa", "skip", "pass", "hoppa över", "hoppa", "vill inte säga",
                "rather not say", "ei tarvitse", "seuraava", "next", "nästa")


def is_stop(text: str) -> bool:
    """The resident wants to end the questions ("en halua vastata", "lopeta")."""
    t = clean(text)
    return any(t == p or t.startswith(p + " ") or t.endswith(" " + p) or (len(p) > 6 and p in t)
               for p in STOP_PHRASES)


def is_skip(text: str) -> bool:
    t = clean(text).strip(".! ")
    return t in SKIP_PHRASES


def parse_age_group(text: str) -> Optional[str]:
    """"34", "olen 70-vuotias", "alle 18", "eläkeläinen" -> an age group."""
    t = clean(text)
    if re.search(r"\b(alle|under)\s*18\b|\balaikäi|\bminderårig|\bteini", t):
        return UNDER_18
    if re.search(r"\b(yli|över|over)\s*6[45]\b|\b65\s*(\+|tai yli|eller|or)|\beläkeläi|\bpensionär|\bretired", t):
        return OVER_64
    if re.search(r"\b18\s*[-–]\s*64\b", t):
        return WORKING_AGE
    numbers = [int(n) for n in re.findall(r"\b(\d{1,3})\b", t)]
    if len(numbers) == 1 and 0 < numbers[0] <= 120:
        age = numbers[0]
        return UNDER_18 if age < 18 else OVER_64 if age > 64 else WORKING_AGE
    return None


YES_WORDS = {"kyllä", "joo", "juu", "jep", "on", "ovat", "asuu", "olen", "haluan", "saa", "voi", "kyl", "kylla",
             "ja", "jo", "japp", "yes", "yeah", "yep", "sure", "ok", "okei", "selvä", "does", "do", "i do"}
NO_WORDS = {"ei", "en", "eikä", "ne", "nej", "nä", "no", "nope", "not", "ingen", "inga", "eivät", "älä"}
DONT_KNOW_PHRASES = ("en tiedä", "en tiiä", "en oo varma", "en ole varma", "vet inte", "don't know", "dont know",
                     "not sure", "ei tietoa")


def parse_yes_no(text: str, allow_dont_know: bool = False) -> Optional[str]:
    t = clean(text)
    if allow_dont_know and any(p in t for p in DONT_KNOW_PHRASES):
        return DONT_KNOW
    words = _words(t)
    if not words:
        return None
    if words[0] in NO_WORDS or (len(words) > 1 and words[1] in {"ole", "oo", "asu", "halua"} and words[0] in NO_WORDS):
        return NO
    if words[0] in YES_WORDS:
        return YES
    return None


NEED_AREA_WORDS = {
    "work": ("työ", "työttöm", "työtön", "kuntouttav", "arbet", "jobb", "work", "job", "unemploy"),
    "money_and_debts": ("raha", "velk", "velat", "toimeentulo", "ulosot", "talous", "pengar", "skuld", "ekonomi",
                        "utkomst", "money", "debt", "financ", "income"),
    "housing": ("asu", "asunto", "vuokra", "häätö", "boende", "bostad", "hyra", "housing", "rent", "home", "evict"),
    "substances": ("päih", "alkoho", "huume", "viina", "peli", "missbruk", "alkohol", "drog", "substance",
                   "drink", "drug", "gambl"),
    "mental_health": ("mielenterv", "masennu", "ahdist", "jaksa", "psyk", "mental", "depress", "anxi", "ångest"),
    "physical_health": ("fyysi", "terveys", "sairau", "kipu", "fysisk", "hälsa", "physical", "health", "ill"),
    "violence": ("väkival", "lyö", "uhkail", "våld", "violen", "abuse"),
    "daily_coping": ("arki", "arje", "arjen", "pärjä", "vardag", "daily", "everyday", "coping"),
    "disability": ("vamma", "vammais", "funktionsned", "handikapp", "disab"),
    "other": ("muu", "jokin muu", "annat", "något annat", "other", "something else"),
}


def parse_need_areas(text: str) -> List[str]:
    """Every need area named in the text, in the fixed order of the buttons."""
    words = _words(text)
    found = []
    for area in NEED_AREA_CHOICES:
        stems = NEED_AREA_WORDS[area]
        if any(w.startswith(s) for w in words for s in stems if " " not in s) or \
                any(s in clean(text) for s in stems if " " in s):
            found.append(area)
    return found


DONE_WORDS = {"valmis", "valmista", "siinä kaikki", "ei muuta", "klar", "färdig", "inget mer", "done",
              "that's all", "nothing else", "finished"}


def is_done(text: str) -> bool:
    return clean(text).strip(".! ") in DONE_WORDS


# Checked in this order: longer phrases before the words they contain.
COPING_WORDS = (
    ("1", ("hyvin vaikeaa", "todella vaikeaa", "en pärjää", "mycket svårt", "very hard", "very difficult",
           "i can't cope", "i cannot cope")),
    ("4", ("melko hyvin", "ihan ok", "ganska bra", "fairly well", "quite well", "ok")),
    ("3", ("vaihtelee", "välillä", "varierar", "it varies", "varies", "so so")),
    ("2", ("vaikeaa", "huonosti", "svårt", "dåligt", "hard", "difficult", "badly")),
    ("5", ("hyvin", "helppoa", "hyvin menee", "bra", "lätt", "well", "easy", "fine")),
)


def parse_coping(text: str) -> Optional[str]:
    """"1".."5" on the arjessa pärjääminen scale (seed 002), 1 = very hard."""
    t = clean(text).strip(".! ")
    numbers = re.findall(r"\b(\d+)\b", t)
    if numbers:
        return numbers[0] if len(numbers) == 1 and numbers[0] in {"1", "2", "3", "4", "5"} else None
    for value, phrases in COPING_WORDS:
        if any(t == p or t.startswith(p + " ") for p in phrases):
            return value
    return None


CONTACT_WORDS = {
    CHAT: ("chat", "chatissa", "chatti", "tässä", "täällä", "kirjoit", "chatten", "här", "here", "write"),
    PHONE_CALL: ("soit", "puhel", "ring", "telefon", "call", "phone"),
    VISIT: ("käyn", "käy", "paikan päällä", "polkuun", "tulen", "besök", "kommer", "visit", "come", "in person"),
}


def parse_contact(text: str) -> Optional[str]:
    t = clean(text)
    hits = [c for c, stems in CONTACT_WORDS.items() if any(s in t for s in stems)]
    return hits[0] if len(hits) == 1 else None


FINNISH_PREFIXES = ("+358", "00358", "358")


def normalise_phone(text: str) -> tuple[Optional[str], str]:
    """A Finnish number in E.164 (+358...), or (None, "foreign" | "bad").

    Accepts "040 123 4567", "040-1234567", "+358 40 1234567", "00358401234567".
    A number with another country code is refused: the counsellor calls
    Finnish numbers only. The hub channel's redaction marker `[puh]` means a
    number was given: the hub knows it (docs/handoff-protocol.md).
    """
    if REDACTED_PHONE in (text or ""):
        return REDACTED_PHONE, ""
    raw = clean(text)
    if not re.fullmatch(r"[\d\s\-+().]+", raw or "x"):
        return None, "bad"
    digits = re.sub(r"[\s\-().]", "", raw)
    if digits.startswith("+") or digits.startswith("00"):
        international = digits[1:] if digits.startswith("+") else digits[2:]
        if not international.startswith("358"):
            return None, "foreign"
        national = international[3:].lstrip("0")
    elif digits.startswith("358") and len(digits) >= 10:
        national = digits[3:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        return None, "bad"
    if not national.isdigit() or not 6 <= len(national) <= 11 or national[0] == "0":
        return None, "bad"
    return "+358" + national, ""


TIME_WORDS = (
    "aamu", "päivä", "ilta", "huomen", "tänään", "heti", "milloin", "koska", "aika", "ma", "ti", "ke", "to", "pe",
    "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "klo", "jälkeen", "ennen", "tahansa",
    "morgon", "förmiddag", "eftermiddag", "kväll", "idag", "i morgon", "när", "helst", "måndag", "tisdag",
    "onsdag", "torsdag", "fredag", "morning", "afternoon", "evening", "today", "tomorrow", "any time", "anytime",
    "asap", "monday", "tuesday", "wednesday", "thursday", "friday", "after", "before", "noon",
)


def parse_callback_time(text: str) -> Optional[str]:
    """A short, readable time wish ("iltapäivällä", "klo 12–14"); kept as written."""
    t = clean(text)
    if not t or len(t) > 80:
        return None
    has_time = re.search(r"\b([01]?\d|2[0-3])([.:][0-5]\d)?\b", t)
    has_word = any(re.search(rf"\b{re.escape(w)}", t) for w in TIME_WORDS)
    return " ".join(text.split())[:80] if has_time or has_word else None


def parse_name(text: str) -> Optional[str]:
    """A name as the resident writes it; letters, spaces, hyphens, at most 60 characters."""
    name = " ".join((text or "").split())
    for prefix in ("nimeni on ", "olen ", "mitt namn är ", "jag heter ", "my name is ", "i am ", "i'm "):
        if name.lower().startswith(prefix):
            name = name[len(prefix):]
    name = name.strip(" .!")
    if not name or len(name) > 60 or not re.fullmatch(r"[^\W\d_]+(?:[ '\-][^\W\d_]+)*", name):
        return None
    return name
