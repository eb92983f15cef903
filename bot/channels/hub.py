"""The private Rasa channel the hub talks to (`/webhooks/neuvo_hub/webhook`).

Why not Rasa's REST channel: it answers 200 even when processing failed, has
no authentication, processes a retried message twice, lets typed
`/intent{...}` text bypass NLU, and stores the raw text (personal data) in
the tracker (shared/docs/conventions.md, "Rasa 3.6 pitfalls"). This channel:

- authenticates the hub (bearer token, constant-time compare; the token comes
  from NEUVO_HUB_BOT_TOKEN through credentials.yml);
- de-duplicates by the hub's message id, durably: a message id already in the
  tracker (a `UserUttered` with that `message_id`) is not processed again,
  and its original replies are returned instead;
- answers non-2xx whenever the message was not processed (503 when the
  action server is down, so the hub keeps the message and retries);
- treats text starting with `/` as plain text unless it equals a button
  payload the bot has just offered;
- removes henkilötunnus, phone numbers and e-mail addresses before the
  `UserMessage` is built;
- offers `/triage`: the level, markers and language of a message the hub
  holds from the dialogue (waiting or with a counsellor), without touching
  the tracker (bot/channels/hub_triage.py).

The wire format is in docs/handoff-protocol.md.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

import aiohttp
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered

from bot.channels.hub_triage import triage_endpoint
from bot.bearer import bearer_matches
from bot.channels.model_swap import served_model, swap_model_endpoint
from bot.channels.nlu_outcome import nlu_outcome, outcome_in
from bot.channels.redaction import redact

logger = logging.getLogger(__name__)

CHANNEL_NAME = "neuvo_hub"
MAX_TEXT_CHARS = 4000
MAX_ID_CHARS = 64
HANDBACK_TEXT = "/handed_back"
ACTION_HEALTH_TIMEOUT = 2.0
IN_FLIGHT_WAIT_SECONDS = 20.0


def _error(status: int, code: Text) -> HTTPResponse:
    return response.json({"error": code}, status=status)


def _normalise(messages: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """Bot replies as the hub reads them: text, buttons, custom, image, attachment."""
    keys = ("text", "buttons", "custom", "image", "attachment")
    return [{k: m[k] for k in keys if m.get(k) is not None} for m in messages]


def replies_from_events(events: List[Any], message_id: Text) -> Optional[List[Dict[Text, Any]]]:
    """The bot's replies to `message_id`, from the tracker (None if never processed).

    Replies are the `BotUttered` events after the `UserUttered` with that id and
    before the next `UserUttered`; shaped like CollectingOutputChannel's output.
    """
    replies: Optional[List[Dict[Text, Any]]] = None
    for event in events:
        if isinstance(event, UserUttered):
            if replies is not None:
                break
            if event.message_id == message_id:
                replies = []
        elif replies is not None and isinstance(event, BotUttered):
            data = event.data or {}
            buttons = data.get("buttons")
            if event.text and not buttons:
                replies.extend({"text": part} for part in event.text.strip().split("\n\n"))
            elif event.text or buttons:
                replies.append({"text": event.text, "buttons": buttons})
            for key in ("custom", "image", "attachment"):
                if data.get(key) is not None:
                    replies.append({key: data[key]})
    return replies


def last_offered_payloads(events: List[Any]) -> List[Text]:
    """Button payloads of the bot's latest message (what a click may send)."""
    for event in reversed(events):
        if isinstance(event, UserUttered):
            return []
        if isinstance(event, BotUttered):
            buttons = (event.data or {}).get("buttons") or []
            if buttons:
                return [str(b.get("payload", "")) for b in buttons]
    return []


def plain_text(text: Text, offered: List[Text]) -> Text:
    """Typed `/intent{...}` becomes plain text unless it is an offered button payload."""
    if not text.startswith("/") or text in offered:
        return text
    return text.lstrip("/").strip() or "?"


