"""Loads the served model once and parses messages through Rasa's own processor."""
from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Any, Dict, List

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


class ModelParser:
    """Parses texts with `Agent.parse_message`, the path `rasa run` uses."""

    def __init__(self, model_path: Path) -> None:
        from rasa.core.agent import Agent
        from rasa.utils.log_utils import configure_structlog

        # Parse logs carry the message text: keep them out of any output.
        configure_structlog(logging.WARNING)
        logging.getLogger("rasa").setLevel(logging.WARNING)
        self._loop = asyncio.new_event_loop()
        self.agent = Agent.load(str(model_path))

    def parse(self, text: str) -> Dict[str, Any]:
        return self._loop.run_until_complete(self.agent.parse_message(text))

    def parse_many(self, texts: List[str]) -> List[Dict[str, Any]]:
        return [self.parse(text) for text in texts]

    def close(self) -> None:
        self._loop.close()
