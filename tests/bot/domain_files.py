"""Reads the domain folder file by file (Rasa merges it shallowly)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Tuple

import yaml

from bot import paths

LANGUAGES = ("fi", "sv", "en")


def domain_files() -> Iterator[Tuple[Path, Dict[str, Any]]]:
    for file in sorted(paths.DOMAIN_DIR.rglob("*.yml")):
        yield file, yaml.safe_load(file.read_text(encoding="utf-8")) or {}


def all_responses() -> Dict[str, list]:
    responses: Dict[str, list] = {}
    for _, data in domain_files():
        responses.update(data.get("responses") or {})
    return responses


def variant_language(variant: Dict[str, Any]) -> str:
    for condition in variant.get("condition") or []:
        if condition.get("name") == "language":
            return condition["value"]
    return "fi"


def variant_for(name: str, language: str) -> Optional[Dict[str, Any]]:
    """The variant Rasa would pick for `language` (conditioned first, else default)."""
    variants = all_responses()[name]
    for variant in variants:
        if variant.get("condition") and variant_language(variant) == language:
            return variant
    return next((v for v in variants if not v.get("condition")), None)


def render(text: str, slots: Dict[str, str]) -> str:
    """Fills `{slot}` placeholders the way Rasa's templated NLG does."""
    for name, value in slots.items():
        text = text.replace("{" + name + "}", value)
    return text
