"""Tells the running Rasa to serve another model (bot/channels/model_swap.py), over loopback HTTP."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

SWAP_PATH = "/webhooks/neuvo_hub/model"
LOAD_TIMEOUT_SECONDS = 600


class SwapFailed(RuntimeError):
    """Rasa did not switch; it still serves the old model."""


def swap_model(rasa_url: str, token: str, model: Path, timeout: float = LOAD_TIMEOUT_SECONDS) -> None:
    request = urllib.request.Request(
        rasa_url.rstrip("/") + SWAP_PATH, method="PUT",
        data=json.dumps({"model_file": str(model.resolve())}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            if answer.status != 200:
                raise SwapFailed(f"status {answer.status}")
    except urllib.error.HTTPError as error:
        raise SwapFailed(f"status {error.code}") from None
    except OSError as error:
        raise SwapFailed(type(error).__name__) from None


def served_model(rasa_url: str, token: str) -> str:
    """The file name of the model Rasa serves now ('' when it cannot say)."""
    request = urllib.request.Request(rasa_url.rstrip("/") + SWAP_PATH,
                                     headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return str(json.loads(answer.read()).get("model_file") or "")
    except (OSError, ValueError):
        return ""
