"""The resident socket.io server: Rasa's SocketIO protocol plus resume.

Rasa-compatible (rasa/core/channels/socketio.py): a client emits
`session_request` `{"session_id"}` and gets `session_confirm` with the id
(a string); it emits `user_uttered` `{"message", "session_id"}` and gets
`bot_uttered` events. So an existing Rasa web widget can connect here.

Our extensions (ignored by plain widgets):
- `session_request` may carry `after_seq`, `language` and
  `continuation_code`; the server then also emits `neuvo_session`
  (`session_id`, `owner`, `last_seq`, `bot`) and `neuvo_history` (the stored
  messages after `after_seq`, resident ones included).
- `user_uttered` may carry `neuvo: {"client_msg_id", "title"}`; the resident
  gets `neuvo_ack` (`client_msg_id`, `id`, `seq`, `duplicate`). A retry with the
  same client id is stored and answered once.
- `neuvo_resume` `{"after_seq"}`, `neuvo_code` (get a continuation code),
  `neuvo_language` `{"language"}`, `neuvo_callback` (the callback form).
- Errors are `neuvo_error` `{"code", "client_msg_id"?}`; nothing raises to the
  transport, nothing is logged but pseudonymous ids and error types.
"""
from __future__ import annotations

import functools
import logging
import uuid
from datetime import timedelta
from typing import Any, Awaitable, Callable, Optional

import socketio
from sanic import Sanic

from handoff.auth.ratelimit import address_key, hit
from handoff.botlink.relay import relay_pending
from handoff.botlink.triage import triage_soon
from handoff.chat import codes
from handoff.chat.background import spawn
from handoff.chat.callbacks import parse_form, record_callback
from handoff.chat.push import message_view, push_unsent
from handoff.hotpath import store_resident_message
from handoff.messages import ConversationClosed, UnknownConversation, create_conversation, messages_after
from handoff.models import Conversation, RelayStatus, utcnow

log = logging.getLogger("neuvo.hub.chat")
LANGUAGES = ("fi", "sv", "en")
MAX_CLIENT_ID = 64
CODE_ATTEMPTS_PER_15_MIN = 10


def pseudonym(conversation_id: str) -> str:
    return conversation_id[:8]


def create_socket_server(app: Sanic) -> socketio.AsyncServer:
    settings = app.ctx.settings
    sio = socketio.AsyncServer(
        async_mode="asgi",
        cors_allowed_origins=list(settings.widget_origins) or None,  # None: same origin only
        max_http_buffer_size=settings.websocket_max_bytes,
        logger=False, engineio_logger=False,
    )
    ChatEvents(app, sio).register()
    return sio


