"""Reads the organisation file and turns its facts into `org_*` slot values.

Why slots: answers in the domain refer to `{org_polku_phone}` etc., so local
facts live in one file that a county edits without retraining the model.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List

import yaml

LANGUAGES = ("fi", "sv", "en")
ORG_SLOT_PREFIX = "org_"
DEFAULT_FILE = Path(__file__).resolve().parent.parent / "bot" / "organisation.yml"


def organisation_file() -> Path:
    return Path(os.environ.get("NEUVO_ORGANISATION_FILE", DEFAULT_FILE))


@dataclass(frozen=True)
class Fact:
    key: str
    example: bool
    slot_values: Dict[str, str]


def _fact_slots(key: str, spec: Dict[str, Any]) -> Dict[str, str]:
    if "value" in spec:
        return {f"{ORG_SLOT_PREFIX}{key}": str(spec["value"])}
    if "text" in spec:
        texts = spec["text"]
        missing = [lang for lang in LANGUAGES if not texts.get(lang)]
        if missing:
            raise ValueError(f"organisation fact {key!r} lacks text for {missing}")
        return {f"{ORG_SLOT_PREFIX}{key}_{lang}": str(texts[lang]) for lang in LANGUAGES}
    if "list" in spec:
        return {f"{ORG_SLOT_PREFIX}{key}": ", ".join(str(v) for v in spec["list"])}
    raise ValueError(f"organisation fact {key!r} needs value, text or list")


def parse_facts(data: Dict[str, Any]) -> List[Fact]:
    facts = []
    for key, spec in (data.get("facts") or {}).items():
        if "example" not in spec:
            raise ValueError(f"organisation fact {key!r} must say example: true/false")
        facts.append(Fact(key, bool(spec["example"]), _fact_slots(key, spec)))
    return facts


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> Dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def load_organisation(path: Path | None = None) -> Dict[str, Any]:
    """The parsed file; re-read when it changes on disk."""
    path = path or organisation_file()
    return _load(str(path), path.stat().st_mtime)


def org_slot_values(path: Path | None = None) -> Dict[str, str]:
    values: Dict[str, str] = {}
    for fact in parse_facts(load_organisation(path)):
        values.update(fact.slot_values)
    return values


def example_fact_keys(path: Path | None = None) -> List[str]:
    """Facts still marked as example values (to warn before deployment)."""
    return [fact.key for fact in parse_facts(load_organisation(path)) if fact.example]
