"""HTTP client for the bot's private channel (docs/handoff-protocol.md)."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Optional

import aiohttp

from handoff.levels import known

CHANNEL_PATH = "/webhooks/neuvo_hub/webhook"
TRIAGE_PATH = "/webhooks/neuvo_hub/triage"
TRIAGE_TIMEOUT_SECONDS = 10.0
RETRYABLE = {409, 500, 502, 503, 504}
MAX_CONNECTIONS = 1000


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
    """One pooled HTTP client to Rasa, created at server start (app.ctx.bot).

    Why aiohttp and not httpx (the hub's other HTTP client): this one is on
    every resident message's path, and on these machines a POST cost about
    0.16 ms of CPU with aiohttp against 0.85 ms with httpx.
    """

    def __init__(self, base_url: str, token: str, timeout: float) -> None:
        self._base_url = base_url.rstrip("/")  # may carry a path (Rasa behind a proxy)
        self._http = aiohttp.ClientSession(
            headers={"Authorization": f"Bearer {token}"},
            # At most one request per conversation is in flight (the relay's lock), so the pool
            # is not what bounds the load on Rasa; a burst must wait for Rasa, not for a slot.
            connector=aiohttp.TCPConnector(limit=MAX_CONNECTIONS),
            # sock_connect, not connect: aiohttp's `connect` also counts the wait for a pooled
            # connection, which under a burst would call a busy Rasa "down".
            timeout=aiohttp.ClientTimeout(total=timeout, sock_connect=min(timeout, 2.0)),
        )

    async def close(self) -> None:
        await self._http.close()

    async def _post(self, path: str, body: dict[str, Any],
                    timeout: Optional[aiohttp.ClientTimeout] = None) -> Any:
        """POSTs to the channel; the decoded JSON of a 200 answer, or BotUnavailable (retry later) / BotRejected."""
        try:
            async with self._http.post(self._base_url + path, json=body, **({"timeout": timeout} if timeout else {})) as answer:
                if answer.status in RETRYABLE or answer.status == 404:
                    # 404: Rasa is up but the channel is not mounted yet (still loading).
                    raise BotUnavailable(f"status {answer.status}")
                if answer.status != 200:
                    raise BotRejected(f"status {answer.status}")
                try:
                    return await answer.json(content_type=None)
                except ValueError:
                    raise BotUnavailable("unreadable answer") from None
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise BotUnavailable(type(error).__name__) from None

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
        data = await self._post(CHANNEL_PATH, body)
        try:
            messages = [m for m in data.get("messages", []) if isinstance(m, dict)]
        except (ValueError, AttributeError):
            raise BotUnavailable("unreadable answer") from None
        nlu = data.get("nlu") if isinstance(data.get("nlu"), dict) else None
        return BotAnswer(messages=messages, duplicate=bool(data.get("duplicate")), nlu=nlu)

    async def triage(self, *, text: str) -> TriageAnswer:
        """Triage only, no dialogue (docs/handoff-protocol.md); raises BotUnavailable or BotRejected."""
        data = await self._post(TRIAGE_PATH, {"text": text},
                                timeout=aiohttp.ClientTimeout(total=TRIAGE_TIMEOUT_SECONDS, sock_connect=2.0))
        try:
            level = known(data["level"])
            markers = [str(m) for m in data.get("markers") or []][:50]
            language = data.get("language") if data.get("language") in ("fi", "sv", "en") else None
        except (ValueError, AttributeError, KeyError):
            raise BotUnavailable("unreadable answer") from None
        return TriageAnswer(level=level, markers=markers, language=language)
