"""A tiny client for the Rasa REST channel used by the conversation tests."""
from __future__ import annotations

import uuid
from typing import Any, Dict, List

import requests


class Chat:
    """One resident's conversation with the running bot."""

    def __init__(self, base_url: str) -> None:
        self.url = f"{base_url}/webhooks/rest/webhook"
        self.sender = f"test-{uuid.uuid4().hex[:12]}"

    def send(self, text: str, metadata: Dict[str, Any] | None = None) -> List[Dict[str, Any]]:
        body: Dict[str, Any] = {"sender": self.sender, "message": text}
        if metadata is not None:
            body["metadata"] = metadata
        response = requests.post(self.url, json=body, timeout=60)
        assert response.status_code == 200, response.text[:500]
        return response.json()

    def say(self, text: str) -> Dict[str, Any]:
        """Sends and returns the bot's answer as one message.

        Rasa's REST channel splits a text at blank lines into several
        messages; they are joined back here, with all their buttons.
        """
        replies = self.send(text)
        assert replies, f"no reply to {text[:60]!r}"
        return {
            "text": "\n\n".join(r["text"] for r in replies if r.get("text")),
            "buttons": [b for r in replies for b in r.get("buttons") or []],
            "custom": [r["custom"] for r in replies if r.get("custom")],
            "replies": replies,
        }