class HubInput(InputChannel):
    """The hub's private channel (see the module docstring)."""

    @classmethod
    def name(cls) -> Text:
        return CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        return cls(token=str((credentials or {}).get("token") or ""))

    def __init__(self, token: Text) -> None:
        self.token = token
        self._in_flight: Dict[Text, "asyncio.Future[List[Dict[Text, Any]]]"] = {}

    def _authorised(self, request: Request) -> bool:
        return bearer_matches(request.headers.get("authorization"), self.token)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        hub_webhook = Blueprint("neuvo_hub_webhook", __name__)

        @hub_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @hub_webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self._authorised(request):
                return _error(401, "unauthorised")
            body = request.json if isinstance(request.json, dict) else None
            parsed = _parse_body(body)
            if isinstance(parsed, str):
                return _error(400, parsed)
            sender, message_id, text, event, metadata = parsed
            agent = request.app.ctx.agent
            if agent is None or not agent.is_ready():
                return _error(503, "model_not_ready")
            return await self._handle(request, on_new_message, sender, message_id, text, event, metadata)

        @hub_webhook.route("/triage", methods=["POST"])
        async def triage(request: Request) -> HTTPResponse:
            # Triage only, no dialogue: for messages the hub holds (bot/channels/hub_triage.py).
            return await triage_endpoint(request, self._authorised(request), MAX_TEXT_CHARS)

        @hub_webhook.route("/model", methods=["GET", "PUT"])
        async def model(request: Request) -> HTTPResponse:
            # The publisher switches models without downtime (bot/channels/model_swap.py).
            return await swap_model_endpoint(request) if request.method == "PUT" else served_model(request)

        return hub_webhook

    async def _handle(
        self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]],
        sender: Text, message_id: Text, text: Text, event: Optional[Text], metadata: Dict[Text, Any],
    ) -> HTTPResponse:
        key = f"{sender}\x00{message_id}"
        running = self._in_flight.get(key)
        if running is not None:
            try:  # a retry of a message still being processed: answer with its result
                replies = await asyncio.wait_for(asyncio.shield(running), IN_FLIGHT_WAIT_SECONDS)
            except Exception:  # noqa: BLE001 - the original failed or is still running
                return _error(409, "in_progress")
            return response.json({"message_id": message_id, "duplicate": True, "messages": replies})
        # Registered before any await, so a second delivery arriving meanwhile waits for this one.
        future: "asyncio.Future[List[Dict[Text, Any]]]" = asyncio.get_running_loop().create_future()
        self._in_flight[key] = future
        try:
            answer = await self._process(request.app.ctx.agent, on_new_message, sender, message_id, text, event,
                                         metadata)
        except Exception as exc:  # noqa: BLE001 - any failure must reach the hub as non-2xx
            # Type only: the exception text may quote the resident's message.
            logger.error("hub channel: processing failed (%s)", type(exc).__name__)
            future.set_exception(exc)
            future.exception()  # retrieved: no "never retrieved" warning
            return _error(500, "processing_failed")
        finally:
            self._in_flight.pop(key, None)
        if isinstance(answer, HTTPResponse):
            future.set_exception(RuntimeError("not processed"))
            future.exception()
            return answer
        replies, duplicate, nlu = answer
        future.set_result(replies)
        return response.json({"message_id": message_id, "duplicate": duplicate, "messages": replies, "nlu": nlu})

    async def _process(
        self, agent: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]], sender: Text,
        message_id: Text, text: Text, event: Optional[Text], metadata: Dict[Text, Any],
    ):
        """(replies, duplicate, NLU outcome), or an error response when the message must not be processed now.

        The outcome (intent and confidence only, for the editors' inbox:
        bot/channels/nlu_outcome.py) of a duplicate comes from the events
        already read; a hand-back has none.
        """
        events = await _tracker_events(agent, sender)
        earlier = replies_from_events(events, message_id)
        if earlier is not None:
            return _normalise(earlier), True, outcome_in(events, message_id)
        if not await _action_server_up(agent):
            return _error(503, "action_server_unavailable")
        if event == "handback":
            return await self._handback(agent, on_new_message, sender, message_id, metadata), False, None
        safe_text, removed = redact(text)
        collector = CollectingOutputChannel()
        await on_new_message(UserMessage(
            plain_text(safe_text, last_offered_payloads(events)), collector, sender,
            input_channel=self.name(), message_id=message_id, metadata={**metadata, "redacted": removed},
        ))
        return _normalise(collector.messages), False, await nlu_outcome(agent, sender, message_id)

    async def _handback(
        self, agent: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]],
        sender: Text, message_id: Text, metadata: Dict[Text, Any],
    ) -> List[Dict[Text, Any]]:
        """The conversation is the bot's again (docs/handoff-protocol.md, "Hand-back").

        The dialogue recognises the metadata, not the text: its policy runs
        the hand-back action, which clears the handoff state and greets the
        resident back. De-duplicated by message id like any message.
        """
        collector = CollectingOutputChannel()
        await on_new_message(UserMessage(
            HANDBACK_TEXT, collector, sender, input_channel=self.name(), message_id=message_id,
            metadata={**metadata, "neuvo": {"event": "handed_back"}},
        ))
        return _normalise(collector.messages)


def _parse_body(body: Optional[Dict[Text, Any]]):
    """(sender, message_id, text, event, metadata) or an error code."""
    if body is None:
        return "body_must_be_a_json_object"
    sender, message_id = body.get("sender"), body.get("message_id")
    if not isinstance(sender, str) or not 0 < len(sender) <= MAX_ID_CHARS:
        return "sender_required"
    if not isinstance(message_id, str) or not 0 < len(message_id) <= MAX_ID_CHARS:
        return "message_id_required"
    event = body.get("event")
    if event not in (None, "handback"):
        return "unknown_event"
    text = body.get("text", "")
    if event is None and (not isinstance(text, str) or not text.strip()):
        return "text_required"
    if isinstance(text, str) and len(text) > MAX_TEXT_CHARS:
        return "text_too_long"
    metadata = body.get("metadata") or {}
    if not isinstance(metadata, dict):
        return "metadata_must_be_an_object"
    return sender, message_id, text if isinstance(text, str) else "", event, metadata


async def _tracker_events(agent: Any, sender: Text) -> List[Any]:
    store = agent.tracker_store
    tracker = await store.retrieve_full_tracker(sender)
    return list(tracker.events) if tracker is not None else []


async def _action_server_up(agent: Any) -> bool:
    """A quick health check, so a message is not half-processed without its actions.

    Rasa drops a failing action's events and carries on (conventions), so a
    message processed while the action server is down would be answered
    wrongly and then count as processed; checking first keeps it retryable.
    """
    endpoint = getattr(agent, "action_endpoint", None)
    url = getattr(endpoint, "url", None)
    if not url:
        return True
    health = url.rsplit("/webhook", 1)[0] + "/health"
    try:
        timeout = aiohttp.ClientTimeout(total=ACTION_HEALTH_TIMEOUT)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            async with session.get(health) as answer:
                return answer.status == 200
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
        return False
