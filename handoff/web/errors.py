"""Errors as clear, friendly answers: never a stack trace, never a bare 500.

JSON for API and socket clients, a short page for browsers; the resident's
language when the request says it (`?lang=` or Accept-Language).
"""
from __future__ import annotations

import logging

from sanic import Request
from sanic.exceptions import SanicException
from sanic.handlers import ErrorHandler
from sanic.response import HTTPResponse, html, json

log = logging.getLogger("neuvo.hub")

MESSAGES = {
    "fi": "Jokin meni vikaan. Yritä hetken päästä uudelleen. Hätätilanteessa soita 112.",
    "sv": "Något gick fel. Försök igen om en stund. I en nödsituation, ring 112.",
    "en": "Something went wrong. Please try again in a moment. In an emergency, call 112.",
}


def request_language(request: Request) -> str:
    lang = (request.args.get("lang") or "").lower()
    if lang in MESSAGES:
        return lang
    accept = (request.headers.get("accept-language") or "").lower()
    for code in ("fi", "sv", "en"):
        if accept.startswith(code):
            return code
    return "fi"


class FriendlyErrorHandler(ErrorHandler):
    """Maps every exception to a short answer; logs only the type and path."""

    def default(self, request: Request, exception: Exception) -> HTTPResponse:
        status = exception.status_code if isinstance(exception, SanicException) else 500
        if status >= 500:
            # Type and route only: exception text may contain resident data.
            log.error("request failed: %s on %s", type(exception).__name__, request.path)
        message = MESSAGES[request_language(request)]
        if status < 500 and isinstance(exception, SanicException):
            detail = str(exception) if getattr(exception, "quiet", True) else ""
        else:
            detail = ""
        wants_json = "application/json" in (request.headers.get("accept") or "") or not request.path.endswith(("/", ".html")) and "/api/" in request.path
        if wants_json:
            return json({"error": detail or message, "status": status}, status=status)
        body = f"<!doctype html><meta charset=utf-8><title>{status}</title><p>{_escape(detail or message)}</p>"
        return html(body, status=status)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
