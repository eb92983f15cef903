"""Removes henkilötunnus, phone numbers and e-mail addresses from resident text.

Why in the channel: Rasa stores the raw channel text in its tracker (and logs
it at debug level), so personal identifiers must be gone before a
`UserMessage` is built. The hub keeps the original in its own access-logged
store; the bot never needs the identifiers to answer.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

# Placeholders stay language-neutral so that language detection is not pulled
# towards any one language, and carry no markup (TextCleaner strips markup).
PLACEHOLDERS = {"hetu": "[hetu]", "phone": "[puh]", "email": "[email]"}

HETU_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
# DDMMYY, century sign (+ 1800s; - Y X W V U 1900s; A B C D E F 2000s), NNN, check.
_HETU = re.compile(r"(?<![0-9A-Za-z])(\d{2})(\d{2})(\d{2})([-+A-FU-Ya-fu-y])(\d{3})([0-9A-Ya-y])(?![0-9A-Za-z])")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A Finnish or international number: starts with 0, +, or 00, then digits with
# spaces, hyphens or brackets between them (not dots: dates such as 01.02.2024); 7 to 15 digits in all.
_PHONE = re.compile(r"(?<![\w+])(?:\+|\(?0)[\d][\d \-()]{4,22}\d(?!\w)")
_MIN_PHONE_DIGITS = 7
_MAX_PHONE_DIGITS = 15


def is_valid_hetu(day: str, month: str, year: str, serial: str, check: str) -> bool:
    """True when the check character matches (DDMMYYNNN modulo 31)."""
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return False
    return HETU_CHECK_CHARS[int(day + month + year + serial) % 31] == check.upper()


def _replace_hetu(match: re.Match) -> str:
    day, month, year, _sign, serial, check = match.groups()
    return PLACEHOLDERS["hetu"] if is_valid_hetu(day, month, year, serial, check) else match.group(0)


def _replace_phone(match: re.Match) -> str:
    digits = sum(ch.isdigit() for ch in match.group(0))
    if _MIN_PHONE_DIGITS <= digits <= _MAX_PHONE_DIGITS:
        return PLACEHOLDERS["phone"]
    return match.group(0)


def redact(text: str) -> Tuple[str, List[str]]:
    """The text without personal identifiers, and the kinds that were removed.

    Order matters: e-mail addresses first (they may contain digits), then
    henkilötunnus (a valid checksum only, so an invoice number that merely
    looks like one stays), then phone numbers.
    """
    kinds: List[str] = []
    for kind, pattern, replacement in (
        ("email", _EMAIL, lambda m: PLACEHOLDERS["email"]),
        ("hetu", _HETU, _replace_hetu),
        ("phone", _PHONE, _replace_phone),
    ):
        new_text = pattern.sub(replacement, text)
        if new_text != text:
            kinds.append(kind)
            text = new_text
    return text, kinds


def find_phone(text: str) -> Optional[str]:
    """The last phone number in the text, as written (the hub fills in redacted callback numbers)."""
    found = [m.group(0) for m in _PHONE.finditer(text)
             if _MIN_PHONE_DIGITS <= sum(ch.isdigit() for ch in m.group(0)) <= _MAX_PHONE_DIGITS]
    return found[-1].strip() if found else None
