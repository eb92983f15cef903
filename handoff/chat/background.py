"""Background work of the hub's request handlers (relays, triage), kept so shutdown can wait for it."""
from __future__ import annotations

import asyncio
from typing import Any, Coroutine

from sanic import Sanic


def spawn(app: Sanic, work: Coroutine[Any, Any, Any]) -> None:
    """Runs `work` in the background; `app.ctx.background_tasks` holds it until it is done."""
    tasks: set = app.ctx.background_tasks
    task = asyncio.get_running_loop().create_task(work)
    tasks.add(task)
    task.add_done_callback(tasks.discard)
