"""Urgency first in the dialogue: triage slots, the reply per level, the handoff."""
