"""The machine-wide model cache: a clean clone of the same content reuses a model, nothing else does."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot import model_cache, training


@pytest.fixture()
def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "shared"
    monkeypatch.setenv("NEUVO_MODEL_CACHE", str(root))
    return root


@pytest.fixture()
def models_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "models"
    monkeypatch.setattr(training.paths, "MODELS_DIR", folder)
    monkeypatch.setattr(training, "model_path_for",
                        lambda hash_, models_dir=folder: folder / f"{training.MODEL_PREFIX}{hash_}.tar.gz")
    return folder


def _fake_training(calls: list) -> object:
    def train(*, name: str, quiet: bool = False, **_: object) -> Path:
        calls.append(name)
        training.paths.MODELS_DIR.mkdir(parents=True, exist_ok=True)
        out = training.paths.MODELS_DIR / f"{name}.tar.gz"
        out.write_bytes(b"model " + name.encode())
        return out
    return train


def test_a_trained_model_is_shared_and_a_clean_clone_reuses_it(
        shared: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list = []
    monkeypatch.setattr(training, "train", _fake_training(calls))
    first = training.ensure_model(quiet=True)
    assert len(calls) == 1
    assert (shared / model_cache.environment_fingerprint() / first.name).read_bytes() == first.read_bytes()

    first.unlink()  # a clean clone: models/ is empty
    again = training.ensure_model(quiet=True)
    assert again == first and again.read_bytes() == b"model " + calls[0].encode()
    assert len(calls) == 1, "the shared model was not reused"


def test_another_environment_does_not_reuse_the_model(
        shared: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list = []
    monkeypatch.setattr(training, "train", _fake_training(calls))
    training.ensure_model(quiet=True).unlink()
    monkeypatch.setattr(model_cache, "environment_fingerprint", lambda: "other-tensorflow")
    training.ensure_model(quiet=True)
    assert len(calls) == 2


def test_changed_training_inputs_do_not_reuse_the_model(
        shared: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list = []
    monkeypatch.setattr(training, "train", _fake_training(calls))
    training.ensure_model(quiet=True).unlink()
    monkeypatch.setattr(training, "training_hash", lambda *a, **k: "changed0content1")
    training.ensure_model(quiet=True)
    assert calls[-1] == "neuvo-changed0content1" and len(calls) == 2


def test_force_trains_even_when_a_shared_model_exists(
        shared: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list = []
    monkeypatch.setattr(training, "train", _fake_training(calls))
    training.ensure_model(quiet=True).unlink()
    training.ensure_model(force=True, quiet=True)
    assert len(calls) == 2


def test_the_cache_can_be_turned_off(models_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEUVO_MODEL_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    calls: list = []
    monkeypatch.setattr(training, "train", _fake_training(calls))
    training.ensure_model(quiet=True).unlink()
    training.ensure_model(quiet=True)
    assert len(calls) == 2 and not (tmp_path / "xdg").exists()


def test_the_fingerprint_follows_installed_versions(monkeypatch: pytest.MonkeyPatch) -> None:
    before = model_cache.environment_fingerprint()
    assert before == model_cache.environment_fingerprint()

    class Dist:
        metadata = {"Name": "tensorflow"}
        version = "99.0"

    real = list(model_cache.metadata.distributions())
    monkeypatch.setattr(model_cache.metadata, "distributions", lambda: [*real, Dist()])
    assert model_cache.environment_fingerprint() != before


def test_the_fingerprint_ignores_a_second_listing_and_the_project_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the project root, the project's egg-info is listed twice: the key must not change."""
    before = model_cache.environment_fingerprint()
    real = list(model_cache.metadata.distributions())

    class Project:
        metadata = {"Name": "neuvo"}
        version = "0.0.1"

    monkeypatch.setattr(model_cache.metadata, "distributions", lambda: [*real, *real[:3], Project()])
    assert model_cache.environment_fingerprint() == before


def test_only_the_newest_models_are_kept(shared: Path, tmp_path: Path) -> None:
    import os

    for index in range(model_cache.KEEP_PER_ENVIRONMENT + 2):
        model = tmp_path / f"neuvo-{index:016d}.tar.gz"
        model.write_bytes(b"x")
        os.utime(model, (1_000_000 + index, 1_000_000 + index))
        model_cache.share(model)
        shared_copy = shared / model_cache.environment_fingerprint() / model.name
        os.utime(shared_copy, (1_000_000 + index, 1_000_000 + index))
    kept = sorted(p.name for p in (shared / model_cache.environment_fingerprint()).glob("*.tar.gz"))
    assert len(kept) == model_cache.KEEP_PER_ENVIRONMENT and kept[-1].endswith(f"{index:016d}.tar.gz")


def test_keep_newest_never_deletes_the_model_in_use_and_only_matching_names(tmp_path: Path) -> None:
    """Shared by training, the cache and the publisher: the served model survives even when old."""
    import os

    names = [f"published-{index}.tar.gz" for index in range(5)]
    for index, name in enumerate(names):
        (tmp_path / name).write_bytes(b"x")
        os.utime(tmp_path / name, (1_000_000 + index, 1_000_000 + index))
    (tmp_path / "neuvo-other.tar.gz").write_bytes(b"x")
    os.utime(tmp_path / "neuvo-other.tar.gz", (1, 1))
    model_cache.keep_newest(tmp_path, 2, keep=tmp_path / names[0], pattern="published-*.tar.gz")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([names[0], names[3], names[4], "neuvo-other.tar.gz"])
