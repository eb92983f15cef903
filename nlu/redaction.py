"""Removes personal data from resident text: identifiers, and for stored samples also addresses and names.

Why two levels: the bot's private channel removes only identifiers
(`redact`: henkilötunnus, phone numbers, e-mail addresses) before Rasa's
tracker stores the text, because the dialogue still needs the rest (a
municipality, a postal code). Texts kept for the editors' inbox are samples
of wording, not case records, so `redact_for_storage` also removes street
addresses, postal code + town, and names where the sentence says it is a name.

Pure Python (stdlib only) so that the bot environment (Python 3.10, Rasa)
and the hub environment (Python 3.12) share one implementation.
"""
from __future__ import annotations

import re
from typing import Callable, List, Optional, Tuple

from nlu.redaction_names import FIRST_NAMES

# Placeholders stay language-neutral so that language detection is not pulled
# towards any one language, and carry no markup (TextCleaner strips markup).
PLACEHOLDERS = {
    "hetu": "[hetu]", "phone": "[puh]", "email": "[email]", "address": "[osoite]", "name": "[nimi]",
}

HETU_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
# DDMMYY, century sign (+ 1800s; - Y X W V U 1900s; A B C D E F 2000s), NNN, check.
_HETU = re.compile(r"(?<![0-9A-Za-z])(\d{2})(\d{2})(\d{2})([-+A-FU-Ya-fu-y])(\d{3})([0-9A-Ya-y])(?![0-9A-Za-z])")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A Finnish or international number: starts with 0, +, or 00, then digits with
# spaces, hyphens or brackets between them (not dots: dates such as 01.02.2024); 7 to 15 digits in all.
_PHONE = re.compile(r"(?<![\w+])(?:\+|\(?0)[\d][\d \-()]{4,22}\d(?!\w)")
_MIN_PHONE_DIGITS = 7
_MAX_PHONE_DIGITS = 15

_L = "A-Za-zÅÄÖåäöÉéÜü"
# Street-name endings (Finnish, with the stems their inflected forms use, and
# Swedish); the name must carry at least two letters before the ending
# ("Hämeenkatu", "Kauppakadulla", "Rantatie", "Storgatan").
_STREET_END = (
    r"(?:katu|kadu|tie|kuja|polku|polu|raitti|raiti|väylä|tori|kaari|kaare|rinne|rintee|ranta|ranna|"
    r"puisto|aukio|piha|kulma|porras|portaa|mäki|mäe|tanhua|gatan|vägen|stigen|gränd|torget|backen)"
)
_STREET = re.compile(
    rf"(?<![{_L}])[{_L}][{_L}-]{{1,}}{_STREET_END}[{_L}]{{0,5}}"  # the street name, perhaps inflected
    r"\s+\d{1,4}(?:\s*[-–]\s*\d{1,4})?[a-zA-Z]?"                   # house number, "12-14", "12a"
    r"(?:\s*(?:,\s*)?(?:(?:as\.?|asunto|bst\.?|lgh\.?|lh\.?)\s*\d{1,4}|[A-Ha-h]\s*\d{1,4}|[A-Ha-h](?![\w])))?"
    r"(?![\w])",
    re.IGNORECASE,
)
_POSTAL_TOWN = re.compile(rf"(?<![\d\w])\d{{5}}\s+[A-ZÅÄÖ][a-zåäö]+(?:[- ][A-ZÅÄÖ][a-zåäö]+)?(?![\w])")
_NOT_TOWNS = {"euroa", "euro", "eur", "e", "kr", "kpl", "henkeä"}

_NAME_WORD = rf"[{_L}][{_L}'-]*"
# A sentence that says "this is my name": the next word is a name whatever its case.
_STRONG_TRIGGER = re.compile(
    r"(?i:\b(?:nimeni\s+on|nimi\s+on|nimeni|jag\s+heter|mitt\s+namn\s+är|my\s+name\s+is|"
    r"my\s+name's|call\s+me|terveisin|t\.|hälsningar|mvh|regards)\s+)"
    rf"(?P<first>{_NAME_WORD})(?:\s+(?P<second>[A-ZÅÄÖ][{_L}'-]*))?",
)
# "olen / oon / mä oon / I'm / jag är" only counts when a listed first name follows.
_WEAK_TRIGGER = re.compile(
    r"(?i:\b(?:olen|oon|olin|i'm|i\s+am|jag\s+är|täällä|här\s+är|this\s+is)\s+)"
    rf"(?P<first>{_NAME_WORD})(?:\s+(?P<second>{_NAME_WORD}))?",
)
# "Matti Virtanen" anywhere: a listed first name, capitalised, then a capitalised word.
_FULL_NAME = re.compile(rf"(?<![{_L}])(?P<first>[A-ZÅÄÖ][a-zåäö-]+)\s+(?P<second>[A-ZÅÄÖ][a-zåäö-]+)(?![{_L}])")
# Words that follow a trigger but are not names ("nimeni on siis...", "terveisin äiti").
_NOT_NAMES = {
    "siis", "vain", "ja", "se", "tämä", "mun", "minun", "äiti", "isä", "ei", "en", "is", "the", "a",
    "och", "är", "inte", "hyvin", "kiitos", "tack", "thanks", "nimetön", "anonyymi", "anonymous",
}


