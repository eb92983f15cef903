"""Suggested client segment and worker, for counsellors only (seed 002).

Never shown to the resident as a label: it is a suggestion in the record,
the counsellor decides after the service needs assessment.
- huolenpitoasiakkuus: daily life is hard (scale 1-2) and needs are many
  (three or more areas) or special support markers appear; the named worker
  is always a sosiaalityöntekijä.
- yhteistyöasiakkuus: gaps in coping (scale 1-3) or several areas (two or
  more); worker by assessment: sosiaalityöntekijä with special support need,
  else sosiaaliohjaaja.
- ohjaus ja neuvonta: otherwise; one contact or the assistant answers.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

GUIDANCE = "ohjaus_ja_neuvonta"
COOPERATION = "yhteistyoasiakkuus"
CARE = "huolenpitoasiakkuus"
SOCIAL_COUNSELLOR = "sosiaaliohjaaja"
SOCIAL_WORKER = "sosiaalityontekija"

# Triage markers that point to erityisen tuen tarve (seeds 000 and 002).
SPECIAL_SUPPORT_MARKERS = frozenset({
    "multiple_problems", "cannot_cope_daily", "cannot_apply_alone", "substance_and_mental_health",
    "repeated_failed_help",
})


@dataclass(frozen=True)
class Suggestion:
    segment: str
    worker: str
    special_support_need: bool


def has_special_support_need(markers: Sequence[str], need_areas: Sequence[str], coping: Optional[int]) -> bool:
    areas = set(need_areas)
    return (
        bool(SPECIAL_SUPPORT_MARKERS & set(markers))
        or {"substances", "mental_health"} <= areas
        or (coping is not None and coping <= 2 and len(areas) >= 3)
    )


def suggest(markers: Sequence[str], need_areas: Sequence[str], coping: Optional[int]) -> Suggestion:
    """Segment and recommended worker from the answers and the triage markers."""
    special = has_special_support_need(markers, need_areas, coping)
    areas = len(set(need_areas) - {"other"})
    if coping is not None and coping <= 2 and (areas >= 3 or special):
        return Suggestion(CARE, SOCIAL_WORKER, True)
    if (coping is not None and coping <= 3) or areas >= 2 or special:
        return Suggestion(COOPERATION, SOCIAL_WORKER if special else SOCIAL_COUNSELLOR, special)
    return Suggestion(GUIDANCE, SOCIAL_COUNSELLOR, False)
