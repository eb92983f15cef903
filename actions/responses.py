"""Reads a response's text for a language from the domain the action receives.

Why: button titles (topic labels) are content that editors keep in the
domain files with the answers, not strings in code.
"""
from __future__ import annotations

from typing import Any, Dict, Optional

from actions.slots import LANGUAGE


def response_text(domain: Dict[str, Any], name: str, language: str) -> Optional[str]:
    """The variant whose `language` condition matches, else the default variant."""
    variants = (domain.get("responses") or {}).get(name) or []
    default = None
    for variant in variants:
        conditions = variant.get("condition") or []
        if not conditions:
            default = default or variant.get("text")
            continue
        if any(c.get("name") == LANGUAGE and c.get("value") == language for c in conditions):
            return variant.get("text")
    return default
