"""Builds rasa-sdk trackers inline, as rasa-sdk's own tests do."""
from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker

DOMAIN: Dict[str, Any] = {"responses": {}, "forms": {}}


def tracker(slots: Dict[str, Any], text: str = "", intent: str = "ask_housing",
            entities: Optional[List[Dict[str, Any]]] = None, events: Optional[List[Dict[str, Any]]] = None,
            active_loop: Optional[str] = None) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or []}
    return Tracker("resident", dict(slots), latest, events or [], False, None,
                   {"name": active_loop} if active_loop else {}, "action_listen")


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)
