"""Renders an intake record generically: any JSON object as a definition list.

The intake fields are documented in docs/intake.md (by the triage/intake
work); the console shows whatever the bot recorded, escaped, so a new field
needs no console change.
"""
from __future__ import annotations

from typing import Any

from handoff.console.html import e

LABELS = {
    "topic": "Aihe", "summary": "Tiivistelmä", "municipality": "Kunta", "language": "Kieli",
    "level": "Kiireellisyys", "markers": "Perusteet", "age_group": "Ikäryhmä", "household": "Kotitalous",
    "needs": "Tarpeet", "services": "Palvelut", "contact_preference": "Yhteydenottotapa",
    "consent": "Suostumus", "created_at": "Kirjattu",
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
