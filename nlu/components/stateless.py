"""Base for our graph components that learn nothing and store nothing."""
from __future__ import annotations

from abc import ABC
from typing import Any, Dict

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


class StatelessComponent(GraphComponent, ABC):
    """Built from its config alone, so `create` is the same for all of them."""

    def __init__(self, config: Dict[str, Any]) -> None:
        self._config = config

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "StatelessComponent":
        return cls(config)