def is_valid_hetu(day: str, month: str, year: str, serial: str, check: str) -> bool:
    """True when the check character matches (DDMMYYNNN modulo 31)."""
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return False
    return HETU_CHECK_CHARS[int(day + month + year + serial) % 31] == check.upper()


def _replace_hetu(match: re.Match) -> str:
    day, month, year, _sign, serial, check = match.groups()
    return PLACEHOLDERS["hetu"] if is_valid_hetu(day, month, year, serial, check) else match.group(0)


def _phone_digits_ok(found: str) -> bool:
    return _MIN_PHONE_DIGITS <= sum(ch.isdigit() for ch in found) <= _MAX_PHONE_DIGITS


def _replace_phone(match: re.Match) -> str:
    return PLACEHOLDERS["phone"] if _phone_digits_ok(match.group(0)) else match.group(0)


def _replace_postal_town(match: re.Match) -> str:
    town = match.group(0).split()[1].lower()
    return match.group(0) if town in _NOT_TOWNS else PLACEHOLDERS["address"]


def _is_first_name(word: Optional[str]) -> bool:
    return bool(word) and word.lower() in FIRST_NAMES


def _name_replacement(match: re.Match, second_is_name: bool) -> str:
    """The trigger words kept, the name (and its surname when there is one) replaced."""
    start = match.start(0)
    prefix = match.group(0)[: match.start("first") - start]
    if second_is_name:
        return prefix + PLACEHOLDERS["name"]
    return prefix + PLACEHOLDERS["name"] + match.group(0)[match.end("first") - start:]


def _surname_follows(second: Optional[str]) -> bool:
    return bool(second) and second[0].isupper() and second.lower() not in _NOT_NAMES


def _replace_strong(match: re.Match) -> str:
    first = match.group("first")
    if first.lower() in _NOT_NAMES:
        return match.group(0)
    return _name_replacement(match, _surname_follows(match.group("second")))


def _replace_weak(match: re.Match) -> str:
    if not _is_first_name(match.group("first")):
        return match.group(0)
    return _name_replacement(match, _surname_follows(match.group("second")))


def _replace_full_name(match: re.Match) -> str:
    return PLACEHOLDERS["name"] if _is_first_name(match.group("first")) else match.group(0)


Step = Tuple[str, "re.Pattern[str]", Callable[[re.Match], str]]

_IDENTIFIERS: Tuple[Step, ...] = (
    ("email", _EMAIL, lambda m: PLACEHOLDERS["email"]),
    ("hetu", _HETU, _replace_hetu),
    ("phone", _PHONE, _replace_phone),
)
_STORAGE_EXTRA: Tuple[Step, ...] = (
    ("address", _STREET, lambda m: PLACEHOLDERS["address"]),
    ("address", _POSTAL_TOWN, _replace_postal_town),
    ("name", _STRONG_TRIGGER, _replace_strong),
    ("name", _WEAK_TRIGGER, _replace_weak),
    ("name", _FULL_NAME, _replace_full_name),
)


def _apply(text: str, steps: Tuple[Step, ...]) -> Tuple[str, List[str]]:
    kinds: List[str] = []
    for kind, pattern, replacement in steps:
        new_text = pattern.sub(replacement, text)
        if new_text != text:
            if kind not in kinds:
                kinds.append(kind)
            text = new_text
    return text, kinds


def redact(text: str) -> Tuple[str, List[str]]:
    """The text without personal identifiers, and the kinds that were removed.

    Order matters: e-mail addresses first (they may contain digits), then
    henkilötunnus (a valid checksum only, so an invoice number that merely
    looks like one stays), then phone numbers.
    """
    return _apply(text, _IDENTIFIERS)


def redact_for_storage(text: str) -> Tuple[str, List[str]]:
    """`redact`, then street addresses, postal code + town, and names (for texts kept as samples).

    Addresses come before names so that "Kauppakatu 3" is not read as a
    first name and a surname. Names are removed only where the sentence
    marks them ("nimeni on", "jag heter", "my name is", a signature) or
    where a listed first name is followed by "olen/oon" or a capitalised
    surname, so ordinary words ("olen työtön") stay.
    """
    text, kinds = _apply(text, _IDENTIFIERS)
    text, more = _apply(text, _STORAGE_EXTRA)
    return text, kinds + [k for k in more if k not in kinds]


def find_phone(text: str) -> Optional[str]:
    """The last phone number in the text, as written (the hub fills in redacted callback numbers)."""
    found = [m.group(0) for m in _PHONE.finditer(text) if _phone_digits_ok(m.group(0))]
    return found[-1].strip() if found else None
