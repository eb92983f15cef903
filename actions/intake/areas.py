"""Municipality or postal code -> the county's area (bot/organisation.yml).

Seed 000: the area is decided by postal code. A resident may also write the
municipality, inflected ("Lahdessa", "Iitissä"); a place outside the list is
kept as written and routed to the right contact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from actions.organisation import load_organisation


@dataclass(frozen=True)
class Place:
    municipality: str          # as in the organisation file, or as the resident wrote it
    postal_code: Optional[str]
    in_area: bool


def municipalities(data: Optional[Dict[str, Any]] = None) -> List[str]:
    data = data if data is not None else load_organisation()
    return [str(m) for m in data["facts"]["municipalities"]["list"]]


def _ranges(data: Dict[str, Any]) -> Dict[str, List[tuple[int, int]]]:
    areas = (data.get("postal_areas") or {}).get("areas") or {}
    result: Dict[str, List[tuple[int, int]]] = {}
    for name, ranges in areas.items():
        parsed = []
        for item in ranges:
            start, _, end = str(item).partition("-")
            parsed.append((int(start), int(end or start)))
        result[str(name)] = parsed
    return result


def area_for_postal_code(code: str, data: Optional[Dict[str, Any]] = None) -> Optional[str]:
    """The municipality whose postal range holds `code`, else None."""
    data = data if data is not None else load_organisation()
    number = int(code)
    for name, ranges in _ranges(data).items():
        if any(start <= number <= end for start, end in ranges):
            return name
    return None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def match_municipality(word: str, names: List[str]) -> Optional[str]:
    """The listed municipality `word` names, allowing Finnish case endings."""
    w = word.lower()
    hits = set()
    for name in names:
        n = name.lower()
        if w == n or (w.startswith(n) and len(w) - len(n) <= 5):
            return name
        # Consonant gradation and case endings: Lahti -> Lahdessa, Iitti -> Iitissä.
        if len(w) >= len(n) - 1 and _common_prefix(w, n) >= max(3, len(n) - 2):
            hits.add(name)
    return hits.pop() if len(hits) == 1 else None


_VOWELS = "aeiouyäöåé"
_CONSONANT_RUN = re.compile(rf"[^{_VOWELS}]{{4,}}|[^{_VOWELS}]{{3}}$")


def looks_like_place_name(word: str) -> bool:
    """Rejects keyboard mashing ("ääsdf", "qwrt") as a place outside the county.

    Finnish and Swedish place names have vowels, no run of four consonants and
    do not end in three (Jakobstad, Kristinestad, Helsinki pass).
    """
    w = word.lower()
    return len(w) >= 2 and any(c in _VOWELS for c in w) and not _CONSONANT_RUN.search(w)


def resolve_place(text: str, data: Optional[Dict[str, Any]] = None) -> Optional[Place]:
    """A place from "Lahti", "asun Hollolassa", "15100"; None for unusable input."""
    data = data if data is not None else load_organisation()
    cleaned = " ".join((text or "").split())
    digits = re.findall(r"\d+", cleaned)
    if digits:
        if len(digits) != 1 or len(digits[0]) != 5:
            return None
        code = digits[0]
        name = area_for_postal_code(code, data)
        return Place(municipality=name or code, postal_code=code, in_area=name is not None)
    words = re.findall(r"[^\W\d_]+", cleaned)
    if not words or len(cleaned) > 60:
        return None
    names = municipalities(data)
    for word in reversed(words):
        found = match_municipality(word, names)
        if found:
            return Place(municipality=found, postal_code=None, in_area=True)
    # Not in the county: keep the place the resident named (its last word, as written).
    place = words[-1]
    if not looks_like_place_name(place):
        return None
    return Place(municipality=place[0].upper() + place[1:], postal_code=None, in_area=False)
