"""The model swap's guards (bot/channels/model_swap.py); the swap itself runs in test_real_publish."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.channels import model_swap

TOKEN = "publisher-" + "t" * 40


def request(header: str) -> SimpleNamespace:
    return SimpleNamespace(headers={"authorization": header})


def test_only_the_publisher_token_may_swap(monkeypatch) -> None:
    monkeypatch.setenv("NEUVO_PUBLISHER_TOKEN", TOKEN)
    assert model_swap._authorised(request(f"Bearer {TOKEN}"))
    assert not model_swap._authorised(request("Bearer " + "x" * 50))
    assert not model_swap._authorised(request(TOKEN))
    monkeypatch.setenv("NEUVO_PUBLISHER_TOKEN", "short")
    assert not model_swap._authorised(request("Bearer short"))  # unconfigured: nobody


def test_only_model_files_inside_the_models_folder(monkeypatch, tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    (models / "published-1.tar.gz").write_bytes(b"m")
    (tmp_path / "elsewhere.tar.gz").write_bytes(b"m")
    monkeypatch.setenv("NEUVO_MODELS_DIR", str(models))
    assert model_swap._allowed_model(str(models / "published-1.tar.gz")) == (models / "published-1.tar.gz").resolve()
    for bad in (str(tmp_path / "elsewhere.tar.gz"), str(models / ".." / "elsewhere.tar.gz"),
                str(models / "missing.tar.gz"), str(models / "published-1.tar"), None, 5):
        assert model_swap._allowed_model(bad) is None, bad
