"""Feeds the editors' inbox from the relay: one call after the bot's answer is stored.

Why separate from the relay's transaction: the inbox is a by-product; a
failure to store a sample must never hold up or undo a resident's answer.
"""
from __future__ import annotations

import logging
from typing import Any

from sanic import Sanic
from sqlalchemy.exc import SQLAlchemyError

from handoff.editor.inbox import NluOutcome, capture

log = logging.getLogger("neuvo.hub.inbox")


async def capture_unclear(app: Sanic, *, text: str, language: str, nlu: Any) -> None:
    """Stores the redacted text when the bot's NLU outcome was a fallback or low confidence."""
    outcome = NluOutcome.parse(nlu)
    if outcome is None or not outcome.unclear:
        return
    try:
        async with app.ctx.sessionmaker.begin() as session:
            item_id = await capture(session, text=text, language=language, outcome=outcome)
    except SQLAlchemyError as error:
        log.warning("inbox: sample not stored (%s)", type(error).__name__)
        return
    if item_id is not None:
        log.info("inbox: item %s (intent %s, fallback %s)", item_id, outcome.intent, outcome.fallback)