class ChatEvents:
    """The handlers; each validates its input and answers errors as `neuvo_error`."""

    def __init__(self, app: Sanic, sio: socketio.AsyncServer) -> None:
        self.app = app
        self.sio = sio

    def register(self) -> None:
        sio = self.sio
        sio.on("connect", self.connect)
        for name, handler in (
            ("session_request", self.session_request), ("user_uttered", self.user_uttered),
            ("neuvo_resume", self.resume), ("neuvo_code", self.code), ("neuvo_language", self.language),
            ("neuvo_callback", self.callback),
        ):
            sio.on(name, self._guarded(handler))
        sio.on("*", self._guarded(self.unknown_event, catch_all=True))

    def _guarded(self, handler: Callable[..., Awaitable[None]], catch_all: bool = False):
        @functools.wraps(handler)
        async def run(*args: Any) -> None:
            sid = args[1] if catch_all else args[0]
            try:
                await handler(*args)
            except Exception as error:  # noqa: BLE001 - never a stack trace with resident data
                log.error("socket event failed: %s", type(error).__name__)
                await self.error(sid, "server_error")
        return run

    async def error(self, sid: str, code: str, **extra: Any) -> None:
        await self.sio.emit("neuvo_error", {"code": code, **extra}, to=sid)

    @property
    def sessionmaker(self):
        return self.app.ctx.sessionmaker

    async def connect(self, sid: str, environ: dict, auth: Any = None) -> None:
        scope = environ.get("asgi.scope") or {}
        client = scope.get("client") or (environ.get("REMOTE_ADDR"), 0)
        await self.sio.save_session(sid, {"conversation_id": None, "address": str(client[0] or "unknown")})

    async def _conversation_id(self, sid: str) -> Optional[str]:
        return (await self.sio.get_session(sid)).get("conversation_id")

    async def _rate_ok(self, sid: str, bucket: str, limit: int, window: timedelta) -> bool:
        address = (await self.sio.get_session(sid)).get("address", "unknown")
        key = address_key(self.app.ctx.settings.secret_key, address)
        async with self.sessionmaker.begin() as session:
            return await hit(session, bucket=bucket, key=key, limit=limit, window=window)

    async def session_request(self, sid: str, data: Any = None) -> None:
        data = data if isinstance(data, dict) else {}
        language = data.get("language") if data.get("language") in LANGUAGES else None
        conversation: Optional[Conversation] = None
        if data.get("continuation_code"):
            if not await self._rate_ok(sid, "resume_code", CODE_ATTEMPTS_PER_15_MIN, timedelta(minutes=15)):
                return await self.error(sid, "rate_limited")
            async with self.sessionmaker() as session:
                conversation = await codes.find_by_code(session, str(data["continuation_code"])[:32])
            if conversation is None:
                return await self.error(sid, "unknown_code")
        elif isinstance(data.get("session_id"), str) and data["session_id"]:
            async with self.sessionmaker() as session:
                conversation = await session.get(Conversation, data["session_id"][:64])
            if conversation is None:
                await self.error(sid, "unknown_conversation")
        if conversation is None:
            conversation = await self._new_conversation(sid, language or "fi")
            if conversation is None:
                return await self.error(sid, "rate_limited")
        await self._join(sid, conversation.id, _int(data.get("after_seq")))
        if language and language != conversation.language:
            await self.language(sid, {"language": language})

    async def _new_conversation(self, sid: str, language: str) -> Optional[Conversation]:
        limit = self.app.ctx.settings.new_conversations_per_ip_per_hour
        if not await self._rate_ok(sid, "new_conversation", limit, timedelta(hours=1)):
            return None
        async with self.sessionmaker.begin() as session:
            return await create_conversation(session, language=language)

    async def _join(self, sid: str, conversation_id: str, after_seq: int) -> None:
        session_data = await self.sio.get_session(sid)
        previous = session_data.get("conversation_id")
        if previous and previous != conversation_id:
            await self.sio.leave_room(sid, previous)
        session_data["conversation_id"] = conversation_id
        await self.sio.save_session(sid, session_data)
        await self.sio.enter_room(sid, conversation_id)
        await self.sio.emit("session_confirm", conversation_id, to=sid)
        async with self.sessionmaker() as session:
            conversation = await session.get(Conversation, conversation_id)
            history = await messages_after(session, conversation_id=conversation_id, after_seq=after_seq)
        await self.sio.emit("neuvo_session", {
            "session_id": conversation_id, "owner": conversation.owner, "language": conversation.language,
            "last_seq": conversation.next_seq - 1,
            "bot": "unavailable" if conversation.bot_unavailable_since else "ok",
        }, to=sid)
        await self.sio.emit("neuvo_history", {
            "messages": [message_view(m) for m in history], "last_seq": conversation.next_seq - 1,
        }, to=sid)

    async def _require_conversation(self, sid: str, data: dict) -> Optional[str]:
        """The socket's conversation; a Rasa widget without session_request gets one made."""
        conversation_id = await self._conversation_id(sid)
        if conversation_id is None:
            await self.session_request(sid, {"session_id": data.get("session_id")} if data else None)
            conversation_id = await self._conversation_id(sid)
        return conversation_id

    async def user_uttered(self, sid: str, data: Any = None) -> None:
        if not isinstance(data, dict):
            return await self.error(sid, "malformed_message")
        extension = data.get("neuvo") if isinstance(data.get("neuvo"), dict) else {}
        client_msg_id = extension.get("client_msg_id") or data.get("client_msg_id") or None
        if client_msg_id is not None and (not isinstance(client_msg_id, str) or len(client_msg_id) > MAX_CLIENT_ID):
            return await self.error(sid, "malformed_client_msg_id")
        message = data.get("message")
        if not isinstance(message, str) or not message.strip():
            return await self.error(sid, "empty_message", client_msg_id=client_msg_id)
        if len(message) > self.app.ctx.settings.max_message_chars:
            return await self.error(sid, "message_too_long", client_msg_id=client_msg_id,
                                    limit=self.app.ctx.settings.max_message_chars)
        conversation_id = await self._require_conversation(sid, data)
        if conversation_id is None:
            return
        title = extension.get("title")
        shown = title.strip()[:200] if isinstance(title, str) and title.strip() else message
        try:
            stored = await store_resident_message(
                self.app.ctx.engine, conversation_id=conversation_id, text=shown,
                client_msg_id=client_msg_id or f"srv-{uuid.uuid4().hex}",
                payload={"relay_text": message} if shown != message else None,
            )
        except UnknownConversation:
            return await self.error(sid, "unknown_conversation", client_msg_id=client_msg_id)
        except ConversationClosed:
            return await self.error(sid, "conversation_closed", client_msg_id=client_msg_id)
        view = message_view(stored.message)
        await self.sio.emit("neuvo_ack", {
            "client_msg_id": client_msg_id, "id": view["id"], "seq": view["seq"], "duplicate": not stored.created,
        }, to=sid)
        if stored.state is None:
            return  # a retry: stored and answered the first time
        await self.sio.emit("neuvo_message", view, room=conversation_id, skip_sid=sid)
        if stored.message.relay_status == RelayStatus.HELD.value:
            triage_soon(self.app, conversation_id, stored.message.id)  # the bot does not see it: triage it still
        else:
            spawn(self.app, relay_pending(self.app, conversation_id, stored.state, stored.claim))

    async def resume(self, sid: str, data: Any = None) -> None:
        conversation_id = await self._conversation_id(sid)
        if conversation_id is None:
            return await self.error(sid, "no_session")
        after = _int((data or {}).get("after_seq") if isinstance(data, dict) else None)
        async with self.sessionmaker() as session:
            history = await messages_after(session, conversation_id=conversation_id, after_seq=after)
            conversation = await session.get(Conversation, conversation_id)
        await self.sio.emit("neuvo_history", {
            "messages": [message_view(m) for m in history], "last_seq": conversation.next_seq - 1,
        }, to=sid)

    async def code(self, sid: str, data: Any = None) -> None:
        conversation_id = await self._conversation_id(sid)
        if conversation_id is None:
            return await self.error(sid, "no_session")
        async with self.sessionmaker.begin() as session:
            code = await codes.code_for(session, conversation_id)
        await self.sio.emit("neuvo_code", {"code": codes.display(code)}, to=sid)

    async def language(self, sid: str, data: Any = None) -> None:
        conversation_id = await self._conversation_id(sid)
        language = data.get("language") if isinstance(data, dict) else None
        if conversation_id is None or language not in LANGUAGES:
            return await self.error(sid, "malformed_language")
        async with self.sessionmaker.begin() as session:
            conversation = await session.get(Conversation, conversation_id)
            conversation.language = language

    async def callback(self, sid: str, data: Any = None) -> None:
        conversation_id = await self._conversation_id(sid)
        if conversation_id is None:
            return await self.error(sid, "no_session")
        form = parse_form(data)
        client_msg_id = data.get("client_msg_id") if isinstance(data, dict) else None
        if isinstance(form, str):
            return await self.error(sid, form, form="callback")
        if client_msg_id is not None and (not isinstance(client_msg_id, str) or len(client_msg_id) > MAX_CLIENT_ID):
            return await self.error(sid, "malformed_client_msg_id", form="callback")
        async with self.sessionmaker.begin() as session:
            conversation = await session.get(Conversation, conversation_id)
            await record_callback(session, conversation=conversation, form=form,
                                  organisation=self.app.ctx.organisation, now=utcnow(), client_msg_id=client_msg_id)
        await self.sio.emit("neuvo_callback_ok", {"client_msg_id": client_msg_id}, to=sid)
        await push_unsent(self.app, conversation_id)

    async def unknown_event(self, event: str, sid: str, *args: Any) -> None:
        await self.error(sid, "unknown_event")


def _int(value: Any) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0
