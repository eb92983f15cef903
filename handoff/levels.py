"""Triage levels as the hub orders them (shared/spec/triage.md), most urgent first.

Why one module: the queue's order, the bot's handoff request, and the triage of
held messages must agree on which level is higher, and a level only rises.
"""
from __future__ import annotations

from typing import Any

LEVELS = ("emergency", "urgent", "support", "none")
LEVEL_ORDER = {level: index for index, level in enumerate(LEVELS)}


def known(level: Any) -> str:
    """The level, or "none" for anything that is not one (input from the bot is checked, never trusted)."""
    return level if level in LEVEL_ORDER else "none"


def is_higher(level: Any, than: Any) -> bool:
    """True when `level` is more urgent than `than`."""
    return LEVEL_ORDER[known(level)] < LEVEL_ORDER[known(than)]
