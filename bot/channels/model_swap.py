"""`PUT /webhooks/neuvo_hub/model`: the publisher switches the running Rasa to a new model.

Why not Rasa's own `PUT /model`: it needs `--enable-api` (the whole HTTP API,
token in the query string; shared/docs/conventions.md says keep it off), and
it loads the model on the event loop, so Rasa answers nobody for the tens of
seconds a load takes. Here the model is loaded in a worker thread while the
old one keeps answering, and the switch is one assignment on the loop.

Authenticated with the publisher's own bearer token (NEUVO_PUBLISHER_TOKEN,
from the same secrets file as the hub's), never the hub's: the hub must not
be able to change the model. Body: `{"model_file": "/abs/path.tar.gz"}`;
only files under the models folder are accepted.
"""
from __future__ import annotations

import asyncio
import copy
import logging
import os
from pathlib import Path
from typing import Any, Optional, Text

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.bearer import bearer_matches

logger = logging.getLogger(__name__)

TOKEN_ENV = "NEUVO_PUBLISHER_TOKEN"
MODELS_DIR_ENV = "NEUVO_MODELS_DIR"
_swap_lock: Optional[asyncio.Lock] = None


def _authorised(request: Request) -> bool:
    return bearer_matches(request.headers.get("authorization"), os.environ.get(TOKEN_ENV) or "")


def _allowed_model(path_text: Any) -> Optional[Path]:
    """The model file when it is an existing .tar.gz inside the models folder."""
    if not isinstance(path_text, str) or not path_text.endswith(".tar.gz"):
        return None
    from bot import paths

    models_dir = Path(os.environ.get(MODELS_DIR_ENV) or paths.MODELS_DIR).resolve()
    path = Path(path_text).resolve()
    if models_dir not in path.parents or not path.is_file():
        return None
    return path


def _load_processor(agent: Any, model: Path) -> Any:
    """The heavy part, in a thread: a processor sharing the agent's stores and generator."""
    from rasa.core.processor import MessageProcessor

    return MessageProcessor(
        model_path=str(model), tracker_store=agent.tracker_store, lock_store=agent.lock_store,
        generator=agent.nlg, action_endpoint=agent.action_endpoint, http_interpreter=agent.http_interpreter,
    )


def _switch(app: Any, processor: Any) -> None:
    """One step on the loop, no await: new messages get the new model from here on."""
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator

    agent = copy.copy(app.ctx.agent)
    agent.processor = processor
    agent.domain = processor.domain
    agent.tracker_store.domain = processor.domain
    if isinstance(agent.nlg, TemplatedNaturalLanguageGenerator):
        agent.nlg.responses = processor.domain.responses if processor.domain else {}
    app.ctx.agent = agent


async def swap_model_endpoint(request: Request) -> HTTPResponse:
    """Loads the model off the loop, then switches; 204 when the new model answers."""
    global _swap_lock
    if not _authorised(request):
        return response.json({"error": "unauthorised"}, status=401)
    body = request.json if isinstance(request.json, dict) else {}
    model = _allowed_model(body.get("model_file"))
    if model is None:
        return response.json({"error": "model_file_not_allowed"}, status=400)
    agent = request.app.ctx.agent
    if agent is None or not agent.is_ready():
        return response.json({"error": "model_not_ready"}, status=503)
    _swap_lock = _swap_lock or asyncio.Lock()
    async with _swap_lock:
        try:
            processor = await asyncio.get_running_loop().run_in_executor(None, _load_processor, agent, model)
        except Exception as error:  # noqa: BLE001 - the old model keeps serving
            logger.error("model swap: loading failed (%s)", type(error).__name__)
            return response.json({"error": "loading_failed"}, status=500)
        _switch(request.app, processor)
    logger.info("model swap: now serving %s", model.name)
    return response.json({"model_file": model.name}, status=200)


def served_model(request: Request) -> HTTPResponse:
    """`GET .../model`: the file name of the served model (for the publisher's status)."""
    if not _authorised(request):
        return response.json({"error": "unauthorised"}, status=401)
    agent = request.app.ctx.agent
    name: Optional[Text] = agent.model_name if agent is not None and agent.is_ready() else None
    return response.json({"model_file": name})
