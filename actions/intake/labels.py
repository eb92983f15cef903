"""Labels for intake answers in the resident's language (buttons and the summary).

Kept together so a button and the summary line for the same answer always
read the same. Values are the codes stored in the slots and the record.
"""
from __future__ import annotations

from typing import Dict

from actions.intake.names import (
    REDACTED_PHONE, AGE_GROUP, CALLBACK_TIME, CHAT, CONSENT_CALLBACK, CONSENT_SHARE, CONTACT, COPING, DONT_KNOW, MINORS,
    MUNICIPALITY, NAME, NAMED_WORKER, NEED_AREAS, NO, OUTSIDE, OVER_64, PHONE, PHONE_CALL, SKIPPED, UNDER_18,
    URGENT, VISIT, WORKING_AGE, YES,
)

FIELDS: Dict[str, Dict[str, str]] = {
    "fi": {AGE_GROUP: "Ikä", MUNICIPALITY: "Kunta", MINORS: "Alaikäisiä lapsia kotona",
           NEED_AREAS: "Asiat", URGENT: "Kiireellinen", COPING: "Arjessa pärjääminen",
           NAMED_WORKER: "Oma työntekijä jo", CONTACT: "Yhteydenotto", PHONE: "Puhelin",
           CALLBACK_TIME: "Soittoaika", NAME: "Nimi", CONSENT_SHARE: "Tiedot sosiaaliohjaajalle",
           CONSENT_CALLBACK: "Saa soittaa"},
    "sv": {AGE_GROUP: "Ålder", MUNICIPALITY: "Kommun", MINORS: "Minderåriga barn hemma",
           NEED_AREAS: "Ärenden", URGENT: "Brådskande", COPING: "Klarar vardagen",
           NAMED_WORKER: "Har egen kontaktperson", CONTACT: "Kontakt", PHONE: "Telefon",
           CALLBACK_TIME: "Tid för samtal", NAME: "Namn", CONSENT_SHARE: "Uppgifter till socialhandledaren",
           CONSENT_CALLBACK: "Får ringa"},
    "en": {AGE_GROUP: "Age", MUNICIPALITY: "Municipality", MINORS: "Children under 18 at home",
           NEED_AREAS: "Matters", URGENT: "Urgent", COPING: "Coping with daily life",
           NAMED_WORKER: "Already has a named worker", CONTACT: "Contact", PHONE: "Phone",
           CALLBACK_TIME: "Time for the call", NAME: "Name", CONSENT_SHARE: "Details to the counsellor",
           CONSENT_CALLBACK: "May call"},
}

VALUES: Dict[str, Dict[str, str]] = {
    "fi": {UNDER_18: "alle 18", WORKING_AGE: "18–64", OVER_64: "65 tai yli", YES: "kyllä", NO: "ei",
           DONT_KNOW: "en tiedä", SKIPPED: "ei vastausta", CHAT: "chatissa nyt", PHONE_CALL: "soitto minulle",
           VISIT: "käyn Polussa", OUTSIDE: "muu kunta",
           "work": "työ", "money_and_debts": "raha ja velat", "housing": "asuminen", "substances": "päihteet",
           "mental_health": "mielenterveys", "physical_health": "fyysinen terveys", "violence": "väkivalta",
           "daily_coping": "arjen sujuminen", "disability": "vamma tai sairaus", "other": "jokin muu",
           "morning": "aamupäivällä", "afternoon": "iltapäivällä", "any_time": "mihin aikaan tahansa",
           REDACTED_PHONE: "antamasi numero", "skip": "Ohita", "done": "Valmis", "send": "Lähetä", "correct": "Korjaa",
           "1": "1 – hyvin vaikeaa", "2": "2 – vaikeaa", "3": "3 – vaihtelee", "4": "4 – melko hyvin",
           "5": "5 – hyvin"},
    "sv": {UNDER_18: "under 18", WORKING_AGE: "18–64", OVER_64: "65 eller äldre", YES: "ja", NO: "nej",
           DONT_KNOW: "vet inte", SKIPPED: "inget svar", CHAT: "i chatten nu", PHONE_CALL: "ring mig",
           VISIT: "jag besöker Polku", OUTSIDE: "annan kommun",
           "work": "arbete", "money_and_debts": "pengar och skulder", "housing": "boende", "substances": "missbruk",
           "mental_health": "psykisk hälsa", "physical_health": "fysisk hälsa", "violence": "våld",
           "daily_coping": "vardagen", "disability": "funktionsnedsättning eller sjukdom", "other": "något annat",
           "morning": "på förmiddagen", "afternoon": "på eftermiddagen", "any_time": "när som helst",
           REDACTED_PHONE: "numret du gav", "skip": "Hoppa över", "done": "Klar", "send": "Skicka", "correct": "Rätta",
           "1": "1 – mycket svårt", "2": "2 – svårt", "3": "3 – varierar", "4": "4 – ganska bra",
           "5": "5 – bra"},
    "en": {UNDER_18: "under 18", WORKING_AGE: "18–64", OVER_64: "65 or over", YES: "yes", NO: "no",
           DONT_KNOW: "don't know", SKIPPED: "no answer", CHAT: "chat now", PHONE_CALL: "call me back",
           VISIT: "I will visit Polku", OUTSIDE: "another municipality",
           "work": "work", "money_and_debts": "money and debts", "housing": "housing", "substances": "substances",
           "mental_health": "mental health", "physical_health": "physical health", "violence": "violence",
           "daily_coping": "daily life", "disability": "disability or illness", "other": "something else",
           "morning": "in the morning", "afternoon": "in the afternoon", "any_time": "any time",
           REDACTED_PHONE: "the number you gave", "skip": "Skip", "done": "Done", "send": "Send", "correct": "Correct",
           "1": "1 – very hard", "2": "2 – hard", "3": "3 – it varies", "4": "4 – fairly well",
           "5": "5 – well"},
}


def field_label(slot: str, language: str) -> str:
    return FIELDS.get(language, FIELDS["fi"]).get(slot, slot)


def value_label(value: object, language: str) -> str:
    if isinstance(value, bool):
        value = YES if value else NO
    text = str(value)
    return VALUES.get(language, VALUES["fi"]).get(text, text)


def button_title(value: object, language: str) -> str:
    text = value_label(value, language)
    return text[:1].upper() + text[1:]
