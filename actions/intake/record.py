"""The structured intake record that the handoff carries to the counsellor.

One JSON-serialisable dataclass; every field is documented in docs/intake.md.
`from_slots` is the only way the actions build it, so the record, the
summary and the handoff can never disagree.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Mapping, Optional

from actions.intake import names as n
from actions.intake.segment import suggest
from actions.triage.names import TRIAGE_LEVEL, TRIAGE_MARKERS

RECORD_VERSION = 1


def _answer(value: Any) -> Any:
    """A skipped question is `None` in the record."""
    return None if value == n.SKIPPED else value


def _yes_no(value: Any) -> Optional[bool]:
    value = _answer(value)
    return None if value in (None, n.DONT_KNOW) else value in (True, n.YES)


@dataclass
class Consent:
    pass_to_counsellor: bool = False
    call_back: Optional[bool] = None   # None: not asked (no callback wanted)


@dataclass
class IntakeRecord:
    version: int = RECORD_VERSION
    language: str = "fi"
    age_group: Optional[str] = None
    municipality: Optional[str] = None
    postal_code: Optional[str] = None
    in_area: Optional[bool] = None
    minors_in_household: Optional[bool] = None
    need_areas: List[str] = field(default_factory=list)
    urgent_by_resident: Optional[bool] = None
    daily_coping: Optional[int] = None
    has_named_worker: Optional[str] = None
    contact_preference: Optional[str] = None
    phone: Optional[str] = None
    callback_time: Optional[str] = None
    name: Optional[str] = None
    consent: Consent = field(default_factory=Consent)
    triage_level: str = "none"
    triage_markers: List[str] = field(default_factory=list)
    routed_to: List[str] = field(default_factory=list)
    suggested_segment: str = ""
    recommended_worker: str = ""
    special_support_need: bool = False
    stopped_early: bool = False

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)


def routes(age_group: Optional[str], minors: Optional[bool], in_area: Optional[bool]) -> List[str]:
    """Services the resident was guided to (seed 003: who serves whom)."""
    routed = []
    if age_group == n.UNDER_18 or minors:
        routed.append("family_services")
    if age_group == n.OVER_64:
        routed.append("elderly_services")
    if in_area is False:
        routed.append("other_county")
    return routed


def from_slots(slots: Mapping[str, Any], language: str = "fi") -> IntakeRecord:
    """The record from the conversation's slots (skipped answers become None)."""
    coping = _answer(slots.get(n.COPING))
    chosen = _answer(slots.get(n.NEED_AREAS)) or []
    need_areas = [a for a in n.NEED_AREA_CHOICES if a in chosen]  # button order
    markers = list(slots.get(TRIAGE_MARKERS) or [])
    age_group = _answer(slots.get(n.AGE_GROUP))
    minors = _yes_no(slots.get(n.MINORS))
    in_area = slots.get(n.IN_AREA)
    suggestion = suggest(markers, need_areas, int(coping) if coping else None)
    share = _yes_no(slots.get(n.CONSENT_SHARE))
    phone = _answer(slots.get(n.PHONE))
    return IntakeRecord(
        language=language,
        age_group=age_group,
        municipality=_answer(slots.get(n.MUNICIPALITY)),
        postal_code=slots.get(n.POSTAL_CODE),
        in_area=in_area if isinstance(in_area, bool) else None,
        minors_in_household=minors,
        need_areas=need_areas,
        urgent_by_resident=_yes_no(slots.get(n.URGENT)),
        daily_coping=int(coping) if coping else None,
        has_named_worker=_answer(slots.get(n.NAMED_WORKER)),
        contact_preference=_answer(slots.get(n.CONTACT)),
        phone=phone,
        callback_time=_answer(slots.get(n.CALLBACK_TIME)),
        name=_answer(slots.get(n.NAME)),
        consent=Consent(
            pass_to_counsellor=bool(share),
            call_back=_yes_no(slots.get(n.CONSENT_CALLBACK)) if phone else None,
        ),
        triage_level=slots.get(TRIAGE_LEVEL) or "none",
        triage_markers=markers,
        routed_to=routes(age_group, minors, in_area if isinstance(in_area, bool) else None),
        suggested_segment=suggestion.segment,
        recommended_worker=suggestion.worker,
        special_support_need=suggestion.special_support_need,
        stopped_early=slots.get(n.STOP) == n.STOP_STOPPED,
    )
