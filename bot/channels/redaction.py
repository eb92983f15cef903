"""Removes henkilötunnus, phone numbers and e-mail addresses from resident text.

Why in the channel: Rasa stores the raw channel text in its tracker (and logs
it at debug level), so personal identifiers must be gone before a
`UserMessage` is built. The hub keeps the original in its own access-logged
store; the bot never needs the identifiers to answer. The implementation is
shared with the hub (`nlu/redaction.py`), which also removes addresses and
names from the texts it keeps for the editors.
"""
from __future__ import annotations

from nlu.redaction import PLACEHOLDERS, find_phone, is_valid_hetu, redact

__all__ = ["PLACEHOLDERS", "find_phone", "is_valid_hetu", "redact"]
