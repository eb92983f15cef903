"""Console domain errors and their HTTP codes (routes map them in one place)."""
from __future__ import annotations

import functools
from typing import Callable

from sanic import Request
from sanic.response import HTTPResponse, json

from handoff.messages import UnknownConversation
from handoff.queue import AlreadyClaimed


class ConsoleError(Exception):
    """A refusal whose message is safe to show to the counsellor."""

    status = 400


class Invalid(ConsoleError):
    status = 400


class NotFound(ConsoleError):
    status = 404


class Conflict(ConsoleError):
    """Someone else got there first, or the conversation moved on."""

    status = 409


class NotYours(ConsoleError):
    status = 403


def status_of(error: Exception) -> tuple[int, str]:
    if isinstance(error, AlreadyClaimed):
        return 409, "Toinen ohjaaja ehti ottaa tämän keskustelun. (Another counsellor claimed it first.)"
    if isinstance(error, UnknownConversation):
        return 404, "Keskustelua ei löydy. (No such conversation.)"
    if isinstance(error, ConsoleError):
        return error.status, str(error)
    raise error


def api_errors(handler: Callable) -> Callable:
    """Wraps a JSON handler: domain errors become {"error": ...} with their status."""
    @functools.wraps(handler)  # keeps the name and the guard's role marks
    async def wrapped(request: Request, *args, **kwargs) -> HTTPResponse:
        try:
            return await handler(request, *args, **kwargs)
        except (ConsoleError, AlreadyClaimed, UnknownConversation) as error:
            status, message = status_of(error)
            return json({"error": message, "status": status}, status=status)
    return wrapped
