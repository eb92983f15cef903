"""Postal code areas, the counsellor-only segment suggestion, and the intake record."""
from __future__ import annotations

import json

import pytest

from actions.intake.areas import Place, area_for_postal_code, resolve_place
from actions.intake.record import IntakeRecord, from_slots
from actions.intake.segment import CARE, COOPERATION, GUIDANCE, SOCIAL_COUNSELLOR, SOCIAL_WORKER, suggest

ORG = {"facts": {"municipalities": {"list": ["Lahti", "Hollola", "Iitti", "Padasjoki"]}},
       "postal_areas": {"areas": {"Lahti": ["15100-15700"], "Hollola": ["15860-15880", "16700-16800"]}}}


@pytest.mark.parametrize("code, area", [("15100", "Lahti"), ("15700", "Lahti"), ("16750", "Hollola"),
                                        ("15800", None), ("00100", None)])
def test_postal_code_to_area(code, area) -> None:
    assert area_for_postal_code(code, ORG) == area


@pytest.mark.parametrize("text, place", [
    ("Lahti", Place("Lahti", None, True)),
    ("asun Lahdessa", Place("Lahti", None, True)),
    ("Iitissä", Place("Iitti", None, True)),
    ("Padasjoella", Place("Padasjoki", None, True)),
    ("15140", Place("Lahti", "15140", True)),
    ("00100", Place("00100", "00100", False)),
    ("Helsinki", Place("Helsinki", None, False)),
    ("1510", None), ("151000", None), ("!!!", None), ("15100 15200", None),
    ("Jakobstad", Place("Jakobstad", None, False)), ("Ii", Place("Ii", None, False)),
    # Keyboard mashing is re-asked, not taken as a place outside the county.
    ("ääsdf", None), ("asdfgh", None), ("qwrt", None), ("xx", None),
])
def test_places(text, place) -> None:
    assert resolve_place(text, ORG) == place


@pytest.mark.parametrize("markers, areas, coping, segment, worker", [
    ([], ["housing"], 5, GUIDANCE, SOCIAL_COUNSELLOR),
    ([], ["housing", "money_and_debts"], 4, COOPERATION, SOCIAL_COUNSELLOR),
    ([], ["work"], 3, COOPERATION, SOCIAL_COUNSELLOR),
    (["multiple_problems"], ["housing"], 4, COOPERATION, SOCIAL_WORKER),
    ([], ["substances", "mental_health"], None, COOPERATION, SOCIAL_WORKER),
    ([], ["housing", "money_and_debts", "substances"], 2, CARE, SOCIAL_WORKER),
    (["cannot_cope_daily"], ["housing"], 1, CARE, SOCIAL_WORKER),
    ([], [], None, GUIDANCE, SOCIAL_COUNSELLOR),
])
def test_segment_and_worker(markers, areas, coping, segment, worker) -> None:
    suggestion = suggest(markers, areas, coping)
    assert (suggestion.segment, suggestion.worker) == (segment, worker)


SLOTS = {
    "age_group": "18_64", "municipality": "Lahti", "postal_code": "15100", "in_area": True,
    "minors_in_household": "no", "need_areas": ["housing", "money_and_debts"], "resident_urgent": "skipped",
    "daily_coping": "2", "named_worker": "dont_know", "contact_preference": "phone", "phone": "+358401234567",
    "callback_time": "iltapäivällä", "resident_name": "skipped", "consent_share": "yes", "consent_callback": "no",
    "triage_level": "support", "triage_markers": ["asks_for_person"],
}


def test_record_from_slots_serialises_to_the_documented_fields() -> None:
    record = from_slots(SLOTS, "fi").to_dict()
    assert record == {
        "version": 1, "language": "fi", "age_group": "18_64", "municipality": "Lahti", "postal_code": "15100",
        "in_area": True, "minors_in_household": False, "need_areas": ["money_and_debts", "housing"],
        "urgent_by_resident": None, "daily_coping": 2, "has_named_worker": "dont_know",
        "contact_preference": "phone", "phone": "+358401234567", "callback_time": "iltapäivällä", "name": None,
        "consent": {"pass_to_counsellor": True, "call_back": False},
        "triage_level": "support", "triage_markers": ["asks_for_person"], "routed_to": [],
        "suggested_segment": "yhteistyoasiakkuus", "recommended_worker": "sosiaaliohjaaja",
        "special_support_need": False, "stopped_early": False,
    }
    assert json.loads(json.dumps(record)) == record
    assert set(record) == set(IntakeRecord.__dataclass_fields__)


def test_routing_is_recorded() -> None:
    record = from_slots({**SLOTS, "age_group": "65_plus", "minors_in_household": "yes", "in_area": False})
    assert record.routed_to == ["family_services", "elderly_services", "other_county"]


def test_an_empty_conversation_gives_an_empty_record_without_consent() -> None:
    record = from_slots({})
    assert record.consent.pass_to_counsellor is False and record.consent.call_back is None
    assert record.need_areas == [] and record.suggested_segment == GUIDANCE
