"""Renders an intake record generically: any JSON object as a definition list.

The intake fields are documented in docs/intake.md; the console shows
whatever the bot recorded, escaped, with Finnish labels for the known fields,
so a new field needs no console change.
"""
from __future__ import annotations

from typing import Any

from handoff.console.html import e

LABELS = {  # docs/intake.md, "The record"; unknown fields are shown with their own name
    "version": "Versio", "language": "Kieli", "age_group": "Ikäryhmä", "municipality": "Kunta",
    "postal_code": "Postinumero", "in_area": "Alueella", "minors_in_household": "Alaikäisiä taloudessa",
    "need_areas": "Tarvealueet", "urgent_by_resident": "Kiireellinen asukkaan mielestä",
    "daily_coping": "Arjessa pärjääminen (1–5)", "has_named_worker": "Nimetty työntekijä",
    "contact_preference": "Yhteydenottotapa", "phone": "Puhelin", "callback_time": "Soittoaika", "name": "Nimi",
    "consent": "Suostumus", "pass_to_counsellor": "Tiedot ohjaajalle", "call_back": "Takaisinsoitto",
    "triage_level": "Kiireellisyys", "triage_markers": "Perusteet", "routed_to": "Ohjattu",
    "suggested_segment": "Ehdotettu asiakkuus (vain ohjaajille)",
    "recommended_worker": "Suositeltu työntekijä (vain ohjaajille)",
    "special_support_need": "Erityisen tuen tarve (vain ohjaajille)", "stopped_early": "Keskeytti kysymykset",
    "topic": "Aihe", "summary": "Tiivistelmä",
}
MAX_DEPTH = 4


def label(key: str) -> str:
    return LABELS.get(key, key.replace("_", " ").capitalize())


def render(record: Any, depth: int = 0) -> str:
    """Escaped HTML for any JSON value (objects as <dl>, lists as <ul>)."""
    if record is None or record == {} or record == []:
        return '<p class="empty">Ei kirjattu. (Not recorded.)</p>' if depth == 0 else "–"
    if depth >= MAX_DEPTH:
        return e(str(record))
    if isinstance(record, dict):
        items = "".join(f"<dt>{e(label(str(k)))}</dt><dd>{render(v, depth + 1)}</dd>" for k, v in record.items())
        return f'<dl class="intake">{items}</dl>'
    if isinstance(record, list):
        if all(not isinstance(v, (dict, list)) for v in record):
            return e(", ".join(str(v) for v in record))
        return "<ul>" + "".join(f"<li>{render(v, depth + 1)}</li>" for v in record) + "</ul>"
    if isinstance(record, bool):
        return "kyllä" if record else "ei"
    return e(record)
