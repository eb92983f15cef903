"""HTTP client for the bot's private channel (docs/handoff-protocol.md)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

import httpx

CHANNEL_PATH = "/webhooks/neuvo_hub/webhook"
TRIAGE_PATH = "/webhooks/neuvo_hub/triage"
TRIAGE_TIMEOUT_SECONDS = 10.0
LEVELS = ("emergency", "urgent", "support", "none")
RETRYABLE = {409, 500, 502, 503, 504}


class BotUnavailable(Exception):
    """Rasa or the action server did not process the message; keep it and retry."""


class BotRejected(Exception):
    """Rasa refused the request itself (4xx); retrying the same request cannot help."""


@dataclass(frozen=True)
class BotAnswer:
    messages: list[dict[str, Any]]
    duplicate: bool
    # The NLU outcome for the editors' inbox: {intent, confidence, fallback} or None.
    nlu: Optional[dict[str, Any]] = None


@dataclass(frozen=True)
class TriageAnswer:
    """The bot's triage of one message: level, markers, and its language when sure (else None)."""

    level: str
    markers: list[str]
    language: Optional[str]


class BotClient:
    """One pooled HTTP client to Rasa, created at server start (app.ctx.bot)."""

    def __init__(self, base_url: str, token: str, timeout: float) -> None:
        self._http = httpx.AsyncClient(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 2.0)),
        )

    async def close(self) -> None:
        await self._http.aclose()

    async def _post(self, path: str, body: dict[str, Any], timeout: Optional[httpx.Timeout] = None) -> httpx.Response:
        """POSTs to the channel; a 200 answer, or BotUnavailable (retry later) / BotRejected (never)."""
        try:
            if timeout is None:
                answer = await self._http.post(path, json=body)
            else:
                answer = await self._http.post(path, json=body, timeout=timeout)
        except (httpx.TransportError, httpx.TimeoutException) as error:
            raise BotUnavailable(type(error).__name__) from None
        if answer.status_code in RETRYABLE or answer.status_code == 404:
            # 404: Rasa is up but the channel is not mounted yet (still loading).
            raise BotUnavailable(f"status {answer.status_code}")
        if answer.status_code != 200:
            raise BotRejected(f"status {answer.status_code}")
        return answer

    async def send(
        self, *, conversation_id: str, message_id: str, text: str = "",
        metadata: Optional[dict[str, Any]] = None, event: Optional[str] = None,
    ) -> BotAnswer:
        """Relays one message (or an event); raises BotUnavailable or BotRejected."""
        body: dict[str, Any] = {
            "sender": conversation_id, "message_id": message_id, "text": text, "metadata": metadata or {},
        }
        if event:
            body["event"] = event
        answer = await self._post(CHANNEL_PATH, body)
        try:
            data = answer.json()
            messages = [m for m in data.get("messages", []) if isinstance(m, dict)]
        except (ValueError, AttributeError):
            raise BotUnavailable("unreadable answer") from None
        nlu = data.get("nlu") if isinstance(data.get("nlu"), dict) else None
        return BotAnswer(messages=messages, duplicate=bool(data.get("duplicate")), nlu=nlu)

    async def triage(self, *, text: str) -> TriageAnswer:
        """Triage only, no dialogue (docs/handoff-protocol.md); raises BotUnavailable or BotRejected."""
        answer = await self._post(TRIAGE_PATH, {"text": text},
                                  timeout=httpx.Timeout(TRIAGE_TIMEOUT_SECONDS, connect=2.0))
        try:
            data = answer.json()
            level = data["level"] if data.get("level") in LEVELS else "none"
            markers = [str(m) for m in data.get("markers") or []][:50]
            language = data.get("language") if data.get("language") in ("fi", "sv", "en") else None
        except (ValueError, AttributeError, KeyError):
            raise BotUnavailable("unreadable answer") from None
        return TriageAnswer(level=level, markers=markers, language=language)
