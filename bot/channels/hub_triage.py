"""Triage only: the level, markers and language of one resident message.

Why: while a conversation waits in the hub's queue or a counsellor owns it,
the hub holds the resident's messages back from the dialogue (the bot stays
silent), yet an emergency typed while waiting must still be recognised. This
runs the served model's NLU parse, which includes our TriageAssessor (so the
same code as the dialogue and `neuvo eval triage`), and nothing else: no
tracker is read or written, no policy or action runs, the dialogue state is
unchanged. The wire format is in docs/handoff-protocol.md.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.redaction import redact
from nlu.components.language_detector import DETECTED_LANGUAGE_ENTITY, EXPLICIT_LANGUAGE_ENTITY
from nlu.components.triage_assessor import TRIAGE_KEY
from nlu.triage import LEVELS

logger = logging.getLogger(__name__)

LANGUAGES = ("fi", "sv", "en")


def language_of(parsed: Dict[Text, Any]) -> Optional[Text]:
    """The language the resident asked for, else the detected one, else None (unsure)."""
    entities: List[Dict[Text, Any]] = parsed.get("entities") or []
    for wanted in (EXPLICIT_LANGUAGE_ENTITY, DETECTED_LANGUAGE_ENTITY):
        for entity in entities:
            if entity.get("entity") == wanted and entity.get("value") in LANGUAGES:
                return str(entity["value"])
    return None


def triage_of(parsed: Dict[Text, Any]) -> Dict[Text, Any]:
    """The hub's answer from a parse result: level, markers and language only (no text)."""
    triage = parsed.get(TRIAGE_KEY) or {}
    level = triage.get("level") if triage.get("level") in LEVELS else "none"
    markers = [str(m) for m in triage.get("markers") or []]
    return {"level": level, "markers": markers, "language": language_of(parsed)}


async def assess(agent: Any, text: Text) -> Dict[Text, Any]:
    """Parses the redacted text with the served model; typed `/intent` is plain text here."""
    safe_text, _removed = redact(text)
    if safe_text.startswith("/"):
        safe_text = safe_text.lstrip("/").strip() or "?"
    return triage_of(await agent.parse_message(safe_text))


async def triage_endpoint(request: Request, authorised: bool, max_chars: int) -> HTTPResponse:
    """`POST /webhooks/neuvo_hub/triage` `{"text"}` -> `{"level", "markers", "language"}`."""
    if not authorised:
        return response.json({"error": "unauthorised"}, status=401)
    body = request.json if isinstance(request.json, dict) else None
    text = body.get("text") if body is not None else None
    if not isinstance(text, str) or not text.strip():
        return response.json({"error": "text_required"}, status=400)
    if len(text) > max_chars:
        return response.json({"error": "text_too_long"}, status=400)
    agent = request.app.ctx.agent
    if agent is None or not agent.is_ready():
        return response.json({"error": "model_not_ready"}, status=503)
    try:
        return response.json(await assess(agent, text))
    except Exception as exc:  # noqa: BLE001 - the hub keeps the message either way
        # Type only: the exception text may quote the resident's message.
        logger.error("hub channel: triage failed (%s)", type(exc).__name__)
        return response.json({"error": "triage_failed"}, status=500)
