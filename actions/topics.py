"""The topic intents of shared/spec/intents.md and their response names.

One table so that rules, the clarification buttons and the tests agree on
which intents are topics and how their responses are named.
"""
from __future__ import annotations

from typing import Dict

TOPIC_OF_INTENT: Dict[str, str] = {
    "ask_social_assistance": "social_assistance",
    "ask_housing": "housing",
    "ask_homelessness": "homelessness",
    "ask_substance_use": "substance_use",
    "ask_mental_health": "mental_health",
    "ask_debt_advice": "debt_advice",
    "ask_domestic_violence": "domestic_violence",
    "ask_unemployment": "unemployment",
    "ask_social_rehabilitation": "social_rehabilitation",
    "ask_named_worker": "named_worker",
    "ask_service_assessment": "service_assessment",
    "ask_disability_services": "disability_services",
    "ask_family_services": "family_services",
    "ask_elderly_services": "elderly_services",
    "report_concern": "concern",
    "ask_contact_info": "contact_info",
    "ask_kela_benefits": "kela_benefits",
    "ask_privacy": "privacy",
}


def answer_response(intent: str) -> str:
    return f"utter_{TOPIC_OF_INTENT[intent]}_answer"


def label_response(intent: str) -> str:
    return f"utter_{TOPIC_OF_INTENT[intent]}_label"
